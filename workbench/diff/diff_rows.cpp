#include "diff/diff_rows.h"

#include "util/plural.h"

#include <QCoreApplication>

namespace rb::ui {

using git::LineKind;

QStringList splitLines(const QByteArray &text)
{
    QStringList lines;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        qsizetype stop = end;
        if (stop > start && text[stop - 1] == '\r')
            --stop;
        lines << QString::fromUtf8(text.constData() + start, stop - start);
        start = end + 1;
    }
    return lines;
}

namespace {

QString gapLabel(int hidden)
{
    return QCoreApplication::translate("DiffRows", "⋯ %1 — click to show")
        .arg(counted(hidden, QCoreApplication::translate("DiffRows", "unchanged line")));
}

// Emits the unchanged lines [newFrom, newTo] (new-side numbering; old = new - delta), or one
// gap row when the gap is collapsed.
void emitGap(QList<UnifiedRow> &rows, const DiffRowsInput &in, int gapId, int newFrom, int newTo, int delta)
{
    const int hidden = newTo - newFrom + 1;
    if (hidden <= 0)
        return;
    const bool canShow = newTo <= in.newLines.size();
    if (in.expandedGaps.contains(gapId) && canShow) {
        for (int n = newFrom; n <= newTo; ++n) {
            UnifiedRow r;
            r.oldLine = n - delta;
            r.newLine = n;
            r.text = in.newLines[n - 1];
            rows << r;
        }
        return;
    }
    UnifiedRow gap;
    gap.kind = RowKind::Gap;
    gap.gapId = gapId;
    gap.hiddenLines = hidden;
    gap.gapFrom = newFrom;
    gap.text = gapLabel(hidden);
    rows << gap;
}

// Pairs each run of removed lines with the run of added lines that follows it and fills
// in their intra-line changes.
void addWordDiffs(QList<UnifiedRow> &rows, qsizetype from, qsizetype to)
{
    qsizetype i = from;
    while (i < to) {
        if (rows[i].lineKind != LineKind::Removed || rows[i].kind != RowKind::Line) {
            ++i;
            continue;
        }
        qsizetype removedEnd = i;
        while (removedEnd < to && rows[removedEnd].kind == RowKind::Line && rows[removedEnd].lineKind == LineKind::Removed)
            ++removedEnd;
        qsizetype addedEnd = removedEnd;
        while (addedEnd < to && rows[addedEnd].kind == RowKind::Line && rows[addedEnd].lineKind == LineKind::Added)
            ++addedEnd;
        const qsizetype pairs = std::min(removedEnd - i, addedEnd - removedEnd);
        for (qsizetype k = 0; k < pairs; ++k) {
            const git::WordDiff d = git::wordDiff(rows[i + k].text, rows[removedEnd + k].text);
            // A line rewritten from scratch gets no emphasis: it would only be noise.
            const auto covered = [](const QList<git::TextRange> &ranges) {
                int n = 0;
                for (const auto &r : ranges)
                    n += r.length;
                return n;
            };
            if (covered(d.added) < rows[removedEnd + k].text.size() || rows[removedEnd + k].text.isEmpty()) {
                rows[i + k].changes = d.removed;
                rows[removedEnd + k].changes = d.added;
            }
        }
        i = addedEnd;
    }
}

} // namespace

QList<UnifiedRow> unifiedRows(const DiffRowsInput &in)
{
    QList<UnifiedRow> rows;
    if (!in.patch)
        return rows;
    const git::FilePatch &patch = *in.patch;
    int nextNew = 1; // first new-side line not yet shown
    int delta = 0;   // new line - old line for unchanged lines before the current hunk
    for (qsizetype h = 0; h < patch.hunks.size(); ++h) {
        const git::Hunk &hunk = patch.hunks[h];
        const int hunkNewStart = hunk.newCount == 0 ? hunk.newStart + 1 : hunk.newStart;
        delta = hunkNewStart - (hunk.oldCount == 0 ? hunk.oldStart + 1 : hunk.oldStart);
        emitGap(rows, in, int(h), nextNew, hunkNewStart - 1, delta);
        UnifiedRow header;
        header.kind = RowKind::HunkHeader;
        header.text = hunk.header;
        rows << header;
        const qsizetype first = rows.size();
        for (const git::DiffLine &l : hunk.lines) {
            UnifiedRow r;
            r.lineKind = l.kind;
            r.oldLine = l.kind == LineKind::Added ? 0 : l.oldLine;
            r.newLine = l.kind == LineKind::Removed ? 0 : l.newLine;
            r.text = patch.lineText(l);
            rows << r;
        }
        addWordDiffs(rows, first, rows.size());
        // An empty side's start names the line before the change (unified diff convention).
        const int oldNext = hunk.oldCount == 0 ? hunk.oldStart + 1 : hunk.oldStart + hunk.oldCount;
        nextNew = hunk.newCount == 0 ? hunk.newStart + 1 : hunk.newStart + hunk.newCount;
        delta = nextNew - oldNext;
    }
    if (!patch.hunks.isEmpty())
        emitGap(rows, in, int(patch.hunks.size()), nextNew, in.newLineCount, delta);
    return rows;
}

QList<SideBySideRow> sideBySideRows(const QList<UnifiedRow> &unified)
{
    QList<SideBySideRow> rows;
    rows.reserve(unified.size());
    qsizetype i = 0;
    const auto cell = [](const UnifiedRow &u, bool oldSide) {
        DiffCell c;
        c.line = oldSide ? u.oldLine : u.newLine;
        c.kind = u.lineKind;
        c.text = u.text;
        c.changes = u.changes;
        return c;
    };
    while (i < unified.size()) {
        const UnifiedRow &u = unified[i];
        if (u.kind != RowKind::Line) {
            SideBySideRow r;
            r.kind = u.kind;
            r.text = u.text;
            r.gapId = u.gapId;
            r.hiddenLines = u.hiddenLines;
            r.gapFrom = u.gapFrom;
            rows << r;
            ++i;
            continue;
        }
        if (u.lineKind == LineKind::Context) {
            SideBySideRow r;
            r.left = cell(u, true);
            r.right = cell(u, false);
            rows << r;
            ++i;
            continue;
        }
        // A run of removed lines and the added lines after it, side by side.
        qsizetype removedEnd = i;
        while (removedEnd < unified.size() && unified[removedEnd].kind == RowKind::Line
               && unified[removedEnd].lineKind == LineKind::Removed)
            ++removedEnd;
        qsizetype addedEnd = removedEnd;
        while (addedEnd < unified.size() && unified[addedEnd].kind == RowKind::Line
               && unified[addedEnd].lineKind == LineKind::Added)
            ++addedEnd;
        const qsizetype removed = removedEnd - i;
        const qsizetype added = addedEnd - removedEnd;
        for (qsizetype k = 0; k < std::max(removed, added); ++k) {
            SideBySideRow r;
            if (k < removed)
                r.left = cell(unified[i + k], true);
            if (k < added)
                r.right = cell(unified[removedEnd + k], false);
            rows << r;
        }
        i = addedEnd;
    }
    return rows;
}

} // namespace rb::ui
