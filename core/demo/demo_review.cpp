#include "demo/demo_review.h"

#include "consolidate/consolidate.h"
#include "demo/demo_project.h"
#include "git/range.h"
#include "git/repository.h"
#include "io/review_file.h"
#include "parse/add_agent_review.h"
#include "parse/raw_review.h"

#include <QDir>

namespace rb::demo {

Result<DemoSetup> prepareDemo(const QString &dir)
{
    const auto project = createDemoProject(QDir(dir).filePath(QStringLiteral("inventory-service")));
    if (!project)
        return project.error();
    const auto repo = git::Repository::open(project->repositoryPath);
    if (!repo)
        return repo.error();
    const auto range = git::resolveRange(*repo, project->base, project->head);
    if (!range)
        return range.error();

    Review review;
    range->applyTo(review.metadata);
    review.metadata.repository = project->repositoryPath;
    review.metadata.pullRequest.branch = project->head;
    review.metadata.pullRequest.title = QStringLiteral("Bulk reservations, CSV export and ring buffer drain");
    review.metadata.pullRequest.number = 17;
    review.metadata.pullRequest.author = QStringLiteral("@dreyes");
    review.metadata.date = QDateTime::currentDateTimeUtc();
    review.metadata.title = QStringLiteral("Deep Review: %1-pr-17").arg(review.metadata.date.toString(QStringLiteral("yyyyMMdd-HHmmss")));
    double wallClock = 0;
    for (const DemoReview &d : project->reviews) {
        parse::RawReviewSource source;
        source.agentId = d.agentId;
        source.agentName = d.agentName;
        source.fileName = QStringLiteral("%1.md").arg(d.agentId);
        source.format = RawFormat::Markdown;
        auto parsed = parse::parseRawReview(d.text.toUtf8(), source);
        if (!parsed)
            return parsed.error();
        AgentRun &run = parsed->run;
        if (run.status == RunStatus::Imported)
            run.status = RunStatus::Succeeded;
        run.model = d.model;
        run.durationSeconds = d.durationSeconds;
        run.inputTokens = d.inputTokens;
        run.outputTokens = d.outputTokens;
        run.costUsd = d.costUsd;
        wallClock = std::max(wallClock, d.durationSeconds.value_or(0));
        if (const Status added = parse::addAgentReview(review, *parsed); !added)
            return added.error();
    }
    review.metadata.wallClockSeconds = wallClock + 14; // the agents ran in parallel, plus consolidation
    review = consolidate::consolidateReview(std::move(review));

    DemoSetup setup;
    setup.repositoryPath = project->repositoryPath;
    setup.reviewPath = QDir(dir).filePath(QStringLiteral("review.json"));
    if (const Status saved = saveReviewFile(review, setup.reviewPath); !saved)
        return saved.error();
    return setup;
}

} // namespace rb::demo
