#include "model/review.h"

namespace rb {
namespace {
template <typename List>
auto findById(List &list, const QString &id) -> decltype(&list[0])
{
    for (auto &item : list)
        if (item.id == id)
            return &item;
    return nullptr;
}
} // namespace

const AgentRun *Review::agent(const QString &id) const { return findById(agents, id); }
const RawFinding *Review::finding(const QString &id) const { return findById(findings, id); }
const RawObservation *Review::observation(const QString &id) const { return findById(observations, id); }
const Issue *Review::issue(const QString &id) const { return findById(issues, id); }
Issue *Review::issue(const QString &id) { return findById(issues, id); }

const IssueFix *Issue::fix(const QString &fixId) const { return findById(fixes, fixId); }

QList<IssueFix> Issue::chosenFixes() const
{
    QList<IssueFix> out;
    for (const IssueFix &f : fixes)
        if (f.chosen)
            out << f;
    return out;
}

bool Issue::hasApplicableFix() const
{
    for (const IssueFix &f : fixes)
        if (f.chosen && f.hasPatch())
            return true;
    return false;
}

} // namespace rb
