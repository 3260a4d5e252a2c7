#pragma once
// Running review agents on the open range: choose agents (built-in presets and the user's
// agents.json), set each one's timeout, start; a progress row per agent shows its status,
// elapsed time, output size and last line, with a live log and Cancel. Each finished run
// goes into the document at once (one undo step per agent), so the agent columns fill in
// while the others are still working.
//
// A modeless dialog rather than a dock: running agents is an occasional task with a setup
// step, and the reviewer keeps triaging in the window while it runs. Closing the dialog
// only hides it; the agents keep running and Ctrl+R shows it again.

#include "agents/agent_profile.h"
#include "session/review_session.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QTimer>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTemporaryDir;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace rb {
struct AgentRun;
}

namespace rb::agents {
class AgentRunner;
enum class OutputChannel;
}

namespace rb::ui {

class ReviewDocument;

class RunAgentsDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, TimeoutColumn, ElapsedColumn, OutputColumn, CancelColumn };

    // range: the repository and revisions the agents review; workdir: their checkout.
    // configPath: the user's agents.json (a missing file means presets only).
    RunAgentsDialog(ReviewDocument *document, const RangeRequest &range, const QString &workdir,
                    const QString &configPath, QWidget *parent = nullptr);
    ~RunAgentsDialog() override;

    bool isRunning() const;
    const RangeRequest &range() const { return m_range; }
    QTreeWidget *agentList() const { return m_list; }
    QTreeWidgetItem *rowOf(const QString &profileId) const;
    QString statusText(const QString &profileId) const;
    QString logOf(const QString &profileId) const;

public Q_SLOTS:
    // Starts the checked, installed agents; problems go to the message line.
    void start();
    void cancelAll();
    void cancelAgent(const QString &profileId);

Q_SIGNALS:
    void message(const QString &text);   // one line for the window's status bar
    void runFinished();                  // every started agent has finished

protected:
    void reject() override; // hides; running agents go on

private:
    struct Row;

    void loadProfiles(const QString &configPath);
    void addRow(const agents::AgentProfile &profile);
    Row *rowForRun(const QString &runId);
    Row *currentRow();
    void setRunning(bool running);
    void tick();
    void onStarted(const QString &runId);
    void onOutput(const QString &runId, agents::OutputChannel channel, const QByteArray &chunk);
    void onFinished(const AgentRun &run);
    void onAllFinished();
    void showCurrentLog();
    void setMessage(const QString &text, bool problem);
    void updateStartEnabled();

    ReviewDocument *m_document;
    RangeRequest m_range;
    QString m_workdir;
    QList<std::shared_ptr<Row>> m_rows;
    QTreeWidget *m_list = nullptr;
    QLabel *m_rangeLabel = nullptr;
    QLabel *m_messageLabel = nullptr;
    bool m_messageIsProblem = false;
    QPlainTextEdit *m_log = nullptr;
    QToolButton *m_logToggle = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_cancelAll = nullptr;
    QTimer m_ticker;
    std::unique_ptr<agents::AgentRunner> m_runner;
    std::unique_ptr<QTemporaryDir> m_workDir;
    bool m_discardResults = false; // another review was opened while agents ran
    QString m_runWarnings;         // prepareRun's warnings, kept on the message line to the end
};

} // namespace rb::ui
