// Listing the names a user can type as base or head, and the defaults chosen from them.
#include "git/git_error.h"
#include "git/refs.h"
#include "git_fixture.h"

#include <QFile>
#include <QTest>

using namespace rb;
using namespace rb::test;

namespace {
bool writeText(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}
} // namespace

class TestGitRefs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Each row builds its refs from a spec: "h:NAME" local branch, "r:REMOTE/NAME"
    // remote-tracking branch, "t:NAME" lightweight tag, "a:NAME" annotated tag,
    // "origin-head:NAME" symbolic origin/HEAD, "current:NAME" HEAD's branch, "detached".
    void listsAndChoosesDefaults_data()
    {
        QTest::addColumn<QStringList>("spec");
        QTest::addColumn<QStringList>("local");
        QTest::addColumn<QStringList>("remote");
        QTest::addColumn<QStringList>("tags");
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("defaultBase");
        QTest::addColumn<QString>("defaultHead");

        QTest::newRow("main only") << QStringList{"current:main"} << QStringList{"main"} << QStringList{}
                                   << QStringList{} << "main" << "main" << "main";
        QTest::newRow("sorted, nested names, both tag kinds")
            << QStringList{"current:main", "h:zeta", "h:feature/b", "h:feature/a", "t:v2", "a:v1", "t:release/1.0"}
            << QStringList{"feature/a", "feature/b", "main", "zeta"} << QStringList{}
            << QStringList{"release/1.0", "v1", "v2"} << "main" << "main" << "main";
        QTest::newRow("remote default wins over local main")
            << QStringList{"current:main", "h:topic", "current:topic", "r:origin/main", "r:origin/develop",
                           "r:upstream/main", "origin-head:develop"}
            << QStringList{"main", "topic"} << QStringList{"origin/develop", "origin/main", "upstream/main"}
            << QStringList{} << "topic" << "origin/develop" << "topic";
        QTest::newRow("master when there is no main")
            << QStringList{"current:master", "h:work", "current:work"} << QStringList{"master", "work"}
            << QStringList{} << QStringList{} << "work" << "master" << "work";
        QTest::newRow("only a remote main")
            << QStringList{"current:work", "r:origin/main"} << QStringList{"work"} << QStringList{"origin/main"}
            << QStringList{} << "work" << "origin/main" << "work";
        QTest::newRow("no default base") << QStringList{"current:trunk"} << QStringList{"trunk"} << QStringList{}
                                         << QStringList{} << "trunk" << "" << "trunk";
        QTest::newRow("detached HEAD") << QStringList{"current:main", "h:feature", "detached"}
                                       << QStringList{"feature", "main"} << QStringList{} << QStringList{} << ""
                                       << "main" << "HEAD";
    }
    void listsAndChoosesDefaults()
    {
        QFETCH(QStringList, spec);
        QFETCH(QStringList, local);
        QFETCH(QStringList, remote);
        QFETCH(QStringList, tags);
        QFETCH(QString, current);
        QFETCH(QString, defaultBase);
        QFETCH(QString, defaultHead);

        GitFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        const QString sha = fx.commit({{"a.txt", {"a\n"}}}, QStringLiteral("first"), {}, QStringLiteral("refs/heads/keep"));
        QVERIFY(!sha.isEmpty());
        for (const QString &s : spec) {
            const QString kind = s.section(QLatin1Char(':'), 0, 0);
            const QString name = s.section(QLatin1Char(':'), 1);
            if (kind == QLatin1String("h") || kind == QLatin1String("current")) {
                QVERIFY(fx.setRef(QStringLiteral("refs/heads/") + name, sha));
                if (kind == QLatin1String("current"))
                    QVERIFY(fx.setHead(QStringLiteral("refs/heads/") + name));
            } else if (kind == QLatin1String("r")) {
                QVERIFY(fx.setRef(QStringLiteral("refs/remotes/") + name, sha));
            } else if (kind == QLatin1String("t")) {
                QVERIFY(fx.lightweightTag(name, sha));
            } else if (kind == QLatin1String("a")) {
                QVERIFY(fx.annotatedTag(name, sha, QStringLiteral("tag ") + name));
            } else if (kind == QLatin1String("origin-head")) {
                QVERIFY(writeText(fx.path() + QStringLiteral("/.git/refs/remotes/origin/HEAD"),
                                  "ref: refs/remotes/origin/" + name.toUtf8() + "\n"));
            } else if (kind == QLatin1String("detached")) {
                QVERIFY(writeText(fx.path() + QStringLiteral("/.git/HEAD"), sha.toLatin1() + "\n"));
            }
        }
        // The helper branch the commit was made on is always there; leave it out of the comparison.
        const auto repo = git::Repository::open(fx.path());
        QVERIFY(repo.ok());
        const auto refs = git::listRefNames(*repo);
        QVERIFY2(refs.ok(), refs.ok() ? "" : qPrintable(refs.error().message));
        QStringList gotLocal = refs->localBranches;
        QVERIFY(gotLocal.removeOne(QStringLiteral("keep")));
        QCOMPARE(gotLocal, local);
        QCOMPARE(refs->remoteBranches, remote);
        QCOMPARE(refs->tags, tags);
        QCOMPARE(refs->currentBranch, current);
        QCOMPARE(refs->defaultBase(), defaultBase);
        QCOMPARE(refs->defaultHead(), defaultHead);
        QCOMPARE(refs->all(), refs->localBranches + remote + tags);
    }

    void unbornHeadIsReported()
    {
        GitFixture fx;
        QVERIFY(fx.ok());
        const auto repo = git::Repository::open(fx.path());
        QVERIFY(repo.ok());
        const auto refs = git::listRefNames(*repo);
        QVERIFY(refs.ok());
        QVERIFY(refs->headUnborn);
        QCOMPARE(refs->currentBranch, QStringLiteral("main"));
        QVERIFY(refs->all().isEmpty());
        QCOMPARE(refs->defaultBase(), QString());
    }
};

QTEST_GUILESS_MAIN(TestGitRefs)
#include "test_git_refs.moc"
