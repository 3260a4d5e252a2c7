// `reviewbench diff`, run as a separate process the way users and the agent runner run it.
#include "git_fixture.h"

#include <QFile>
#include <QProcess>
#include <QTest>

using namespace rb::test;

namespace {
struct Run {
    int exitCode;
    QByteArray out;
    QString err;
};

Run reviewbench(const QStringList &args)
{
    QProcess p;
    p.setProgram(QStringLiteral(RB_REVIEWBENCH_BIN));
    p.setArguments(args);
    p.start();
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        return {-1, {}, QStringLiteral("timed out")};
    return {p.exitCode(), p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError())};
}

struct Repo {
    GitFixture fx;
    QString base, head;
    Repo()
    {
        base = fx.commit({{"a.txt", {"one\ntwo\n"}}, {"gone.txt", {"bye\n"}}}, QStringLiteral("base"), {});
        head = fx.commit({{"a.txt", {"one\n2\nthree\n"}}, {"new file.txt", {"hello\n"}}}, QStringLiteral("head"),
                         {base}, QStringLiteral("refs/heads/feature"));
    }
};
} // namespace

class TestCliDiff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stat()
    {
        Repo r;
        const Run run = reviewbench({"diff", "--repo", r.fx.path(), "--base", "main", "--head", "feature", "--stat"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out, QByteArray("M\t2\t1\ta.txt\n"
                                     "D\t0\t1\tgone.txt\n"
                                     "A\t1\t0\tnew file.txt\n"
                                     " 3 files changed, 3 insertions(+), 2 deletions(-)\n"));
    }

    void patchToStandardOutputAndToAFile()
    {
        Repo r;
        const Run run = reviewbench({"diff", "--repo", r.fx.path(), "--base", r.base.left(8), "--head", "feature"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.startsWith("diff --git a/a.txt b/a.txt\n"), run.out.constData());
        QVERIFY(run.out.contains("\n-two\n+2\n+three\n"));
        QVERIFY(run.out.contains("+++ b/new file.txt\t\n"));

        const QString file = r.fx.tempRoot() + QStringLiteral("/out.patch");
        const Run toFile = reviewbench({"diff", "--repo", r.fx.path(), "--base", "main", "--head", "feature", "-o", file});
        QVERIFY2(toFile.exitCode == 0, qPrintable(toFile.err));
        QVERIFY(toFile.out.isEmpty());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), run.out);
    }

    void workingTree()
    {
        Repo r;
        QVERIFY(r.fx.checkoutHead());
        QVERIFY(r.fx.writeWorkFile("untracked.txt", "new\n"));
        const Run run = reviewbench({"diff", "--repo", r.fx.path(), "--working-tree", "--stat"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out, QByteArray("A\t1\t0\tuntracked.txt\n 1 file changed, 1 insertions(+), 0 deletions(-)\n"));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a repository") << QStringList{"--repo", "@tmp", "--base", "a", "--head", "b"} << 1
                                          << "@tmp is not inside a git repository";
        QTest::newRow("unknown base") << QStringList{"--repo", "@repo", "--base", "nope", "--head", "feature"} << 1
                                      << "unknown revision 'nope'";
        QTest::newRow("empty range") << QStringList{"--repo", "@repo", "--base", "feature", "--head", "main"} << 1
                                     << "empty range";
        QTest::newRow("missing head") << QStringList{"--repo", "@repo", "--base", "main"} << 2
                                      << "give --base and --head, or --working-tree";
        QTest::newRow("working tree with base") << QStringList{"--working-tree", "--base", "main"} << 2
                                                << "it takes no --base or --head";
        QTest::newRow("unknown argument") << QStringList{"--frob"} << 2 << "unknown option --frob";
        QTest::newRow("missing value") << QStringList{"--base"} << 2 << "--base needs a value";
    }
    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        Repo r;
        QTemporaryDir plain;
        for (QString &a : args) {
            a.replace(QLatin1String("@tmp"), plain.path());
            a.replace(QLatin1String("@repo"), r.fx.path());
        }
        message.replace(QLatin1String("@tmp"), plain.path());
        const Run run = reviewbench(QStringList{"diff"} + args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCliDiff)
#include "test_cli_diff.moc"
