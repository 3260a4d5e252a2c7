// Turning SARIF fixes (artifact changes with replacement regions) into patch text.
#include "parse/sarif.h"

#include <algorithm>

namespace rb::parse {

namespace {

struct Edit {
    qsizetype begin = 0; // offsets into the original text
    qsizetype end = 0;
    QString inserted;
};

struct LineEdit {
    int firstLine = 0; // 0-based, inclusive
    int lastLine = 0;
    QStringList newLines;
};

QList<qsizetype> lineStarts(const QString &text)
{
    QList<qsizetype> starts{0};
    for (qsizetype i = 0; i < text.size(); ++i)
        if (text[i] == QLatin1Char('\n'))
            starts.append(i + 1);
    return starts;
}

int lineOf(const QList<qsizetype> &starts, qsizetype offset)
{
    const auto it = std::upper_bound(starts.begin(), starts.end(), offset);
    return int(it - starts.begin()) - 1;
}

} // namespace

Result<QString> unifiedDiffOfReplacements(const QString &path, const QString &original,
                                          QList<TextReplacement> replacements)
{
    const QList<qsizetype> starts = lineStarts(original);
    auto lineEndOffset = [&](int line0) {
        qsizetype e = line0 + 1 < starts.size() ? starts[line0 + 1] - 1 : original.size();
        if (e > starts[line0] && original[e - 1] == QLatin1Char('\r'))
            --e;
        return e;
    };
    QList<Edit> edits;
    for (const TextReplacement &r : replacements) {
        Edit e;
        e.inserted = r.inserted;
        if (r.charOffset >= 0) {
            e.begin = r.charOffset;
            e.end = r.charOffset + r.charLength;
        } else {
            const int sl = r.startLine - 1;
            const int el = (r.endLine > 0 ? r.endLine : r.startLine) - 1;
            if (sl < 0 || el < sl || el >= starts.size())
                return Error::of(QStringLiteral("%1: replacement lines %2-%3 lie outside the file (%4 lines)")
                                     .arg(path).arg(r.startLine).arg(el + 1).arg(starts.size()));
            e.begin = starts[sl] + std::max(r.startColumn, 1) - 1;
            e.end = r.endColumn > 0 ? starts[el] + r.endColumn - 1 : lineEndOffset(el);
        }
        if (e.begin < 0 || e.end < e.begin || e.end > original.size())
            return Error::of(QStringLiteral("%1: a replacement region lies outside the file").arg(path));
        edits.append(e);
    }
    std::sort(edits.begin(), edits.end(), [](const Edit &a, const Edit &b) { return a.begin < b.begin; });
    for (qsizetype i = 1; i < edits.size(); ++i)
        if (edits[i].begin < edits[i - 1].end)
            return Error::of(QStringLiteral("%1: two replacement regions overlap").arg(path));

    // Line-level edits: whole lines touched by one or more replacements.
    QList<LineEdit> lineEdits;
    for (qsizetype i = 0; i < edits.size();) {
        const int first = lineOf(starts, edits[i].begin);
        int last = lineOf(starts, std::max(edits[i].end - (edits[i].end > edits[i].begin ? 1 : 0), edits[i].begin));
        qsizetype j = i + 1;
        while (j < edits.size() && lineOf(starts, edits[j].begin) <= last) {
            last = std::max(last, lineOf(starts, std::max(edits[j].end - 1, edits[j].begin)));
            ++j;
        }
        const qsizetype blockBegin = starts[first];
        const qsizetype blockEnd = lineEndOffset(last);
        QString block = original.mid(blockBegin, blockEnd - blockBegin);
        for (qsizetype k = j - 1; k >= i; --k)
            block.replace(edits[k].begin - blockBegin, edits[k].end - edits[k].begin, edits[k].inserted);
        if (block.endsWith(QLatin1Char('\n')) && blockEnd < original.size())
            block.chop(1); // the line's own newline follows the block
        lineEdits.append(LineEdit{first, last, block.split(QLatin1Char('\n'))});
        i = j;
    }

    QStringList oldLines = original.split(QLatin1Char('\n'));
    if (original.endsWith(QLatin1Char('\n')))
        oldLines.removeLast();
    for (QString &l : oldLines)
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
    const int n = int(oldLines.size());
    constexpr int kContext = 3;

    QString out = QStringLiteral("--- a/%1\n+++ b/%1\n").arg(path);
    int delta = 0;
    for (qsizetype g = 0; g < lineEdits.size();) {
        qsizetype h = g + 1;
        while (h < lineEdits.size() && lineEdits[h].firstLine - lineEdits[h - 1].lastLine - 1 <= 2 * kContext)
            ++h;
        const int from = std::max(0, lineEdits[g].firstLine - kContext);
        const int to = std::min(n - 1, lineEdits[h - 1].lastLine + kContext);
        QStringList body;
        int oldCount = 0, newCount = 0;
        int line = from;
        for (qsizetype k = g; k < h; ++k) {
            for (; line < lineEdits[k].firstLine; ++line, ++oldCount, ++newCount)
                body << QLatin1Char(' ') + oldLines.value(line);
            for (; line <= lineEdits[k].lastLine; ++line, ++oldCount)
                body << QLatin1Char('-') + oldLines.value(line);
            for (const QString &nl : lineEdits[k].newLines) {
                body << QLatin1Char('+') + nl;
                ++newCount;
            }
        }
        for (; line <= to; ++line, ++oldCount, ++newCount)
            body << QLatin1Char(' ') + oldLines.value(line);
        out += QStringLiteral("@@ -%1,%2 +%3,%4 @@\n").arg(from + 1).arg(oldCount).arg(from + 1 + delta).arg(newCount);
        out += body.join(QLatin1Char('\n')) + QLatin1Char('\n');
        delta += newCount - oldCount;
        g = h;
    }
    return out;
}

QString replacementFragment(const QString &path, const QList<TextReplacement> &replacements)
{
    QString out;
    for (const TextReplacement &r : replacements) {
        QString where;
        if (r.charOffset >= 0) {
            where = QStringLiteral("%1@%2+%3").arg(path).arg(r.charOffset).arg(r.charLength);
        } else {
            const int endLine = r.endLine > 0 ? r.endLine : r.startLine;
            where = QStringLiteral("%1:%2:%3-%4:%5")
                        .arg(path).arg(r.startLine).arg(std::max(r.startColumn, 1)).arg(endLine)
                        .arg(r.endColumn > 0 ? QString::number(r.endColumn) : QStringLiteral("end"));
        }
        if (r.inserted.isEmpty()) {
            out += QStringLiteral("# %1 deleted\n").arg(where);
            continue;
        }
        out += QStringLiteral("# %1 replaced by:\n").arg(where);
        QString text = r.inserted;
        if (text.endsWith(QLatin1Char('\n')))
            text.chop(1);
        for (const QString &l : text.split(QLatin1Char('\n')))
            out += QLatin1Char('+') + l + QLatin1Char('\n');
    }
    return out;
}

} // namespace rb::parse
