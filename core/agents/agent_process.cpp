#include "agents/agent_process.h"

#include "agents/output_envelope.h"
#include "agents/process_tree.h"
#include "util/terminal_text.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <csignal>
#include <limits>
#include <sys/types.h>

namespace rb::agents {

namespace {
constexpr qsizetype kStderrTailBytes = 64 * 1024;
constexpr qsizetype kLastLineChars = 200;

QString lastLineOf(const QByteArray &bytes)
{
    qsizetype end = bytes.size();
    while (end > 0) {
        const qsizetype start = bytes.lastIndexOf('\n', end - 1) + 1;
        const QString line = withoutTerminalControls(QString::fromUtf8(bytes.mid(start, end - start))).trimmed();
        if (!line.isEmpty())
            return line.left(kLastLineChars);
        end = start - 1;
    }
    return {};
}

// A line of standard error that can explain a failure: not a warning, a stack frame, a
// fragment of a JSON object or a line without words. Of those, the last one that says
// something went wrong; else the last one.
QString reasonFromStderr(const QByteArray &tail)
{
    static const QRegularExpression noise(
        QStringLiteral(R"(^(warning\b|warn\b|at\s|\[?debug\]?|[\[\]{}(),"'`]|\w+:\s*[\[{]?$|\d{4}-\d\d-\d\dT\S+\s+(warn|info|debug|trace)\b))"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression words(QStringLiteral(R"(\p{L}{2,}.*\p{L}{2,})"));
    static const QRegularExpression wrong(
        QStringLiteral(R"(\b(error|errors|failed|failure|invalid|unauthori[sz]ed|forbidden|denied|not|must|missing|cannot|can't|refused|expired|quota|unable|no such)\b)"),
        QRegularExpression::CaseInsensitiveOption);
    QString last, lastWrong;
    for (const QByteArray &raw : tail.split('\n')) {
        const QString line = withoutTerminalControls(QString::fromUtf8(raw)).simplified();
        if (line.isEmpty() || noise.match(line).hasMatch() || !words.match(line).hasMatch())
            continue;
        last = line;
        if (wrong.match(line).hasMatch())
            lastWrong = line;
    }
    return (lastWrong.isEmpty() ? last : lastWrong).left(kLastLineChars);
}

bool isBlank(const QString &s)
{
    return std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c.isSpace(); });
}

QString seconds(double s)
{
    return QString::number(s, 'f', s < 10 ? 1 : 0);
}
} // namespace

AgentProcess::AgentProcess(AgentLaunch launch, QObject *parent)
    : QObject(parent), m_launch(std::move(launch))
{
    m_run.id = m_launch.id;
    m_run.name = m_launch.name;
    m_run.model = m_launch.model;
    m_run.command = m_launch.commandLine();
    m_run.format = m_launch.reviewFormat == ReviewFormat::FindingsJson ? RawFormat::Json : RawFormat::Markdown;
    m_marker = newAgentMarker();
    if (isEventStream(m_launch.output))
        m_stream.emplace(m_launch.output);
    m_timeout.setSingleShot(true);
    m_kill.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { stop(StopReason::Timeout); });
    connect(&m_kill, &QTimer::timeout, this, [this] {
        signalGroup(SIGKILL);
        m_process.kill();
    });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] { readChannel(OutputChannel::Stdout); });
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] { readChannel(OutputChannel::Stderr); });
    connect(&m_process, &QProcess::finished, this, &AgentProcess::onProcessFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &AgentProcess::onProcessError);
    connect(&m_process, &QProcess::started, this, [this] { Q_EMIT started(m_launch.id); });
}

AgentProcess::~AgentProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.disconnect(this);
        signalGroup(SIGKILL);
        m_process.kill();
        m_process.waitForFinished(2000);
    }
    if (m_state != State::Idle)
        signalLeftovers(SIGKILL);
}

