#include "patch/line_matcher.h"

namespace rb::patch {

namespace {
QByteArray withoutWhitespace(const QByteArray &line)
{
    QByteArray out;
    out.reserve(line.size());
    for (char c : line)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v')
            out += c;
    return out;
}
} // namespace

bool linesEqual(const QByteArray &a, const QByteArray &b, Comparison how)
{
    if (how == Comparison::Exact)
        return a == b;
    return a == b || withoutWhitespace(a) == withoutWhitespace(b);
}

QList<int> findAll(const QList<QByteArray> &haystack, const QList<QByteArray> &needle, Comparison how)
{
    QList<int> found;
    if (needle.isEmpty() || needle.size() > haystack.size())
        return found;
    QList<QByteArray> hay = haystack;
    QList<QByteArray> need = needle;
    if (how == Comparison::IgnoringWhitespace) {
        for (QByteArray &l : hay)
            l = withoutWhitespace(l);
        for (QByteArray &l : need)
            l = withoutWhitespace(l);
    }
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

ClosestMatch closestMatch(const QList<QByteArray> &haystack, const QList<QByteArray> &needle)
{
    ClosestMatch best;
    if (haystack.isEmpty() || needle.isEmpty())
        return best;
    QList<QByteArray> hay;
    for (const QByteArray &l : haystack)
        hay.append(withoutWhitespace(l));
    QList<QByteArray> need;
    for (const QByteArray &l : needle)
        need.append(withoutWhitespace(l));
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

} // namespace rb::patch
