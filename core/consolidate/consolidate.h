#pragma once
// From raw findings and observations to the consolidated proposal: issues and design
// observations with members, grouping evidence, proposed severity and disagreement note.
// The human's decisions (final severity, triage, reasons) are never set here.

#include "consolidate/clustering.h"
#include "model/review.h"

#include <QList>
#include <QStringList>

namespace rb::consolidate {

// Clusters review.findings into issues, ordered by proposed severity (critical first), then
// by the order of their first member; ids are "issue-1", "issue-2", ...
QList<Issue> proposeIssues(const Review &review, const ClusterOptions &options = {});

// Clusters review.observations (concerns and strengths apart) into design observations,
// concerns first; ids are "concern-N" and "strength-N".
QList<DesignObservation> proposeDesignObservations(const Review &review, const ClusterOptions &options = {});

// Builds one issue from the given raw findings (e.g. after the human split or merged
// issues): representative text, merged locations, proposal and note. Evidence is left
// empty. Unknown ids are ignored. Members are listed representative first: the most complete
// finding (a patch, quoted code, fix prose, line numbers, a longer explanation), ties to the
// earlier agent; title and body come from it, the code excerpt from the first member in
// that order that has one. Every member's fix is listed, in that order, with the default
// choice of consolidate/issue_fixes.h.
Issue issueFromMembers(const Review &review, const QStringList &memberIds, const QString &id);

// The rating each agent gave the issue's members (an agent's highest when it has several),
// in the order of review.agents, under the agent's short name.
QList<std::pair<QString, Severity>> agentRatings(const Review &review, const QStringList &memberIds);

// The clustering view of review.findings (same order), e.g. for scorePair() to show why
// two findings were or were not grouped.
QList<ClusterItem> findingItems(const Review &review);

// Replaces review.issues and review.designObservations with a fresh proposal.
Review consolidateReview(Review review, const ClusterOptions &options = {});

} // namespace rb::consolidate
