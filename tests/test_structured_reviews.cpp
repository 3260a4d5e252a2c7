// Findings JSON and SARIF 2.1.0 import, format detection, and errors that name the file,
// the line and what was expected.
#include "parse/findings_json.h"
#include "parse/raw_review.h"
#include "parse/sarif.h"
#include "review_test_support.h"

#include <QDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <functional>
#include <set>

using namespace rb;
using namespace rb::parse;
using rb::test::findingSummaries;
using rb::test::observationSummaries;
using rb::test::readReviewData;
using rb::test::sourceFor;

class TestStructuredReviews : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void detection_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("format");
        QTest::newRow("markdown") << QByteArray("### Findings\n") << "markdown";
        QTest::newRow("findings json") << QByteArray("  {\"findings\": []}") << "json";
        QTest::newRow("sarif by version") << QByteArray("{\"version\": \"2.1.0\", \"runs\": []}") << "sarif";
        QTest::newRow("sarif by schema") << QByteArray("{\"$schema\": \"https://x/sarif-2.1.0.json\", \"runs\": []}") << "sarif";
        QTest::newRow("broken json") << QByteArray("{\"findings\": [") << "json";
        QTest::newRow("empty") << QByteArray() << "markdown";
        QTest::newRow("json after a byte order mark") << QByteArray("\xEF\xBB\xBF{\"findings\": []}") << "json";
        QTest::newRow("markdown starting with a brace word") << QByteArray("Review {draft}\n") << "markdown";
    }

    void detection()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, format);
        QCOMPARE(toString(detectFormat(text)), format);
    }

    void findingsJson()
    {
        const QByteArray text = readReviewData(QStringLiteral("findings.json"));
        const auto r = parseRawReview(text, sourceFor(QStringLiteral("codex"), QStringLiteral("findings.json")));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(r->run.format == RawFormat::Json);
        QCOMPARE(findingSummaries(*r), (QStringList{
            "C1|critical|regression|Eviction removes pinned entries|store/cache.py:118-131|1|patch|prose",
            "C1|suggestion|enhancement|Expose hit and miss counters|store/cache.py|0|-|-"}));
        QCOMPARE(r->findings[0].id, QStringLiteral("codex:C1"));
        QCOMPARE(r->findings[1].id, QStringLiteral("codex:C1-2"));
        QCOMPARE(observationSummaries(*r), (QStringList{"concern|future|Eviction policy hard-wired", "strength|unspecified|O(1) operations"}));
        QCOMPARE(r->run.verdict, QStringLiteral("Request changes — pinned entries can be evicted"));
        QCOMPARE(r->run.testingAssessment, QStringLiteral("Nothing exercises pinning."));
        QCOMPARE(r->run.rawOutput.toUtf8(), text);
        // The span is the finding's object in the JSON text.
        const QByteArray spanText = text.mid(r->findings[0].span.begin, r->findings[0].span.end - r->findings[0].span.begin);
        QVERIFY(spanText.startsWith("{") && spanText.endsWith("}"));
        QVERIFY(spanText.contains("\"Eviction removes pinned entries\""));
        QCOMPARE(r->findings[0].span.startLine, 7);
    }

    void findingsJsonRoundTrips()
    {
        const auto r = parseRawReview(readReviewData(QStringLiteral("findings.json")), sourceFor(QStringLiteral("c")));
        QVERIFY(r.ok());
        const QByteArray again = QByteArray::fromStdString(findingsToJson(*r).dump(2));
        const auto back = parseRawReview(again, sourceFor(QStringLiteral("c")));
        QVERIFY(back.ok());
        QCOMPARE(findingSummaries(*back), findingSummaries(*r));
        QCOMPARE(observationSummaries(*back), observationSummaries(*r));
    }

    void badJsonNamesFileLineAndExpectation_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << QByteArray("{\n  \"findings\": [\n    {\"title\": \"x\",,}\n  ]\n}")
                                << "out.json:3:19: not valid JSON";
        QTest::newRow("unknown severity") << QByteArray("{\n  \"findings\": [\n    {\n      \"title\": \"x\",\n      \"severity\": \"urgent\"\n    }\n  ]\n}")
                                          << "out.json:5: findings[0].severity: unknown value \"urgent\"; expected one of critical, important, suggestion";
        QTest::newRow("missing severity") << QByteArray("{\"findings\": [\n {\"title\": \"x\"}\n]}")
                                          << "out.json:2: findings[0].severity: is required";
        QTest::newRow("line as string") << QByteArray("{\"findings\": [{\"title\": \"x\", \"severity\": \"important\",\n"
                                                      " \"locations\": [{\"path\": \"a.go\",\n \"startLine\": \"12\"}]}]}")
                                        << "out.json:3: findings[0].locations[0].startLine: expected an integer, found a string";
        QTest::newRow("no findings") << QByteArray("{\"type\": \"result\", \"result\": \"text\"}")
                                     << "out.json:1: findings: missing; expected a Reviewbench findings document";
        QTest::newRow("array") << QByteArray("[1, 2]") << "out.json:1: (top level): expected an object, found an array";
        QTest::newRow("newer version") << QByteArray("{\"version\": 7, \"findings\": []}") << "out.json:1: version: 7 is newer";
        QTest::newRow("empty title") << QByteArray("{\"findings\": [{\"severity\": \"critical\", \"title\": \"\"}]}")
                                     << "out.json:1: findings[0].title: is required";
    }

    void badJsonNamesFileLineAndExpectation()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        const auto r = parseRawReview(text, sourceFor(QStringLiteral("x"), QStringLiteral("out.json")));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.startsWith(expected), qPrintable(r.error().message));
    }

    void findingsJsonInsideAFence()
    {
        const QByteArray json = readReviewData(QStringLiteral("findings.json"));
        const QByteArray text = "```json\n" + json + "```\n";
        const auto r = parseRawReview(text, sourceFor(QStringLiteral("g")));
        QVERIFY(r.ok());
        QVERIFY(r->run.format == RawFormat::Json);
        QCOMPARE(r->findings.size(), 2);
        QCOMPARE(r->run.rawOutput.toUtf8(), text);
        const SourceSpan &span = r->findings[0].span;
        QCOMPARE(span.startLine, 8);
        QVERIFY(text.mid(span.begin, span.end - span.begin).startsWith("{\n      \"id\": \"C1\""));
        // A fence holding something else, or broken JSON, stays Markdown.
        const auto broken = parseRawReview("```json\n{\"findings\": [\n```\n", sourceFor(QStringLiteral("g")));
        QVERIFY(broken.ok());
        QVERIFY(broken->run.format == RawFormat::Markdown);
        QCOMPARE(broken->run.unclassified.size(), 1);
    }

    void explicitFormatOverridesDetection()
    {
        const QByteArray text = "{\"findings\": []}\n";
        RawReviewSource s = sourceFor(QStringLiteral("x"));
        s.format = RawFormat::Markdown;
        const auto md = parseRawReview(text, s);
        QVERIFY(md.ok());
        QVERIFY(md->run.format == RawFormat::Markdown);
        QVERIFY(md->findings.isEmpty());
        s.format = RawFormat::Sarif;
        const auto sarif = parseRawReview(text, s);
        QVERIFY(!sarif.ok());
        QVERIFY2(sarif.error().message.contains(QLatin1String("review.md:1: runs: missing; expected a SARIF 2.1.0 log")),
                 qPrintable(sarif.error().message));
        s.format = RawFormat::Json;
        const auto markdownAsJson = parseRawReview("## Findings\n\nNone.\n", s);
        QVERIFY(!markdownAsJson.ok());
        QVERIFY2(markdownAsJson.error().message.startsWith(QLatin1String("review.md:1:1: not valid JSON")),
                 qPrintable(markdownAsJson.error().message));
    }

    void sarifResultsBecomeFindings()
    {
        const auto r = parseRawReview(readReviewData(QStringLiteral("linter.sarif")), sourceFor(QStringLiteral("lint"), QStringLiteral("linter.sarif")));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(r->run.format == RawFormat::Sarif);
        QCOMPARE(r->run.name, QStringLiteral("lint"));
        QCOMPARE(findingSummaries(*r), (QStringList{
            "E1101|important|regression|Size is not subtracted when a key is deleted.|store/cache.py:8|1|patch|prose",
            "W0612|suggestion|unspecified|Unused variable 'limit'|/work/repo/store/cache.py:3|0|-|-",
            "S0001|critical|gap|Command built from user input|store/run tool.py:4-6|0|-|-",
            "W0612|suggestion|unspecified|Unused variable 'entry'|store/cache.py:11|0|-|-"}));
        QCOMPARE(r->findings[0].id, QStringLiteral("lint:E1101"));
        QCOMPARE(r->findings[3].id, QStringLiteral("lint:W0612-2"));
        QCOMPARE(r->findings[0].body, QStringLiteral("Size is not subtracted when a key is deleted.\nThe counter only grows."));
        QVERIFY(r->findings[1].body.contains(QLatin1String("https://example.invalid/rules/W0612")));
        QCOMPARE(r->findings[0].fixProse, QStringLiteral("Subtract the removed entry's size."));
        // No source: the fix is a fragment naming the region.
        QCOMPARE(r->findings[0].fixPatch, QStringLiteral("# store/cache.py:8:9-8:35 replaced by:\n"
                                                         "+entry = self._order.pop(key, None)\n"
                                                         "+        if entry is not None:\n"
                                                         "+            self._size -= entry.size\n"));
    }

    void sarifFixBecomesAUnifiedDiffWithTheSource()
    {
        RawReviewSource s = sourceFor(QStringLiteral("lint"), QStringLiteral("linter.sarif"));
        const QDir root(QStringLiteral(RB_TEST_DATA_DIR "/reviews/src"));
        s.readSource = [root](const QString &path) -> std::optional<QString> {
            QFile f(root.filePath(path));
            if (!f.open(QIODevice::ReadOnly))
                return std::nullopt;
            return QString::fromUtf8(f.readAll());
        };
        const auto r = parseRawReview(readReviewData(QStringLiteral("linter.sarif")), s);
        QVERIFY(r.ok());
        QCOMPARE(r->findings[0].fixPatch, QStringLiteral(
            "--- a/store/cache.py\n+++ b/store/cache.py\n"
            "@@ -5,7 +5,9 @@\n"
            "         self._order = {}\n"
            " \n"
            "     def delete(self, key):\n"
            "-        self._order.pop(key, None)\n"
            "+        entry = self._order.pop(key, None)\n"
            "+        if entry is not None:\n"
            "+            self._size -= entry.size\n"
            " \n"
            "     def put(self, key, entry):\n"
            "         self._order[key] = entry\n"));
    }

    void unifiedDiffs_data()
    {
        QTest::addColumn<QString>("original");
        QTest::addColumn<QList<TextReplacement>>("replacements");
        QTest::addColumn<QString>("diff");
        const QString ten = QStringLiteral("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n");
        QTest::newRow("whole line") << ten << QList<TextReplacement>{{2, 0, 2, 0, -1, 0, QStringLiteral("two")}}
                                    << "--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n";
        QTest::newRow("two hunks") << ten << QList<TextReplacement>{{18, 1, 18, 2, -1, 0, QStringLiteral("x")}, {2, 1, 3, 0, -1, 0, QString()}}
                                   << "--- a/f\n+++ b/f\n@@ -1,6 +1,5 @@\n 1\n-2\n-3\n+\n 4\n 5\n 6\n"
                                      "@@ -15,6 +14,6 @@\n 15\n 16\n 17\n-18\n+x8\n 19\n 20\n";
        QTest::newRow("char offset insertion") << QStringLiteral("ab\ncd\n") << QList<TextReplacement>{{0, 0, 0, 0, 4, 0, QStringLiteral("X")}}
                                               << "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n ab\n-cd\n+cXd\n";
    }

    void unifiedDiffs()
    {
        QFETCH(QString, original);
        QFETCH(QList<TextReplacement>, replacements);
        QFETCH(QString, diff);
        const auto d = unifiedDiffOfReplacements(QStringLiteral("f"), original, replacements);
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
        QCOMPARE(*d, diff);
    }

    void replacementsOutsideTheFileAreRefused()
    {
        const auto d = unifiedDiffOfReplacements(QStringLiteral("f"), QStringLiteral("a\n"), {{5, 1, 5, 2, -1, 0, QStringLiteral("x")}});
        QVERIFY(!d.ok());
        QVERIFY(d.error().message.contains(QLatin1String("f: replacement lines 5-5 lie outside the file")));
        const auto o = unifiedDiffOfReplacements(QStringLiteral("f"), QStringLiteral("abcdef\n"),
                                                 {{1, 1, 1, 4, -1, 0, {}}, {1, 2, 1, 5, -1, 0, {}}});
        QVERIFY(!o.ok());
        QVERIFY(o.error().message.contains(QLatin1String("overlap")));
    }

    void badSarifNamesFileLineAndExpectation_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("old version") << QByteArray("{\"version\": \"1.0.0\", \"runs\": []}") << "l.sarif:1: version: \"1.0.0\" is not supported; expected \"2.1.0\"";
        QTest::newRow("bad level") << QByteArray("{\"version\": \"2.1.0\", \"runs\": [{\"results\": [\n{\"message\": {\"text\": \"m\"},\n \"level\": \"fatal\"}]}]}")
                                   << "l.sarif:3: runs[0].results[0].level: unknown value \"fatal\"; expected one of error, warning, note, none";
        QTest::newRow("no message") << QByteArray("{\"version\": \"2.1.0\", \"runs\": [{\"results\": [\n{\"ruleId\": \"X\"}]}]}")
                                    << "l.sarif:2: runs[0].results[0].message: is required";
        QTest::newRow("line zero") << QByteArray("{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{\"message\": {\"text\": \"m\"}, \"locations\": [\n"
                                                 "{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"a\"}, \"region\": {\n\"startLine\": 0}}}]}]}]}")
                                   << "l.sarif:3: runs[0].results[0].locations[0].physicalLocation.region.startLine: expected a number of 1 or more";
    }

    void badSarifNamesFileLineAndExpectation()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        const auto r = parseRawReview(text, sourceFor(QStringLiteral("x"), QStringLiteral("l.sarif")));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.startsWith(expected), qPrintable(r.error().message));
    }

    void unsuccessfulSarifRunWithoutResultsIsAFailedRun()
    {
        const QByteArray text = "{\"version\": \"2.1.0\", \"runs\": [{\"invocations\": [{\"executionSuccessful\": false}], \"results\": []}]}";
        const auto r = parseRawReview(text, sourceFor(QStringLiteral("x")));
        QVERIFY(r.ok());
        QVERIFY(r->run.status == RunStatus::Failed);
    }

    void schemaFollowsStrictOutputRules()
    {
        // Every object lists all its properties as required and allows no others, so
        // agent CLIs that enforce strict output schemas accept it.
        QFile f(QStringLiteral(RB_RESOURCES_DIR "/findings.schema.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto schema = nlohmann::json::parse(f.readAll().toStdString());
        int objects = 0;
        std::function<void(const nlohmann::json &, const std::string &)> check = [&](const nlohmann::json &node, const std::string &where) {
            if (node.is_object()) {
                if (node.value("type", nlohmann::json()) == "object") {
                    ++objects;
                    QVERIFY2(node.contains("additionalProperties") && node["additionalProperties"] == false, where.c_str());
                    std::set<std::string> props, required;
                    for (auto it = node["properties"].begin(); it != node["properties"].end(); ++it)
                        props.insert(it.key());
                    for (const auto &r : node["required"])
                        required.insert(r.get<std::string>());
                    QVERIFY2(props == required, where.c_str());
                }
                for (auto it = node.begin(); it != node.end(); ++it)
                    check(it.value(), where + "/" + it.key());
            } else if (node.is_array()) {
                for (const auto &v : node)
                    check(v, where + "[]");
            }
        };
        check(schema, "");
        QCOMPARE(objects, 4);
        // And what findingsToJson writes has exactly the schema's properties.
        const auto r = parseRawReview(readReviewData(QStringLiteral("findings.json")), sourceFor(QStringLiteral("c")));
        QVERIFY(r.ok());
        const auto doc = findingsToJson(*r);
        std::set<std::string> top, required;
        for (auto it = doc.begin(); it != doc.end(); ++it)
            top.insert(it.key());
        for (const auto &k : schema["required"])
            required.insert(k.get<std::string>());
        QVERIFY(top == required);
    }
};

QTEST_GUILESS_MAIN(TestStructuredReviews)
#include "test_structured_reviews.moc"
