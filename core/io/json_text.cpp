#include "io/json_text.h"

#include "io/json_fields.h"

#include <algorithm>
#include <string>
#include <vector>

namespace rb::jsonio {

namespace {

using nlohmann::json;
using DomBuilder = nlohmann::detail::json_sax_dom_parser<json>;

// nlohmann's DOM builder with the path of the value being read kept beside it, a depth
// limit, and errors recorded instead of thrown. sax_parse() calls these members by name on
// this type, so hiding the base class's members is enough.
class TrackingBuilder : public DomBuilder {
public:
    explicit TrackingBuilder(json &doc) : DomBuilder(doc, false) {}

    bool null() { return DomBuilder::null() && scalarDone(); }
    bool boolean(bool v) { return DomBuilder::boolean(v) && scalarDone(); }
    bool number_integer(number_integer_t v) { return DomBuilder::number_integer(v) && scalarDone(); }
    bool number_unsigned(number_unsigned_t v) { return DomBuilder::number_unsigned(v) && scalarDone(); }
    bool number_float(number_float_t v, const string_t &s) { return DomBuilder::number_float(v, s) && scalarDone(); }
    bool string(string_t &v) { return DomBuilder::string(v) && scalarDone(); }
    bool binary(binary_t &v) { return DomBuilder::binary(v) && scalarDone(); }

    bool start_object(std::size_t n) { return open(false) && DomBuilder::start_object(n); }
    bool start_array(std::size_t n) { return open(true) && DomBuilder::start_array(n); }
    bool key(string_t &k)
    {
        if (!m_frames.empty())
            m_frames.back().key = k;
        return DomBuilder::key(k);
    }
    bool end_object() { return DomBuilder::end_object() && close(); }
    bool end_array() { return DomBuilder::end_array() && close(); }

    template <class Exception>
    bool parse_error(std::size_t position, const std::string &lastToken, const Exception &ex)
    {
        DomBuilder::parse_error(position, lastToken, ex); // records the failure; does not throw
        if (!m_error) {
            // The position is one past the failing character; a number beyond a double is
            // named where it starts.
            qsizetype at = position > 0 ? qsizetype(position - 1) : 0;
            if (ex.id == 406)
                at = std::max<qsizetype>(0, qsizetype(position) - qsizetype(lastToken.size()));
            m_error = makeError(at, reasonOf(ex, lastToken));
        }
        return false;
    }

    std::optional<JsonSyntaxError> &error() { return m_error; }

private:
    struct Frame {
        bool array = false;
        std::size_t index = 0;
        std::string key;
    };
    std::vector<Frame> m_frames;
    std::optional<JsonSyntaxError> m_error;

    // A value is complete: the next error is about its container, not about it.
    bool scalarDone()
    {
        if (m_frames.empty())
            return true;
        if (m_frames.back().array)
            ++m_frames.back().index;
        else
            m_frames.back().key.clear();
        return true;
    }
    bool open(bool array)
    {
        if (int(m_frames.size()) >= kMaxJsonDepth) {
            if (!m_error) {
                JsonSyntaxError e;
                e.path = path();
                e.reason = QStringLiteral("nested deeper than %1 levels").arg(kMaxJsonDepth);
                e.offset = -1; // found by parseJson(): the parser gives no position here
                m_error = e;
            }
            return false;
        }
        m_frames.push_back(Frame{array, 0, {}});
        return true;
    }
    bool close()
    {
        if (!m_frames.empty())
            m_frames.pop_back();
        return scalarDone();
    }

    QString path() const
    {
        QString out;
        for (const Frame &f : m_frames) {
            if (f.array) {
                out += QStringLiteral("[%1]").arg(f.index);
            } else if (!f.key.empty()) {
                if (!out.isEmpty())
                    out += QLatin1Char('.');
                out += shortened(QByteArrayView(f.key.data(), qsizetype(f.key.size())), kMaxQuoted);
            }
        }
        return out;
    }

