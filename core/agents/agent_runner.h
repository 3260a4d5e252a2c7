#pragma once
// Runs several agents in parallel on the event loop (QProcess is asynchronous; no threads).
// Each agent has its own timeout; one agent failing, hanging or printing garbage never
// affects the others' results.

#include "agents/agent_launch.h"
#include "agents/agent_process.h"
#include "model/agent_run.h"

#include <QList>
#include <QObject>

namespace rb::agents {

class AgentRunner : public QObject {
    Q_OBJECT
public:
    explicit AgentRunner(QObject *parent = nullptr);
    ~AgentRunner() override;

    void setKillGraceMs(int ms) { m_killGraceMs = ms; }

    // Starts every launch. Launches whose program is not installed are reported
    // (agentFinished with status NotInstalled, emitted inside this call) before any process
    // starts. Refused while a run is going on.
    Status start(const QList<AgentLaunch> &launches);
    // Cancels every running agent; each one's process group is terminated.
    void cancel();
    void cancel(const QString &agentId);

    bool isRunning() const;
    // Every launch's run, in launch order; complete once allFinished() was emitted.
    QList<AgentRun> results() const;
    QList<AgentProgress> progress() const;

Q_SIGNALS:
    void agentStarted(const QString &agentId);
    void agentOutput(const QString &agentId, rb::agents::OutputChannel channel, const QByteArray &chunk);
    void agentFinished(const rb::AgentRun &run);
    void allFinished();

private:
    void onAgentFinished(const QString &agentId);

    QList<AgentProcess *> m_agents;
    int m_unfinished = 0;
    int m_killGraceMs = AgentProcess::kDefaultKillGraceMs;
};

} // namespace rb::agents
