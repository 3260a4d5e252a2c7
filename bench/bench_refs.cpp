// Listing refs for the open dialog's completion on repositories with many refs: loose refs
// (one file each) and packed refs (one packed-refs file), against a baseline of ten refs
// measured in the same run. Prints figures; it asserts nothing.
#include "git/refs.h"
#include "git_fixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>

using namespace rb;

namespace {

// The median of five listings, in microseconds.
qint64 listMicros(const QString &path, qsizetype &count)
{
    QList<qint64> times;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        const auto repo = git::Repository::open(path);
        const auto refs = repo ? git::listRefNames(*repo) : Result<git::RefNames>(repo.error());
        times << t.nsecsElapsed() / 1000;
        count = refs ? refs->all().size() : -1;
    }
    std::sort(times.begin(), times.end());
    return times[2];
}

// n refs split into branches, remote-tracking branches and tags, loose or in packed-refs.
bool makeRefs(test::GitFixture &fx, const QString &sha, int n, bool packed)
{
    QByteArray packedText = "# pack-refs with: peeled fully-peeled sorted \n";
    for (int i = 0; i < n; ++i) {
        const QString name = i % 4 == 0   ? QStringLiteral("refs/tags/v%1").arg(i)
                             : i % 4 == 1 ? QStringLiteral("refs/remotes/origin/topic-%1").arg(i)
                                          : QStringLiteral("refs/heads/topic/%1").arg(i);
        if (packed)
            packedText += sha.toLatin1() + ' ' + name.toUtf8() + '\n';
        else if (!fx.setRef(name, sha))
            return false;
    }
    if (!packed)
        return true;
    QFile f(fx.path() + QStringLiteral("/.git/packed-refs"));
    return f.open(QIODevice::WriteOnly) && f.write(packedText) == packedText.size();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    qint64 baseline = 0;
    out << "refs\tstorage\tlisted\tmicroseconds\tx baseline\n";
    for (const auto &[n, packed] : {std::pair{10, false}, std::pair{1000, false}, std::pair{5000, false},
                                    std::pair{5000, true}, std::pair{20000, true}}) {
        test::GitFixture fx;
        const QString sha = fx.commit({{"a.txt", {"a\n"}}}, QStringLiteral("one"), {});
        if (!fx.ok() || !makeRefs(fx, sha, n, packed)) {
            out << "cannot build the repository: " << fx.error() << "\n";
            return 1;
        }
        qsizetype listed = 0;
        const qint64 us = listMicros(fx.path(), listed);
        if (baseline == 0)
            baseline = std::max<qint64>(us, 1);
        out << n << '\t' << (packed ? "packed" : "loose") << '\t' << listed << '\t' << us << '\t'
            << QString::number(double(us) / double(baseline), 'f', 1) << "\n";
    }
    return 0;
}
