#include "parse/json_locate.h"

#include "io/json_text.h"
#include "parse/source_text.h"

#include <QList>
#include <QRegularExpression>

#include <nlohmann/json.hpp>

namespace rb::parse {

namespace {

struct Segment {
    QByteArray key;  // empty for an index
    int index = -1;
};

QList<Segment> splitPath(const QString &path)
{
    QList<Segment> out;
    static const QRegularExpression re(QStringLiteral(R"(([^.\[\]]+)|\[(\d+)\])"));
    auto it = re.globalMatch(path);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedLength(1))
            out.append(Segment{m.captured(1).toUtf8(), -1});
        else
            out.append(Segment{{}, m.captured(2).toInt()});
    }
    return out;
}

class Scanner {
public:
    explicit Scanner(const QByteArray &t) : m_t(t) {}

    qsizetype find(const QList<Segment> &path)
    {
        ws();
        for (const Segment &s : path) {
            if (!descend(s))
                return -1;
            ws();
        }
        return m_i;
    }

    qsizetype endOfValue()
    {
        return skipValue() ? m_i : -1;
    }

    // From an array's '[': the [begin, end) range of each element.
    QList<std::pair<qsizetype, qsizetype>> elements()
    {
        QList<std::pair<qsizetype, qsizetype>> out;
        if (!at('['))
            return out;
        ++m_i;
        for (;;) {
            ws();
            if (m_i >= m_t.size() || at(']'))
                return out;
            const qsizetype begin = m_i;
            if (!skipValue())
                return out;
            qsizetype end = m_i;
            while (end > begin && QByteArrayView(" \n\r\t").contains(m_t[end - 1]))
                --end;
            out.append({begin, end});
            ws();
            if (!at(','))
                return out;
            ++m_i;
        }
    }

private:
    const QByteArray &m_t;
    qsizetype m_i = 0;

    bool at(char c) const { return m_i < m_t.size() && m_t[m_i] == c; }
    void ws()
    {
        while (m_i < m_t.size() && (m_t[m_i] == ' ' || m_t[m_i] == '\n' || m_t[m_i] == '\r' || m_t[m_i] == '\t'))
            ++m_i;
    }
    bool string(QByteArray *out)
    {
        if (!at('"'))
            return false;
        const qsizetype start = ++m_i;
        while (m_i < m_t.size() && m_t[m_i] != '"')
            m_i += m_t[m_i] == '\\' ? 2 : 1;
        if (m_i >= m_t.size())
            return false;
        if (out)
            *out = m_t.mid(start, m_i - start);
        ++m_i;
        return true;
    }
    // Iterative: depth cannot exhaust the stack.
    bool skipValue()
    {
        ws();
        int depth = 0;
        do {
            ws();
            if (m_i >= m_t.size())
                return false;
            const char c = m_t[m_i];
            if (c == '"') {
                if (!string(nullptr))
                    return false;
            } else if (c == '{' || c == '[') {
                ++depth;
                ++m_i;
            } else if (c == '}' || c == ']') {
                --depth;
                ++m_i;
            } else {
                while (m_i < m_t.size() && !QByteArrayView(",}] \n\r\t").contains(m_t[m_i]))
                    ++m_i;
            }
            ws();
            if (depth > 0 && (at(',') || at(':')))
                ++m_i;
        } while (depth > 0);
        return true;
    }
    bool descend(const Segment &s)
    {
        if (s.index >= 0) {
            if (!at('['))
                return false;
            ++m_i;
            for (int n = 0;; ++n) {
                ws();
                if (at(']'))
                    return false;
                if (n == s.index)
                    return true;
                if (!skipValue())
                    return false;
                ws();
                if (!at(','))
                    return false;
                ++m_i;
            }
        }
        if (!at('{'))
            return false;
        ++m_i;
        for (;;) {
            ws();
            QByteArray key;
            if (!string(&key))
                return false;
            ws();
            if (!at(':'))
                return false;
            ++m_i;
            ws();
            if (key == s.key)
                return true;
            if (!skipValue())
                return false;
            ws();
            if (!at(','))
                return false;
            ++m_i;
        }
    }
};

} // namespace

std::pair<qsizetype, qsizetype> rangeOfJsonPath(const QByteArray &text, const QString &path)
{
    Scanner s(text);
    const qsizetype begin = s.find(splitPath(path));
    if (begin < 0)
        return {-1, -1};
    qsizetype end = s.endOfValue();
    if (end < 0)
        return {-1, -1};
    while (end > begin && QByteArrayView(" \n\r\t,").contains(text[end - 1]))
        --end;
    return {begin, end};
}

SourceSpan jsonSpan(const QByteArray &text, const QString &path)
{
    const auto [begin, end] = rangeOfJsonPath(text, path);
    if (begin < 0)
        return {};
    return SourceSpan{lineAndColumnAt(text, begin).first, lineAndColumnAt(text, end).first, begin, end};
}

QList<SourceSpan> jsonElementSpans(const QByteArray &text, const QString &arrayPath)
{
    Scanner s(text);
    QList<SourceSpan> out;
    if (s.find(splitPath(arrayPath)) < 0)
        return out;
    const SourceText lines(text);
    for (const auto &[begin, end] : s.elements())
        out.append(SourceSpan{lines.lineAt(begin), lines.lineAt(std::max(begin, end - 1)), begin, end});
    return out;
}

int lineOfJsonPath(const QByteArray &text, const QString &path)
{
    Scanner s(text);
    const qsizetype at = s.find(splitPath(path));
    if (at < 0)
        return 0;
    return lineAndColumnAt(text, at).first;
}

Result<nlohmann::json> parseJsonText(const QByteArray &text, const QString &fileName, const QString &expected)
{
    jsonio::JsonParse doc = jsonio::parseJson(text);
    if (const auto &e = doc.error)
        return Error::of(QStringLiteral("%1:%2:%3: not valid JSON (%4); expected %5")
                             .arg(fileName).arg(e->line).arg(e->column).arg(e->what(), expected));
    return std::move(doc.value);
}

Error fieldError(const QByteArray &text, const QString &fileName, const QString &fieldMessage)
{
    const auto colon = fieldMessage.indexOf(QLatin1String(": "));
    const QString path = colon > 0 ? fieldMessage.left(colon) : QString();
    int line = path == QLatin1String("(top level)") ? 1 : lineOfJsonPath(text, path);
    if (line == 0) {
        // A missing field: name the line of its parent object.
        QString parent = path;
        while (line == 0 && !parent.isEmpty()) {
            const auto cut = std::max(parent.lastIndexOf(QLatin1Char('.')), parent.lastIndexOf(QLatin1Char('[')));
            parent = cut > 0 ? parent.left(cut) : QString();
            line = lineOfJsonPath(text, parent);
        }
    }
    return Error::of(QStringLiteral("%1:%2: %3").arg(fileName).arg(std::max(line, 1)).arg(fieldMessage));
}

} // namespace rb::parse
