#pragma once
// Parsing one agent's raw review (Markdown, Reviewbench findings JSON or SARIF 2.1.0) into
// model values. Pure: text in, values out; the only outside access is the optional
// readSource callback, used to turn SARIF fixes into unified diffs.

#include "model/agent_run.h"
#include "model/finding.h"
#include "parse/outline.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>

namespace rb::parse {

struct RawReviewSource {
    QString agentId;                 // AgentRun::id; prefixes every finding and observation id
    QString agentName;               // AgentRun::name
    QString fileName;                // named in error messages and warnings
    std::optional<RawFormat> format; // nullopt: detect from the text
    // Returns a reviewed file's current text by its path as the review names it, or
    // nullopt. Optional; without it SARIF fixes become fragments rather than diffs.
    std::function<std::optional<QString>(const QString &path)> readSource;
};

// A section of the outline that has no field of its own in AgentRun.
struct ReviewSection {
    SectionKind kind = SectionKind::None;
    QString heading;                 // as written, without markup
    QString markdown;                // the section's text, verbatim
    SourceSpan span;
    bool operator==(const ReviewSection &) const = default;
};

// One row of a Coverage Summary: a file and what the agent said about it.
struct CoverageEntry {
    QString path;
    QString status;                  // "Reviewed, no issues", "C1, I1"
    bool operator==(const CoverageEntry &) const = default;
};

struct ParsedReview {
    // id, name, format, rawOutput, verdict, executiveSummary, testingAssessment,
    // documentationAssessment, commitStructure, parseWarnings, unclassified and, for a
    // failure placeholder, status = Failed with failureReason. filesReviewed is the number
    // of Coverage Summary entries when there is one. Other fields keep their defaults
    // (status Imported): the caller who ran the agent fills them.
    AgentRun run;
    QList<RawFinding> findings;      // ids "agentId:rawId", unique
    QList<RawObservation> observations;
    QString title;                   // the review's own title line, if any
    QString preamble;                // chat text before the review proper
    QMap<QString, QString> header;   // verdict table rows other than Verdict (Risk, Confidence, Reviewed SHA)
    QList<ReviewSection> otherSections; // Acknowledged Limitations, Unresolved Feedback, Coverage Summary
    QList<CoverageEntry> coverage;
};

// Detects the format: a JSON object with "runs" and a SARIF version or $schema is SARIF,
// any other JSON object or array is Reviewbench findings JSON, anything else is Markdown.
RawFormat detectFormat(const QByteArray &text);

// Errors (JSON or SARIF that cannot be read) name the file, the line and what was expected.
// Markdown never fails: what cannot be classified is kept in run.unclassified with a
// warning naming its line.
Result<ParsedReview> parseRawReview(const QByteArray &text, const RawReviewSource &source);

// The failure reason when the text is an agent's failure placeholder (no output, a quota or
// authentication error, a timeout message), else nullopt.
std::optional<QString> failurePlaceholder(const QString &text);

} // namespace rb::parse
