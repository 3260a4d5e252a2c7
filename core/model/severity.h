#pragma once
// Severity and category vocabulary shared by raw findings and consolidated issues.
//
// critical   — must not merge: data loss, security hole, crash, broken core behaviour.
// important  — should be fixed before merge: a real bug or gap with narrower trigger or impact.
// suggestion — worth doing, safe to defer.

#include <QString>

#include <optional>

namespace rb {

enum class Severity { Critical, Important, Suggestion };

// regression: introduced by this change; gap: missing, pre-existing or not covered;
// enhancement: an improvement. Unspecified when the agent gave no category.
enum class Category { Unspecified, Regression, Gap, Enhancement };

QString toString(Severity s);          // "critical", "important", "suggestion"
QString displayName(Severity s);       // "Critical", "Important", "Suggestion"
std::optional<Severity> severityFromString(const QString &s); // case-insensitive
int rank(Severity s);                  // 0 = suggestion, 1 = important, 2 = critical

QString toString(Category c);          // "unspecified", "regression", "gap", "enhancement"
std::optional<Category> categoryFromString(const QString &s);

} // namespace rb
