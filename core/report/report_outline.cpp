#include "report/report_outline.h"

#include "util/plural.h"
#include "model/agent_name.h"
#include "report/format.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QTimeZone>

namespace rb::report {
namespace {

QString tally(const SeverityTally &t)
{
    QString s = QString::number(t.count);
    QStringList moved;
    if (t.downgraded > 0)
        moved << QStringLiteral("%1 downgraded").arg(t.downgraded);
    if (t.upgraded > 0)
        moved << QStringLiteral("%1 upgraded").arg(t.upgraded);
    if (!moved.isEmpty())
        s += QStringLiteral(" (") + moved.join(QStringLiteral(", ")) + QLatin1Char(')');
    return s;
}

template <typename T, typename F>
void optionalRow(QList<RetroRow> &rows, const ReviewRetro &retro, const char *label, T AgentRetro::*field, F format)
{
    bool any = false;
    RetroRow row{QString::fromLatin1(label), {}};
    for (const AgentRetro &a : retro.agents) {
        const auto &v = a.*field;
        any = any || v.has_value();
        row.cells << (v ? format(*v) : QStringLiteral("—"));
    }
    if (any)
        rows << row;
}

QStringList agentsInOrder(const Review &review, const QSet<QString> &ids)
{
    QStringList names;
    for (const AgentRun &a : review.agents)
        if (ids.contains(a.id))
            names << agentShortName(a);
    for (const QString &id : ids)
        if (!review.agent(id))
            names << id;
    return names;
}

} // namespace

QString defaultTitle(const ReviewMetadata &m)
{
    const QDateTime date = m.date.isValid() ? m.date.toTimeZone(QTimeZone::utc()) : QDateTime();
    QString suffix;
    if (m.pullRequest.number)
        suffix = QStringLiteral("pr-%1").arg(*m.pullRequest.number);
    else if (!m.pullRequest.branch.isEmpty())
        suffix = m.pullRequest.branch;
    else
        suffix = m.head;
    QStringList parts;
    if (date.isValid())
        parts << date.toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (!suffix.isEmpty())
        parts << suffix;
    return parts.isEmpty() ? QStringLiteral("Deep Review") : QStringLiteral("Deep Review: ") + parts.join(QLatin1Char('-'));
}

ReportHeader reportHeader(const Review &review)
{
    const ReviewMetadata &m = review.metadata;
    ReportHeader h;
    h.title = m.title.isEmpty() ? defaultTitle(m) : m.title;
    h.date = m.date.isValid() ? reportDate(m.date) : QStringLiteral("—");
    h.repository = m.repository;
    if (m.round > 1)
        h.round = QString::number(m.round);
    h.author = m.pullRequest.author;
    if (m.pullRequest.number) {
        h.pullRequest = QStringLiteral("#%1").arg(*m.pullRequest.number);
        if (!m.pullRequest.title.isEmpty())
            h.pullRequest += QStringLiteral(" — ") + m.pullRequest.title;
    } else {
        h.pullRequest = m.pullRequest.title;
    }
    h.branch = m.pullRequest.branch;
    for (const CommitInfo &c : m.commits)
        h.commits << CommitLine{c.sha.left(7), c.subject};
    h.reviewSha = m.headSha.left(12);
    if (m.workingTree)
        h.reviewSha += h.reviewSha.isEmpty() ? QStringLiteral("working tree") : QStringLiteral(" + working tree");
    for (const AgentRun &a : review.agents)
        h.reviewers << Reviewer{a.name.isEmpty() ? a.id : a.name, a.failed(),
                                a.failureReason.isEmpty() ? toString(a.status) : a.failureReason};
    h.verdict = review.verdict.kind == VerdictKind::Unset ? QStringLiteral("—") : displayName(review.verdict.kind);
    h.verdictReason = review.verdict.reason;
    const ReviewRetro retro = computeRetro(review);
    if (retro.wallClockSeconds)
        h.wallClock = wallClock(*retro.wallClockSeconds);
    return h;
}

QList<NumberedIssue> numberedIssues(const Review &review, Severity severity)
{
    const QChar letter = severity == Severity::Critical ? QLatin1Char('C')
                       : severity == Severity::Important ? QLatin1Char('I')
                                                         : QLatin1Char('S');
    QList<NumberedIssue> out;
    for (const Issue &issue : review.issues)
        if (issue.isReported() && issue.severity() == severity)
            out << NumberedIssue{letter + QString::number(out.size() + 1), &issue};
    return out;
}

QString displayNumber(const Review &review, const QString &issueId)
{
    const Issue *issue = review.issue(issueId);
    if (!issue || !issue->isReported())
        return {};
    for (const NumberedIssue &n : numberedIssues(review, issue->severity()))
        if (n.issue == issue)
            return n.number;
    return {};
}

QStringList issueAgents(const Review &review, const Issue &issue)
{
    QSet<QString> ids;
    for (const QString &m : issue.members)
        if (const RawFinding *f = review.finding(m))
            ids.insert(f->agentId);
    return agentsInOrder(review, ids);
}

QStringList observationAgents(const Review &review, const DesignObservation &observation)
{
    QSet<QString> ids;
    for (const QString &m : observation.members)
        if (const RawObservation *o = review.observation(m))
            ids.insert(o->agentId);
    return agentsInOrder(review, ids);
}

QList<ReportFix> reportFixes(const Review &review, const Issue &issue)
{
    QList<ReportFix> out;
    QList<const IssueFix *> shown;
    for (const IssueFix &f : issue.fixes)
        if (f.hasPatch() || !f.prose.trimmed().isEmpty())
            shown << &f;
    QSet<QString> paths;
    for (const IssueFix *f : shown)
        paths.insert(f->path);
    for (const IssueFix *f : shown) {
        ReportFix r{QStringLiteral("Fix"), f->prose.trimmed(), f->patch, f->path, f->chosen};
        if (shown.size() > 1) {
            QStringList about;
            if (const RawFinding *finding = review.finding(f->id))
                about << agentsInOrder(review, {finding->agentId});
            if (paths.size() > 1 && !f->path.isEmpty())
                about << f->path;
            r.label = f->chosen ? QStringLiteral("Fix") : QStringLiteral("Alternative fix");
            if (!about.isEmpty())
                r.label += QStringLiteral(" (%1)").arg(about.join(QStringLiteral(", ")));
        }
        out << r;
    }
    return out;
}

QList<CombinedIssue> reportedCombined(const Issue &issue)
{
    QList<CombinedIssue> out;
    const QString body = issue.body.trimmed();
    for (const CombinedIssue &c : issue.combined) {
        const QString cb = c.body.trimmed();
        if (cb.isEmpty() && c.title.trimmed() == issue.title.trimmed())
            continue;
        if (!cb.isEmpty() && body.contains(cb))
            continue;
        out << c;
    }
    return out;
}

QString severityTag(Severity severity, Category category)
{
    if (category == Category::Unspecified)
        return QStringLiteral("(%1)").arg(toString(severity));
    return QStringLiteral("(%1, %2)").arg(toString(severity), toString(category));
}

QList<RetroRow> retroTable(const ReviewRetro &retro)
{
    QList<RetroRow> rows;
    const bool anyFailed = std::any_of(retro.agents.begin(), retro.agents.end(), [](const AgentRetro &a) { return a.failed; });
    if (anyFailed) {
        RetroRow status{QStringLiteral("Status"), {}};
        for (const AgentRetro &a : retro.agents)
            status.cells << (a.failed ? QStringLiteral("failed: ") + a.failure : QStringLiteral("ok"));
        rows << status;
    }
    RetroRow duration{QStringLiteral("Duration"), {}};
    RetroRow critical{QStringLiteral("Critical"), {}};
    RetroRow important{QStringLiteral("Important"), {}};
    RetroRow suggestion{QStringLiteral("Suggestion"), {}};
    RetroRow design{QStringLiteral("Design observations"), {}};
    RetroRow falsePositives{QStringLiteral("False positives"), {}};
    RetroRow unique{QStringLiteral("Unique insights"), {}};
    for (const AgentRetro &a : retro.agents) {
        duration.cells << (a.durationSeconds ? minutesSeconds(*a.durationSeconds) : QStringLiteral("—"));
        critical.cells << tally(a.critical);
        important.cells << tally(a.important);
        suggestion.cells << tally(a.suggestion);
        design.cells << QString::number(a.designObservations);
        falsePositives.cells << QString::number(a.falsePositives);
        unique.cells << QString::number(a.uniqueInsights);
    }
    rows << duration << critical << important << suggestion << design << falsePositives << unique;
    optionalRow(rows, retro, "Tokens", &AgentRetro::tokens, [](qint64 v) { return groupedNumber(v); });
    optionalRow(rows, retro, "Cost", &AgentRetro::costUsd, [](double v) { return usd(v); });
    optionalRow(rows, retro, "Tool calls", &AgentRetro::toolCalls, [](int v) { return QString::number(v); });
    optionalRow(rows, retro, "Files reviewed", &AgentRetro::filesReviewed, [](int v) { return QString::number(v); });
    return rows;
}

QString retroFacts(const AgentRetro &a)
{
    if (a.failed)
        return QStringLiteral("Failed: %1.").arg(a.failure.isEmpty() ? toString(a.status) : a.failure);
    const int findings = a.critical.count + a.important.count + a.suggestion.count;
    return QStringLiteral("%1 (%2 critical, %3 important, %4), %5, %6, %7.")
        .arg(counted(findings, QStringLiteral("finding")))
        .arg(a.critical.count)
        .arg(a.important.count)
        .arg(counted(a.suggestion.count, QStringLiteral("suggestion")), counted(a.designObservations, QStringLiteral("design observation")),
             counted(a.uniqueInsights, QStringLiteral("unique insight")), counted(a.falsePositives, QStringLiteral("false positive")));
}

QString languageForPath(const QString &path)
{
    static const QHash<QString, QString> bySuffix{
        {QStringLiteral("go"), QStringLiteral("go")},          {QStringLiteral("c"), QStringLiteral("c")},
        {QStringLiteral("h"), QStringLiteral("cpp")},          {QStringLiteral("cc"), QStringLiteral("cpp")},
        {QStringLiteral("cpp"), QStringLiteral("cpp")},        {QStringLiteral("hpp"), QStringLiteral("cpp")},
        {QStringLiteral("py"), QStringLiteral("python")},      {QStringLiteral("js"), QStringLiteral("javascript")},
        {QStringLiteral("ts"), QStringLiteral("typescript")},  {QStringLiteral("tsx"), QStringLiteral("typescript")},
        {QStringLiteral("rs"), QStringLiteral("rust")},        {QStringLiteral("java"), QStringLiteral("java")},
        {QStringLiteral("sh"), QStringLiteral("bash")},        {QStringLiteral("bash"), QStringLiteral("bash")},
        {QStringLiteral("bats"), QStringLiteral("bash")},      {QStringLiteral("rb"), QStringLiteral("ruby")},
        {QStringLiteral("yaml"), QStringLiteral("yaml")},      {QStringLiteral("yml"), QStringLiteral("yaml")},
        {QStringLiteral("json"), QStringLiteral("json")},      {QStringLiteral("cmake"), QStringLiteral("cmake")},
        {QStringLiteral("md"), QStringLiteral("markdown")},
    };
    return bySuffix.value(QFileInfo(path).suffix().toLower());
}

} // namespace rb::report
