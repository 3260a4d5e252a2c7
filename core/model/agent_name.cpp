#include "model/agent_name.h"

namespace rb {

QString agentShortName(const QString &displayName)
{
    const QString trimmed = displayName.trimmed();
    const qsizetype space = trimmed.indexOf(QLatin1Char(' '));
    return space > 0 ? trimmed.left(space) : trimmed;
}

QString agentShortName(const AgentRun &run)
{
    const QString name = agentShortName(run.name);
    return name.isEmpty() ? run.id : name;
}

} // namespace rb
