#pragma once
// Intra-line changes: which parts of a removed line and of the added line that replaces it
// differ. A pure function over two strings.

#include <QList>
#include <QString>

namespace rb::git {

// [start, start + length) in QString (UTF-16) units.
struct TextRange {
    int start = 0;
    int length = 0;
    bool operator==(const TextRange &) const = default;
};

struct WordDiff {
    QList<TextRange> removed; // changed parts of the old line
    QList<TextRange> added;   // changed parts of the new line
    bool operator==(const WordDiff &) const = default;
};

// Splits both lines into tokens (runs of letters, digits and '_'; runs of whitespace; any
// other character alone), finds the longest common token sequence and returns the
// differing tokens as ranges, adjacent ones merged. Lines longer than kWordDiffMaxTokens
// tokens are compared by common prefix and suffix only.
WordDiff wordDiff(const QString &oldLine, const QString &newLine);

inline constexpr int kWordDiffMaxTokens = 1000;

} // namespace rb::git
