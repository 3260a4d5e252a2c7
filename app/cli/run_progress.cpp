#include "cli/run_progress.h"

#include <QStringList>

namespace rb::cli {

QString formatElapsed(double seconds)
{
    const qint64 total = qint64(seconds);
    const qint64 h = total / 3600, m = (total / 60) % 60, s = total % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString formatBytes(qint64 bytes)
{
    if (bytes < 1000)
        return QStringLiteral("%1 B").arg(bytes);
    if (bytes < 1000 * 1000)
        return QStringLiteral("%1 kB").arg(bytes / 1000.0, 0, 'f', 1);
    return QStringLiteral("%1 MB").arg(bytes / 1e6, 0, 'f', 1);
}

namespace {
QString usageSummary(std::optional<qint64> in, std::optional<qint64> out, std::optional<double> cost)
{
    QStringList parts;
    if (in)
        parts << QStringLiteral("%1 tokens in").arg(*in);
    if (out)
        parts << QStringLiteral("%1 out").arg(*out);
    if (cost)
        parts << QStringLiteral("$%1").arg(*cost, 0, 'f', 2);
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString progressLine(const agents::AgentProgress &p)
{
    // An agent with an event stream says what it is doing; any other shows its byte counts
    // and its last line of output.
    const bool streamed = !p.activity.isEmpty() || p.inputTokens || p.toolCalls > 0;
    QString line = streamed ? QStringLiteral("[%1] %2 running").arg(p.agentId, formatElapsed(p.elapsedSeconds))
                            : QStringLiteral("[%1] %2 running, %3 out, %4 err")
                                  .arg(p.agentId, formatElapsed(p.elapsedSeconds), formatBytes(p.stdoutBytes),
                                       formatBytes(p.stderrBytes));
    if (streamed) {
        const QString usage = usageSummary(p.inputTokens, p.outputTokens, p.costUsd);
        if (!usage.isEmpty())
            line += QStringLiteral(", ") + usage;
        if (p.toolCalls > 0)
            line += QStringLiteral(", %1 tool calls, %2 files read").arg(p.toolCalls).arg(p.filesRead);
        if (!p.activity.isEmpty())
            line += QStringLiteral(" | ") + p.activity.left(100);
        if (!p.lastProblem.isEmpty() && p.lastProblem != p.activity)
            line += QStringLiteral(" | ") + p.lastProblem.left(100);
    } else if (!p.lastLine.isEmpty()) {
        line += QStringLiteral(" | ") + p.lastLine.left(100);
    }
    return line;
}

QString finishedLine(const AgentRun &run)
{
    const QString elapsed = formatElapsed(run.durationSeconds.value_or(0));
    if (run.status == RunStatus::NotInstalled)
        return QStringLiteral("[%1] not installed: %2").arg(run.id, run.failureReason);
    if (run.status != RunStatus::Succeeded)
        return QStringLiteral("[%1] %2 after %3: %4").arg(run.id, toString(run.status), elapsed, run.failureReason);
    QStringList parts{QStringLiteral("%1 of review").arg(formatBytes(run.rawOutput.toUtf8().size()))};
    const QString usage = usageSummary(run.inputTokens, run.outputTokens, run.costUsd);
    if (!usage.isEmpty())
        parts << usage;
    if (run.toolCalls)
        parts << QStringLiteral("%1 tool calls").arg(*run.toolCalls);
    return QStringLiteral("[%1] succeeded in %2: %3").arg(run.id, elapsed, parts.join(QStringLiteral(", ")));
}

} // namespace rb::cli
