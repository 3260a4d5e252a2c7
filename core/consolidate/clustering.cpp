#include "consolidate/clustering.h"

#include "consolidate/text_features.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <cmath>
#include <numeric>
#include <utility>
#include <vector>

namespace rb::consolidate {
namespace {

// Weights of the combined score: prose and identifiers make the content similarity; where
// the items point raises it (overlapping or nearby lines) or lowers it (different files).
constexpr double kTextWeight = 0.55;
constexpr double kIdentifierWeight = 0.45;
constexpr double kLocationWeight = 0.3;
constexpr double kSameFileFar = 0.2;      // location score: same file, lines far apart
constexpr double kSameFileNoLines = 0.4;  // location score: same file, a line range missing
constexpr double kDifferentFiles = -0.33; // location score: both located, no file in common
constexpr int kBucketLines = 32;

using SparseVector = std::vector<std::pair<int, float>>; // sorted by id, unit length

struct PathLines {
    QString path;
    QString fileName;
    int start = 0;
    int end = 0;
};

struct Features {
    SparseVector text;
    SparseVector identifiers;
    std::vector<PathLines> locations;
};

struct Vocabulary {
    QHash<QString, int> ids;
    std::vector<QString> names;
    std::vector<int> df;

    int idOf(const QString &s)
    {
        const auto it = ids.constFind(s);
        if (it != ids.constEnd())
            return *it;
        const int id = int(names.size());
        ids.insert(s, id);
        names.push_back(s);
        df.push_back(0);
        return id;
    }
};

struct Model {
    Vocabulary terms;
    Vocabulary identifiers;
    std::vector<Features> features;
};

double dot(const SparseVector &a, const SparseVector &b)
{
    double sum = 0.0;
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (i->first < j->first)
            ++i;
        else if (j->first < i->first)
            ++j;
        else {
            sum += double(i->second) * double(j->second);
            ++i;
            ++j;
        }
    }
    return sum;
}

// Shared entries ordered by their contribution to the dot product, largest first.
QStringList shared(const SparseVector &a, const SparseVector &b, const Vocabulary &vocab, int limit)
{
    std::vector<std::pair<float, int>> common;
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (i->first < j->first)
            ++i;
        else if (j->first < i->first)
            ++j;
        else {
            common.emplace_back(i->second * j->second, i->first);
            ++i;
            ++j;
        }
    }
    std::sort(common.begin(), common.end(), [](const auto &x, const auto &y) {
        return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    QStringList names;
    for (const auto &c : common) {
        if (names.size() >= limit)
            break;
        names << vocab.names[std::size_t(c.second)];
    }
    return names;
}

SparseVector weigh(const QHash<int, int> &counts, const Vocabulary &vocab, double n, bool logTf)
{
    SparseVector v;
    v.reserve(std::size_t(counts.size()));
    double norm = 0.0;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it) {
        const double idf = std::log((n + 1.0) / (vocab.df[std::size_t(it.key())] + 1.0)) + 1.0;
        const double tf = logTf ? 1.0 + std::log(double(it.value())) : 1.0;
        const double w = tf * idf;
        v.emplace_back(it.key(), float(w));
        norm += w * w;
    }
    norm = std::sqrt(norm);
    for (auto &e : v)
        e.second = float(e.second / norm);
    std::sort(v.begin(), v.end());
    return v;
}

Model buildModel(const QList<ClusterItem> &items)
{
    Model m;
    std::vector<QHash<int, int>> termCounts(static_cast<std::size_t>(items.size()));
    std::vector<QHash<int, int>> identCounts(static_cast<std::size_t>(items.size()));
    m.features.resize(std::size_t(items.size()));
    for (qsizetype i = 0; i < items.size(); ++i) {
        const ClusterItem &item = items[i];
        // The title is the agent's own summary of the problem: it counts twice.
        const QStringList titleTerms = proseTerms(item.title);
        QStringList terms = titleTerms + titleTerms + proseTerms(item.body);
        auto &tc = termCounts[std::size_t(i)];
        for (const QString &t : std::as_const(terms))
            ++tc[m.terms.idOf(t)];
        QStringList idents = backtickedIdentifiers(item.title) + backtickedIdentifiers(item.body);
        for (const QString &code : item.code)
            idents += codeIdentifiers(code);
        auto &ic = identCounts[std::size_t(i)];
        for (const QString &t : std::as_const(idents))
            ++ic[m.identifiers.idOf(t)];
        for (auto it = tc.constBegin(); it != tc.constEnd(); ++it)
            ++m.terms.df[std::size_t(it.key())];
        for (auto it = ic.constBegin(); it != ic.constEnd(); ++it)
            ++m.identifiers.df[std::size_t(it.key())];
        for (const Location &loc : item.locations) {
            PathLines pl;
            pl.path = normalizedPath(loc.path);
            if (pl.path.isEmpty())
                continue;
            pl.fileName = pl.path.section(QLatin1Char('/'), -1);
            pl.start = loc.startLine;
            pl.end = std::max(loc.startLine, loc.endLine);
            m.features[std::size_t(i)].locations.push_back(pl);
        }
    }
    const double n = double(items.size());
    for (std::size_t i = 0; i < m.features.size(); ++i) {
        m.features[i].text = weigh(termCounts[i], m.terms, n, true);
        m.features[i].identifiers = weigh(identCounts[i], m.identifiers, n, false);
    }
    return m;
}

QString linesText(const PathLines &p)
{
    if (p.start <= 0)
        return QStringLiteral("(no lines)");
    return p.end > p.start ? QStringLiteral("%1-%2").arg(p.start).arg(p.end) : QString::number(p.start);
}

void scoreLocation(const Features &a, const Features &b, const ClusterOptions &options, PairScore &s)
{
    if (a.locations.empty() || b.locations.empty())
        return;
    double best = kDifferentFiles;
    QString detail = QStringLiteral("no file in common");
    for (const PathLines &x : a.locations) {
        for (const PathLines &y : b.locations) {
            if (x.fileName != y.fileName || !samePath(x.path, y.path))
                continue;
            const QString path = x.path.size() >= y.path.size() ? x.path : y.path;
            double score;
            QString d;
            if (x.start <= 0 || y.start <= 0) {
                score = kSameFileNoLines;
                d = QStringLiteral("%1: same file (%2 and %3)").arg(path, linesText(x), linesText(y));
            } else {
                const int gap = std::max(x.start, y.start) - std::min(x.end, y.end);
                if (gap <= 0) {
                    score = 1.0;
                    d = QStringLiteral("%1: lines %2 and %3 overlap").arg(path, linesText(x), linesText(y));
                } else if (gap <= options.nearbyLines) {
                    score = 1.0 - 0.5 * double(gap) / double(options.nearbyLines);
                    d = QStringLiteral("%1: lines %2 and %3 are %4 lines apart").arg(path, linesText(x), linesText(y)).arg(gap);
                } else {
                    score = kSameFileFar;
                    d = QStringLiteral("%1: same file, lines %2 and %3 far apart").arg(path, linesText(x), linesText(y));
                }
            }
            if (score > best) {
                best = score;
                detail = d;
                s.linesOverlap = score >= 1.0;
            }
        }
    }
    s.location = best;
    s.locationDetail = detail;
}

PairScore score(const Model &m, int a, int b, const ClusterOptions &options, bool withDetail)
{
    const Features &fa = m.features[std::size_t(a)];
    const Features &fb = m.features[std::size_t(b)];
    PairScore s;
    s.text = std::clamp(dot(fa.text, fb.text), 0.0, 1.0);
    const bool bothHaveIdentifiers = !fa.identifiers.empty() && !fb.identifiers.empty();
    s.identifiers = bothHaveIdentifiers ? std::clamp(dot(fa.identifiers, fb.identifiers), 0.0, 1.0) : 0.0;
    scoreLocation(fa, fb, options, s);
    // Shared identifiers can only add to the prose similarity, never take from it.
    const double content = bothHaveIdentifiers ? std::max(s.text, kTextWeight * s.text + kIdentifierWeight * s.identifiers) : s.text;
    s.combined = std::clamp(content + kLocationWeight * s.location, 0.0, 1.0);
    if (withDetail) {
        s.sharedIdentifiers = shared(fa.identifiers, fb.identifiers, m.identifiers, 6);
        s.sharedTerms = shared(fa.text, fb.text, m.terms, 6);
    }
    return s;
}

bool overwhelming(const PairScore &s, const ClusterOptions &options)
{
    return s.combined >= options.sameAgentThreshold && s.linesOverlap && s.text >= options.sameAgentText;
}

// Candidate pairs come only from items that share blocking keys. Strong keys (a file and
// line bucket, a code identifier) make a pair a candidate on their own; weak keys (a file
// without lines, one of an item's highest-weighted prose terms) need a second shared key.
// Keys shared by more than maxBlockSize items say little and are skipped.
std::vector<std::pair<int, int>> candidatePairs(const QList<ClusterItem> &items, const Model &m,
                                                const ClusterOptions &options)
{
    enum KeyKind : std::uint64_t { LineBucket = 1, Identifier = 2, File = 3, Term = 4 };
    auto key = [](KeyKind kind, int partition, int id, int bucket) {
        return (std::uint64_t(kind) << 60) | (std::uint64_t(partition & 0xff) << 52)
             | (std::uint64_t(std::uint32_t(id)) << 20) | std::uint64_t(bucket & 0xfffff);
    };
    const std::size_t n = std::size_t(items.size());
    QHash<QString, int> fileIds;
    std::vector<std::vector<std::uint64_t>> keysOf(n);
    std::unordered_map<std::uint64_t, std::vector<int>> blocks;
    for (std::size_t i = 0; i < n; ++i) {
        const Features &f = m.features[i];
        const int part = items[qsizetype(i)].partition;
        std::vector<std::uint64_t> &keys = keysOf[i];
        for (const PathLines &pl : f.locations) {
            auto fileIt = fileIds.constFind(pl.fileName);
            if (fileIt == fileIds.constEnd())
                fileIt = fileIds.insert(pl.fileName, int(fileIds.size()));
            const int file = fileIt.value();
            keys.push_back(key(File, part, file, 0));
            if (pl.start <= 0)
                continue;
            const int from = std::max(0, pl.start - options.nearbyLines) / kBucketLines;
            const int to = (pl.end + options.nearbyLines) / kBucketLines;
            for (int bucket = from; bucket <= to && bucket < from + 8; ++bucket)
                keys.push_back(key(LineBucket, part, file, bucket));
        }
        for (const auto &e : f.identifiers)
            keys.push_back(key(Identifier, part, e.first, 0));
        SparseVector top = f.text;
        const std::size_t k = std::min<std::size_t>(top.size(), std::size_t(options.termsPerItem));
        std::partial_sort(top.begin(), top.begin() + std::ptrdiff_t(k), top.end(),
                          [](const auto &x, const auto &y) { return x.second > y.second; });
        for (std::size_t t = 0; t < k; ++t)
            keys.push_back(key(Term, part, top[t].first, 0));
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (std::uint64_t kk : keys)
            blocks[kk].push_back(int(i));
    }

    // For each item, count the keys it shares with every later item; strong keys count double.
    std::vector<std::pair<int, int>> pairs;
    std::vector<int> shared(n, 0);
    std::vector<int> touched;
    for (std::size_t i = 0; i < n; ++i) {
        touched.clear();
        for (std::uint64_t kk : keysOf[i]) {
            const std::vector<int> &members = blocks[kk];
            if (members.size() < 2 || members.size() > std::size_t(options.maxBlockSize))
                continue;
            const KeyKind kind = KeyKind(kk >> 60);
            const int weight = kind == LineBucket || kind == Identifier ? 2 : 1;
            for (int j : members) {
                if (j <= int(i))
                    continue;
                if (shared[std::size_t(j)] == 0)
                    touched.push_back(j);
                shared[std::size_t(j)] += weight;
            }
        }
        std::sort(touched.begin(), touched.end());
        for (int j : touched) {
            if (shared[std::size_t(j)] >= 2)
                pairs.emplace_back(int(i), j);
            shared[std::size_t(j)] = 0;
        }
    }
    return pairs;
}

QString fmt(double v) { return QString::number(v, 'f', 2); }

void addEvidence(const ClusterItem &a, const ClusterItem &b, const PairScore &s, const ClusterOptions &options,
                 QList<GroupingEvidence> &out)
{
    const bool sameAgent = a.agentId == b.agentId;
    out << GroupingEvidence{a.id, b.id, QStringLiteral("combined"), s.combined,
                            QStringLiteral("%1 >= %2 (%3)")
                                .arg(fmt(s.combined),
                                     fmt(sameAgent ? options.sameAgentThreshold : options.joinThreshold),
                                     sameAgent ? QStringLiteral("same agent: overlapping lines and near-identical text")
                                               : QStringLiteral("different agents"))};
    if (!s.locationDetail.isEmpty())
        out << GroupingEvidence{a.id, b.id, QStringLiteral("location"), std::max(0.0, s.location), s.locationDetail};
    if (s.identifiers > 0.0)
        out << GroupingEvidence{a.id, b.id, QStringLiteral("identifiers"), s.identifiers,
                                QStringLiteral("shared identifiers: ") + s.sharedIdentifiers.join(QStringLiteral(", "))};
    out << GroupingEvidence{a.id, b.id, QStringLiteral("text"), s.text,
                            s.sharedTerms.isEmpty() ? QStringLiteral("no shared terms")
                                                    : QStringLiteral("shared terms: ") + s.sharedTerms.join(QStringLiteral(", "))};
}

struct Edge {
    double score;
    int a;
    int b;
};

} // namespace

