#include "parse/source_text.h"

#include <algorithm>

namespace rb::parse {

SourceText::SourceText(QByteArray utf8) : m_bytes(std::move(utf8))
{
    m_lineStarts.append(0);
    for (qsizetype i = 0; i < m_bytes.size(); ++i)
        if (m_bytes[i] == '\n' && i + 1 < m_bytes.size())
            m_lineStarts.append(i + 1);
}

qint64 SourceText::lineBegin(int line) const
{
    if (line < 1)
        return 0;
    if (line > lineCount())
        return m_bytes.size();
    return m_lineStarts[line - 1];
}

qint64 SourceText::lineEnd(int line) const
{
    if (line < 1)
        return 0;
    if (line > lineCount())
        return m_bytes.size();
    qint64 end = line < lineCount() ? m_lineStarts[line] : m_bytes.size();
    if (end > m_lineStarts[line - 1] && m_bytes[end - 1] == '\n')
        --end;
    if (end > m_lineStarts[line - 1] && m_bytes[end - 1] == '\r')
        --end;
    return end;
}

QString SourceText::line(int line) const
{
    const qint64 b = lineBegin(line);
    return QString::fromUtf8(m_bytes.constData() + b, lineEnd(line) - b);
}

int SourceText::lineAt(qint64 offset) const
{
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    return std::max(int(it - m_lineStarts.begin()), 1);
}

bool SourceText::isBlank(int line) const
{
    for (qint64 i = lineBegin(line), e = lineEnd(line); i < e; ++i)
        if (m_bytes[i] != ' ' && m_bytes[i] != '\t')
            return false;
    return true;
}

SourceSpan SourceText::span(int firstLine, int lastLine) const
{
    firstLine = std::max(firstLine, 1);
    lastLine = std::min(lastLine, lineCount());
    while (lastLine >= firstLine && isBlank(lastLine))
        --lastLine;
    if (lastLine < firstLine)
        return {};
    return SourceSpan{firstLine, lastLine, lineBegin(firstLine), lineEnd(lastLine)};
}

QString SourceText::slice(int firstLine, int firstColumn, int lastLine, int indent) const
{
    firstLine = std::max(firstLine, 1);
    lastLine = std::min(lastLine, lineCount());
    QByteArray out;
    for (int l = firstLine; l <= lastLine; ++l) {
        qint64 b = lineBegin(l);
        const qint64 e = lineEnd(l);
        if (l == firstLine) {
            b = std::min(b + std::max(firstColumn - 1, 0), e);
        } else {
            for (int n = 0; n < indent && b < e && m_bytes[b] == ' '; ++n)
                ++b;
            out.append('\n');
        }
        out.append(m_bytes.constData() + b, e - b);
    }
    return QString::fromUtf8(out).trimmed();
}

QString normalizedRawText(const QByteArray &input)
{
    QString text = QString::fromUtf8(input);
    text.replace(QChar(u'\0'), QChar::ReplacementCharacter);
    return text;
}

} // namespace rb::parse
