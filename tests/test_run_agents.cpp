// Run Agents in the workbench under the offscreen platform: the real dialog drives fake agent
// executables (tests/agents/fake-agent) configured through a user agents.json. One agent
// prints a Markdown review, one fails, one hangs until cancelled; each finished run flows
// into the document and its column, and every run is one undo step.
#include "dialogs/run_agents_dialog.h"
#include "dialogs/shortcuts_dialog.h"
#include "document/review_document.h"
#include "edit/add_agent_run.h"
#include "edit/issue_edits.h"
#include "git_fixture.h"
#include "io/review_file.h"
#include "main_window.h"
#include "session/review_session.h"
#include "settings/app_settings.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

using namespace rb;

namespace {

const QString kFakeAgent = QStringLiteral(RB_FAKE_AGENT);

// What a first agent already said about the change (the fast fake agent says it too).
const char *kAlphaReview = R"(## Important Issues
I1. **Config reload drops the last watcher** — `watch/reload.go:3` (important, regression)

The loop stops one short, so the last watcher is never restarted.
)";

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

} // namespace

class TestRunAgents : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    test::GitFixture m_repo;

    // A review of main...feature in m_repo, consolidated from agent "alpha" and triaged.
    QString writeReview(const QString &name, bool workingTree = false, bool withRepository = true)
    {
        Review review;
        if (withRepository)
            review.metadata.repository = m_repo.path();
        review.metadata.base = QStringLiteral("main");
        review.metadata.head = QStringLiteral("feature");
        review.metadata.workingTree = workingTree;
        AgentRun alpha;
        alpha.id = QStringLiteral("alpha");
        alpha.name = QStringLiteral("Alpha");
        alpha.status = RunStatus::Succeeded;
        alpha.rawOutput = QString::fromUtf8(kAlphaReview);
        if (!edit::addAgentRun(review, alpha).ok() || review.issues.size() != 1)
            return {};
        review.issues[0].triage = TriageState::Accepted;
        review.issues[0].notes = QStringLiteral("checked by hand");
        const QString path = m_dir.filePath(name);
        return saveReviewFile(review, path).ok() ? path : QString();
    }

    QString writeConfig()
    {
        QByteArray agents = R"({"version": 1, "agents": [
            {"id": "claude", "enabled": false}, {"id": "codex", "enabled": false},
            {"id": "gemini", "enabled": false}, {"id": "custom", "enabled": false},
            {"id": "fast", "name": "Fast", "command": ["FAKE", "finding"]},
            {"id": "broken", "name": "Broken", "command": ["FAKE", "exit-code", "3"]},
            {"id": "stuck", "name": "Stuck", "command": ["FAKE", "hang", "PIDFILE"]},
            {"id": "gone", "name": "Gone", "command": ["reviewbench-no-such-agent"]}
        ]})";
        agents.replace("FAKE", kFakeAgent.toUtf8());
        agents.replace("PIDFILE", m_dir.filePath(QStringLiteral("stuck.pid")).toUtf8());
        const QString path = m_dir.filePath(QStringLiteral("agents.json"));
        return writeFile(path, agents) ? path : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        ui::AppSettings::useFile(m_dir.filePath(QStringLiteral("settings.ini")));
        QVERIFY2(m_repo.ok(), qPrintable(m_repo.error()));
        const QString base = m_repo.commit({{"watch/reload.go", {"package watch\n\nfunc reload() {}\n"}}},
                                           QStringLiteral("Add reload"), {}, QStringLiteral("refs/heads/main"));
        QVERIFY(!base.isEmpty());
        const QString head = m_repo.commit({{"watch/reload.go", {"package watch\n\nfunc reload() { stop() }\n"}}},
                                           QStringLiteral("Stop watchers on reload"), {base}, QStringLiteral("refs/heads/feature"));
        QVERIFY2(!head.isEmpty(), qPrintable(m_repo.error()));
        QVERIFY(m_repo.setHead(QStringLiteral("refs/heads/feature")));
        QVERIFY(m_repo.checkoutHead());
    }

    void actionNeedsARange_data()
    {
        QTest::addColumn<bool>("withRepository");
        QTest::addColumn<bool>("workingTree");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<QString>("tooltip");
        QTest::newRow("range") << true << false << true << "Run review agents on";
        QTest::newRow("no repository") << false << false << false << "needs the review's repository and range";
        QTest::newRow("working tree") << true << true << false << "not uncommitted working-tree changes";
    }
    void actionNeedsARange()
    {
        QFETCH(bool, withRepository);
        QFETCH(bool, workingTree);
        QFETCH(bool, enabled);
        QFETCH(QString, tooltip);
        const QString path = writeReview(QStringLiteral("range-%1.json").arg(QTest::currentDataTag()), workingTree, withRepository);
        QVERIFY(!path.isEmpty());
        ui::MainWindow w;
        w.setInteractive(false);
        QVERIFY(!w.runAgentsAction()->isEnabled()); // nothing open yet
        QSignalSpy opened(w.session(), &ui::ReviewSession::opened);
        QSignalSpy failed(w.session(), &ui::ReviewSession::failed);
        QVERIFY(w.openReviewFile(path));
        if (withRepository)
            QTRY_VERIFY_WITH_TIMEOUT(opened.count() + failed.count() > 0, 10000);
        QCOMPARE(w.runAgentsAction()->isEnabled(), enabled);
        QVERIFY2(w.runAgentsAction()->toolTip().contains(tooltip), qPrintable(w.runAgentsAction()->toolTip()));
        QCOMPARE(w.runAgentsAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
        // The shortcuts dialog lists it.
        ui::ShortcutsDialog shortcuts(&w);
        auto *list = shortcuts.findChild<QTreeWidget *>();
        QVERIFY(list);
        QCOMPARE(list->findItems(QStringLiteral("Run Agents"), Qt::MatchExactly).size(), 1);
        QCOMPARE(list->findItems(QStringLiteral("Run Agents"), Qt::MatchExactly).value(0)->text(1),
                 QKeySequence(Qt::CTRL | Qt::Key_R).toString(QKeySequence::NativeText));
    }

    void runsFakeAgentsIntoTheDocument()
    {
        const QString path = writeReview(QStringLiteral("review.json"));
        const QString config = writeConfig();
        QVERIFY(!path.isEmpty() && !config.isEmpty());
        ui::MainWindow w;
        w.setInteractive(false);
        w.setAgentConfigPath(config);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openReviewFile(path));
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->isOpen(), 10000);
        const Review original = w.document()->review();

        QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier);
        ui::RunAgentsDialog *dialog = w.runAgentsDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());

        // Every configured agent is listed; the one whose program is missing says so before anything starts.
        for (const char *id : {"claude", "codex", "gemini", "custom", "fast", "broken", "stuck", "gone"})
            QVERIFY2(dialog->rowOf(QLatin1String(id)), id);
        QCOMPARE(dialog->rowOf(QStringLiteral("fast"))->checkState(0), Qt::Checked);
        QCOMPARE(dialog->rowOf(QStringLiteral("codex"))->checkState(0), Qt::Unchecked);
        QCOMPARE(dialog->rowOf(QStringLiteral("gone"))->checkState(0), Qt::Unchecked);
        QVERIFY(!(dialog->rowOf(QStringLiteral("gone"))->flags() & Qt::ItemIsUserCheckable));
        QCOMPARE(dialog->statusText(QStringLiteral("gone")), QStringLiteral("not installed: reviewbench-no-such-agent not found"));
        QCOMPARE(dialog->statusText(QStringLiteral("fast")), QStringLiteral("ready"));
        auto *timeout = dialog->findChild<QSpinBox *>(QStringLiteral("timeout_stuck"));
        QVERIFY(timeout);
        QCOMPARE(timeout->value(), 1800);
        timeout->setValue(120);

        QSignalSpy added(w.document(), &ui::ReviewDocument::agentsChanged);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("startAgents")), Qt::LeftButton);
        QVERIFY(dialog->isRunning());
        QVERIFY(!(dialog->rowOf(QStringLiteral("fast"))->flags() & Qt::ItemIsUserCheckable));

        // The fast and the failing agent arrive while the stuck one still runs.
        QTRY_VERIFY_WITH_TIMEOUT(w.document()->review().agent(QStringLiteral("fast"))
                                     && w.document()->review().agent(QStringLiteral("broken")),
                                 20000);
        QCOMPARE(added.count(), 2);
        QVERIFY(dialog->isRunning());
        QCOMPARE(dialog->statusText(QStringLiteral("stuck")), QStringLiteral("running"));
        QCOMPARE(dialog->statusText(QStringLiteral("fast")), QStringLiteral("done: 1 finding"));
        QVERIFY2(dialog->statusText(QStringLiteral("broken")).startsWith(QLatin1String("failed: ")),
                 qPrintable(dialog->statusText(QStringLiteral("broken"))));

        const Review &r = w.document()->review();
        QVERIFY(r.agent(QStringLiteral("fast"))->status == RunStatus::Succeeded);
        QVERIFY(r.agent(QStringLiteral("broken"))->status == RunStatus::Failed);
        QVERIFY2(r.agent(QStringLiteral("broken"))->failureReason.contains(QLatin1String("3")),
                 qPrintable(r.agent(QStringLiteral("broken"))->failureReason));
        QVERIFY(r.agent(QStringLiteral("broken"))->rawOutput.contains(QLatin1String("partial review")));
        // The fast agent's finding joined the issue the first agent raised; the human's triage stayed.
        QCOMPARE(r.issues.size(), 1);
        QCOMPARE(r.issues[0].members, (QStringList{QStringLiteral("alpha:I1"), QStringLiteral("fast:I1")}));
        QVERIFY(r.issues[0].triage == TriageState::Accepted);
        QCOMPARE(r.issues[0].notes, QStringLiteral("checked by hand"));
        // Their columns are there, the failed one with its failure.
        auto *fastColumn = w.findChild<QListView *>(QStringLiteral("agentFindings_fast"));
        QVERIFY(fastColumn);
        QCOMPARE(fastColumn->model()->rowCount(), 1);
        QVERIFY(w.findChild<QWidget *>(QStringLiteral("agentColumn_broken")));

        // The hanging agent's output shows in its live log; cancelling it stops it.
        QTRY_VERIFY_WITH_TIMEOUT(dialog->logOf(QStringLiteral("stuck")).contains(QLatin1String("thinking")), 10000);
        dialog->agentList()->setCurrentItem(dialog->rowOf(QStringLiteral("stuck")));
        dialog->findChild<QToolButton *>(QStringLiteral("logToggle"))->setChecked(true);
        QVERIFY(dialog->findChild<QPlainTextEdit *>(QStringLiteral("agentLog"))->toPlainText().contains(QLatin1String("thinking")));
        if (const QByteArray dir = qgetenv("RB_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTest::qWait(2100); // let the elapsed time tick
            QVERIFY(dialog->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/run-agents.png")));
        }
        QTest::mouseClick(dialog->findChild<QToolButton *>(QStringLiteral("cancel_stuck")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 20000);
        QVERIFY(r.agent(QStringLiteral("stuck"))->status == RunStatus::Cancelled);
        QCOMPARE(dialog->statusText(QStringLiteral("stuck")), QStringLiteral("cancelled"));
        QVERIFY(w.findChild<QWidget *>(QStringLiteral("agentColumn_stuck")));

        // One undo step per agent: undo removes the last run and its column.
        QCOMPARE(w.document()->undoStack()->count(), 3);
        w.findChild<QAction *>(QStringLiteral("undo"))->trigger();
        QVERIFY(!w.document()->review().agent(QStringLiteral("stuck")));
        QVERIFY(!w.findChild<QWidget *>(QStringLiteral("agentColumn_stuck")));
        QCOMPARE(w.document()->review().agents.size(), 3);
        while (w.document()->undoStack()->canUndo())
            w.document()->undoStack()->undo();
        QVERIFY(w.document()->review() == original);
        QVERIFY(!w.findChild<QListView *>(QStringLiteral("agentFindings_fast")));
        while (w.document()->undoStack()->canRedo())
            w.document()->undoStack()->redo();

        // The saved file keeps every run.
        const QString saved = m_dir.filePath(QStringLiteral("saved.json"));
        QVERIFY(w.document()->saveAs(saved).ok());
        const auto reloaded = loadReviewFile(saved);
        QVERIFY(reloaded.ok());
        QStringList ids;
        for (const AgentRun &a : reloaded->agents)
            ids << a.id;
        QCOMPARE(ids.size(), 4);
        QVERIFY(ids.contains(QStringLiteral("stuck")) && ids.contains(QStringLiteral("fast")) && ids.contains(QStringLiteral("broken")));

        // Running again gives the repeated agent a new id instead of replacing its run.
        for (const char *id : {"broken", "stuck"})
            dialog->rowOf(QLatin1String(id))->setCheckState(0, Qt::Unchecked);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("startAgents")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 20000);
        QVERIFY(w.document()->review().agent(QStringLiteral("fast-2")));
        QCOMPARE(w.document()->review().issues[0].members.size(), 3);
    }

    // The dialog warns, as `reviewbench run` does, when the working tree is not at the
    // reviewed commit (workflows/run_workflow.h); the agents still run.
    void warnsWhenTheReviewedCommitIsNotCheckedOut()
    {
        QVERIFY(m_repo.setHead(QStringLiteral("refs/heads/main")));
        QVERIFY(m_repo.checkoutHead());
        const QString path = writeReview(QStringLiteral("elsewhere.json"));
        const QString config = writeConfig();
        ui::MainWindow w;
        w.setInteractive(false);
        w.setAgentConfigPath(config);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openReviewFile(path));
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->isOpen(), 10000);
        w.runAgentsAction()->trigger();
        ui::RunAgentsDialog *dialog = w.runAgentsDialog();
        QVERIFY(dialog);
        for (const char *id : {"broken", "stuck"})
            dialog->rowOf(QLatin1String(id))->setCheckState(0, Qt::Unchecked);
        dialog->start();
        auto *label = dialog->findChild<QLabel *>(QStringLiteral("runMessage"));
        QVERIFY(label);
        QVERIFY2(label->text().contains(QLatin1String("Warning: the working tree of")) && label->text().contains(QLatin1String("is not at feature")),
                 qPrintable(label->text()));
        if (const QByteArray dir = qgetenv("RB_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTest::qWait(100); // the message line is laid out
            QVERIFY(dialog->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/run-agents-warning.png")));
        }
        // Still there when the run is over.
        QTRY_VERIFY_WITH_TIMEOUT(label->text().startsWith(QLatin1String("Finished: 1 run added")), 20000);
        QVERIFY2(label->text().contains(QLatin1String("Warning: the working tree of")), qPrintable(label->text()));
        QVERIFY(w.document()->review().agent(QStringLiteral("fast")));
        if (const QByteArray dir = qgetenv("RB_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTest::qWait(100);
            QVERIFY(dialog->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/run-agents-warning-finished.png")));
        }
        QVERIFY(m_repo.setHead(QStringLiteral("refs/heads/feature")));
        QVERIFY(m_repo.checkoutHead());
    }
};

QTEST_MAIN(TestRunAgents)
#include "test_run_agents.moc"
