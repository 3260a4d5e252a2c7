// The review document's undo history, without widgets.
#include "document/review_document.h"
#include "io/review_file.h"
#include "seed_review.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rb;
using rb::ui::ReviewDocument;

class TestReviewDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void addAgentRunIsOneUndoStep_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<int>("newIssues");
        QTest::newRow("new agent, new finding") << "delta" << true << 1;
        QTest::newRow("agent already in the review") << "claude" << false << 0;
    }
    void addAgentRunIsOneUndoStep()
    {
        QFETCH(QString, id);
        QFETCH(bool, accepted);
        QFETCH(int, newIssues);
        ReviewDocument doc;
        doc.reset(test::seedReview());
        QVERIFY(doc.setTriage(QStringLiteral("issue-2"), TriageState::FalsePositive));
        const Review before = doc.review();
        QSignalSpy agents(&doc, &ReviewDocument::agentsChanged);
        AgentRun run;
        run.id = id;
        run.name = QStringLiteral("Delta");
        run.status = RunStatus::Succeeded;
        run.rawOutput = QStringLiteral("## Suggestions\nS1. **Spell out the cache eviction order** — `cache/lru.cpp:120`\n\n"
                                       "`evictOldest` does not say which entry goes first.\n");
        QCOMPARE(doc.addAgentRun(run).ok(), accepted);
        QCOMPARE(doc.undoStack()->count(), accepted ? 2 : 1);
        QCOMPARE(agents.count(), accepted ? 1 : 0);
        QCOMPARE(doc.review().issues.size(), before.issues.size() + newIssues);
        QCOMPARE(doc.review().agents.size(), before.agents.size() + (accepted ? 1 : 0));
        QVERIFY(doc.review().issue(QStringLiteral("issue-2"))->triage == TriageState::FalsePositive);
        if (!accepted)
            return;
        const Review added = doc.review();
        doc.undoStack()->undo();
        QVERIFY(doc.review() == before);
        QCOMPARE(agents.count(), 2);
        doc.undoStack()->redo();
        QVERIFY(doc.review() == added);
    }

    void everyEditUndoesAndRedoes()
    {
        ReviewDocument doc;
        doc.reset(test::seedReview());
        const Review original = doc.review();
        QVERIFY(doc.setTriage(QStringLiteral("issue-2"), TriageState::FalsePositive));
        QVERIFY(doc.setFinalSeverity(QStringLiteral("issue-3"), Severity::Critical));
        QVERIFY(doc.mergeIssues({QStringLiteral("issue-6"), QStringLiteral("issue-7")}).ok());
        QVERIFY(doc.splitFinding(QStringLiteral("gemini:1")).ok());
        QVERIFY(doc.setVerdict({VerdictKind::Rework, QStringLiteral("too risky")}));
        QCOMPARE(doc.undoStack()->count(), 5);
        QVERIFY(doc.isModified());
        const Review edited = doc.review();
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QVERIFY(doc.review() == original);
        QVERIFY(!doc.isModified());
        while (doc.undoStack()->canRedo())
            doc.undoStack()->redo();
        QVERIFY(doc.review() == edited);
    }

    void noOpEditsAddNoHistory()
    {
        ReviewDocument doc;
        doc.reset(test::seedReview());
        QVERIFY(!doc.setTriage(QStringLiteral("issue-1"), TriageState::Accepted)); // already accepted
        QVERIFY(!doc.setTriage(QStringLiteral("no-such-issue"), TriageState::Rejected));
        QVERIFY(!doc.splitFinding(QStringLiteral("codex:I1")).ok());
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void typingMergesIntoOneStep()
    {
        ReviewDocument doc;
        doc.reset(test::seedReview());
        doc.setIssueText(QStringLiteral("issue-1"), ui::TextField::Notes, QStringLiteral("a"));
        doc.setIssueText(QStringLiteral("issue-1"), ui::TextField::Notes, QStringLiteral("ab"));
        doc.setIssueText(QStringLiteral("issue-1"), ui::TextField::Notes, QStringLiteral("abc"));
        doc.setIssueText(QStringLiteral("issue-2"), ui::TextField::Notes, QStringLiteral("x"));
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.review().issue(QStringLiteral("issue-1"))->notes, QString());
    }

    void fixResultsSurviveUndo()
    {
        ReviewDocument doc;
        doc.reset(test::seedReview());
        QVERIFY(doc.setTriage(QStringLiteral("issue-2"), TriageState::Rejected));
        doc.recordFix(QStringLiteral("issue-3"), FixState::Applied, {FixRecord{QStringLiteral("a.go"), QStringLiteral("h1"), QStringLiteral("h2"), QString(), {}, QString(), false, QString()}});
        doc.undoStack()->undo();
        QVERIFY(doc.review().issue(QStringLiteral("issue-3"))->fixState == FixState::Applied);
        QVERIFY(doc.isModified()); // the fix is not in the saved file yet
    }

    void saveMarksCleanAndRoundTrips()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.json"));
        ReviewDocument doc;
        QSignalSpy modified(&doc, &ReviewDocument::modifiedChanged);
        doc.reset(test::seedReview(), path);
        QVERIFY(doc.setTriage(QStringLiteral("issue-2"), TriageState::Rejected));
        QCOMPARE(modified.count(), 1);
        QVERIFY(doc.save().ok());
        QVERIFY(!doc.isModified());
        QCOMPARE(modified.count(), 2);
        const auto loaded = loadReviewFile(path);
        QVERIFY(loaded.ok());
        QVERIFY(loaded->issue(QStringLiteral("issue-2"))->triage == TriageState::Rejected);
    }
};

QTEST_GUILESS_MAIN(TestReviewDocument)
#include "test_review_document.moc"
