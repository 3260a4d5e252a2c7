// Never losing work, in the window (offscreen): autosave after edits and its removal on
// save, recovery after the window was killed with SIGKILL in the middle of its work, a
// second window opening the same file read-only, a review whose repository is not on this
// machine (Locate Repository…), and findings re-anchored when their lines moved.
// RB_SCREENSHOT_DIR=DIR writes the states as PNG files.
#include "demo/demo_review.h"
#include "document/document_guard.h"
#include "document/review_document.h"
#include "io/review_file.h"
#include "io/side_files.h"
#include "main_window.h"
#include "session/review_session.h"
#include "settings/app_settings.h"
#include "widgets/consolidation_pane.h"
#include "widgets/notice_bar.h"

#include <QApplication>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace rb;

namespace {
RawFinding *findingOf(Review &r, const QString &id)
{
    for (RawFinding &f : r.findings)
        if (f.id == id)
            return &f;
    return nullptr;
}

QString issueWithMember(const Review &r, const QString &findingId)
{
    for (const Issue &i : r.issues)
        if (i.members.contains(findingId))
            return i.id;
    return {};
}

void grabTo(QWidget &w, const char *name)
{
    if (const QByteArray dir = qgetenv("RB_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QApplication::processEvents();
        w.grab().save(QString::fromLocal8Bit(dir) + QLatin1Char('/') + QLatin1String(name));
    }
}
} // namespace

class TestWorkSafetyWindow : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    demo::DemoSetup m_demo;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        ui::AppSettings::useFile(m_dir.filePath(QStringLiteral("settings.ini")));
        QDir(m_dir.filePath(QStringLiteral("demo"))).removeRecursively();
        const auto setup = demo::prepareDemo(m_dir.filePath(QStringLiteral("demo")));
        QVERIFY2(setup.ok(), qPrintable(setup.ok() ? QString() : setup.error().message));
        m_demo = *setup;
    }

    void editsAreAutosavedAndASaveRemovesThem()
    {
        ui::MainWindow w;
        w.setInteractive(false);
        w.guard()->setAutosaveDelay(20);
        QVERIFY(w.openReviewFile(m_demo.reviewPath));
        const QString side = autosavePathFor(m_demo.reviewPath);
        QCOMPARE(w.guard()->autosavePath(), side);
        const QString issue = issueWithMember(w.document()->review(), QStringLiteral("claude:I1"));
        QVERIFY(w.document()->setTriage(issue, TriageState::Accepted));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(side), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(loadReviewFile(side).ok() ? int(loadReviewFile(side)->issue(issue)->triage) : -1,
                                  int(TriageState::Accepted), 5000);
        QVERIFY(loadReviewFile(m_demo.reviewPath)->issue(issue)->triage == TriageState::Open); // the file is as saved
        QVERIFY(w.document()->save().ok());
        QVERIFY(!QFile::exists(side));
        QVERIFY(QFile::exists(backupPathFor(m_demo.reviewPath)));
        QVERIFY(loadReviewFile(backupPathFor(m_demo.reviewPath))->issue(issue)->triage == TriageState::Open);
    }

    void aCleanExitLeavesNothingBehind()
    {
        const QString side = autosavePathFor(m_demo.reviewPath);
        {
            ui::MainWindow w;
            w.setInteractive(false);
            w.guard()->setAutosaveDelay(20);
            QVERIFY(w.openReviewFile(m_demo.reviewPath));
            QVERIFY(w.document()->setReviewText(ui::ReviewText::ExecutiveSummary, QStringLiteral("draft")));
            QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(side), 5000);
            QVERIFY(QFile::exists(lockPathFor(m_demo.reviewPath)));
        } // closed, changes discarded (non-interactive)
        QVERIFY(!QFile::exists(side));
        QVERIFY(!QFile::exists(lockPathFor(m_demo.reviewPath)));
    }

    void unsavedChangesSurviveKill9()
    {
        const QString issue = issueWithMember(*loadReviewFile(m_demo.reviewPath), QStringLiteral("claude:I1"));
        QProcess child;
        child.setProgram(QStringLiteral(RB_EDIT_AND_WAIT_BIN));
        child.setArguments({m_demo.reviewPath, issue, QStringLiteral("written before the crash")});
        child.start();
        QVERIFY(child.waitForStarted(10000));
        QByteArray said;
        while (!said.contains("autosaved") && child.waitForReadyRead(20000))
            said += child.readAllStandardOutput();
        QVERIFY2(said.contains("autosaved"), said.constData());
        child.kill();
        QVERIFY(child.waitForFinished(10000));
        QVERIFY(loadReviewFile(m_demo.reviewPath)->executiveSummary != QStringLiteral("written before the crash"));

        ui::MainWindow w;
        w.setInteractive(false);
        w.setRecoveryChoice(ui::MainWindow::RecoveryChoice::Recover);
        QSignalSpy found(w.guard(), &ui::DocumentGuard::recoveryFound);
        QVERIFY(w.openReviewFile(m_demo.reviewPath));
        QVERIFY(!w.document()->isReadOnly()); // the dead window's lock was taken over
        QTRY_COMPARE_WITH_TIMEOUT(found.count(), 1, 5000);
        QCOMPARE(w.document()->review().executiveSummary, QStringLiteral("written before the crash"));
        QVERIFY(w.document()->review().issue(issue)->triage == TriageState::Accepted);
        QVERIFY(w.document()->isModified());
        QVERIFY(w.isWindowModified());
        QVERIFY(w.document()->save().ok());
        QVERIFY(!QFile::exists(autosavePathFor(m_demo.reviewPath)));
        QCOMPARE(loadReviewFile(m_demo.reviewPath)->executiveSummary, QStringLiteral("written before the crash"));
    }

    void discardingARecoveryRemovesIt()
    {
        Review edited = *loadReviewFile(m_demo.reviewPath);
        edited.executiveSummary = QStringLiteral("left by a crash");
        QVERIFY(writeAutosave(edited, autosavePathFor(m_demo.reviewPath)).ok());
        ui::MainWindow w;
        w.setInteractive(false);
        w.setRecoveryChoice(ui::MainWindow::RecoveryChoice::Discard);
        QSignalSpy found(w.guard(), &ui::DocumentGuard::recoveryFound);
        QVERIFY(w.openReviewFile(m_demo.reviewPath));
        QTRY_COMPARE_WITH_TIMEOUT(found.count(), 1, 5000);
        QVERIFY(!QFile::exists(autosavePathFor(m_demo.reviewPath)));
        QVERIFY(!w.document()->isModified());
        QVERIFY(w.document()->review().executiveSummary != QStringLiteral("left by a crash"));
    }

    void anUntitledReviewLeftByACrashIsOffered()
    {
        Review lost = *loadReviewFile(m_demo.reviewPath);
        lost.executiveSummary = QStringLiteral("never saved anywhere");
        const QString orphan = newUntitledAutosavePath(); // no window holds its lock
        QVERIFY(writeAutosave(lost, orphan).ok());
        ui::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.recoverUntitledReview());
        QCOMPARE(w.document()->review().executiveSummary, QStringLiteral("never saved anywhere"));
        QVERIFY(w.document()->path().isEmpty());
        QVERIFY(w.document()->isModified());
        QVERIFY(!QFile::exists(orphan));
        QVERIFY(!w.recoverUntitledReview()); // offered once
    }

    void secondWindowOpensItReadOnly()
    {
        ui::MainWindow first;
        first.setInteractive(false);
        QVERIFY(first.openReviewFile(m_demo.reviewPath));
        QVERIFY(!first.document()->isReadOnly());
        QVERIFY(first.readOnlyBar()->isHidden());

        ui::MainWindow second;
        second.setInteractive(false);
        second.resize(1400, 900);
        second.show();
        QVERIFY(second.openReviewFile(m_demo.reviewPath));
        QVERIFY(second.document()->isReadOnly());
        QVERIFY(!second.readOnlyBar()->isHidden());
        QVERIFY2(second.readOnlyBar()->message().contains(QLatin1String("review.json is open in another window of this Reviewbench")),
                 qPrintable(second.readOnlyBar()->message()));
        QVERIFY(second.windowTitle().contains(QLatin1String("[read-only]")));
        const QString issue = issueWithMember(second.document()->review(), QStringLiteral("claude:I1"));
        QVERIFY(!second.document()->setTriage(issue, TriageState::Accepted)); // edits refused
        QVERIFY(!second.document()->save().ok());
        QVERIFY(second.guard()->autosavePath().isEmpty()); // never touches the writer's side file
        QTRY_VERIFY_WITH_TIMEOUT(second.session()->isOpen(), 10000);
        grabTo(second, "read-only.png");

        // The first window still writes normally.
        QVERIFY(first.document()->setTriage(issue, TriageState::Accepted));
        QVERIFY(first.document()->save().ok());
    }

    void missingRepositoryIsAskedFor()
    {
        Review r = *loadReviewFile(m_demo.reviewPath);
        r.metadata.repository = QStringLiteral("/home/someone-else/src/inventory");
        QVERIFY(saveReviewFile(r, m_demo.reviewPath).ok());

        ui::MainWindow w;
        w.setInteractive(false);
        w.resize(1400, 900);
        w.show();
        QVERIFY(w.openReviewFile(m_demo.reviewPath)); // opens, does not fail
        QVERIFY(!w.repositoryBar()->isHidden());
        QVERIFY2(w.repositoryBar()->message().contains(
                     QLatin1String("This review's repository, /home/someone-else/src/inventory, is not on this machine")),
                 qPrintable(w.repositoryBar()->message()));
        QVERIFY(w.repositoryBar()->findChild<QPushButton *>(QStringLiteral("locateRepository")));
        QVERIFY(!w.session()->isOpen());
        grabTo(w, "locate-repository.png");

        QVERIFY(!w.locateRepository(m_dir.path())); // not a repository: refused, said why
        QVERIFY(!w.lastError().isEmpty());
        QVERIFY(w.locateRepository(m_demo.repositoryPath));
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->isOpen(), 10000);
        QVERIFY(w.repositoryBar()->isHidden());
        QCOMPARE(w.document()->review().metadata.repository, QDir(m_demo.repositoryPath).canonicalPath());
        QVERIFY(w.document()->isModified());
    }

    void movedFindingsAreReanchoredAndLostOnesMarkedStale()
    {
        Review r = *loadReviewFile(m_demo.reviewPath);
        const QString issueId = issueWithMember(r, QStringLiteral("claude:I1"));
        RawFinding *moved = findingOf(r, QStringLiteral("claude:I1"));
        QVERIFY(moved && !moved->codeExcerpts.isEmpty());
        // The location as the excerpt's own lines (37-39 in the demo), recorded 7 lines
        // further down, as on a checkout with 7 more lines above.
        const QString stock = m_demo.repositoryPath + QStringLiteral("/inventory/stock.py");
        QFile f(stock);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        const int at = int(lines.indexOf(QByteArray("        for sku, quantity in items:"))) + 1;
        QVERIFY(at > 0);
        const Location reviewed{moved->locations.first().path, at, at + 2};
        moved->locations.first() = Location{reviewed.path, at + 7, at + 9};
        r.issue(issueId)->locations.first() = moved->locations.first();
        RawFinding *lost = findingOf(r, QStringLiteral("codex:I1"));
        QVERIFY(lost && !lost->locations.isEmpty());
        lost->codeExcerpts = {QStringLiteral("def code_that_was_rewritten_since():\n    pass")};
        QVERIFY(saveReviewFile(r, m_demo.reviewPath).ok());

        ui::MainWindow w;
        w.setInteractive(false);
        w.resize(1400, 900);
        w.show();
        QVERIFY(w.openReviewFile(m_demo.reviewPath));
        QTRY_VERIFY_WITH_TIMEOUT(w.document()->isModified(), 10000);
        const Review &now = w.document()->review();
        QCOMPARE(now.finding(QStringLiteral("claude:I1"))->locations.first().startLine, reviewed.startLine);
        QCOMPARE(now.finding(QStringLiteral("claude:I1"))->locations.first().movedFrom, reviewed.startLine + 7);
        QCOMPARE(now.issue(issueId)->locations.first().startLine, reviewed.startLine);
        QVERIFY(now.finding(QStringLiteral("codex:I1"))->locations.first().stale);
        QCOMPARE(now.findings.size(), r.findings.size()); // nothing dropped
        QVERIFY2(w.statusBar()->currentMessage().contains(QLatin1String("re-anchored")), qPrintable(w.statusBar()->currentMessage()));
        w.consolidationPane()->selectIssue(issueWithMember(now, QStringLiteral("codex:I1")));
        grabTo(w, "reanchored.png");
    }
};

QTEST_MAIN(TestWorkSafetyWindow)
#include "test_work_safety_window.moc"
