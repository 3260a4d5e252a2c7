// The agent runner driving fake agent executables (tests/agents/fake-agent): success,
// each CLI's JSON envelope, failures of every kind, timeouts, cancellation of the whole
// process group, and isolation between agents.
#include "agents/agent_launch.h"
#include "agents/agent_runner.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rb;
using namespace rb::agents;

namespace {
const QString kFakeAgent = QStringLiteral(RB_FAKE_AGENT);

AgentLaunch fake(const QString &id, const QStringList &args, OutputEnvelope output = OutputEnvelope::Text,
                 int timeoutSeconds = 60)
{
    AgentLaunch l;
    l.id = id;
    l.name = id;
    l.program = kFakeAgent;
    l.executable = kFakeAgent;
    l.arguments = args;
    l.workingDirectory = QDir::tempPath();
    l.prompt = "Review PR 7 please\nsecond line\n";
    l.output = output;
    l.timeoutSeconds = timeoutSeconds;
    return l;
}

AgentLaunch missing(const QString &id)
{
    AgentLaunch l = fake(id, {});
    l.program = QStringLiteral("reviewbench-no-such-agent");
    l.executable.clear();
    return l;
}

// Runs launches to completion (or fails the test after 30 s).
QList<AgentRun> runAll(AgentRunner &runner, const QList<AgentLaunch> &launches)
{
    QSignalSpy done(&runner, &AgentRunner::allFinished);
    const Status started = runner.start(launches);
    if (!started.ok())
        qWarning("start failed: %s", qPrintable(started.error().message));
    if (!done.wait(30000))
        qWarning("agents did not finish within 30 s");
    return runner.results();
}

const AgentRun *byId(const QList<AgentRun> &runs, const QString &id)
{
    for (const AgentRun &r : runs)
        if (r.id == id)
            return &r;
    return nullptr;
}

template <typename T>
QString errorOf(const Result<T> &r)
{
    return r.ok() ? QString() : r.error().message;
}

// A zombie counts as gone: it has exited and only waits to be reaped.
bool processAlive(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray stat = f.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    return close < 0 || stat.mid(close + 2, 1) != "Z";
}

qint64 readPid(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.readAll().trimmed().toLongLong();
}
} // namespace

class TestAgentRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void outcome_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<OutputEnvelope>("output");
        QTest::addColumn<RunStatus>("status");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("raw");
        QTest::addColumn<int>("exitCode");

        const auto text = OutputEnvelope::Text;
        QTest::newRow("markdown review, prompt on stdin")
            << QStringList{"review"} << text << RunStatus::Succeeded << "" << "prompt: Review PR 7 please" << 0;
        QTest::newRow("claude envelope") << QStringList{"claude-json"} << OutputEnvelope::ClaudeJson
                                         << RunStatus::Succeeded << "" << "## Executive Summary\nClaude looked.\n" << 0;
        QTest::newRow("codex events") << QStringList{"codex-jsonl"} << OutputEnvelope::CodexJsonl
                                      << RunStatus::Succeeded << "" << "## Executive Summary\nCodex looked.\n" << 0;
        QTest::newRow("gemini envelope after a notice line")
            << QStringList{"gemini-json"} << OutputEnvelope::GeminiJson << RunStatus::Succeeded << ""
            << "## Executive Summary\nGemini looked.\n" << 0;
        QTest::newRow("crash keeps what was printed")
            << QStringList{"crash"} << text << RunStatus::Failed << "crashed (killed by a signal)" << "half a review" << -1;
        QTest::newRow("non-zero exit names the code and the last error line")
            << QStringList{"exit-code", "3"} << text << RunStatus::Failed
            << "exited with code 3: error: quota exceeded for this month" << "partial review" << 3;
        QTest::newRow("garbage instead of the claude envelope is kept verbatim")
            << QStringList{"garbage"} << OutputEnvelope::ClaudeJson << RunStatus::Failed
            << "output not understood: expected a Claude Code JSON result object" << "not json {{{" << 0;
        QTest::newRow("garbage instead of codex events")
            << QStringList{"garbage"} << OutputEnvelope::CodexJsonl << RunStatus::Failed
            << "output not understood: expected Codex JSON Lines events" << "<<<>>>" << 0;
        QTest::newRow("claude reports an error in its envelope")
            << QStringList{"claude-error"} << OutputEnvelope::ClaudeJson << RunStatus::Failed << "exited with code 1"
            << "\"subtype\":\"error_max_turns\"" << 1;
        QTest::newRow("an HTTP status only on stderr is added to the stream's error")
            << QStringList{"gemini-429"} << OutputEnvelope::GeminiStreamJson << RunStatus::Failed
            << "exited with code 1: HTTP 429: [API Error: quota] Please wait and try again later." << "\"status\":\"error\"" << 1;
        QTest::newRow("empty output") << QStringList{"empty"} << text << RunStatus::Failed << "produced no output" << ""
                                      << 0;
    }

    void outcome()
    {
        QFETCH(QStringList, args);
        QFETCH(OutputEnvelope, output);
        QFETCH(RunStatus, status);
        QFETCH(QString, reason);
        QFETCH(QString, raw);
        QFETCH(int, exitCode);

        AgentRunner runner;
        const auto runs = runAll(runner, {fake(QStringLiteral("a"), args, output)});
        QCOMPARE(runs.size(), 1);
        const AgentRun &run = runs.first();
        QVERIFY2(run.status == status, qPrintable(toString(run.status) + QStringLiteral(": ") + run.failureReason));
        QVERIFY2(reason.isEmpty() ? run.failureReason.isEmpty() : run.failureReason.startsWith(reason),
                 qPrintable(run.failureReason));
        QVERIFY2(run.rawOutput.contains(raw), qPrintable(run.rawOutput));
        if (exitCode >= 0)
            QCOMPARE(run.exitCode, std::optional<int>(exitCode));
        else
            QVERIFY(!run.exitCode);
        QVERIFY(run.durationSeconds && *run.durationSeconds >= 0);
        QVERIFY(run.started.isValid() && run.finished >= run.started);
        QCOMPARE(run.command, QStringList{kFakeAgent} + args);
    }

    void usageFromEnvelopes_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<OutputEnvelope>("output");
        QTest::addColumn<qint64>("inputTokens");
        QTest::addColumn<qint64>("outputTokens");
        QTest::addColumn<double>("cost");    // < 0: not reported
        QTest::addColumn<int>("toolCalls");  // < 0: not reported
        QTest::addColumn<QString>("model");
        QTest::newRow("claude") << "claude-json" << OutputEnvelope::ClaudeJson << qint64(2000) << qint64(640) << 0.1875
                                << -1 << "claude-opus-4-6";
        QTest::newRow("codex") << "codex-jsonl" << OutputEnvelope::CodexJsonl << qint64(9000) << qint64(700) << -1.0 << 1
                               << "";
        QTest::newRow("gemini") << "gemini-json" << OutputEnvelope::GeminiJson << qint64(24939) << qint64(174) << -1.0
                                << 1 << "gemini-2.5-pro";
    }

    void usageFromEnvelopes()
    {
        QFETCH(QString, mode);
        QFETCH(OutputEnvelope, output);
        QFETCH(qint64, inputTokens);
        QFETCH(qint64, outputTokens);
        QFETCH(double, cost);
        QFETCH(int, toolCalls);
        QFETCH(QString, model);
        AgentRunner runner;
        const AgentRun run = runAll(runner, {fake(mode, {mode}, output)}).first();
        QCOMPARE(toString(run.status), toString(RunStatus::Succeeded));
        QCOMPARE(run.inputTokens, std::optional<qint64>(inputTokens));
        QCOMPARE(run.outputTokens, std::optional<qint64>(outputTokens));
        QCOMPARE(run.costUsd, cost < 0 ? std::nullopt : std::optional<double>(cost));
        QCOMPARE(run.toolCalls, toolCalls < 0 ? std::nullopt : std::optional<int>(toolCalls));
        QCOMPARE(run.model, model);
    }

    void promptInAFile()
    {
        QTemporaryDir dir;
        AgentProfile profile;
        profile.id = QStringLiteral("filer");
        profile.command = {kFakeAgent, QStringLiteral("review-file"), QStringLiteral("{prompt_file}")};
        profile.prompt = PromptDelivery::File;
        ReviewInput input;
        input.repositoryPath = dir.path();
        auto launch = prepareLaunch(profile, input, QStringLiteral("Prompt from a file\n"), {dir.path(), {}});
        QVERIFY2(launch.ok(), qPrintable(errorOf(launch)));
        QCOMPARE(launch->arguments.last(), dir.filePath(QStringLiteral("filer-prompt.md")));
        AgentRunner runner;
        const AgentRun run = runAll(runner, {*launch}).first();
        QCOMPARE(toString(run.status), toString(RunStatus::Succeeded));
        QVERIFY2(run.rawOutput.contains(QLatin1String("prompt: Prompt from a file")), qPrintable(run.rawOutput));
    }

    void shellMetacharactersReachTheAgentVerbatim()
    {
        QTemporaryDir dir;
        const QString branch = QStringLiteral("feat/$(touch pwned);rm -rf x && echo \"q\" | cat > y 'z' * `id` $HOME");
        AgentProfile profile;
        profile.id = QStringLiteral("args");
        profile.command = {kFakeAgent, QStringLiteral("args"), QStringLiteral("{head}"), QStringLiteral("--base={base}")};
        ReviewInput input;
        input.repositoryPath = dir.path();
        input.metadata.head = branch;
        input.metadata.base = QStringLiteral("main; reboot");
        auto launch = prepareLaunch(profile, input, QStringLiteral("p"), {dir.path(), {}});
        QVERIFY2(launch.ok(), qPrintable(errorOf(launch)));
        AgentRunner runner;
        const AgentRun run = runAll(runner, {*launch}).first();
        QCOMPARE(toString(run.status), toString(RunStatus::Succeeded));
        QCOMPARE(run.rawOutput, QStringLiteral("<%1>\n<--base=main; reboot>\n").arg(branch));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("pwned"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("y"))));
    }

    void timeoutKillsTheAgentAndItsChildren()
    {
        QTemporaryDir dir;
        const QString pidFile = dir.filePath(QStringLiteral("child.pid"));
        AgentRunner runner;
        runner.setKillGraceMs(500);
        const AgentRun run = runAll(runner, {fake(QStringLiteral("hang"), {QStringLiteral("hang"), pidFile},
                                                  OutputEnvelope::Text, 1)})
                                 .first();
        QCOMPARE(toString(run.status), toString(RunStatus::TimedOut));
        QCOMPARE(run.failureReason, QStringLiteral("timed out after 1 s"));
        const qint64 child = readPid(pidFile);
        QVERIFY(child > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(child), 5000);
    }

    void cancelKillsTheWholeProcessGroup()
    {
        QTemporaryDir dir;
        const QString pidFile = dir.filePath(QStringLiteral("child.pid"));
        AgentRunner runner;
        QSignalSpy done(&runner, &AgentRunner::allFinished);
        QVERIFY(runner.start({fake(QStringLiteral("hang"), {QStringLiteral("hang"), pidFile})}).ok());
        QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, 10000);
        const qint64 child = readPid(pidFile);
        QVERIFY(processAlive(child));
        runner.cancel();
        QVERIFY(done.wait(10000));
        const AgentRun run = runner.results().first();
        QCOMPARE(toString(run.status), toString(RunStatus::Cancelled));
        QVERIFY2(run.failureReason.startsWith(QLatin1String("cancelled after")), qPrintable(run.failureReason));
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(child), 5000);
    }

    void cancelOneAgentLeavesTheOthersRunning()
    {
        QTemporaryDir dir;
        AgentRunner runner;
        QSignalSpy done(&runner, &AgentRunner::allFinished);
        QVERIFY(runner.start({fake(QStringLiteral("hang"), {QStringLiteral("hang"), dir.filePath(QStringLiteral("p"))}),
                              fake(QStringLiteral("slow"), {QStringLiteral("slow"), QStringLiteral("0.5")})})
                    .ok());
        runner.cancel(QStringLiteral("hang"));
        QVERIFY(done.wait(10000));
        const auto runs = runner.results();
        QCOMPARE(toString(runs[0].status), toString(RunStatus::Cancelled));
        QCOMPARE(toString(runs[1].status), toString(RunStatus::Succeeded));
        QVERIFY(runs[1].rawOutput.contains(QLatin1String("slow after 0.5 s")));
    }

    void oneAgentFailingNeverLosesTheOthers()
    {
        QTemporaryDir dir;
        AgentRunner runner;
        runner.setKillGraceMs(500);
        const auto runs = runAll(
            runner, {fake(QStringLiteral("good"), {QStringLiteral("review")}),
                     fake(QStringLiteral("crash"), {QStringLiteral("crash")}),
                     fake(QStringLiteral("garbage"), {QStringLiteral("garbage")}, OutputEnvelope::GeminiJson),
                     fake(QStringLiteral("hang"), {QStringLiteral("hang"), dir.filePath(QStringLiteral("p"))},
                          OutputEnvelope::Text, 1),
                     missing(QStringLiteral("missing")),
                     fake(QStringLiteral("slow"), {QStringLiteral("slow"), QStringLiteral("0.3")}),
                     fake(QStringLiteral("codex"), {QStringLiteral("codex-jsonl")}, OutputEnvelope::CodexJsonl)});
        QCOMPARE(runs.size(), 7);
        QStringList order;
        for (const AgentRun &r : runs)
            order << r.id;
        QCOMPARE(order, (QStringList{"good", "crash", "garbage", "hang", "missing", "slow", "codex"}));
        QCOMPARE(toString(byId(runs, "good")->status), toString(RunStatus::Succeeded));
        QVERIFY(byId(runs, "good")->rawOutput.contains(QLatin1String("prompt: Review PR 7 please")));
        QCOMPARE(toString(byId(runs, "crash")->status), toString(RunStatus::Failed));
        QCOMPARE(toString(byId(runs, "garbage")->status), toString(RunStatus::Failed));
        QCOMPARE(toString(byId(runs, "hang")->status), toString(RunStatus::TimedOut));
        QCOMPARE(toString(byId(runs, "missing")->status), toString(RunStatus::NotInstalled));
        QCOMPARE(toString(byId(runs, "slow")->status), toString(RunStatus::Succeeded));
        QVERIFY(byId(runs, "slow")->rawOutput.contains(QLatin1String("slow after 0.3 s")));
        QCOMPARE(toString(byId(runs, "codex")->status), toString(RunStatus::Succeeded));
        QCOMPARE(byId(runs, "codex")->rawOutput, QStringLiteral("## Executive Summary\nCodex looked.\n"));
    }

    void notInstalledIsReportedBeforeAnythingStarts()
    {
        AgentRunner runner;
        QStringList events;
        connect(&runner, &AgentRunner::agentStarted, this, [&](const QString &id) { events << "started " + id; });
        connect(&runner, &AgentRunner::agentFinished, this, [&](const AgentRun &r) { events << "finished " + r.id; });
        QSignalSpy done(&runner, &AgentRunner::allFinished);
        QVERIFY(runner.start({fake(QStringLiteral("good"), {QStringLiteral("review")}), missing(QStringLiteral("gone"))}).ok());
        QCOMPARE(events, QStringList{"finished gone"});
        QVERIFY(done.wait(10000));
        QCOMPARE(events, (QStringList{"finished gone", "started good", "finished good"}));
        const AgentRun gone = runner.results()[1];
        QCOMPARE(toString(gone.status), toString(RunStatus::NotInstalled));
        QCOMPARE(gone.failureReason, QStringLiteral("reviewbench-no-such-agent is not installed (not found on PATH)"));
    }

    void allMissingStillFinishes()
    {
        AgentRunner runner;
        const auto runs = runAll(runner, {missing(QStringLiteral("x")), missing(QStringLiteral("y"))});
        QCOMPARE(runs.size(), 2);
        QCOMPARE(toString(runs[0].status), toString(RunStatus::NotInstalled));
        QCOMPARE(toString(runs[1].status), toString(RunStatus::NotInstalled));
        QVERIFY(!runner.isRunning());
    }

    void hugeOutputIsKeptWhole()
    {
        AgentRunner runner;
        const AgentRun run = runAll(runner, {fake(QStringLiteral("big"), {QStringLiteral("huge"), QStringLiteral("8000000")})}).first();
        QCOMPARE(toString(run.status), toString(RunStatus::Succeeded));
        QCOMPARE(run.rawOutput.size(), 8000000);
        QCOMPARE(run.rawOutput.count(QLatin1Char('x')), 8000000);
    }

    void outputBeyondTheLimitFailsTheRun()
    {
        AgentProcess agent(fake(QStringLiteral("big"), {QStringLiteral("huge"), QStringLiteral("5000000")}));
        agent.setMaxOutputBytes(100000);
        agent.setKillGraceMs(500);
        QSignalSpy finished(&agent, &AgentProcess::finished);
        agent.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(toString(agent.run().status), toString(RunStatus::Failed));
        QCOMPARE(agent.run().failureReason, QStringLiteral("standard output exceeded 100000 bytes; the rest was dropped"));
        QCOMPARE(agent.run().rawOutput.size(), 100000);
    }

    void outputStreamsLiveAsProgress()
    {
        AgentRunner runner;
        QStringList stderrChunks;
        bool sawProgressWhileRunning = false;
        connect(&runner, &AgentRunner::agentOutput, this,
                [&](const QString &id, OutputChannel channel, const QByteArray &chunk) {
                    QCOMPARE(id, QStringLiteral("p"));
                    if (channel == OutputChannel::Stderr) {
                        stderrChunks << QString::fromUtf8(chunk);
                        const AgentProgress p = runner.progress().first();
                        sawProgressWhileRunning = sawProgressWhileRunning
                            || (p.running && p.stderrBytes > 0 && p.lastLine.startsWith(QLatin1String("step")));
                    }
                });
        const AgentRun run = runAll(runner, {fake(QStringLiteral("p"), {QStringLiteral("progress")})}).first();
        QCOMPARE(toString(run.status), toString(RunStatus::Succeeded));
        QCOMPARE(stderrChunks.join(QString()), QStringLiteral("step 1 of 3\nstep 2 of 3\nstep 3 of 3\n"));
        QVERIFY(sawProgressWhileRunning);
        const AgentProgress last = runner.progress().first();
        QVERIFY(!last.running);
        QCOMPARE(last.lastLine, QStringLiteral("after progress"));
        QVERIFY(last.stdoutBytes > 0);
    }

    void startIsRefusedWhileRunningAndForDuplicates()
    {
        AgentRunner runner;
        QCOMPARE(runner.start({fake("a", {"review"}), fake("a", {"review"})}).error().message,
                 QStringLiteral("agent \"a\" is listed twice"));
        QSignalSpy done(&runner, &AgentRunner::allFinished);
        QVERIFY(runner.start({fake("a", {"slow", "0.3"})}).ok());
        QCOMPARE(runner.start({fake("b", {"review"})}).error().message, QStringLiteral("agents are already running"));
        QVERIFY(done.wait(10000));
    }
};

QTEST_GUILESS_MAIN(TestAgentRunner)
#include "test_agent_runner.moc"
