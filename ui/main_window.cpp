#include "main_window.h"

#include "actions/triage_actions.h"
#include "agents/agent_config.h"
#include "dialogs/open_range_dialog.h"
#include "dialogs/preferences_dialog.h"
#include "dialogs/raw_review_dialog.h"
#include "dialogs/run_agents_dialog.h"
#include "dialogs/shortcuts_dialog.h"
#include "document/document_guard.h"
#include "document/review_document.h"
#include "git/repository.h"
#include "io/review_file.h"
#include "io/side_files.h"
#include "edit/issue_edits.h"
#include "models/issue_tree_model.h"
#include "settings/app_settings.h"
#include "version.h"
#include "session/new_review.h"
#include "session/review_session.h"
#include "widgets/agent_columns_view.h"
#include "widgets/diff_pane.h"
#include "widgets/files_pane.h"
#include "widgets/fixes_pane.h"
#include "widgets/notice_bar.h"
#include "widgets/report_pane.h"
#include "widgets/retro_pane.h"
#include "diff/diff_view.h"
#include "widgets/consolidation_pane.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>
#include <QStatusBar>
#include <QUndoStack>

#include <KSyntaxHighlighting/Repository>

#include <utility>

namespace rb::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_document(new ReviewDocument(this)), m_session(new ReviewSession(this)),
      m_syntax(std::make_unique<KSyntaxHighlighting::Repository>()),
      m_agentConfigPath(agents::defaultAgentConfigPath())
{
    setObjectName(QStringLiteral("mainWindow"));
    m_diff = new DiffPane(m_session, m_document, m_syntax.get(), this);
    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    m_readOnlyBar = new NoticeBar(QStringLiteral("readOnlyBar"), central);
    m_repositoryBar = new NoticeBar(QStringLiteral("repositoryBar"), central);
    connect(m_repositoryBar->addButton(tr("Locate Repository…"), QStringLiteral("locateRepository")), &QPushButton::clicked, this,
            &MainWindow::showLocateRepositoryDialog);
    column->addWidget(m_readOnlyBar);
    column->addWidget(m_repositoryBar);
    column->addWidget(m_diff, 1);
    setCentralWidget(central);
    createDocks();
    createActions();

    m_guard = new DocumentGuard(m_document, this);
    connect(m_guard, &DocumentGuard::recoveryFound, this, &MainWindow::offerRecovery);
    connect(m_guard, &DocumentGuard::recoveryUnreadable, this,
            [this](const QString &m) { showError(tr("Cannot recover unsaved changes"), m); });
    connect(m_guard, &DocumentGuard::autosaveFailed, this,
            [this](const QString &m) { statusBar()->showMessage(tr("Autosave failed: %1").arg(m), 15000); });
    connect(m_document, &ReviewDocument::readOnlyChanged, this, &MainWindow::updateReadOnlyBar);
    connect(m_document, &ReviewDocument::readOnlyChanged, this, &MainWindow::updateTitle);
    connect(m_session, &ReviewSession::opened, this, &MainWindow::reanchorOnOpenedRange);

    connect(m_document, &ReviewDocument::reviewReset, this, &MainWindow::openSessionForReview);
    connect(m_files, &FilesPane::fileSelected, m_diff, &DiffPane::showFile);
    connect(m_diff, &DiffPane::fileShown, m_files, &FilesPane::selectFile);
    connect(m_diff, &DiffPane::findingClicked, this, [this](const QString &findingId) {
        onFindingSelected(findingId);
        m_agents->selectFinding(findingId);
    });
    connect(m_session, &ReviewSession::failed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Diff unavailable: %1").arg(message), 15000);
    });
    connect(m_document, &ReviewDocument::reviewReset, this, &MainWindow::updateRunAgentsAction);
    connect(m_session, &ReviewSession::opened, this, &MainWindow::updateRunAgentsAction);
    connect(m_session, &ReviewSession::failed, this, &MainWindow::updateRunAgentsAction);
    connect(m_document, &ReviewDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ReviewDocument::pathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ReviewDocument::reviewReset, this, &MainWindow::updateTitle);
    connect(m_agents, &AgentColumnsView::findingSelected, this, &MainWindow::onFindingSelected);
    connect(m_agents, &AgentColumnsView::rawReviewRequested, this, &MainWindow::showRawReview);
    connect(m_consolidation, &ConsolidationPane::currentIssueChanged, this, &MainWindow::onIssueSelected);
    connect(m_consolidation, &ConsolidationPane::findingSelected, m_agents, &AgentColumnsView::selectFinding);
    connect(m_consolidation, &ConsolidationPane::moveFindingRequested, this, &MainWindow::chooseIssueForFinding);
    connect(m_consolidation, &ConsolidationPane::editFailed, this,
            [this](const QString &m) { showError(tr("Cannot do that"), m); });
    connect(m_triage, &TriageActions::editFailed, this, [this](const QString &m) { showError(tr("Cannot do that"), m); });
    connect(m_triage, &TriageActions::moveFindingRequested, this, &MainWindow::chooseIssueForFinding);

    updateRunAgentsAction();
    resize(1440, 900);
    restoreGeometry(AppSettings::windowGeometry());
    restoreState(AppSettings::windowState());
    updateTitle();
    statusBar()->showMessage(tr("Open a review file (Ctrl+O) or a repository (Ctrl+Shift+O) to start. F1 lists the keyboard shortcuts."));
}

