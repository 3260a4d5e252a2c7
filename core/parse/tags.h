#pragma once
// The small annotations agents attach to findings and observations:
//   (important, regression)   *(critical, gap)*   `(suggestion, enhancement)`   (IMPORTANT)
//   (in-scope)   *(future)*   `(out-of-scope)`   **In scope:**   [future]

#include "model/finding.h"
#include "model/severity.h"

#include <QString>

#include <optional>

namespace rb::parse {

struct SeverityTag {
    std::optional<Severity> severity;
    Category category = Category::Unspecified;
};

// Finds a (severity[, category]) tag in one inline string; removes it (with its italic,
// bold or backtick wrapping) from `text` and returns it.
std::optional<SeverityTag> takeSeverityTag(QString &text);
// Only when the tag is the last thing in `text`.
std::optional<SeverityTag> takeTrailingSeverityTag(QString &text);
// True when the whole string is a tag and nothing else.
std::optional<SeverityTag> tagOnly(const QString &text);
// "important, regression", "Critical / gap", "severity: important; category: gap", as in
// a `Classification:` label.
SeverityTag classificationWords(const QString &text);

// Finds a scope tag; removes it from `text`.
std::optional<ObservationScope> takeScopeTag(QString &text);

} // namespace rb::parse
