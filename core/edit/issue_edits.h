#pragma once
// Structural edits to the consolidated issues: merge, split a finding out, move a finding.
// Pure functions over a Review; the workbench wraps each in one undoable command.

#include "model/review.h"
#include "util/result.h"

namespace rb::edit {

// Merges the issues `ids` into the first of them: members, locations and evidence are
// united, the proposal and disagreement note recomputed. Returns the surviving issue id.
Result<QString> mergeIssues(Review &review, const QStringList &ids);

// Moves one finding out of its issue into a new issue of its own. Refused when the finding
// is its issue's only member. Returns the new issue's id.
Result<QString> splitFinding(Review &review, const QString &findingId);

// Moves one finding from its issue into `targetIssueId`. An issue left without members is
// removed.
Status moveFinding(Review &review, const QString &findingId, const QString &targetIssueId);

// The issue that has `findingId` as a member, or nullptr.
const Issue *issueOfFinding(const Review &review, const QString &findingId);

// A fresh issue id ("issue-N") not used in the review.
QString newIssueId(const Review &review);

// Recomputes an issue's proposed severity and disagreement note from its members, with the
// rules of consolidate/severity_proposal.h.
void refreshProposal(const Review &review, Issue &issue);

} // namespace rb::edit
