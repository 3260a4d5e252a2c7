#pragma once
// Adding a finished agent run to a review that may already be consolidated and triaged.
// The human's decisions (final severity and its reason, triage, category, notes, fix state,
// edited titles and bodies, rejected observations) are never touched: new findings join the
// issues they cluster with, or become issues of their own.

#include "consolidate/clustering.h"
#include "model/review.h"
#include "util/result.h"

namespace rb::edit {

// An agent id not yet used in the review: `id`, else "id-2", "id-3", ...
QString unusedAgentId(const Review &review, const QString &id);

// Appends run (parsed as agents::addRunToReview does) and folds its findings and
// observations into the consolidation. The whole review is clustered again; a new finding
// joins the existing issue that shares a member with its proposed cluster (the first such
// issue in review order), and the new findings of a cluster that meets no existing issue
// become one new issue. The proposal and disagreement note of every issue that gained a
// member are recomputed. Observations are folded into design observations the same way.
// A review without issues (nothing consolidated yet) gets a fresh proposal for everything.
// Refused, with the review unchanged, when the run's id is already used.
Status addAgentRun(Review &review, const AgentRun &run, const consolidate::ClusterOptions &options = {});

} // namespace rb::edit