MainWindow::~MainWindow() = default;

QDockWidget *MainWindow::addDock(QWidget *widget, const QString &title, const QString &name, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setWidget(widget);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createDocks()
{
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    m_files = new FilesPane(m_session, m_document, this);
    m_consolidation = new ConsolidationPane(m_document, this);
    m_agents = new AgentColumnsView(m_document, this);
    m_agents->setObjectName(QStringLiteral("agentColumns"));
    m_fixes = new FixesPane(m_session, m_document, this);
    m_consolidation->addPage(m_fixes, tr("Fixes"));
    m_consolidation->addPage(new RetroPane(m_document, this), tr("Retro"));
    m_report = new ReportPane(m_document, this);
    QDockWidget *files = addDock(m_files, tr("Files && Commits"), QStringLiteral("filesDock"), Qt::LeftDockWidgetArea);
    QDockWidget *consolidation =
        addDock(m_consolidation, tr("Consolidation"), QStringLiteral("consolidationDock"), Qt::RightDockWidgetArea);
    QDockWidget *agents = addDock(m_agents, tr("Agents"), QStringLiteral("agentsDock"), Qt::BottomDockWidgetArea);
    QDockWidget *report = addDock(m_report, tr("Report"), QStringLiteral("reportDock"), Qt::RightDockWidgetArea);
    tabifyDockWidget(consolidation, report);
    consolidation->raise();
    resizeDocks({files, consolidation}, {300, 720}, Qt::Horizontal);
    resizeDocks({agents}, {300}, Qt::Vertical);
}

void MainWindow::openSessionForReview()
{
    Review forRequest = m_document->review();
    if (!m_locatedRepository.isEmpty())
        forRequest.metadata.repository = m_locatedRepository;
    const QString recorded = forRequest.metadata.repository;
    const auto request = ReviewSession::requestFor(forRequest);
    if (!request) {
        m_session->close();
        if (!recorded.isEmpty() && !QFileInfo(recorded).isDir()) {
            m_repositoryBar->showMessage(tr("This review's repository, %1, is not on this machine. Locate it to see the diff "
                                            "and apply fixes; the findings and the consolidation work without it.")
                                             .arg(recorded));
            m_diff->view()->showMessage(tr("The repository %1 is not on this machine: use Locate Repository… above.").arg(recorded));
        } else {
            if (recorded.isEmpty())
                m_repositoryBar->showMessage(tr("This review names no repository. Locate it to see the diff and apply fixes."));
            m_diff->view()->showMessage(
                tr("This review names no repository on this machine, so there is no diff to show. "
                   "Its findings and the consolidation work without it."));
        }
        return;
    }
    m_repositoryBar->hide();
    m_diff->view()->showMessage(tr("Opening %1…").arg(request->repositoryPath));
    m_session->open(*request);
}

void MainWindow::showLocateRepositoryDialog()
{
    const QString start = QFileInfo(m_document->path()).absolutePath();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Locate the Review's Repository"), start);
    if (!dir.isEmpty())
        locateRepository(dir);
}

bool MainWindow::locateRepository(const QString &path)
{
    const auto repo = git::Repository::open(path);
    if (!repo) {
        showError(tr("Not a repository"), repo.error().message);
        return false;
    }
    const QString root = repo->isBare() ? repo->gitDir() : repo->workdir();
    m_locatedRepository = root;
    // Recorded in the review (a save keeps it), unless another window writes the file.
    m_document->setRepositoryPath(root);
    statusBar()->showMessage(tr("Repository located: %1").arg(root), 10000);
    openSessionForReview();
    return true;
}

void MainWindow::reanchorOnOpenedRange()
{
    if (!m_session->isOpen())
        return;
    const git::RangeDiff &diff = m_session->diff();
    const auto reader = [&diff](const QString &path) {
        anchor::FileLines out;
        const int i = diff.indexOf(path);
        if (i < 0)
            return out; // not in the range: unchanged since the review's base, nothing to check
        if (diff.files()[i].status == git::FileStatus::Deleted) {
            out.state = anchor::FileLines::Gone;
            return out;
        }
        const auto text = diff.newText(i);
        if (!text)
            return out;
        out.state = anchor::FileLines::Present;
        out.lines = text->split('\n');
        if (!out.lines.isEmpty() && out.lines.last().isEmpty())
            out.lines.removeLast();
        for (QByteArray &l : out.lines)
            if (l.endsWith('\r'))
                l.chop(1);
        return out;
    };
    const anchor::ReviewReanchoring r = m_document->reanchor(reader);
    m_document->giveFingerprints(reader);
    if (r.changed())
        statusBar()->showMessage(tr("Findings re-anchored on the code as it is now: %1 moved, %2 stale (kept, marked stale)")
                                     .arg(r.moved)
                                     .arg(r.stale),
                                 15000);
}

void MainWindow::updateReadOnlyBar()
{
    if (m_document->isReadOnly())
        m_readOnlyBar->showMessage(tr("%1. Edits and fixes are off; Save As writes a copy.").arg(m_document->readOnlyReason()));
    else
        m_readOnlyBar->hide();
}

void MainWindow::offerRecovery(const Recovery &recovery)
{
    const QString name = m_document->path().isEmpty() ? tr("An untitled review") : QFileInfo(m_document->path()).fileName();
    RecoveryChoice choice = m_recoveryChoice;
    if (m_interactive) {
        QMessageBox box(QMessageBox::Question, tr("Recover Unsaved Changes"),
                        tr("%1 has changes from %2 that were never saved: Reviewbench did not close cleanly.\n\n"
                           "Recover them (then save to keep them), or discard them?")
                            .arg(name, recovery.savedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
                        QMessageBox::NoButton, this);
        QPushButton *recover = box.addButton(tr("Recover"), QMessageBox::AcceptRole);
        box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
        box.setDefaultButton(recover);
        box.exec();
        choice = box.clickedButton() == recover ? RecoveryChoice::Recover : RecoveryChoice::Discard;
    }
    if (choice == RecoveryChoice::Discard) {
        removeAutosave(recovery.autosavePath);
        statusBar()->showMessage(tr("Unsaved changes from %1 discarded").arg(recovery.savedAt.toString()), 10000);
        return;
    }
    m_document->adoptRecovered(recovery.review);
    statusBar()->showMessage(tr("Recovered the unsaved changes from %1; save to keep them")
                                 .arg(recovery.savedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
                             15000);
}

bool MainWindow::recoverUntitledReview()
{
    for (const QString &orphan : orphanedUntitledAutosaves()) {
        if (orphan == m_guard->autosavePath())
            continue;
        auto loaded = loadReviewFile(orphan);
        if (!loaded) {
            showError(tr("Cannot recover unsaved changes"), loaded.error().message);
            continue;
        }
        const Recovery recovery{orphan, QFileInfo(orphan).lastModified(), std::move(loaded).value()};
        offerRecovery(recovery);
        // Recovered into this window's own slot, or discarded: the orphan has done its part.
        removeAutosave(orphan);
        QFile::remove(lockPathFor(orphan));
        return m_document->isModified();
    }
    return false;
}

void MainWindow::revealFinding(const QString &findingId)
{
    const RawFinding *f = m_document->review().finding(findingId);
    if (!f)
        return;
    for (const Location &l : f->locations)
        if (m_diff->revealLocation(l.path, l.startLine))
            return;
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Review File…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    QAction *openRepository = file->addAction(tr("Open Re&pository…"), this, [this] { showOpenRangeDialog(); });
    openRepository->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openRepository->setObjectName(QStringLiteral("openRepository"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QAction *saveAction = file->addAction(tr("&Save"), this, &MainWindow::save);
    saveAction->setShortcut(QKeySequence::Save);
    QAction *saveAsAction = file->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    file->addAction(m_report->exportAction());
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    updateRecentMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("undo"));
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redo->setObjectName(QStringLiteral("redo"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(m_diff->findAction());
    edit->addAction(m_diff->findNextAction());
    edit->addAction(m_diff->findPreviousAction());
    const auto raiseDockOf = [](QWidget *pane) {
        if (auto *dock = qobject_cast<QDockWidget *>(pane->parentWidget())) {
            dock->show();
            dock->raise();
        }
    };
    QAction *filterFiles = edit->addAction(tr("Filter Files…"), this, [this, raiseDockOf] {
        raiseDockOf(m_files);
        m_files->focusFilter();
    });
    filterFiles->setObjectName(QStringLiteral("filterFiles"));
    filterFiles->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_F));
    QAction *searchIssues = edit->addAction(tr("Search Issues and Findings…"), this, [this, raiseDockOf] {
        raiseDockOf(m_consolidation);
        m_consolidation->focusSearch();
    });
    searchIssues->setObjectName(QStringLiteral("searchIssues"));
    searchIssues->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    edit->addSeparator();
    m_preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    m_preferences->setObjectName(QStringLiteral("preferences"));
    m_preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_preferences->setMenuRole(QAction::PreferencesRole);

    QMenu *triage = menuBar()->addMenu(tr("&Triage"));
    m_triage = new TriageActions(m_document, m_consolidation, this);
    m_triage->addTo(triage);

    QMenu *agentsMenu = menuBar()->addMenu(tr("&Agents"));
    agentsMenu->setToolTipsVisible(true);
    m_runAgents = agentsMenu->addAction(tr("&Run Agents…"), this, &MainWindow::showRunAgents);
    m_runAgents->setObjectName(QStringLiteral("runAgents"));
    m_runAgents->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    addAction(m_runAgents);

    QMenu *fixes = menuBar()->addMenu(tr("Fi&xes"));
    for (QAction *a : m_fixes->actions()) {
        fixes->addAction(a);
        addAction(a);
    }
    connect(m_report, &ReportPane::message, this, [this](const QString &m) { statusBar()->showMessage(m, 10000); });
    connect(m_fixes, &FixesPane::message, this, [this](const QString &m) { statusBar()->showMessage(m, 10000); });
    connect(m_consolidation, &ConsolidationPane::currentIssueChanged, m_fixes, &FixesPane::setIssue);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(m_diff->toggleModeAction());
    m_viewMenu->addAction(m_diff->expandAllAction());
    m_viewMenu->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        m_viewMenu->addAction(dock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, [this] { ShortcutsDialog(this).exec(); });
    shortcuts->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About Reviewbench"), this, [this] {
        QMessageBox::about(this, tr("About Reviewbench"),
                           tr("Reviewbench %1\nA workbench for consolidating multi-agent code reviews.")
                               .arg(QStringLiteral(REVIEWBENCH_VERSION)));
    });
}

void MainWindow::updateRunAgentsAction()
{
    const bool running = m_runDialog && m_runDialog->isRunning();
    QString why;
    if (m_session->request().workingTree)
        why = tr("Run Agents reviews a range of commits, not uncommitted working-tree changes");
    else if (!m_session->isOpen())
        why = tr("Run Agents needs the review's repository and range: open a review whose repository is on this machine");
    m_runAgents->setEnabled(why.isEmpty() || running);
    m_runAgents->setToolTip(why.isEmpty() ? tr("Run review agents on %1…%2 (Ctrl+R)")
                                                .arg(m_session->request().base, m_session->request().head)
                                          : why);
    m_runAgents->setStatusTip(m_runAgents->toolTip());
}

RunAgentsDialog *MainWindow::runAgentsDialog() const
{
    return m_runDialog.data();
}

void MainWindow::showRunAgents()
{
    const RangeRequest &range = m_session->request();
    const bool sameRange = m_runDialog && m_runDialog->range().repositoryPath == range.repositoryPath
        && m_runDialog->range().base == range.base && m_runDialog->range().head == range.head;
    if (m_runDialog && !sameRange && !m_runDialog->isRunning()) {
        delete m_runDialog;
    }
    if (!m_runDialog) {
        if (!m_session->isOpen())
            return;
        m_runDialog = new RunAgentsDialog(m_document, range, m_session->workdir(), m_agentConfigPath, this);
        connect(m_runDialog, &RunAgentsDialog::message, this, [this](const QString &m) { statusBar()->showMessage(m, 10000); });
    }
    m_runDialog->show();
    m_runDialog->raise();
    m_runDialog->activateWindow();
}

void MainWindow::updateTitle()
{
    const QString path = m_document->path();
    const QString name = path.isEmpty() ? (m_document->review().metadata.title.isEmpty() ? tr("Untitled review")
                                                                                          : m_document->review().metadata.title)
                                        : QFileInfo(path).fileName();
    setWindowTitle(QStringLiteral("%1[*]%2 — Reviewbench").arg(name, m_document->isReadOnly() ? tr(" [read-only]") : QString()));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = AppSettings::recentFiles();
    for (const QString &path : recent)
        m_recentMenu->addAction(path, this, [this, path] {
            if (confirmDiscard())
                openReviewFile(path);
        });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::showError(const QString &title, const QString &message)
{
    m_lastError = message;
    statusBar()->showMessage(message, 10000);
    if (m_interactive)
        QMessageBox::warning(this, title, message);
}

void MainWindow::showOpenDialog()
{
    if (!confirmDiscard())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Review File"), QString(),
                                                      tr("Review files (*.json);;All files (*)"));
    if (!path.isEmpty())
        openReviewFile(path);
}

bool MainWindow::openReviewFile(const QString &path)
{
    const QString located = std::exchange(m_locatedRepository, QString()); // belongs to the review open so far
    const Status loaded = m_document->load(QFileInfo(path).absoluteFilePath());
    if (!loaded) {
        m_locatedRepository = located;
        showError(tr("Cannot open review file"), loaded.error().message);
        return false;
    }
    AppSettings::addRecentFile(m_document->path());
    updateRecentMenu();
    statusBar()->showMessage(tr("Opened %1: %2 issues from %3 agents")
                                 .arg(QFileInfo(path).fileName())
                                 .arg(m_document->review().issues.size())
                                 .arg(m_document->review().agents.size()),
                             8000);
    Q_EMIT reviewOpened(m_document->path());
    return true;
}

void MainWindow::showOpenRangeDialog(const RangeRequest &prefill)
{
    OpenRangeDialog dialog(this);
    if (!prefill.repositoryPath.isEmpty())
        dialog.setRepositoryPath(prefill.repositoryPath);
    if (!prefill.base.isEmpty() || !prefill.head.isEmpty())
        dialog.setRange(prefill.base, prefill.head);
    dialog.setWorkingTree(prefill.workingTree);
    Q_EMIT openRangeDialogShown(&dialog);
    if (dialog.exec() == QDialog::Accepted)
        openRange(dialog.request());
}

bool MainWindow::openRange(const RangeRequest &request)
{
    if (!confirmDiscard())
        return false;
    const auto resolved = resolveRequest(request);
    if (!resolved) {
        showError(tr("Cannot open the range"), resolved.error().message);
        return false;
    }
    m_locatedRepository.clear();
    m_document->reset(newReview(*resolved, QDateTime::currentDateTime()));
    AppSettings::addRecentRepository(resolved->repository);
    statusBar()->showMessage(tr("New review of %1 in %2").arg(
                                 resolved->range.workingTree ? tr("the working tree")
                                                             : resolved->range.base + QStringLiteral("...") + resolved->range.head,
                                 resolved->repository),
                             8000);
    return true;
}

bool MainWindow::save()
{
    if (m_document->path().isEmpty())
        return saveAs();
    const Status saved = m_document->save();
    if (!saved) {
        showError(tr("Cannot save"), saved.error().message);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(m_document->path()), 5000);
    return true;
}

bool MainWindow::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Review File"), m_document->path(),
                                                      tr("Review files (*.json)"));
    if (path.isEmpty())
        return false;
    const Status saved = m_document->saveAs(path);
    if (!saved) {
        showError(tr("Cannot save"), saved.error().message);
        return false;
    }
    AppSettings::addRecentFile(path);
    updateRecentMenu();
    return true;
}

