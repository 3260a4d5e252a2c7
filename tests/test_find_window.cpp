// Finding things in the window, on the demo: Ctrl+F in the diff (as you type, F3 / Shift+F3,
// case and whole words, matches in collapsed lines, Escape), the file tree's filter and the
// issue search, and all of them in the shortcuts dialog.
#include "demo/demo_review.h"
#include "diff/diff_view.h"
#include "dialogs/shortcuts_dialog.h"
#include "document/review_document.h"
#include "main_window.h"
#include "search/issue_search.h"
#include "session/review_session.h"
#include "settings/app_settings.h"
#include "widgets/consolidation_pane.h"
#include "widgets/diff_pane.h"
#include "widgets/files_pane.h"
#include "widgets/find_bar.h"
#include "models/issue_tree_model.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

using namespace rb;

class TestFindWindow : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    demo::DemoSetup m_demo;

    bool open(ui::MainWindow &w)
    {
        w.setInteractive(false);
        w.resize(1440, 900);
        w.show();
        if (!w.openReviewFile(m_demo.reviewPath))
            return false;
        QElapsedTimer t;
        t.start();
        while (!w.session()->isOpen() && t.elapsed() < 10000)
            QTest::qWait(20);
        return w.session()->isOpen() && QTest::qWaitForWindowExposed(&w);
    }

