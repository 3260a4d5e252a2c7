#pragma once
// One agent's pass over the change: how it ran, what it cost and what it wrote.

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace rb {

enum class RunStatus {
    Succeeded,    // produced a review
    Failed,       // ran but produced a failure placeholder or a non-zero exit
    TimedOut,
    Cancelled,
    NotInstalled, // the agent's command was not found
    Imported      // the raw review was imported from a file, not run here
};

QString toString(RunStatus s);
std::optional<RunStatus> runStatusFromString(const QString &s);

enum class RawFormat { Markdown, Json, Sarif };
QString toString(RawFormat f);
std::optional<RawFormat> rawFormatFromString(const QString &s);

// A warning produced while parsing an agent's raw output; line is 1-based (0 = none).
struct ParseWarning {
    int line = 0;
    QString message;
    bool operator==(const ParseWarning &) const = default;
};

struct AgentRun {
    QString id;             // stable key within a review, e.g. "claude"
    QString name;           // display name, e.g. "Claude Opus 4.6"
    QString model;
    QStringList command;    // argument list, never a shell string
    QDateTime started;
    QDateTime finished;
    std::optional<double> durationSeconds;
    std::optional<int> exitCode;
    RunStatus status = RunStatus::Imported;
    QString failureReason;  // set when status is not Succeeded/Imported
    std::optional<qint64> inputTokens;
    std::optional<qint64> outputTokens;
    std::optional<double> costUsd;
    std::optional<int> toolCalls;
    std::optional<int> filesReviewed;
    RawFormat format = RawFormat::Markdown;
    QString rawOutput;      // verbatim
    QList<ParseWarning> parseWarnings;
    // What the agent itself said outside its findings.
    QString verdict;
    QString executiveSummary;
    QString testingAssessment;
    QString documentationAssessment;
    QString commitStructure;
    QStringList unclassified; // text that could not be classified, kept verbatim

    bool failed() const
    {
        return status == RunStatus::Failed || status == RunStatus::TimedOut
            || status == RunStatus::Cancelled || status == RunStatus::NotInstalled;
    }
    bool operator==(const AgentRun &) const = default;
};

} // namespace rb
