#include "report/html_style.h"

#include <QHash>
#include <QRegularExpression>

namespace rb::report {

// Light colours by default, dark ones when the reader's system prefers them, and a print
// layout that drops the sidebar colours and keeps issues on one page where possible.
QString reportStyleSheet()
{
    return QStringLiteral(R"CSS(
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --panel: #f6f8fa;
  --link: #0969da; --code-bg: #f6f8fa;
  --crit: #cf222e; --imp: #bc4c00; --sugg: #0969da;
  --crit-bg: #fff5f5; --imp-bg: #fff8f0; --sugg-bg: #f5f9ff;
  --add-bg: #dafbe1; --del-bg: #ffebe9; --hunk: #8250df;
  --kw: #cf222e; --str: #0a3069; --com: #6e7781; --num: #0550ae; --fn: #8250df;
  /* The agents' colours, the same as the window's (ui/style/severity_style.cpp, agentColor). */
  --a0: #6f42c1; --a1: #0f766e; --a2: #9a3412; --a3: #1d4ed8; --a4: #86198f; --a5: #3f6212;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --panel: #151b23;
    --link: #4493f8; --code-bg: #151b23;
    --crit: #ff7b72; --imp: #f0883e; --sugg: #58a6ff;
    --crit-bg: #2a1618; --imp-bg: #2a1d12; --sugg-bg: #121d2c;
    --add-bg: #12261e; --del-bg: #25171c; --hunk: #d2a8ff;
    --kw: #ff7b72; --str: #a5d6ff; --com: #9198a1; --num: #79c0ff; --fn: #d2a8ff;
    --a0: #b392f0; --a1: #5eead4; --a2: #fdba74; --a3: #93c5fd; --a4: #f0abfc; --a5: #bef264;
  }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem; background: var(--bg); color: var(--fg);
  font: 15px/1.55 -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; }
a { color: var(--link); }
h1 { font-size: 1.7rem; margin: 0 0 1rem; }
h2 { font-size: 1.35rem; border-bottom: 1px solid var(--border); padding-bottom: .25rem; margin-top: 2.2rem; }
h3 { font-size: 1.12rem; margin-top: 1.6rem; }
h4, h5, h6 { font-size: 1rem; }
/* Long identifiers and paths wrap instead of running off the card or the page. */
h1, h2, h3, h4, h5, h6, p, li, td, th, dd, blockquote, nav.toc a, article.issue, .issue-meta, :not(pre) > code {
  overflow-wrap: anywhere; word-break: break-word; }
section.severity-critical > h3 { color: var(--crit); }
section.severity-important > h3 { color: var(--imp); }
section.severity-suggestion > h3 { color: var(--sugg); }
table { border-collapse: collapse; margin: .8rem 0; }
th, td { border: 1px solid var(--border); padding: .3rem .6rem; text-align: left; vertical-align: top; }
table.meta th { background: var(--panel); white-space: nowrap; }
table.retro td, table.retro th { text-align: center; }
table.retro td:first-child, table.retro th:first-child { text-align: left; }
code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .86rem; }
:not(pre) > code { background: var(--code-bg); padding: .1rem .3rem; border-radius: 4px; }
pre { background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; padding: .7rem .9rem;
  overflow-x: auto; line-height: 1.4; tab-size: 4; }
nav.toc { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: .6rem 1.2rem; }
nav.toc h2 { border: 0; margin: .3rem 0; font-size: 1.1rem; }
nav.toc ol { margin: .2rem 0; padding-left: 1.3rem; }
.badge { display: inline-block; font-size: .75rem; font-weight: 600; line-height: 1.3; padding: .05rem .45rem;
  border-radius: 1rem; border: 1px solid currentColor; margin-right: .25rem; white-space: nowrap; }
.badge.sev-critical { color: var(--crit); } .badge.sev-important { color: var(--imp); } .badge.sev-suggestion { color: var(--sugg); }
.agent-0 { color: var(--a0); } .agent-1 { color: var(--a1); } .agent-2 { color: var(--a2); }
.agent-3 { color: var(--a3); } .agent-4 { color: var(--a4); } .agent-5 { color: var(--a5); }
.cat, .scope { color: var(--muted); }
article.issue { border: 1px solid var(--border); border-left: 4px solid var(--sugg); border-radius: 6px;
  padding: .2rem 1rem .6rem; margin: 1rem 0; background: var(--sugg-bg); min-width: 0; }
