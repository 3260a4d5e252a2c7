#pragma once
// Reading an agent CLI's event stream (one JSON object per line) as it arrives: what the
// agent is doing now, the files it read, tokens and cost so far, the errors and retries it
// reported, and at the end the review text. The same reader gives the final envelope, so
// what the live display showed and what the run records cannot disagree. A line that is not
// JSON, or an event of an unknown shape, is counted and skipped; it never loses the review.
//
// Shapes (docs/agents.md): Claude Code `--output-format stream-json --verbose` (system/init,
// system/api_retry, assistant messages with text and tool_use blocks, the final result
// object); Codex `exec --json` (thread/turn/item events); Gemini CLI `--output-format
// stream-json` (init, message deltas, tool_use, tool_result, error, result).

#include "agents/agent_profile.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace rb::agents {

struct StreamState {
    QString text;          // the review: the final answer once the stream ended
    QString error;         // the failure the CLI reported, if it failed
    QString model;
    QString activity;      // what the agent is doing now, one line ("Reading src/a.cpp")
    QString lastProblem;   // the last retry or non-fatal error it reported, one line
    std::optional<int> httpStatus; // of the last API error it reported
    std::optional<qint64> inputTokens;
    std::optional<qint64> outputTokens;
    std::optional<double> costUsd;
    int toolCalls = 0;
    QStringList filesRead;    // paths given to file-reading tools, in first-read order
    QStringList commandsRun;  // shell commands it ran (files they name count as read)
    bool ended = false;       // the final event (result, turn.completed or turn.failed) arrived
    int events = 0;
    int skippedLines = 0;     // lines that were not JSON events
};

class StreamEventReader {
public:
    explicit StreamEventReader(OutputEnvelope envelope) : m_envelope(envelope) {}

    // Feeds bytes as they arrive; complete lines are read, a partial one waits.
    void feed(const QByteArray &bytes);
    // Reads the last line if it had no newline. Without a final event, the text streamed
    // since the last tool call becomes the review (Claude Code, Gemini CLI).
    void finish();
    const StreamState &state() const { return m_scratch.state; }

    // What the reader keeps between lines (public for the per-CLI readers in the .cpp).
    struct Scratch {
        StreamState state;
        QString turnText;          // assistant text since the last tool call
        qint64 claudeInput = 0;    // Claude: usage summed over the API calls seen so far
        qint64 claudeOutput = 0;
        QStringList claudeMessageIds;
    };

private:
    void line(const QByteArray &line);

    OutputEnvelope m_envelope;
    Scratch m_scratch;
    QByteArray m_pending;
};

// The whole stream read at once (for the final envelope).
StreamState readEventStream(OutputEnvelope envelope, const QByteArray &standardOutput);

} // namespace rb::agents
