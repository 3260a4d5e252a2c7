#pragma once
// Finding every process an agent started, also those that left its session and process
// group (`setsid`, a daemon's double fork) and those whose parent died. Without cgroups:
// each agent runs with a marker variable of its own in its environment, which every
// descendant inherits and which /proc/PID/environ shows; descendants still attached to the
// agent are found through their parent ids as well (a process that cleared its environment
// is found that way while its parent lives). Linux /proc; elsewhere only the group is used.

#include <QByteArray>
#include <QList>

#include <sys/types.h>

namespace rb::agents {

// The environment variable that carries the marker.
inline constexpr char kAgentMarkerVariable[] = "REVIEWBENCH_AGENT_RUN";

// A fresh marker value (random, 32 hex digits).
QByteArray newAgentMarker();

// The processes, other than this one, whose environment holds kAgentMarkerVariable=marker,
// together with every descendant of root (when root > 0) by parent id.
QList<pid_t> agentProcesses(pid_t root, const QByteArray &marker);

// Sends signal to root's process group, to root and to every process agentProcesses finds.
// Returns how many processes it signalled besides the group.
int signalAgentProcesses(pid_t root, const QByteArray &marker, int signal);

} // namespace rb::agents
