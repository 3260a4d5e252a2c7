// `reviewbench run`, run as a separate process on a repository built for the test, with
// fake agents configured through --config.
#include "git_fixture.h"
#include "io/review_file.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace rb;

namespace {
const QString kFakeAgent = QStringLiteral(RB_FAKE_AGENT);
// A valid git branch name full of shell metacharacters.
const QString kNastyBranch = QStringLiteral("feat/$(touch${IFS}pwned);echo'x'&&rm|cat>y`id`\"q\"");

struct Run {
    int exitCode;
    QString err;
};

Run reviewbench(const QStringList &args)
{
    QProcess p;
    p.setProgram(QStringLiteral(RB_REVIEWBENCH_BIN));
    p.setArguments(QStringList{QStringLiteral("run")} + args);
    p.start();
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        return {-1, QStringLiteral("timed out")};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
}

QString writeConfig(const QTemporaryDir &dir, const QByteArray &agentsJson)
{
    const QString path = dir.filePath(QStringLiteral("agents.json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    QByteArray text = "{\"version\": 1, \"agents\": " + agentsJson + "}";
    text.replace("FAKE", kFakeAgent.toUtf8());
    f.write(text);
    return path;
}

const AgentRun *agent(const Review &r, const QString &id)
{
    return r.agent(id);
}

bool processAlive(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray stat = f.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    return close < 0 || stat.mid(close + 2, 1) != "Z";
}
} // namespace

class TestCliRun : public QObject {
    Q_OBJECT
private:
    test::GitFixture m_repo;
    QString m_base, m_head;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_repo.ok(), qPrintable(m_repo.error()));
        m_base = m_repo.commit({{"watch/reload.go", {"package watch\n\nfunc reload() {}\n"}}}, QStringLiteral("Add reload"), {},
                               QStringLiteral("refs/heads/main"));
        QVERIFY(!m_base.isEmpty());
        QVERIFY(m_repo.setHead(QStringLiteral("refs/heads/main")));
        m_head = m_repo.commit({{"watch/reload.go", {"package watch\n\nfunc reload() { stop() }\n"}}},
                               QStringLiteral("Stop watchers on reload"), {m_base}, QStringLiteral("refs/heads/") + kNastyBranch);
        QVERIFY2(!m_head.isEmpty(), qPrintable(m_repo.error()));
        QVERIFY(m_repo.setHead(QStringLiteral("refs/heads/") + kNastyBranch));
        QVERIFY(m_repo.checkoutHead());
    }

    void runsAgentsAndWritesEveryRun()
    {
        QTemporaryDir dir;
        const QString config = writeConfig(dir, R"([
            {"id": "md", "command": ["FAKE", "finding"]},
            {"id": "claude", "command": ["FAKE", "claude-json"], "output": "claude-json"},
            {"id": "broken", "command": ["FAKE", "exit-code", "2"]},
            {"id": "gone", "command": ["reviewbench-no-such-agent"]}
        ])");
        const QString out = dir.filePath(QStringLiteral("review.json"));
        const Run r = reviewbench({"--repo", m_repo.path(), "--base", "main", "--head", kNastyBranch, "--config", config,
                                   "--agent", "md", "--agent", "claude", "--agent", "broken", "--agent", "gone", "-o", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("[gone] not installed: reviewbench-no-such-agent is not installed")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("[md] started: ") + kFakeAgent + QLatin1String(" finding")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("[md] succeeded in 0:0")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("[claude] succeeded in 0:0")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("2000 tokens in, 640 out, $0.19")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("[broken] failed after 0:0")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("warning")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("wrote ") + out + QLatin1String(": 2 of 4 agents succeeded, 1 findings")),
                 qPrintable(r.err));

        const auto review = loadReviewFile(out);
        QVERIFY2(review.ok(), qPrintable(review.ok() ? QString() : review.error().message));
        QCOMPARE(review->metadata.base, QStringLiteral("main"));
        QCOMPARE(review->metadata.head, kNastyBranch);
        QCOMPARE(review->metadata.headSha, m_head);
        QCOMPARE(review->metadata.mergeBase, m_base);
        QCOMPARE(review->metadata.commits.size(), 1);
        QVERIFY(review->metadata.wallClockSeconds.has_value());
        QCOMPARE(review->agents.size(), 4);
        QCOMPARE(toString(agent(*review, "md")->status), QStringLiteral("succeeded"));
        QCOMPARE(review->findings.size(), 1);
        QVERIFY(review->findings.first().id.startsWith(QLatin1String("md:")));
        QCOMPARE(agent(*review, "claude")->costUsd, std::optional<double>(0.1875));
        QCOMPARE(agent(*review, "claude")->rawOutput, QStringLiteral("## Executive Summary\nClaude looked.\n"));
        QCOMPARE(toString(agent(*review, "broken")->status), QStringLiteral("failed"));
        QCOMPARE(agent(*review, "broken")->rawOutput, QStringLiteral("partial review\n"));
        QCOMPARE(agent(*review, "broken")->exitCode, std::optional<int>(2));
        QCOMPARE(toString(agent(*review, "gone")->status), QStringLiteral("not-installed"));
    }

