// Finished runs into the review document: successful runs are parsed into findings, every
// run is kept with what it printed.
#include "agents/run_review.h"

#include <QTemporaryDir>
#include <QTest>

using namespace rb;
using namespace rb::agents;

namespace {
AgentRun run(const QString &id, RunStatus status, const QString &raw, RawFormat format = RawFormat::Markdown)
{
    AgentRun r;
    r.id = id;
    r.name = id.toUpper();
    r.status = status;
    r.rawOutput = raw;
    r.format = format;
    r.command = {QStringLiteral("tool"), QStringLiteral("-p")};
    r.durationSeconds = 12.5;
    r.exitCode = 0;
    r.inputTokens = 100;
    r.costUsd = 0.25;
    return r;
}

const QString kReview = QStringLiteral(
    "**Verdict:** Merge with fixes\n\n## Executive Summary\nOne bug.\n\n## Findings\n### Important Issues\n"
    "I1. **Reload drops a watcher** — `watch/reload.go:3` (important, regression)\n\nThe loop stops short.\n\n"
    "Fix: iterate to the end.\n");
} // namespace

class TestRunReview : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void successfulRunIsParsedAndKeepsHowItRan()
    {
        Review review;
        QVERIFY(addRunToReview(review, run(QStringLiteral("claude"), RunStatus::Succeeded, kReview)).ok());
        QCOMPARE(review.agents.size(), 1);
        const AgentRun &a = review.agents.first();
        QCOMPARE(toString(a.status), QStringLiteral("succeeded"));
        QCOMPARE(a.rawOutput, kReview);
        QCOMPARE(a.command, (QStringList{"tool", "-p"}));
        QCOMPARE(a.durationSeconds, std::optional<double>(12.5));
        QCOMPARE(a.costUsd, std::optional<double>(0.25));
        QCOMPARE(a.inputTokens, std::optional<qint64>(100));
        QVERIFY2(a.executiveSummary.contains(QLatin1String("One bug.")), qPrintable(a.executiveSummary));
        QCOMPARE(review.findings.size(), 1);
        QCOMPARE(review.findings.first().agentId, QStringLiteral("claude"));
    }

    void failedRunsAreKeptUnparsed_data()
    {
        QTest::addColumn<RunStatus>("status");
        QTest::newRow("failed") << RunStatus::Failed;
        QTest::newRow("timed out") << RunStatus::TimedOut;
        QTest::newRow("cancelled") << RunStatus::Cancelled;
        QTest::newRow("not installed") << RunStatus::NotInstalled;
    }

    void failedRunsAreKeptUnparsed()
    {
        QFETCH(RunStatus, status);
        Review review;
        AgentRun r = run(QStringLiteral("codex"), status, kReview);
        r.failureReason = QStringLiteral("why");
        QVERIFY(addRunToReview(review, r).ok());
        QCOMPARE(review.agents.size(), 1);
        QVERIFY(review.agents.first() == r);
        QVERIFY(review.findings.isEmpty());
    }

    void unreadableJsonIsKeptWithAWarning()
    {
        Review review;
        QVERIFY(addRunToReview(review, run(QStringLiteral("codex"), RunStatus::Succeeded, QStringLiteral("{\"format\": 3"),
                                           RawFormat::Json))
                    .ok());
        const AgentRun &a = review.agents.first();
        QCOMPARE(toString(a.status), QStringLiteral("succeeded"));
        QCOMPARE(a.rawOutput, QStringLiteral("{\"format\": 3"));
        QCOMPARE(a.parseWarnings.size(), 1);
        QVERIFY2(a.parseWarnings.first().message.startsWith(QLatin1String("output of agent codex")),
                 qPrintable(a.parseWarnings.first().message));
    }

    void failurePlaceholderMarksTheRunFailed()
    {
        Review review;
        QVERIFY(addRunToReview(review, run(QStringLiteral("gemini"), RunStatus::Succeeded,
                                           QStringLiteral("Error: quota exceeded for model gemini-2.5-pro\n")))
                    .ok());
        const AgentRun &a = review.agents.first();
        QCOMPARE(toString(a.status), QStringLiteral("failed"));
        QVERIFY(!a.failureReason.isEmpty());
        QCOMPARE(a.costUsd, std::optional<double>(0.25));
    }

    void duplicateIdIsRefused()
    {
        Review review;
        QVERIFY(addRunToReview(review, run(QStringLiteral("a"), RunStatus::Failed, {})).ok());
        const Status again = addRunToReview(review, run(QStringLiteral("a"), RunStatus::Succeeded, kReview));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().message, QStringLiteral("the review already has an agent with id \"a\""));
        QCOMPARE(review.agents.size(), 1);
    }

    void schemaIsWrittenForTheCli()
    {
        QTemporaryDir dir;
        const auto path = writeFindingsSchema(dir.path());
        QVERIFY(path.ok());
        QFile f(*path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("\"reviewbench-findings\""));
    }
};

QTEST_GUILESS_MAIN(TestRunReview)
#include "test_run_review.moc"
