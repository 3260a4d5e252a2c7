#pragma once
// How similar two file contents are, measured as git measures it for rename and copy
// detection: contents are cut into spans (a line, or 64 bytes when a line is longer;
// a CR before LF is ignored in text), each span hashed; the score is the number of bytes
// in spans both sides share, over the size of the larger side. Used as libgit2's
// similarity metric so that pairings and "similarity index" lines agree with `git diff`.

#include <QByteArrayView>

#include <git2.h>

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

SpanSignature spanSignature(QByteArrayView content);
// 0..100, rounded down as git prints it.
int similarityPercent(const SpanSignature &a, const SpanSignature &b);

// The metric for git_diff_find_options::metric. Internal to core/git.
git_diff_similarity_metric *gitSimilarityMetric();

} // namespace rb::git
