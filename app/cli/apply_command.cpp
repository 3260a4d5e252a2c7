// `reviewbench apply REVIEW.json [--issue ID]... [--accepted] [--check] [--repo DIR]`:
// applies (or only checks) issues' fixes to the working tree with the patch engine, prints
// where each hunk landed or why it could not, and records the fix states in the review file.
// Which issues, and how outcomes are recorded, are the workbench's rules
// (workflows/fix_workflow.h), the same as the Fixes pane's.
#include "cli/cli.h"
#include "cli/command_parser.h"
#include "cli/command_table.h"

#include "document/review_document.h"
#include "git/repository.h"
#include "workflows/fix_workflow.h"

#include <QFileInfo>

namespace rb::cli {
namespace {

void print(const Review &review, const workbench::FixOutcome &outcome)
{
    const Issue *issue = review.issue(outcome.issueId);
    out() << (issue ? workbench::issueLabel(review, *issue) : outcome.issueId) << ": " << outcome.message << "\n";
    if (!outcome.details.isEmpty())
        out() << "  " << QString(outcome.details).replace(QLatin1Char('\n'), QStringLiteral("\n  ")).trimmed() << "\n";
}

int applyCommand(const CommandArgs &args)
{
    const QString reviewPath = args.argument(0);
    const QString repoDir = args.value(QStringLiteral("repo"));
    const QStringList wanted = args.values(QStringLiteral("issue"));
    const bool accepted = args.isSet(QStringLiteral("accepted"));
    const bool checkOnly = args.isSet(QStringLiteral("check"));
    const bool explicitRepo = args.isSet(QStringLiteral("repo"));
    ui::ReviewDocument document;
    if (const Status loaded = document.load(reviewPath); !loaded) {
        err() << "reviewbench: " << loaded.error().message << "\n";
        return ExitBadInput;
    }
    const Review &review = document.review();
    const auto chosen = workbench::selectFixes(review, {wanted, accepted, checkOnly});
    if (!chosen) {
        err() << "reviewbench apply: " << reviewPath << " " << chosen.error().message << "\n";
        return ExitUsage;
    }
    if (chosen->isEmpty()) {
        out() << "no fixes to " << (checkOnly ? "check" : "apply") << "\n";
        return ExitOk;
    }

    const auto repo = git::Repository::open(repoDir);
    if (!repo) {
        err() << "reviewbench apply: " << repo.error().message << "\n";
        const QString recorded = review.metadata.repository;
        if (!explicitRepo && !recorded.isEmpty())
            err() << "reviewbench apply: the review was made in " << recorded
                  << (QFileInfo(recorded).isDir() ? QString() : QStringLiteral(", which does not exist on this machine"))
                  << "; give its working tree here with --repo DIR\n";
        return ExitFailed;
    }
    const QString workTree = repo->workdir();
    if (workTree.isEmpty()) {
        err() << "reviewbench apply: " << repo->displayPath() << " has no working tree\n";
        return ExitFailed;
    }

    QList<workbench::FixOutcome> outcomes;
    if (checkOnly) {
        for (const QString &id : *chosen)
            outcomes << workbench::checkIssueFix(workTree, *review.issue(id));
    } else {
        outcomes = workbench::applyFixes(document, workTree, *chosen);
    }
    bool anyFailed = false;
    for (const workbench::FixOutcome &outcome : std::as_const(outcomes)) {
        print(review, outcome);
        anyFailed = anyFailed || (outcome.status == patch::FixStatus::Refused && !outcome.noFix);
    }
    if (document.isModified()) {
        if (const Status saved = document.save(); !saved) {
            err() << "reviewbench apply: " << saved.error().message << "\n";
            return ExitFailed;
        }
    }
    return anyFailed ? ExitFailed : ExitOk;
}

} // namespace

CommandSpec applyCommandSpec()
{
    return {
        .name = QStringLiteral("apply"),
        .summary = QStringLiteral("apply (or only check) the issues' fixes to the working tree"),
        .description = QStringLiteral(
            "Applies the fixes of the chosen issues to the working tree with the patch engine, prints where each "
            "hunk landed or why it could not, and records the fix states in REVIEW.json: the same rules as the "
            "window's Fixes pane. Without --issue or --accepted, every issue that has a fix is taken; --check "
            "writes nothing to the working tree or the review file."),
        .arguments = {{.name = QStringLiteral("REVIEW.json"), .description = QStringLiteral("the review file")}},
        .options = {{.names = {QStringLiteral("issue")},
                     .valueName = QStringLiteral("ID"),
                     .description = QStringLiteral("take this issue (its id or its number)"),
                     .repeatable = true},
                    {.names = {QStringLiteral("accepted")}, .description = QStringLiteral("keep only the issues triaged accepted")},
                    {.names = {QStringLiteral("check")},
                     .description = QStringLiteral("only check whether each fix applies; write nothing")},
                    {.names = {QStringLiteral("repo")},
                     .valueName = QStringLiteral("DIR"),
                     .description = QStringLiteral("a folder in the repository whose working tree is patched"),
                     .defaultValue = QStringLiteral(".")}},
        .run = applyCommand,
    };
}

} // namespace rb::cli
