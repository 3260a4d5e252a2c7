// The workbench window under the offscreen platform, driven through its real widgets and
// keyboard shortcuts; results are checked in the saved review file.
#include "document/review_document.h"
#include "io/review_file.h"
#include "main_window.h"
#include "models/issue_tree_model.h"
#include "seed_review.h"
#include "settings/app_settings.h"
#include "widgets/agent_columns_view.h"
#include "widgets/consolidation_pane.h"
#include "widgets/safe_text_browser.h"

#include <QApplication>
#include <QListView>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace rb;

class TestMainWindow : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;

private Q_SLOTS:
    void initTestCase() { ui::AppSettings::useFile(m_dir.filePath(QStringLiteral("settings.ini"))); }

    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("seed.json"));
        QVERIFY(saveReviewFile(test::seedReview(), m_path).ok());
    }

    void opensAReviewFile()
    {
        ui::MainWindow w;
        w.setInteractive(false);
        w.show();
        QVERIFY(w.openReviewFile(m_path));
        QCOMPARE(w.document()->review().issues.size(), 8);
        QVERIFY(w.windowTitle().startsWith(QLatin1String("seed.json")));
        QCOMPARE(ui::AppSettings::recentFiles().value(0), QFileInfo(m_path).absoluteFilePath());
        // One column per agent, listing its findings.
        auto *claude = w.findChild<QListView *>(QStringLiteral("agentFindings_claude"));
        QVERIFY(claude);
        QCOMPARE(claude->model()->rowCount(), 5);
        // The first issue in report order is selected: I1.
        QCOMPARE(w.consolidationPane()->currentIssueId(), QStringLiteral("issue-1"));
        QCOMPARE(w.consolidationPane()->issueModel()->numberOf(QStringLiteral("issue-1")), QStringLiteral("I1"));
    }

    void everyTextBrowserIsSafe()
    {
        // Agent and review-file text is shown only in browsers that load no resource and
        // follow no link on their own (widgets/safe_text_browser.h).
        ui::MainWindow w;
        w.setInteractive(false);
        w.show();
        QVERIFY(w.openReviewFile(m_path));
        const auto browsers = w.findChildren<QTextBrowser *>();
        QVERIFY(!browsers.isEmpty());
        for (QTextBrowser *b : browsers)
            QVERIFY2(qobject_cast<ui::SafeTextBrowser *>(b), qPrintable(b->objectName()));
    }

    void brokenFileKeepsWhatWasOpen()
    {
        const QString bad = m_dir.filePath(QStringLiteral("bad.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ not json");
        f.close();
        ui::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openReviewFile(m_path));
        QVERIFY(!w.openReviewFile(bad));
        QVERIFY2(w.lastError().startsWith(bad + QStringLiteral(":1:")), qPrintable(w.lastError()));
        QVERIFY2(w.lastError().contains(QLatin1String("not valid JSON")), qPrintable(w.lastError()));
        QCOMPARE(w.document()->path(), QFileInfo(m_path).absoluteFilePath());
        QCOMPARE(w.document()->review().issues.size(), 8);
    }

    void triageByKeyboardUndoAndSave()
    {
        ui::MainWindow w;
        w.setInteractive(false);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openReviewFile(m_path));
        auto *tree = w.findChild<QTreeView *>(QStringLiteral("issueTree"));
        tree->setFocus();
        QCOMPARE(w.consolidationPane()->currentIssueId(), QStringLiteral("issue-1"));

        QTest::keyClick(&w, Qt::Key_J); // next: I2
        QCOMPARE(w.consolidationPane()->currentIssueId(), QStringLiteral("issue-2"));
        QTest::keyClick(&w, Qt::Key_F); // false positive
        QVERIFY(w.document()->review().issue(QStringLiteral("issue-2"))->triage == TriageState::FalsePositive);
        QVERIFY(w.windowTitle().contains(QLatin1String("[*]")) && w.isWindowModified());
        QCOMPARE(w.consolidationPane()->currentIssueId(), QStringLiteral("issue-2")); // selection follows the issue

        // The false positive moved to the end; from it, J wraps around to the first issue.
        QTest::keyClick(&w, Qt::Key_J);
        QCOMPARE(w.consolidationPane()->currentIssueId(), QStringLiteral("issue-8"));
        QTest::keyClick(&w, Qt::Key_J);
        QCOMPARE(w.consolidationPane()->currentIssueId(), QStringLiteral("issue-1"));
        QTest::keyClick(&w, Qt::Key_J);
        const QString third = w.consolidationPane()->currentIssueId();
        QCOMPARE(third, QStringLiteral("issue-3"));
        QTest::keyClick(&w, Qt::Key_1); // critical
        QVERIFY(w.document()->review().issue(third)->finalSeverity == Severity::Critical);
        QCOMPARE(w.consolidationPane()->issueModel()->numberOf(third), QStringLiteral("C1"));

        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier); // undo the severity
        QVERIFY(!w.document()->review().issue(third)->finalSeverity.has_value()
                || w.document()->review().issue(third)->finalSeverity != Severity::Critical);
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier); // redo
        QVERIFY(w.document()->review().issue(third)->finalSeverity == Severity::Critical);

        QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
        QVERIFY(!w.isWindowModified());
        const auto saved = loadReviewFile(m_path);
        QVERIFY(saved.ok());
        QVERIFY(saved->issue(QStringLiteral("issue-2"))->triage == TriageState::FalsePositive);
        QVERIFY(saved->issue(third)->finalSeverity == Severity::Critical);
    }

    void selectingAFindingHighlightsItsIssueAndSiblings()
    {
        ui::MainWindow w;
        w.setInteractive(false);
        w.show();
        QVERIFY(w.openReviewFile(m_path));
        auto *gemini = w.findChild<QListView *>(QStringLiteral("agentFindings_gemini"));
        QVERIFY(gemini);
        gemini->setCurrentIndex(gemini->model()->index(0, 0)); // gemini:1, grouped with claude:S1
        QCOMPARE(w.consolidationPane()->currentIssueId(), QStringLiteral("issue-1"));
        auto *claude = w.findChild<QListView *>(QStringLiteral("agentFindings_claude"));
        const QModelIndex sibling = claude->model()->index(0, 0);
        QCOMPARE(sibling.data(Qt::UserRole + 1).toString(), QStringLiteral("claude:S1"));
        QVERIFY(sibling.data(Qt::UserRole + 3).toBool()); // highlighted
    }

    void mergeAndSplitFromTheKeyboard()
    {
        ui::MainWindow w;
        w.setInteractive(false);
        w.show();
        QVERIFY(w.openReviewFile(m_path));
        auto *tree = w.findChild<QTreeView *>(QStringLiteral("issueTree"));
        auto *model = w.consolidationPane()->issueModel();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        tree->setFocus();
        tree->selectionModel()->setCurrentIndex(model->indexOfIssue(QStringLiteral("issue-3")),
                                                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        tree->selectionModel()->select(model->indexOfIssue(QStringLiteral("issue-4")),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(w.consolidationPane()->selectedIssueIds(), (QStringList{QStringLiteral("issue-3"), QStringLiteral("issue-4")}));
        QTest::keyClick(&w, Qt::Key_M);
        QVERIFY2(w.lastError().isEmpty(), qPrintable(w.lastError()));
        QCOMPARE(w.document()->review().issues.size(), 7);
        QCOMPARE(w.document()->review().issue(QStringLiteral("issue-3"))->members.size(), 2);
        QTest::keyClick(&w, Qt::Key_S); // no member selected: refused with a message, nothing changes
        QVERIFY(w.lastError().contains(QLatin1String("split")));
        QCOMPARE(w.document()->review().issues.size(), 7);
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(w.document()->review().issues.size(), 8);
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
