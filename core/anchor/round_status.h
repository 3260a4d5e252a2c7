#pragma once
// The previous round's issues on a new head: where each one's code is now and what became
// of it. Pure: the previous issues and the new head's files in, one status per issue out;
// every issue gets one (nothing is dropped).
//
// Rules, in order (docs/rounds.md):
//   - the file is gone on the new head: Stale;
//   - a fix of the issue has a patch whose added lines (compared without whitespace) are
//     found near the issue and its quoted code is not: Fixed ("changed as its fix proposed");
//   - the quoted code is found where it was: StillPresent; found elsewhere: Moved (with the
//     new location);
//   - the quoted code is not found but some of its lines still are near where it was
//     (the lines were rewritten): Fixed; none of them: Stale (its code is gone);
//   - no quoted code, or the file is not known to the reader: Unverified (nothing says
//     what happened; the issue is kept as it was).

#include "anchor/reanchor.h"

namespace rb::anchor {

enum class RoundStatus { StillPresent, Moved, Fixed, Stale, Unverified };
QString statusName(RoundStatus status); // "still present", "moved", "fixed", "stale", "unverified"

struct IssueRoundStatus {
    QString issueId;
    RoundStatus status = RoundStatus::Unverified;
    Location location; // where it is on the new head (Moved: the new place; else as recorded)
    QString reason;    // one line for people
};

IssueRoundStatus classifyIssue(const Issue &issue, const FileLines &file);

// One status per issue of `previous`, in its order; each file is read once.
QList<IssueRoundStatus> classifyPreviousRound(const Review &previous, const FileReader &readNewHead);

// The lines a patch adds ("+" lines, not "+++" headers), as one excerpt; empty without any.
QString addedLines(const QString &patch);

} // namespace rb::anchor
