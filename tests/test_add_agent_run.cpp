// Adding a finished agent run to a consolidated, triaged review: new findings join the
// issues they cluster with or become new issues; the human's decisions stay as they were.
#include "edit/add_agent_run.h"
#include "edit/issue_edits.h"

#include <QTest>

using namespace rb;

namespace {

const char *kFirstReview = R"(**Verdict:** Merge with fixes — one bug

## Executive Summary
The reload drops a watcher.

## Findings
### Important Issues
I1. **Config reload drops the last watcher** — `watch/reload.go:3` (important, regression)

The loop in `reloadWatchers` stops one short, so the last watcher is never restarted.

### Suggestions
S1. **Name the retry limit** — `net/retry.go:40`

`maxRetries` is compared with the bare number 5; a named constant says what it means.

## Design Observations
### Concerns
- **Reload and retry share no clock** (in-scope) — the two loops each sleep on their own timer.
)";

AgentRun succeededRun(const QString &id, const QString &name, const QString &raw)
{
    AgentRun run;
    run.id = id;
    run.name = name;
    run.status = RunStatus::Succeeded;
    run.format = RawFormat::Markdown;
    run.rawOutput = raw;
    return run;
}

// A review consolidated from the first agent, then triaged by a human.
Review triagedReview()
{
    Review review;
    const Status added = edit::addAgentRun(review, succeededRun(QStringLiteral("alpha"), QStringLiteral("Alpha"),
                                                                QString::fromUtf8(kFirstReview)));
    if (!added.ok())
        qFatal("%s", qPrintable(added.error().message));
    for (Issue &i : review.issues) {
        i.finalSeverity = Severity::Critical;
        i.severityReason = QStringLiteral("human reason ") + i.id;
        i.triage = TriageState::Accepted;
        i.notes = QStringLiteral("human note ") + i.id;
        i.title = QStringLiteral("Edited: ") + i.title;
        i.fixState = FixState::Applied;
    }
    for (DesignObservation &d : review.designObservations)
        d.rejected = true;
    return review;
}

const Issue *issueWith(const Review &review, const QString &findingId)
{
    return edit::issueOfFinding(review, findingId);
}

} // namespace

