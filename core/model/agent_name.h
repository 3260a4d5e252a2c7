#pragma once
// The names an agent goes by. The report's reviewer badges and prose, the consolidation's
// drafted notes and the window's "Found by" column all use these, so an agent is called the
// same everywhere.

#include "model/agent_run.h"

#include <QString>

namespace rb {

// The short name agents go by in prose: the first word of the display name
// ("Claude Opus 4.6" -> "Claude"); the whole name when it is one word.
QString agentShortName(const QString &displayName);
// The run's short name; its id when it has no display name.
QString agentShortName(const AgentRun &run);

} // namespace rb
