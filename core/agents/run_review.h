#pragma once
// Turning finished agent runs into the review document: each successful run's raw output is
// parsed into findings and observations; every run is kept, failed ones with whatever they
// printed.

#include "model/review.h"
#include "util/result.h"

#include <QString>

namespace rb::agents {

// Writes the findings JSON schema (compiled in from resources/findings.schema.json) into
// directory and returns its path, for commands that pass {schema_file} to their CLI.
Result<QString> writeFindingsSchema(const QString &directory);

// Appends run to review. A Succeeded run is parsed (format from run.format); parse warnings
// go into the run; output that the parser rejects is kept verbatim with the error as a
// warning, and the run stays Succeeded (the agent did run). A failure placeholder found by
// the parser marks the run Failed with the parser's reason. Refused (nothing changed) when
// the review already has an agent with this id.
Status addRunToReview(Review &review, const AgentRun &run);

} // namespace rb::agents