class TestAddAgentRun : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void freshReviewIsProposed()
    {
        const Review review = triagedReview();
        QCOMPARE(review.agents.size(), 1);
        QCOMPARE(review.findings.size(), 2);
        QCOMPARE(review.issues.size(), 2);
        QCOMPARE(review.designObservations.size(), 1);
    }

    void foldsNewFindings_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<bool>("failed");
        QTest::addColumn<int>("issues");          // issue count afterwards
        QTest::addColumn<QString>("joinsIssueOf"); // a first-agent finding whose issue gains beta's first finding; empty: none
        QTest::addColumn<QString>("note");        // the joined issue's disagreement note
        QTest::addColumn<int>("designObservations");

        QTest::newRow("same bug, same rating joins its issue")
            << QStringLiteral("## Important Issues\n"
                              "I1. **Config reload drops the last watcher** — `watch/reload.go:3` (important)\n\n"
                              "`reloadWatchers` stops one short and the last watcher is never restarted.\n")
            << false << 2 << QStringLiteral("alpha:I1") << QString() << 1;
        QTest::newRow("same bug, other rating drafts a note")
            << QStringLiteral("## Critical Issues\n"
                              "C1. **Config reload drops the last watcher** — `watch/reload.go:4`\n\n"
                              "The loop in `reloadWatchers` stops one short; the last watcher is never restarted.\n")
            << false << 2 << QStringLiteral("alpha:I1")
            << QStringLiteral("Alpha rated this Important; Beta rated it Critical.") << 1;
        QTest::newRow("unrelated finding is a new issue")
            << QStringLiteral("## Suggestions\n"
                              "S1. **Document the cache eviction order** — `cache/lru.cpp:120`\n\n"
                              "Nobody can tell from `evictOldest` which entry goes first.\n")
            << false << 3 << QString() << QString() << 1;
        QTest::newRow("new concern beside the old one")
            << QStringLiteral("## Design Observations\n### Concerns\n"
                              "- **The plugin registry is a global** (future) — tests cannot replace `PluginRegistry`.\n")
            << false << 2 << QString() << QString() << 2;
        QTest::newRow("failed run adds no issue")
            << QStringLiteral("error: quota exceeded") << true << 2 << QString() << QString() << 1;
    }
    void foldsNewFindings()
    {
        QFETCH(QString, raw);
        QFETCH(bool, failed);
        QFETCH(int, issues);
        QFETCH(QString, joinsIssueOf);
        QFETCH(QString, note);
        QFETCH(int, designObservations);

        const Review before = triagedReview();
        Review after = before;
        AgentRun run = succeededRun(QStringLiteral("beta"), QStringLiteral("Beta"), raw);
        if (failed)
            run.status = RunStatus::Failed;
        if (failed)
            run.failureReason = QStringLiteral("exit code 3");
        const Status added = edit::addAgentRun(after, run);
        QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));

        QCOMPARE(after.agents.size(), 2);
        QCOMPARE(after.agents.last().id, QStringLiteral("beta"));
        QCOMPARE(after.issues.size(), issues);
        QCOMPARE(after.designObservations.size(), designObservations);

        // Every finding belongs to exactly one issue.
        for (const RawFinding &f : after.findings) {
            int holders = 0;
            for (const Issue &i : after.issues)
                holders += i.members.count(f.id);
            QVERIFY2(holders == 1, qPrintable(f.id));
        }
        // The human's decisions on the existing issues are untouched.
        for (const Issue &old : before.issues) {
            const Issue *now = after.issue(old.id);
            QVERIFY(now);
            QVERIFY(now->finalSeverity == old.finalSeverity);
            QCOMPARE(now->severityReason, old.severityReason);
            QVERIFY(now->triage == old.triage);
            QCOMPARE(now->notes, old.notes);
            QCOMPARE(now->title, old.title);
            QVERIFY(now->fixState == old.fixState);
        }
        for (qsizetype d = 0; d < before.designObservations.size(); ++d) {
            QCOMPARE(after.designObservations[d].rejected, true);
            QCOMPARE(after.designObservations[d].id, before.designObservations[d].id);
        }

        const QList<RawFinding> betaFindings = [&] {
            QList<RawFinding> mine;
            for (const RawFinding &f : after.findings)
                if (f.agentId == QLatin1String("beta"))
                    mine << f;
            return mine;
        }();
        if (!joinsIssueOf.isEmpty()) {
            QVERIFY(!betaFindings.isEmpty());
            const Issue *joined = issueWith(after, betaFindings.first().id);
            QVERIFY(joined);
            QCOMPARE(joined->id, issueWith(before, joinsIssueOf)->id);
            QCOMPARE(joined->members.size(), 2);
            QCOMPARE(joined->disagreementNote, note);
            QVERIFY(!joined->evidence.isEmpty());
        } else if (issues > before.issues.size()) {
            const Issue *fresh = issueWith(after, betaFindings.first().id);
            QVERIFY(fresh);
            QVERIFY(!before.issue(fresh->id));
            QVERIFY(fresh->triage == TriageState::Open);
            QVERIFY(!fresh->finalSeverity);
            QCOMPARE(fresh->members, QStringList{betaFindings.first().id});
        }
    }

    void sameIdIsRefusedAndChangesNothing()
    {
        Review review = triagedReview();
        const Review before = review;
        const Status added = edit::addAgentRun(review, succeededRun(QStringLiteral("alpha"), QStringLiteral("Alpha again"),
                                                                    QString::fromUtf8(kFirstReview)));
        QVERIFY(!added.ok());
        QVERIFY2(added.error().message.contains(QLatin1String("alpha")), qPrintable(added.error().message));
        QCOMPARE(review, before);
    }

    void unusedAgentId_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("expected");
        QTest::newRow("free") << "beta" << "beta";
        QTest::newRow("taken") << "alpha" << "alpha-2";
    }
    void unusedAgentId()
    {
        QFETCH(QString, id);
        QFETCH(QString, expected);
        QCOMPARE(edit::unusedAgentId(triagedReview(), id), expected);
    }
};

QTEST_GUILESS_MAIN(TestAddAgentRun)
#include "test_add_agent_run.moc"
