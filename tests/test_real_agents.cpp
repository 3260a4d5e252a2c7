// The real agent CLIs — `claude`, `codex` and `gemini`, the versions pinned in
// packaging/agent-clis.txt — run by Reviewbench with the built-in presets against a loopback
// stand-in of each one's model API (fixtures/model_api_stub.h). Proves the argument lists,
// the prompt on standard input, the streamed events read live (activity, tool calls,
// tokens, cost), the parsed findings, and every failure path the CLIs meet: HTTP 401, 429
// and 500, a malformed stream, no answer (timeout), a missing API key, cancel — each a
// clear per-agent reason, with the other agents' results kept.
//
// Network: the test process enters a network namespace with only loopback in it
// (fixtures/loopback_network.h) before anything else, so neither the CLIs nor anything they
// start can reach another machine; telemetry and update checks are also turned off through
// the CLIs' own settings. Without the CLIs the test skips, except under CI=true, where it
// fails: `packaging/devenv test` installs them.
#include "agents/agent_config.h"
#include "agents/agent_launch.h"
#include "agents/agent_runner.h"
#include "agents/review_input.h"
#include "agents/review_prompt.h"
#include "agents/run_review.h"
#include "git_fixture.h"
#include "io/review_file.h"
#include "loopback_network.h"
#include "model_api_stub.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace rb;
using namespace rb::agents;
using Api = test::ModelApiStub::Api;
using Behaviour = test::ModelApiStub::Behaviour;
using Plan = test::ModelApiStub::Plan;

namespace {
test::LoopbackNetwork g_network;

const QStringList kAgents{QStringLiteral("claude"), QStringLiteral("codex"), QStringLiteral("gemini")};

const QByteArray kMarkdownReview = R"(**Verdict:** Merge with fixes — reload calls a function that does not exist

## Executive Summary
Reload now calls stop(), which the package does not define.

## Findings
### Critical Issues
None.
### Important Issues
I1. **stop() is called but never defined** — `watch/reload.go:3` (important, regression)

```go
func reload() { stop() }
```

The package no longer builds: `stop` is undefined.

Fix: define stop() next to reload().

### Suggestions
None.

## Design Observations
### Concerns
None.
### Strengths
None.

## Testing Assessment
None.
## Documentation Assessment
None.
## Commit Structure
None.
)";

const QByteArray kFindingsJson = R"({"format": "reviewbench-findings", "version": 1,
 "verdict": "Merge with fixes — reload calls a function that does not exist",
 "executiveSummary": "Reload now calls stop(), which the package does not define.",
 "findings": [{"id": "I1", "severity": "important", "category": "regression",
   "title": "stop() is called but never defined",
   "locations": [{"path": "watch/reload.go", "startLine": 3, "endLine": 3}],
   "body": "The package no longer builds: `stop` is undefined.", "codeExcerpt": "func reload() { stop() }\n",
   "fixProse": "Define stop() next to reload().", "fixPatch": ""}],
 "designObservations": [], "testingAssessment": "", "documentationAssessment": "", "commitStructure": ""})";

Api apiOf(const QString &agent)
{
    return agent == QLatin1String("claude") ? Api::Anthropic : agent == QLatin1String("codex") ? Api::OpenAiResponses : Api::Gemini;
}

struct CliRun {
    int exitCode = -1;
    QString err;
    double seconds = 0;
};

bool writeText(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}
} // namespace

class TestRealAgents : public QObject {
    Q_OBJECT
private:
    test::GitFixture m_repo;
    QTemporaryDir m_home;
    test::ModelApiStub m_stub;
    QString m_cliDir;

    void planAll(const Plan &plan)
    {
        for (const QString &a : kAgents) {
            Plan p = plan;
            p.review = a == QLatin1String("codex") ? kFindingsJson : kMarkdownReview;
            m_stub.setPlan(apiOf(a), p);
        }
        m_stub.clearRequests();
    }