void AgentProcess::start()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Running;
    m_run.started = QDateTime::currentDateTimeUtc();
    m_clock.start();
    if (!m_launch.installed()) {
        m_run.status = RunStatus::NotInstalled;
        m_run.failureReason = m_launch.program.contains(QLatin1Char('/'))
            ? QStringLiteral("%1 does not exist or is not executable").arg(m_launch.program)
            : QStringLiteral("%1 is not installed (not found on PATH)").arg(m_launch.program);
        m_run.finished = m_run.started;
        m_run.durationSeconds = 0.0;
        complete(); // at once: nothing ran
        return;
    }
    if (!m_launch.promptFile.isEmpty()) {
        QSaveFile file(m_launch.promptFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(m_launch.prompt) != m_launch.prompt.size() || !file.commit()) {
            finishWithoutProcess(RunStatus::Failed, QStringLiteral("cannot write the prompt file %1: %2")
                                                        .arg(m_launch.promptFile, file.errorString()));
            return;
        }
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = m_launch.environment.cbegin(); it != m_launch.environment.cend(); ++it)
        env.insert(it.key(), it.value());
    env.insert(QLatin1String(kAgentMarkerVariable), QString::fromLatin1(m_marker));
    m_process.setProcessEnvironment(env);
    m_process.setProgram(m_launch.executable);
    m_process.setArguments(m_launch.arguments);
    m_process.setWorkingDirectory(m_launch.workingDirectory);
    // Its own session, hence its own process group: stopping the agent signals the group,
    // which reaches everything it started. Ctrl-C in our terminal does not reach it.
    m_process.setUnixProcessParameters(QProcess::UnixProcessFlag::CreateNewSession
                                       | QProcess::UnixProcessFlag::ResetSignalHandlers
                                       | QProcess::UnixProcessFlag::CloseFileDescriptors);
    m_process.start(QIODevice::ReadWrite);
    if (m_process.state() == QProcess::NotRunning)
        return; // failed to start; onProcessError finished the run
    m_groupId = m_process.processId();
    if (m_launch.promptFile.isEmpty())
        m_process.write(m_launch.prompt);
    m_process.closeWriteChannel();
    const qint64 timeoutMs = qint64(m_launch.timeoutSeconds) * 1000;
    m_timeout.start(int(std::min<qint64>(timeoutMs, std::numeric_limits<int>::max())));
}

void AgentProcess::cancel()
{
    stop(StopReason::Cancel);
}

void AgentProcess::stop(StopReason reason)
{
    if (m_state != State::Running || m_stopReason != StopReason::None || m_groupId <= 0)
        return;
    m_stopReason = reason;
    m_timeout.stop();
    signalGroup(SIGTERM);
    m_kill.start(m_killGraceMs);
}

// While the agent runs: its group, its descendants and every process with its marker.
void AgentProcess::signalGroup(int signal)
{
    if (m_groupId > 0 && m_process.state() != QProcess::NotRunning)
        signalAgentProcesses(pid_t(m_groupId), m_marker, signal);
    else
        signalLeftovers(signal);
}

// Once the agent has exited (its pid may be reused): only the processes with its marker.
void AgentProcess::signalLeftovers(int signal)
{
    signalAgentProcesses(0, m_marker, signal);
}

void AgentProcess::readChannel(OutputChannel channel)
{
    const QByteArray chunk = channel == OutputChannel::Stdout ? m_process.readAllStandardOutput()
                                                              : m_process.readAllStandardError();
    if (chunk.isEmpty())
        return;
    if (channel == OutputChannel::Stdout) {
        if (m_stdout.size() + chunk.size() > m_maxOutputBytes) {
            m_stdout.append(chunk.left(m_maxOutputBytes - m_stdout.size()));
            stop(StopReason::OutputLimit);
        } else {
            m_stdout.append(chunk);
        }
        if (m_stream)
            m_stream->feed(chunk);
    } else {
        m_stderrBytes += chunk.size();
        m_stderrTail.append(chunk);
        if (m_stderrTail.size() > kStderrTailBytes)
            m_stderrTail.remove(0, m_stderrTail.size() - kStderrTailBytes);
    }
    // An event stream's lines are JSON; what it says is in progress().activity instead.
    if (channel == OutputChannel::Stderr || !m_stream)
        rememberLastLine(chunk);
    Q_EMIT outputReceived(m_launch.id, channel, chunk);
}

void AgentProcess::rememberLastLine(const QByteArray &chunk)
{
    const QString line = lastLineOf(chunk);
    if (!line.isEmpty())
        m_lastLine = line;
}

AgentProgress AgentProcess::progress() const
{
    AgentProgress p;
    p.agentId = m_launch.id;
    p.running = m_state == State::Running;
    p.elapsedSeconds = m_run.durationSeconds.value_or(m_clock.isValid() ? m_clock.elapsed() / 1000.0 : 0.0);
    p.stdoutBytes = m_stdout.size();
    p.stderrBytes = m_stderrBytes;
    p.lastLine = m_lastLine;
    if (m_stream) {
        const StreamState &st = m_stream->state();
        p.activity = withoutTerminalControls(st.activity);
        p.lastProblem = withoutTerminalControls(st.lastProblem);
        p.inputTokens = st.inputTokens;
        p.outputTokens = st.outputTokens;
        p.costUsd = st.costUsd;
        p.toolCalls = st.toolCalls;
        p.filesRead = int(st.filesRead.size());
    }
    return p;
}

