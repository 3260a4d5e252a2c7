#include "agents/agent_runner.h"

namespace rb::agents {

AgentRunner::AgentRunner(QObject *parent) : QObject(parent) {}

AgentRunner::~AgentRunner()
{
    qDeleteAll(m_agents); // kills whatever is still running
}

Status AgentRunner::start(const QList<AgentLaunch> &launches)
{
    if (isRunning())
        return Error::of(QStringLiteral("agents are already running"));
    if (launches.isEmpty())
        return Error::of(QStringLiteral("no agent to run"));
    for (qsizetype i = 0; i < launches.size(); ++i)
        for (qsizetype j = i + 1; j < launches.size(); ++j)
            if (launches[i].id == launches[j].id)
                return Error::of(QStringLiteral("agent \"%1\" is listed twice").arg(launches[i].id));
    qDeleteAll(m_agents);
    m_agents.clear();
    for (const AgentLaunch &launch : launches) {
        auto *agent = new AgentProcess(launch, this);
        agent->setKillGraceMs(m_killGraceMs);
        connect(agent, &AgentProcess::started, this, &AgentRunner::agentStarted);
        connect(agent, &AgentProcess::outputReceived, this, &AgentRunner::agentOutput);
        connect(agent, &AgentProcess::finished, this, &AgentRunner::onAgentFinished);
        m_agents << agent;
    }
    m_unfinished = int(m_agents.size());
    // Not-installed agents first, so that they are known before anything runs.
    for (AgentProcess *agent : std::as_const(m_agents))
        if (!agent->launch().installed())
            agent->start();
    for (AgentProcess *agent : std::as_const(m_agents))
        if (agent->launch().installed())
            agent->start();
    return Ok{};
}

void AgentRunner::cancel()
{
    for (AgentProcess *agent : std::as_const(m_agents))
        agent->cancel();
}

void AgentRunner::cancel(const QString &agentId)
{
    for (AgentProcess *agent : std::as_const(m_agents))
        if (agent->launch().id == agentId)
            agent->cancel();
}

bool AgentRunner::isRunning() const
{
    return m_unfinished > 0;
}

QList<AgentRun> AgentRunner::results() const
{
    QList<AgentRun> runs;
    for (const AgentProcess *agent : m_agents)
        runs << agent->run();
    return runs;
}

QList<AgentProgress> AgentRunner::progress() const
{
    QList<AgentProgress> list;
    for (const AgentProcess *agent : m_agents)
        list << agent->progress();
    return list;
}

void AgentRunner::onAgentFinished(const QString &agentId)
{
    for (const AgentProcess *agent : std::as_const(m_agents))
        if (agent->launch().id == agentId)
            Q_EMIT agentFinished(agent->run());
    // Queued, so that a run whose agents all finish inside start() (none installed) still
    // reports allFinished() to a caller that enters the event loop after start().
    if (--m_unfinished == 0)
        QMetaObject::invokeMethod(this, &AgentRunner::allFinished, Qt::QueuedConnection);
}

} // namespace rb::agents
