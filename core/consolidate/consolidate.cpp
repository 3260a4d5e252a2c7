#include "consolidate/consolidate.h"

#include "consolidate/issue_fixes.h"
#include "consolidate/severity_proposal.h"
#include "model/agent_name.h"
#include "consolidate/text_features.h"

#include <QHash>

#include <algorithm>
#include <map>

namespace rb::consolidate {
namespace {

int agentOrder(const Review &review, const QString &agentId)
{
    for (qsizetype i = 0; i < review.agents.size(); ++i)
        if (review.agents[i].id == agentId)
            return int(i);
    return int(review.agents.size());
}

QString agentName(const Review &review, const QString &agentId)
{
    const AgentRun *a = review.agent(agentId);
    return a ? agentShortName(*a) : agentId;
}

// How complete a member is as the issue's representative: a patch, quoted code, fix prose,
// line numbers and a substantial explanation each count.
double completeness(const RawFinding &f)
{
    double s = 0.0;
    if (!f.fixPatch.trimmed().isEmpty())
        s += 3.0;
    if (!f.codeExcerpts.isEmpty())
        s += 2.0;
    if (!f.fixProse.trimmed().isEmpty())
        s += 1.0;
    if (std::any_of(f.locations.begin(), f.locations.end(), [](const Location &l) { return l.hasLines(); }))
        s += 1.0;
    s += std::min(1.0, double(f.body.size()) / 400.0);
    return s;
}

QList<Location> mergedLocations(const QList<const RawFinding *> &members)
{
    QList<Location> out;
    for (const RawFinding *f : members) {
        for (const Location &loc : f->locations) {
            bool merged = false;
            for (Location &have : out) {
                if (!samePath(normalizedPath(have.path), normalizedPath(loc.path)))
                    continue;
                if (!have.hasLines() || !loc.hasLines()) {
                    if (!have.hasLines() && loc.hasLines())
                        have = loc;
                    merged = true;
                    break;
                }
                const int haveEnd = std::max(have.startLine, have.endLine);
                const int locEnd = std::max(loc.startLine, loc.endLine);
                if (loc.startLine <= haveEnd + 1 && have.startLine <= locEnd + 1) {
                    have.startLine = std::min(have.startLine, loc.startLine);
                    have.endLine = std::max(haveEnd, locEnd);
                    merged = true;
                    break;
                }
            }
            if (!merged)
                out << loc;
        }
    }
    return out;
}

Category majorityCategory(const QList<const RawFinding *> &members)
{
    std::map<int, int> counts;
    for (const RawFinding *f : members)
        if (f->category != Category::Unspecified)
            ++counts[int(f->category)];
    Category best = members.isEmpty() ? Category::Unspecified : members.first()->category;
    int bestCount = 0;
    // members.first() is the representative: it wins ties because it is counted first.
    for (const RawFinding *f : members) {
        if (f->category == Category::Unspecified)
            continue;
        const int c = counts[int(f->category)];
        if (c > bestCount) {
            best = f->category;
            bestCount = c;
        }
    }
    return best;
}

ClusterItem itemOf(const RawFinding &f)
{
    return ClusterItem{f.id, f.agentId, 0, f.title, f.body, f.codeExcerpts, f.locations};
}

ClusterItem itemOf(const RawObservation &o)
{
    return ClusterItem{o.id, o.agentId, o.kind == ObservationKind::Concern ? 0 : 1, o.title, o.body, {}, {}};
}

} // namespace

QList<std::pair<QString, Severity>> agentRatings(const Review &review, const QStringList &memberIds)
{
    std::map<int, std::pair<QString, Severity>> byAgent;
    for (const QString &id : memberIds) {
        const RawFinding *f = review.finding(id);
        if (!f)
            continue;
        const int order = agentOrder(review, f->agentId);
        auto it = byAgent.find(order);
        if (it == byAgent.end())
            byAgent.emplace(order, std::pair(agentName(review, f->agentId), f->severity));
        else if (rank(f->severity) > rank(it->second.second))
            it->second.second = f->severity;
    }
    QList<std::pair<QString, Severity>> out;
    for (const auto &[order, rating] : byAgent)
        out << rating;
    return out;
}

Issue issueFromMembers(const Review &review, const QStringList &memberIds, const QString &id)
{
    QList<const RawFinding *> members;
    for (const QString &m : memberIds)
        if (const RawFinding *f = review.finding(m))
            members << f;
    // Representative first: most complete, then the earlier agent, then the earlier finding.
    std::stable_sort(members.begin(), members.end(), [&](const RawFinding *a, const RawFinding *b) {
        const double ca = completeness(*a);
        const double cb = completeness(*b);
        if (ca != cb)
            return ca > cb;
        return agentOrder(review, a->agentId) < agentOrder(review, b->agentId);
    });

    Issue issue;
    issue.id = id;
    for (const RawFinding *f : members)
        issue.members << f->id;
    if (members.isEmpty())
        return issue;
    const RawFinding &best = *members.first();
    issue.title = best.title;
    issue.body = best.body;
    issue.locations = mergedLocations(members);
    issue.category = majorityCategory(members);
    for (const RawFinding *f : members) {
        if (!f->codeExcerpts.isEmpty()) {
            issue.codeExcerpt = f->codeExcerpts.first();
            break;
        }
    }
    for (const RawFinding *f : members)
        if (std::optional<IssueFix> fix = fixOfFinding(*f))
            issue.fixes << *fix;
    chooseDefaultFixes(issue.fixes);
    const auto ratings = agentRatings(review, issue.members);
    QList<Severity> severities;
    for (const auto &r : ratings)
        severities << r.second;
    issue.proposedSeverity = proposeSeverity(severities);
    issue.disagreementNote = draftDisagreementNote(ratings);
    return issue;
}

QList<ClusterItem> findingItems(const Review &review)
{
    QList<ClusterItem> items;
    items.reserve(review.findings.size());
    for (const RawFinding &f : review.findings)
        items << itemOf(f);
    return items;
}

QList<Issue> proposeIssues(const Review &review, const ClusterOptions &options)
{
    const QList<ClusterItem> items = findingItems(review);
    const QList<Cluster> clusters = clusterItems(items, options);

    QList<Issue> issues;
    issues.reserve(clusters.size());
    for (const Cluster &c : clusters) {
        QStringList ids;
        for (int m : c.members)
            ids << items[m].id;
        Issue issue = issueFromMembers(review, ids, QString());
        issue.evidence = c.evidence;
        issues << issue;
    }
    std::stable_sort(issues.begin(), issues.end(), [](const Issue &a, const Issue &b) {
        return rank(a.proposedSeverity) > rank(b.proposedSeverity);
    });
    for (qsizetype i = 0; i < issues.size(); ++i)
        issues[i].id = QStringLiteral("issue-%1").arg(i + 1);
    return issues;
}

QList<DesignObservation> proposeDesignObservations(const Review &review, const ClusterOptions &options)
{
    QList<ClusterItem> items;
    for (const RawObservation &o : review.observations)
        items << itemOf(o);
    const QList<Cluster> clusters = clusterItems(items, options);
    QList<DesignObservation> concerns;
    QList<DesignObservation> strengths;
    for (const Cluster &c : clusters) {
        // Representative: the member with the longest explanation, then the earlier agent.
        const RawObservation *best = nullptr;
        std::map<int, int> scopes;
        DesignObservation d;
        for (int m : c.members) {
            const RawObservation *o = review.observation(items[m].id);
            d.members << o->id;
            if (o->scope != ObservationScope::Unspecified)
                ++scopes[int(o->scope)];
            if (!best || o->body.size() > best->body.size()
                || (o->body.size() == best->body.size() && agentOrder(review, o->agentId) < agentOrder(review, best->agentId)))
                best = o;
        }
        d.kind = best->kind;
        d.title = best->title;
        d.body = best->body;
        d.scope = best->scope;
        int bestCount = best->scope == ObservationScope::Unspecified ? 0 : scopes[int(best->scope)];
        for (const auto &[scope, count] : scopes) {
            if (count > bestCount) {
                d.scope = ObservationScope(scope);
                bestCount = count;
            }
        }
        (d.kind == ObservationKind::Concern ? concerns : strengths) << d;
    }
    for (qsizetype i = 0; i < concerns.size(); ++i)
        concerns[i].id = QStringLiteral("concern-%1").arg(i + 1);
    for (qsizetype i = 0; i < strengths.size(); ++i)
        strengths[i].id = QStringLiteral("strength-%1").arg(i + 1);
    return concerns + strengths;
}

Review consolidateReview(Review review, const ClusterOptions &options)
{
    review.issues = proposeIssues(review, options);
    review.designObservations = proposeDesignObservations(review, options);
    return review;
}

} // namespace rb::consolidate
