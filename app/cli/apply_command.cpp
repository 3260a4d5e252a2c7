// `reviewbench apply REVIEW.json [--issue ID]... [--accepted] [--check] [--repo DIR]`:
// applies (or only checks) issues' fixes to the working tree with the patch engine, prints
// where each hunk landed or why it could not, and records the fix states in the review file.
// Which issues, and how outcomes are recorded, are the workbench's rules
// (workflows/fix_workflow.h), the same as the Fixes pane's.
#include "cli/cli.h"

#include "document/review_document.h"
#include "git/repository.h"
#include "workflows/fix_workflow.h"

#include <QFileInfo>

namespace rb::cli {
namespace {

const char *const kUsage = "usage: reviewbench apply REVIEW.json [--issue ID]... [--accepted] [--check] [--repo DIR]\n";

void print(const Review &review, const workbench::FixOutcome &outcome)
{
    const Issue *issue = review.issue(outcome.issueId);
    out() << (issue ? workbench::issueLabel(review, *issue) : outcome.issueId) << ": " << outcome.message << "\n";
    if (!outcome.details.isEmpty())
        out() << "  " << QString(outcome.details).replace(QLatin1Char('\n'), QStringLiteral("\n  ")).trimmed() << "\n";
}

} // namespace

int applyCommand(const QStringList &args)
{
    QString reviewPath;
    QString repoDir = QStringLiteral(".");
    QStringList wanted;
    bool accepted = false;
    bool checkOnly = false;
    bool explicitRepo = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--check")) {
            checkOnly = true;
        } else if (a == QLatin1String("--accepted")) {
            accepted = true;
        } else if (a == QLatin1String("--issue") || a == QLatin1String("--repo")) {
            if (i + 1 >= args.size()) {
                err() << "reviewbench apply: " << a << " needs a value\n" << kUsage;
                return ExitUsage;
            }
            if (a == QLatin1String("--issue")) {
                wanted << args[++i];
            } else {
                repoDir = args[++i];
                explicitRepo = true;
            }
        } else if (!a.startsWith(QLatin1Char('-')) && reviewPath.isEmpty()) {
            reviewPath = a;
        } else {
            err() << "reviewbench apply: unexpected argument \"" << a << "\"\n" << kUsage;
            return ExitUsage;
        }
    }
    if (reviewPath.isEmpty()) {
        err() << kUsage;
        return ExitUsage;
    }
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

} // namespace rb::cli
