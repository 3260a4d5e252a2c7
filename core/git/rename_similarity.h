#pragma once
// How similar two file contents are, measured as git measures it for rename and copy
// detection: contents are cut into spans (a line, or 64 bytes when a line is longer;
// a CR before LF is ignored in text), each span hashed; the score is the number of bytes
// in spans both sides share, over the size of the larger side. Used by rename detection
// (git/rename_detection.h) so that pairings and "similarity index" lines agree with
// `git diff`.

#include <QByteArrayView>

#include <cstdint>
#include <vector>

namespace rb::git {

struct SpanSignature {
    struct Span {
        uint32_t hash;
        uint32_t bytes;
    };
    std::vector<Span> spans; // sorted by hash, one entry per hash
    uint64_t size = 0;       // bytes of the content
};

// git's score scale: 60000 is identical.
constexpr int kMaxSimilarityScore = 60000;

SpanSignature spanSignature(QByteArrayView content);
// Bytes of `a` found again in `b` (git's "src_copied") over the larger size, on git's
// scale 0..kMaxSimilarityScore; 0 when either side is empty.
int similarityScore(const SpanSignature &a, const SpanSignature &b);
// 0..100, rounded down as git prints it; two empty contents are 100 % alike.
int similarityPercent(const SpanSignature &a, const SpanSignature &b);

} // namespace rb::git
