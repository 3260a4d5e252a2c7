// `reviewbench import REVIEW.json --agent NAME [--id ID] [--format F] [--source-root DIR] FILE`:
// adds one raw review (Markdown, findings JSON or SARIF) to a review file as a named agent.
#include "cli/cli.h"

#include "io/review_file.h"
#include "parse/add_agent_review.h"
#include "parse/raw_review.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace rb::cli {

namespace {

const char *kUsage = "usage: reviewbench import REVIEW.json --agent NAME [--id ID] "
                     "[--format auto|markdown|json|sarif] [--source-root DIR] FILE\n";

struct ImportArgs {
    QString reviewPath;
    QString rawPath;
    QString agentName;
    QString agentId;
    QString format = QStringLiteral("auto");
    QString sourceRoot;
};

std::optional<ImportArgs> parseArgs(const QStringList &args, QString &problem)
{
    ImportArgs a;
    QStringList positional;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        auto value = [&](QString &into) {
            if (i + 1 >= args.size()) {
                problem = QStringLiteral("%1 needs a value").arg(arg);
                return false;
            }
            into = args[++i];
            return true;
        };
        if (arg == QLatin1String("--agent")) {
            if (!value(a.agentName))
                return std::nullopt;
        } else if (arg == QLatin1String("--id")) {
            if (!value(a.agentId))
                return std::nullopt;
        } else if (arg == QLatin1String("--format")) {
            if (!value(a.format))
                return std::nullopt;
        } else if (arg == QLatin1String("--source-root")) {
            if (!value(a.sourceRoot))
                return std::nullopt;
        } else if (arg.startsWith(QLatin1String("--"))) {
            problem = QStringLiteral("unknown option %1").arg(arg);
            return std::nullopt;
        } else {
            positional << arg;
        }
    }
    if (positional.size() != 2) {
        problem = QStringLiteral("expected REVIEW.json and FILE");
        return std::nullopt;
    }
    if (a.agentName.trimmed().isEmpty()) {
        problem = QStringLiteral("--agent NAME is required");
        return std::nullopt;
    }
    if (a.agentId.isEmpty())
        a.agentId = parse::agentIdFromName(a.agentName);
    if (a.agentId.isEmpty()) {
        problem = QStringLiteral("cannot derive an id from \"%1\"; give --id").arg(a.agentName);
        return std::nullopt;
    }
    if (a.format != QLatin1String("auto") && !rawFormatFromString(a.format)) {
        problem = QStringLiteral("unknown format \"%1\"; expected auto, markdown, json or sarif").arg(a.format);
        return std::nullopt;
    }
    a.reviewPath = positional[0];
    a.rawPath = positional[1];
    return a;
}

} // namespace

int importCommand(const QStringList &args)
{
    QString problem;
    const auto a = parseArgs(args, problem);
    if (!a) {
        err() << "reviewbench import: " << problem << "\n" << kUsage;
        return ExitUsage;
    }

    QFile raw(a->rawPath);
    if (!raw.open(QIODevice::ReadOnly)) {
        err() << "reviewbench: " << a->rawPath << ": cannot open: " << raw.errorString() << "\n";
        return ExitBadInput;
    }
    const QByteArray text = raw.readAll();

    Review review;
    const bool exists = QFileInfo::exists(a->reviewPath);
    if (exists) {
        auto loaded = loadReviewFile(a->reviewPath);
        if (!loaded) {
            err() << "reviewbench: " << loaded.error().message << "\n";
            return ExitBadInput;
        }
        review = std::move(loaded).value();
    }
    if (review.agent(a->agentId)) {
        err() << "reviewbench: " << a->reviewPath << " already has an agent with id \"" << a->agentId
              << "\"; give another --id\n";
        return ExitFailed;
    }

    parse::RawReviewSource source;
    source.agentId = a->agentId;
    source.agentName = a->agentName;
    source.fileName = a->rawPath;
    if (a->format != QLatin1String("auto"))
        source.format = rawFormatFromString(a->format);
    if (!a->sourceRoot.isEmpty()) {
        const QDir root(a->sourceRoot);
        source.readSource = [root](const QString &path) -> std::optional<QString> {
            QFile f(QDir::isAbsolutePath(path) ? path : root.filePath(path));
            if (!f.open(QIODevice::ReadOnly))
                return std::nullopt;
            return QString::fromUtf8(f.readAll());
        };
    }
    auto parsed = parse::parseRawReview(text, source);
    if (!parsed) {
        err() << "reviewbench: " << parsed.error().message << "\n";
        return ExitBadInput;
    }
    if (const Status added = parse::addAgentReview(review, *parsed); !added) {
        err() << "reviewbench: " << a->reviewPath << ": " << added.error().message << "\n";
        return ExitFailed;
    }
    if (const Status saved = saveReviewFile(review, a->reviewPath); !saved) {
        err() << "reviewbench: " << saved.error().message << "\n";
        return ExitFailed;
    }

    const AgentRun &run = parsed->run;
    out() << (exists ? "added" : "created " + a->reviewPath + " with") << " agent \"" << run.id << "\" (" << run.name
          << ", " << toString(run.format) << "): ";
    if (run.failed())
        out() << "recorded as failed: " << run.failureReason << "\n";
    else
        out() << parsed->findings.size() << " findings, " << parsed->observations.size() << " design observations, "
              << run.parseWarnings.size() << " warnings\n";
    for (const ParseWarning &w : run.parseWarnings)
        err() << a->rawPath << ":" << w.line << ": warning: " << w.message << "\n";
    return ExitOk;
}

} // namespace rb::cli
