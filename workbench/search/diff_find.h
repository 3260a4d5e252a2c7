#pragma once
// Find in the diff (Ctrl+F): the matches of a search text in the rows a diff view shows, as
// plain values, so that the view only paints them and steps between them.
//
// - A match lies within one line; the text of a row is the line as shown (hunk headers and
//   gap labels are not searched).
// - Case-insensitive unless caseSensitive; wholeWord needs a non-word character (or the line's
//   edge) on both sides, a word character being a letter, digit or underscore.
// - Matches do not overlap: the search resumes after the end of each match.
// - In side-by-side rows an unchanged line is on both sides; it counts once (on the new
//   side), and the view highlights it on both.
// - A collapsed gap's hidden lines are searched too: their matches are marked hidden and
//   carry the gap's row, so that stepping to one can expand the gap first.
// Cost: one pass over the rows' text, O(total characters); run once per change of the text,
// the options or the rows, never while painting.

#include "diff/diff_rows.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rb::ui {

struct FindOptions {
    bool caseSensitive = false;
    bool wholeWord = false;
    bool operator==(const FindOptions &) const = default;
};

struct LineMatch {
    int start = 0;
    int length = 0;
    bool operator==(const LineMatch &) const = default;
};

// The matches of needle in one line of text, in order. Empty for an empty needle.
QList<LineMatch> findInLine(const QString &line, const QString &needle, const FindOptions &options);

struct DiffMatch {
    int row = 0;          // index into the rows searched
    int side = 1;         // 0: the old side (removed lines), 1: the new side
    int line = 0;         // 1-based line number on that side
    int start = 0;        // in the line's text
    int length = 0;
    bool hidden = false;  // inside a collapsed gap (row is the gap row)
    int gapId = -1;       // for hidden matches: the gap to expand
    bool operator==(const DiffMatch &) const = default;
};

// newLines: the whole new file, for the hidden lines of collapsed gaps (may be empty: then
// gaps are not searched).
QList<DiffMatch> findInRows(const QList<UnifiedRow> &rows, const QStringList &newLines, const QString &needle,
                            const FindOptions &options);
QList<DiffMatch> findInRows(const QList<SideBySideRow> &rows, const QStringList &newLines, const QString &needle,
                            const FindOptions &options);

// The match to go to from the current one (-1: none yet) in the given direction, wrapping;
// with no current match, the first one at or after fromRow (forward) or before it (backward).
// -1 when there are no matches.
int stepMatch(const QList<DiffMatch> &matches, int current, bool forward, int fromRow = 0);

// The index of the match at the same place (side, line, start) in a new list of matches,
// after the rows changed (a gap expanded, the mode switched); -1 when it is gone.
int sameMatch(const QList<DiffMatch> &matches, const DiffMatch &match);

} // namespace rb::ui
