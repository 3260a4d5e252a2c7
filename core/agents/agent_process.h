#pragma once
// One running agent: a QProcess in its own session (so that cancelling kills everything
// it started), with its timeout, its live output and, at the end, its AgentRun.

#include "agents/agent_launch.h"
#include "agents/stream_events.h"
#include "model/agent_run.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QTimer>

#include <optional>

namespace rb::agents {

enum class OutputChannel { Stdout, Stderr };

// A snapshot of a running (or finished) agent for progress displays.
struct AgentProgress {
    QString agentId;
    bool running = false;
    double elapsedSeconds = 0;
    qint64 stdoutBytes = 0;
    qint64 stderrBytes = 0;
    QString lastLine; // last non-empty line of either channel, at most 200 characters
    // From the agent's event stream (empty or absent for plain-text agents):
    QString activity;     // what it is doing now ("Reading src/a.cpp")
    QString lastProblem;  // the last retry or error it reported
    std::optional<qint64> inputTokens;
    std::optional<qint64> outputTokens;
    std::optional<double> costUsd;
    int toolCalls = 0;
    int filesRead = 0;
};

class AgentProcess : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultKillGraceMs = 3000;
    // Standard output beyond this is dropped and the run fails (the start is kept).
    static constexpr qint64 kDefaultMaxOutputBytes = qint64(256) * 1024 * 1024;

    explicit AgentProcess(AgentLaunch launch, QObject *parent = nullptr);
    ~AgentProcess() override;

    // Time between SIGTERM and SIGKILL to the process group when stopping the agent.
    void setKillGraceMs(int ms) { m_killGraceMs = ms; }
    void setMaxOutputBytes(qint64 bytes) { m_maxOutputBytes = bytes; }

    // Writes the prompt file if any, starts the program, feeds the prompt. A launch whose
    // program is not installed finishes (NotInstalled) inside start(); any other outcome,
    // including a failure to start, is reported by finished() from the event loop.
    void start();
    // Stops the agent: SIGTERM to everything it started (its process group, and the
    // processes that left it; agents/process_tree.h), SIGKILL after the grace period.
    void cancel();

    bool isRunning() const { return m_state == State::Running; }
    bool isFinished() const { return m_state == State::Finished; }
    const AgentLaunch &launch() const { return m_launch; }
    const AgentRun &run() const { return m_run; } // complete once finished() was emitted
    AgentProgress progress() const;

Q_SIGNALS:
    void started(const QString &agentId);
    void outputReceived(const QString &agentId, rb::agents::OutputChannel channel, const QByteArray &chunk);
    void finished(const QString &agentId);

private:
    enum class State { Idle, Running, Finished };
    enum class StopReason { None, Timeout, Cancel, OutputLimit };

    void readChannel(OutputChannel channel);
    void stop(StopReason reason);
    void signalGroup(int signal);
    void signalLeftovers(int signal);
    void onProcessFinished(int exitCode, QProcess::ExitStatus status);
    void onProcessError(QProcess::ProcessError error);
    void finishWithoutProcess(RunStatus status, const QString &reason);
    void complete();
    void rememberLastLine(const QByteArray &chunk);

    AgentLaunch m_launch;
    AgentRun m_run;
    QProcess m_process;
    QTimer m_timeout;
    QTimer m_kill;
    QElapsedTimer m_clock;
    State m_state = State::Idle;
    StopReason m_stopReason = StopReason::None;
    qint64 m_groupId = 0; // the agent's pid, which is its process group id (own session)
    QByteArray m_marker; // in the agent's environment; finds what it started
    std::optional<StreamEventReader> m_stream; // for event-stream envelopes
    QByteArray m_stdout;
    QByteArray m_stderrTail;
    qint64 m_stderrBytes = 0;
    QString m_lastLine;
    int m_killGraceMs = kDefaultKillGraceMs;
    qint64 m_maxOutputBytes = kDefaultMaxOutputBytes;
};

} // namespace rb::agents
