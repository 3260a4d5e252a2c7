// Merge, split and move over the seed review: membership, proposals and notes follow.
#include "edit/issue_edits.h"
#include "seed_review.h"

#include <QTest>

using namespace rb;

class TestIssueEdits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void proposalIsUpperMedian_data()
    {
        QTest::addColumn<QStringList>("members");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("note");
        QTest::newRow("one") << QStringList{QStringLiteral("codex:I1")} << "important" << "";
        QTest::newRow("suggestion+critical meet in the middle") << QStringList{QStringLiteral("claude:S1"), QStringLiteral("gemini:1")}
                                                     << "important"
                                                     << "Claude rated this Suggestion; Gemini rated it Critical.";
        QTest::newRow("three, median important")
            << QStringList{QStringLiteral("claude:S1"), QStringLiteral("gemini:1"), QStringLiteral("codex:I1")} << "important"
            << "Claude rated this Suggestion; Codex rated it Important; Gemini rated it Critical.";
        QTest::newRow("agree") << QStringList{QStringLiteral("claude:I1"), QStringLiteral("claude:I2")} << "important" << "";
    }
    void proposalIsUpperMedian()
    {
        QFETCH(QStringList, members);
        QFETCH(QString, expected);
        QFETCH(QString, note);
        const Review r = test::seedReview();
        Issue i;
        i.members = members;
        i.disagreementNote = QStringLiteral("stale");
        edit::refreshProposal(r, i);
        QCOMPARE(toString(i.proposedSeverity), expected);
        QCOMPARE(i.disagreementNote, note);
    }

    void mergeUnitesMembersAndRemovesOthers()
    {
        Review r = test::seedReview();
        const auto merged = edit::mergeIssues(r, {QStringLiteral("issue-2"), QStringLiteral("issue-3")});
        QVERIFY(merged.ok());
        QCOMPARE(*merged, QStringLiteral("issue-2"));
        QCOMPARE(r.issues.size(), 7);
        QVERIFY(!r.issue(QStringLiteral("issue-3")));
        QCOMPARE(r.issue(QStringLiteral("issue-2"))->members,
                 (QStringList{QStringLiteral("codex:I1"), QStringLiteral("gemini:2")}));
        QCOMPARE(r.issue(QStringLiteral("issue-2"))->locations.size(), 1 + 0);
    }

    void mergeRefusesBadSelections()
    {
        Review r = test::seedReview();
        QVERIFY(!edit::mergeIssues(r, {QStringLiteral("issue-2")}).ok());
        const auto missing = edit::mergeIssues(r, {QStringLiteral("issue-2"), QStringLiteral("issue-99")});
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QLatin1String("issue-99")));
        QCOMPARE(r, test::seedReview());
    }

    void splitMakesANewIssueAndRefreshesTheOld()
    {
        Review r = test::seedReview();
        const auto fresh = edit::splitFinding(r, QStringLiteral("gemini:1"));
        QVERIFY2(fresh.ok(), qPrintable(fresh.ok() ? QString() : fresh.error().message));
        QCOMPARE(*fresh, QStringLiteral("issue-9"));
        const Issue *old = r.issue(QStringLiteral("issue-1"));
        QCOMPARE(old->members, QStringList{QStringLiteral("claude:S1")});
        QVERIFY(old->disagreementNote.isEmpty());
        QVERIFY(old->proposedSeverity == Severity::Suggestion);
        QVERIFY(old->finalSeverity == Severity::Important); // the human's rating is never touched
        const Issue *split = r.issue(*fresh);
        QVERIFY(split->proposedSeverity == Severity::Critical);
        QCOMPARE(split->title, QStringLiteral("Stale .tmp file blocks startup"));
        QCOMPARE(r.issues.indexOf(*split), r.issues.indexOf(*old) + 1);
    }

    void splitRefusesTheOnlyMember()
    {
        Review r = test::seedReview();
        const auto result = edit::splitFinding(r, QStringLiteral("codex:I1"));
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.contains(QLatin1String("only finding")));
    }

    void moveRemovesAnEmptiedIssue()
    {
        Review r = test::seedReview();
        QVERIFY(edit::moveFinding(r, QStringLiteral("codex:I1"), QStringLiteral("issue-1")).ok());
        QVERIFY(!r.issue(QStringLiteral("issue-2")));
        QCOMPARE(r.issue(QStringLiteral("issue-1"))->members.size(), 3);
        QCOMPARE(edit::issueOfFinding(r, QStringLiteral("codex:I1"))->id, QStringLiteral("issue-1"));
    }

    void moveToUnknownIssueIsRefused()
    {
        Review r = test::seedReview();
        QVERIFY(!edit::moveFinding(r, QStringLiteral("codex:I1"), QStringLiteral("nope")).ok());
        QVERIFY(!edit::moveFinding(r, QStringLiteral("nobody:1"), QStringLiteral("issue-1")).ok());
        QCOMPARE(r, test::seedReview());
    }
};

QTEST_GUILESS_MAIN(TestIssueEdits)
#include "test_issue_edits.moc"
