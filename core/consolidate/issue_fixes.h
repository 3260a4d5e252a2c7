#pragma once
// An issue's fix list (model/issue.h IssueFix) built from its member findings: one entry per
// member that wrote a fix, and which of them are chosen by default.
//
// Default choice: per file, the first fix with a patch (members in representative order);
// when no member wrote a patch, the first fix with prose. Fixes for the same file after the
// first are alternatives the human can pick instead.

#include "model/finding.h"
#include "model/issue.h"

#include <optional>

namespace rb::consolidate {

// The finding's fix as an issue fix (not chosen), or nullopt when it wrote none. Its path
// is the file the patch names, else the finding's first location.
std::optional<IssueFix> fixOfFinding(const RawFinding &finding);

// Sets `chosen` on `fixes` by the default rule above (clearing it elsewhere).
void chooseDefaultFixes(QList<IssueFix> &fixes);

// Appends the finding's fix to the issue (unless it has a fix with that id already),
// chosen when the issue has no chosen fix with a patch for the same file.
void addFindingFix(Issue &issue, const RawFinding &finding);

} // namespace rb::consolidate
