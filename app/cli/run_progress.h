#pragma once
// The lines `reviewbench run` prints on standard error about each agent.

#include "agents/agent_process.h"
#include "model/agent_run.h"

#include <QString>

namespace rb::cli {

QString formatElapsed(double seconds); // "0:07", "12:30", "1:02:03"
QString formatBytes(qint64 bytes);     // "812 B", "12.3 kB", "4.1 MB"

// "[claude] 1:23 running, 52000 tokens in, 900 out, 4 tool calls, 3 files read | Reading src/a.cpp"
// (an event-stream agent), "[custom] 1:23 running, 12.3 kB out, 1.0 kB err | last line" (others)
QString progressLine(const agents::AgentProgress &progress);
// "[claude] succeeded in 1:23: 12.3 kB of review, 2000 tokens in, 640 out, $0.19"
// "[codex] failed after 0:03: exited with code 1: quota exceeded"
QString finishedLine(const AgentRun &run);

} // namespace rb::cli
