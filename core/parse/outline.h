#pragma once
// The review outline's vocabulary: which heading names which section, and the labels that
// open a part of a finding (Fix:, Problem:, Classification:) or carry the verdict.

#include "model/severity.h"

#include <QString>

#include <optional>

namespace rb::parse {

enum class SectionKind {
    None,          // before any section
    Title,         // "Deep Code Review: …", "Code Review"
    Verdict,
    ExecutiveSummary,
    Findings,      // the wrapper around the severity sections
    Critical,
    Important,
    Suggestions,
    Design,
    Concerns,
    Strengths,
    Testing,
    Documentation,
    CommitStructure,
    AcknowledgedLimitations,
    UnresolvedFeedback,
    CoverageSummary,
};

QString displayName(SectionKind k);
bool holdsFindings(SectionKind k);
std::optional<Severity> sectionSeverity(SectionKind k);

// Classifies a heading (or a bold line used as one), e.g. "## Important Issues — should fix",
// "**Critical Issues**", "### CRITICAL", "5. Testing Assessment:". nullopt for anything else.
std::optional<SectionKind> sectionForHeading(const QString &inlineText);

enum class LabelKind { Fix, Problem, Classification, Other };
struct Label {
    LabelKind kind = LabelKind::Other;
    QString name;       // "Fix (minimal)", "Problem"
    QString rest;       // the text after the label on the same line
};
// "Fix:", "**Fix:**", "**Fix**:", "Fix (minimal):", "Fix (out of scope …):", "Problem:",
// "**Classification:**" at the start of an inline string.
std::optional<Label> leadingLabel(const QString &inlineText);

// A heading or bold line that subdivides a finding's body ("Reproduction", "Impact",
// "Root cause", "Evidence"): never the title of a new finding.
bool isBodySubheading(const QString &inlineText);

// "**Verdict:** Request changes", "Verdict: Needs changes.", "**Verdict: Request changes** — why".
std::optional<QString> verdictLine(const QString &inlineText);

// Inline Markdown to plain text: emphasis markers and backticks dropped, spaces collapsed.
QString plainInline(const QString &inlineText);

} // namespace rb::parse
