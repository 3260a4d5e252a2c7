// `reviewbench run`: runs the configured review agents in parallel on a range and writes
// every run (and the findings parsed from it) to a new review file.
#include "cli/cli.h"
#include "cli/command_parser.h"
#include "cli/command_table.h"
#include "cli/interrupt.h"
#include "cli/run_progress.h"

#include "agents/agent_config.h"
#include "agents/agent_runner.h"
#include "agents/review_prompt.h"
#include "document/review_document.h"
#include "workflows/run_workflow.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimer>

#include <optional>

namespace rb::cli {

namespace {

struct RunArgs {
    QString repo;
    QString base;
    QString head;
    QStringList agents;
    QString config;
    std::optional<int> timeoutSeconds;
    QString promptTemplate;
    int progressIntervalSeconds = 10;
    bool force = false;
    QString output;
};

std::optional<int> positiveInt(const QString &s, bool allowZero)
{
    bool ok = false;
    const int v = s.toInt(&ok);
    if (!ok || v < 0 || (v == 0 && !allowZero))
        return std::nullopt;
    return v;
}

// The values, and the rules the parser does not know.
Result<RunArgs> runArgs(const CommandArgs &args)
{
    RunArgs a;
    a.repo = args.value(QStringLiteral("repo"));
    a.base = args.value(QStringLiteral("base"));
    a.head = args.value(QStringLiteral("head"));
    a.agents = args.values(QStringLiteral("agent"));
    a.config = args.value(QStringLiteral("config"));
    a.promptTemplate = args.value(QStringLiteral("prompt-template"));
    a.force = args.isSet(QStringLiteral("force"));
    a.output = args.value(QStringLiteral("output"));
    if (args.isSet(QStringLiteral("timeout"))) {
        const QString v = args.value(QStringLiteral("timeout"));
        a.timeoutSeconds = positiveInt(v, false);
        if (!a.timeoutSeconds)
            return Error::of(QStringLiteral("--timeout needs a positive number of seconds, not \"%1\"").arg(v));
    }
    const QString interval = args.value(QStringLiteral("progress-interval"));
    const auto n = positiveInt(interval, true);
    if (!n)
        return Error::of(QStringLiteral("--progress-interval needs a number of seconds (0: off), not \"%1\"").arg(interval));
    a.progressIntervalSeconds = *n;
    return a;
}

Result<QString> promptTemplate(const RunArgs &a)
{
    if (a.promptTemplate.isEmpty())
        return agents::defaultPromptTemplate();
    QFile f(a.promptTemplate);
    if (!f.open(QIODevice::ReadOnly))
        return Error::of(QStringLiteral("%1: cannot open: %2").arg(a.promptTemplate, f.errorString()));
    return QString::fromUtf8(f.readAll());
}

// Runs the launches to completion, printing progress; Ctrl-C cancels them.
QList<AgentRun> runAgents(const QList<agents::AgentLaunch> &launches, int progressIntervalSeconds)
{
    agents::AgentRunner runner;
    QEventLoop loop;
    QObject::connect(&runner, &agents::AgentRunner::agentStarted, &loop, [&](const QString &id) {
        for (const agents::AgentLaunch &l : launches)
            if (l.id == id)
                err() << "[" << id << "] started: " << l.commandLine().join(QLatin1Char(' ')) << "\n";
        err().flush();
    });
    QObject::connect(&runner, &agents::AgentRunner::agentFinished, &loop, [](const AgentRun &run) {
        err() << finishedLine(run) << "\n";
        err().flush();
    });
    QObject::connect(&runner, &agents::AgentRunner::allFinished, &loop, &QEventLoop::quit);
    QTimer progress;
    QObject::connect(&progress, &QTimer::timeout, &loop, [&] {
        for (const agents::AgentProgress &p : runner.progress())
            if (p.running)
                err() << progressLine(p) << "\n";
        err().flush();
    });
    InterruptNotifier interrupt;
    QObject::connect(&interrupt, &InterruptNotifier::interrupted, &loop, [&](int) {
        err() << "reviewbench: cancelling the running agents; the review file keeps what they printed\n";
        err().flush();
        runner.cancel();
    });
    const Status started = runner.start(launches);
    if (!started.ok()) {
        err() << "reviewbench: " << started.error().message << "\n";
        return {};
    }
    if (progressIntervalSeconds > 0)
        progress.start(progressIntervalSeconds * 1000);
    loop.exec();
    return runner.results();
}

int runCommand(const CommandArgs &args)
{
    const auto a = runArgs(args);
    if (!a)
        return args.usageError(a.error().message);
    if (QFileInfo::exists(a->output) && !a->force) {
        err() << "reviewbench run: " << a->output << " already exists; choose another file or pass --force\n";
        return ExitFailed;
    }

    const bool explicitConfig = !a->config.isEmpty();
    const auto profiles = agents::loadAgentProfiles(explicitConfig ? a->config : agents::defaultAgentConfigPath(), explicitConfig);
    if (!profiles) {
        err() << "reviewbench run: " << profiles.error().message << "\n";
        return ExitBadInput;
    }
    auto selected = agents::selectAgentProfiles(*profiles, a->agents);
    if (!selected) {
        err() << "reviewbench run: " << selected.error().message << "\n";
        return ExitUsage;
    }
    const auto templ = promptTemplate(*a);
    if (!templ) {
        err() << "reviewbench run: " << templ.error().message << "\n";
        return ExitBadInput;
    }
    QTemporaryDir workDir;
    if (!workDir.isValid()) {
        err() << "reviewbench run: cannot create a temporary directory: " << workDir.errorString() << "\n";
        return ExitFailed;
    }
    workbench::RunPlan plan{a->repo, a->base, a->head, *selected, *templ,
                            a->promptTemplate.isEmpty() ? QStringLiteral("default prompt") : a->promptTemplate,
                            workDir.path()};
    if (a->timeoutSeconds)
        for (agents::AgentProfile &profile : plan.profiles)
            profile.timeoutSeconds = *a->timeoutSeconds;
    const auto prepared = workbench::prepareRun(plan, {});
    if (!prepared) {
        err() << "reviewbench run: " << prepared.error().message << "\n";
        return prepared.error().code == int(workbench::PrepareFailure::Range) ? ExitFailed : ExitBadInput;
    }
    for (const QString &warning : prepared->warnings)
        err() << "reviewbench run: warning: " << warning << "\n";
    const agents::ReviewInput &input = prepared->input;
    const QList<agents::AgentLaunch> &launches = prepared->launches;
    if (std::none_of(launches.begin(), launches.end(), [](const agents::AgentLaunch &l) { return l.installed(); })) {
        for (const agents::AgentLaunch &l : launches)
            err() << "[" << l.id << "] not installed: " << l.program << " was not found\n";
        err() << "reviewbench run: none of the selected agents is installed; nothing was run\n";
        return ExitFailed;
    }

    err() << "reviewbench: reviewing " << input.metadata.base << "..." << input.metadata.head << " ("
          << input.metadata.commits.size() << " commits, merge base " << input.metadata.mergeBase.left(12) << ") with "
          << launches.size() << " agents\n";
    QElapsedTimer wallClock;
    wallClock.start();
    const QList<AgentRun> runs = runAgents(launches, a->progressIntervalSeconds);
    if (runs.isEmpty())
        return ExitFailed;

    // Folded as the window folds each finished run: one rule (workflows/run_workflow.h).
    Review fresh;
    fresh.metadata = input.metadata;
    fresh.metadata.wallClockSeconds = wallClock.elapsed() / 1000.0;
    ui::ReviewDocument document;
    document.reset(std::move(fresh));
    for (const AgentRun &run : runs) {
        const auto folded = workbench::foldRun(document, run);
        if (!folded) {
            err() << "[" << run.id << "] " << folded.error().message << "\n";
            continue;
        }
        for (const QString &note : folded->notes)
            err() << "[" << run.id << "] " << note << "\n";
    }
    if (const Status saved = document.saveAs(a->output); !saved) {
        err() << "reviewbench run: " << saved.error().message << "\n";
        return ExitFailed;
    }
    const Review &review = document.review();
    const auto succeeded = std::count_if(review.agents.begin(), review.agents.end(),
                                         [](const AgentRun &r) { return r.status == RunStatus::Succeeded; });
    err() << "reviewbench: wrote " << a->output << ": " << succeeded << " of " << review.agents.size()
          << " agents succeeded, " << review.findings.size() << " findings\n";
    return succeeded > 0 ? ExitOk : ExitFailed;
}

} // namespace

CommandSpec runCommandSpec()
{
    return {
        .name = QStringLiteral("run"),
        .summary = QStringLiteral("run review agents in parallel on a range and write a new review file with every run; "
                                  "Ctrl-C cancels them (see docs/agents.md)"),
        .description = QStringLiteral(
            "Runs the review agents in parallel on the range base...head and writes a new review file with every run "
            "and the findings parsed from each. Per-agent progress goes to standard error; Ctrl-C cancels the running "
            "agents and still writes the file. REVIEW.json is never overwritten without --force. Configuration and "
            "presets: docs/agents.md."),
        .options = {{.names = {QStringLiteral("repo")},
                     .valueName = QStringLiteral("DIR"),
                     .description = QStringLiteral("any folder inside the repository"),
                     .defaultValue = QStringLiteral(".")},
                    {.names = {QStringLiteral("base")},
                     .valueName = QStringLiteral("REV"),
                     .description = QStringLiteral("the branch, tag or commit the changes are measured against"),
                     .required = true},
                    {.names = {QStringLiteral("head")},
                     .valueName = QStringLiteral("REV"),
                     .description = QStringLiteral("the branch, tag or commit under review"),
                     .required = true},
                    {.names = {QStringLiteral("agent")},
                     .valueName = QStringLiteral("NAME"),
                     .description = QStringLiteral("run this configured agent (default: every enabled one)"),
                     .repeatable = true},
                    {.names = {QStringLiteral("config")},
                     .valueName = QStringLiteral("FILE"),
                     .description = QStringLiteral("the agent configuration (default: the user's agents.json)")},
                    {.names = {QStringLiteral("timeout")},
                     .valueName = QStringLiteral("SECONDS"),
                     .description = QStringLiteral("stop each agent after this long (default: its profile's timeout)")},
                    {.names = {QStringLiteral("prompt-template")},
                     .valueName = QStringLiteral("FILE"),
                     .description = QStringLiteral("the prompt template instead of the built-in one")},
                    {.names = {QStringLiteral("progress-interval")},
                     .valueName = QStringLiteral("SECONDS"),
                     .description = QStringLiteral("how often running agents' progress is printed; 0: never"),
                     .defaultValue = QStringLiteral("10")},
                    {.names = {QStringLiteral("force")}, .description = QStringLiteral("overwrite REVIEW.json if it exists")},
                    {.names = {QStringLiteral("o"), QStringLiteral("output")},
                     .valueName = QStringLiteral("REVIEW.json"),
                     .description = QStringLiteral("the review file to write"),
                     .required = true}},
        .run = runCommand,
    };
}

} // namespace rb::cli
