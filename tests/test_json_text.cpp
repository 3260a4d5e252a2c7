// parseJson(): every JSON reader's one entry point never throws, and its errors say where.
#include "io/json_text.h"
#include "io/review_file.h"

#include <QTest>

using namespace rb;
using namespace rb::jsonio;

class TestJsonText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void numberBeyondADoubleIsAnErrorNotAThrow_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("line");
        QTest::newRow("top level") << QByteArray("1e400") << "" << 1;
        QTest::newRow("negative") << QByteArray("[-1e999]") << "[0]" << 1;
        QTest::newRow("in an ignored field")
            << QByteArray("{\"version\": \"2.1.0\",\n \"runs\": [{\"results\": [],\n  \"properties\": {\"rank\": 1e400}}]}")
            << "runs[0].properties.rank" << 3;
        QTest::newRow("third array element") << QByteArray("{\"a\": [1, {\"b\": 2}, 9e9999]}") << "a[2]" << 1;
    }
    void numberBeyondADoubleIsAnErrorNotAThrow()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, path);
        QFETCH(int, line);
        const JsonParse r = parseJson(text);
        QVERIFY(!r.ok());
        QCOMPARE(r.error->path, path);
        QCOMPARE(r.error->line, line);
        QVERIFY2(r.error->reason.contains(QLatin1String("beyond the range of a double")), qPrintable(r.error->reason));
    }

    void validJsonParses()
    {
        const JsonParse r = parseJson("{\"a\": [1, 2.5, \"x\", null, true, 1e308]}");
        QVERIFY(r.ok());
        QCOMPARE(r.value["a"].size(), std::size_t(6));
        QCOMPARE(r.value["a"][1].get<double>(), 2.5);
    }

    void syntaxErrorNamesLineColumnAndPath()
    {
        const JsonParse r = parseJson("{\n  \"findings\": [\n    {\"title\": tru}\n  ]\n}");
        QVERIFY(!r.ok());
        QCOMPARE(r.error->line, 3);
        QCOMPARE(r.error->path, QStringLiteral("findings[0].title"));
        QVERIFY2(r.error->what().contains(QLatin1String("syntax error")), qPrintable(r.error->what()));
    }

    void aBadByteAfterAHugeStringGivesAShortMessage()
    {
        // 20 MB of string, then a byte that is not UTF-8: the message quotes a few characters.
        QByteArray text = "{\"title\": \"" + QByteArray(20 * 1024 * 1024, 'x') + "\xff\"}";
        const JsonParse r = parseJson(text);
        QVERIFY(!r.ok());
        QVERIFY2(r.error->what().size() < 300, qPrintable(r.error->what().left(400)));
        QVERIFY2(r.error->what().contains(QLatin1String("bytes)")), qPrintable(r.error->what()));
        QCOMPARE(r.error->path, QStringLiteral("title"));
        QCOMPARE(r.error->line, 1);
    }

    void aHugeNumberTokenIsQuotedShort()
    {
        const QByteArray text = "[1" + QByteArray(1024 * 1024, '0') + "e999999]";
        const JsonParse r = parseJson(text);
        QVERIFY(!r.ok());
        QVERIFY2(r.error->what().size() < 300, qPrintable(r.error->what().left(400)));
    }

    void deepNestingIsRefusedWithItsPlace()
    {
        const QByteArray text = "{\"a\":" + QByteArray(100000, '[') + QByteArray(100000, ']') + "}";
        const JsonParse r = parseJson(text);
        QVERIFY(!r.ok());
        QVERIFY2(r.error->reason.contains(QLatin1String("nested deeper than")), qPrintable(r.error->reason));
        QCOMPARE(r.error->column, 5 + kMaxJsonDepth); // the bracket that opens one level too many
        const JsonParse fine = parseJson(QByteArray(kMaxJsonDepth, '[') + QByteArray(kMaxJsonDepth, ']'));
        QVERIFY(fine.ok());
    }

    void controlCharactersInQuotesAreEscaped()
    {
        QCOMPARE(quoteBounded("a\x1b[31mb"), QStringLiteral("'a\\x1b[31mb'"));
        QCOMPARE(quoteBounded(QByteArray(100, 'y'), 5), QStringLiteral("'yyyyy…' (100 bytes)"));
    }

    void errorsAboutHugeReviewFileValuesStayShort_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        const QByteArray big(20 * 1024 * 1024, 'x');
        QTest::newRow("bad byte after 20 MB") << "{\"schemaVersion\": 1, \"executiveSummary\": \"" + big + "\x01\"}"
                                              << "(at executiveSummary)";
        QTest::newRow("20 MB unknown severity")
            << "{\"schemaVersion\": 1, \"agents\": [{\"id\": \"a\"}], \"findings\": [{\"id\": \"f\", \"agent\": \"a\", "
               "\"severity\": \"" + big + "\"}]}"
            << "findings[0].severity: unknown value \"xxxx";
        QTest::newRow("20 MB dangling agent")
            << "{\"schemaVersion\": 1, \"findings\": [{\"id\": \"f\", \"agent\": \"" + big + "\"}]}"
            << "(20971520 characters)";
        QTest::newRow("20 MB date") << "{\"schemaVersion\": 1, \"metadata\": {\"date\": \"" + big + "\"}}"
                                    << "is not an ISO 8601 date";
    }
    void errorsAboutHugeReviewFileValuesStayShort()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        const auto r = parseReviewFile(text, QStringLiteral("big.json"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.size() < 400, qPrintable(r.error().message.left(400)));
        QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().message));
    }

    void reviewFileWithAHugeNumberIsRefusedWithTheField()
    {
        const QByteArray text = "{\"schemaVersion\": 1,\n \"agents\": [{\"id\": \"a\", \"costUsd\": -1e999}]}";
        const auto r = parseReviewFile(text, QStringLiteral("r.json"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.startsWith(QLatin1String("r.json:2:")), qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(QLatin1String("agents[0].costUsd")), qPrintable(r.error().message));
    }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "test_json_text.moc"
