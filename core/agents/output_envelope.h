#pragma once
// Extracting the review text and the usage figures from what an agent CLI printed on
// standard output. Pure functions; the shapes each CLI prints are documented in
// docs/agents.md.

#include "agents/agent_profile.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace rb::agents {

struct EnvelopeContent {
    QString text;        // the review the agent wrote
    QString error;       // set when the CLI reported a failure inside its envelope
    QString model;       // when the envelope names exactly one model
    std::optional<qint64> inputTokens;
    std::optional<qint64> outputTokens;
    std::optional<double> costUsd;
    std::optional<int> toolCalls;
    QStringList filesRead;   // event streams: paths given to file-reading tools
    QStringList commandsRun; // event streams: shell commands the agent ran
    int skippedLines = 0;    // event streams: lines that were not JSON events
    bool operator==(const EnvelopeContent &) const = default;
};

// An error when the output is not the envelope the profile expects (the message says what
// was expected and, for JSON syntax errors, the line and column). Text: the output as is.
Result<EnvelopeContent> extractEnvelope(OutputEnvelope envelope, const QByteArray &standardOutput);

} // namespace rb::agents
