// Opening repositories: from any path inside, bare, linked worktrees, and the errors.
#include "git/git_error.h"
#include "git/range.h"
#include "git/repository.h"
#include "git_fixture.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace rb;
using namespace rb::test;

class TestGitRepository : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void opensFromAnyPathInside_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::newRow("root") << QString();
        QTest::newRow("subfolder") << QStringLiteral("src");
        QTest::newRow("nested subfolder") << QStringLiteral("src/deep er");
        QTest::newRow("file") << QStringLiteral("src/deep er/x.txt");
        QTest::newRow(".git itself") << QStringLiteral(".git");
    }
    void opensFromAnyPathInside()
    {
        QFETCH(QString, relative);
        GitFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        QVERIFY(!fx.commit({{"src/deep er/x.txt", {"x\n"}}}, QStringLiteral("one"), {}).isEmpty());
        QVERIFY(fx.checkoutHead());
        const auto repo = git::Repository::open(fx.path() + QLatin1Char('/') + relative);
        QVERIFY2(repo.ok(), repo.ok() ? "" : qPrintable(repo.error().message));
        QCOMPARE(repo->workdir(), QDir(fx.path()).canonicalPath());
        QVERIFY(!repo->isBare());
        QVERIFY(!repo->isLinkedWorktree());
        QVERIFY(!repo->isShallow());
    }

    void opensBareRepository()
    {
        GitFixture fx(true);
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        QVERIFY(!fx.commit({{"a", {"a\n"}}}, QStringLiteral("one"), {}).isEmpty());
        const auto repo = git::Repository::open(fx.path());
        QVERIFY2(repo.ok(), repo.ok() ? "" : qPrintable(repo.error().message));
        QVERIFY(repo->isBare());
        QVERIFY(repo->workdir().isEmpty());
        QCOMPARE(repo->displayPath(), repo->gitDir());
    }

    // A mirror's or a copied repository's folder may have no config file, hence no
    // core.bare: libgit2 alone takes the folder above it for a working tree; git (and we)
    // take it for what it is, a bare repository.
    void opensBareRepositoryWithoutConfig()
    {
        GitFixture fx(true);
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        const QString sha = fx.commit({{"a", {"a\n"}}}, QStringLiteral("one"), {});
        QVERIFY(!sha.isEmpty());
        QVERIFY(QFile::remove(fx.path() + QStringLiteral("/config")));
        const auto repo = git::Repository::open(fx.path());
        QVERIFY2(repo.ok(), repo.ok() ? "" : qPrintable(repo.error().message));
        QVERIFY(repo->isBare());
        QVERIFY(repo->workdir().isEmpty());
        QCOMPARE(QDir(repo->displayPath()).canonicalPath(), QDir(fx.path()).canonicalPath());
        const auto again = repo->reopen();
        QVERIFY(again.ok());
        QVERIFY(again->isBare());
        // From a folder inside it too.
        const auto inside = git::Repository::open(fx.path() + QStringLiteral("/objects"));
        QVERIFY(inside.ok());
        QVERIFY(inside->isBare());
        QCOMPARE(git::resolveCommit(*repo, QStringLiteral("HEAD")).value(), sha);
    }

    void opensLinkedWorktree()
    {
        GitFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        const QString sha = fx.commit({{"a", {"a\n"}}}, QStringLiteral("one"), {});
        const QString where = fx.addWorktree(QStringLiteral("feature"), sha);
        QVERIFY2(!where.isEmpty(), qPrintable(fx.error()));
        const auto repo = git::Repository::open(where);
        QVERIFY2(repo.ok(), repo.ok() ? "" : qPrintable(repo.error().message));
        QVERIFY(repo->isLinkedWorktree());
        QCOMPARE(repo->workdir(), QDir(where).canonicalPath());
        const auto again = repo->reopen();
        QVERIFY(again.ok());
        QCOMPARE(again->workdir(), repo->workdir());
        QVERIFY(again->isLinkedWorktree());
    }

    void refusesWhatIsNotARepository_data()
    {
        QTest::addColumn<bool>("exists");
        QTest::newRow("plain folder") << true;
        QTest::newRow("missing path") << false;
    }
    void refusesWhatIsNotARepository()
    {
        QFETCH(bool, exists);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plain folder"));
        if (exists)
            QVERIFY(QDir().mkpath(path));
        const auto repo = git::Repository::open(path);
        QVERIFY(!repo.ok());
        QCOMPARE(repo.error().code, int(git::ErrorNotARepository));
        QVERIFY2(repo.error().message.contains(path), qPrintable(repo.error().message));
    }
};

QTEST_GUILESS_MAIN(TestGitRepository)
#include "test_git_repository.moc"