    CliRun reviewbenchRun(const QStringList &extra, const QString &out, int timeoutMs = 240000)
    {
        QProcess p;
        p.setProgram(QStringLiteral(RB_REVIEWBENCH_BIN));
        p.setArguments(QStringList{QStringLiteral("run"), QStringLiteral("--repo"), m_repo.path(), QStringLiteral("--base"),
                                   QStringLiteral("main"), QStringLiteral("--head"), QStringLiteral("topic"),
                                   QStringLiteral("--progress-interval"), QStringLiteral("1"), QStringLiteral("-o"), out}
                       + extra);
        QElapsedTimer clock;
        clock.start();
        // The stub answers on this thread's event loop: wait with the loop running, never
        // with waitForFinished().
        QSignalSpy finished(&p, &QProcess::finished);
        p.start();
        p.closeWriteChannel();
        CliRun r;
        if (!finished.wait(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("reviewbench run did not finish in %1 s").arg(timeoutMs / 1000);
            return r;
        }
        r.exitCode = p.exitCode();
        r.err = QString::fromUtf8(p.readAllStandardError());
        r.seconds = clock.elapsed() / 1000.0;
        return r;
    }

    QList<AgentLaunch> launches(QTemporaryDir &work, int timeoutSeconds)
    {
        QList<AgentLaunch> out;
        const auto input = reviewInputForRange(m_repo.path(), QStringLiteral("main"), QStringLiteral("topic"));
        if (!input) {
            qWarning("%s", qPrintable(input.error().message));
            return out;
        }
        LaunchFiles files{work.path(), {}};
        if (auto schema = writeFindingsSchema(work.path()))
            files.schemaFile = *schema;
        for (AgentProfile profile : builtinAgentProfiles()) {
            if (!kAgents.contains(profile.id))
                continue;
            profile.timeoutSeconds = timeoutSeconds;
            const auto prompt = renderReviewPrompt(defaultPromptTemplate(), *input, profile.reviewFormat);
            const auto launch = prompt ? prepareLaunch(profile, *input, *prompt, files) : Result<AgentLaunch>(prompt.error());
            if (launch)
                out.append(*launch);
            else
                qWarning("%s", qPrintable(launch.error().message));
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(g_network.isolated || qEnvironmentVariable("CI") != QLatin1String("true"),
                 qPrintable(QStringLiteral("CI must run the real CLIs inside a loopback-only network: ") + g_network.why));
        if (!g_network.isolated)
            qWarning("not isolated from the network (%s); the CLIs are still pointed only at the loopback stub, with "
                     "their telemetry and update checks off", qPrintable(g_network.why));
        else
            qInfo("in a loopback-only %s", qPrintable(g_network.how));

        // The CLIs: REVIEWBENCH_AGENT_CLIS (set by packaging/devenv), else PATH.
        m_cliDir = qEnvironmentVariable("REVIEWBENCH_AGENT_CLIS");
        QStringList missing;
        for (const QString &a : kAgents) {
            const QString found = m_cliDir.isEmpty() ? QStandardPaths::findExecutable(a)
                                                     : QStandardPaths::findExecutable(a, {m_cliDir});
            if (found.isEmpty())
                missing << a;
            else if (m_cliDir.isEmpty())
                m_cliDir = QFileInfo(found).absolutePath();
        }
        if (!missing.isEmpty()) {
            const QString why = QStringLiteral("the agent CLIs %1 are not installed (packaging/devenv agents installs them; "
                                               "packaging/devenv test does so before the tests)")
                                    .arg(missing.join(QLatin1String(", ")));
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL(qPrintable(why + QStringLiteral("; under CI the real-CLI tests must run")));
            QSKIP(qPrintable(why));
        }

        // A repository whose change the agents review.
        QVERIFY2(m_repo.ok(), qPrintable(m_repo.error()));
        const QString base = m_repo.commit({{"watch/reload.go", {"package watch\n\nfunc reload() {}\n"}}}, QStringLiteral("Add reload"),
                                           {}, QStringLiteral("refs/heads/main"));
        QVERIFY(m_repo.setHead(QStringLiteral("refs/heads/main")));
        QVERIFY(!m_repo.commit({{"watch/reload.go", {"package watch\n\nfunc reload() { stop() }\n"}}},
                               QStringLiteral("Stop watchers on reload"), {base}, QStringLiteral("refs/heads/topic"))
                     .isEmpty());
        QVERIFY(m_repo.setHead(QStringLiteral("refs/heads/topic")));
        QVERIFY(m_repo.checkoutHead());

        QVERIFY(m_stub.listen());
        const QString home = m_home.path();
        // Everything the CLIs and Reviewbench read or write lives in the temporary home.
        qputenv("HOME", home.toUtf8());
        qputenv("XDG_CONFIG_HOME", (home + QStringLiteral("/.config")).toUtf8());
        qputenv("XDG_CACHE_HOME", (home + QStringLiteral("/.cache")).toUtf8());
        qputenv("XDG_DATA_HOME", (home + QStringLiteral("/.local/share")).toUtf8());
        qputenv("TMPDIR", (home + QStringLiteral("/tmp")).toUtf8());
        QDir().mkpath(home + QStringLiteral("/tmp"));
        qputenv("PATH", (m_cliDir + QStringLiteral(":/usr/local/bin:/usr/bin:/bin")).toUtf8());
        // Any proxy configured on the machine would take the loopback requests elsewhere.
        for (const char *v : {"HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"})
            qunsetenv(v);
        qputenv("NO_PROXY", "127.0.0.1,localhost,::1");

        // Claude Code: base URL and key from the environment; no telemetry, error reports,
        // update checks or other traffic that is not the model API.
        qputenv("ANTHROPIC_BASE_URL", m_stub.baseUrl().toUtf8());
        qputenv("ANTHROPIC_API_KEY", "sk-ant-loopback-stub");
        qputenv("DISABLE_TELEMETRY", "1");
        qputenv("DISABLE_ERROR_REPORTING", "1");
        qputenv("DISABLE_AUTOUPDATER", "1");
        qputenv("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        // Codex: a model provider whose base URL is the stub, in $CODEX_HOME/config.toml;
        // retries bounded (the preset's own behaviour with the default provider is the same
        // code path).
        const QString codexHome = home + QStringLiteral("/.codex");
        qputenv("CODEX_HOME", codexHome.toUtf8());
        qputenv("REVIEWBENCH_STUB_OPENAI_KEY", "sk-loopback-stub");
        QVERIFY(writeText(codexHome + QStringLiteral("/config.toml"),
                          QStringLiteral("model = \"gpt-5.5\"\nmodel_provider = \"stub\"\ncheck_for_update_on_startup = false\n"
                                         "[analytics]\nenabled = false\n"
                                         "[model_providers.stub]\nname = \"Loopback stub\"\nbase_url = \"%1/v1\"\n"
                                         "wire_api = \"responses\"\nenv_key = \"REVIEWBENCH_STUB_OPENAI_KEY\"\n"
                                         "request_max_retries = 1\nstream_max_retries = 1\nstream_idle_timeout_ms = 20000\n")
                              .arg(m_stub.baseUrl())
                              .toUtf8()));
        // Gemini CLI: the API key method (its settings), the base URL from the environment;
        // one attempt per request (it retries 10 times, 5 to 30 s apart, by default).
        qputenv("GEMINI_API_KEY", "loopback-stub");
        qputenv("GOOGLE_GEMINI_BASE_URL", m_stub.baseUrl().toUtf8());
        QVERIFY(writeText(home + QStringLiteral("/.gemini/settings.json"),
                          R"({"security": {"auth": {"selectedType": "gemini-api-key"}},
                              "privacy": {"usageStatisticsEnabled": false},
                              "telemetry": {"enabled": false},
                              "general": {"disableAutoUpdate": true, "disableUpdateNag": true, "maxAttempts": 1}})"));
    }

    // The three CLIs at once, each making one tool call (reading the changed file) and then
    // writing its review; read live through the runner, as the window does.
    void allThreeReviewLiveWithToolCalls()
    {
        const QString changed = m_repo.path() + QStringLiteral("/watch/reload.go");
        planAll({Behaviour::ToolThenReview, 0, {}, changed});
        QTemporaryDir work;
        const QList<AgentLaunch> all = launches(work, 240);
        QCOMPARE(all.size(), 3);

        AgentRunner runner;
        QMap<QString, QStringList> activities; // seen while the agent was running
        QMap<QString, bool> tokensWhileRunning;
        connect(&runner, &AgentRunner::agentOutput, this, [&](const QString &id, OutputChannel, const QByteArray &) {
            for (const AgentProgress &p : runner.progress()) {
                if (p.agentId != id || !p.running)
                    continue;
                if (!p.activity.isEmpty() && !activities[id].contains(p.activity))
                    activities[id].append(p.activity);
                if (p.inputTokens.value_or(0) > 0)
                    tokensWhileRunning[id] = true;
            }
        });
        QSignalSpy done(&runner, &AgentRunner::allFinished);
        QVERIFY(runner.start(all).ok());
        QVERIFY2(done.wait(240000), "the agents did not finish in 240 s");

        Review review;
        for (const AgentRun &run : runner.results()) {
            QVERIFY2(run.status == RunStatus::Succeeded,
                     qPrintable(run.id + QStringLiteral(": ") + toString(run.status) + QStringLiteral(": ") + run.failureReason
                                + QStringLiteral("\n") + run.rawOutput.left(2000)));
            QVERIFY(addRunToReview(review, run).ok());
        }
        QCOMPARE(review.findings.size(), 3);
        for (const RawFinding &f : review.findings) {
            QCOMPARE(f.title, QStringLiteral("stop() is called but never defined"));
            QCOMPARE(f.locations.value(0).path, QStringLiteral("watch/reload.go"));
        }

        // Live progress: what each agent was doing, seen before it finished.
        QVERIFY2(activities[QStringLiteral("claude")].contains(QStringLiteral("Reading ") + changed),
                 qPrintable(activities[QStringLiteral("claude")].join(QLatin1String(" | "))));
        QVERIFY2(activities[QStringLiteral("gemini")].contains(QStringLiteral("Reading ") + changed),
                 qPrintable(activities[QStringLiteral("gemini")].join(QLatin1String(" | "))));
        // Codex runs the command through a login shell: "Running: /bin/bash -lc 'cat …'".
        const QStringList codexActivities = activities[QStringLiteral("codex")];
        QVERIFY2(std::any_of(codexActivities.begin(), codexActivities.end(),
                             [&](const QString &a) { return a.startsWith(QLatin1String("Running: ")) && a.contains(QStringLiteral("cat ") + changed); }),
                 qPrintable(activities[QStringLiteral("codex")].join(QLatin1String(" | "))));
        QVERIFY2(tokensWhileRunning.value(QStringLiteral("claude")), "Claude Code's tokens were not seen while it ran");

        // Tokens and cost as the stub reported them, over its two answers (tool call, review).
        const AgentRun *claude = review.agent(QStringLiteral("claude"));
        QCOMPARE(claude->inputTokens, std::optional<qint64>(2 * (test::ModelApiStub::kAnthropicInput + test::ModelApiStub::kAnthropicCacheRead)));
        QCOMPARE(claude->outputTokens, std::optional<qint64>(2 * test::ModelApiStub::kAnthropicOutput));
        QVERIFY(claude->costUsd.value_or(0) > 0);
        QCOMPARE(claude->toolCalls, std::optional<int>(1));
        const AgentRun *codex = review.agent(QStringLiteral("codex"));
        QCOMPARE(codex->inputTokens, std::optional<qint64>(2 * test::ModelApiStub::kOpenAiInput));
        QCOMPARE(codex->outputTokens, std::optional<qint64>(2 * test::ModelApiStub::kOpenAiOutput));
        QCOMPARE(codex->toolCalls, std::optional<int>(1));
        const AgentRun *gemini = review.agent(QStringLiteral("gemini"));
        QVERIFY2(gemini->inputTokens.value_or(0) >= 2 * test::ModelApiStub::kGeminiPrompt,
                 qPrintable(QString::number(gemini->inputTokens.value_or(-1))));
        QCOMPARE(gemini->toolCalls, std::optional<int>(1));
        for (const AgentRun &r : review.agents) {
            QVERIFY(r.durationSeconds.has_value());
            QVERIFY(r.started.isValid() && r.finished >= r.started);
            QCOMPARE(r.exitCode, std::optional<int>(0));
        }

        // The prompt reached each model: the diff is in the first request of each.
        for (const QString &a : kAgents) {
            const auto reqs = m_stub.requests(apiOf(a));
            QVERIFY2(!reqs.isEmpty(), qPrintable(a));
            const bool hasDiff = std::any_of(reqs.begin(), reqs.end(), [](const test::ModelApiStub::Request &r) {
                return r.body.contains("func reload() { stop() }") && r.body.contains("Stop watchers on reload");
            });
            QVERIFY2(hasDiff, qPrintable(a + QStringLiteral(": the diff was not in any request")));
        }
        // Codex was given the findings schema (--output-schema) and passed it to the API.
        const auto codexReqs = m_stub.requests(Api::OpenAiResponses);
        QVERIFY(codexReqs.first().body.contains("json_schema"));
        QVERIFY(codexReqs.first().body.contains("designObservations"));
        // The keys went where each CLI sends them.
        QCOMPARE(m_stub.requests(Api::Anthropic).first().headers.value("x-api-key"), QByteArray("sk-ant-loopback-stub"));
        QCOMPARE(codexReqs.first().headers.value("authorization"), QByteArray("Bearer sk-loopback-stub"));
        QCOMPARE(m_stub.requests(Api::Gemini).first().headers.value("x-goog-api-key"), QByteArray("loopback-stub"));
    }

    // `reviewbench run` with one agent failing: the others' reviews are kept, and the
    // terminal says what each did.
    void runKeepsTheOthersWhenOneFails()
    {
        planAll({});
        m_stub.setPlan(Api::Anthropic, {Behaviour::HttpError, 500, {}, {}});
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("review.json"));
        const CliRun r = reviewbenchRun({}, out);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("[claude] started: claude -p --output-format stream-json")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("[codex] started: codex exec --json")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("[claude] failed after")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("HTTP 500")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("[codex] succeeded in")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("[gemini] succeeded in")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String(": 2 of 3 agents succeeded, 2 findings")), qPrintable(r.err));
        const auto review = loadReviewFile(out);
        QVERIFY(review.ok());
        QCOMPARE(review->agents.size(), 3);
        QCOMPARE(toString(review->agent(QStringLiteral("claude"))->status), QStringLiteral("failed"));
        QCOMPARE(review->findings.size(), 2);
    }

