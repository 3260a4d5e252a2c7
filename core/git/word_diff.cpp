#include "git/word_diff.h"

#include <vector>

namespace rb::git {

namespace {

enum class TokenClass { Word, Space, Other };

TokenClass classOf(QChar c)
{
    if (c.isLetterOrNumber() || c == QLatin1Char('_'))
        return TokenClass::Word;
    if (c.isSpace())
        return TokenClass::Space;
    return TokenClass::Other;
}

struct Token {
    int start;
    int length;
};

std::vector<Token> tokenize(const QString &s)
{
    std::vector<Token> tokens;
    int i = 0;
    const int n = int(s.size());
    while (i < n) {
        const TokenClass c = classOf(s[i]);
        int j = i + 1;
        if (c != TokenClass::Other) {
            // Keep surrogate pairs and runs of the same class together.
            while (j < n && (classOf(s[j]) == c || s[j].isLowSurrogate()))
                ++j;
        } else if (s[i].isHighSurrogate() && j < n && s[j].isLowSurrogate()) {
            ++j;
        }
        tokens.push_back({i, j - i});
        i = j;
    }
    return tokens;
}

void addRange(QList<TextRange> &ranges, int start, int length)
{
    if (length <= 0)
        return;
    if (!ranges.isEmpty() && ranges.last().start + ranges.last().length == start)
        ranges.last().length += length;
    else
        ranges.append({start, length});
}

WordDiff byPrefixAndSuffix(const QString &a, const QString &b)
{
    const int na = int(a.size()), nb = int(b.size());
    int prefix = 0;
    while (prefix < na && prefix < nb && a[prefix] == b[prefix])
        ++prefix;
    int suffix = 0;
    while (suffix < na - prefix && suffix < nb - prefix && a[na - 1 - suffix] == b[nb - 1 - suffix])
        ++suffix;
    WordDiff d;
    addRange(d.removed, prefix, na - prefix - suffix);
    addRange(d.added, prefix, nb - prefix - suffix);
    return d;
}

} // namespace

WordDiff wordDiff(const QString &oldLine, const QString &newLine)
{
    const std::vector<Token> a = tokenize(oldLine);
    const std::vector<Token> b = tokenize(newLine);
    if (int(a.size()) > kWordDiffMaxTokens || int(b.size()) > kWordDiffMaxTokens)
        return byPrefixAndSuffix(oldLine, newLine);

    auto same = [&](size_t i, size_t j) {
        return QStringView(oldLine).mid(a[i].start, a[i].length) == QStringView(newLine).mid(b[j].start, b[j].length);
    };
    // Longest common subsequence of tokens; lcs[i][j] covers a[i..], b[j..].
    const size_t na = a.size(), nb = b.size();
    std::vector<int> lcs((na + 1) * (nb + 1), 0);
    auto at = [&](size_t i, size_t j) -> int & { return lcs[i * (nb + 1) + j]; };
    for (size_t i = na; i-- > 0;) {
        for (size_t j = nb; j-- > 0;)
            at(i, j) = same(i, j) ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
    WordDiff d;
    size_t i = 0, j = 0;
    while (i < na || j < nb) {
        if (i < na && j < nb && same(i, j)) {
            ++i;
            ++j;
        } else if (j < nb && (i == na || at(i, j + 1) >= at(i + 1, j))) {
            addRange(d.added, b[j].start, b[j].length);
            ++j;
        } else {
            addRange(d.removed, a[i].start, a[i].length);
            ++i;
        }
    }
    return d;
}

} // namespace rb::git
