#include "agents/output_envelope.h"

#include "agents/stream_events.h"
#include "io/json_text.h"

#include <QList>

#include <nlohmann/json.hpp>

namespace rb::agents {

namespace {
using nlohmann::json;

struct Parsed {
    json value;
    QString error; // empty on success
};

Parsed parseJson(const QByteArray &text)
{
    jsonio::JsonParse doc = jsonio::parseJson(text);
    if (const auto &e = doc.error)
        return {{}, QStringLiteral("line %1, column %2").arg(e->line).arg(e->column)};
    return {std::move(doc.value), {}};
}

// CLIs sometimes print a notice line before their JSON; the envelope is the last object
// that starts at the beginning of a line and parses to the end.
Parsed parseTrailingObject(const QByteArray &out)
{
    Parsed whole = parseJson(out);
    if (whole.error.isEmpty() || out.isEmpty())
        return whole;
    for (qsizetype i = out.size() - 1; i > 0; --i) {
        if (out[i] == '{' && out[i - 1] == '\n') {
            Parsed tail = parseJson(out.mid(i));
            if (tail.error.isEmpty() && tail.value.is_object())
                return tail;
        }
    }
    return whole;
}

QString str(const json &obj, const char *key)
{
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

std::optional<qint64> integer(const json &obj, const char *key)
{
    const auto it = obj.find(key);
    if (it == obj.end() || !it->is_number_integer())
        return std::nullopt;
    return it->get<qint64>();
}

std::optional<qint64> sum(std::optional<qint64> a, std::optional<qint64> b)
{
    if (!a)
        return b;
    if (!b)
        return a;
    return *a + *b;
}

QString describe(const QByteArray &out)
{
    return out.trimmed().isEmpty() ? QStringLiteral("the output is empty") : QStringLiteral("found other text");
}

Result<EnvelopeContent> claude(const QByteArray &out)
{
    const Parsed p = parseTrailingObject(out);
    if (!p.error.isEmpty() || !p.value.is_object() || str(p.value, "type") != QLatin1String("result"))
        return Error::of(QStringLiteral("expected a Claude Code JSON result object {\"type\": \"result\", ...}; %1")
                             .arg(p.error.isEmpty() ? describe(out) : QStringLiteral("not valid JSON at ") + p.error));
    const json &o = p.value;
    EnvelopeContent c;
    c.text = str(o, "result");
    const auto isError = o.find("is_error");
    const QString subtype = str(o, "subtype");
    if ((isError != o.end() && isError->is_boolean() && isError->get<bool>())
        || (!subtype.isEmpty() && subtype != QLatin1String("success")))
        c.error = c.text.isEmpty() ? QStringLiteral("Claude Code reported %1").arg(subtype.isEmpty() ? QStringLiteral("an error") : subtype)
                                   : c.text.left(500);
    const auto cost = o.find("total_cost_usd");
    if (cost != o.end() && cost->is_number())
        c.costUsd = cost->get<double>();
    const auto usage = o.find("usage");
    if (usage != o.end() && usage->is_object()) {
        // Cache reads and writes are input the model processed; they are counted as input.
        c.inputTokens = sum(sum(integer(*usage, "input_tokens"), integer(*usage, "cache_creation_input_tokens")),
                            integer(*usage, "cache_read_input_tokens"));
        c.outputTokens = integer(*usage, "output_tokens");
    }
    const auto models = o.find("modelUsage");
    if (models != o.end() && models->is_object() && models->size() == 1)
        c.model = QString::fromStdString(models->begin().key());
    return c;
}

// The envelopes printed as one JSON event per line, through the same reader that shows the
// live progress.
Result<EnvelopeContent> eventStream(OutputEnvelope envelope, const QByteArray &out)
{
    const StreamState st = readEventStream(envelope, out);
    if (st.events == 0) {
        const char *expected = envelope == OutputEnvelope::CodexJsonl ? "Codex JSON Lines events ({\"type\": \"thread.started\"} ...)"
            : envelope == OutputEnvelope::ClaudeStreamJson ? "Claude Code stream-json events ({\"type\": \"system\"} ...)"
                                                           : "Gemini CLI stream-json events ({\"type\": \"init\"} ...)";
        return Error::of(QStringLiteral("expected %1; %2").arg(QLatin1String(expected), describe(out)));
    }
    EnvelopeContent c;
    c.text = st.text;
    c.error = st.error;
    c.model = st.model;
    c.inputTokens = st.inputTokens;
    c.outputTokens = st.outputTokens;
    c.costUsd = st.costUsd;
    c.toolCalls = st.toolCalls;
    c.filesRead = st.filesRead;
    c.commandsRun = st.commandsRun;
    c.skippedLines = st.skippedLines;
    if (c.text.isEmpty() && c.error.isEmpty())
        c.error = envelope == OutputEnvelope::CodexJsonl
            ? QStringLiteral("Codex finished without an agent_message item (%1 events)").arg(st.events)
            : QStringLiteral("the event stream ended without a review (%1 events)").arg(st.events);
    return c;
}

Result<EnvelopeContent> gemini(const QByteArray &out)
{
    const Parsed p = parseTrailingObject(out);
    if (!p.error.isEmpty() || !p.value.is_object()
        || (p.value.find("response") == p.value.end() && p.value.find("error") == p.value.end()))
        return Error::of(QStringLiteral("expected a Gemini CLI JSON object {\"response\": ..., \"stats\": ...}; %1")
                             .arg(p.error.isEmpty() ? describe(out) : QStringLiteral("not valid JSON at ") + p.error));
    const json &o = p.value;
    EnvelopeContent c;
    c.text = str(o, "response");
    const auto err = o.find("error");
    if (err != o.end() && err->is_object()) {
        c.error = str(*err, "message");
        if (c.error.isEmpty())
            c.error = QStringLiteral("Gemini CLI reported an error");
    }
    const auto stats = o.find("stats");
    if (stats == o.end() || !stats->is_object())
        return c;
    const auto models = stats->find("models");
    if (models != stats->end() && models->is_object()) {
        for (auto it = models->begin(); it != models->end(); ++it) {
            const auto tokens = it->find("tokens");
            if (!it->is_object() || tokens == it->end() || !tokens->is_object())
                continue;
            // "prompt" includes the cached part; thoughts are billed as output.
            c.inputTokens = sum(c.inputTokens, integer(*tokens, "prompt"));
            c.outputTokens = sum(c.outputTokens, sum(integer(*tokens, "candidates"), integer(*tokens, "thoughts")));
        }
        if (models->size() == 1)
            c.model = QString::fromStdString(models->begin().key());
    }
    const auto tools = stats->find("tools");
    if (tools != stats->end() && tools->is_object())
        if (const auto calls = integer(*tools, "totalCalls"))
            c.toolCalls = int(*calls);
    return c;
}
} // namespace

Result<EnvelopeContent> extractEnvelope(OutputEnvelope envelope, const QByteArray &standardOutput)
{
    switch (envelope) {
    case OutputEnvelope::Text: {
        EnvelopeContent c;
        c.text = QString::fromUtf8(standardOutput);
        return c;
    }
    case OutputEnvelope::ClaudeJson: return claude(standardOutput);
    case OutputEnvelope::GeminiJson: return gemini(standardOutput);
    case OutputEnvelope::CodexJsonl:
    case OutputEnvelope::ClaudeStreamJson:
    case OutputEnvelope::GeminiStreamJson: return eventStream(envelope, standardOutput);
    }
    return Error::of(QStringLiteral("unknown output envelope"));
}

} // namespace rb::agents
