#include "workflows/fix_workflow.h"

#include "document/review_document.h"
#include "patch/issue_fixes_apply.h"
#include "report/report_outline.h"

#include <QDateTime>

namespace rb::workbench {

namespace {

// The one place an issue's chosen fixes become a result: every chosen fix, in order, all
// or none (core/patch/issue_fixes_apply.h).
FixOutcome outcomeOf(const QString &issueId, const patch::IssueFixResult &result)
{
    FixOutcome o;
    o.issueId = issueId;
    o.status = result.status;
    o.written = result.written;
    o.message = result.message;
    o.details = result.describe();
    for (const auto &[fixId, fix] : result.fixes)
        for (const patch::FileOutcome &f : fix.files)
            if (!f.appliedDiff.isEmpty())
                o.changes += QStringLiteral("--- a/%1\n+++ b/%1\n%2").arg(f.path, f.appliedDiff);
    if (result.written)
        o.records = result.records();
    return o;
}

FixOutcome noFix(const QString &issueId, const QString &message)
{
    FixOutcome o;
    o.issueId = issueId;
    o.message = message;
    o.noFix = true;
    return o;
}

} // namespace

const Issue *findIssue(const Review &review, const QString &key)
{
    if (const Issue *i = review.issue(key))
        return i;
    for (const Issue &i : review.issues)
        if (report::displayNumber(review, i.id).compare(key, Qt::CaseInsensitive) == 0)
            return &i;
    return nullptr;
}

QString issueLabel(const Review &review, const Issue &issue)
{
    const QString number = report::displayNumber(review, issue.id);
    return number.isEmpty() ? issue.id : QStringLiteral("%1 (%2)").arg(number, issue.id);
}

bool hasApplicableFix(const Issue &issue) { return issue.hasApplicableFix(); }

Result<QStringList> selectFixes(const Review &review, const FixSelection &selection)
{
    QStringList ids;
    if (!selection.issueKeys.isEmpty()) {
        for (const QString &key : selection.issueKeys) {
            const Issue *issue = findIssue(review, key);
            if (!issue)
                return Error::of(QStringLiteral("has no issue \"%1\"").arg(key));
            if (!ids.contains(issue->id) && (!selection.acceptedOnly || issue->triage == TriageState::Accepted))
                ids << issue->id;
        }
        return ids;
    }
    for (const Issue &issue : review.issues)
        if (issue.isReported() && (!selection.acceptedOnly || issue.triage == TriageState::Accepted)
            && hasApplicableFix(issue) && (selection.check || issue.fixState != FixState::Applied))
            ids << issue.id;
    return ids;
}

FixOutcome checkIssueFix(const QString &workTree, const Issue &issue)
{
    if (!hasApplicableFix(issue))
        return noFix(issue.id, QStringLiteral("no patch to apply"));
    return outcomeOf(issue.id, patch::checkIssueFixes(workTree, issue));
}

FixOutcome applyIssueFix(const QString &workTree, const Issue &issue)
{
    if (!hasApplicableFix(issue))
        return noFix(issue.id, QStringLiteral("no patch to apply"));
    return outcomeOf(issue.id, patch::applyIssueFixes(workTree, issue));
}

std::optional<RecordedFix> recordedFix(const Issue &issue, const FixOutcome &outcome)
{
    if (outcome.noFix)
        return std::nullopt;
    switch (outcome.status) {
    case patch::FixStatus::Applied:
        if (!outcome.written)
            return std::nullopt;
        return RecordedFix{FixState::Applied, outcome.records};
    case patch::FixStatus::AlreadyApplied:
        return std::nullopt;
    case patch::FixStatus::Refused: {
        if (issue.fixState == FixState::Applied)
            return std::nullopt;
        FixRecord failure;
        failure.path = issue.locations.value(0).path;
        failure.message = outcome.message;
        failure.when = QDateTime::currentDateTimeUtc();
        return RecordedFix{FixState::Failed, {failure}};
    }
    }
    return std::nullopt;
}

QList<FixOutcome> applyFixes(ReviewDocument &document, const QString &workTree, const QStringList &issueIds)
{
    QList<FixOutcome> outcomes;
    for (const QString &id : issueIds) {
        const Issue *issue = document.review().issue(id);
        if (!issue) {
            outcomes << noFix(id, QStringLiteral("the review has no issue \"%1\"").arg(id));
            continue;
        }
        if (!hasApplicableFix(*issue)) {
            outcomes << noFix(id, QStringLiteral("no patch to apply"));
            continue;
        }
        FixOutcome outcome = applyIssueFix(workTree, *issue);
        if (const auto recorded = recordedFix(*issue, outcome))
            document.recordFix(id, recorded->state, recorded->records);
        outcomes << std::move(outcome);
    }
    return outcomes;
}

RevertOutcome revertFix(ReviewDocument &document, const QString &workTree, const QString &issueId)
{
    const Issue *issue = document.review().issue(issueId);
    if (!issue)
        return {issueId, false, QStringLiteral("the review has no issue \"%1\"").arg(issueId)};
    if (issue->fixState != FixState::Applied)
        return {issueId, false, QStringLiteral("the fix is not recorded as applied; nothing to revert")};
    const patch::RevertResult result = patch::revertIssueFixes(workTree, issue->fixRecords);
    if (result.reverted)
        document.recordFix(issueId, FixState::Reverted, {});
    return {issueId, result.reverted, result.message};
}

} // namespace rb::workbench
