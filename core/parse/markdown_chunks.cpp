#include "parse/markdown_chunks.h"

#include <cstring>

namespace rb::parse::md {

namespace {

struct Line {
    qsizetype begin = 0;
    qsizetype end = 0;  // before the line ending
    qsizetype next = 0; // after the line ending
};

Line lineAt(const QByteArray &text, qsizetype pos)
{
    Line l;
    l.begin = pos;
    qsizetype i = pos;
    const qsizetype n = text.size();
    while (i < n && text[i] != '\n' && text[i] != '\r')
        ++i;
    l.end = i;
    if (i < n && text[i] == '\r')
        ++i;
    if (i < n && text[i] == '\n' && (i == l.end || text[i - 1] == '\r'))
        ++i;
    l.next = i;
    return l;
}

bool isBlank(const QByteArray &text, const Line &l)
{
    for (qsizetype i = l.begin; i < l.end; ++i)
        if (text[i] != ' ' && text[i] != '\t')
            return false;
    return true;
}

// Indentation of at most three spaces, as block starts allow; -1 when more.
qsizetype blockStart(const QByteArray &text, const Line &l)
{
    qsizetype i = l.begin;
    while (i < l.end && i - l.begin < 4 && text[i] == ' ')
        ++i;
    return i - l.begin > 3 ? -1 : i;
}

// A line in column 1 that starts a new top-level block whatever came before it (given a
// blank line before it and no open fence or HTML block): an ATX heading or the start of a
// paragraph (a finding's bold title, prose). Not a list item, which would join a list
// before the blank line, nor a quote, table row, HTML, fence or thematic break.
bool isCutLine(const QByteArray &text, const Line &l)
{
    if (l.end == l.begin)
        return false;
    const char c = text[l.begin];
    const char next = l.end - l.begin > 1 ? text[l.begin + 1] : '\0';
    if (c == '#') {
        qsizetype i = l.begin;
        int hashes = 0;
        while (i < l.end && text[i] == '#' && hashes < 7) {
            ++i;
            ++hashes;
        }
        return hashes <= 6 && (i == l.end || text[i] == ' ' || text[i] == '\t');
    }
    if (c == '*') // "**bold" starts a paragraph; "* x" is a list item, "***" a break
        return next == '*' && l.end - l.begin > 2 && text[l.begin + 2] != '*' && text[l.begin + 2] != ' '
            && text[l.begin + 2] != '\t';
    if (c == ' ' || c == '\t' || c == '-' || c == '+' || c == '>' || c == '|' || c == '<' || c == '`' || c == '~'
        || c == '=' || c == '_' || c == '[' || c == '!' || c == '\\' || (c >= '0' && c <= '9'))
        return false;
    return true;
}

bool startsWithCaseless(const QByteArray &text, qsizetype at, qsizetype end, const char *prefix)
{
    const qsizetype len = qsizetype(std::strlen(prefix));
    if (end - at < len)
        return false;
    return qstrnicmp(text.constData() + at, prefix, std::size_t(len)) == 0;
}

bool contains(const QByteArray &text, const Line &l, const char *needle, bool caseless)
{
    const QByteArray line = QByteArray::fromRawData(text.constData() + l.begin, l.end - l.begin);
    return caseless ? line.toLower().contains(needle) : line.contains(needle);
}

} // namespace

QList<Chunk> markdownChunks(const QByteArray &text, qsizetype minBytes)
{
    QList<Chunk> chunks{Chunk{0, text.size(), 1}};
    if (minBytes <= 0 || text.size() < 2 * minBytes)
        return chunks;

    char fenceChar = 0;     // inside a fenced code block opened by this character...
    qsizetype fenceLen = 0; // ...repeated this many times
    const char *htmlEnd = nullptr; // inside an HTML block that ends at a line holding this
    bool previousBlank = true;
    int lineNumber = 1;
    for (qsizetype pos = 0; pos < text.size();) {
        const Line l = lineAt(text, pos);
        const bool blank = isBlank(text, l);
        const qsizetype start = blockStart(text, l);
        if (fenceChar) {
            if (start >= 0) {
                qsizetype i = start;
                while (i < l.end && text[i] == fenceChar)
                    ++i;
                qsizetype rest = i;
                while (rest < l.end && (text[rest] == ' ' || text[rest] == '\t'))
                    ++rest;
                if (i - start >= fenceLen && rest == l.end)
                    fenceChar = 0;
            }
        } else if (htmlEnd) {
            if (contains(text, l, htmlEnd, true))
                htmlEnd = nullptr;
        } else {
            if (previousBlank && isCutLine(text, l) && pos - chunks.last().begin >= minBytes
                && text.size() - pos >= minBytes) {
                chunks.last().end = pos;
                chunks.append(Chunk{pos, text.size(), lineNumber});
            }
            if (start >= 0 && start < l.end && (text[start] == '`' || text[start] == '~')) {
                qsizetype i = start;
                while (i < l.end && text[i] == text[start])
                    ++i;
                const bool backtickInInfo = text[start] == '`'
                    && QByteArray::fromRawData(text.constData() + i, l.end - i).contains('`');
                if (i - start >= 3 && !backtickInInfo) {
                    fenceChar = text[start];
                    fenceLen = i - start;
                }
            } else if (start >= 0 && start < l.end && text[start] == '<') {
                if (startsWithCaseless(text, start, l.end, "<!--"))
                    htmlEnd = "-->";
                else if (startsWithCaseless(text, start, l.end, "<pre"))
                    htmlEnd = "</pre>";
                else if (startsWithCaseless(text, start, l.end, "<script"))
                    htmlEnd = "</script>";
                else if (startsWithCaseless(text, start, l.end, "<style"))
                    htmlEnd = "</style>";
                else if (startsWithCaseless(text, start, l.end, "<textarea"))
                    htmlEnd = "</textarea>";
                // An HTML block that closes on its own first line.
                if (htmlEnd && contains(text, Line{start + 1, l.end, l.next}, htmlEnd, true))
                    htmlEnd = nullptr;
            }
        }
        previousBlank = blank && !fenceChar && !htmlEnd;
        ++lineNumber;
        if (l.next == pos)
            break;
        pos = l.next;
    }
    return chunks;
}

} // namespace rb::parse::md
