// Consolidation at scale: synthetic findings from five agents, several descriptions of each
// problem, clustered with blocking; the baseline is exhaustive all-pairs scoring measured in
// the same run. Prints figures; it asserts nothing.
#include "consolidate/clustering.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <random>
#include <set>

using namespace rb;
using namespace rb::consolidate;

namespace {

struct Synthetic {
    QList<ClusterItem> items;
    QList<int> truth; // problem index per item
};

QString word(std::mt19937 &rng)
{
    static const char *syllables[] = {"ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "den", "pra", "gul", "tor",
                                      "fen", "bax", "qui", "zor", "mel", "dri", "sap", "yun"};
    std::uniform_int_distribution<int> n(2, 3);
    std::uniform_int_distribution<int> s(0, 19);
    QString w;
    for (int i = n(rng); i > 0; --i)
        w += QString::fromLatin1(syllables[s(rng)]);
    return w;
}

// problems x agents findings; each agent describes a problem in its own words drawn from the
// problem's topic, with noise, at jittered lines of the problem's file.
Synthetic generate(int problems, int agents, unsigned seed)
{
    std::mt19937 rng(seed);
    QStringList vocabulary;
    for (int i = 0; i < 4000; ++i)
        vocabulary << word(rng);
    QStringList files;
    for (int i = 0; i < problems / 5 + 1; ++i)
        files << QStringLiteral("src/%1/%2.go").arg(word(rng), word(rng));
    auto pick = [&](const QStringList &from) {
        return from[std::uniform_int_distribution<qsizetype>(0, from.size() - 1)(rng)];
    };
    Synthetic out;
    for (int p = 0; p < problems; ++p) {
        QStringList topic;
        for (int i = 0; i < 6; ++i)
            topic << pick(vocabulary);
        const QString ident = word(rng) + QStringLiteral("Handler");
        const QString file = pick(files);
        const int line = std::uniform_int_distribution<int>(1, 2000)(rng);
        for (int a = 0; a < agents; ++a) {
            ClusterItem item;
            item.id = QStringLiteral("a%1:%2").arg(a).arg(p);
            item.agentId = QStringLiteral("a%1").arg(a);
            QStringList title{topic[0], topic[1 + a % 3], pick(vocabulary)};
            item.title = title.join(QLatin1Char(' '));
            QStringList body;
            for (int i = 0; i < 12; ++i)
                body << (i % 3 == 0 ? topic[std::size_t(i / 3 + a) % 6] : pick(vocabulary));
            body << QStringLiteral("`%1`").arg(ident);
            item.body = body.join(QLatin1Char(' '));
            const int jitter = std::uniform_int_distribution<int>(-4, 4)(rng);
            item.locations << Location{file, std::max(1, line + jitter), std::max(1, line + jitter) + 6};
            out.items << item;
            out.truth << p;
        }
    }
    return out;
}

struct Quality {
    double precision = 0;
    double recall = 0;
};

Quality pairwise(const Synthetic &s, const QList<Cluster> &clusters)
{
    QList<int> cluster(s.items.size());
    for (qsizetype c = 0; c < clusters.size(); ++c)
        for (int m : clusters[c].members)
            cluster[m] = int(c);
    // Pairs within predicted clusters, and pairs within true problems.
    qint64 predicted = 0, correct = 0, actual = 0;
    for (const Cluster &c : clusters)
        for (qsizetype i = 0; i < c.members.size(); ++i)
            for (qsizetype j = i + 1; j < c.members.size(); ++j) {
                ++predicted;
                if (s.truth[c.members[i]] == s.truth[c.members[j]])
                    ++correct;
            }
    std::map<int, int> sizes;
    for (int t : s.truth)
        ++sizes[t];
    for (const auto &[t, n] : sizes)
        actual += qint64(n) * (n - 1) / 2;
    return {predicted ? double(correct) / double(predicted) : 1.0, actual ? double(correct) / double(actual) : 1.0};
}

double run(const Synthetic &s, const ClusterOptions &options, ClusterStats &stats, QList<Cluster> &clusters, int repeats)
{
    QElapsedTimer t;
    double best = 1e18;
    for (int r = 0; r < repeats; ++r) {
        t.start();
        clusters = clusterItems(s.items, options, &stats);
        best = std::min(best, double(t.nsecsElapsed()) / 1e6);
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int agents = 5;
    const int problems = app.arguments().size() > 1 ? app.arguments().at(1).toInt() : 2000;

    const Synthetic small = generate(400, agents, 7);
    const Synthetic full = generate(problems, agents, 11);

    ClusterStats stats;
    QList<Cluster> clusters;
    ClusterOptions exhaustive;
    exhaustive.exhaustive = true;
    const double baseMs = run(small, exhaustive, stats, clusters, 3);
    const qint64 basePairs = stats.candidatePairs;
    const Quality baseQ = pairwise(small, clusters);
    const double blockedSmallMs = run(small, {}, stats, clusters, 3);
    const qint64 blockedSmallPairs = stats.candidatePairs;
    const Quality blockedSmallQ = pairwise(small, clusters);
    const double fullMs = run(full, {}, stats, clusters, 3);
    const Quality fullQ = pairwise(full, clusters);

    out << "consolidation benchmark (" << agents << " agents, best of 3 runs)\n";
    out << QStringLiteral("  baseline, all pairs:  %1 findings  %2 pairs  %3 ms  precision %4 recall %5\n")
               .arg(small.items.size()).arg(basePairs).arg(baseMs, 0, 'f', 1).arg(baseQ.precision, 0, 'f', 3).arg(baseQ.recall, 0, 'f', 3);
    out << QStringLiteral("  blocked, same input:  %1 findings  %2 pairs  %3 ms  precision %4 recall %5  (%6x faster)\n")
               .arg(small.items.size()).arg(blockedSmallPairs).arg(blockedSmallMs, 0, 'f', 1)
               .arg(blockedSmallQ.precision, 0, 'f', 3).arg(blockedSmallQ.recall, 0, 'f', 3).arg(baseMs / blockedSmallMs, 0, 'f', 1);
    out << QStringLiteral("  blocked, full input:  %1 findings  %2 pairs  %3 ms  precision %4 recall %5\n")
               .arg(full.items.size()).arg(stats.candidatePairs).arg(fullMs, 0, 'f', 1).arg(fullQ.precision, 0, 'f', 3).arg(fullQ.recall, 0, 'f', 3);
    const double n = double(full.items.size()) / double(small.items.size());
    out << QStringLiteral("  all pairs at full size, extrapolated (x%1): %2 ms\n").arg(n * n, 0, 'f', 0).arg(baseMs * n * n, 0, 'f', 0);
    return 0;
}
