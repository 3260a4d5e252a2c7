// reviewbench consolidate, export and apply, run as separate processes the way users run them.
#include "git_fixture.h"
#include "io/review_file.h"
#include "seed_review.h"

#include <QFile>
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
    p.start(QStringLiteral(RB_REVIEWBENCH_BIN), args);
    if (!p.waitForFinished(60000))
        return {-1, {}, QStringLiteral("timed out")};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QString evalFile(const char *name) { return QStringLiteral(RB_TEST_DATA_DIR "/eval/pr2-upload/") + QString::fromLatin1(name); }

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}
} // namespace

class TestCliConsolidate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void consolidateThenExport()
    {
        QTemporaryDir dir;
        const QString review = dir.filePath(QStringLiteral("review.json"));
        const Run r = reviewbench({QStringLiteral("consolidate"), QStringLiteral("--review"),
                                   QStringLiteral("Claude Opus 4.6=") + evalFile("claude.md"), QStringLiteral("--review"),
                                   QStringLiteral("Codex GPT 5.4=") + evalFile("codex.md"), QStringLiteral("--review"),
                                   QStringLiteral("Gemini 3.1 Pro=") + evalFile("gemini.md"), QStringLiteral("--duration"),
                                   QStringLiteral("Codex GPT 5.4=280"), QStringLiteral("-o"), review});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QLatin1String("3 agents, 9 findings -> 5 issues (3 found by more than one agent)")), qPrintable(r.out));
        const auto loaded = loadReviewFile(review);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->agent(QStringLiteral("codex-gpt-5-4"))->durationSeconds, std::optional<double>(280));
        QCOMPARE(loaded->issues.first().members.size(), 3);

        const Run md = reviewbench({QStringLiteral("export"), review, QStringLiteral("--format"), QStringLiteral("md")});
        QVERIFY2(md.exitCode == 0, qPrintable(md.err));
        QVERIFY(md.out.contains(QLatin1String("#### C1. ")));
        QVERIFY2(md.out.contains(QStringLiteral("| Duration | — | 4:40 | — |")), qPrintable(md.out.right(1500)));
        const QString html = dir.filePath(QStringLiteral("r.html"));
        QCOMPARE(reviewbench({QStringLiteral("export"), review, QStringLiteral("--format"), QStringLiteral("html"),
                              QStringLiteral("-o"), html}).exitCode, 0);
        QVERIFY(readAll(html).startsWith("<!DOCTYPE html>"));
    }

    void consolidateRecordsTheRange()
    {
        test::GitFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        const QString base = fx.commit({{"app/upload.py", {"a\n"}}}, QStringLiteral("base"), {}, QStringLiteral("refs/heads/main"));
        const QString head = fx.commit({{"app/upload.py", {"a\nb\n"}}}, QStringLiteral("Add the upload endpoint"), {base},
                                       QStringLiteral("refs/heads/upload"));
        QVERIFY(!base.isEmpty() && !head.isEmpty());
        QTemporaryDir dir;
        const QString review = dir.filePath(QStringLiteral("review.json"));
        const Run r = reviewbench({QStringLiteral("consolidate"), QStringLiteral("--review"), QStringLiteral("Codex GPT 5.4=") + evalFile("codex.md"),
                                   QStringLiteral("--repo"), fx.path(), QStringLiteral("--base"), QStringLiteral("main"),
                                   QStringLiteral("--head"), QStringLiteral("upload"), QStringLiteral("-o"), review});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const auto loaded = loadReviewFile(review);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->metadata.headSha, head);
        QCOMPARE(loaded->metadata.mergeBase, base);
        QCOMPARE(loaded->metadata.commits.size(), 1);
        QCOMPARE(loaded->metadata.commits.first().subject, QStringLiteral("Add the upload endpoint"));
        const Run md = reviewbench({QStringLiteral("export"), review, QStringLiteral("--format"), QStringLiteral("md")});
        QVERIFY2(md.out.contains(QStringLiteral("| **Branch** | `upload` |")), qPrintable(md.out.left(800)));
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString missing = QStringLiteral("/nonexistent/claude.md");
        QTest::newRow("no -o") << QStringList{QStringLiteral("consolidate"), QStringLiteral("--review"), QStringLiteral("A=x.md")}
                               << 2 << QStringLiteral("-o REVIEW.json is required");
        QTest::newRow("review without name")
            << QStringList{QStringLiteral("consolidate"), QStringLiteral("--review"), QStringLiteral("x.md"), QStringLiteral("-o"), QStringLiteral("r.json")}
            << 2 << QStringLiteral("--review \"x.md\": expected NAME=FILE");
        QTest::newRow("duration of unknown agent")
            << QStringList{QStringLiteral("consolidate"), QStringLiteral("--review"), QStringLiteral("A=x.md"), QStringLiteral("--duration"),
                           QStringLiteral("B=3"), QStringLiteral("-o"), QStringLiteral("r.json")}
            << 2 << QStringLiteral("--duration names \"B\"");
        QTest::newRow("unreadable review")
            << QStringList{QStringLiteral("consolidate"), QStringLiteral("--review"), QStringLiteral("A=") + missing, QStringLiteral("-o"),
                           QStringLiteral("/nonexistent/r.json")}
            << 4 << missing + QStringLiteral(": cannot open");
        QTest::newRow("unknown format") << QStringList{QStringLiteral("export"), QStringLiteral("r.json"), QStringLiteral("--format"), QStringLiteral("pdf")}
                                        << 2 << QStringLiteral("unknown format \"pdf\"");
        QTest::newRow("export of a missing file")
            << QStringList{QStringLiteral("export"), QStringLiteral("/nonexistent/r.json"), QStringLiteral("--format"), QStringLiteral("md")}
            << 4 << QStringLiteral("/nonexistent/r.json: cannot open");
    }
    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = reviewbench(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void applyChecksAppliesAndRecords()
    {
        test::GitFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        QVERIFY(!fx.commit({{"pkg/lima/sshkeys.go", {"\ttmpPath := privPath + \".tmp\"\n"
                                                     "\tctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)\n"
                                                     "\tdefer cancel()\n"}}},
                           QStringLiteral("one"), {}).isEmpty());
        QVERIFY(fx.checkoutHead());
        QTemporaryDir dir;
        const QString reviewPath = dir.filePath(QStringLiteral("review.json"));
        Review seed = test::seedReview();
        seed.issues[0].fixState = FixState::NotApplied;
        seed.issues[0].fixRecords.clear();
        seed.issues[1].fixes = {IssueFix{seed.issues[1].members.first(), QString(), QString(),
                                         QStringLiteral(" no such line\n-at all\n+x\n"), true}};
        QVERIFY(saveReviewFile(seed, reviewPath).ok());
        const QByteArray before = readAll(fx.path() + QStringLiteral("/pkg/lima/sshkeys.go"));

        const Run check = reviewbench({QStringLiteral("apply"), reviewPath, QStringLiteral("--issue"), QStringLiteral("I1"),
                                       QStringLiteral("--check"), QStringLiteral("--repo"), fx.path()});
        QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
        QVERIFY2(check.out.startsWith(QLatin1String("I1 (issue-1): ")), qPrintable(check.out));
        QCOMPARE(readAll(fx.path() + QStringLiteral("/pkg/lima/sshkeys.go")), before);

        const Run apply = reviewbench({QStringLiteral("apply"), reviewPath, QStringLiteral("--issue"), QStringLiteral("issue-1"),
                                       QStringLiteral("--issue"), QStringLiteral("I2"), QStringLiteral("--repo"), fx.path()});
        QCOMPARE(apply.exitCode, 1); // I2's patch cannot be placed
        QVERIFY2(apply.out.contains(QLatin1String("I2 (issue-2): ")), qPrintable(apply.out));
        QVERIFY(readAll(fx.path() + QStringLiteral("/pkg/lima/sshkeys.go")).contains("_ = os.Remove(tmpPath)"));
        const auto after = loadReviewFile(reviewPath);
        QVERIFY(after.ok());
        QCOMPARE(toString(after->issues[0].fixState), toString(FixState::Applied));
        QVERIFY(!after->issues[0].fixRecords.isEmpty());
        QCOMPARE(toString(after->issues[1].fixState), toString(FixState::Failed));
    }
};

QTEST_GUILESS_MAIN(TestCliConsolidate)
#include "test_cli_consolidate.moc"
