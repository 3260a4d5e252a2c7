#include "search/issue_search.h"

#include <QRegularExpression>

namespace rb::ui {

QStringList searchTerms(const QString &query)
{
    QStringList terms;
    static const QRegularExpression term(QStringLiteral(R"("([^"]*)\"?|(\S+))"));
    for (auto it = term.globalMatch(query); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString t = (m.capturedStart(1) >= 0 ? m.captured(1) : m.captured(2)).trimmed();
        if (!t.isEmpty())
            terms << t;
    }
    return terms;
}

namespace {

QStringList issueTexts(const Review &review, const Issue &issue)
{
    QStringList texts{issue.id, issue.title, issue.body, issue.notes, issue.severityReason, issue.disagreementNote,
                      issue.codeExcerpt};
    for (const IssueFix &f : issue.fixes)
        texts << f.prose << f.path;
    for (const CombinedIssue &c : issue.combined)
        texts << c.title << c.body << c.notes;
    for (const Location &l : issue.locations)
        texts << l.path;
    for (const QString &id : issue.members)
        if (const RawFinding *f = review.finding(id))
            texts << f->title << f->body << f->rawId;
    return texts;
}

} // namespace

bool issueMatches(const Review &review, const Issue &issue, const QStringList &terms)
{
    if (terms.isEmpty())
        return true;
    const QStringList texts = issueTexts(review, issue);
    for (const QString &t : terms) {
        const bool found = std::any_of(texts.begin(), texts.end(),
                                       [&t](const QString &text) { return text.contains(t, Qt::CaseInsensitive); });
        if (!found)
            return false;
    }
    return true;
}

QStringList findIssues(const Review &review, const QString &query)
{
    const QStringList terms = searchTerms(query);
    QStringList ids;
    for (const Issue &i : review.issues)
        if (issueMatches(review, i, terms))
            ids << i.id;
    return ids;
}

} // namespace rb::ui
