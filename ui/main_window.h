#pragma once
// The top-level window. It composes the workbench's parts and wires their signals; the
// logic lives in the parts (document, panes, actions), not here.

#include "io/autosave.h"
#include "session/review_session.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QDialog;
class QDockWidget;
class QMenu;

namespace KSyntaxHighlighting {
class Repository;
}

namespace rb::ui {

class AgentColumnsView;
class ConsolidationPane;
class DocumentGuard;
class NoticeBar;
class DiffPane;
class FilesPane;
class FixesPane;
class ReportPane;
class ReviewDocument;
class RunAgentsDialog;
class ReviewSession;
class TriageActions;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a review file; on failure shows the error and keeps what was open.
    bool openReviewFile(const QString &path);
    // Starts a new review of the range, after asking to save unsaved changes; on failure
    // shows the error and keeps what was open. Remembers the repository.
    bool openRange(const RangeRequest &request);
    // The repository and range dialog, prefilled with the request's non-empty fields.
    void showOpenRangeDialog(const RangeRequest &prefill = {});
    ReviewDocument *document() const { return m_document; }
    ConsolidationPane *consolidationPane() const { return m_consolidation; }
    AgentColumnsView *agentColumns() const { return m_agents; }
    DiffPane *diffPane() const { return m_diff; }
    FilesPane *filesPane() const { return m_files; }
    FixesPane *fixesPane() const { return m_fixes; }
    ReportPane *reportPane() const { return m_report; }
    ReviewSession *session() const { return m_session; }
    QAction *runAgentsAction() const { return m_runAgents; }
    QAction *preferencesAction() const { return m_preferences; }
    // Edit > Preferences… (Ctrl+,): appearance and agents (dialogs/preferences_dialog.h).
    void showPreferences();
    RunAgentsDialog *runAgentsDialog() const; // null until Run Agents was first shown
    // The agents.json that Run Agents reads (default: agents::defaultAgentConfigPath()).
    void setAgentConfigPath(const QString &path) { m_agentConfigPath = path; }

    // Whether message boxes are shown (false in tests: errors go to the status bar only).
    void setInteractive(bool interactive) { m_interactive = interactive; }

    // Unsaved changes a crashed window left: asked about when interactive; otherwise (tests)
    // this choice is taken.
    enum class RecoveryChoice { Recover, Discard };
    void setRecoveryChoice(RecoveryChoice choice) { m_recoveryChoice = choice; }
    DocumentGuard *guard() const { return m_guard; }
    NoticeBar *readOnlyBar() const { return m_readOnlyBar; }
    NoticeBar *repositoryBar() const { return m_repositoryBar; }
    // Where the review's repository is on this machine (Locate Repository…): checked, recorded
    // in the review and opened. False (with the reason shown) when it is not a repository.
    bool locateRepository(const QString &path);
    // At start, with nothing else to open: offers the unsaved state of an untitled review
    // whose window is gone (a crash). Returns whether one was recovered.
    bool recoverUntitledReview();
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void reviewOpened(const QString &path);
    // The open range dialog was created (tests drive it from here).
    void openRangeDialogShown(QDialog *dialog);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createDocks();
    QDockWidget *addDock(QWidget *widget, const QString &title, const QString &name, Qt::DockWidgetArea area);
    void openSessionForReview();
    void revealFinding(const QString &findingId);
    void updateTitle();
    void updateRecentMenu();
    void showError(const QString &title, const QString &message);
    bool save();
    bool saveAs();
    bool confirmDiscard();
    void showOpenDialog();
    void showRawReview(const QString &agentId, const QString &findingId);
    void chooseIssueForFinding(const QString &findingId);
    void onFindingSelected(const QString &findingId);
    void onIssueSelected(const QString &issueId);
    void showRunAgents();
    void updateRunAgentsAction();
    void offerRecovery(const Recovery &recovery);
    void showLocateRepositoryDialog();
    void reanchorOnOpenedRange();
    void updateReadOnlyBar();

    ReviewDocument *m_document;
    ReviewSession *m_session;
    std::unique_ptr<KSyntaxHighlighting::Repository> m_syntax;
    ConsolidationPane *m_consolidation = nullptr;
    DiffPane *m_diff = nullptr;
    FilesPane *m_files = nullptr;
    FixesPane *m_fixes = nullptr;
    ReportPane *m_report = nullptr;
    AgentColumnsView *m_agents = nullptr;
    TriageActions *m_triage = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_runAgents = nullptr;
    QAction *m_preferences = nullptr;
    QPointer<RunAgentsDialog> m_runDialog;
    QString m_agentConfigPath;
    bool m_interactive = true;
    QString m_lastError;
    DocumentGuard *m_guard = nullptr;
    NoticeBar *m_readOnlyBar = nullptr;
    NoticeBar *m_repositoryBar = nullptr;
    QString m_locatedRepository; // chosen with Locate Repository… for the open review
    RecoveryChoice m_recoveryChoice = RecoveryChoice::Recover;
};

} // namespace rb::ui
