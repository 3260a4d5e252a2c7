// The Markdown raw review parser on review files written in the styles the spec lists:
// every finding, observation and section lands where it belongs, with its exact span.
#include "parse/raw_review.h"
#include "review_test_support.h"

#include <QTest>

using namespace rb;
using namespace rb::parse;
using rb::test::findingSummaries;
using rb::test::observationSummaries;
using rb::test::readReviewData;
using rb::test::sourceFor;

namespace {
ParsedReview parseFile(const QString &name)
{
    const auto r = parseRawReview(readReviewData(name), sourceFor(QStringLiteral("a"), name));
    if (!r.ok())
        qFatal("%s", qPrintable(r.error().message));
    return r.value();
}
} // namespace

class TestMarkdownReview : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findings_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("letter ids, italic tags, #### sections") << "letter-ids.md" << QStringList{
            "C1|critical|regression|Eviction removes pinned entries|store/cache.py:118-131|1|patch|prose",
            "I1|important|regression|Size counter is not decreased on `delete`|store/cache.py:77|1|patch|-",
            "I2|important|gap|Pin state is lost on `put` of an existing key|store/cache.py:90-96;store/cache.py:140|0|-|prose",
            "S1|suggestion|enhancement|Expose hit and miss counters|store/cache.py|0|-|-"};
        QTest::newRow("bold sections, links, backtick and trailing tags") << "bold-sections.md" << QStringList{
            "I1|important|regression|Pinned entries are evicted|store/cache.py:118-131|0|-|prose",
            "I2|important|regression|Size drift after delete|store/cache.py:77|0|patch|-",
            "I3|important|gap|`get` refreshes expired entries|store/cache.py:60-66|0|-|prose",
            "S1|suggestion|gap|Document the pin API|README.md;store/cache.py:12|0|-|-"};
        QTest::newRow("table verdict, continuing numbers, labelled bullets") << "table-verdict.md" << QStringList{
            "1|critical|gap|Pinned keys can be evicted|store/cache.py:118-131|0|-|prose",
            "2|important|gap|Delete leaks size|store/cache.py:77|1|-|prose",
            "3|suggestion|enhancement|Name the default limit|store/cache.py:9|0|-|-"};
        QTest::newRow("older [SEVERITY] form") << "older-form.md" << QStringList{
            "|critical|regression|Eviction ignores the pin flag|store/cache.py:118|0|-|prose",
            "|important|regression|Delete keeps the size|store/cache.py:77|0|-|prose",
            "|suggestion|unspecified|Log evictions at debug level||0|-|prose"};
        QTest::newRow("heading variants, restarting numbers, tags in the body") << "heading-variants.md" << QStringList{
            "1|critical|regression|Eviction drops pinned keys|store/cache.py:118-131|1|patch|prose",
            "1|important|regression|Size accounting after delete|store/cache.py:77-78|1|-|prose",
            "2|important|unspecified|Locking around `_order`|store/cache.py:40;store/metrics.py:12-18;store/cache.py:200-210|0|-|prose",
            "|suggestion|enhancement|Shorter eviction loop|store/cache.py:118|0|-|-",
            "|suggestion|unspecified|Use `__slots__` on the entry class|store/cache.py:20;store/cache.py:25-31|0|-|-"};
        QTest::newRow("bare bold titles, body subheading, same-level heading") << "design-headings.md" << QStringList{
            "|important|unspecified|Eviction ignores pins||1|-|-",
            "|important|unspecified|Delete keeps the size||0|-|-",
            "1|important|unspecified|Entry class has no `__slots__`|store/cache.py:20|0|-|-"};
    }

    void findings()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        const ParsedReview r = parseFile(file);
        QCOMPARE(findingSummaries(r), expected);
    }

    void spansCoverEachFindingVerbatim_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *f : {"letter-ids.md", "bold-sections.md", "table-verdict.md", "older-form.md", "heading-variants.md",
                              "design-headings.md"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }

    void spansCoverEachFindingVerbatim()
    {
        QFETCH(QString, file);
        const ParsedReview r = parseFile(file);
        const QByteArray raw = r.run.rawOutput.toUtf8();
        QCOMPARE(raw, readReviewData(file));
        qint64 previousEnd = 0;
        for (const RawFinding &f : r.findings) {
            QVERIFY2(f.span.isValid(), qPrintable(f.title));
            QVERIFY(f.span.begin >= previousEnd);
            const QString text = QString::fromUtf8(raw.mid(f.span.begin, f.span.end - f.span.begin));
            const QString firstLine = text.section(QLatin1Char('\n'), 0, 0);
            QVERIFY2(firstLine.contains(f.title), qPrintable(firstLine + QStringLiteral(" / ") + f.title));
            QCOMPARE(int(text.count(QLatin1Char('\n'))), f.span.endLine - f.span.startLine);
            QVERIFY2(f.body.isEmpty() || text.contains(f.body.section(QLatin1Char('\n'), 0, 0)), qPrintable(f.body));
            if (!f.fixPatch.isEmpty())
                QVERIFY(text.contains(f.fixPatch.section(QLatin1Char('\n'), 0, 0)));
            previousEnd = f.span.end;
        }
    }

    void idsAreUniqueAndPrefixed()
    {
        const ParsedReview r = parseFile(QStringLiteral("heading-variants.md"));
        QStringList ids;
        for (const RawFinding &f : r.findings)
            ids << f.id;
        QCOMPARE(ids, (QStringList{"a:1", "a:1-2", "a:2", "a:f4", "a:f5"}));
        for (const RawFinding &f : r.findings)
            QCOMPARE(f.agentId, QStringLiteral("a"));
    }

    void observations_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("bullets with bold titles and italic scope") << "letter-ids.md" << QStringList{
            "concern|future|Eviction policy hard-wired", "concern|in-scope|`_order` shared with the metrics thread",
            "strength|unspecified|The `OrderedDict` keeps every operation O(1)."};
        QTest::newRow("numbered, scope in backticks and bold before the title") << "bold-sections.md" << QStringList{
            "concern|in-scope|Pinning and eviction live in one class; the pin rules are hard to test alone.",
            "concern|future|Per-tenant limits"};
        QTest::newRow("strength under a #### heading, [good] marker") << "table-verdict.md" << QStringList{
            "strength|unspecified|Clear separation of the order list and the payloads."};
        QTest::newRow("headings, bold lines and a bullet") << "design-headings.md" << QStringList{
            "concern|in-scope|Eviction and pinning in one class", "concern|future|Per-tenant limits",
            "strength|unspecified|Readable eviction loop", "strength|unspecified|Small public API"};
        QTest::newRow("none") << "older-form.md" << QStringList{};
    }

    void observations()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        QCOMPARE(observationSummaries(parseFile(file)), expected);
    }

    void observationBodyKeepsContinuationLines()
    {
        const ParsedReview r = parseFile(QStringLiteral("letter-ids.md"));
        QCOMPARE(r.observations[0].body, QStringLiteral("a strategy object would let the\nFIFO behaviour return for the batch workers."));
        QCOMPARE(r.observations[0].id, QStringLiteral("a:concern-1"));
        QCOMPARE(r.observations[2].id, QStringLiteral("a:strength-1"));
    }

    void verdicts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("verdict");
        QTest::newRow("bold line with explanation") << "letter-ids.md" << "Request changes — eviction can drop a pinned entry";
        QTest::newRow("table row") << "table-verdict.md" << "Needs changes";
        QTest::newRow("plain line") << "heading-variants.md" << "Needs changes";
        QTest::newRow("none") << "bold-sections.md" << "";
    }

    void verdicts()
    {
        QFETCH(QString, file);
        QFETCH(QString, verdict);
        QCOMPARE(parseFile(file).run.verdict, verdict);
    }

    void verdictTableKeepsTheOtherRows()
    {
        const ParsedReview r = parseFile(QStringLiteral("table-verdict.md"));
        QCOMPARE(r.header.value(QStringLiteral("Risk")), QStringLiteral("Medium"));
        QCOMPARE(r.header.value(QStringLiteral("Confidence")), QStringLiteral("High"));
        QCOMPARE(r.header.value(QStringLiteral("Reviewed SHA")), QStringLiteral("9d2e4c1b7a3f5e6d8c0b1a2f3e4d5c6b7a8f9e0d"));
        QVERIFY(!r.header.contains(QStringLiteral("Field")));
    }

    void sectionsAndPreamble()
    {
        const ParsedReview r = parseFile(QStringLiteral("letter-ids.md"));
        QCOMPARE(r.preamble, QStringLiteral("I went through the diff and the cache module twice. Writing up the review now."));
        QCOMPARE(r.title, QStringLiteral("Deep Code Review: lru-eviction"));
        QVERIFY(r.run.executiveSummary.startsWith(QLatin1String("The branch replaces the FIFO cache")));
        QVERIFY(r.run.executiveSummary.endsWith(QLatin1String("the size counter drifts.")));
        QVERIFY(r.run.testingAssessment.contains(QStringLiteral("2. **Delete then insert at the limit** — would have caught I1.")));
        QCOMPARE(r.run.documentationAssessment, QStringLiteral("The module docstring still describes FIFO eviction."));
        QCOMPARE(r.run.commitStructure, QStringLiteral("Three commits, each builds on its own."));
        QVERIFY(r.run.unclassified.isEmpty());
        QVERIFY(r.run.parseWarnings.isEmpty());
        QVERIFY(r.run.status == RunStatus::Imported);
    }

    void coverageSummary_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("table") << "letter-ids.md" << QStringList{"store/cache.py=C1, I1, I2, S1", "store/__init__.py=Reviewed, no issues"};
        QTest::newRow("bullets") << "bold-sections.md" << QStringList{"store/cache.py=I1, I2, I3", "README.md=S1", "store/__init__.py=Reviewed, no issues"};
    }

    void coverageSummary()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        const ParsedReview r = parseFile(file);
        QStringList got;
        for (const CoverageEntry &e : r.coverage)
            got << e.path + QLatin1Char('=') + e.status;
        QCOMPARE(got, expected);
        QCOMPARE(r.run.filesReviewed, std::optional<int>(int(expected.size())));
        QVERIFY(r.otherSections.last().kind == SectionKind::CoverageSummary);
    }

    void fixVariantsKeepEveryAlternative()
    {
        const ParsedReview r = parseFile(QStringLiteral("heading-variants.md"));
        const RawFinding &f = r.findings[0];
        QVERIFY(f.fixPatch.startsWith(QLatin1String("-    key, entry = self._order.popitem(last=False)\n+")));
        QVERIFY(f.fixProse.startsWith(QLatin1String("Fix (minimal): skip pinned entries.")));
        QVERIFY(f.fixProse.contains(QLatin1String("Fix (thorough): keep pinned entries in a separate dict")));
        QVERIFY(f.fixProse.contains(QLatin1String("self._pinned = {}")));
        QVERIFY(f.codeExcerpts[0].startsWith(QLatin1String("// store/cache.py:118-121\n")));
        QVERIFY(r.findings[2].fixProse.startsWith(QLatin1String("Fix (out of scope for this PR): move metrics")));
        QCOMPARE(r.findings[1].fixProse, QStringLiteral("subtract it."));
    }

    void locationFromCodeComment()
    {
        // "### 1. Size accounting after delete" has no location; its code block starts
        // with "# store/cache.py:77-78".
        const ParsedReview r = parseFile(QStringLiteral("heading-variants.md"));
        QCOMPARE(rb::test::locationsText(r.findings[1].locations), QStringLiteral("store/cache.py:77-78"));
    }

    void otherSectionsAndUnknownSections()
    {
        const ParsedReview r = parseFile(QStringLiteral("heading-variants.md"));
        QCOMPARE(r.otherSections.size(), 2);
        QVERIFY(r.otherSections[0].kind == SectionKind::AcknowledgedLimitations);
        QCOMPARE(r.otherSections[0].markdown, QStringLiteral("- The importer is the only user of pinning today."));
        QVERIFY(r.otherSections[1].kind == SectionKind::UnresolvedFeedback);
        QCOMPARE(r.run.unclassified, (QStringList{"## Random Notes", "Coffee was good."}));
        QCOMPARE(r.run.parseWarnings.size(), 2);
        QCOMPARE(r.run.parseWarnings[0].line, 72);
        QVERIFY(r.run.parseWarnings[0].message.contains(QLatin1String("\"Random Notes\" is not part of the review outline")));
        QCOMPARE(r.run.parseWarnings[1].line, 74);
        QCOMPARE(r.run.executiveSummary, QStringLiteral("This paragraph stands where a summary would, without a heading of its own."));
    }

    void olderFormPreambleWithoutHeadings()
    {
        const ParsedReview r = parseFile(QStringLiteral("older-form.md"));
        QCOMPARE(r.preamble, QStringLiteral("Let me check the remaining files before writing this up.\n\nI now have the full picture."));
        QCOMPARE(r.findings[0].body, QStringLiteral("pinned entries are popped like any other once the cache is over its limit."));
        QVERIFY(r.run.unclassified.isEmpty());
    }

    void failurePlaceholders_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << "failure-empty.md" << "produced no output";
        QTest::newRow("timeout") << "failure-timeout.md" << "Agent timed out after 900 s with empty output.";
        QTest::newRow("quota") << "failure-quota.md" << "Error: You have exceeded your daily quota. Please try again tomorrow or upgrade your plan.";
        QTest::newRow("auth") << "failure-auth.md" << "Invalid API key · Please run /login";
        QTest::newRow("only a preamble") << "failure-preamble.md"
                                         << "only a preamble, no review: I'll start by reading the diff and the files it touches. Let me look at `store/cache.py` first.";
    }

    void failurePlaceholders()
    {
        QFETCH(QString, file);
        QFETCH(QString, reason);
        const auto r = parseRawReview(readReviewData(file), sourceFor(QStringLiteral("x"), file));
        QVERIFY2(r.ok(), "a failure placeholder is not a parse error");
        QVERIFY(r->run.status == RunStatus::Failed);
        QVERIFY(r->run.failed());
        QCOMPARE(r->run.failureReason, reason);
        QCOMPARE(r->run.rawOutput.toUtf8(), readReviewData(file));
        QVERIFY(r->findings.isEmpty());
    }

    void aReviewMentioningATimeoutIsNotAFailure()
    {
        const QByteArray text = "### Important Issues\n\n"
                                "**I1. Request timed out after 30 s is not retried** — `net/client.go:40` (important, gap)\n\n"
                                "The timeout error is returned as is.\n";
        const auto r = parseRawReview(text, sourceFor(QStringLiteral("x")));
        QVERIFY(r.ok());
        QVERIFY(r->run.status == RunStatus::Imported);
        QCOMPARE(r->findings.size(), 1);
    }

    void findingPartsAsHeadings()
    {
        const QByteArray text = "## Important Issues\n\n### I1. Leak on reload — `w.go:30`\n\n#### Problem\n\n"
                                "The goroutine never exits.\n\n#### Reproduction\n\n```\ngo test -run Reload\n```\n\n"
                                "#### Fix (minimal)\n\nPass a context.\n\n```diff\n-go watch()\n+go watch(ctx)\n```\n\n"
                                "### I2. Next — `x.go:1`\n";
        const auto r = parseRawReview(text, sourceFor(QStringLiteral("x")));
        QVERIFY(r.ok());
        QCOMPARE(findingSummaries(*r), (QStringList{"I1|important|unspecified|Leak on reload|w.go:30|1|patch|prose",
                                                    "I2|important|unspecified|Next|x.go:1|0|-|-"}));
        QCOMPARE(r->findings[0].body, QStringLiteral("The goroutine never exits.\n\n#### Reproduction"));
        QCOMPARE(r->findings[0].fixProse, QStringLiteral("Fix (minimal):\n\nPass a context."));
        QCOMPARE(r->findings[0].fixPatch, QStringLiteral("-go watch()\n+go watch(ctx)\n"));
    }

    void shortReviewsWithoutOutlineAreNotFailures_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("lgtm") << QByteArray("LGTM. No issues found; the change is small and correct.\n");
        QTest::newRow("mentions a timeout") << QByteArray("No issues. The new 500 ms timeout handling looks right.\n");
    }

    void shortReviewsWithoutOutlineAreNotFailures()
    {
        QFETCH(QByteArray, text);
        const auto r = parseRawReview(text, sourceFor(QStringLiteral("x")));
        QVERIFY(r.ok());
        QVERIFY(r->run.status == RunStatus::Imported);
        QCOMPARE(r->run.unclassified, QStringList{QString::fromUtf8(text).trimmed()});
        QCOMPARE(r->run.parseWarnings.size(), 1);
        QCOMPARE(r->run.parseWarnings[0].line, 1);
        QVERIFY(r->run.parseWarnings[0].message.contains(QLatin1String("no review outline found")));
    }

    void textThatFitsNowhereIsKeptWithWarnings()
    {
        const QByteArray text = "## Critical Issues\n\nSome remark that is not a finding.\n\n"
                                "**C1. Real finding** — `a.go:3` (critical, gap)\n\nBody.\n\n"
                                "## Design Observations\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        const auto r = parseRawReview(text, sourceFor(QStringLiteral("x")));
        QVERIFY(r.ok());
        QCOMPARE(r->findings.size(), 1);
        QCOMPARE(r->run.unclassified.size(), 2);
        QCOMPARE(r->run.unclassified[0], QStringLiteral("Some remark that is not a finding."));
        QCOMPARE(r->run.parseWarnings[0].line, 3);
        QVERIFY(r->run.parseWarnings[0].message.contains(QLatin1String("Critical Issues")));
        QCOMPARE(r->run.parseWarnings[1].line, 11);
    }
};

QTEST_GUILESS_MAIN(TestMarkdownReview)
#include "test_markdown_review.moc"
