#pragma once
// How to run one review agent: the command (an argument list, never a shell string), how
// the prompt reaches it, how its output is wrapped, and its limits.

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace rb::agents {

// Where the rendered prompt goes: the agent's standard input, or a file whose path is
// substituted for `{prompt_file}` in the command (standard input is then closed at once).
enum class PromptDelivery { Stdin, File };

// How the agent's standard output wraps the review text.
enum class OutputEnvelope {
    Text,       // standard output is the review, verbatim
    ClaudeJson, // `claude -p --output-format json`: one result object
    CodexJsonl, // `codex exec --json`: one event per line
    GeminiJson, // `gemini --output-format json`: {"response": ..., "stats": ...}
    ClaudeStreamJson, // `claude -p --output-format stream-json --verbose`: one event per line
    GeminiStreamJson, // `gemini --output-format stream-json`: one event per line
};

// True for the envelopes printed as one JSON event per line, which are read as they arrive
// (live activity, tokens and cost; see agents/stream_events.h).
bool isEventStream(OutputEnvelope e);

// What the prompt asks the agent to write.
enum class ReviewFormat {
    Markdown,     // the raw review outline of review-format.md §1
    FindingsJson, // our JSON findings format; the command must pass `{schema_file}` to the CLI
};

QString toString(PromptDelivery d);
QString toString(OutputEnvelope e);
QString toString(ReviewFormat f);
std::optional<PromptDelivery> promptDeliveryFromString(const QString &s);
std::optional<OutputEnvelope> outputEnvelopeFromString(const QString &s);
std::optional<ReviewFormat> reviewFormatFromString(const QString &s);

struct AgentProfile {
    static constexpr int kDefaultTimeoutSeconds = 1800;

    QString id;           // key used by --agent and in the review file
    QString name;         // display name
    QString model;        // optional, recorded in the review
    QStringList command;  // program followed by arguments; may contain {placeholders}
    PromptDelivery prompt = PromptDelivery::Stdin;
    OutputEnvelope output = OutputEnvelope::Text;
    ReviewFormat reviewFormat = ReviewFormat::Markdown;
    int timeoutSeconds = kDefaultTimeoutSeconds;
    bool enabled = true;  // run when no --agent is given
    QMap<QString, QString> environment; // added to the inherited environment
    bool operator==(const AgentProfile &) const = default;
};

} // namespace rb::agents
