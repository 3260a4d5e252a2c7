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

    void validateWithoutFileIsAUsageError()
    {
        QCOMPARE(reviewbench({QStringLiteral("validate")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
