#include "search/diff_find.h"

namespace rb::ui {

namespace {

bool isWordChar(QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); }

void addGapMatches(QList<DiffMatch> &out, int row, int gapId, int gapFrom, int hidden, const QStringList &newLines,
                   const QString &needle, const FindOptions &options)
{
    for (int n = gapFrom; n < gapFrom + hidden && n >= 1 && n <= newLines.size(); ++n)
        for (const LineMatch &m : findInLine(newLines[n - 1], needle, options))
            out << DiffMatch{row, 1, n, m.start, m.length, true, gapId};
}

void addLineMatches(QList<DiffMatch> &out, int row, int side, int line, const QString &text, const QString &needle,
                    const FindOptions &options)
{
    for (const LineMatch &m : findInLine(text, needle, options))
        out << DiffMatch{row, side, line, m.start, m.length, false, -1};
}

} // namespace

QList<LineMatch> findInLine(const QString &line, const QString &needle, const FindOptions &options)
{
    QList<LineMatch> out;
    if (needle.isEmpty())
        return out;
    const Qt::CaseSensitivity cs = options.caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive;
    qsizetype from = 0;
    while (from <= line.size() - needle.size()) {
        const qsizetype at = line.indexOf(needle, from, cs);
        if (at < 0)
            break;
        const qsizetype end = at + needle.size();
        const bool wordOk = !options.wholeWord
            || ((at == 0 || !isWordChar(line[at - 1])) && (end == line.size() || !isWordChar(line[end])));
        if (wordOk) {
            out << LineMatch{int(at), int(needle.size())};
            from = end;
        } else {
            from = at + 1;
        }
    }
    return out;
}

QList<DiffMatch> findInRows(const QList<UnifiedRow> &rows, const QStringList &newLines, const QString &needle,
                            const FindOptions &options)
{
    QList<DiffMatch> out;
    if (needle.isEmpty())
        return out;
    for (int i = 0; i < rows.size(); ++i) {
        const UnifiedRow &r = rows[i];
        if (r.kind == RowKind::Gap)
            addGapMatches(out, i, r.gapId, r.gapFrom, r.hiddenLines, newLines, needle, options);
        else if (r.kind == RowKind::Line)
            addLineMatches(out, i, r.lineKind == git::LineKind::Removed ? 0 : 1,
                           r.lineKind == git::LineKind::Removed ? r.oldLine : r.newLine, r.text, needle, options);
    }
    return out;
}

QList<DiffMatch> findInRows(const QList<SideBySideRow> &rows, const QStringList &newLines, const QString &needle,
                            const FindOptions &options)
{
    QList<DiffMatch> out;
    if (needle.isEmpty())
        return out;
    for (int i = 0; i < rows.size(); ++i) {
        const SideBySideRow &r = rows[i];
        if (r.kind == RowKind::Gap) {
            addGapMatches(out, i, r.gapId, r.gapFrom, r.hiddenLines, newLines, needle, options);
            continue;
        }
        if (r.kind != RowKind::Line)
            continue;
        // An unchanged line is on both sides: it counts once, on the new side.
        if (r.left.present() && r.left.kind != git::LineKind::Context)
            addLineMatches(out, i, 0, r.left.line, r.left.text, needle, options);
        if (r.right.present())
            addLineMatches(out, i, 1, r.right.line, r.right.text, needle, options);
    }
    return out;
}

int stepMatch(const QList<DiffMatch> &matches, int current, bool forward, int fromRow)
{
    const int n = int(matches.size());
    if (n == 0)
        return -1;
    if (current >= 0 && current < n)
        return forward ? (current + 1) % n : (current - 1 + n) % n;
    if (forward) {
        for (int i = 0; i < n; ++i)
            if (matches[i].row >= fromRow)
                return i;
        return 0;
    }
    for (int i = n - 1; i >= 0; --i)
        if (matches[i].row < fromRow)
            return i;
    return n - 1;
}

int sameMatch(const QList<DiffMatch> &matches, const DiffMatch &match)
{
    for (int i = 0; i < matches.size(); ++i) {
        const DiffMatch &m = matches[i];
        if (m.side == match.side && m.line == match.line && m.start == match.start)
            return i;
    }
    return -1;
}

} // namespace rb::ui
