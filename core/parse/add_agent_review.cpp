#include "parse/add_agent_review.h"

#include <QRegularExpression>

namespace rb::parse {

Status addAgentReview(Review &review, const ParsedReview &parsed)
{
    const QString &id = parsed.run.id;
    if (id.isEmpty())
        return Error::of(QStringLiteral("the agent has no id"));
    if (review.agent(id))
        return Error::of(QStringLiteral("the review already has an agent with id \"%1\"; choose another id").arg(id));
    for (const RawFinding &f : parsed.findings)
        if (review.finding(f.id))
            return Error::of(QStringLiteral("finding id \"%1\" is already used in the review").arg(f.id));
    for (const RawObservation &o : parsed.observations)
        if (review.observation(o.id))
            return Error::of(QStringLiteral("observation id \"%1\" is already used in the review").arg(o.id));
    review.agents.append(parsed.run);
    review.findings.append(parsed.findings);
    review.observations.append(parsed.observations);
    return Ok{};
}

QString agentIdFromName(const QString &name)
{
    QString id = name.toLower();
    static const QRegularExpression other(QStringLiteral("[^a-z0-9]+"));
    id.replace(other, QStringLiteral("-"));
    while (id.startsWith(QLatin1Char('-')))
        id.remove(0, 1);
    while (id.endsWith(QLatin1Char('-')))
        id.chop(1);
    return id;
}

} // namespace rb::parse
