#include "cli/run_progress.h"

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

QString progressLine(const agents::AgentProgress &p)
{
    QString line = QStringLiteral("[%1] %2 running, %3 out, %4 err")
                       .arg(p.agentId, formatElapsed(p.elapsedSeconds), formatBytes(p.stdoutBytes),
                            formatBytes(p.stderrBytes));
    if (!p.lastLine.isEmpty())
        line += QStringLiteral(" | ") + p.lastLine.left(100);
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
    if (run.inputTokens)
        parts << QStringLiteral("%1 tokens in").arg(*run.inputTokens);
    if (run.outputTokens)
        parts << QStringLiteral("%1 out").arg(*run.outputTokens);
    if (run.costUsd)
        parts << QStringLiteral("$%1").arg(*run.costUsd, 0, 'f', 2);
    return QStringLiteral("[%1] succeeded in %2: %3").arg(run.id, elapsed, parts.join(QStringLiteral(", ")));
}

} // namespace rb::cli
