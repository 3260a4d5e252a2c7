// Resolving review ranges: every form of ref a user types, the commits of the range, the
// working-tree mode, and every error with what it names.
#include "git/git_error.h"
#include "git/range.h"
#include "git/range_diff.h"
#include "git_fixture.h"

#include <QTest>

using namespace rb;
using namespace rb::test;

namespace {
// main:    c1 - c2 - c3 - c4          (tag v1 -> c3, lightweight)
// feature:       c2 - f1 - f2 - m1    (tag v2 -> f1, annotated; m1 merges c4 into feature)
// orphan:  o1                          (unrelated history)
// origin/main -> c4, origin/feature -> m1
struct History {
    GitFixture fx;
    QString c1, c2, c3, c4, f1, f2, m1, o1;

    History()
    {
        c1 = fx.commit({{"a.txt", {"1\n"}}}, QStringLiteral("c1"), {});
        c2 = fx.commit({{"a.txt", {"1\n2\n"}}}, QStringLiteral("c2"), {c1});
        c3 = fx.commit({{"a.txt", {"1\n2\n3\n"}}}, QStringLiteral("c3"), {c2});
        c4 = fx.commit({{"a.txt", {"1\n2\n3\n4\n"}}}, QStringLiteral("c4: fourth"), {c3});
        f1 = fx.commit({{"a.txt", {"1\n2\n"}}, {"b.txt", {"b\n"}}}, QStringLiteral("f1: add b"), {c2},
                       QStringLiteral("refs/heads/feature"));
        f2 = fx.commit({{"a.txt", {"1\n2\n"}}, {"b.txt", {"b\nbb\n"}}}, QStringLiteral("f2: grow b"), {f1},
                       QStringLiteral("refs/heads/feature"));
        m1 = fx.commit({{"a.txt", {"1\n2\n3\n4\n"}}, {"b.txt", {"b\nbb\n"}}}, QStringLiteral("m1: merge main"),
                       {f2, c4}, QStringLiteral("refs/heads/feature"));
        o1 = fx.commit({{"o.txt", {"o\n"}}}, QStringLiteral("o1"), {}, QStringLiteral("refs/heads/orphan"));
        fx.lightweightTag(QStringLiteral("v1"), c3);
        fx.annotatedTag(QStringLiteral("v2"), f1, QStringLiteral("version two"));
        fx.setRef(QStringLiteral("refs/remotes/origin/main"), c4);
        fx.setRef(QStringLiteral("refs/remotes/origin/feature"), m1);
    }
    QString sha(const QString &name) const
    {
        const std::map<QString, QString> m{{"c1", c1}, {"c2", c2}, {"c3", c3}, {"c4", c4},
                                           {"f1", f1}, {"f2", f2}, {"m1", m1}, {"o1", o1}};
        return m.at(name);
    }
    // "@c4" -> c4's full sha, "@c4:10" -> its first 10 digits; anything else unchanged.
    QString expand(const QString &spec) const
    {
        if (!spec.startsWith(QLatin1Char('@')))
            return spec;
        const QStringList parts = spec.mid(1).split(QLatin1Char(':'));
        const QString full = sha(parts[0]);
        return parts.size() > 1 ? full.left(parts[1].toInt()) : full;
    }
};

QStringList names(const History &h, const QList<git::CommitSummary> &commits)
{
    QStringList out;
    for (const auto &c : commits) {
        for (const QString n : {"c1", "c2", "c3", "c4", "f1", "f2", "m1", "o1"}) {
            if (h.sha(n) == c.sha)
                out << n;
        }
    }
    return out;
}
} // namespace

