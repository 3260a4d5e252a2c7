#pragma once
// Structural edits to the consolidated issues: merge, split a finding out, move a finding.
// Pure functions over a Review; the workbench wraps each in one undoable command.

#include "model/review.h"
#include "util/result.h"

namespace rb::edit {

// Nothing an agent or the human wrote is lost by these edits: fixes travel with the finding
// that wrote them, an issue that disappears (merged, or emptied by a move) is kept as a
// CombinedIssue of the issue it went into, and splitting its finding back out restores it.

// Merges the issues `ids` into the first of them: members, locations, evidence and fixes
// are united (each fix keeps its choice; see fix_overlaps.h for colliding ones), the other
// issues are kept in `combined` with their title, body, notes and decisions, and the
// proposal and disagreement note are recomputed. Returns the surviving issue id.
Result<QString> mergeIssues(Review &review, const QStringList &ids);

// Moves one finding out of its issue into a new issue of its own, with its fix (chosen). When
// the finding came in by a merge as an issue of its own, that issue's text, notes and
// decisions come back with it (and its id, when free). Refused when the finding is its
// issue's only member. Returns the new issue's id.
Result<QString> splitFinding(Review &review, const QString &findingId);

// Moves one finding from its issue into `targetIssueId`, with its fix (an alternative when
// the target already has a chosen fix for the same file). An issue left without members is
// removed and kept as a CombinedIssue of the target.
Status moveFinding(Review &review, const QString &findingId, const QString &targetIssueId);

// Sets which fix of the issue Apply Fix uses; `chosen` false leaves the others as they are.
Status chooseFix(Review &review, const QString &issueId, const QString &fixId, bool chosen);

// The issue that has `findingId` as a member, or nullptr.
const Issue *issueOfFinding(const Review &review, const QString &findingId);

// A fresh issue id ("issue-N") not used in the review.
QString newIssueId(const Review &review);

// Recomputes an issue's proposed severity and disagreement note from its members, with the
// rules of consolidate/severity_proposal.h.
void refreshProposal(const Review &review, Issue &issue);

} // namespace rb::edit
