// The consolidation pane's issue tree under QAbstractItemModelTester while edits, undo and
// redo drive it: every signal it emits must leave a consistent model, and rows must land in
// the section and order the report gives them.
#include "document/review_document.h"
#include "models/issue_tree_model.h"
#include "seed_review.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QMimeData>
#include <QTest>

using namespace rb;
using rb::ui::IssueTreeModel;
using rb::ui::ReviewDocument;

namespace {

// The section an issue is listed under, or -1.
int sectionOf(const IssueTreeModel &model, const QString &issueId)
{
    const QModelIndex i = model.indexOfIssue(issueId);
    return i.isValid() ? i.parent().row() : -1;
}

} // namespace

class TestIssueTreeModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void editsUndoAndRedoKeepTheModelConsistent()
    {
        ReviewDocument doc;
        doc.reset(test::seedReview());
        IssueTreeModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        QCOMPARE(sectionOf(model, QStringLiteral("issue-2")), int(IssueTreeModel::ImportantSection));
        QVERIFY(doc.setTriage(QStringLiteral("issue-2"), TriageState::FalsePositive));
        QCOMPARE(sectionOf(model, QStringLiteral("issue-2")), int(IssueTreeModel::LeftOutSection));
        QVERIFY(doc.setFinalSeverity(QStringLiteral("issue-3"), Severity::Critical));
        QCOMPARE(sectionOf(model, QStringLiteral("issue-3")), int(IssueTreeModel::CriticalSection));
        QCOMPARE(model.numberOf(QStringLiteral("issue-3")), QStringLiteral("C1"));
        QVERIFY(doc.setIssueText(QStringLiteral("issue-4"), ui::TextField::Title, QStringLiteral("Orphaned hostagents")));
        QCOMPARE(model.indexOfIssue(QStringLiteral("issue-4")).data().toString().section(QStringLiteral(". "), 1),
                 QStringLiteral("Orphaned hostagents"));
        const auto merged = doc.mergeIssues({QStringLiteral("issue-6"), QStringLiteral("issue-7")});
        QVERIFY(merged.ok());
        QCOMPARE(sectionOf(model, QStringLiteral("issue-7")), -1);
        const auto split = doc.splitFinding(QStringLiteral("gemini:1"));
        QVERIFY(split.ok());
        QVERIFY(model.indexOfIssue(*split).isValid());
        QVERIFY(doc.moveFinding(QStringLiteral("gemini:1"), QStringLiteral("issue-1")).ok());
        const QStringList edited = model.issueOrder();

        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(sectionOf(model, QStringLiteral("issue-2")), int(IssueTreeModel::ImportantSection));
        QCOMPARE(sectionOf(model, QStringLiteral("issue-7")), int(IssueTreeModel::SuggestionSection));
        QCOMPARE(model.rowCount(model.index(IssueTreeModel::LeftOutSection, 0)), 1); // issue-8
        while (doc.undoStack()->canRedo())
            doc.undoStack()->redo();
        QCOMPARE(model.issueOrder(), edited);

        doc.reset(test::seedReview());
        QCOMPARE(model.issueOrder().size(), test::seedReview().issues.size());
    }

    void droppingAFindingMovesIt()
    {
        ReviewDocument doc;
        doc.reset(test::seedReview());
        IssueTreeModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QMimeData data;
        data.setData(QString::fromLatin1(IssueTreeModel::kFindingMime), "claude:I2");
        const QModelIndex target = model.indexOfIssue(QStringLiteral("issue-3"));
        QVERIFY(model.canDropMimeData(&data, Qt::MoveAction, -1, -1, target));
        QVERIFY(model.dropMimeData(&data, Qt::MoveAction, -1, -1, target));
        QVERIFY(doc.review().issue(QStringLiteral("issue-3"))->members.contains(QStringLiteral("claude:I2")));
        QCOMPARE(sectionOf(model, QStringLiteral("issue-6")), -1); // its only finding left
        QVERIFY(!model.canDropMimeData(&data, Qt::MoveAction, -1, -1, model.index(0, 0))); // a section
    }

    void droppingIssuesMergesThem()
    {
        ReviewDocument doc;
        doc.reset(test::seedReview());
        IssueTreeModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QMimeData *data = model.mimeData({model.indexOfIssue(QStringLiteral("issue-5"))});
        QVERIFY(data);
        const QModelIndex target = model.indexOfIssue(QStringLiteral("issue-4"));
        QVERIFY(model.dropMimeData(data, Qt::MoveAction, -1, -1, target));
        delete data;
        QCOMPARE(sectionOf(model, QStringLiteral("issue-5")), -1);
        QVERIFY(doc.review().issue(QStringLiteral("issue-4"))->members.contains(QStringLiteral("codex:S1")));
    }
};

QTEST_MAIN(TestIssueTreeModel)
#include "test_issue_tree_model.moc"
