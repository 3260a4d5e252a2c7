#include "patch/line_matcher.h"

#include <algorithm>

namespace rb::patch {

namespace {
bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

QByteArray withoutWhitespace(const QByteArray &line)
{
    if (std::none_of(line.begin(), line.end(), isSpace))
        return line; // shared, no copy
    QByteArray out(line.size(), Qt::Uninitialized);
    char *dst = out.data();
    for (char c : line)
        if (!isSpace(c))
            *dst++ = c;
    out.truncate(dst - out.constData());
    return out;
}

QList<QByteArray> normalized(const QList<QByteArray> &lines, Comparison how)
{
    if (how == Comparison::Exact)
        return lines;
    QList<QByteArray> out;
    out.reserve(lines.size());
    for (const QByteArray &l : lines)
        out.append(withoutWhitespace(l));
    return out;
}

QList<int> findPrepared(const QList<QByteArray> &hay, const QList<QByteArray> &need)
{
    QList<int> found;
    if (need.isEmpty() || need.size() > hay.size())
        return found;
    const qsizetype last = hay.size() - need.size();
    for (qsizetype start = 0; start <= last; ++start) {
        if (hay[start] != need[0])
            continue;
        bool all = true;
        for (qsizetype k = 1; k < need.size() && all; ++k)
            all = hay[start + k] == need[k];
        if (all)
            found.append(int(start));
    }
    return found;
}

ClosestMatch closestPrepared(const QList<QByteArray> &hay, const QList<QByteArray> &need)
{
    ClosestMatch best;
    if (hay.isEmpty() || need.isEmpty())
        return best;
    const int n = int(need.size());
    for (int start = -(n - 1); start < int(hay.size()); ++start) {
        int matching = 0;
        int firstDiff = -1;
        for (int k = 0; k < n; ++k) {
            const int at = start + k;
            const bool eq = at >= 0 && at < hay.size() && hay[at] == need[k];
            if (eq)
                ++matching;
            else if (firstDiff < 0)
                firstDiff = k;
        }
        if (matching > best.matchingLines) {
            best.matchingLines = matching;
            best.position = start;
            best.firstDifference = firstDiff;
        }
    }
    if (best.position < 0 && best.matchingLines == 0)
        best.position = 0;
    return best;
}
} // namespace

const QList<QByteArray> &LineIndex::lines(Comparison how) const
{
    if (how == Comparison::Exact)
        return m_lines;
    if (!m_looseReady) {
        m_loose = normalized(m_lines, Comparison::IgnoringWhitespace);
        m_looseReady = true;
    }
    return m_loose;
}

bool linesEqual(const QByteArray &a, const QByteArray &b, Comparison how)
{
    if (how == Comparison::Exact)
        return a == b;
    return a == b || withoutWhitespace(a) == withoutWhitespace(b);
}

QList<int> findAll(const QList<QByteArray> &haystack, const QList<QByteArray> &needle, Comparison how)
{
    return findPrepared(normalized(haystack, how), normalized(needle, how));
}

QList<int> findAll(const LineIndex &haystack, const QList<QByteArray> &needle, Comparison how)
{
    return findPrepared(haystack.lines(how), normalized(needle, how));
}

ClosestMatch closestMatch(const QList<QByteArray> &haystack, const QList<QByteArray> &needle)
{
    return closestPrepared(normalized(haystack, Comparison::IgnoringWhitespace), normalized(needle, Comparison::IgnoringWhitespace));
}

ClosestMatch closestMatch(const LineIndex &haystack, const QList<QByteArray> &needle)
{
    return closestPrepared(haystack.lines(Comparison::IgnoringWhitespace), normalized(needle, Comparison::IgnoringWhitespace));
}

} // namespace rb::patch
