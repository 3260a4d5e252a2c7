// The issue search: terms over titles, bodies, notes, fixes, merged issues and member findings.
#include "search/issue_search.h"

#include <QTest>

using namespace rb;
using namespace rb::ui;

namespace {
Review sample()
{
    Review r;
    RawFinding a;
    a.id = QStringLiteral("claude:I1");
    a.rawId = QStringLiteral("I1");
    a.title = QStringLiteral("drain() drops the last element");
    a.body = QStringLiteral("An off by one in the loop bound.");
    RawFinding b;
    b.id = QStringLiteral("codex:3");
    b.title = QStringLiteral("Stock count can go negative");
    b.body = QStringLiteral("reserve_many does not check availability.");
    r.findings = {a, b};
    Issue i1;
    i1.id = QStringLiteral("issue-1");
    i1.title = QStringLiteral("Ring buffer drain");
    i1.members = {a.id};
    i1.locations = {Location{QStringLiteral("src/ring_buffer.h"), 10, 12}};
    Issue i2;
    i2.id = QStringLiteral("issue-2");
    i2.title = QStringLiteral("Overselling");
    i2.members = {b.id};
    i2.notes = QStringLiteral("Ask about the warehouse sync.");
    i2.fixes = {IssueFix{b.id, QStringLiteral("stock.py"), QStringLiteral("Lock the row first."), {}, true}};
    CombinedIssue merged;
    merged.id = QStringLiteral("issue-3");
    merged.title = QStringLiteral("Race in checkout");
    i2.combined = {merged};
    r.issues = {i1, i2};
    return r;
}
} // namespace

class TestIssueSearch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void terms_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("words") << "off  by one" << QStringList{"off", "by", "one"};
        QTest::newRow("quoted phrase") << "\"off by\" one" << QStringList{"off by", "one"};
        QTest::newRow("unclosed quote") << "\"off by" << QStringList{"off by"};
        QTest::newRow("empty") << "  " << QStringList{};
    }
    void terms()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        QCOMPARE(searchTerms(query), expected);
    }

    void finds_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty finds all") << "" << QStringList{"issue-1", "issue-2"};
        QTest::newRow("issue title, ignoring case") << "RING" << QStringList{"issue-1"};
        QTest::newRow("member finding title") << "drain()" << QStringList{"issue-1"};
        QTest::newRow("member finding body") << "\"off by one\"" << QStringList{"issue-1"};
        QTest::newRow("notes") << "warehouse" << QStringList{"issue-2"};
        QTest::newRow("fix prose") << "lock the row" << QStringList{"issue-2"};
        QTest::newRow("merged issue's title") << "checkout" << QStringList{"issue-2"};
        QTest::newRow("location path") << "ring_buffer.h" << QStringList{"issue-1"};
        QTest::newRow("terms in different fields") << "overselling availability" << QStringList{"issue-2"};
        QTest::newRow("every term must occur") << "drain warehouse" << QStringList{};
        QTest::newRow("issue id") << "issue-2" << QStringList{"issue-2"};
        QTest::newRow("nothing") << "zebra" << QStringList{};
    }
    void finds()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        QCOMPARE(findIssues(sample(), query), expected);
    }
};

QTEST_GUILESS_MAIN(TestIssueSearch)
#include "test_issue_search.moc"
