#pragma once
// The review as a SARIF 2.1.0 log: one run per agent (its raw findings, its invocation and
// failure) and one run for the consolidated view (every issue, rejected ones and false
// positives carried as accepted external suppressions), fixes included.

#include "model/review.h"

#include <nlohmann/json_fwd.hpp>

namespace rb::report {

inline constexpr const char *kSarifSchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

nlohmann::json exportSarif(const Review &review);

// "error" for critical, "warning" for important, "note" for suggestion.
QString sarifLevel(Severity severity);

// The sides of a patch fragment: context and removed lines (old) or context and added
// lines (new), without their one-character prefixes; headers and "\ No newline" are skipped.
QString patchOldSide(const QString &patch);
QString patchNewSide(const QString &patch);

} // namespace rb::report
