// `reviewbench consolidate --review NAME=FILE... [--duration NAME=SECONDS]...
//  [--repo DIR --base REV --head REV] -o REVIEW.json`: parses each agent's raw review, adds
// the range's metadata when a repository is given, clusters the findings into proposed
// issues and design observations, and writes a new review file.
#include "cli/cli.h"
#include "cli/command_parser.h"
#include "cli/command_table.h"

#include "consolidate/consolidate.h"
#include "git/range.h"
#include "git/repository.h"
#include "io/review_file.h"
#include "parse/add_agent_review.h"
#include "parse/raw_review.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QTimeZone>

namespace rb::cli {
namespace {

struct Args {
    QList<std::pair<QString, QString>> reviews; // name, file
    QMap<QString, double> durations;
    QString repo;
    QString base;
    QString head;
    QString output;
};

bool splitPair(const QString &value, QString &name, QString &rest)
{
    const qsizetype eq = value.lastIndexOf(QLatin1Char('='));
    if (eq <= 0 || eq == value.size() - 1)
        return false;
    name = value.left(eq).trimmed();
    rest = value.mid(eq + 1);
    return !name.isEmpty();
}

// The values, and the rules between them that the parser does not know.
Result<Args> consolidateArgs(const CommandArgs &args)
{
    Args a;
    a.repo = args.value(QStringLiteral("repo"));
    a.base = args.value(QStringLiteral("base"));
    a.head = args.value(QStringLiteral("head"));
    a.output = args.value(QStringLiteral("output"));
    QString name;
    QString rest;
    for (const QString &value : args.values(QStringLiteral("review"))) {
        if (!splitPair(value, name, rest))
            return Error::of(QStringLiteral("--review \"%1\": expected NAME=FILE").arg(value));
        a.reviews.append({name, rest});
    }
    for (const QString &value : args.values(QStringLiteral("duration"))) {
        bool ok = false;
        const double seconds = splitPair(value, name, rest) ? rest.toDouble(&ok) : 0.0;
        if (!ok || seconds < 0)
            return Error::of(QStringLiteral("--duration \"%1\": expected NAME=SECONDS").arg(value));
        a.durations.insert(name, seconds);
    }
    if ((a.base.isEmpty()) != (a.head.isEmpty()) || (!a.base.isEmpty() && a.repo.isEmpty())) {
        return Error::of(QStringLiteral("--base and --head go together, with --repo"));
    }
    for (auto it = a.durations.constBegin(); it != a.durations.constEnd(); ++it) {
        const bool known = std::any_of(a.reviews.begin(), a.reviews.end(), [&](const auto &r) { return r.first == it.key(); });
        if (!known) {
            return Error::of(QStringLiteral("--duration names \"%1\", which is not a --review NAME").arg(it.key()));
        }
    }
    return a;
}

int consolidateCommand(const CommandArgs &args)
{
    const auto a = consolidateArgs(args);
    if (!a)
        return args.usageError(a.error().message);

    Review review;
    std::optional<git::Repository> repo;
    if (!a->repo.isEmpty()) {
        auto opened = git::Repository::open(a->repo);
        if (!opened) {
            err() << "reviewbench consolidate: " << opened.error().message << "\n";
            return ExitFailed;
        }
        repo.emplace(std::move(opened).value());
        review.metadata.repository = QDir(repo->displayPath()).dirName();
        if (!a->base.isEmpty()) {
            const auto range = git::resolveRange(*repo, a->base, a->head);
            if (!range) {
                err() << "reviewbench consolidate: " << range.error().message << "\n";
                return ExitFailed;
            }
            range->applyTo(review.metadata);
            review.metadata.pullRequest.branch = a->head;
        }
    }
    review.metadata.date = QDateTime::currentDateTimeUtc();

    const QString root = repo ? repo->workdir() : QString();
    for (const auto &[name, path] : a->reviews) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            err() << "reviewbench: " << path << ": cannot open: " << file.errorString() << "\n";
            return ExitBadInput;
        }
        parse::RawReviewSource source;
        source.agentId = parse::agentIdFromName(name);
        source.agentName = name;
        source.fileName = path;
        if (!root.isEmpty()) {
            source.readSource = [root](const QString &p) -> std::optional<QString> {
                QFile f(QDir(root).filePath(p));
                if (QDir::isAbsolutePath(p) || !f.open(QIODevice::ReadOnly))
                    return std::nullopt;
                return QString::fromUtf8(f.readAll());
            };
        }
        auto parsed = parse::parseRawReview(file.readAll(), source);
        if (!parsed) {
            err() << "reviewbench: " << parsed.error().message << "\n";
            return ExitBadInput;
        }
        if (a->durations.contains(name))
            parsed->run.durationSeconds = a->durations.value(name);
        for (const ParseWarning &w : parsed->run.parseWarnings)
            err() << path << ":" << w.line << ": warning: " << w.message << "\n";
        if (const Status added = parse::addAgentReview(review, *parsed); !added) {
            err() << "reviewbench consolidate: " << path << ": " << added.error().message << "\n";
            return ExitUsage;
        }
    }

