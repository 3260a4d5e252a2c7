#include "agents/agent_profile.h"

#include <array>
#include <utility>

namespace rb::agents {

namespace {
template <typename E, std::size_t N>
QString nameOf(const std::array<std::pair<E, const char *>, N> &table, E value)
{
    for (const auto &[v, n] : table)
        if (v == value)
            return QString::fromLatin1(n);
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char *>, N> &table, const QString &s)
{
    for (const auto &[v, n] : table)
        if (s == QLatin1String(n))
            return v;
    return std::nullopt;
}

constexpr std::array kDeliveries{
    std::pair{PromptDelivery::Stdin, "stdin"},
    std::pair{PromptDelivery::File, "file"},
};
constexpr std::array kEnvelopes{
    std::pair{OutputEnvelope::Text, "text"},
    std::pair{OutputEnvelope::ClaudeJson, "claude-json"},
    std::pair{OutputEnvelope::CodexJsonl, "codex-jsonl"},
    std::pair{OutputEnvelope::GeminiJson, "gemini-json"},
    std::pair{OutputEnvelope::ClaudeStreamJson, "claude-stream-json"},
    std::pair{OutputEnvelope::GeminiStreamJson, "gemini-stream-json"},
};
constexpr std::array kFormats{
    std::pair{ReviewFormat::Markdown, "markdown"},
    std::pair{ReviewFormat::FindingsJson, "findings-json"},
};
} // namespace

QString toString(PromptDelivery d) { return nameOf(kDeliveries, d); }
QString toString(OutputEnvelope e) { return nameOf(kEnvelopes, e); }
QString toString(ReviewFormat f) { return nameOf(kFormats, f); }
bool isEventStream(OutputEnvelope e)
{
    return e == OutputEnvelope::CodexJsonl || e == OutputEnvelope::ClaudeStreamJson || e == OutputEnvelope::GeminiStreamJson;
}
std::optional<PromptDelivery> promptDeliveryFromString(const QString &s) { return valueOf(kDeliveries, s); }
std::optional<OutputEnvelope> outputEnvelopeFromString(const QString &s) { return valueOf(kEnvelopes, s); }
std::optional<ReviewFormat> reviewFormatFromString(const QString &s) { return valueOf(kFormats, s); }

} // namespace rb::agents
