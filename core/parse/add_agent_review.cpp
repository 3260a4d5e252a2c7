#include "parse/add_agent_review.h"

#include <QRegularExpression>
#include <QSet>

namespace rb::parse {

Status addAgentReview(Review &review, const ParsedReview &parsed)
{
    const QString &id = parsed.run.id;
    if (id.isEmpty())
        return Error::of(QStringLiteral("the agent has no id"));
    if (review.agent(id))
        return Error::of(QStringLiteral("the review already has an agent with id \"%1\"; choose another id").arg(id));
    // Sets, not Review::finding(): adding 10,000 findings to a large review stays linear.
    QSet<QString> used;
    used.reserve(review.findings.size() + review.observations.size());
    for (const RawFinding &f : review.findings)
        used.insert(f.id);
    for (const RawFinding &f : parsed.findings)
        if (used.contains(f.id))
            return Error::of(QStringLiteral("finding id \"%1\" is already used in the review").arg(f.id));
    used.clear();
    for (const RawObservation &o : review.observations)
        used.insert(o.id);
    for (const RawObservation &o : parsed.observations)
        if (used.contains(o.id))
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
