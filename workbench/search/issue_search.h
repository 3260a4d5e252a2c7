#pragma once
// The consolidation pane's search box: which issues a query finds, over what the agents and
// the human wrote.
//
// - The query is split at spaces into terms; an issue is found when every term occurs,
//   ignoring case, somewhere in its text (terms may be in different fields). An empty query
//   finds every issue.
// - An issue's text: its id, title, body, notes, severity reason, disagreement note, code
//   excerpt, its fixes' prose and file, the title and body of every issue merged into it, its
//   locations' paths, and the title, body and raw id of every member finding.
// - A phrase in double quotes is one term ("off by one").

#include "model/review.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace rb::ui {

QStringList searchTerms(const QString &query);
bool issueMatches(const Review &review, const Issue &issue, const QStringList &terms);
// The ids of the issues the query finds, in review order.
QStringList findIssues(const Review &review, const QString &query);

} // namespace rb::ui
