#pragma once
// What every report format shows, computed once from the review: the header rows, the
// display numbers of reported issues (C1, I1, S1), and the retro summary table.

#include "model/review.h"
#include "report/retro.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rb::report {

struct Reviewer {
    QString name;
    bool failed = false;
    QString failure;
};

struct CommitLine {
    QString shortSha;
    QString subject;
};

// The header table; empty fields are left out of it (Date, Reviewers and Verdict always show).
struct ReportHeader {
    QString title;            // "Deep Review: 20260321-135724-pr-242"
    QString date;             // "2026-03-21 13:57"
    QString repository;
    QString round;            // shown from round 2 on
    QString author;
    QString pullRequest;      // "#242 — Run Lima BATS tests on Windows via MSYS2"
    QString branch;
    QList<CommitLine> commits;
    QString reviewSha;        // 12 characters
    QList<Reviewer> reviewers;
    QString verdict;          // "Merge with fixes"
    QString verdictReason;
    QString wallClock;        // "10 min 46 s"
};

ReportHeader reportHeader(const Review &review);

// "Deep Review: <yyyyMMdd-HHmmss>-<pr-N or branch>" when the metadata has no title.
QString defaultTitle(const ReviewMetadata &metadata);

struct NumberedIssue {
    QString number;           // "C1", "I2", "S3"
    const Issue *issue = nullptr;
};

// Reported issues (not rejected, not false positives) of one final severity, in review
// order, numbered from 1.
QList<NumberedIssue> numberedIssues(const Review &review, Severity severity);

// "C1" for a reported issue; empty for a rejected one or an unknown id.
QString displayNumber(const Review &review, const QString &issueId);

// The short names of the agents behind an issue's members, in the order of review.agents.
QStringList issueAgents(const Review &review, const Issue &issue);
QStringList observationAgents(const Review &review, const DesignObservation &observation);

// A fix as every report prints it. A lone fix is labelled "Fix"; with several, each names
// its agent ("Fix (Claude)"), unchosen ones are "Alternative fix (Codex)", and the file is
// named when the fixes are for more than one file.
struct ReportFix {
    QString label;
    QString prose;
    QString patch;
    QString path;
    bool chosen = false;
};
QList<ReportFix> reportFixes(const Review &review, const Issue &issue);

// The issues merged into this one whose text the report still shows (a title and body that
// the issue's own body does not already say), oldest merge first.
QList<CombinedIssue> reportedCombined(const Issue &issue);

// "(important, regression)"; "(important)" without a category.
QString severityTag(Severity severity, Category category);

// The retro summary table: a label and one cell per agent, in the rows of the seed report
// (Duration, Critical, Important, Suggestion, Design observations, False positives, Unique
// insights) plus Status when an agent failed and Tokens, Cost, Tool calls, Files reviewed
// when known for any agent.
struct RetroRow {
    QString label;
    QStringList cells;
};
QList<RetroRow> retroTable(const ReviewRetro &retro);

// A factual sentence about an agent for the retro when the human wrote no paragraph.
QString retroFacts(const AgentRetro &agent);

// The language of a code block from a file name ("sshkeys.go" -> "go"); empty when unknown.
QString languageForPath(const QString &path);

} // namespace rb::report
