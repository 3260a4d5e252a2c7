// `reviewbench import REVIEW.json --agent NAME [--id ID] [--format F] [--source-root DIR] FILE`:
// adds one raw review (Markdown, findings JSON or SARIF) to a review file as a named agent.
#include "cli/cli.h"
#include "cli/command_parser.h"
#include "cli/command_table.h"

#include "io/review_file.h"
#include "parse/add_agent_review.h"
#include "parse/raw_review.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace rb::cli {

namespace {

struct ImportArgs {
    QString reviewPath;
    QString rawPath;
    QString agentName;
    QString agentId;
    QString format;
    QString sourceRoot;
};

// The values, and the rules between them that the parser does not know.
Result<ImportArgs> importArgs(const CommandArgs &args)
{
    ImportArgs a;
    a.reviewPath = args.argument(0);
    a.rawPath = args.argument(1);
    a.agentName = args.value(QStringLiteral("agent"));
    a.agentId = args.value(QStringLiteral("id"));
    a.format = args.value(QStringLiteral("format"));
    a.sourceRoot = args.value(QStringLiteral("source-root"));
    if (a.agentName.trimmed().isEmpty())
        return Error::of(QStringLiteral("--agent NAME is required"));
    if (a.agentId.isEmpty())
        a.agentId = parse::agentIdFromName(a.agentName);
    if (a.agentId.isEmpty())
        return Error::of(QStringLiteral("cannot derive an id from \"%1\"; give --id").arg(a.agentName));
    if (a.format != QLatin1String("auto") && !rawFormatFromString(a.format))
        return Error::of(QStringLiteral("unknown format \"%1\"; expected auto, markdown, json or sarif").arg(a.format));
    return a;
}

int importCommand(const CommandArgs &args)
{
    const auto a = importArgs(args);
    if (!a)
        return args.usageError(a.error().message);

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

} // namespace

CommandSpec importCommandSpec()
{
    return {
        .name = QStringLiteral("import"),
        .summary = QStringLiteral("add a raw review (Markdown, findings JSON or SARIF) as an agent"),
        .description = QStringLiteral(
            "Reads FILE, one agent's raw review (Markdown, Reviewbench findings JSON or SARIF 2.1.0, see "
            "docs/review-formats.md), and adds it to REVIEW.json as one agent with its raw findings and design "
            "observations. REVIEW.json is created when it does not exist; an existing one is saved atomically. An "
            "agent id already in the review is refused."),
        .arguments = {{.name = QStringLiteral("REVIEW.json"), .description = QStringLiteral("the review file (created when missing)")},
                      {.name = QStringLiteral("FILE"), .description = QStringLiteral("the raw review")}},
        .options = {{.names = {QStringLiteral("agent")},
                     .valueName = QStringLiteral("NAME"),
                     .description = QStringLiteral("the agent's display name"),
                     .required = true},
                    {.names = {QStringLiteral("id")},
                     .valueName = QStringLiteral("ID"),
                     .description = QStringLiteral("the agent id that prefixes its finding ids (default: from the name)")},
                    {.names = {QStringLiteral("format")},
                     .valueName = QStringLiteral("auto|markdown|json|sarif"),
                     .description = QStringLiteral("the raw review's format"),
                     .defaultValue = QStringLiteral("auto")},
                    {.names = {QStringLiteral("source-root")},
                     .valueName = QStringLiteral("DIR"),
                     .description = QStringLiteral("where SARIF fixes find the files they replace text in")}},
        .run = importCommand,
    };
}

} // namespace rb::cli
