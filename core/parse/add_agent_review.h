#pragma once
// Adding one parsed agent review to a review document.

#include "model/review.h"
#include "parse/raw_review.h"
#include "util/result.h"

namespace rb::parse {

// Appends the run, its findings and its observations. Refuses (and changes nothing) when
// the agent id is empty or already used, or a finding or observation id is already taken.
Status addAgentReview(Review &review, const ParsedReview &parsed);

// A stable agent id from a display name: "Claude Opus 4.6" -> "claude-opus-4-6".
QString agentIdFromName(const QString &name);

} // namespace rb::parse
