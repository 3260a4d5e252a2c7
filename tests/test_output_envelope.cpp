// Review text and usage from each CLI's output envelope (pure function, inline samples).
#include "agents/output_envelope.h"

#include <QTest>

using namespace rb;
using namespace rb::agents;

class TestOutputEnvelope : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void extract_data()
    {
        QTest::addColumn<OutputEnvelope>("envelope");
        QTest::addColumn<QByteArray>("out");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::addColumn<qint64>("in");   // -1: not reported
        QTest::addColumn<qint64>("outTokens");
        QTest::addColumn<double>("cost"); // -1: not reported

        QTest::newRow("text") << OutputEnvelope::Text << QByteArray("# Review\n") << "# Review\n" << "" << qint64(-1)
                              << qint64(-1) << -1.0;
        QTest::newRow("claude") << OutputEnvelope::ClaudeJson
                                << QByteArray(R"({"type":"result","subtype":"success","is_error":false,"result":"R","total_cost_usd":0.5,"usage":{"input_tokens":10,"cache_read_input_tokens":5,"output_tokens":7}})")
                                << "R" << "" << qint64(15) << qint64(7) << 0.5;
        QTest::newRow("claude after a notice line")
            << OutputEnvelope::ClaudeJson << QByteArray("Update available\n{\"type\":\"result\",\"result\":\"R\"}\n") << "R"
            << "" << qint64(-1) << qint64(-1) << -1.0;
        QTest::newRow("claude error") << OutputEnvelope::ClaudeJson
                                      << QByteArray(R"({"type":"result","subtype":"error_during_execution","is_error":true,"result":"Credit balance is too low"})")
                                      << "Credit balance is too low" << "Credit balance is too low" << qint64(-1)
                                      << qint64(-1) << -1.0;
        QTest::newRow("claude max turns without text")
            << OutputEnvelope::ClaudeJson << QByteArray(R"({"type":"result","subtype":"error_max_turns","is_error":true})")
            << "" << "Claude Code reported error_max_turns" << qint64(-1) << qint64(-1) << -1.0;
        QTest::newRow("codex, non-JSON lines skipped, usage summed over turns")
            << OutputEnvelope::CodexJsonl
            << QByteArray("{\"type\":\"thread.started\"}\nWARNING: something\n"
                          "{\"type\":\"item.completed\",\"item\":{\"type\":\"agent_message\",\"text\":\"first\"}}\n"
                          "{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":3,\"cached_input_tokens\":1,\"output_tokens\":2}}\n"
                          "{\"type\":\"item.completed\",\"item\":{\"type\":\"agent_message\",\"text\":\"final\"}}\n"
                          "{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":4,\"output_tokens\":5}}\n")
            << "final" << "" << qint64(7) << qint64(7) << -1.0;
        QTest::newRow("codex turn failed")
            << OutputEnvelope::CodexJsonl
            << QByteArray("{\"type\":\"turn.started\"}\n{\"type\":\"turn.failed\",\"error\":{\"message\":\"stream disconnected\"}}\n")
            << "" << "stream disconnected" << qint64(-1) << qint64(-1) << -1.0;
        QTest::newRow("codex without an answer")
            << OutputEnvelope::CodexJsonl << QByteArray("{\"type\":\"thread.started\"}\n{\"type\":\"turn.started\"}\n") << ""
            << "Codex finished without an agent_message item (2 events)" << qint64(-1) << qint64(-1) << -1.0;
        QTest::newRow("gemini") << OutputEnvelope::GeminiJson
                                << QByteArray(R"({"response":"G","stats":{"models":{"a":{"tokens":{"prompt":10,"candidates":3,"thoughts":2}},"b":{"tokens":{"prompt":1,"candidates":1}}}}})")
                                << "G" << "" << qint64(11) << qint64(6) << -1.0;
        QTest::newRow("gemini error") << OutputEnvelope::GeminiJson
                                      << QByteArray(R"({"error":{"type":"ApiError","message":"Quota exceeded","code":429}})")
                                      << "" << "Quota exceeded" << qint64(-1) << qint64(-1) << -1.0;
    }

    void extract()
    {
        QFETCH(OutputEnvelope, envelope);
        QFETCH(QByteArray, out);
        QFETCH(QString, text);
        QFETCH(QString, error);
        QFETCH(qint64, in);
        QFETCH(qint64, outTokens);
        QFETCH(double, cost);
        const auto c = extractEnvelope(envelope, out);
        QVERIFY(c.ok());
        QCOMPARE(c->text, text);
        QCOMPARE(c->error, error);
        QCOMPARE(c->inputTokens, in < 0 ? std::nullopt : std::optional<qint64>(in));
        QCOMPARE(c->outputTokens, outTokens < 0 ? std::nullopt : std::optional<qint64>(outTokens));
        QCOMPARE(c->costUsd, cost < 0 ? std::nullopt : std::optional<double>(cost));
    }

    void notTheExpectedEnvelope_data()
    {
        QTest::addColumn<OutputEnvelope>("envelope");
        QTest::addColumn<QByteArray>("out");
        QTest::addColumn<QString>("message");
        QTest::newRow("claude: broken JSON") << OutputEnvelope::ClaudeJson << QByteArray("{\"type\":\n\"result\",")
                                             << "expected a Claude Code JSON result object {\"type\": \"result\", ...}; "
                                                "not valid JSON at line 2, column 10";
        QTest::newRow("claude: another object") << OutputEnvelope::ClaudeJson << QByteArray("{\"type\":\"system\"}")
                                                << "expected a Claude Code JSON result object {\"type\": \"result\", ...}; found other text";
        QTest::newRow("claude: empty") << OutputEnvelope::ClaudeJson << QByteArray("\n")
                                       << "expected a Claude Code JSON result object {\"type\": \"result\", ...}; "
                                          "not valid JSON at line 2, column 1";
        QTest::newRow("codex: plain text") << OutputEnvelope::CodexJsonl << QByteArray("I reviewed it.\n")
                                           << "expected Codex JSON Lines events ({\"type\": \"thread.started\"} ...); found other text";
        QTest::newRow("gemini: empty") << OutputEnvelope::GeminiJson << QByteArray()
                                       << "expected a Gemini CLI JSON object {\"response\": ..., \"stats\": ...}; "
                                          "not valid JSON at line 1, column 1";
        QTest::newRow("gemini: no response") << OutputEnvelope::GeminiJson << QByteArray("{\"stats\":{}}")
                                             << "expected a Gemini CLI JSON object {\"response\": ..., \"stats\": ...}; found other text";
    }

    void notTheExpectedEnvelope()
    {
        QFETCH(OutputEnvelope, envelope);
        QFETCH(QByteArray, out);
        QFETCH(QString, message);
        const auto c = extractEnvelope(envelope, out);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().message, message);
    }
};

QTEST_GUILESS_MAIN(TestOutputEnvelope)
#include "test_output_envelope.moc"
