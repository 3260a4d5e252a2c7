#include "agents/stream_events.h"

#include "io/json_text.h"

#include <QRegularExpression>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace rb::agents {

namespace {
using nlohmann::json;
using Scratch = StreamEventReader::Scratch;

constexpr qsizetype kLineChars = 200;

QString str(const json &obj, const char *key)
{
    if (!obj.is_object())
        return {};
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

const json *member(const json &obj, const char *key)
{
    if (!obj.is_object())
        return nullptr;
    const auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

std::optional<qint64> integer(const json &obj, const char *key)
{
    const json *v = member(obj, key);
    if (!v || !v->is_number_integer())
        return std::nullopt;
    return v->get<qint64>();
}

std::optional<qint64> sum(std::optional<qint64> a, std::optional<qint64> b)
{
    if (!a)
        return b;
    if (!b)
        return a;
    return *a + *b;
}

// One display line: whitespace runs folded to one space, at most kLineChars characters.
QString oneLine(const QString &s)
{
    QString out = s.simplified();
    if (out.size() > kLineChars)
        out = out.left(kLineChars - 1) + QChar(0x2026);
    return out;
}

std::optional<int> statusIn(const QString &message)
{
    static const QRegularExpression re(QStringLiteral(R"((?:status|HTTP|code)[ :=]*"?(\d{3})\b)"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(message);
    if (!m.hasMatch())
        return std::nullopt;
    const int code = m.captured(1).toInt();
    return code >= 400 && code < 600 ? std::optional<int>(code) : std::nullopt;
}

void noteFile(Scratch &s, const QString &path)
{
    if (!path.isEmpty() && !s.state.filesRead.contains(path))
        s.state.filesRead.append(path);
}

// A tool call by name and input, in any CLI's vocabulary.
void toolCall(Scratch &s, const QString &tool, const json &input)
{
    ++s.state.toolCalls;
    const QString t = tool.toLower();
    QString file = str(input, "file_path");
    if (file.isEmpty())
        file = str(input, "absolute_path");
    if (file.isEmpty() && (t == QLatin1String("read") || t == QLatin1String("read_file")))
        file = str(input, "path");
    if (t == QLatin1String("read") || t == QLatin1String("read_file") || t == QLatin1String("notebookread")) {
        noteFile(s, file);
        s.state.activity = oneLine(QStringLiteral("Reading %1").arg(file));
    } else if (t == QLatin1String("read_many_files")) {
        if (const json *paths = member(input, "paths"); paths && paths->is_array())
            for (const json &p : *paths)
                if (p.is_string())
                    noteFile(s, QString::fromStdString(p.get<std::string>()));
        s.state.activity = QStringLiteral("Reading several files");
    } else if (t == QLatin1String("grep") || t == QLatin1String("grep_search") || t == QLatin1String("search_file_content")
               || t == QLatin1String("glob")) {
        s.state.activity = oneLine(QStringLiteral("Searching for %1").arg(str(input, "pattern")));
    } else if (t == QLatin1String("bash") || t == QLatin1String("run_shell_command") || t == QLatin1String("shell")) {
        const QString command = str(input, "command");
        s.state.commandsRun.append(command);
        s.state.activity = oneLine(QStringLiteral("Running: %1").arg(command));
    } else if (t == QLatin1String("edit") || t == QLatin1String("write") || t == QLatin1String("replace")
               || t == QLatin1String("write_file")) {
        s.state.activity = oneLine(QStringLiteral("Editing %1").arg(file));
    } else {
        s.state.activity = oneLine(QStringLiteral("Calling %1").arg(tool));
    }
}

// ---- Claude Code ------------------------------------------------------------------------
void claudeUsage(Scratch &s, const json &message)
{
    const json *usage = member(message, "usage");
    if (!usage || !usage->is_object())
        return;
    // One API call may appear as several assistant events (one per content block) with the
    // same id and usage; each call is counted once.
    const QString id = str(message, "id");
    if (!id.isEmpty()) {
        if (s.claudeMessageIds.contains(id))
            return;
        s.claudeMessageIds.append(id);
    }
    s.claudeInput += integer(*usage, "input_tokens").value_or(0) + integer(*usage, "cache_creation_input_tokens").value_or(0)
        + integer(*usage, "cache_read_input_tokens").value_or(0);
    s.claudeOutput += integer(*usage, "output_tokens").value_or(0);
    if (s.claudeInput > 0 || s.claudeOutput > 0) {
        s.state.inputTokens = s.claudeInput;
        s.state.outputTokens = s.claudeOutput;
    }
}

void claudeResult(Scratch &s, const json &o)
{
    StreamState &st = s.state;
    st.ended = true;
    st.text = str(o, "result");
    if (const json *cost = member(o, "total_cost_usd"); cost && cost->is_number())
        st.costUsd = cost->get<double>();
    if (const json *usage = member(o, "usage"); usage && usage->is_object()) {
        const auto in = sum(sum(integer(*usage, "input_tokens"), integer(*usage, "cache_creation_input_tokens")),
                            integer(*usage, "cache_read_input_tokens"));
        const auto out = integer(*usage, "output_tokens");
        if (in.value_or(0) > 0 || out.value_or(0) > 0 || !st.inputTokens) {
            st.inputTokens = in;
            st.outputTokens = out;
        }
    }
    if (const json *models = member(o, "modelUsage"); models && models->is_object() && models->size() == 1)
        st.model = QString::fromStdString(models->begin().key());
    const json *isError = member(o, "is_error");
    const QString subtype = str(o, "subtype");
    const bool failed = (isError && isError->is_boolean() && isError->get<bool>())
        || (!subtype.isEmpty() && subtype != QLatin1String("success"));
    if (!failed)
        return;
    if (const auto status = integer(o, "api_error_status"))
        st.httpStatus = int(*status);
    QString why = oneLine(st.text);
    if (why.isEmpty())
        why = QStringLiteral("Claude Code reported %1").arg(subtype.isEmpty() ? QStringLiteral("an error") : subtype);
    st.error = st.httpStatus ? QStringLiteral("HTTP %1: %2").arg(*st.httpStatus).arg(why) : why;
    st.text.clear(); // an error message is not a review
}

void claudeEvent(Scratch &s, const json &e)
{
    StreamState &st = s.state;
    const QString type = str(e, "type");
    if (type == QLatin1String("system")) {
        const QString subtype = str(e, "subtype");
        if (subtype == QLatin1String("init")) {
            if (st.model.isEmpty())
                st.model = str(e, "model");
            st.activity = QStringLiteral("Started");
        } else if (subtype == QLatin1String("api_retry")) {
            const auto status = integer(e, "error_status");
            if (status)
                st.httpStatus = int(*status);
            const QString what = status ? QStringLiteral("HTTP %1").arg(*status) : QStringLiteral("an API error");
            const QString kind = str(e, "error");
            st.lastProblem = oneLine(QStringLiteral("retrying after %1%2 (attempt %3 of %4)")
                                         .arg(what, kind.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(kind))
                                         .arg(integer(e, "attempt").value_or(0))
                                         .arg(integer(e, "max_retries").value_or(0)));
            st.activity = st.lastProblem;
        }
    } else if (type == QLatin1String("assistant")) {
        const json *message = member(e, "message");
        if (!message || !message->is_object())
            return;
        if (str(*message, "model") == QLatin1String("<synthetic>"))
            return; // the CLI's own error text, repeated in the result object
        claudeUsage(s, *message);
        const json *content = member(*message, "content");
        if (!content || !content->is_array())
            return;
        for (const json &block : *content) {
            const QString blockType = str(block, "type");
            if (blockType == QLatin1String("tool_use")) {
                const json *input = member(block, "input");
                toolCall(s, str(block, "name"), input ? *input : json::object());
                s.turnText.clear();
            } else if (blockType == QLatin1String("text")) {
                s.turnText += str(block, "text");
                st.activity = QStringLiteral("Writing");
            } else if (blockType == QLatin1String("thinking")) {
                st.activity = QStringLiteral("Thinking");
            }
        }
    } else if (type == QLatin1String("result")) {
        claudeResult(s, e);
    }
}

// ---- Codex ------------------------------------------------------------------------------
void codexItem(Scratch &s, const json &item, bool completed)
{
    StreamState &st = s.state;
    const QString itemType = str(item, "type");
    if (itemType == QLatin1String("agent_message")) {
        if (completed)
            st.text = str(item, "text"); // the last message is the answer
        st.activity = QStringLiteral("Writing");
    } else if (itemType == QLatin1String("reasoning")) {
        st.activity = QStringLiteral("Thinking");
    } else if (itemType == QLatin1String("command_execution")) {
        const QString command = str(item, "command");
        // Counted once: at its start, or at completion when no start was seen.
        if (!st.commandsRun.contains(command)) {
            st.commandsRun.append(command);
            ++st.toolCalls;
        }
        st.activity = oneLine(QStringLiteral("Running: %1").arg(command));
    } else if (itemType == QLatin1String("mcp_tool_call")) {
        if (completed)
            ++st.toolCalls;
        st.activity = oneLine(QStringLiteral("Calling %1.%2").arg(str(item, "server"), str(item, "tool")));
    } else if (itemType == QLatin1String("web_search")) {
        if (completed)
            ++st.toolCalls;
        st.activity = oneLine(QStringLiteral("Searching the web for %1").arg(str(item, "query")));
    } else if (itemType == QLatin1String("file_change")) {
        st.activity = QStringLiteral("Editing files");
    } else if (itemType == QLatin1String("error")) {
        st.lastProblem = oneLine(str(item, "message")); // a warning; the turn goes on
    }
}

void codexEvent(Scratch &s, const json &e)
{
    StreamState &st = s.state;
    const QString type = str(e, "type");
    if (type == QLatin1String("thread.started") || type == QLatin1String("turn.started")) {
        st.activity = QStringLiteral("Started");
    } else if (type == QLatin1String("item.started") || type == QLatin1String("item.updated")
               || type == QLatin1String("item.completed")) {
        if (const json *item = member(e, "item"); item && item->is_object())
            codexItem(s, *item, type == QLatin1String("item.completed"));
    } else if (type == QLatin1String("turn.completed")) {
        st.ended = true;
        st.error.clear(); // errors before were retries that recovered
        if (const json *usage = member(e, "usage"); usage && usage->is_object()) {
            // cached_input_tokens is a part of input_tokens, so it is not added.
            st.inputTokens = sum(st.inputTokens, integer(*usage, "input_tokens"));
            st.outputTokens = sum(st.outputTokens, integer(*usage, "output_tokens"));
        }
        if (st.text.isEmpty())
            st.error = QStringLiteral("Codex finished without an agent_message item (%1 events)").arg(st.events);
    } else if (type == QLatin1String("turn.failed")) {
        st.ended = true;
        const json *err = member(e, "error");
        st.error = oneLine(err ? str(*err, "message") : QString());
        if (st.error.isEmpty())
            st.error = QStringLiteral("Codex reported a failed turn");
        if (const auto status = statusIn(st.error))
            st.httpStatus = status;
    } else if (type == QLatin1String("error")) {
        const QString message = oneLine(str(e, "message"));
        if (const auto status = statusIn(message))
            st.httpStatus = status;
        st.lastProblem = message.isEmpty() ? QStringLiteral("Codex reported an error") : message;
        st.activity = st.lastProblem;
        // Fatal unless a later turn.completed says the retries recovered.
        if (!st.ended)
            st.error = st.lastProblem;
    }
}

// ---- Gemini CLI -------------------------------------------------------------------------
// "[API Error: {"error":{"code":401,"message":"…","status":"UNAUTHENTICATED"}}]" becomes
// "HTTP 401 UNAUTHENTICATED: …"; any other message is kept, on one line.
QString geminiError(Scratch &s, const QString &message)
{
    const qsizetype brace = message.indexOf(QLatin1Char('{'));
    if (brace >= 0) {
        const qsizetype end = message.lastIndexOf(QLatin1Char('}'));
        const QByteArray inner = message.mid(brace, end - brace + 1).toUtf8();
        const jsonio::JsonParse parsed = jsonio::parseJson(inner);
        const json *err = parsed.ok() ? member(parsed.value, "error") : nullptr;
        if (err && err->is_object()) {
            const auto code = integer(*err, "code");
            if (code)
                s.state.httpStatus = int(*code);
            const QString status = str(*err, "status");
            return oneLine(QStringLiteral("HTTP %1%2: %3")
                               .arg(code ? QString::number(*code) : QStringLiteral("error"),
                                    status.isEmpty() ? QString() : QLatin1Char(' ') + status, str(*err, "message")));
        }
    }
    if (const auto status = statusIn(message))
        s.state.httpStatus = status;
    return oneLine(message);
}

void geminiEvent(Scratch &s, const json &e)
{
    StreamState &st = s.state;
    const QString type = str(e, "type");
    if (type == QLatin1String("init")) {
        const QString model = str(e, "model");
        if (model != QLatin1String("auto"))
            st.model = model;
        st.activity = QStringLiteral("Started");
    } else if (type == QLatin1String("message")) {
        if (str(e, "role") != QLatin1String("assistant"))
            return;
        const json *delta = member(e, "delta");
        const QString content = str(e, "content");
        if (delta && delta->is_boolean() && delta->get<bool>())
            s.turnText += content;
        else
            s.turnText = content;
        st.activity = QStringLiteral("Writing");
    } else if (type == QLatin1String("tool_use")) {
        const json *params = member(e, "parameters");
        toolCall(s, str(e, "tool_name"), params ? *params : json::object());
        s.turnText.clear(); // text before a tool call is a preamble, not the review
    } else if (type == QLatin1String("error")) {
        st.lastProblem = geminiError(s, str(e, "message"));
    } else if (type == QLatin1String("result")) {
        st.ended = true;
        st.text = s.turnText;
        if (const json *stats = member(e, "stats"); stats && stats->is_object()) {
            st.inputTokens = integer(*stats, "input_tokens");
            st.outputTokens = integer(*stats, "output_tokens");
            // The model that did the work: the one with the most tokens (a router model
            // that chose it appears too).
            if (const json *models = member(*stats, "models"); models && models->is_object()) {
                qint64 best = -1;
                for (auto it = models->begin(); it != models->end(); ++it) {
                    const qint64 total = integer(*it, "total_tokens").value_or(0);
                    if (total > best) {
                        best = total;
                        st.model = QString::fromStdString(it.key());
                    }
                }
            }
        }
        if (str(e, "status") != QLatin1String("success")) {
            const json *err = member(e, "error");
            const QString message = err ? str(*err, "message") : QString();
            st.error = message.isEmpty() ? QStringLiteral("Gemini CLI reported %1").arg(str(e, "status"))
                                         : geminiError(s, message);
            st.text.clear();
        }
    }
}
} // namespace

void StreamEventReader::feed(const QByteArray &bytes)
{
    m_pending.append(bytes);
    qsizetype start = 0;
    for (qsizetype nl = m_pending.indexOf('\n'); nl >= 0; nl = m_pending.indexOf('\n', start)) {
        line(m_pending.mid(start, nl - start));
        start = nl + 1;
    }
    m_pending.remove(0, start);
}

void StreamEventReader::finish()
{
    if (!m_pending.isEmpty())
        line(m_pending);
    m_pending.clear();
    // The final event missing or broken: the text streamed so far is the review, so that
    // a damaged line never loses it.
    StreamState &st = m_scratch.state;
    if (!st.ended && st.text.isEmpty() && st.error.isEmpty())
        st.text = m_scratch.turnText;
}

void StreamEventReader::line(const QByteArray &raw)
{
    const QByteArray text = raw.trimmed();
    if (text.isEmpty())
        return;
    const jsonio::JsonParse parsed = jsonio::parseJson(text);
    const json &e = parsed.value;
    if (!parsed.ok() || !e.is_object()) {
        ++m_scratch.state.skippedLines;
        return;
    }
    ++m_scratch.state.events;
    switch (m_envelope) {
    case OutputEnvelope::ClaudeStreamJson: claudeEvent(m_scratch, e); break;
    case OutputEnvelope::CodexJsonl: codexEvent(m_scratch, e); break;
    case OutputEnvelope::GeminiStreamJson: geminiEvent(m_scratch, e); break;
    default: break;
    }
}

StreamState readEventStream(OutputEnvelope envelope, const QByteArray &standardOutput)
{
    StreamEventReader reader(envelope);
    reader.feed(standardOutput);
    reader.finish();
    return reader.state();
}

} // namespace rb::agents