article.issue-critical { border-left-color: var(--crit); background: var(--crit-bg); }
article.issue-important { border-left-color: var(--imp); background: var(--imp-bg); }
.sev { font-weight: 600; margin-right: .5rem; }
.sev.sev-critical { color: var(--crit); } .sev.sev-important { color: var(--imp); } .sev.sev-suggestion { color: var(--sugg); }
article.issue h4 { margin: .7rem 0 .3rem; font-size: 1.05rem; color: var(--fg); }
.issue-meta { margin: .2rem 0 .6rem; color: var(--muted); }
.location { margin-right: .4rem; }
.note { border-left: 3px solid var(--imp); background: var(--panel); padding: .4rem .8rem; border-radius: 0 6px 6px 0; }
.failed { color: var(--crit); }
s .badge { text-decoration: line-through; }
.t-kw { color: var(--kw); font-weight: 600; } .t-str { color: var(--str); } .t-com { color: var(--com); font-style: italic; }
.t-num { color: var(--num); } .t-fn { color: var(--fn); }
.d-add, .d-del, .d-ctx, .d-hunk, .d-file { display: inline-block; min-width: 100%; }
.d-add { background: var(--add-bg); } .d-del { background: var(--del-bg); }
.d-hunk { color: var(--hunk); } .d-file { font-weight: 600; }
section.raw { border: 1px solid var(--border); border-radius: 6px; padding: 0 1rem; margin: 1rem 0; }
@media print {
  :root { --bg: #fff; --fg: #000; --panel: #f4f4f4; --code-bg: #f7f7f7;
    --crit: #b3141f; --imp: #a33f00; --sugg: #0757b8; --crit-bg: #fff3f3; --imp-bg: #fff7ef; --sugg-bg: #f3f8ff;
    --a0: #6f42c1; --a1: #0f766e; --a2: #9a3412; --a3: #1d4ed8; --a4: #86198f; --a5: #3f6212; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav.toc { break-after: page; }
  article.issue, pre, table { break-inside: avoid; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; }
  a { color: inherit; }
  h2, h3, h4 { break-after: avoid; }
}
)CSS");
}

namespace {

// The block that starts with the first "{" at or after from, up to its matching "}".
qsizetype blockEnd(const QString &css, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < css.size(); ++i) {
        if (css[i] == QLatin1Char('{'))
            ++depth;
        else if (css[i] == QLatin1Char('}') && --depth == 0)
            return i + 1;
    }
    return css.size();
}

// Removes every block whose selector starts with prefix, returning their bodies.
QStringList takeBlocks(QString &css, const QString &prefix)
{
    QStringList bodies;
    for (qsizetype at = css.indexOf(prefix); at >= 0; at = css.indexOf(prefix, at)) {
        const qsizetype open = css.indexOf(QLatin1Char('{'), at);
        if (open < 0)
            break;
        const qsizetype end = blockEnd(css, open);
        bodies << css.mid(open + 1, end - open - 2);
        css.remove(at, end - at);
    }
    return bodies;
}

void readVariables(const QString &text, QHash<QString, QString> &into)
{
    static const QRegularExpression declaration(QStringLiteral(R"(--([a-z0-9-]+)\s*:\s*([^;}]+))"));
    for (auto it = declaration.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        into.insert(m.captured(1), m.captured(2).trimmed());
    }
}

} // namespace

QString flatStyleSheet(bool dark)
{
    QString css = reportStyleSheet();
    QHash<QString, QString> vars;
    const QStringList darkBlocks = takeBlocks(css, QStringLiteral("@media (prefers-color-scheme: dark)"));
    takeBlocks(css, QStringLiteral("@media print"));
    for (const QString &root : takeBlocks(css, QStringLiteral(":root")))
        readVariables(root, vars);
    if (dark)
        for (const QString &block : darkBlocks)
            readVariables(block, vars);
    static const QRegularExpression use(QStringLiteral(R"(var\(--([a-z0-9-]+)\))"));
    QString out;
    qsizetype last = 0;
    for (auto it = use.globalMatch(css); it.hasNext();) {
        const auto m = it.next();
        out += css.mid(last, m.capturedStart() - last) + vars.value(m.captured(1), QStringLiteral("inherit"));
        last = m.capturedEnd();
    }
    return out + css.mid(last);
}

QString withFlatStyleSheet(const QString &html, bool dark)
{
    const qsizetype open = html.indexOf(QStringLiteral("<style>"));
    const qsizetype close = html.indexOf(QStringLiteral("</style>"), open);
    if (open < 0 || close < 0)
        return html;
    return html.left(open + 7) + flatStyleSheet(dark) + html.mid(close);
}

} // namespace rb::report
