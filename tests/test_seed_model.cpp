// The full model of the seed report (shared/seed): its counts, and an unchanged round trip
// through a review file on disk.
#include "anchor/fingerprint.h"
#include "io/review_file.h"
#include "seed_review.h"

#include <QTemporaryDir>
#include <QTest>

using namespace rb;

class TestSeedModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // tests/tools/check_review_schema.py asks for the seed as JSON to validate it.
        const QByteArray dump = qgetenv("RB_SEED_JSON");
        if (!dump.isEmpty())
            QVERIFY(saveReviewFile(test::seedReview(), QString::fromLocal8Bit(dump)).ok());
    }

    void matchesTheSeedReport()
    {
        const Review r = test::seedReview();
        QCOMPARE(r.agents.size(), 3);
        QCOMPARE(r.metadata.commits.size(), 6);
        QCOMPARE(r.metadata.pullRequest.number, std::optional<int>(242));
        QCOMPARE(r.metadata.wallClockSeconds, std::optional<double>(646.0));
        QVERIFY(r.verdict.kind == VerdictKind::MergeWithFixes);
        int critical = 0, important = 0, suggestion = 0;
        for (const Issue &i : r.issues) {
            if (!i.isReported())
                continue;
            switch (i.severity()) {
            case Severity::Critical: ++critical; break;
            case Severity::Important: ++important; break;
            case Severity::Suggestion: ++suggestion; break;
            }
        }
        QCOMPARE(critical, 0);
        QCOMPARE(important, 4);
        QCOMPARE(suggestion, 3);
        for (const Issue &i : r.issues)
            for (const QString &m : i.members)
                QVERIFY2(r.finding(m), qPrintable(m));
    }

    void roundTripsThroughAFileUnchanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("seed.json"));
        Review seed = test::seedReview();
        anchor::fingerprintReview(seed, {}); // what saving adds
        QVERIFY(saveReviewFile(seed, path).ok());
        const auto loaded = loadReviewFile(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
        QCOMPARE(loaded->metadata, seed.metadata);
        QCOMPARE(loaded->agents, seed.agents);
        QCOMPARE(loaded->findings, seed.findings);
        QCOMPARE(loaded->issues, seed.issues);
        QVERIFY(*loaded == seed);
    }
};

QTEST_GUILESS_MAIN(TestSeedModel)
#include "test_seed_model.moc"
