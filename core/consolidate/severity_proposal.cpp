#include "consolidate/severity_proposal.h"

#include <QStringList>

#include <algorithm>
#include <map>

namespace rb::consolidate {
namespace {
Severity fromRank(int r)
{
    return r >= 2 ? Severity::Critical : r == 1 ? Severity::Important : Severity::Suggestion;
}

QString joinNames(const QStringList &names)
{
    if (names.size() <= 1)
        return names.join(QString());
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") + names.last();
}
} // namespace

Severity proposeSeverity(const QList<Severity> &ratings)
{
    if (ratings.isEmpty())
        return Severity::Suggestion;
    QList<int> ranks;
    for (Severity s : ratings)
        ranks << rank(s);
    std::sort(ranks.begin(), ranks.end());
    const qsizetype n = ranks.size();
    if (n % 2 == 1)
        return fromRank(ranks[n / 2]);
    const int sum = ranks[n / 2 - 1] + ranks[n / 2];
    return fromRank((sum + 1) / 2); // midpoint, rounded up
}

QString draftDisagreementNote(const QList<std::pair<QString, Severity>> &agentRatings)
{
    std::map<int, QStringList> byRank;
    for (const auto &[name, severity] : agentRatings)
        byRank[rank(severity)] << name;
    if (byRank.size() < 2)
        return {};
    QStringList parts;
    for (const auto &[r, names] : byRank)
        parts << QStringLiteral("%1 rated %2 %3")
                     .arg(joinNames(names), parts.isEmpty() ? QStringLiteral("this") : QStringLiteral("it"),
                          displayName(fromRank(r)));
    return parts.join(QStringLiteral("; ")) + QLatin1Char('.');
}

} // namespace rb::consolidate
