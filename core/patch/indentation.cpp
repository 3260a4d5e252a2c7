#include "patch/indentation.h"

#include <algorithm>

namespace rb::patch {

QByteArray leadingWhitespace(const QByteArray &line)
{
    qsizetype n = 0;
    while (n < line.size() && (line.at(n) == ' ' || line.at(n) == '\t'))
        ++n;
    return line.left(n);
}

IndentStyle detectIndentStyle(const QList<QByteArray> &lines)
{
    int tabLines = 0;
    QList<int> spaceCounts;
    for (const QByteArray &l : lines) {
        if (l.trimmed().isEmpty())
            continue;
        const QByteArray ws = leadingWhitespace(l);
        if (ws.isEmpty())
            continue;
        if (ws.startsWith('\t'))
            ++tabLines;
        const int spaces = int(std::count(ws.begin(), ws.end(), ' '));
        if (spaces > 1) // a single space is comment continuation (" * "), not a level
            spaceCounts.append(spaces);
    }
    IndentStyle style;
    style.tabs = tabLines > 0 && tabLines >= spaceCounts.size() - tabLines;
    for (int unit : {8, 4, 3, 2}) {
        const auto divisible = std::count_if(spaceCounts.begin(), spaceCounts.end(), [unit](int c) { return c % unit == 0; });
        if (!spaceCounts.isEmpty() && divisible * 10 >= spaceCounts.size() * 8) {
            style.unit = unit;
            break;
        }
    }
    return style;
}

IndentLevel indentLevel(const QByteArray &line, const IndentStyle &style)
{
    const QByteArray ws = leadingWhitespace(line);
    const int tabs = int(std::count(ws.begin(), ws.end(), '\t'));
    const int spaces = int(ws.size()) - tabs;
    return IndentLevel{tabs + spaces / style.unit, spaces % style.unit};
}

QByteArray renderIndent(const IndentLevel &level, const IndentStyle &style)
{
    const int levels = std::max(0, level.level);
    QByteArray out = style.tabs ? QByteArray(levels, '\t') : QByteArray(levels * style.unit, ' ');
    out += QByteArray(level.extraSpaces, ' ');
    return out;
}

QByteArray reindent(const QByteArray &added, const QByteArray &anchorInFix, const QByteArray &anchorInFile,
                    const IndentStyle &fixStyle, const IndentStyle &fileStyle)
{
    const QByteArray body = added.mid(leadingWhitespace(added).size());
    if (body.trimmed().isEmpty())
        return {};
    const IndentLevel addedLevel = indentLevel(added, fixStyle);
    const IndentLevel fixAnchor = indentLevel(anchorInFix, fixStyle);
    const IndentLevel fileAnchor = indentLevel(anchorInFile, fileStyle);
    IndentLevel target{fileAnchor.level + addedLevel.level - fixAnchor.level, addedLevel.extraSpaces};
    return renderIndent(target, fileStyle) + body;
}

} // namespace rb::patch
