// `reviewbench run`: runs the configured review agents in parallel on a range and writes
// every run (and the findings parsed from it) to a new review file.
#include "cli/cli.h"
#include "cli/interrupt.h"
#include "cli/run_progress.h"

#include "agents/agent_config.h"
#include "agents/agent_runner.h"
#include "agents/review_prompt.h"
#include "agents/run_review.h"
#include "io/review_file.h"

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

const char *kRunUsage =
    "usage: reviewbench run [--repo DIR] --base REV --head REV [--agent NAME]... [--config FILE]\n"
    "                       [--timeout SECONDS] [--prompt-template FILE] [--progress-interval SECONDS]\n"
    "                       [--force] -o REVIEW.json\n";

struct RunArgs {
    QString repo = QStringLiteral(".");
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

std::optional<RunArgs> parse(const QStringList &args, QString &problem)
{
    RunArgs a;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        QString v;
        auto value = [&]() {
            if (i + 1 >= args.size()) {
                problem = arg + QStringLiteral(" needs a value");
                return false;
            }
            v = args[++i];
            return true;
        };
        if (arg == QLatin1String("--force")) {
            a.force = true;
            continue;
        }
        const QStringList withValue{"--repo", "--base", "--head", "--agent", "--config", "--timeout",
                                    "--prompt-template", "--progress-interval", "-o", "--output"};
        if (!withValue.contains(arg)) {
            problem = QStringLiteral("unknown argument %1").arg(arg);
            return std::nullopt;
        }
        if (!value())
            return std::nullopt;
        if (arg == QLatin1String("--repo"))
            a.repo = v;
        else if (arg == QLatin1String("--base"))
            a.base = v;
        else if (arg == QLatin1String("--head"))
            a.head = v;
        else if (arg == QLatin1String("--agent"))
            a.agents << v;
        else if (arg == QLatin1String("--config"))
            a.config = v;
        else if (arg == QLatin1String("--prompt-template"))
            a.promptTemplate = v;
        else if (arg == QLatin1String("-o") || arg == QLatin1String("--output"))
            a.output = v;
        else if (arg == QLatin1String("--timeout")) {
            a.timeoutSeconds = positiveInt(v, false);
            if (!a.timeoutSeconds) {
                problem = QStringLiteral("--timeout needs a positive number of seconds, not \"%1\"").arg(v);
                return std::nullopt;
            }
        } else if (arg == QLatin1String("--progress-interval")) {
            const auto n = positiveInt(v, true);
            if (!n) {
                problem = QStringLiteral("--progress-interval needs a number of seconds (0: off), not \"%1\"").arg(v);
                return std::nullopt;
            }
            a.progressIntervalSeconds = *n;
        }
    }
    if (a.base.isEmpty() || a.head.isEmpty())
        problem = QStringLiteral("--base and --head are required");
    else if (a.output.isEmpty())
        problem = QStringLiteral("-o REVIEW.json is required");
    if (!problem.isEmpty())
        return std::nullopt;
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

} // namespace

int runCommand(const QStringList &args)
{
    QString problem;
    const auto a = parse(args, problem);
    if (!a) {
        err() << "reviewbench run: " << problem << "\n" << kRunUsage;
        return ExitUsage;
    }
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
    const auto input = agents::reviewInputForRange(a->repo, a->base, a->head);
    if (!input) {
        err() << "reviewbench run: " << input.error().message << "\n";
        return ExitFailed;
    }

    if (!input->headCheckedOut)
        err() << "reviewbench run: warning: the working tree of " << input->repositoryPath << " is not at "
              << input->metadata.head << " (" << input->metadata.headSha.left(12)
              << "); the agents read files from it and see other versions than the diff\n";

    QTemporaryDir workDir;
    if (!workDir.isValid()) {
        err() << "reviewbench run: cannot create a temporary directory: " << workDir.errorString() << "\n";
        return ExitFailed;
    }
    agents::LaunchFiles files{workDir.path(), {}};
    if (auto schema = agents::writeFindingsSchema(workDir.path()))
        files.schemaFile = *schema;

    QList<agents::AgentLaunch> launches;
    for (agents::AgentProfile profile : *selected) {
        if (a->timeoutSeconds)
            profile.timeoutSeconds = *a->timeoutSeconds;
        const auto prompt = agents::renderReviewPrompt(*templ, *input, profile.reviewFormat);
        if (!prompt) {
            err() << "reviewbench run: " << (a->promptTemplate.isEmpty() ? QStringLiteral("default prompt") : a->promptTemplate)
                  << ": " << prompt.error().message << "\n";
            return ExitBadInput;
        }
        auto launch = agents::prepareLaunch(profile, *input, *prompt, files);
        if (!launch) {
            err() << "reviewbench run: " << launch.error().message << "\n";
            return ExitBadInput;
        }
        launches << *launch;
    }
    if (std::none_of(launches.begin(), launches.end(), [](const agents::AgentLaunch &l) { return l.installed(); })) {
        for (const agents::AgentLaunch &l : launches)
            err() << "[" << l.id << "] not installed: " << l.program << " was not found\n";
        err() << "reviewbench run: none of the selected agents is installed; nothing was run\n";
        return ExitFailed;
    }

    err() << "reviewbench: reviewing " << input->metadata.base << "..." << input->metadata.head << " ("
          << input->metadata.commits.size() << " commits, merge base " << input->metadata.mergeBase.left(12) << ") with "
          << launches.size() << " agents\n";
    QElapsedTimer wallClock;
    wallClock.start();
    const QList<AgentRun> runs = runAgents(launches, a->progressIntervalSeconds);
    if (runs.isEmpty())
        return ExitFailed;

    Review review;
    review.metadata = input->metadata;
    review.metadata.wallClockSeconds = wallClock.elapsed() / 1000.0;
    for (const AgentRun &run : runs) {
        const Status added = agents::addRunToReview(review, run);
        if (!added.ok()) {
            err() << "[" << run.id << "] " << added.error().message << "\n";
            continue;
        }
        const AgentRun *stored = review.agent(run.id);
        if (run.status == RunStatus::Succeeded && stored->status != RunStatus::Succeeded)
            err() << "[" << run.id << "] no review in its output: " << stored->failureReason << "\n";
        for (const ParseWarning &w : stored->parseWarnings)
            if (w.line == 0)
                err() << "[" << run.id << "] " << w.message << "\n";
    }
    const Status saved = saveReviewFile(review, a->output);
    if (!saved.ok()) {
        err() << "reviewbench run: " << saved.error().message << "\n";
        return ExitFailed;
    }
    const auto succeeded = std::count_if(review.agents.begin(), review.agents.end(),
                                         [](const AgentRun &r) { return r.status == RunStatus::Succeeded; });
    err() << "reviewbench: wrote " << a->output << ": " << succeeded << " of " << review.agents.size()
          << " agents succeeded, " << review.findings.size() << " findings\n";
    return succeeded > 0 ? ExitOk : ExitFailed;
}

} // namespace rb::cli