    review = consolidate::consolidateReview(std::move(review));
    if (const Status saved = saveReviewFile(review, a->output); !saved) {
        err() << "reviewbench consolidate: " << saved.error().message << "\n";
        return ExitFailed;
    }
    int grouped = 0;
    for (const Issue &i : review.issues)
        grouped += i.members.size() > 1 ? 1 : 0;
    out() << a->output << ": " << review.agents.size() << " agents, " << review.findings.size() << " findings -> "
          << review.issues.size() << " issues (" << grouped << " found by more than one agent), "
          << review.designObservations.size() << " design observations\n";
    for (const AgentRun &run : review.agents)
        if (run.failed())
            out() << "  " << run.name << ": failed: " << run.failureReason << "\n";
    return ExitOk;
}

} // namespace

CommandSpec consolidateCommandSpec()
{
    return {
        .name = QStringLiteral("consolidate"),
        .summary = QStringLiteral("parse agents' raw reviews and group their findings into issues"),
        .description = QStringLiteral(
            "Parses each --review NAME=FILE (Markdown, findings JSON or SARIF, detected as in `import`; NAME is the "
            "agent's display name), records --duration NAME=SECONDS as that agent's duration, and with --repo DIR "
            "--base REV --head REV fills the range metadata from the git layer. Then it groups the findings into "
            "proposed issues and design observations (docs/consolidation.md) and writes a new review file."),
        .options = {{.names = {QStringLiteral("review")},
                     .valueName = QStringLiteral("NAME=FILE"),
                     .description = QStringLiteral("an agent's display name and its raw review"),
                     .repeatable = true,
                     .required = true},
                    {.names = {QStringLiteral("duration")},
                     .valueName = QStringLiteral("NAME=SECONDS"),
                     .description = QStringLiteral("how long that agent ran"),
                     .repeatable = true},
                    {.names = {QStringLiteral("repo")},
                     .valueName = QStringLiteral("DIR"),
                     .description = QStringLiteral("the repository reviewed (with --base and --head: the range's metadata)")},
                    {.names = {QStringLiteral("base")},
                     .valueName = QStringLiteral("REV"),
                     .description = QStringLiteral("the branch, tag or commit the changes are measured against")},
                    {.names = {QStringLiteral("head")},
                     .valueName = QStringLiteral("REV"),
                     .description = QStringLiteral("the branch, tag or commit under review")},
                    {.names = {QStringLiteral("o"), QStringLiteral("output")},
                     .valueName = QStringLiteral("REVIEW.json"),
                     .description = QStringLiteral("the review file to write"),
                     .required = true}},
        .synopsis = {QStringLiteral("--review NAME=FILE... [--duration NAME=SECONDS]... [--repo DIR --base REV --head REV] "
                                    "-o REVIEW.json")},
        .run = consolidateCommand,
    };
}

} // namespace rb::cli