    // Each HTTP failure of the API becomes that agent's failure, naming the status, well
    // before the timeout.
    void httpErrorsNameTheStatus_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("401 unauthorised") << 401;
        QTest::newRow("429 rate limited") << 429;
        QTest::newRow("500 server error") << 500;
    }
    void httpErrorsNameTheStatus()
    {
        QFETCH(int, status);
        planAll({Behaviour::HttpError, status, {}, {}});
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("review.json"));
        const CliRun r = reviewbenchRun({QStringLiteral("--timeout"), QStringLiteral("150")}, out);
        QVERIFY2(r.exitCode == 1, qPrintable(r.err));
        const auto review = loadReviewFile(out);
        QVERIFY2(review.ok(), qPrintable(r.err));
        for (const QString &a : kAgents) {
            const AgentRun *run = review->agent(a);
            QVERIFY(run);
            QVERIFY2(run->status == RunStatus::Failed, qPrintable(a + QStringLiteral(": ") + toString(run->status) + QStringLiteral(": ") + run->failureReason));
            // Codex names no status for a 5xx answer, only its own message.
            const QString expected = a == QLatin1String("codex") && status >= 500 ? QStringLiteral("experiencing high demand")
                                                                                 : QString::number(status);
            QVERIFY2(run->failureReason.contains(expected), qPrintable(a + QStringLiteral(": ") + run->failureReason));
            QVERIFY2(run->durationSeconds.value_or(999) < 60, qPrintable(a + QStringLiteral(" took ") + QString::number(run->durationSeconds.value_or(-1))));
            QVERIFY2(r.err.contains(QStringLiteral("[%1] failed after").arg(a)), qPrintable(r.err));
        }
        qInfo("%s", qPrintable(r.err.split(QLatin1Char('\n')).filter(QLatin1String("failed after")).join(QLatin1Char('\n'))));
    }

    // A stream that is not JSON: each agent fails with a reason, none hangs.
    void malformedStreamFails()
    {
        planAll({Behaviour::Garbage, 0, {}, {}});
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("review.json"));
        const CliRun r = reviewbenchRun({QStringLiteral("--timeout"), QStringLiteral("150")}, out);
        QVERIFY2(r.exitCode == 1, qPrintable(r.err));
        const auto review = loadReviewFile(out);
        QVERIFY(review.ok());
        for (const QString &a : kAgents) {
            const AgentRun *run = review->agent(a);
            QVERIFY2(run->status == RunStatus::Failed, qPrintable(a + QStringLiteral(": ") + toString(run->status) + QStringLiteral(": ") + run->failureReason));
            QVERIFY2(!run->failureReason.isEmpty(), qPrintable(a));
        }
        qInfo("%s", qPrintable(r.err.split(QLatin1Char('\n')).filter(QLatin1String("failed after")).join(QLatin1Char('\n'))));
    }

    // An API that never answers: the agents are stopped at their timeout, and say so.
    void silentApiTimesOut()
    {
        planAll({Behaviour::Hang, 0, {}, {}});
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("review.json"));
        const CliRun r = reviewbenchRun({QStringLiteral("--timeout"), QStringLiteral("25")}, out);
        QVERIFY2(r.exitCode == 1, qPrintable(r.err));
        const auto review = loadReviewFile(out);
        QVERIFY(review.ok());
        for (const QString &a : kAgents) {
            const AgentRun *run = review->agent(a);
            QVERIFY2(run->status == RunStatus::TimedOut, qPrintable(a + QStringLiteral(": ") + toString(run->status) + QStringLiteral(": ") + run->failureReason));
            QVERIFY2(run->failureReason.startsWith(QLatin1String("timed out after 25 s")), qPrintable(run->failureReason));
            QVERIFY2(run->durationSeconds.value_or(999) < 25 + 5, qPrintable(QString::number(run->durationSeconds.value_or(-1))));
        }
        QVERIFY2(!m_stub.requests().isEmpty(), "no CLI reached the stub");
    }

    // No API key: each CLI refuses at once, and the reason says what is missing.
    void missingApiKeyIsNamed()
    {
        planAll({});
        const QByteArray anthropic = qgetenv("ANTHROPIC_API_KEY"), openai = qgetenv("REVIEWBENCH_STUB_OPENAI_KEY"),
                         gemini = qgetenv("GEMINI_API_KEY");
        qunsetenv("ANTHROPIC_API_KEY");
        qunsetenv("REVIEWBENCH_STUB_OPENAI_KEY");
        qunsetenv("GEMINI_API_KEY");
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("review.json"));
        const CliRun r = reviewbenchRun({QStringLiteral("--timeout"), QStringLiteral("150")}, out);
        qputenv("ANTHROPIC_API_KEY", anthropic);
        qputenv("REVIEWBENCH_STUB_OPENAI_KEY", openai);
        qputenv("GEMINI_API_KEY", gemini);
        QVERIFY2(r.exitCode == 1, qPrintable(r.err));
        const auto review = loadReviewFile(out);
        QVERIFY(review.ok());
        for (const QString &a : kAgents) {
            const AgentRun *run = review->agent(a);
            QVERIFY2(run->status == RunStatus::Failed, qPrintable(a + QStringLiteral(": ") + toString(run->status) + QStringLiteral(": ") + run->failureReason));
            QVERIFY2(run->durationSeconds.value_or(999) < 60, qPrintable(a));
        }
        qInfo("%s", qPrintable(r.err.split(QLatin1Char('\n')).filter(QLatin1String("failed after")).join(QLatin1Char('\n'))));
        QVERIFY2(review->agent(QStringLiteral("codex"))->failureReason.contains(QLatin1String("REVIEWBENCH_STUB_OPENAI_KEY")),
                 qPrintable(review->agent(QStringLiteral("codex"))->failureReason));
        QVERIFY2(review->agent(QStringLiteral("gemini"))->failureReason.contains(QLatin1String("GEMINI_API_KEY")),
                 qPrintable(review->agent(QStringLiteral("gemini"))->failureReason));
    }

    // Cancel while the API holds every request: each agent is cancelled with its process
    // tree, promptly.
    void cancelStopsEveryAgent()
    {
        planAll({Behaviour::Hang, 0, {}, {}});
        QTemporaryDir work;
        AgentRunner runner;
        runner.setKillGraceMs(2000);
        QSignalSpy done(&runner, &AgentRunner::allFinished);
        QVERIFY(runner.start(launches(work, 240)).ok());
        // Wait until all three have sent their request (they are busy, not starting up).
        QTRY_VERIFY_WITH_TIMEOUT(m_stub.requests(Api::Anthropic).size() >= 1 && m_stub.requests(Api::OpenAiResponses).size() >= 1
                                     && m_stub.requests(Api::Gemini).size() >= 1,
                                 120000);
        QElapsedTimer clock;
        clock.start();
        runner.cancel();
        QVERIFY(done.wait(10000));
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        for (const AgentRun &run : runner.results()) {
            QCOMPARE(toString(run.status), QStringLiteral("cancelled"));
            QVERIFY2(run.failureReason.startsWith(QLatin1String("cancelled after")), qPrintable(run.failureReason));
        }
    }
};

int main(int argc, char **argv)
{
    g_network = test::enterLoopbackOnlyNetwork(); // before any thread exists
    QCoreApplication app(argc, argv);
    TestRealAgents t;
    return QTest::qExec(&t, argc, argv);
}

#include "test_real_agents.moc"
