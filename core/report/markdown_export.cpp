#include "report/markdown_export.h"

#include "report/report_outline.h"

#include <QStringList>

namespace rb::report {
namespace {

// A table cell holds one line and no unescaped pipe.
QString cell(QString s)
{
    s.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s.trimmed();
}

QString inlineCode(const QString &s)
{
    qsizetype longest = 0;
    qsizetype run = 0;
    for (const QChar c : s) {
        run = c == QLatin1Char('`') ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const QString ticks(longest + 1, QLatin1Char('`'));
    const bool pad = s.startsWith(QLatin1Char('`')) || s.endsWith(QLatin1Char('`'));
    return pad ? ticks + QLatin1Char(' ') + s + QLatin1Char(' ') + ticks : ticks + s + ticks;
}

QString block(const QString &text)
{
    const QString t = text.trimmed();
    return t.isEmpty() ? QStringLiteral("None.") : t;
}

void codeBlock(QString &out, const QString &code, const QString &language)
{
    QString body = code;
    if (!body.endsWith(QLatin1Char('\n')))
        body += QLatin1Char('\n');
    const QString fence = fenceFor(body);
    out += fence + language + QLatin1Char('\n') + body + fence + QStringLiteral("\n\n");
}

void header(QString &out, const ReportHeader &h)
{
    out += QStringLiteral("# ") + h.title + QStringLiteral("\n\n| | |\n| --- | --- |\n");
    auto row = [&](const char *label, const QString &value) {
        if (!value.isEmpty())
            out += QStringLiteral("| **%1** | %2 |\n").arg(QString::fromLatin1(label), value);
    };
    row("Date", cell(h.date));
    row("Repo", cell(h.repository));
    row("Round", cell(h.round));
    row("Author", cell(h.author));
    row("PR", cell(h.pullRequest));
    row("Branch", h.branch.isEmpty() ? QString() : cell(inlineCode(h.branch)));
    QStringList commits;
    for (const CommitLine &c : h.commits)
        commits << cell(inlineCode(c.shortSha) + QLatin1Char(' ') + c.subject);
    row("Commits", commits.join(QStringLiteral("<br>")));
    row("Review SHA", h.reviewSha.isEmpty() ? QString() : cell(inlineCode(h.reviewSha)));
    QStringList reviewers;
    for (const Reviewer &r : h.reviewers)
        reviewers << (r.failed ? QStringLiteral("~~%1~~ (dropped: %2)").arg(cell(r.name), cell(r.failure)) : cell(r.name));
    row("Reviewers", reviewers.isEmpty() ? QStringLiteral("—") : reviewers.join(QStringLiteral(", ")));
    row("Verdict", h.verdictReason.isEmpty() ? QStringLiteral("**%1**").arg(cell(h.verdict))
                                             : QStringLiteral("**%1** — %2").arg(cell(h.verdict), cell(h.verdictReason)));
    row("Wall-clock time", cell(h.wallClock));
    out += QLatin1Char('\n');
}

void issueSection(QString &out, const Review &review, Severity severity, const char *heading)
{
    out += QStringLiteral("### %1\n\n").arg(QString::fromLatin1(heading));
    const QList<NumberedIssue> issues = numberedIssues(review, severity);
    if (issues.isEmpty()) {
        out += QStringLiteral("None.\n\n");
        return;
    }
    for (const NumberedIssue &n : issues) {
        const Issue &i = *n.issue;
        out += QStringLiteral("#### %1. %2\n\n").arg(n.number, i.title.trimmed());
        QStringList line;
        QStringList locations;
        for (const Location &loc : i.locations)
            locations << inlineCode(loc.toString());
        if (!locations.isEmpty())
            line << locations.join(QStringLiteral(", "));
        QStringList agents;
        for (const QString &a : issueAgents(review, i))
            agents << QStringLiteral("**%1**").arg(a);
        if (!agents.isEmpty())
            line << agents.join(QStringLiteral(", "));
        out += line.join(QStringLiteral(" — ")) + QStringLiteral(" *") + severityTag(i.severity(), i.category)
             + QStringLiteral("*\n\n");
        if (!i.body.trimmed().isEmpty())
            out += i.body.trimmed() + QStringLiteral("\n\n");
        if (!i.codeExcerpt.isEmpty())
            codeBlock(out, i.codeExcerpt, i.locations.isEmpty() ? QString() : languageForPath(i.locations.first().path));
        const QString note = (i.disagreementNote.trimmed() + QLatin1Char(' ') + i.severityReason.trimmed()).trimmed();
        if (!note.isEmpty())
            out += note + QStringLiteral("\n\n");
        for (const CombinedIssue &c : reportedCombined(i)) {
            out += QStringLiteral("*Merged in: %1.*").arg(c.title.trimmed());
            if (!c.body.trimmed().isEmpty())
                out += QLatin1Char(' ') + c.body.trimmed();
            out += QStringLiteral("\n\n");
        }
        for (const ReportFix &f : reportFixes(review, i)) {
            out += QStringLiteral("**%1:**").arg(f.label);
            if (!f.prose.isEmpty())
                out += QLatin1Char(' ') + f.prose;
            out += QStringLiteral("\n\n");
            if (!f.patch.trimmed().isEmpty())
                codeBlock(out, f.patch, QStringLiteral("diff"));
        }
    }
}

QString scopeText(ObservationScope s)
{
    switch (s) {
    case ObservationScope::InScope: return QStringLiteral(" *(in-scope)*");
    case ObservationScope::Future: return QStringLiteral(" *(future)*");
    case ObservationScope::Unspecified: break;
    }
    return {};
}

void designSection(QString &out, const Review &review)
{
    out += QStringLiteral("### Design Observations\n\n");
    for (ObservationKind kind : {ObservationKind::Concern, ObservationKind::Strength}) {
        out += kind == ObservationKind::Concern ? QStringLiteral("#### Concerns\n\n") : QStringLiteral("#### Strengths\n\n");
        int n = 0;
        for (const DesignObservation &d : review.designObservations) {
            if (d.rejected || d.kind != kind)
                continue;
            ++n;
            const QString agents = observationAgents(review, d).join(QStringLiteral(", "));
            out += QStringLiteral("%1. **%2**%3%4\n").arg(n).arg(d.title.trimmed(),
                                                            kind == ObservationKind::Concern ? scopeText(d.scope) : QString(),
                                                            agents.isEmpty() ? QString() : QStringLiteral(" — ") + agents);
            if (!d.body.trimmed().isEmpty()) {
                // Indented under its list item.
                QString body = d.body.trimmed();
                body.replace(QLatin1Char('\n'), QStringLiteral("\n   "));
                out += QStringLiteral("\n   ") + body + QLatin1Char('\n');
            }
            out += QLatin1Char('\n');
        }
        if (n == 0)
            out += QStringLiteral("None.\n\n");
    }
}

void retroSection(QString &out, const Review &review)
{
    out += QStringLiteral("## Agent Performance Retro\n\n");
    const ReviewRetro retro = computeRetro(review);
    for (const AgentRetro &a : retro.agents) {
        out += QStringLiteral("### ") + a.name + QStringLiteral("\n\n");
        QString note;
        for (const RetroNote &r : review.retroNotes)
            if (r.agentId == a.agentId)
                note = r.text.trimmed();
        if (a.failed && !note.contains(a.failure))
            out += QStringLiteral("**Failed:** ") + (a.failure.isEmpty() ? toString(a.status) : a.failure) + QStringLiteral("\n\n");
        out += (note.isEmpty() ? retroFacts(a) : note) + QStringLiteral("\n\n");
    }
    out += QStringLiteral("### Summary\n\n| Metric |");
    for (const AgentRetro &a : retro.agents)
        out += QLatin1Char(' ') + cell(a.name) + QStringLiteral(" |");
    out += QStringLiteral("\n| --- |");
    for (qsizetype i = 0; i < retro.agents.size(); ++i)
        out += QStringLiteral(" --- |");
    out += QLatin1Char('\n');
    for (const RetroRow &row : retroTable(retro)) {
        out += QStringLiteral("| ") + row.label + QStringLiteral(" |");
        for (const QString &c : row.cells)
            out += QLatin1Char(' ') + cell(c) + QStringLiteral(" |");
        out += QLatin1Char('\n');
    }
    out += QLatin1Char('\n');
    if (!review.retroSummary.trimmed().isEmpty())
        out += review.retroSummary.trimmed() + QStringLiteral("\n\n");
}

void appendix(QString &out, const Review &review)
{
    out += QStringLiteral("## Appendix: Original Reviews\n\n");
    for (const AgentRun &a : review.agents) {
        out += QStringLiteral("### ") + (a.name.isEmpty() ? a.id : a.name);
        if (review.metadata.round > 1)
            out += QStringLiteral(" (round %1)").arg(review.metadata.round);
        out += QStringLiteral("\n\n");
        if (a.failed())
            out += QStringLiteral("**Failed:** ") + (a.failureReason.isEmpty() ? toString(a.status) : a.failureReason)
                 + QStringLiteral("\n\n");
        if (a.rawOutput.isEmpty())
            out += QStringLiteral("*No output.*\n\n");
        else
            codeBlock(out, a.rawOutput, QStringLiteral("markdown"));
    }
}

} // namespace

QString fenceFor(const QString &text)
{
    qsizetype longest = 0;
    qsizetype run = 0;
    for (const QChar c : text) {
        run = c == QLatin1Char('`') ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return QString(std::max<qsizetype>(3, longest + 1), QLatin1Char('`'));
}

QString exportMarkdown(const Review &review)
{
    QString out;
    header(out, reportHeader(review));
    out += QStringLiteral("## Consolidated Review\n\n### Executive Summary\n\n") + block(review.executiveSummary)
         + QStringLiteral("\n\n");
    issueSection(out, review, Severity::Critical, "Critical Issues");
    issueSection(out, review, Severity::Important, "Important Issues");
    issueSection(out, review, Severity::Suggestion, "Suggestions");
    designSection(out, review);
    out += QStringLiteral("### Testing Assessment\n\n") + block(review.testingAssessment) + QStringLiteral("\n\n");
    out += QStringLiteral("### Documentation Assessment\n\n") + block(review.documentationAssessment) + QStringLiteral("\n\n");
    out += QStringLiteral("### Commit Structure\n\n") + block(review.commitStructure) + QStringLiteral("\n\n");
    retroSection(out, review);
    appendix(out, review);
    while (out.endsWith(QStringLiteral("\n\n")))
        out.chop(1);
    return out;
}

} // namespace rb::report
