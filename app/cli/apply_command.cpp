// `reviewbench apply REVIEW.json [--issue ID]... [--accepted] [--check] [--repo DIR]`:
// applies (or only checks) issues' fixes to the working tree with the patch engine, prints
// where each hunk landed or why it could not, and records the fix states in the review file.
#include "cli/cli.h"

#include "git/repository.h"
#include "io/review_file.h"
#include "patch/fix_applier.h"
#include "report/report_outline.h"

#include <QDateTime>
#include <QFileInfo>

namespace rb::cli {
namespace {

const char *const kUsage = "usage: reviewbench apply REVIEW.json [--issue ID]... [--accepted] [--check] [--repo DIR]\n";

// An issue by its id ("issue-3") or its number in the report ("I1").
Issue *findIssue(Review &review, const QString &key)
{
    if (Issue *i = review.issue(key))
        return i;
    for (Issue &i : review.issues)
        if (report::displayNumber(review, i.id).compare(key, Qt::CaseInsensitive) == 0)
            return &i;
    return nullptr;
}

QString label(const Review &review, const Issue &issue)
{
    const QString number = report::displayNumber(review, issue.id);
    return number.isEmpty() ? issue.id : QStringLiteral("%1 (%2)").arg(number, issue.id);
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
    auto loaded = loadReviewFile(reviewPath);
    if (!loaded) {
        err() << "reviewbench: " << loaded.error().message << "\n";
        return ExitBadInput;
    }
    Review review = std::move(loaded).value();

    QList<Issue *> chosen;
    for (const QString &key : std::as_const(wanted)) {
        Issue *issue = findIssue(review, key);
        if (!issue) {
            err() << "reviewbench apply: " << reviewPath << " has no issue \"" << key << "\"\n";
            return ExitUsage;
        }
        if (!chosen.contains(issue))
            chosen << issue;
    }
    if (wanted.isEmpty()) {
        for (Issue &issue : review.issues)
            if (issue.isReported() && (!accepted || issue.triage == TriageState::Accepted) && !issue.fixPatch.trimmed().isEmpty())
                chosen << &issue;
    } else if (accepted) {
        chosen.removeIf([](const Issue *i) { return i->triage != TriageState::Accepted; });
    }
    if (chosen.isEmpty()) {
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

    bool anyFailed = false;
    bool changed = false;
    for (Issue *issue : std::as_const(chosen)) {
        const QString name = label(review, *issue);
        if (issue->fixPatch.trimmed().isEmpty()) {
            out() << name << ": no patch to apply\n";
            continue;
        }
        const QString hint = issue->locations.isEmpty() ? QString() : issue->locations.first().path;
        const patch::FixRequest request{issue->fixPatch.toUtf8(), hint, issue->codeExcerpt};
        const patch::FixResult result = checkOnly ? patch::checkFix(workTree, request) : patch::applyFix(workTree, request);
        out() << name << ": " << result.message << "\n";
        const QString details = result.describe();
        if (!details.isEmpty())
            out() << "  " << QString(details).replace(QLatin1Char('\n'), QStringLiteral("\n  ")).trimmed() << "\n";
        if (result.status == patch::FixStatus::Refused)
            anyFailed = true;
        if (checkOnly)
            continue;
        if (result.status == patch::FixStatus::Applied && result.written) {
            issue->fixState = FixState::Applied;
            issue->fixRecords += result.records();
            changed = true;
        } else if (result.status == patch::FixStatus::AlreadyApplied) {
            if (issue->fixState != FixState::Applied) {
                issue->fixState = FixState::Applied;
                changed = true;
            }
        } else {
            issue->fixState = FixState::Failed;
            issue->fixRecords << FixRecord{hint, QString(), QString(), result.message, QDateTime::currentDateTimeUtc(), QString(), false};
            changed = true;
        }
    }
    if (changed) {
        if (const Status saved = saveReviewFile(review, reviewPath); !saved) {
            err() << "reviewbench apply: " << saved.error().message << "\n";
            return ExitFailed;
        }
    }
    return anyFailed ? ExitFailed : ExitOk;
}

} // namespace rb::cli
