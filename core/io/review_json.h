#pragma once
// The review file's JSON form (docs/review-file.md, resources/review-file.schema.json).

#include "model/review.h"
#include "util/result.h"

#include <nlohmann/json_fwd.hpp>

namespace rb {

// Every review file says what it is in its first key: "format": "reviewbench-review".
// Files without it (hand-written, older) are read all the same; any other value is refused.
inline constexpr const char *kReviewFormatKey = "format";
inline constexpr const char *kReviewFormat = "reviewbench-review";

nlohmann::json reviewToJson(const Review &review);

// Refuses files from a newer schema version and values of the wrong type, naming the field
// (e.g. "issues[3].finalSeverity: unknown value \"urgent\"; expected one of ...").
Result<Review> reviewFromJson(const nlohmann::json &doc);

} // namespace rb
