// One agent's findings column under QAbstractItemModelTester while edits, undo, redo and
// highlighting drive it.
#include "document/review_document.h"
#include "models/agent_findings_model.h"
#include "seed_review.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace rb;
using rb::ui::AgentFindingsModel;
using rb::ui::ReviewDocument;

class TestAgentFindingsModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void followsEditsUndoAndRedo()
    {
        ReviewDocument doc;
        doc.reset(test::seedReview());
        AgentFindingsModel model(&doc, QStringLiteral("claude"));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        int claude = 0;
        for (const RawFinding &f : doc.review().findings)
            claude += f.agentId == QLatin1String("claude") ? 1 : 0;
        QCOMPARE(model.rowCount(), claude);

        const QModelIndex s1 = model.indexOfFinding(QStringLiteral("claude:S1"));
        QCOMPARE(s1.data(AgentFindingsModel::IssueIdRole).toString(), QStringLiteral("issue-1"));
        const auto split = doc.splitFinding(QStringLiteral("claude:S1"));
        QVERIFY(split.ok());
        QCOMPARE(model.indexOfFinding(QStringLiteral("claude:S1")).data(AgentFindingsModel::IssueIdRole).toString(), *split);
        QVERIFY(doc.setTriage(*split, TriageState::Rejected));
        QVERIFY(model.indexOfFinding(QStringLiteral("claude:S1")).data(Qt::ForegroundRole).isValid()); // greyed
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(model.indexOfFinding(QStringLiteral("claude:S1")).data(AgentFindingsModel::IssueIdRole).toString(),
                 QStringLiteral("issue-1"));
        doc.undoStack()->redo();
        QCOMPARE(model.indexOfFinding(QStringLiteral("claude:S1")).data(AgentFindingsModel::IssueIdRole).toString(), *split);
        QCOMPARE(model.rowCount(), claude);
    }

    void highlightingChangesOnlyItsRoles()
    {
        ReviewDocument doc;
        doc.reset(test::seedReview());
        AgentFindingsModel model(&doc, QStringLiteral("claude"));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setHighlighted({QStringLiteral("claude:I1")});
        QCOMPARE(changed.count(), 1);
        const auto roles = changed.first().at(2).value<QList<int>>();
        QVERIFY(roles.contains(AgentFindingsModel::HighlightRole));
        QVERIFY(!roles.contains(Qt::DisplayRole));
        QVERIFY(model.indexOfFinding(QStringLiteral("claude:I1")).data(AgentFindingsModel::HighlightRole).toBool());
        QVERIFY(!model.indexOfFinding(QStringLiteral("claude:S1")).data(AgentFindingsModel::HighlightRole).toBool());
        model.setHighlighted({QStringLiteral("claude:I1")});
        QCOMPARE(changed.count(), 1); // unchanged: no signal
    }

    void dragCarriesTheFindingIds()
    {
        ReviewDocument doc;
        doc.reset(test::seedReview());
        AgentFindingsModel model(&doc, QStringLiteral("claude"));
        std::unique_ptr<QMimeData> data(model.mimeData({model.indexOfFinding(QStringLiteral("claude:S1")),
                                                        model.indexOfFinding(QStringLiteral("claude:I2"))}));
        QCOMPARE(data->data(QString::fromLatin1("application/x-reviewbench-finding")), QByteArray("claude:S1\nclaude:I2"));
    }
};

QTEST_MAIN(TestAgentFindingsModel)
#include "test_agent_findings_model.moc"
