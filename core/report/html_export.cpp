#include "report/html_export.h"

#include "model/agent_name.h"
#include "report/code_highlight.h"
#include "report/html_style.h"
#include "report/html_text.h"
#include "report/report_outline.h"

#include <QHash>
#include <QStringList>

namespace rb::report {
namespace {

QString esc(const QString &s) { return htmlEscape(s); }

struct Context {
    const Review &review;
    QHash<QString, int> agentIndex; // short name -> colour index
};

QString agentBadge(const Context &ctx, const QString &shortName)
{
    return QStringLiteral("<span class=\"badge agent-%1\">%2</span>").arg(ctx.agentIndex.value(shortName) % 6).arg(esc(shortName));
}

// Severity and category are quiet text; the card's tint and edge carry the severity.
QString severityBadge(Severity s)
{
    return QStringLiteral("<span class=\"sev sev-%1\">%2</span>").arg(toString(s), displayName(s));
}

QString pre(const QString &code, const QString &language, const QString &codeLanguage = {})
{
    return QStringLiteral("<pre class=\"code\"><code>") + highlightCode(code, language, codeLanguage) + QStringLiteral("</code></pre>\n");
}

QString markdown(const QString &text, int headingShift)
{
    const QString t = text.trimmed();
    return t.isEmpty() ? QStringLiteral("<p>None.</p>\n") : markdownToSafeHtml(t, headingShift);
}

void header(QString &out, const Context &ctx, const ReportHeader &h)
{
    out += QStringLiteral("<header>\n<h1>") + esc(h.title) + QStringLiteral("</h1>\n<table class=\"meta\">\n");
    auto row = [&](const char *label, const QString &html) {
        if (!html.isEmpty())
            out += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(QString::fromLatin1(label), html);
    };
    row("Date", esc(h.date));
    row("Repo", esc(h.repository));
    row("Round", esc(h.round));
    row("Author", esc(h.author));
    row("PR", esc(h.pullRequest));
    row("Branch", h.branch.isEmpty() ? QString() : QStringLiteral("<code>") + esc(h.branch) + QStringLiteral("</code>"));
    QStringList commits;
    for (const CommitLine &c : h.commits)
        commits << QStringLiteral("<code>%1</code> %2").arg(esc(c.shortSha), esc(c.subject));
    row("Commits", commits.join(QStringLiteral("<br>\n")));
    row("Review SHA", h.reviewSha.isEmpty() ? QString() : QStringLiteral("<code>") + esc(h.reviewSha) + QStringLiteral("</code>"));
    QStringList reviewers;
    for (const Reviewer &r : h.reviewers) {
        const QString badge = agentBadge(ctx, agentShortName(r.name)).replace(
            QStringLiteral(">") + esc(agentShortName(r.name)) + QStringLiteral("<"),
            QStringLiteral(">") + esc(r.name) + QStringLiteral("<"));
        reviewers << (r.failed ? QStringLiteral("<s>%1</s> <span class=\"failed\">dropped: %2</span>").arg(badge, esc(r.failure)) : badge);
    }
    row("Reviewers", reviewers.isEmpty() ? QStringLiteral("—") : reviewers.join(QLatin1Char(' ')));
    row("Verdict", QStringLiteral("<strong>%1</strong>%2")
                       .arg(esc(h.verdict), h.verdictReason.isEmpty() ? QString() : QStringLiteral(" — ") + esc(h.verdictReason)));
    row("Wall-clock time", esc(h.wallClock));
    out += QStringLiteral("</table>\n</header>\n");
}

struct TocEntry {
    QString anchor;
    QString text;
    QList<TocEntry> children;
};

void toc(QString &out, const QList<TocEntry> &entries)
{
    out += QStringLiteral("<ol>\n");
    for (const TocEntry &e : entries) {
        out += QStringLiteral("<li><a href=\"#%1\">%2</a>").arg(e.anchor, e.text);
        if (!e.children.isEmpty())
            toc(out, e.children);
        out += QStringLiteral("</li>\n");
    }
    out += QStringLiteral("</ol>\n");
}

void issueSection(QString &out, const Context &ctx, Severity severity, const char *anchor, const char *title)
{
    out += QStringLiteral("<section id=\"%1\" class=\"severity-%3\">\n<h3>%2</h3>\n")
               .arg(QString::fromLatin1(anchor), QString::fromLatin1(title), toString(severity));
    const QList<NumberedIssue> issues = numberedIssues(ctx.review, severity);
    if (issues.isEmpty())
        out += QStringLiteral("<p>None.</p>\n");
    for (const NumberedIssue &n : issues) {
        const Issue &i = *n.issue;
        out += QStringLiteral("<article class=\"issue issue-%1\" id=\"%2\">\n<h4>%2. %3</h4>\n<p class=\"issue-meta\">")
                   .arg(toString(severity), n.number, inlineTitleHtml(i.title.trimmed()));
        for (const Location &loc : i.locations)
            out += QStringLiteral("<code class=\"location\">") + esc(loc.toString()) + QStringLiteral("</code> ");
        // Spaces and the "·" are text, so that any renderer (also the window's preview, which
        // knows no inline-block margins) keeps the parts apart.
        for (const QString &a : issueAgents(ctx.review, i))
            out += agentBadge(ctx, a) + QLatin1Char(' ');
        out += severityBadge(i.severity());
        if (i.category != Category::Unspecified)
            out += QStringLiteral(" <span class=\"cat\">· %1</span>").arg(toString(i.category));
        out += QStringLiteral("</p>\n");
        if (!i.body.trimmed().isEmpty())
            out += markdownToSafeHtml(i.body.trimmed(), 4);
        const QString language = i.locations.isEmpty() ? QString() : languageForPath(i.locations.first().path);
        if (!i.codeExcerpt.isEmpty())
            out += pre(i.codeExcerpt, language);
        const QString note = (i.disagreementNote.trimmed() + QLatin1Char(' ') + i.severityReason.trimmed()).trimmed();
        if (!note.isEmpty())
            out += QStringLiteral("<div class=\"note\">") + markdownToSafeHtml(note, 4) + QStringLiteral("</div>\n");
        for (const CombinedIssue &c : reportedCombined(i))
            out += QStringLiteral("<div class=\"merged\">")
                 + markdownToSafeHtml(QStringLiteral("*Merged in: %1.* ").arg(c.title.trimmed()) + c.body.trimmed(), 4)
                 + QStringLiteral("</div>\n");
        for (const ReportFix &f : reportFixes(ctx.review, i)) {
            out += QStringLiteral("<div class=\"fix%1\">").arg(f.chosen ? QString() : QStringLiteral(" alternative"))
                 + markdownToSafeHtml(QStringLiteral("**%1:** ").arg(f.label) + f.prose, 4);
            if (!f.patch.trimmed().isEmpty())
                out += pre(f.patch, QStringLiteral("diff"), f.path.isEmpty() ? language : languageForPath(f.path));
            out += QStringLiteral("</div>\n");
        }
        out += QStringLiteral("</article>\n");
    }
    out += QStringLiteral("</section>\n");
}

void designSection(QString &out, const Context &ctx)
{
    out += QStringLiteral("<section id=\"design\">\n<h3>Design Observations</h3>\n");
    for (ObservationKind kind : {ObservationKind::Concern, ObservationKind::Strength}) {
        out += kind == ObservationKind::Concern ? QStringLiteral("<h4>Concerns</h4>\n") : QStringLiteral("<h4>Strengths</h4>\n");
        QString items;
        for (const DesignObservation &d : ctx.review.designObservations) {
            if (d.rejected || d.kind != kind)
                continue;
            items += QStringLiteral("<li><strong>") + inlineTitleHtml(d.title.trimmed()) + QStringLiteral("</strong> ");
            if (kind == ObservationKind::Concern && d.scope != ObservationScope::Unspecified)
                items += QStringLiteral("<span class=\"badge scope\">%1</span>").arg(toString(d.scope));
            for (const QString &a : observationAgents(ctx.review, d))
                items += agentBadge(ctx, a);
            if (!d.body.trimmed().isEmpty())
                items += markdownToSafeHtml(d.body.trimmed(), 4);
            items += QStringLiteral("</li>\n");
        }
        out += items.isEmpty() ? QStringLiteral("<p>None.</p>\n") : QStringLiteral("<ol>\n") + items + QStringLiteral("</ol>\n");
    }
    out += QStringLiteral("</section>\n");
}

void retroSection(QString &out, const Context &ctx)
{
    const ReviewRetro retro = computeRetro(ctx.review);
    out += QStringLiteral("<section id=\"retro\">\n<h2>Agent Performance Retro</h2>\n");
    for (const AgentRetro &a : retro.agents) {
        out += QStringLiteral("<h3>") + esc(a.name) + QStringLiteral("</h3>\n");
        QString note;
        for (const RetroNote &r : ctx.review.retroNotes)
            if (r.agentId == a.agentId)
                note = r.text.trimmed();
        if (a.failed && !note.contains(a.failure))
            out += QStringLiteral("<p class=\"failed\"><strong>Failed:</strong> %1</p>\n")
                       .arg(esc(a.failure.isEmpty() ? toString(a.status) : a.failure));
        out += note.isEmpty() ? QStringLiteral("<p>") + esc(retroFacts(a)) + QStringLiteral("</p>\n") : markdownToSafeHtml(note, 3);
    }
    out += QStringLiteral("<h3 id=\"retro-summary\">Summary</h3>\n<table class=\"retro\">\n<thead><tr><th>Metric</th>");
    for (const AgentRetro &a : retro.agents)
        out += QStringLiteral("<th>") + esc(a.name) + QStringLiteral("</th>");
    out += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (const RetroRow &row : retroTable(retro)) {
        out += QStringLiteral("<tr><td>") + esc(row.label) + QStringLiteral("</td>");
        for (const QString &c : row.cells)
            out += QStringLiteral("<td>") + esc(c) + QStringLiteral("</td>");
        out += QStringLiteral("</tr>\n");
    }
    out += QStringLiteral("</tbody>\n</table>\n");
    if (!ctx.review.retroSummary.trimmed().isEmpty())
        out += markdownToSafeHtml(ctx.review.retroSummary.trimmed(), 3);
    out += QStringLiteral("</section>\n");
}

void appendix(QString &out, const Context &ctx)
{
    out += QStringLiteral("<section id=\"appendix\">\n<h2>Appendix: Original Reviews</h2>\n");
    for (qsizetype i = 0; i < ctx.review.agents.size(); ++i) {
        const AgentRun &a = ctx.review.agents[i];
        out += QStringLiteral("<section class=\"raw\" id=\"raw-%1\">\n<h3>%2%3</h3>\n")
                   .arg(i + 1)
                   .arg(esc(a.name.isEmpty() ? a.id : a.name),
                        ctx.review.metadata.round > 1 ? QStringLiteral(" (round %1)").arg(ctx.review.metadata.round) : QString());
        if (a.failed())
            out += QStringLiteral("<p class=\"failed\"><strong>Failed:</strong> %1</p>\n")
                       .arg(esc(a.failureReason.isEmpty() ? toString(a.status) : a.failureReason));
        out += a.rawOutput.trimmed().isEmpty() ? QStringLiteral("<p><em>No output.</em></p>\n") : markdownToSafeHtml(a.rawOutput, 3);
        out += QStringLiteral("</section>\n");
    }
    out += QStringLiteral("</section>\n");
}

QList<TocEntry> tableOfContents(const Review &review)
{
    auto issuesOf = [&](Severity s) {
        QList<TocEntry> children;
        for (const NumberedIssue &n : numberedIssues(review, s))
            children << TocEntry{n.number, n.number + QStringLiteral(". ") + inlineTitleHtml(n.issue->title.trimmed()), {}};
        return children;
    };
    QList<TocEntry> reviewChildren{
        {QStringLiteral("summary"), QStringLiteral("Executive Summary"), {}},
        {QStringLiteral("critical"), QStringLiteral("Critical Issues"), issuesOf(Severity::Critical)},
        {QStringLiteral("important"), QStringLiteral("Important Issues"), issuesOf(Severity::Important)},
        {QStringLiteral("suggestions"), QStringLiteral("Suggestions"), issuesOf(Severity::Suggestion)},
        {QStringLiteral("design"), QStringLiteral("Design Observations"), {}},
        {QStringLiteral("testing"), QStringLiteral("Testing Assessment"), {}},
        {QStringLiteral("documentation"), QStringLiteral("Documentation Assessment"), {}},
        {QStringLiteral("commits"), QStringLiteral("Commit Structure"), {}},
    };
    QList<TocEntry> raw;
    for (qsizetype i = 0; i < review.agents.size(); ++i)
        raw << TocEntry{QStringLiteral("raw-%1").arg(i + 1), esc(review.agents[i].name.isEmpty() ? review.agents[i].id : review.agents[i].name), {}};
    return {{QStringLiteral("review"), QStringLiteral("Consolidated Review"), reviewChildren},
            {QStringLiteral("retro"), QStringLiteral("Agent Performance Retro"), {}},
            {QStringLiteral("appendix"), QStringLiteral("Appendix: Original Reviews"), raw}};
}

} // namespace

QString exportHtml(const Review &review)
{
    Context ctx{review, {}};
    for (qsizetype i = 0; i < review.agents.size(); ++i) {
        const AgentRun &a = review.agents[i];
        const QString shortName = agentShortName(a);
        if (!ctx.agentIndex.contains(shortName))
            ctx.agentIndex.insert(shortName, int(i));
    }
    const ReportHeader h = reportHeader(review);
    QString out;
    out += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"%1\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<meta name=\"color-scheme\" content=\"light dark\">\n<title>%2</title>\n<style>%3</style>\n</head>\n<body>\n")
               .arg(QString::fromLatin1(kReportContentSecurityPolicy), esc(h.title), reportStyleSheet());
    header(out, ctx, h);
    out += QStringLiteral("<nav class=\"toc\">\n<h2>Contents</h2>\n");
    toc(out, tableOfContents(review));
    out += QStringLiteral("</nav>\n<main>\n<section id=\"review\">\n<h2>Consolidated Review</h2>\n");
    out += QStringLiteral("<section id=\"summary\">\n<h3>Executive Summary</h3>\n") + markdown(review.executiveSummary, 3)
         + QStringLiteral("</section>\n");
    issueSection(out, ctx, Severity::Critical, "critical", "Critical Issues");
    issueSection(out, ctx, Severity::Important, "important", "Important Issues");
    issueSection(out, ctx, Severity::Suggestion, "suggestions", "Suggestions");
    designSection(out, ctx);
    out += QStringLiteral("<section id=\"testing\">\n<h3>Testing Assessment</h3>\n") + markdown(review.testingAssessment, 3)
         + QStringLiteral("</section>\n<section id=\"documentation\">\n<h3>Documentation Assessment</h3>\n")
         + markdown(review.documentationAssessment, 3)
         + QStringLiteral("</section>\n<section id=\"commits\">\n<h3>Commit Structure</h3>\n") + markdown(review.commitStructure, 3)
         + QStringLiteral("</section>\n</section>\n");
    retroSection(out, ctx);
    appendix(out, ctx);
    out += QStringLiteral("</main>\n</body>\n</html>\n");
    return out;
}

} // namespace rb::report