PairScore scorePair(const QList<ClusterItem> &items, int a, int b, const ClusterOptions &options)
{
    const Model m = buildModel(items);
    return score(m, a, b, options, true);
}

QList<Cluster> clusterItems(const QList<ClusterItem> &items, const ClusterOptions &options, ClusterStats *stats)
{
    const Model m = buildModel(items);
    std::vector<std::pair<int, int>> pairs;
    if (options.exhaustive) {
        for (int a = 0; a < int(items.size()); ++a)
            for (int b = a + 1; b < int(items.size()); ++b)
                pairs.emplace_back(a, b);
    } else {
        pairs = candidatePairs(items, m, options);
    }
    if (stats)
        stats->candidatePairs = qint64(pairs.size());

    std::vector<Edge> edges;
    for (const auto &[a, b] : pairs) {
        if (items[a].partition != items[b].partition)
            continue;
        const PairScore s = score(m, a, b, options, false);
        if (s.combined < options.joinThreshold || s.text < options.minText)
            continue;
        if (items[a].agentId == items[b].agentId && !overwhelming(s, options))
            continue;
        edges.push_back({s.combined, a, b});
    }
    std::sort(edges.begin(), edges.end(), [](const Edge &x, const Edge &y) {
        if (x.score != y.score)
            return x.score > y.score;
        return std::pair(x.a, x.b) < std::pair(y.a, y.b);
    });

    // Greedy joining, strongest evidence first. A join that would put two items of one agent
    // in the same cluster happens only when every such pair is overwhelming evidence.
    const int n = int(items.size());
    std::vector<int> parent(static_cast<std::size_t>(n));
    std::iota(parent.begin(), parent.end(), 0);
    std::vector<std::vector<int>> members(static_cast<std::size_t>(n));
    std::vector<QList<GroupingEvidence>> evidence(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        members[std::size_t(i)] = {i};
    auto find = [&](int x) {
        while (parent[std::size_t(x)] != x)
            x = parent[std::size_t(x)] = parent[std::size_t(parent[std::size_t(x)])];
        return x;
    };
    for (const Edge &e : edges) {
        int ra = find(e.a);
        int rb = find(e.b);
        if (ra == rb)
            continue;
        bool allowed = true;
        for (int x : members[std::size_t(ra)]) {
            for (int y : members[std::size_t(rb)]) {
                if (items[x].agentId != items[y].agentId)
                    continue;
                if (!overwhelming(score(m, x, y, options, false), options)) {
                    allowed = false;
                    break;
                }
            }
            if (!allowed)
                break;
        }
        if (!allowed)
            continue;
        if (members[std::size_t(ra)].size() < members[std::size_t(rb)].size())
            std::swap(ra, rb);
        parent[std::size_t(rb)] = ra;
        auto &into = members[std::size_t(ra)];
        into.insert(into.end(), members[std::size_t(rb)].begin(), members[std::size_t(rb)].end());
        members[std::size_t(rb)].clear();
        evidence[std::size_t(ra)] += evidence[std::size_t(rb)];
        evidence[std::size_t(rb)].clear();
        addEvidence(items[e.a], items[e.b], score(m, e.a, e.b, options, true), options, evidence[std::size_t(ra)]);
    }

    QList<Cluster> clusters;
    for (int i = 0; i < n; ++i) {
        if (find(i) != i)
            continue;
        Cluster c;
        std::vector<int> sorted = members[std::size_t(i)];
        std::sort(sorted.begin(), sorted.end());
        for (int x : sorted)
            c.members << x;
        c.evidence = evidence[std::size_t(i)];
        clusters << c;
    }
    std::sort(clusters.begin(), clusters.end(),
              [](const Cluster &x, const Cluster &y) { return x.members.first() < y.members.first(); });
    return clusters;
}

} // namespace rb::consolidate
