#include "report/retro.h"

#include <QHash>
#include <QSet>

namespace rb::report {
namespace {

std::optional<double> duration(const AgentRun &a)
{
    if (a.durationSeconds)
        return a.durationSeconds;
    if (a.started.isValid() && a.finished.isValid() && a.finished >= a.started)
        return double(a.started.msecsTo(a.finished)) / 1000.0;
    return std::nullopt;
}

std::optional<double> wallClock(const Review &review)
{
    if (review.metadata.wallClockSeconds)
        return review.metadata.wallClockSeconds;
    QDateTime first;
    QDateTime last;
    for (const AgentRun &a : review.agents) {
        if (a.started.isValid() && (!first.isValid() || a.started < first))
            first = a.started;
        if (a.finished.isValid() && (!last.isValid() || a.finished > last))
            last = a.finished;
    }
    if (first.isValid() && last.isValid() && last >= first)
        return double(first.msecsTo(last)) / 1000.0;
    return std::nullopt;
}

SeverityTally &tallyFor(AgentRetro &r, Severity s)
{
    switch (s) {
    case Severity::Critical: return r.critical;
    case Severity::Important: return r.important;
    case Severity::Suggestion: break;
    }
    return r.suggestion;
}

} // namespace

ReviewRetro computeRetro(const Review &review)
{
    ReviewRetro retro;
    retro.wallClockSeconds = wallClock(review);

    QHash<QString, const Issue *> issueOfFinding;
    for (const Issue &issue : review.issues)
        for (const QString &m : issue.members)
            issueOfFinding.insert(m, &issue);

    // Agents behind each reported item, to find what only one agent saw.
    QHash<QString, int> unique;
    auto countUnique = [&](const QSet<QString> &agents) {
        if (agents.size() == 1)
            ++unique[*agents.begin()];
    };
    for (const Issue &issue : review.issues) {
        if (!issue.isReported())
            continue;
        QSet<QString> agents;
        for (const QString &m : issue.members)
            if (const RawFinding *f = review.finding(m))
                agents.insert(f->agentId);
        countUnique(agents);
    }
    for (const DesignObservation &d : review.designObservations) {
        if (d.rejected || d.kind != ObservationKind::Concern)
            continue;
        QSet<QString> agents;
        for (const QString &m : d.members)
            if (const RawObservation *o = review.observation(m))
                agents.insert(o->agentId);
        countUnique(agents);
    }

    for (const AgentRun &a : review.agents) {
        AgentRetro r;
        r.agentId = a.id;
        r.name = a.name.isEmpty() ? a.id : a.name;
        r.status = a.status;
        r.failed = a.failed();
        r.failure = a.failureReason;
        r.durationSeconds = duration(a);
        if (a.inputTokens || a.outputTokens)
            r.tokens = a.inputTokens.value_or(0) + a.outputTokens.value_or(0);
        r.costUsd = a.costUsd;
        r.toolCalls = a.toolCalls;
        r.filesReviewed = a.filesReviewed;
        for (const RawFinding &f : review.findings) {
            if (f.agentId != a.id)
                continue;
            SeverityTally &t = tallyFor(r, f.severity);
            ++t.count;
            const Issue *issue = issueOfFinding.value(f.id);
            if (!issue)
                continue;
            if (issue->triage == TriageState::FalsePositive)
                ++r.falsePositives;
            else if (issue->triage == TriageState::Rejected)
                ++r.rejected;
            else if (rank(issue->severity()) < rank(f.severity))
                ++t.downgraded;
            else if (rank(issue->severity()) > rank(f.severity))
                ++t.upgraded;
        }
        for (const RawObservation &o : review.observations)
            if (o.agentId == a.id)
                ++r.designObservations;
        r.uniqueInsights = unique.value(a.id);
        retro.agents << r;
    }
    return retro;
}

} // namespace rb::report