class TestGitRange : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void resolvesEveryRefForm_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("head");
        QTest::addColumn<QString>("mergeBase");
        QTest::addColumn<QStringList>("commits");
        const QStringList feature{"f1", "f2"};
        QTest::newRow("local branches") << "main" << "f2-branch" << "c2" << feature;
        QTest::newRow("full ref names") << "refs/heads/main" << "feature~1" << "c2" << feature;
        QTest::newRow("remote-tracking branch") << "origin/main" << "@f2" << "c2" << feature;
        QTest::newRow("lightweight tag") << "v1" << "@f2" << "c2" << feature;
        QTest::newRow("annotated tag peeled") << "main" << "v2" << "c2" << QStringList{"f1"};
        QTest::newRow("full sha") << "@c4" << "@f2" << "c2" << feature;
        QTest::newRow("abbreviated sha") << "@c4:8" << "@f2:12" << "c2" << feature;
        QTest::newRow("HEAD~n") << "HEAD~2" << "@f2" << "c2" << feature;
        QTest::newRow("caret") << "main^" << "@f2" << "c2" << feature;
        QTest::newRow("merge in range") << "main" << "feature" << "c4" << QStringList{"f1", "f2", "m1"};
        QTest::newRow("remote head") << "main" << "origin/feature" << "c4" << QStringList{"f1", "f2", "m1"};
        QTest::newRow("second parent") << "c2-sha" << "feature^2" << "c2" << QStringList{"c3", "c4"};
    }
    void resolvesEveryRefForm()
    {
        QFETCH(QString, base);
        QFETCH(QString, head);
        QFETCH(QString, mergeBase);
        QFETCH(QStringList, commits);
        History h;
        QVERIFY2(h.fx.ok(), qPrintable(h.fx.error()));
        if (head == QLatin1String("f2-branch")) {
            QVERIFY(h.fx.setRef(QStringLiteral("refs/heads/f2-branch"), h.f2));
        }
        if (base == QLatin1String("c2-sha"))
            base = h.c2;
        auto repo = git::Repository::open(h.fx.path());
        QVERIFY(repo.ok());
        const auto range = git::resolveRange(*repo, h.expand(base), h.expand(head));
        QVERIFY2(range.ok(), range.ok() ? "" : qPrintable(range.error().message));
        QCOMPARE(range->mergeBaseSha, h.sha(mergeBase));
        QCOMPARE(names(h, range->commits), commits);
        QCOMPARE(range->base, h.expand(base));
        QCOMPARE(range->headSha, h.sha(commits.last()));
    }

    void listsCommitDetailsOldestFirst()
    {
        History h;
        auto repo = git::Repository::open(h.fx.path());
        QVERIFY(repo.ok());
        const auto range = git::resolveRange(*repo, QStringLiteral("main"), QStringLiteral("feature"));
        QVERIFY(range.ok());
        QCOMPARE(range->commits.size(), 3);
        const git::CommitSummary &first = range->commits.first();
        QCOMPARE(first.sha, h.f1);
        QCOMPARE(first.shortSha, h.f1.left(first.shortSha.size()));
        QVERIFY(first.shortSha.size() >= 7);
        QCOMPARE(first.subject, QStringLiteral("f1: add b"));
        QCOMPARE(first.author, QStringLiteral("Ada Lovelace <ada@example.org>"));
        QVERIFY(range->commits[0].date < range->commits[1].date);
        QVERIFY(range->commits[1].date < range->commits[2].date);

        ReviewMetadata meta;
        range->applyTo(meta);
        QCOMPARE(meta.mergeBase, h.c4);
        QCOMPARE(meta.headSha, h.m1);
        QCOMPARE(meta.commits.size(), 3);
        QCOMPARE(meta.commits.first().subject, QStringLiteral("f1: add b"));
        QVERIFY(!meta.workingTree);
    }

    void refusesBadRanges_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("head");
        QTest::addColumn<int>("code");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("unknown base") << "no-such-branch" << "feature" << int(git::ErrorUnknownRef)
                                      << QStringList{"'no-such-branch'", "unknown revision"};
        QTest::newRow("unknown head") << "main" << "origin/nope" << int(git::ErrorUnknownRef)
                                      << QStringList{"'origin/nope'"};
        QTest::newRow("beyond the root") << "HEAD~10" << "feature" << int(git::ErrorUnknownRef)
                                         << QStringList{"'HEAD~10'"};
        QTest::newRow("malformed expression") << "main" << "feature^^{" << int(git::ErrorUnknownRef)
                                              << QStringList{"'feature^^{'"};
        QTest::newRow("unknown sha") << "main" << "0123456789abcdef0123456789abcdef01234567"
                                     << int(git::ErrorUnknownRef) << QStringList{"0123456789abcdef"};
        QTest::newRow("empty expression") << "" << "feature" << int(git::ErrorUnknownRef) << QStringList{"empty"};
        QTest::newRow("tree, not a commit") << "main^{tree}" << "feature" << int(git::ErrorNotACommit)
                                            << QStringList{"'main^{tree}'", "tree"};
        QTest::newRow("unrelated histories") << "main" << "orphan" << int(git::ErrorNoMergeBase)
                                             << QStringList{"unrelated histories", "'main'", "'orphan'"};
        QTest::newRow("head contained in base") << "main" << "v1" << int(git::ErrorEmptyRange)
                                                << QStringList{"empty range", "'v1'", "'main'"};
        QTest::newRow("same commit") << "feature" << "origin/feature" << int(git::ErrorEmptyRange)
                                     << QStringList{"empty range"};
    }
    void refusesBadRanges()
    {
        QFETCH(QString, base);
        QFETCH(QString, head);
        QFETCH(int, code);
        QFETCH(QStringList, mentions);
        History h;
        auto repo = git::Repository::open(h.fx.path());
        QVERIFY(repo.ok());
        const auto range = git::resolveRange(*repo, base, head);
        QVERIFY(!range.ok());
        QCOMPARE(range.error().code, code);
        for (const QString &m : mentions)
            QVERIFY2(range.error().message.contains(m), qPrintable(range.error().message));
    }

    void shallowCloneWithoutMergeBaseSaysSo()
    {
        // c1 - c2 - a1 (branch a), c2 - b1 (branch b); the clone holds a1 and b1 only.
        GitFixture fx;
        const QString c1 = fx.commit({{"x", {"1\n"}}}, QStringLiteral("c1"), {});
        const QString c2 = fx.commit({{"x", {"2\n"}}}, QStringLiteral("c2"), {c1});
        const QString a1 = fx.commit({{"x", {"a\n"}}}, QStringLiteral("a1"), {c2}, QStringLiteral("refs/heads/a"));
        const QString b1 = fx.commit({{"x", {"b\n"}}}, QStringLiteral("b1"), {c2}, QStringLiteral("refs/heads/b"));
        QVERIFY2(fx.makeShallow({a1, b1}, {c1, c2}), qPrintable(fx.error()));
        auto repo = git::Repository::open(fx.path());
        QVERIFY(repo.ok());
        QVERIFY(repo->isShallow());
        const auto range = git::resolveRange(*repo, QStringLiteral("a"), QStringLiteral("b"));
        QVERIFY(!range.ok());
        QCOMPARE(range.error().code, int(git::ErrorShallowNoMergeBase));
        QVERIFY2(range.error().message.contains(QLatin1String("shallow clone")), qPrintable(range.error().message));
        QVERIFY2(range.error().message.contains(QLatin1String("git fetch --unshallow")), qPrintable(range.error().message));
    }

    void workingTreeRange()
    {
        History h;
        QVERIFY(h.fx.checkoutHead());
        auto repo = git::Repository::open(h.fx.path());
        QVERIFY(repo.ok());
        const auto range = git::resolveWorkingTree(*repo);
        QVERIFY2(range.ok(), range.ok() ? "" : qPrintable(range.error().message));
        QVERIFY(range->workingTree);
        QCOMPARE(range->headSha, h.c4);
        QCOMPARE(range->mergeBaseSha, h.c4);
        QVERIFY(range->commits.isEmpty());

        // No changes yet: an empty range.
        const auto clean = git::RangeDiff::compute(*repo, *range);
        QVERIFY(!clean.ok());
        QCOMPARE(clean.error().code, int(git::ErrorEmptyRange));
        QVERIFY2(clean.error().message.contains(QLatin1String("no uncommitted changes")), qPrintable(clean.error().message));
    }

    void workingTreeOfABareRepositoryIsRefused()
    {
        GitFixture fx(true);
        fx.commit({{"a", {"a\n"}}}, QStringLiteral("one"), {});
        auto repo = git::Repository::open(fx.path());
        QVERIFY(repo.ok());
        const auto range = git::resolveWorkingTree(*repo);
        QVERIFY(!range.ok());
        QCOMPARE(range.error().code, int(git::ErrorNoWorkingTree));
        QVERIFY2(range.error().message.contains(repo->gitDir()), qPrintable(range.error().message));
    }

    void workingTreeWithUnbornHeadIsRefused()
    {
        GitFixture fx;
        auto repo = git::Repository::open(fx.path());
        QVERIFY(repo.ok());
        const auto range = git::resolveWorkingTree(*repo);
        QVERIFY(!range.ok());
        QCOMPARE(range.error().code, int(git::ErrorUnknownRef));
        QVERIFY2(range.error().message.contains(QLatin1String("no commit yet")), qPrintable(range.error().message));
    }

    void rangesInABareRepository()
    {
        GitFixture fx(true);
        const QString one = fx.commit({{"a", {"a\n"}}}, QStringLiteral("one"), {});
        const QString two = fx.commit({{"a", {"b\n"}}}, QStringLiteral("two"), {one});
        auto repo = git::Repository::open(fx.path());
        QVERIFY(repo.ok());
        const auto range = git::resolveRange(*repo, QStringLiteral("HEAD~1"), QStringLiteral("HEAD"));
        QVERIFY2(range.ok(), range.ok() ? "" : qPrintable(range.error().message));
        QCOMPARE(range->mergeBaseSha, one);
        QCOMPARE(range->headSha, two);
        const auto diff = git::RangeDiff::compute(*repo, *range);
        QVERIFY2(diff.ok(), diff.ok() ? "" : qPrintable(diff.error().message));
        QCOMPARE(diff->fileCount(), 1);
        const auto p = diff->patch(0);
        QVERIFY(p.ok());
        QCOMPARE((*p)->added, 1);
        QCOMPARE((*p)->removed, 1);
    }
};

QTEST_GUILESS_MAIN(TestGitRange)
#include "test_git_range.moc"
