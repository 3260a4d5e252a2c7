#include "agents/run_review.h"

#include "parse/add_agent_review.h"
#include "parse/raw_review.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <exception>
#include <optional>

namespace rb::agents {

Result<QString> writeFindingsSchema(const QString &directory)
{
    QFile schema(QStringLiteral(":/reviewbench/findings.schema.json"));
    if (!schema.open(QIODevice::ReadOnly))
        return Error::of(QStringLiteral("the findings schema is missing from this build"));
    const QString path = QDir(directory).filePath(QStringLiteral("findings.schema.json"));
    QSaveFile out(path);
    const QByteArray text = schema.readAll();
    if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size() || !out.commit())
        return Error::of(QStringLiteral("%1: cannot write: %2").arg(path, out.errorString()));
    return path;
}

Status addRunToReview(Review &review, const AgentRun &run)
{
    if (review.agent(run.id))
        return Error::of(QStringLiteral("the review already has an agent with id \"%1\"").arg(run.id));
    if (run.status != RunStatus::Succeeded) {
        review.agents << run;
        return Ok{};
    }
    parse::RawReviewSource source;
    source.agentId = run.id;
    source.agentName = run.name;
    source.fileName = QStringLiteral("output of agent %1").arg(run.id);
    source.format = run.format;
    // One agent's output is that agent's business: whatever it holds, the run is kept and
    // the others are not affected. The parsers return errors as values; the catch is the
    // last line of defence (an allocation failure on an enormous output).
    const auto keepUnparsed = [&](const QString &why) {
        AgentRun kept = run;
        kept.parseWarnings << ParseWarning{0, why};
        review.agents << kept;
        return Status(Ok{});
    };
    std::optional<Result<parse::ParsedReview>> result;
    try {
        result.emplace(parse::parseRawReview(run.rawOutput.toUtf8(), source));
    } catch (const std::exception &e) {
        return keepUnparsed(QStringLiteral("%1: could not be read: %2").arg(source.fileName, QString::fromUtf8(e.what()).left(200)));
    }
    Result<parse::ParsedReview> &parsed = *result;
    if (!parsed)
        return keepUnparsed(parsed.error().message);
    // The parser knows what the agent wrote; the runner knows how it ran.
    AgentRun &merged = parsed->run;
    const bool placeholder = merged.status == RunStatus::Failed;
    const QString placeholderReason = merged.failureReason;
    merged.id = run.id;
    merged.name = run.name;
    merged.model = run.model;
    merged.command = run.command;
    merged.started = run.started;
    merged.finished = run.finished;
    merged.durationSeconds = run.durationSeconds;
    merged.exitCode = run.exitCode;
    merged.inputTokens = run.inputTokens;
    merged.outputTokens = run.outputTokens;
    merged.costUsd = run.costUsd;
    merged.toolCalls = run.toolCalls;
    merged.rawOutput = run.rawOutput;
    merged.format = run.format;
    merged.status = placeholder ? RunStatus::Failed : RunStatus::Succeeded;
    merged.failureReason = placeholder ? placeholderReason : QString();
    if (const Status added = parse::addAgentReview(review, *parsed); !added)
        return keepUnparsed(added.error().message);
    return Ok{};
}

} // namespace rb::agents
