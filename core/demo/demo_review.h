#pragma once
// Sets up the built-in demo end to end: the demo repository, the three agents' reviews
// parsed, consolidated and saved as a review file next to it.

#include "util/result.h"

#include <QString>

namespace rb::demo {

struct DemoSetup {
    QString repositoryPath;
    QString reviewPath;     // dir/review.json
};

// dir must be empty or missing. The review file names the repository, so the workbench
// shows the diff and applies fixes to it.
Result<DemoSetup> prepareDemo(const QString &dir);

} // namespace rb::demo