    void oneAgentsUnreadableOutputIsThatAgentsFailureOnly()
    {
        // A number beyond a double used to throw out of the parser and end the whole run
        // before the file was written, losing every other agent's result.
        QTemporaryDir dir;
        const QString huge = dir.filePath(QStringLiteral("huge.json"));
        QFile f(huge);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"findings\": [{\"title\": \"x\", \"severity\": \"important\",\n \"rank\": 1e400}]}\n");
        f.close();
        QByteArray agents = R"([{"id": "md", "command": ["FAKE", "finding"]},
                                {"id": "huge", "command": ["FAKE", "cat", "HUGE"], "reviewFormat": "findings-json"}])";
        agents.replace("HUGE", huge.toUtf8());
        const QString config = writeConfig(dir, agents);
        const QString out = dir.filePath(QStringLiteral("review.json"));
        const Run r = reviewbench({"--repo", m_repo.path(), "--base", "main", "--head", kNastyBranch, "--config", config,
                                   "--agent", "md", "--agent", "huge", "-o", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("[huge] output of agent huge:2:")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("beyond the range of a double (at findings[0].rank)")), qPrintable(r.err));
        const auto review = loadReviewFile(out);
        QVERIFY2(review.ok(), qPrintable(review.ok() ? QString() : review.error().message));
        QCOMPARE(review->agents.size(), 2);
        QCOMPARE(review->findings.size(), 1);
        QVERIFY(review->findings.first().id.startsWith(QLatin1String("md:")));
        QVERIFY(agent(*review, "huge")->rawOutput.contains(QLatin1String("1e400")));
    }

    void codexFindingsJsonIsParsed()
    {
        QTemporaryDir dir;
        QByteArray agents = R"([{"id": "codex", "command": ["FAKE", "cat", "JSONL"], "output": "codex-jsonl",
                                 "reviewFormat": "findings-json"}])";
        agents.replace("JSONL", QByteArray(RB_FAKE_AGENT_DIR "/codex-findings.jsonl"));
        const QString config = writeConfig(dir, agents);
        const QString out = dir.filePath(QStringLiteral("review.json"));
        const Run r = reviewbench({"--repo", m_repo.path(), "--base", "main", "--head", kNastyBranch, "--config", config,
                                   "--agent", "codex", "-o", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto review = loadReviewFile(out);
        QVERIFY(review.ok());
        const AgentRun *codex = review->agent(QStringLiteral("codex"));
        QCOMPARE(toString(codex->format), QStringLiteral("json"));
        QVERIFY(codex->rawOutput.startsWith(QLatin1String("{\n  \"format\": \"reviewbench-findings\"")));
        QCOMPARE(codex->inputTokens, std::optional<qint64>(5000));
        QCOMPARE(codex->toolCalls, std::optional<int>(1));
        QCOMPARE(review->findings.size(), 2);
        QCOMPARE(review->findings.first().agentId, QStringLiteral("codex"));
    }

    void rangeValuesReachTheAgentVerbatim()
    {
        QTemporaryDir dir;
        const QString config = writeConfig(dir, R"([{"id": "args", "command": ["FAKE", "args", "{head}", "--merge-base={merge_base}"]}])");
        const QString out = dir.filePath(QStringLiteral("review.json"));
        const Run r = reviewbench({"--repo", m_repo.path(), "--base", "main", "--head", kNastyBranch, "--config", config,
                                   "--agent", "args", "-o", out});
        // The agent ran; its output has no review in it, which the parser reports.
        QVERIFY2(r.err.contains(QLatin1String("[args] succeeded")), qPrintable(r.err));
        const auto review = loadReviewFile(out);
        QVERIFY(review.ok());
        QCOMPARE(review->agents.first().rawOutput, QStringLiteral("<%1>\n<--merge-base=%2>\n").arg(kNastyBranch, m_base));
        QVERIFY(!QFile::exists(m_repo.path() + QStringLiteral("/pwned")));
        QVERIFY(!QFile::exists(m_repo.path() + QStringLiteral("/y")));
    }

    void promptCarriesTheRangeAndSchemaIsProvided()
    {
        QTemporaryDir dir;
        const QString config = writeConfig(dir, R"([
            {"id": "prompt", "command": ["FAKE", "cat", "{prompt_file}"], "prompt": "file"},
            {"id": "schema", "command": ["FAKE", "cat", "{schema_file}"]}
        ])");
        const QString out = dir.filePath(QStringLiteral("review.json"));
        const Run r = reviewbench({"--repo", m_repo.path(), "--base", "main", "--head", kNastyBranch, "--config", config,
                                   "--agent", "prompt", "--agent", "schema", "-o", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto review = loadReviewFile(out);
        QVERIFY(review.ok());
        const QString prompt = review->agent(QStringLiteral("prompt"))->rawOutput;
        QVERIFY2(prompt.contains(QStringLiteral("Head: %1 (commit %2)").arg(kNastyBranch, m_head)), qPrintable(prompt));
        QVERIFY(prompt.contains(QStringLiteral("Stop watchers on reload")));
        QVERIFY(prompt.contains(QStringLiteral("+func reload() { stop() }")));
        QVERIFY(review->agent(QStringLiteral("schema"))->rawOutput.contains(QLatin1String("reviewbench-findings")));
    }

    void ctrlCCancelsAndKeepsTheRuns()
    {
        QTemporaryDir dir;
        const QString pidFile = dir.filePath(QStringLiteral("child.pid"));
        QByteArray agents = R"([{"id": "hang", "command": ["FAKE", "hang", "PIDFILE"]},
                                {"id": "quick", "command": ["FAKE", "review"]}])";
        agents.replace("PIDFILE", pidFile.toUtf8());
        const QString config = writeConfig(dir, agents);
        const QString out = dir.filePath(QStringLiteral("review.json"));
        QProcess p;
        p.setProgram(QStringLiteral(RB_REVIEWBENCH_BIN));
        p.setArguments({"run", "--repo", m_repo.path(), "--base", "main", "--head", kNastyBranch, "--config", config,
                        "--agent", "hang", "--agent", "quick", "-o", out});
        p.start();
        QVERIFY(p.waitForStarted(10000));
        QString err;
        QTRY_VERIFY_WITH_TIMEOUT((err += QString::fromUtf8(p.readAllStandardError())).contains(QLatin1String("[quick] succeeded")),
                                 20000);
        QTRY_VERIFY_WITH_TIMEOUT(QFile(pidFile).size() > 0, 20000);
        QFile f(pidFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const qint64 child = f.readAll().trimmed().toLongLong();
        QVERIFY(processAlive(child));
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(20000));
        err += QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 0, qPrintable(err)); // "quick" succeeded
        QVERIFY2(err.contains(QLatin1String("cancelling the running agents")), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("[hang] cancelled after")), qPrintable(err));
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(child), 5000);
        const auto review = loadReviewFile(out);
        QVERIFY(review.ok());
        QCOMPARE(toString(review->agent(QStringLiteral("hang"))->status), QStringLiteral("cancelled"));
        QCOMPARE(toString(review->agent(QStringLiteral("quick"))->status), QStringLiteral("succeeded"));
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("agents");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QByteArray fine = R"([{"id": "a", "command": ["FAKE", "review"]}])";
        QTest::newRow("no head") << QStringList{"--base", "main", "-o", "OUT"} << fine << 2
                                 << "reviewbench run: --head REV is required";
        QTest::newRow("no output") << QStringList{"--base", "main", "--head", "HEAD"} << fine << 2
                                   << "reviewbench run: -o REVIEW.json is required";
        QTest::newRow("bad timeout") << QStringList{"--base", "main", "--head", "HEAD", "--timeout", "0", "-o", "OUT"}
                                     << fine << 2 << "--timeout needs a positive number of seconds, not \"0\"";
        QTest::newRow("unknown agent") << QStringList{"--base", "main", "--head", "HEAD", "--agent", "gpt", "-o", "OUT"}
                                       << fine << 2 << "unknown agent \"gpt\"; known agents: claude, codex, gemini, custom, a";
        QTest::newRow("bad configuration") << QStringList{"--base", "main", "--head", "HEAD", "-o", "OUT"}
                                           << QByteArray(R"([{"id": "a", "command": ["FAKE"], "output": "yaml"}])") << 4
                                           << "agents.json: agents[0].output: unknown value \"yaml\"";
        QTest::newRow("unknown revision") << QStringList{"--base", "mian", "--head", "HEAD", "--agent", "a", "-o", "OUT"}
                                          << fine << 1 << "mian";
        QTest::newRow("nothing installed")
            << QStringList{"--base", "main", "--head", "HEAD", "--agent", "x", "-o", "OUT"}
            << QByteArray(R"([{"id": "x", "command": ["reviewbench-no-such-agent"]}])") << 1
            << "none of the selected agents is installed; nothing was run";
        QTest::newRow("bad placeholder") << QStringList{"--base", "main", "--head", "HEAD", "--agent", "a", "-o", "OUT"}
                                         << QByteArray(R"([{"id": "a", "command": ["FAKE", "{branch}"]}])") << 4
                                         << "agent \"a\": command argument 0 (\"{branch}\"): unknown placeholder {branch}";
    }

    void refusals()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, agents);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("review.json"));
        args.replaceInStrings(QStringLiteral("OUT"), out);
        const Run r = reviewbench(QStringList{"--repo", m_repo.path(), "--config", writeConfig(dir, agents)} + args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }

    void anExistingReviewFileIsNeverOverwrittenWithoutForce()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("review.json"));
        QFile f(out);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("precious");
        f.close();
        const Run r = reviewbench({"--repo", m_repo.path(), "--base", "main", "--head", "HEAD", "-o", out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("already exists; choose another file or pass --force")), qPrintable(r.err));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("precious"));
    }
};

QTEST_GUILESS_MAIN(TestCliRun)
#include "test_cli_run.moc"
