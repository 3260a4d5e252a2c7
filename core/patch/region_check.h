#pragma once
// Before plain replacement code overwrites the region its first and last lines bound, is
// that region still the code the agent was looking at? Agents write the new version of a
// function and nothing else; if the author has changed the function since the review (say,
// with a fix of their own), replacing the region would silently throw that work away.
//
// The evidence is what the agent quoted:
// - the finding's excerpt, when it shares a line with the region: every line it quotes
//   must still be in the file (a quoted line that is gone means the code changed since the
//   review);
// - the code's unchanged lines: each non-blank line of the region must be kept by the code
//   (the longest common subsequence of the two, comparing lines without whitespace), or
//   quoted by the excerpt (the agent saw it and chose to drop it), or edited — similar to a
//   line the code writes in the same gap between kept lines (at least half of their
//   characters in common, whitespace ignored). A line that is none of these is code the
//   agent never saw. Lines of punctuation alone ("}", ");") are structure and not checked.
// Pure; lines are raw bytes without terminators. Cost: region lines × code lines (above 4
// million, a greedy in-order match instead), plus, per dropped line, its characters × those
// of the gap's new lines (lines are capped at 400 characters for the comparison).

#include <QByteArray>
#include <QList>
#include <QString>

namespace rb::patch {

struct RegionVerdict {
    bool close = false;
    QString reason; // when not close: which line, and why (one sentence, no trailing period)
};

// `region`: the file's lines about to be replaced; `code`: the replacement; `excerpt`: the
// finding's quoted code (may be empty); `fileLines`: the whole file; `firstLine`: the
// region's 1-based line number (for messages).
RegionVerdict checkReplacedRegion(const QList<QByteArray> &region, int firstLine, const QList<QByteArray> &code,
                                  const QList<QByteArray> &excerpt, const QList<QByteArray> &fileLines);

// 2 × common characters / total characters of the two lines, whitespace ignored (0..1).
double lineSimilarity(const QByteArray &a, const QByteArray &b);

} // namespace rb::patch
