#pragma once
// Reviewbench's own findings JSON (docs/review-formats.md, resources/findings.schema.json):
// what agents whose CLI can enforce an output schema are asked to write.

#include "parse/raw_review.h"

#include <nlohmann/json_fwd.hpp>

namespace rb::parse {

inline constexpr const char *kFindingsFormatName = "reviewbench-findings";
inline constexpr int kFindingsFormatVersion = 1;

// `doc` was parsed from `text` (the normalized raw output); errors name file and line.
Result<ParsedReview> parseFindingsJson(const nlohmann::json &doc, const QByteArray &text, const RawReviewSource &source);

// The JSON form of a parsed review's findings, observations and assessments (the inverse of
// parseFindingsJson, for tests and for exporting one agent's findings).
nlohmann::json findingsToJson(const ParsedReview &review);

} // namespace rb::parse
