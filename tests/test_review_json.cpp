// The review file's JSON form: every field survives a round trip, and wrong input is refused
// with a message that names the field.
#include "io/review_json.h"
#include "seed_review.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace rb;
using nlohmann::json;

class TestReviewJson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emptyReviewRoundTrips()
    {
        const Review empty;
        const auto back = reviewFromJson(reviewToJson(empty));
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(*back, empty);
    }

    void seedRoundTripsUnchanged()
    {
        const Review seed = test::seedReview();
        const json once = reviewToJson(seed);
        const auto back = reviewFromJson(json::parse(once.dump()));
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(back->issues.size(), seed.issues.size());
        QVERIFY(*back == seed);
        QCOMPARE(reviewToJson(*back).dump(), once.dump());
    }

    void optionalValuesStayUnset()
    {
        Review r;
        AgentRun a;
        a.id = QStringLiteral("x");
        r.agents << a;
        const auto back = reviewFromJson(reviewToJson(r));
        QVERIFY(back.ok());
        QVERIFY(!back->agents[0].durationSeconds.has_value());
        QVERIFY(!back->agents[0].costUsd.has_value());
        QVERIFY(!back->metadata.wallClockSeconds.has_value());
    }

    void finalSeverityIsKeptApartFromProposal()
    {
        Review r = test::seedReview();
        r.issues[1].finalSeverity.reset();
        const auto back = reviewFromJson(reviewToJson(r));
        QVERIFY(back.ok());
        QVERIFY(!back->issues[1].finalSeverity.has_value());
        QVERIFY(back->issues[0].finalSeverity == Severity::Important);
        QVERIFY(back->issues[0].proposedSeverity == Severity::Important);
    }

    void refusesWrongInput_data()
    {
        QTest::addColumn<QString>("mutation");
        QTest::addColumn<QString>("expected");
        QTest::newRow("newer version") << "schemaVersion=99" << "newer Reviewbench";
        QTest::newRow("no version") << "schemaVersion=null" << "schemaVersion: missing";
        QTest::newRow("version as string") << "schemaVersion=\"1\"" << "schemaVersion: expected an integer";
        QTest::newRow("agents not array") << "agents={}" << "agents: expected an array, found an object";
        QTest::newRow("duration as string") << "agents.0.durationSeconds=\"7:29\"" << "agents[0].durationSeconds: expected a number, found a string";
        QTest::newRow("unknown severity") << "findings.1.severity=\"urgent\"" << "findings[1].severity: unknown value \"urgent\"";
        QTest::newRow("bad triage") << "issues.2.triage=\"maybe\"" << "issues[2].triage: unknown value \"maybe\"";
        QTest::newRow("line as string") << "issues.0.locations.0.startLine=\"30\"" << "issues[0].locations[0].startLine: expected an integer";
        QTest::newRow("bad range") << "issues.0.locations.0.endLine=3" << "issues[0].locations[0]: line range 30-3 is not valid";
        QTest::newRow("bad date") << "metadata.date=\"yesterday\"" << "metadata.date: \"yesterday\" is not an ISO 8601";
        QTest::newRow("member not string") << "issues.0.members.1=5" << "issues[0].members[1]: expected a string, found an integer";
        QTest::newRow("dangling member") << "issues.0.members.1=\"nobody:1\"" << "issues[0].members[1]: names finding \"nobody:1\"";
        QTest::newRow("dangling agent") << "findings.0.agent=\"ghost\"" << "findings[0].agent: names agent \"ghost\"";
        QTest::newRow("missing id") << "agents.1.id=null" << "agents[1].id: is required";
        QTest::newRow("duplicate agent id") << "agents.2.id=\"claude\"" << "agents[2].id: \"claude\" is also the id of agents[0]; ids must be unique";
        QTest::newRow("duplicate finding id") << "findings.3.id=\"claude:S1\"" << "findings[3].id: \"claude:S1\" is also the id of findings[0]";
        QTest::newRow("duplicate issue id") << "issues.1.id=\"issue-1\"" << "ids must be unique";
        QTest::newRow("integer beyond int64") << "agents.0.inputTokens=18446744073709551615" << "agents[0].inputTokens: integer 18446744073709551615 is out of range";
        QTest::newRow("top-level array") << "=[]" << "(top level): expected an object";
    }

    void refusesWrongInput()
    {
        QFETCH(QString, mutation);
        QFETCH(QString, expected);
        json doc = reviewToJson(test::seedReview());
        const auto eq = mutation.indexOf(QLatin1Char('='));
        const QString pathText = mutation.left(eq);
        const json value = json::parse(mutation.mid(eq + 1).toStdString());
        if (pathText.isEmpty()) {
            doc = value;
        } else {
            json *node = &doc;
            const QStringList parts = pathText.split(QLatin1Char('.'));
            for (qsizetype i = 0; i < parts.size(); ++i) {
                bool isIndex = false;
                const int index = parts[i].toInt(&isIndex);
                json &next = isIndex ? (*node)[std::size_t(index)] : (*node)[parts[i].toStdString()];
                if (i + 1 == parts.size())
                    next = value;
                node = &next;
            }
        }
        const auto result = reviewFromJson(doc);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(expected), qPrintable(result.error().message));
    }
};

QTEST_GUILESS_MAIN(TestReviewJson)
#include "test_review_json.moc"