private Q_SLOTS:
    void initTestCase()
    {
        ui::AppSettings::useFile(m_dir.filePath(QStringLiteral("settings.ini")));
        const auto setup = demo::prepareDemo(m_dir.filePath(QStringLiteral("demo")));
        QVERIFY2(setup.ok(), qPrintable(setup.ok() ? QString() : setup.error().message));
        m_demo = *setup;
    }

    void findInDiffStepsThroughMatches()
    {
        ui::MainWindow w;
        QVERIFY(open(w));
        ui::DiffPane *pane = w.diffPane();
        ui::DiffView *view = pane->view();
        ui::FindBar *bar = pane->findBar();
        QVERIFY(bar->isHidden());
        pane->findAction()->trigger();
        QVERIFY(!bar->isHidden());
        QTRY_VERIFY(bar->field()->hasFocus());
        QTest::keyClicks(bar->field(), QStringLiteral("e"));
        const int total = int(view->matches().size());
        QVERIFY2(total > 2, qPrintable(QString::number(total)));
        QVERIFY(view->currentMatch() >= 0); // found as typed
        auto *count = bar->findChild<QLabel *>(QStringLiteral("findCount"));
        QCOMPARE(count->text(), QStringLiteral("%1 of %2").arg(view->currentMatch() + 1).arg(total));
        const int first = view->currentMatch();
        QTest::keyClick(bar->field(), Qt::Key_Return);
        QCOMPARE(view->currentMatch(), (first + 1) % total);
        pane->findNextAction()->trigger(); // F3
        QCOMPARE(view->currentMatch(), (first + 2) % total);
        pane->findPreviousAction()->trigger(); // Shift+F3
        pane->findPreviousAction()->trigger();
        QCOMPARE(view->currentMatch(), first);
        // The current match is on screen.
        const ui::DiffMatch &m = view->matches()[view->currentMatch()];
        QVERIFY(!m.hidden);
        QVERIFY(m.row >= view->firstVisibleRow() && m.row < view->firstVisibleRow() + view->visibleRowCount());

        // Switching to side by side keeps the current match.
        const ui::DiffMatch before = view->matches()[view->currentMatch()];
        pane->toggleModeAction()->trigger();
        QVERIFY(view->currentMatch() >= 0);
        QCOMPARE(view->matches()[view->currentMatch()].line, before.line);
        QCOMPARE(view->matches()[view->currentMatch()].start, before.start);
        pane->toggleModeAction()->trigger();

        // Escape closes the bar and the highlights go; Ctrl+F brings them back.
        QTest::keyClick(bar->field(), Qt::Key_Escape);
        QVERIFY(bar->isHidden());
        QVERIFY(view->matches().isEmpty());
        pane->findAction()->trigger();
        QCOMPARE(int(view->matches().size()), total);
    }

    void caseAndWholeWordsNarrowTheMatches()
    {
        ui::MainWindow w;
        QVERIFY(open(w));
        ui::DiffPane *pane = w.diffPane();
        ui::FindBar *bar = pane->findBar();
        pane->findAction()->trigger();
        bar->field()->setText(QStringLiteral("E"));
        const auto any = pane->view()->matches().size();
        bar->findChild<QToolButton *>(QStringLiteral("findMatchCase"))->setChecked(true);
        const auto upper = pane->view()->matches().size();
        QVERIFY2(upper < any, qPrintable(QStringLiteral("%1 %2").arg(upper).arg(any)));
        bar->findChild<QToolButton *>(QStringLiteral("findMatchCase"))->setChecked(false);
        bar->findChild<QToolButton *>(QStringLiteral("findWholeWords"))->setChecked(true);
        QVERIFY(pane->view()->matches().size() < any); // "e" alone is rarely a word
        bar->field()->setText(QStringLiteral("no such text anywhere"));
        QVERIFY(pane->view()->matches().isEmpty());
        QCOMPARE(bar->findChild<QLabel *>(QStringLiteral("findCount"))->text(), QStringLiteral("No matches"));
    }

    void stepsIntoCollapsedLines()
    {
        ui::MainWindow w;
        QVERIFY(open(w));
        ui::DiffPane *pane = w.diffPane();
        ui::DiffView *view = pane->view();
        pane->findAction()->trigger();
        pane->findBar()->field()->setText(QStringLiteral("e"));
        // A file with a match in its folded unchanged lines (the find text stays as files change).
        int hidden = -1;
        for (int file = 0; file < w.session()->diff().fileCount() && hidden < 0; ++file) {
            pane->showFile(file);
            for (int i = 0; i < view->matches().size() && hidden < 0; ++i)
                if (view->matches()[i].hidden)
                    hidden = i;
        }
        QVERIFY2(hidden >= 0, "a demo file has unchanged lines folded away");
        const auto total = view->matches().size();
        QCOMPARE(view->currentMatch(), -1); // a new file: no current match until a step
        const ui::DiffMatch target = view->matches()[hidden];
        const int rowsBefore = view->rowCount();
        for (int i = 0; i <= hidden; ++i)
            pane->findNextAction()->trigger();
        QCOMPARE(view->currentMatch(), hidden);
        // Stepping onto it opened its gap; the match is the same place, now shown.
        const ui::DiffMatch &now = view->matches()[view->currentMatch()];
        QVERIFY(!now.hidden);
        QCOMPARE(now.line, target.line);
        QVERIFY(view->rowCount() > rowsBefore);
        QCOMPARE(view->matches().size(), total);
    }

    void filesFilterBySubstringAndGlob()
    {
        ui::MainWindow w;
        QVERIFY(open(w));
        ui::FilesPane *files = w.filesPane();
        auto *count = files->findChild<QLabel *>(QStringLiteral("fileFilterCount"));
        const int total = w.session()->diff().fileCount();
        QCOMPARE(files->shownFileCount(), total);
        QCOMPARE(count->text(), QStringLiteral("%1 files").arg(total));
        int python = 0;
        for (const git::FileDiff &f : w.session()->diff().files())
            python += f.path().endsWith(QStringLiteral(".py"));
        QVERIFY(python > 0 && python < total);
        files->filterField()->setText(QStringLiteral("*.py"));
        QCOMPARE(files->shownFileCount(), python);
        QCOMPARE(count->text(), QStringLiteral("%1 of %2 files").arg(python).arg(total));
        files->filterField()->setText(QStringLiteral("PY"));
        QVERIFY(files->shownFileCount() >= python);
        files->filterField()->setText(QStringLiteral("zzzz"));
        QCOMPARE(files->shownFileCount(), 0);
        files->filterField()->clear();
        QCOMPARE(files->shownFileCount(), total);
    }

    void issueSearchHidesTheRest()
    {
        ui::MainWindow w;
        QVERIFY(open(w));
        ui::ConsolidationPane *pane = w.consolidationPane();
        const Review &review = w.document()->review();
        QVERIFY(review.issues.size() > 2);
        // A word of one finding's title that not every issue has.
        const QString word = review.findings.first().title.section(QLatin1Char(' '), 0, 0);
        const QStringList expected = ui::findIssues(review, word);
        QVERIFY(!expected.isEmpty() && expected.size() < review.issues.size());
        pane->searchField()->setText(word);
        const QStringList found = pane->foundIssueIds();
        QCOMPARE(QSet<QString>(found.begin(), found.end()), QSet<QString>(expected.begin(), expected.end()));
        auto *tree = pane->findChild<QTreeView *>(QStringLiteral("issueTree"));
        int shown = 0;
        const QAbstractItemModel *model = tree->model();
        for (int s = 0; s < model->rowCount(); ++s)
            for (int r = 0; r < model->rowCount(model->index(s, 0)); ++r)
                shown += !tree->isRowHidden(r, model->index(s, 0)) && !tree->isRowHidden(s, {});
        QCOMPARE(shown, expected.size());
        // J / K go through what was found only.
        pane->selectIssue(pane->foundIssueIds().first());
        pane->selectNextIssue(1);
        QVERIFY(expected.contains(pane->currentIssueId()));
        // An edit keeps the search applied.
        QVERIFY(w.document()->setIssueText(expected.first(), ui::TextField::Notes, QStringLiteral("zebra crossing")));
        pane->searchField()->setText(QStringLiteral("zebra"));
        QCOMPARE(pane->foundIssueIds(), QStringList{expected.first()});
        pane->searchField()->clear();
        QCOMPARE(pane->foundIssueIds().size(), review.issues.size());
    }

    void shortcutsDialogListsTheSearches()
    {
        ui::MainWindow w;
        ui::ShortcutsDialog dialog(&w);
        auto *list = dialog.findChild<QTreeWidget *>();
        QStringList rows;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            rows << list->topLevelItem(i)->text(0) + QLatin1Char('=') + list->topLevelItem(i)->text(1);
        for (const QString &expected : {QStringLiteral("Find in Diff=Ctrl+F"), QStringLiteral("Find Next=F3"),
                                        QStringLiteral("Find Previous=Shift+F3"), QStringLiteral("Filter Files=Ctrl+Alt+F"),
                                        QStringLiteral("Search Issues and Findings=Ctrl+Shift+F")})
            QVERIFY2(rows.contains(expected), qPrintable(rows.join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(TestFindWindow)
#include "test_find_window.moc"