void AgentProcess::onProcessError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || m_state != State::Running)
        return; // other errors are followed by finished()
    finishWithoutProcess(RunStatus::Failed, QStringLiteral("could not start %1: %2")
                                                .arg(m_launch.executable, m_process.errorString()));
}

void AgentProcess::finishWithoutProcess(RunStatus status, const QString &reason)
{
    m_run.status = status;
    m_run.failureReason = reason;
    m_run.finished = QDateTime::currentDateTimeUtc();
    m_run.durationSeconds = m_clock.elapsed() / 1000.0;
    // finished() always comes from the event loop, so callers may connect after start().
    QMetaObject::invokeMethod(this, &AgentProcess::complete, Qt::QueuedConnection);
}

void AgentProcess::onProcessFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    if (m_state != State::Running)
        return;
    readChannel(OutputChannel::Stdout);
    readChannel(OutputChannel::Stderr);
    m_timeout.stop();
    m_kill.stop();
    signalLeftovers(SIGKILL); // whatever the agent left running, in its group or not
    if (m_stream)
        m_stream->finish();
    m_run.finished = QDateTime::currentDateTimeUtc();
    const double elapsed = m_clock.elapsed() / 1000.0;
    m_run.durationSeconds = elapsed;
    if (exitStatus == QProcess::NormalExit)
        m_run.exitCode = exitCode;

    const auto content = extractEnvelope(m_launch.output, m_stdout);
    if (content) {
        m_run.inputTokens = content->inputTokens;
        m_run.outputTokens = content->outputTokens;
        m_run.costUsd = content->costUsd;
        m_run.toolCalls = content->toolCalls;
        if (m_run.model.isEmpty())
            m_run.model = content->model;
    }
    const QString text = content ? content->text : QString();
    // Nothing the agent printed is lost: the review text, or the whole output when it
    // could not be understood.
    m_run.rawOutput = !isBlank(text) ? text : QString::fromUtf8(m_stdout);

    // Why it failed, in the CLI's own words: the error its envelope reported (which names
    // the HTTP status), else the line of standard error that says what went wrong.
    const QString envelopeError = content ? withoutTerminalControls(content->error) : QString();
    const QString stderrLine = reasonFromStderr(m_stderrTail);
    const QString why = !envelopeError.isEmpty() ? envelopeError : stderrLine;
    const QString stderrNote = why.isEmpty() ? QString() : QStringLiteral(": ") + why;
    const QString problem = m_stream ? withoutTerminalControls(m_stream->state().lastProblem) : QString();
    const QString lastReported = problem.isEmpty() ? QString() : QStringLiteral("; it last reported: ") + problem;
    auto fail = [this](RunStatus status, const QString &reason) {
        m_run.status = status;
        m_run.failureReason = reason;
    };
    if (m_stopReason == StopReason::Timeout)
        fail(RunStatus::TimedOut, QStringLiteral("timed out after %1 s%2").arg(m_launch.timeoutSeconds).arg(lastReported));
    else if (m_stopReason == StopReason::Cancel)
        fail(RunStatus::Cancelled, QStringLiteral("cancelled after %1 s%2").arg(seconds(elapsed), lastReported));
    else if (m_stopReason == StopReason::OutputLimit)
        fail(RunStatus::Failed, QStringLiteral("standard output exceeded %1 bytes; the rest was dropped").arg(m_maxOutputBytes));
    else if (exitStatus == QProcess::CrashExit)
        fail(RunStatus::Failed, QStringLiteral("crashed (killed by a signal)%1").arg(stderrNote));
    else if (exitCode != 0)
        fail(RunStatus::Failed, QStringLiteral("exited with code %1%2").arg(exitCode).arg(stderrNote));
    else if (!content)
        fail(RunStatus::Failed, QStringLiteral("output not understood: %1").arg(content.error().message));
    else if (!envelopeError.isEmpty())
        fail(RunStatus::Failed, envelopeError);
    else if (isBlank(text))
        fail(RunStatus::Failed, QStringLiteral("produced no output%1").arg(stderrNote));
    else
        m_run.status = RunStatus::Succeeded;
    complete();
}

void AgentProcess::complete()
{
    if (m_state == State::Finished)
        return;
    m_state = State::Finished;
    Q_EMIT finished(m_launch.id);
}

} // namespace rb::agents
