// `reviewbench consolidate --review NAME=FILE... [--duration NAME=SECONDS]...
//  [--repo DIR --base REV --head REV] -o REVIEW.json`: parses each agent's raw review, adds
// the range's metadata when a repository is given, clusters the findings into proposed
// issues and design observations, and writes a new review file.
#include "cli/cli.h"

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

const char *const kUsage =
    "usage: reviewbench consolidate --review NAME=FILE... [--duration NAME=SECONDS]...\n"
    "                               [--repo DIR --base REV --head REV] -o REVIEW.json\n";

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

std::optional<Args> parseArgs(const QStringList &args, QString &problem)
{
    Args a;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &opt = args[i];
        const bool takesValue = opt == QLatin1String("--review") || opt == QLatin1String("--duration")
                             || opt == QLatin1String("--repo") || opt == QLatin1String("--base")
                             || opt == QLatin1String("--head") || opt == QLatin1String("-o") || opt == QLatin1String("--output");
        if (!takesValue) {
            problem = QStringLiteral("unexpected argument \"%1\"").arg(opt);
            return std::nullopt;
        }
        if (i + 1 >= args.size()) {
            problem = opt + QStringLiteral(" needs a value");
            return std::nullopt;
        }
        const QString value = args[++i];
        QString name;
        QString rest;
        if (opt == QLatin1String("--review")) {
            if (!splitPair(value, name, rest)) {
                problem = QStringLiteral("--review \"%1\": expected NAME=FILE").arg(value);
                return std::nullopt;
            }
            a.reviews.append({name, rest});
        } else if (opt == QLatin1String("--duration")) {
            bool ok = false;
            const double seconds = splitPair(value, name, rest) ? rest.toDouble(&ok) : 0.0;
            if (!ok || seconds < 0) {
                problem = QStringLiteral("--duration \"%1\": expected NAME=SECONDS").arg(value);
                return std::nullopt;
            }
            a.durations.insert(name, seconds);
        } else if (opt == QLatin1String("--repo")) {
            a.repo = value;
        } else if (opt == QLatin1String("--base")) {
            a.base = value;
        } else if (opt == QLatin1String("--head")) {
            a.head = value;
        } else {
            a.output = value;
        }
    }
    if (a.reviews.isEmpty()) {
        problem = QStringLiteral("no --review NAME=FILE given");
        return std::nullopt;
    }
    if (a.output.isEmpty()) {
        problem = QStringLiteral("no -o REVIEW.json given");
        return std::nullopt;
    }
    if ((a.base.isEmpty()) != (a.head.isEmpty()) || (!a.base.isEmpty() && a.repo.isEmpty())) {
        problem = QStringLiteral("--base and --head go together, with --repo");
        return std::nullopt;
    }
    for (auto it = a.durations.constBegin(); it != a.durations.constEnd(); ++it) {
        const bool known = std::any_of(a.reviews.begin(), a.reviews.end(), [&](const auto &r) { return r.first == it.key(); });
        if (!known) {
            problem = QStringLiteral("--duration names \"%1\", which is not a --review NAME").arg(it.key());
            return std::nullopt;
        }
    }
    return a;
}

} // namespace

int consolidateCommand(const QStringList &args)
{
    QString problem;
    const auto a = parseArgs(args, problem);
    if (!a) {
        err() << "reviewbench consolidate: " << problem << "\n" << kUsage;
        return ExitUsage;
    }

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

} // namespace rb::cli
