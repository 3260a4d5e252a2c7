#pragma once
// The proposed severity of a consolidated issue and the drafted note when agents disagree.
// The human's final rating lives apart, in Issue::finalSeverity.

#include "model/severity.h"

#include <QList>
#include <QString>

#include <utility>

namespace rb::consolidate {

// The median of the agents' ratings (one rating per agent). With an even number of ratings
// the proposal is the midpoint of the two middle ones, rounded toward the higher rating:
// {Suggestion, Critical} -> Important, {Suggestion, Important} -> Important.
// An empty list proposes Suggestion.
Severity proposeSeverity(const QList<Severity> &ratings);

// "Claude rated this Suggestion; Gemini rated it Critical." Agents are grouped by rating,
// lowest rating first ("Claude and Codex rated this Suggestion; Gemini rated it Critical.").
// Empty when all ratings agree or there are fewer than two agents.
QString draftDisagreementNote(const QList<std::pair<QString, Severity>> &agentRatings);

} // namespace rb::consolidate
