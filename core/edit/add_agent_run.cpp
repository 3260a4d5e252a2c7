#include "edit/add_agent_run.h"

#include "agents/run_review.h"
#include "consolidate/consolidate.h"
#include "consolidate/issue_fixes.h"
#include "edit/issue_edits.h"

#include <QSet>

namespace rb::edit {

namespace {

QSet<QString> idsOf(const auto &items)
{
    QSet<QString> ids;
    for (const auto &item : items)
        ids.insert(item.id);
    return ids;
}

// Index of the first existing group (issue or design observation) that holds one of
// `members`, or -1.
qsizetype firstGroupHolding(const auto &groups, const QStringList &members)
{
    for (qsizetype g = 0; g < groups.size(); ++g)
        for (const QString &m : members)
            if (groups[g].members.contains(m))
                return g;
    return -1;
}

void foldFindings(Review &review, const QSet<QString> &added, const consolidate::ClusterOptions &options)
{
    const QList<Issue> proposed = consolidate::proposeIssues(review, options);
    QSet<qsizetype> grown;
    for (const Issue &cluster : proposed) {
        QStringList newMembers;
        for (const QString &m : cluster.members)
            if (added.contains(m))
                newMembers << m;
        if (newMembers.isEmpty())
            continue;
        const qsizetype target = firstGroupHolding(review.issues, cluster.members);
        if (target < 0) {
            review.issues << consolidate::issueFromMembers(review, newMembers, newIssueId(review));
            continue;
        }
        Issue &issue = review.issues[target];
        for (const QString &m : newMembers) {
            issue.members << m;
            if (const RawFinding *f = review.finding(m)) {
                for (const Location &l : f->locations)
                    if (!issue.locations.contains(l))
                        issue.locations << l;
                consolidate::addFindingFix(issue, *f);
            }
        }
        for (const GroupingEvidence &e : cluster.evidence)
            if ((added.contains(e.findingA) || added.contains(e.findingB)) && issue.members.contains(e.findingA)
                && issue.members.contains(e.findingB) && !issue.evidence.contains(e))
                issue.evidence << e;
        grown.insert(target);
    }
    for (qsizetype g : grown)
        refreshProposal(review, review.issues[g]);
}

QString newObservationId(const Review &review, ObservationKind kind)
{
    const QString prefix = kind == ObservationKind::Concern ? QStringLiteral("concern-") : QStringLiteral("strength-");
    const QSet<QString> used = idsOf(review.designObservations);
    for (int n = 1;; ++n)
        if (!used.contains(prefix + QString::number(n)))
            return prefix + QString::number(n);
}

void foldObservations(Review &review, const QSet<QString> &added, const consolidate::ClusterOptions &options)
{
    const QList<DesignObservation> proposed = consolidate::proposeDesignObservations(review, options);
    for (const DesignObservation &cluster : proposed) {
        QStringList newMembers;
        for (const QString &m : cluster.members)
            if (added.contains(m))
                newMembers << m;
        if (newMembers.isEmpty())
            continue;
        const qsizetype target = firstGroupHolding(review.designObservations, cluster.members);
        if (target >= 0) {
            review.designObservations[target].members << newMembers;
            continue;
        }
        DesignObservation fresh = cluster;
        fresh.id = newObservationId(review, cluster.kind);
        fresh.members = newMembers;
        review.designObservations << fresh;
    }
}

} // namespace

QString unusedAgentId(const Review &review, const QString &id)
{
    if (!review.agent(id))
        return id;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1-%2").arg(id).arg(n);
        if (!review.agent(candidate))
            return candidate;
    }
}

Status addAgentRun(Review &review, const AgentRun &run, const consolidate::ClusterOptions &options)
{
    const bool consolidated = !review.issues.isEmpty() || !review.designObservations.isEmpty();
    const QSet<QString> findingsBefore = idsOf(review.findings);
    const QSet<QString> observationsBefore = idsOf(review.observations);
    Review updated = review;
    if (const Status added = agents::addRunToReview(updated, run); !added.ok())
        return added;
    if (!consolidated) {
        updated.issues = consolidate::proposeIssues(updated, options);
        updated.designObservations = consolidate::proposeDesignObservations(updated, options);
        review = std::move(updated);
        return Ok{};
    }
    QSet<QString> newFindings = idsOf(updated.findings) - findingsBefore;
    QSet<QString> newObservations = idsOf(updated.observations) - observationsBefore;
    if (!newFindings.isEmpty())
        foldFindings(updated, newFindings, options);
    if (!newObservations.isEmpty())
        foldObservations(updated, newObservations, options);
    review = std::move(updated);
    return Ok{};
}

} // namespace rb::edit