bool MainWindow::confirmDiscard()
{
    if (!m_document->isModified() || !m_interactive)
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                              tr("The review has unsaved changes. Save them first?"),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmDiscard()) {
        event->ignore();
        return;
    }
    AppSettings::setWindowGeometry(saveGeometry());
    AppSettings::setWindowState(saveState());
    event->accept();
}

void MainWindow::showRawReview(const QString &agentId, const QString &findingId)
{
    const Review &review = m_document->review();
    const AgentRun *agent = review.agent(agentId);
    if (!agent)
        return;
    const RawFinding *finding = review.finding(findingId);
    RawReviewDialog dialog(*agent, finding ? finding->span : SourceSpan{}, this);
    dialog.exec();
}

void MainWindow::chooseIssueForFinding(const QString &findingId)
{
    const Review &review = m_document->review();
    const Issue *current = edit::issueOfFinding(review, findingId);
    QStringList labels;
    QStringList ids;
    for (const QString &id : m_consolidation->issueModel()->issueOrder()) {
        if (current && id == current->id)
            continue;
        const QString number = m_consolidation->issueModel()->numberOf(id);
        labels << (number.isEmpty() ? QString() : number + QStringLiteral(". ")) + review.issue(id)->title;
        ids << id;
    }
    if (ids.isEmpty())
        return;
    bool ok = false;
    const QString choice = QInputDialog::getItem(this, tr("Move Finding"), tr("Move the finding to:"), labels, 0, false, &ok);
    if (!ok)
        return;
    const Status moved = m_document->moveFinding(findingId, ids[labels.indexOf(choice)]);
    if (!moved)
        showError(tr("Cannot move the finding"), moved.error().message);
}

void MainWindow::onFindingSelected(const QString &findingId)
{
    const Issue *issue = edit::issueOfFinding(m_document->review(), findingId);
    if (issue)
        m_consolidation->selectIssue(issue->id);
    revealFinding(findingId);
}

void MainWindow::onIssueSelected(const QString &issueId)
{
    const Issue *issue = m_document->review().issue(issueId);
    const QStringList members = issue ? issue->members : QStringList();
    m_agents->highlightFindings(QSet<QString>(members.begin(), members.end()));
    if (!issue)
        return;
    for (const Location &l : issue->locations)
        if (m_diff->revealLocation(l.path, l.startLine))
            return;
    for (const QString &m : members)
        if (const RawFinding *f = m_document->review().finding(m); f && !f->locations.isEmpty()) {
            revealFinding(m);
            return;
        }
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_agentConfigPath, this);
    dialog.exec();
}

} // namespace rb::ui
