// The reviewbench command line, run as a separate process the way users run it.
#include "io/review_file.h"
#include "seed_review.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace rb;

namespace {
struct Run {
    int exitCode;
    QString out;
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
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}
} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void version()
    {
        const Run r = reviewbench({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QLatin1String("reviewbench ")));
    }

    void help()
    {
        const Run r = reviewbench({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("Usage: reviewbench")));
        QVERIFY(r.out.contains(QLatin1String("Exit status")));
    }

    void unknownOptionIsAUsageError()
    {
        const Run r = reviewbench({QStringLiteral("--frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("unknown option --frobnicate")));
    }

    void validateAcceptsAGoodFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("seed.json"));
        QVERIFY(saveReviewFile(test::seedReview(), path).ok());
        const Run r = reviewbench({QStringLiteral("validate"), path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("issues: 8")), qPrintable(r.out));
    }

    void validateNamesTheBrokenField()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"schemaVersion\": 1, \"agents\": [{\"id\": \"a\", \"costUsd\": \"free\"}]}");
        f.close();
        const Run r = reviewbench({QStringLiteral("validate"), path});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(path + QStringLiteral(": agents[0].costUsd: expected a number, found a string")), qPrintable(r.err));
    }

    void importCreatesAndExtendsAReviewFile()
    {
        QTemporaryDir dir;
        const QString review = dir.filePath(QStringLiteral("review.json"));
        const QString data = QStringLiteral(RB_TEST_DATA_DIR "/reviews/");
        Run r = reviewbench({QStringLiteral("import"), review, QStringLiteral("--agent"), QStringLiteral("Claude Opus 4.6"),
                             data + QStringLiteral("letter-ids.md")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("created")) && r.out.contains(QLatin1String("\"claude-opus-4-6\"")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("4 findings, 3 design observations")));
        r = reviewbench({QStringLiteral("import"), review, QStringLiteral("--agent"), QStringLiteral("Lint"), QStringLiteral("--id"),
                         QStringLiteral("lint"), QStringLiteral("--format"), QStringLiteral("sarif"), data + QStringLiteral("linter.sarif")});
        QCOMPARE(r.exitCode, 0);
        r = reviewbench({QStringLiteral("import"), review, QStringLiteral("--agent"), QStringLiteral("Gemini"),
                         data + QStringLiteral("failure-timeout.md")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("recorded as failed: Agent timed out after 900 s")), qPrintable(r.out));
        const auto loaded = loadReviewFile(review);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->agents.size(), 3);
        QCOMPARE(loaded->agents[0].name, QStringLiteral("Claude Opus 4.6"));
        QCOMPARE(loaded->findings.size(), 8);
        QVERIFY(loaded->finding(QStringLiteral("lint:W0612-2")));
        QVERIFY(loaded->agents[2].status == RunStatus::Failed);
    }

    void importRefusesADuplicateAgentAndKeepsTheFile()
    {
        QTemporaryDir dir;
        const QString review = dir.filePath(QStringLiteral("review.json"));
        const QString md = QStringLiteral(RB_TEST_DATA_DIR "/reviews/table-verdict.md");
        QCOMPARE(reviewbench({QStringLiteral("import"), review, QStringLiteral("--agent"), QStringLiteral("Codex"), md}).exitCode, 0);
        QFile f(review);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        const Run r = reviewbench({QStringLiteral("import"), review, QStringLiteral("--agent"), QStringLiteral("codex"), md});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("already has an agent with id \"codex\"")), qPrintable(r.err));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void importNamesTheBadLine()
    {
        QTemporaryDir dir;
        const QString raw = dir.filePath(QStringLiteral("out.json"));
        QFile f(raw);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\n  \"findings\": [\n    {\"title\": \"t\", \"severity\": \"urgent\"}\n  ]\n}\n");
        f.close();
        const QString review = dir.filePath(QStringLiteral("review.json"));
        const Run r = reviewbench({QStringLiteral("import"), review, QStringLiteral("--agent"), QStringLiteral("X"), raw});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(raw + QStringLiteral(":3: findings[0].severity: unknown value \"urgent\"")), qPrintable(r.err));
        QVERIFY(!QFile::exists(review));
    }

    void importUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no agent") << QStringList{"import", "r.json", "x.md"} << "--agent NAME is required";
        QTest::newRow("bad format") << QStringList{"import", "r.json", "--agent", "A", "--format", "yaml", "x.md"} << "unknown format \"yaml\"";
        QTest::newRow("missing file") << QStringList{"import", "r.json", "--agent", "A"} << "expected REVIEW.json and FILE";
        QTest::newRow("unknown option") << QStringList{"import", "--frob", "r.json", "--agent", "A", "x.md"} << "unknown option --frob";
    }

    void importUsageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = reviewbench(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void validateWithoutFileIsAUsageError()
    {
        QCOMPARE(reviewbench({QStringLiteral("validate")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
