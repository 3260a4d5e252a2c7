// Corrupt and hostile raw output never crashes the parser and never loses the text.
#include "parse/raw_review.h"
#include "review_test_support.h"

#include <QRandomGenerator>
#include <QTest>

using namespace rb;
using namespace rb::parse;
using rb::test::sourceFor;

namespace {
QByteArray repeated(const QByteArray &piece, int times)
{
    QByteArray out;
    out.reserve(piece.size() * times);
    for (int i = 0; i < times; ++i)
        out += piece;
    return out;
}
} // namespace

class TestHostileReviews : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void neverCrashesAndKeepsTheText_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("format");
        QByteArray junk(64 * 1024, '\0');
        QRandomGenerator rng(20260321);
        for (char &c : junk)
            c = char(rng.bounded(256));
        QTest::newRow("binary junk") << junk << "markdown";
        QTest::newRow("binary junk as json") << junk << "json";
        QTest::newRow("binary junk as sarif") << junk << "sarif";
        QTest::newRow("invalid utf-8") << QByteArray("### Critical Issues\n\n**C1. Bad \xff\xfe bytes** — `a\xc3.go:3` (critical, gap)\n\nBody \xe2\x82.\n")
                                       << "markdown";
        QTest::newRow("NUL bytes") << QByteArray("### Findings\n\n**I1. Null\0 byte** — `a.go:1`\n", 42) << "markdown";
        QTest::newRow("huge line") << (QByteArray("**C1. ") + QByteArray(2 * 1024 * 1024, 'x') + "** — `a.go:1` (critical, gap)\n") << "markdown";
        QTest::newRow("huge tag-like line") << ("### Findings\n\n" + repeated("(important, (", 100000) + "\n") << "markdown";
        QTest::newRow("huge location list") << ("### Findings\n\n**I1. T** — `" + repeated("a.go:1, ", 100000) + "`\n") << "markdown";
        QTest::newRow("unterminated fence") << QByteArray("### Critical Issues\n\n**C1. T** — `a.go:1`\n\n```diff\n-a\n+b\n") << "markdown";
        QTest::newRow("deep block quotes") << (repeated(">", 50000) + " text\n") << "markdown";
        QTest::newRow("deep lists") << repeated("- ", 20000) + "x\n" << "markdown";
        QTest::newRow("deep emphasis") << (repeated("*a ", 50000) + "\n") << "markdown";
        QTest::newRow("many brackets") << (repeated("[", 100000) + "\n") << "markdown";
        QTest::newRow("only headings") << repeated("## Critical Issues\n", 5000) << "markdown";
        QTest::newRow("deep json") << (repeated("[", 100000) + repeated("]", 100000)) << "json";
        QTest::newRow("truncated json") << QByteArray("{\"findings\": [{\"title\": \"x\", \"sev") << "json";
        QTest::newRow("crlf") << QByteArray("### Critical Issues\r\n\r\n**C1. T** \xe2\x80\x94 `a.go:1` (critical, gap)\r\n\r\nBody.\r\n") << "markdown";
        QTest::newRow("table without body") << QByteArray("| Verdict |\n| --- |\n") << "markdown";
        QTest::newRow("bold run of asterisks") << QByteArray("**x****\n", 9) << "markdown";
        QTest::newRow("number beyond a double in sarif") << QByteArray("{\"version\": \"2.1.0\", \"runs\": [{\"x\": 1e400}]}") << "sarif";
        QTest::newRow("number beyond a double in json") << QByteArray("{\"findings\": [], \"n\": -1e999}") << "json";
        QTest::newRow("empty sarif runs") << QByteArray("{\"version\": \"2.1.0\", \"runs\": [{}, {\"results\": null}]}") << "sarif";
    }

    void neverCrashesAndKeepsTheText()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, format);
        RawReviewSource s = sourceFor(QStringLiteral("x"), QStringLiteral("junk.txt"));
        s.format = rawFormatFromString(format);
        const auto r = parseRawReview(text, s);
        if (!r.ok()) {
            QVERIFY(r.error().message.startsWith(QLatin1String("junk.txt:")));
            QVERIFY(format != QLatin1String("markdown"));
            return;
        }
        // Whatever the bytes were, the stored text is valid UTF-8 and every span lies inside it.
        const QByteArray stored = r->run.rawOutput.toUtf8();
        QCOMPARE(QString::fromUtf8(stored), r->run.rawOutput);
        for (const RawFinding &f : r->findings) {
            QVERIFY(f.span.begin >= 0 && f.span.begin <= f.span.end && f.span.end <= stored.size());
            QVERIFY(!f.id.isEmpty());
        }
        // Text other than headings is either classified or kept with a warning.
        const bool onlyHeadings = QString::fromUtf8(text).remove(QStringLiteral("## Critical Issues\n")).isEmpty();
        if (format == QLatin1String("markdown") && !r->run.failed() && !onlyHeadings)
            QVERIFY(!r->findings.isEmpty() || !r->run.unclassified.isEmpty() || !r->run.executiveSummary.isEmpty()
                    || !r->run.parseWarnings.isEmpty() || !r->preamble.isEmpty());
    }

    void invalidUtf8KeepsOffsetsIntoTheStoredText()
    {
        const QByteArray text("### Critical Issues\n\n\xff\xff **C1. Bad** — `a.go:3` (critical, gap)\n\n"
                              "**C2. Next** — `b.go:4` (critical, gap)\n");
        const auto r = parseRawReview(text, sourceFor(QStringLiteral("x")));
        QVERIFY(r.ok());
        const QByteArray stored = r->run.rawOutput.toUtf8();
        QVERIFY(!r->findings.isEmpty());
        const RawFinding &last = r->findings.last();
        QVERIFY(stored.mid(last.span.begin, last.span.end - last.span.begin).startsWith("**C2. Next**"));
    }

    void boldLineEndingInAsterisksDoesNotReadPastTheEnd()
    {
        // Nine bytes that tripped a QString bounds assertion (an out-of-bounds read without
        // Qt's asserts).
        for (const QByteArray &text : {QByteArray("**x****\n"), QByteArray("**x****"), QByteArray("**x******\n"),
                                      QByteArray("### Findings\n\n**x****\n"), QByteArray("## Strengths\n\n**x****\n")}) {
            const auto r = parseRawReview(text, sourceFor(QStringLiteral("x")));
            QVERIFY2(r.ok(), text.constData());
            QCOMPARE(r->run.rawOutput, QString::fromUtf8(text));
        }
    }

    void numberBeyondADoubleAnywhereInSarifIsRefusedWithItsField()
    {
        const QByteArray text = "{\"version\": \"2.1.0\",\n \"runs\": [{\"tool\": {\"driver\": {\"name\": \"t\"}},\n"
                                "  \"results\": [], \"properties\": {\"ignored\": 1e400}}]}";
        RawReviewSource s = sourceFor(QStringLiteral("x"), QStringLiteral("scan.sarif"));
        const auto r = parseRawReview(text, s);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.startsWith(QLatin1String("scan.sarif:3:")), qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(QLatin1String("runs[0].properties.ignored")), qPrintable(r.error().message));
    }

    void unterminatedFenceKeepsTheFinding()
    {
        const auto r = parseRawReview("### Critical Issues\n\n**C1. T** — `a.go:1` (critical, gap)\n\nFix:\n\n```diff\n-a\n+b\n",
                                      sourceFor(QStringLiteral("x")));
        QVERIFY(r.ok());
        QCOMPARE(r->findings.size(), 1);
        QCOMPARE(r->findings[0].fixPatch, QStringLiteral("-a\n+b\n"));
    }
};

QTEST_GUILESS_MAIN(TestHostileReviews)
#include "test_hostile_reviews.moc"
