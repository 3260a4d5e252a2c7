#include "workflows/run_workflow.h"

#include "agents/review_prompt.h"
#include "agents/run_review.h"
#include "document/review_document.h"
#include "edit/add_agent_run.h"

namespace rb::workbench {

QString checkoutWarning(const agents::ReviewInput &input)
{
    if (input.headCheckedOut)
        return {};
    return QStringLiteral("the working tree of %1 is not at %2 (%3); the agents read files from it and see other "
                          "versions than the diff")
        .arg(input.repositoryPath, input.metadata.head, input.metadata.headSha.left(12));
}

Result<PreparedRun> prepareRun(const RunPlan &plan, const QList<AgentRun> &existing)
{
    auto input = agents::reviewInputForRange(plan.repositoryPath, plan.base, plan.head);
    if (!input)
        return Error::of(input.error().message, int(PrepareFailure::Range));
    PreparedRun prepared;
    prepared.input = std::move(input).value();
    if (const QString warning = checkoutWarning(prepared.input); !warning.isEmpty())
        prepared.warnings << warning;

    agents::LaunchFiles files{plan.workDirectory, {}};
    if (auto schema = agents::writeFindingsSchema(plan.workDirectory))
        files.schemaFile = *schema;
    Review taken; // the ids in the review, and those given out below
    taken.agents = existing;
    for (agents::AgentProfile profile : plan.profiles) {
        const QString wanted = profile.id;
        profile.id = edit::unusedAgentId(taken, wanted);
        if (profile.id != wanted)
            profile.name = QStringLiteral("%1 (%2)").arg(profile.name.isEmpty() ? wanted : profile.name, profile.id);
        AgentRun placeholder;
        placeholder.id = profile.id;
        taken.agents << placeholder;
        const auto prompt = agents::renderReviewPrompt(plan.promptTemplate, prepared.input, profile.reviewFormat);
        if (!prompt)
            return Error::of(QStringLiteral("%1: %2").arg(plan.promptTemplateName, prompt.error().message),
                             int(PrepareFailure::Agent));
        auto launch = agents::prepareLaunch(profile, prepared.input, *prompt, files);
        if (!launch)
            return Error::of(launch.error().message, int(PrepareFailure::Agent));
        prepared.launches << std::move(launch).value();
    }
    return prepared;
}

QString FoldedRun::summary() const
{
    switch (status) {
    case RunStatus::Succeeded:
    case RunStatus::Imported: return findings == 1 ? QStringLiteral("done: 1 finding") : QStringLiteral("done: %1 findings").arg(findings);
    case RunStatus::Failed: return QStringLiteral("failed: %1").arg(failureReason);
    case RunStatus::TimedOut: return QStringLiteral("timed out: %1").arg(failureReason);
    case RunStatus::Cancelled: return QStringLiteral("cancelled");
    case RunStatus::NotInstalled: return QStringLiteral("not installed: %1").arg(failureReason);
    }
    return {};
}

Result<FoldedRun> foldRun(ui::ReviewDocument &document, const AgentRun &run)
{
    if (const Status added = document.addAgentRun(run); !added)
        return added.error();
    const Review &review = document.review();
    const AgentRun *stored = review.agent(run.id);
    FoldedRun folded;
    folded.agentId = run.id;
    folded.status = stored->status;
    folded.failureReason = stored->failureReason;
    folded.findings = int(std::count_if(review.findings.cbegin(), review.findings.cend(),
                                        [&](const RawFinding &f) { return f.agentId == run.id; }));
    if (run.status == RunStatus::Succeeded && stored->status != RunStatus::Succeeded)
        folded.notes << QStringLiteral("no review in its output: %1").arg(stored->failureReason);
    for (const ParseWarning &w : stored->parseWarnings)
        if (w.line == 0)
            folded.notes << w.message;
    return folded;
}

} // namespace rb::workbench
