// The inline pieces of a raw review, one string at a time: locations, severity and scope
// tags, title lines, section headings, labels and verdict lines.
#include "parse/locations.h"
#include "parse/outline.h"
#include "parse/tags.h"
#include "parse/title_line.h"
#include "review_test_support.h"

#include <QTest>

using namespace rb;
using namespace rb::parse;
using rb::test::locationsText;

namespace {
QString tagText(const std::optional<SeverityTag> &t)
{
    if (!t)
        return QStringLiteral("none");
    return (t->severity ? toString(*t->severity) : QStringLiteral("?")) + QLatin1Char(',') + toString(t->category);
}
} // namespace

class TestReviewSyntax : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void locations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("complete");
        QTest::newRow("line") << "`watch/reload.go:88`" << "watch/reload.go:88" << true;
        QTest::newRow("range with hyphen") << "`watch/reload.go:88-104`" << "watch/reload.go:88-104" << true;
        QTest::newRow("range with en dash") << "`watch/reload.go:88–104`" << "watch/reload.go:88-104" << true;
        QTest::newRow("bare path") << "`watch/reload.go`" << "watch/reload.go" << true;
        QTest::newRow("comma list in one span") << "`reload.go:88, 120-131`" << "reload.go:88;reload.go:120-131" << true;
        QTest::newRow("comma list of paths") << "`a.go:1, b/c.go:2-3`" << "a.go:1;b/c.go:2-3" << true;
        QTest::newRow("spans joined by comma") << "`a.go:1`, `b.go:2`" << "a.go:1;b.go:2" << true;
        QTest::newRow("spans joined by slash") << "`a.go:1` / `b.go`" << "a.go:1;b.go" << true;
        QTest::newRow("spans joined by plus") << "`a.go:1` + `b.go:7–9`" << "a.go:1;b.go:7-9" << true;
        QTest::newRow("link text (target dropped)") << "`config/reload.go:63`" << "config/reload.go:63" << true;
        QTest::newRow("plain link text") << "config/reload.go:60-66" << "config/reload.go:60-66" << true;
        QTest::newRow("plain joined by slash") << "a.go:1 / b.go:2" << "a.go:1;b.go:2" << true;
        QTest::newRow("L prefix") << "`a.go:L10-L12`" << "a.go:10-12" << true;
        QTest::newRow("line and column") << "`a.go:10:5`" << "a.go:10" << true;
        QTest::newRow("anchor form") << "`a.go#L10-L12`" << "a.go:10-12" << true;
        QTest::newRow("Makefile") << "`Makefile:3`" << "Makefile:3" << true;
        QTest::newRow("dotfile path") << "`.github/workflows/ci.yml:40`" << ".github/workflows/ci.yml:40" << true;
        QTest::newRow("prose is not a location") << "this loses the last watcher" << "" << false;
        QTest::newRow("prose after a span") << "`a.go:3` and then it breaks" << "a.go:3" << false;
        QTest::newRow("code that is not a path") << "`i < len(watchers)-1`" << "" << false;
        QTest::newRow("number alone") << "`3.14`" << "" << false;
        QTest::newRow("empty") << "" << "" << false;
    }

    void locations()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QFETCH(bool, complete);
        const ParsedLocations p = parseLocations(text);
        QCOMPARE(locationsText(p.locations), expected);
        QCOMPARE(p.complete, complete);
    }

    void severityTags_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("rest");
        QTest::newRow("plain") << "Title (important, regression)" << "important,regression" << "Title";
        QTest::newRow("italic") << "Title *(important, gap)*" << "important,gap" << "Title";
        QTest::newRow("backticks") << "Title `(critical, regression)`" << "critical,regression" << "Title";
        QTest::newRow("upper case") << "Title (CRITICAL, REGRESSION)" << "critical,regression" << "Title";
        QTest::newRow("severity only") << "Title (suggestion)" << "suggestion,unspecified" << "Title";
        QTest::newRow("plural severity") << "Title (suggestions, enhancement)" << "suggestion,enhancement" << "Title";
        QTest::newRow("bold") << "Title **(important, gap)**" << "important,gap" << "Title";
        QTest::newRow("mid sentence") << "It breaks (important, gap) sometimes" << "important,gap" << "It breaks  sometimes";
        QTest::newRow("no tag") << "Title (see below)" << "none" << "Title (see below)";
        QTest::newRow("unknown category") << "Title (important, style)" << "none" << "Title (important, style)";
    }

    void severityTags()
    {
        QFETCH(QString, text);
        QFETCH(QString, tag);
        QFETCH(QString, rest);
        QString s = text;
        QCOMPARE(tagText(takeSeverityTag(s)), tag);
        QCOMPARE(s, rest);
    }

    void tagOnlyLines_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("tag");
        QTest::newRow("plain") << "(suggestion, enhancement)" << "suggestion,enhancement";
        QTest::newRow("italic") << "*(important, gap)*" << "important,gap";
        QTest::newRow("backticks") << "`(important, regression)`" << "important,regression";
        QTest::newRow("with text") << "Body text (important, gap)" << "none";
    }

    void tagOnlyLines()
    {
        QFETCH(QString, text);
        QFETCH(QString, tag);
        QCOMPARE(tagText(tagOnly(text)), tag);
    }

    void scopeTags_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("rest");
        QTest::newRow("plain") << "(in-scope) The error is logged" << "in-scope" << "The error is logged";
        QTest::newRow("italic") << "**Global state** *(future)* — tests share it" << "future" << "**Global state** — tests share it";
        QTest::newRow("backticks") << "`(in-scope)` The error is logged" << "in-scope" << "The error is logged";
        QTest::newRow("bold label") << "**In scope:** Split the class" << "in-scope" << "Split the class";
        QTest::newRow("out of scope") << "Per-tenant limits (out of scope)" << "future" << "Per-tenant limits";
        QTest::newRow("brackets") << "[future] Per-tenant limits" << "future" << "Per-tenant limits";
        QTest::newRow("bold bracket") << "**(future)** **Limits**" << "future" << "**Limits**";
        QTest::newRow("none") << "Split the class" << "unspecified" << "Split the class";
    }

    void scopeTags()
    {
        QFETCH(QString, text);
        QFETCH(QString, scope);
        QFETCH(QString, rest);
        QString s = text;
        QCOMPARE(toString(takeScopeTag(s).value_or(ObservationScope::Unspecified)), scope);
        QCOMPARE(s, rest);
    }

    void titleLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<int>("listNumber");
        QTest::addColumn<QString>("expected"); // id|title|locations|tag|bracket
        QTest::newRow("canonical") << "I1. **Config reload drops the last watcher** — `watch/reload.go:88-104` (important, regression)" << 0
                                   << "I1|Config reload drops the last watcher|watch/reload.go:88-104|important,regression|";
        QTest::newRow("bold id") << "**I1. Config reload drops the last watcher** — `watch/reload.go:88`" << 0
                                 << "I1|Config reload drops the last watcher|watch/reload.go:88|none|";
        QTest::newRow("bold id only") << "**C2.** Parse error — `a.go:3`" << 0 << "C2|Parse error|a.go:3|none|";
        QTest::newRow("colon after id") << "**S3: Name the constant** — `a.go:9`" << 0 << "S3|Name the constant|a.go:9|none|";
        QTest::newRow("inline code in title") << "C1. **`Reload` stores a zero `Config`** — `a.go:41-52` *(critical, gap)*" << 0
                                              << "C1|`Reload` stores a zero `Config`|a.go:41-52|critical,gap|";
        QTest::newRow("list number") << "**Broken config empties routes** — `a.go:41` (critical, gap)" << 3
                                     << "3|Broken config empties routes|a.go:41|critical,gap|";
        QTest::newRow("no id") << "**Debounce write events** — `watch.go:23`" << 0 << "|Debounce write events|watch.go:23|none|";
        QTest::newRow("no location") << "**I4. Missing test**" << 0 << "I4|Missing test||none|";
        QTest::newRow("link location") << "I2. **Off by one** — `config/reload.go:63` `(important, regression)`" << 0
                                       << "I2|Off by one|config/reload.go:63|important,regression|";
        QTest::newRow("several spans") << "I3. **Races** — `a.go:1` / `b.go:2-4` + `c.go`" << 0 << "I3|Races|a.go:1;b.go:2-4;c.go|none|";
        QTest::newRow("heading text") << "C1. Parse error empties config — `a.go:41-52` (critical, regression)" << 0
                                      << "C1|Parse error empties config|a.go:41-52|critical,regression|";
        QTest::newRow("older form") << "**[CRITICAL] config/reload.go:41 — Parse error empties config**" << 0
                                    << "|Parse error empties config|config/reload.go:41|none|critical";
        QTest::newRow("older form, title first") << "[IMPORTANT] Loop skips the last watcher — `reload.go:63`" << 0
                                                 << "|Loop skips the last watcher|reload.go:63|none|important";
        QTest::newRow("older form, no location") << "**[SUGGESTION] Log evictions**" << 0 << "|Log evictions||none|suggestion";
        QTest::newRow("en dash separator") << "S1. **Debounce** – `watch.go:23`" << 0 << "S1|Debounce|watch.go:23|none|";
    }

    void titleLines()
    {
        QFETCH(QString, line);
        QFETCH(int, listNumber);
        QFETCH(QString, expected);
        const auto t = parseTitleLine(line, listNumber);
        QVERIFY(t);
        const QString got = QStringLiteral("%1|%2|%3|%4|%5")
                                .arg(t->rawId, t->title, locationsText(t->locations), tagText(t->tag),
                                     t->bracketSeverity ? toString(*t->bracketSeverity) : QString());
        QCOMPARE(got, expected);
    }

    void sectionHeadings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("section"); // displayName, or "-" for none
        QTest::newRow("plain") << "Critical Issues" << "Critical Issues";
        QTest::newRow("upper case") << "CRITICAL" << "Critical Issues";
        QTest::newRow("upper case suggestion") << "SUGGESTION" << "Suggestions";
        QTest::newRow("trailing explanation") << "Important Issues — should fix" << "Important Issues";
        QTest::newRow("hyphen explanation") << "Important Issues - should fix before merge" << "Important Issues";
        QTest::newRow("bold") << "**Suggestions**" << "Suggestions";
        QTest::newRow("numbered with colon") << "5. Testing Assessment:" << "Testing Assessment";
        QTest::newRow("count") << "Suggestions (3)" << "Suggestions";
        QTest::newRow("emoji") << "🔴 Critical Issues" << "Critical Issues";
        QTest::newRow("findings") << "Findings" << "Findings";
        QTest::newRow("design") << "Design Observations" << "Design Observations";
        QTest::newRow("concerns") << "Concerns" << "Concerns";
        QTest::newRow("strengths") << "Strengths" << "Strengths";
        QTest::newRow("documentation") << "Documentation Assessment" << "Documentation Assessment";
        QTest::newRow("commits") << "Commit Structure" << "Commit Structure";
        QTest::newRow("limitations") << "Acknowledged Limitations" << "Acknowledged Limitations";
        QTest::newRow("unresolved") << "Unresolved Feedback" << "Unresolved Feedback";
        QTest::newRow("coverage") << "Coverage Summary" << "Coverage Summary";
        QTest::newRow("executive") << "Executive Summary" << "Executive Summary";
        QTest::newRow("title") << "Deep Code Review: `config-reload`" << "Title";
        QTest::newRow("finding title is not a section") << "Critical path is slow" << "-";
        QTest::newRow("finding id is not a section") << "C1. Parse error" << "-";
    }

    void sectionHeadings()
    {
        QFETCH(QString, text);
        QFETCH(QString, section);
        const auto k = sectionForHeading(text);
        QCOMPARE(k ? displayName(*k) : QStringLiteral("-"), section);
    }

    void labels_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // kind|name|rest
        QTest::newRow("Fix:") << "Fix: return early." << "fix|Fix|return early.";
        QTest::newRow("**Fix:**") << "**Fix:** return early." << "fix|Fix|return early.";
        QTest::newRow("**Fix**:") << "**Fix**: return early." << "fix|Fix|return early.";
        QTest::newRow("Fix (minimal):") << "Fix (minimal): one line." << "fix|Fix (minimal)|one line.";
        QTest::newRow("out of scope") << "Fix (out of scope for this PR): later." << "fix|Fix (out of scope for this PR)|later.";
        QTest::newRow("bold alone") << "**Fix**" << "fix|Fix|";
        QTest::newRow("Problem:") << "Problem: it leaks." << "problem|Problem|it leaks.";
        QTest::newRow("bold Problem") << "**Problem:** it leaks." << "problem|Problem|it leaks.";
        QTest::newRow("Classification:") << "Classification: important, gap" << "classification|Classification|important, gap";
        QTest::newRow("not a label") << "Fixing this needs care." << "-";
        QTest::newRow("word fix inside") << "The fix: none yet" << "-";
    }

    void labels()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto l = leadingLabel(text);
        QString got = QStringLiteral("-");
        if (l) {
            const char *kind = l->kind == LabelKind::Fix ? "fix" : l->kind == LabelKind::Problem ? "problem" : "classification";
            got = QStringLiteral("%1|%2|%3").arg(QLatin1String(kind), l->name, l->rest);
        }
        QCOMPARE(got, expected);
    }

    void verdictLines_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("verdict");
        QTest::newRow("bold label") << "**Verdict:** Request changes" << "Request changes";
        QTest::newRow("plain") << "Verdict: Needs changes." << "Needs changes";
        QTest::newRow("bold with reason") << "**Verdict: Request changes** — one critical issue" << "Request changes — one critical issue";
        QTest::newRow("dash") << "**Verdict** — Approve" << "Approve";
        QTest::newRow("not a verdict") << "The verdict is up to you." << "-";
    }

    void verdictLines()
    {
        QFETCH(QString, text);
        QFETCH(QString, verdict);
        QCOMPARE(verdictLine(text).value_or(QStringLiteral("-")), verdict);
    }
};

QTEST_GUILESS_MAIN(TestReviewSyntax)
#include "test_review_syntax.moc"
