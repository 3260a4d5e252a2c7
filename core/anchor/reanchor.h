#pragma once
// Re-anchoring: finding again, in a file's current text, the code a finding (or an issue)
// points at, when the lines have moved since the review — edits above it, a rebase, a
// review file from another machine whose checkout differs.
//
// An anchor is a location (path, 1-based inclusive lines) and the code it quotes (the
// excerpt). The excerpt is what identifies the place; the line numbers only say where to
// look first:
//   - the excerpt (its longest part between "..." lines, blank lines dropped, compared
//     without whitespace) is searched in the whole file;
//   - a match within the recorded lines (starting at or after the first, ending by the
//     last, or as many lines as the excerpt has): Unchanged;
//   - otherwise Moved: by the smallest shift that puts a match back inside the location
//     (where the quoted code sat inside a longer location is not known, so the least move
//     is taken); the location keeps its length, and grows to cover the match when blank
//     lines came in; several equally near matches are reported as candidates;
//   - no match: Stale, with the closest partial match (the most lines agreeing) for the
//     caller to show; a file that is gone is Stale too;
//   - no excerpt, or a whole-file location without lines to move: Unverified — nothing
//     says where the code went, so the location is kept as it was.
// Pure: text in, placement out; one call is a linear scan of the file per excerpt line
// count (the closest-match search, only when not found, is file lines × excerpt lines).
// Rounds of a review (the next review of a pull request) use the same function to carry
// the previous round's issues onto a new head.

#include "model/review.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace rb::anchor {

struct Anchor {
    Location location;
    QString excerpt;
};

enum class AnchorState { Unchanged, Moved, Stale, Unverified };
QString toString(AnchorState state);

struct Placement {
    AnchorState state = AnchorState::Unverified;
    Location location;   // where it is now (Stale/Unverified: as recorded)
    int offset = 0;      // Moved: new start line - recorded start line
    QList<int> candidates; // Moved with several nearest matches: their 1-based start lines
    int closestLine = 0;   // Stale: 1-based start of the closest partial match (0: none)
    int closestMatching = 0;
    int excerptLines = 0;  // lines of the excerpt that were looked for
    QString reason;        // one line for people
};

// The excerpt's lines as searched (longest part between omission lines, no blank lines).
QList<QByteArray> searchedLines(const QString &excerpt);

// `fileLines`: the file's current lines without terminators; nullopt when the file is gone.
Placement reanchor(const Anchor &anchor, const std::optional<QList<QByteArray>> &fileLines);

// Re-anchors every finding's and issue's first location by its first excerpt, reading each
// file once through `readFile`. Moved locations get their new lines and `movedFrom`; stale
// ones are marked `stale`, never dropped; locations in files the reader does not know are
// left alone. Returns what changed, per finding/issue id.
struct ReviewReanchoring {
    // Locations in each state after this pass.
    int moved = 0;
    int stale = 0;
    int unchanged = 0;
    int unverified = 0;
    // What this pass changed: "claude:I1: inventory/stock.py:34-40 moved to lines 37-43
    // (moved by 3 lines)", "codex:2: x.py:3 is stale: x.py is gone".
    QStringList notes;
    bool changed() const { return !notes.isEmpty(); }
};
// What the reader knows of a path: its current lines, that it is gone, or nothing.
struct FileLines {
    enum State { Unknown, Gone, Present } state = Unknown;
    QList<QByteArray> lines;
};
using FileReader = std::function<FileLines(const QString &path)>;
ReviewReanchoring reanchorReview(Review &review, const FileReader &readFile);

} // namespace rb::anchor
