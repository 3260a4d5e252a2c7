#include "git/rename_similarity.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

namespace rb::git {

namespace {
constexpr uint32_t kHashBase = 107927; // spans hash into [0, kHashBase)
constexpr qsizetype kBinaryProbe = 8000; // git looks for a NUL byte in this many leading bytes
} // namespace

SpanSignature spanSignature(QByteArrayView content)
{
    const auto *p = reinterpret_cast<const unsigned char *>(content.data());
    size_t left = size_t(content.size());
    const bool text = std::memchr(p, 0, size_t(std::min(content.size(), kBinaryProbe))) == nullptr;
    std::unordered_map<uint32_t, uint32_t> counts;
    counts.reserve(left / 32 + 1);
    uint32_t accum1 = 0, accum2 = 0, n = 0;
    while (left) {
        const uint32_t c = *p++;
        const uint32_t old1 = accum1;
        --left;
        if (text && c == '\r' && left && *p == '\n')
            continue;
        accum1 = (accum1 << 7) ^ (accum2 >> 25);
        accum2 = (accum2 << 7) ^ (old1 >> 25);
        accum1 += c;
        if (++n < 64 && c != '\n')
            continue;
        counts[(accum1 + accum2 * 0x61) % kHashBase] += n;
        n = accum1 = accum2 = 0;
    }
    if (n > 0)
        counts[(accum1 + accum2 * 0x61) % kHashBase] += n;
    SpanSignature sig;
    sig.size = uint64_t(content.size());
    sig.spans.reserve(counts.size());
    for (const auto &[hash, bytes] : counts)
        sig.spans.push_back({hash, bytes});
    std::sort(sig.spans.begin(), sig.spans.end(), [](const auto &x, const auto &y) { return x.hash < y.hash; });
    return sig;
}

namespace {
uint64_t sharedBytes(const SpanSignature &a, const SpanSignature &b)
{
    uint64_t shared = 0;
    auto i = a.spans.begin(), j = b.spans.begin();
    while (i != a.spans.end() && j != b.spans.end()) {
        if (i->hash < j->hash) {
            ++i;
        } else if (j->hash < i->hash) {
            ++j;
        } else {
            shared += std::min(i->bytes, j->bytes);
            ++i;
            ++j;
        }
    }
    return shared;
}
} // namespace

int similarityScore(const SpanSignature &a, const SpanSignature &b)
{
    const uint64_t maxSize = std::max(a.size, b.size);
    if (a.size == 0 || b.size == 0)
        return 0;
    return int(sharedBytes(a, b) * kMaxSimilarityScore / maxSize);
}

int similarityPercent(const SpanSignature &a, const SpanSignature &b)
{
    if (std::max(a.size, b.size) == 0)
        return 100;
    return similarityScore(a, b) * 100 / kMaxSimilarityScore;
}

} // namespace rb::git
