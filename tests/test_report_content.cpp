// What every export must hold regardless of layout: escaping, retro figures, SARIF structure.
#include "model/agent_name.h"
#include "report/export.h"
#include "report/format.h"
#include "report/html_export.h"
#include "report/html_style.h"
#include "report/html_text.h"
#include "report/report_outline.h"
#include "report/markdown_export.h"
#include "report/retro.h"
#include "report/sarif_export.h"
#include "hostile_review.h"
#include "seed_review.h"

#include <QRegularExpression>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace rb;
using namespace rb::report;

class TestReportContent : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void agentShortNames_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("shortName");
        QTest::newRow("first word") << "claude" << "Claude Opus 4.6" << "Claude";
        QTest::newRow("one word") << "codex" << "Codex" << "Codex";
        QTest::newRow("spaces around") << "g" << "  Gemini 3.1 Pro " << "Gemini";
        QTest::newRow("no name: the id") << "local-llm" << "" << "local-llm";
    }
    // One rule for the report's badges and prose, the drafted notes and the window.
    void agentShortNames()
    {
        QFETCH(QString, id);
        QFETCH(QString, name);
        QFETCH(QString, shortName);
        AgentRun run;
        run.id = id;
        run.name = name;
        QCOMPARE(agentShortName(run), shortName);
        Review review = test::seedReview();
        review.agents.first().name = name;
        review.agents.first().id = id;
        for (RawFinding &f : review.findings)
            if (f.agentId == QLatin1String("claude"))
                f.agentId = id;
        const QString md = QString::fromUtf8(report::exportReview(review, report::ExportFormat::Markdown));
        QVERIFY2(md.contains(shortName), qPrintable(md.left(600)));
    }

    void durations_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("wall");
        QTest::addColumn<QString>("minSec");
        QTest::newRow("seed") << 646.0 << QStringLiteral("10 min 46 s") << QStringLiteral("10:46");
        QTest::newRow("hours") << 3785.0 << QStringLiteral("1 h 3 min 5 s") << QStringLiteral("63:05");
        QTest::newRow("seconds") << 42.4 << QStringLiteral("42 s") << QStringLiteral("0:42");
    }
    void durations()
    {
        QFETCH(double, seconds);
        QFETCH(QString, wall);
        QFETCH(QString, minSec);
        QCOMPARE(wallClock(seconds), wall);
        QCOMPARE(minutesSeconds(seconds), minSec);
    }

    void htmlNeutralisesAgentText_data()
    {
        QTest::addColumn<QString>("forbidden");
        for (const char *s : {"<script", "javascript:", "<iframe", "<img", "<!-- hidden", "<b>", "<em>raw"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }
    void htmlNeutralisesAgentText()
    {
        QFETCH(QString, forbidden);
        const QString html = exportHtml(test::hostileReview());
        QVERIFY2(!html.contains(forbidden, Qt::CaseInsensitive), qPrintable(forbidden));
    }

    void htmlIsSelfContained()
    {
        const QString html = exportHtml(test::hostileReview());
        QVERIFY(html.contains(QStringLiteral("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                                             "style-src 'unsafe-inline'\">")));
        QVERIFY(!html.contains(QRegularExpression(QStringLiteral("<link|@import|url\\("), QRegularExpression::CaseInsensitiveOption)));
        // No tag carries a source or an event handler (escaped text may mention them).
        QVERIFY(!html.contains(QRegularExpression(QStringLiteral("<[^>]*\\s(src|on[a-z]+)="), QRegularExpression::CaseInsensitiveOption)));
        QVERIFY(html.contains(QStringLiteral("Handler trusts &lt;b&gt; tags")));
        QVERIFY(html.contains(QStringLiteral("@media print")));
        QVERIFY(html.contains(QStringLiteral("prefers-color-scheme: dark")));
        // The false positive leaves the sections, the failed agent shows its failure.
        QVERIFY(!html.contains(QStringLiteral("A false positive stays out")));
        QVERIFY(html.contains(QStringLiteral("timed out after 900 s with empty output")));
    }

    void markdownAppendixFenceOutlastsContent()
    {
        const QString md = exportMarkdown(test::hostileReview());
        QVERIFY(md.contains(QStringLiteral("`````markdown\n<!-- hidden instructions")));
        QCOMPARE(fenceFor(QStringLiteral("a ```` b")), QStringLiteral("`````"));
        QCOMPARE(fenceFor(QStringLiteral("plain")), QStringLiteral("```"));
        QVERIFY(!md.contains(QStringLiteral("A false positive stays out")));
        QVERIFY(md.contains(QStringLiteral("~~Broken Agent 1.0~~ (dropped: timed out after 900 s with empty output)")));
    }

    void retroCountsRejectedAndFalsePositives()
    {
        Review r = test::seedReview();
        r.issue(QStringLiteral("issue-7"))->triage = TriageState::FalsePositive; // claude:S2
        const ReviewRetro retro = computeRetro(r);
        QCOMPARE(retro.agents.size(), 3);
        const AgentRetro &claude = retro.agents[0];
        QCOMPARE(claude.falsePositives, 1);
        QCOMPARE(claude.rejected, 1); // issue-8, claude:S3
        QCOMPARE(claude.suggestion.count, 3);
        QCOMPARE(claude.suggestion.upgraded, 1);  // S1 became Important
        QCOMPARE(claude.important, (SeverityTally{2, 2, 0}));
        QCOMPARE(claude.uniqueInsights, 2);       // verbosity issue and the split concern
        QCOMPARE(retro.agents[2].critical, (SeverityTally{1, 1, 0}));
        QCOMPARE(retro.agents[0].durationSeconds, std::optional<double>(449));
        QCOMPARE(retro.wallClockSeconds, std::optional<double>(646));
        QVERIFY(!exportMarkdown(r).contains(QStringLiteral("Killing wslservice.exe")));
    }

    void retroFactsSayOneAndMany()
    {
        AgentRetro one;
        one.suggestion.count = 1;
        one.designObservations = 1;
        one.uniqueInsights = 1;
        one.falsePositives = 1;
        QCOMPARE(retroFacts(one), QStringLiteral("1 finding (0 critical, 0 important, 1 suggestion), 1 design observation, "
                                                 "1 unique insight, 1 false positive."));
        AgentRetro many;
        many.critical.count = 2;
        many.suggestion.count = 3;
        QCOMPARE(retroFacts(many), QStringLiteral("5 findings (2 critical, 0 important, 3 suggestions), 0 design observations, "
                                                  "0 unique insights, 0 false positives."));
    }

    void titlesRenderInlineCode_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("html");
        QTest::newRow("plain") << "Plain title" << "Plain title";
        QTest::newRow("code span") << "`drain()` moves `max + 1` items" << "<code>drain()</code> moves <code>max + 1</code> items";
        QTest::newRow("escaped around and inside") << "a<b `x<y` & c" << "a&lt;b <code>x&lt;y</code> &amp; c";
        QTest::newRow("double backticks hold one") << "``a`b`` end" << "<code>a`b</code> end";
        QTest::newRow("unclosed stays literal") << "it`s broken" << "it`s broken";
        QTest::newRow("html in code is text") << "`<script>`" << "<code>&lt;script&gt;</code>";
    }
    void titlesRenderInlineCode()
    {
        QFETCH(QString, title);
        QFETCH(QString, html);
        QCOMPARE(inlineTitleHtml(title), html);
    }

    void htmlTitlesAndSeverityReadAtAGlance()
    {
        const QString html = exportHtml(test::seedReview());
        // Severity sections are coloured, cards tinted, severity and category quiet text.
        QVERIFY(html.contains(QStringLiteral("<section id=\"critical\" class=\"severity-critical\">")));
        QVERIFY(html.contains(QStringLiteral("<span class=\"sev sev-")));
        QVERIFY(!html.contains(QStringLiteral("badge sev-")));
        QVERIFY(!html.contains(QStringLiteral("badge cat")));
        QVERIFY(html.contains(QStringLiteral("overflow-wrap: anywhere")));
        // A title's backticks are code in its heading and in the table of contents.
        Review r = test::seedReview();
        r.issues.first().title = QStringLiteral("`averyveryverylongidentifier_without_breaks` overflows");
        const QString withCode = exportHtml(r);
        QCOMPARE(withCode.count(QStringLiteral("<code>averyveryverylongidentifier_without_breaks</code> overflows")), 2);
    }

    void flatStyleSheetResolvesColoursForEachScheme()
    {
        const QString light = flatStyleSheet(false);
        const QString dark = flatStyleSheet(true);
        for (const QString &css : {light, dark}) {
            QVERIFY(!css.contains(QStringLiteral("var(")));
            QVERIFY(!css.contains(QStringLiteral("@media")));
            QVERIFY(!css.contains(QStringLiteral(":root")));
            QVERIFY(css.contains(QStringLiteral("article.issue-critical")));
        }
        QVERIFY(light.contains(QStringLiteral("section.severity-critical > h3 { color: #cf222e; }")));
        QVERIFY(dark.contains(QStringLiteral("section.severity-critical > h3 { color: #ff7b72; }")));
        const QString html = withFlatStyleSheet(exportHtml(test::seedReview()), true);
        QVERIFY(html.contains(QStringLiteral("<style>") + dark + QStringLiteral("</style>")));
        QVERIFY(html.contains(QStringLiteral("<section id=\"critical\"")));
    }

    void sarifStructure()
    {
        const nlohmann::json log = exportSarif(test::seedReview());
        QCOMPARE(QString::fromStdString(log.at("version").get<std::string>()), QStringLiteral("2.1.0"));
        QCOMPARE(log.at("runs").size(), std::size_t(4)); // three agents and the consolidated view
        int fixes = 0;
        int suppressed = 0;
        for (const auto &run : log.at("runs")) {
            QVERIFY(!run.at("tool").at("driver").at("name").get<std::string>().empty());
            for (const auto &result : run.at("results")) {
                QVERIFY(!result.at("message").at("text").get<std::string>().empty());
                const std::string level = result.at("level").get<std::string>();
                QVERIFY(level == "error" || level == "warning" || level == "note");
                if (result.contains("fixes")) {
                    ++fixes;
                    const auto &change = result.at("fixes").at(0).at("artifactChanges").at(0);
                    QVERIFY(change.at("replacements").at(0).at("deletedRegion").at("startLine").get<int>() > 0);
                }
                if (result.contains("suppressions"))
                    ++suppressed;
            }
        }
        QCOMPARE(fixes, 2);      // claude:S1 and issue-1
        QCOMPARE(suppressed, 1); // the rejected issue-8
    }

    void patchSides()
    {
        const QString patch = QStringLiteral("@@ -1,2 +1,2 @@\n a\n-b\n+c\n\n d\n");
        QCOMPARE(patchOldSide(patch), QStringLiteral("a\nb\n\nd\n"));
        QCOMPARE(patchNewSide(patch), QStringLiteral("a\nc\n\nd\n"));
    }

    void formatsByName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("known");
        QTest::newRow("md") << QStringLiteral("md") << true;
        QTest::newRow("markdown") << QStringLiteral("Markdown") << true;
        QTest::newRow("sarif") << QStringLiteral("sarif") << true;
        QTest::newRow("pdf") << QStringLiteral("pdf") << false;
    }
    void formatsByName()
    {
        QFETCH(QString, name);
        QFETCH(bool, known);
        QCOMPARE(exportFormatFromString(name).has_value(), known);
    }
};

QTEST_GUILESS_MAIN(TestReportContent)
#include "test_report_content.moc"