    JsonSyntaxError makeError(qsizetype offset, const QString &reason) const
    {
        JsonSyntaxError e;
        e.offset = offset;
        e.path = path();
        e.reason = reason;
        return e;
    }

    static QString reasonOf(const nlohmann::detail::exception &ex, const std::string &lastToken)
    {
        const QByteArrayView token(lastToken.data(), qsizetype(lastToken.size()));
        if (ex.id == 406) // out_of_range: number overflow
            return QStringLiteral("number %1 is beyond the range of a double").arg(quoteBounded(token));
        // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error
        // while parsing value - invalid literal; last read: '<the whole token>'"
        QString what = QString::fromUtf8(ex.what());
        const auto at = what.indexOf(QLatin1String("parse error"));
        const auto colon = at >= 0 ? what.indexOf(QLatin1String(": "), at) : -1;
        if (colon >= 0)
            what = what.mid(colon + 2);
        else if (const auto bracket = what.indexOf(QLatin1String("] ")); bracket >= 0)
            what = what.mid(bracket + 2);
        const auto last = what.indexOf(QLatin1String("; last read: '"));
        if (last >= 0)
            what = what.left(last) + QStringLiteral("; last read: ") + quoteBounded(token);
        return what.left(400);
    }
};

// Byte offset of the bracket that opens nesting level `depth` (1-based), skipping strings.
qsizetype offsetOfDepth(const QByteArray &text, int depth)
{
    int level = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            for (++i; i < text.size() && text[i] != '"'; ++i)
                if (text[i] == '\\')
                    ++i;
        } else if (c == '{' || c == '[') {
            if (++level == depth)
                return i;
        } else if (c == '}' || c == ']') {
            --level;
        }
    }
    return 0;
}

} // namespace

QString JsonSyntaxError::what() const
{
    QString s = reason;
    if (!path.isEmpty())
        s += QStringLiteral(" (at %1)").arg(path);
    return s;
}

JsonParse parseJson(const QByteArray &text)
{
    JsonParse out;
    TrackingBuilder builder(out.value);
    bool ok = false;
    try {
        ok = json::sax_parse(text.constBegin(), text.constEnd(), &builder);
    } catch (const json::exception &e) {
        // Not expected (the builder records instead of throwing), but never let one out.
        if (!builder.error()) {
            JsonSyntaxError err;
            err.reason = QString::fromUtf8(e.what()).left(400);
            builder.error() = err;
        }
    }
    if (!ok && !builder.error())
        builder.error() = JsonSyntaxError{1, 1, 0, {}, QStringLiteral("not valid JSON")};
    if (builder.error()) {
        JsonSyntaxError e = *builder.error();
        if (e.offset < 0)
            e.offset = offsetOfDepth(text, kMaxJsonDepth + 1);
        const auto [line, column] = lineAndColumnAt(text, e.offset);
        e.line = line;
        e.column = column;
        out.error = e;
        out.value = json();
    }
    return out;
}

namespace {
QString shortenedText(QByteArrayView s, int max, bool *cut)
{
    const QString head = QString::fromUtf8(s.first(std::min<qsizetype>(s.size(), qsizetype(max) * 4)));
    QString shown;
    int count = 0;
    for (const QChar c : head) {
        if (count >= max)
            break;
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            shown += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            shown += c;
        ++count;
    }
    *cut = count < head.size() || s.size() > qsizetype(max) * 4;
    if (*cut)
        shown += QStringLiteral("…");
    return shown;
}
} // namespace

QString shortened(QByteArrayView s, int max)
{
    bool cut = false;
    return shortenedText(s, max, &cut);
}

QString quoteBounded(QByteArrayView s, int max)
{
    bool cut = false;
    const QString shown = shortenedText(s, max, &cut);
    if (cut)
        return QLatin1Char('\'') + shown + QStringLiteral("' (%1 bytes)").arg(s.size());
    return QLatin1Char('\'') + shown + QLatin1Char('\'');
}

} // namespace rb::jsonio
