// Agent profiles: the built-in presets, the user's agents.json on top of them, selection,
// and messages for bad configuration that name the file and the field.
#include "agents/agent_config.h"

#include <QTemporaryDir>
#include <QTest>

using namespace rb;
using namespace rb::agents;

namespace {
const AgentProfile *byId(const QList<AgentProfile> &list, const QString &id)
{
    for (const AgentProfile &p : list)
        if (p.id == id)
            return &p;
    return nullptr;
}

template <typename T>
QString errorOf(const Result<T> &r)
{
    return r.ok() ? QString() : r.error().message;
}
} // namespace

class TestAgentConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void presets_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("commandStart");
        QTest::addColumn<QString>("output");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("claude") << "claude" << QStringList{"claude", "-p", "--output-format", "stream-json", "--verbose"} << "claude-stream-json" << true;
        QTest::newRow("codex") << "codex" << QStringList{"codex", "exec", "--json"} << "codex-jsonl" << true;
        QTest::newRow("gemini") << "gemini" << QStringList{"gemini", "-p"} << "gemini-stream-json" << true;
        QTest::newRow("custom") << "custom" << QStringList{} << "text" << false;
    }

    void presets()
    {
        QFETCH(QString, id);
        QFETCH(QStringList, commandStart);
        QFETCH(QString, output);
        QFETCH(bool, enabled);
        const auto presets = builtinAgentProfiles();
        const AgentProfile *p = byId(presets, id);
        QVERIFY(p);
        QCOMPARE(p->command.mid(0, commandStart.size()), commandStart);
        QCOMPARE(toString(p->output), output);
        QCOMPARE(p->enabled, enabled);
        QCOMPARE(p->timeoutSeconds, AgentProfile::kDefaultTimeoutSeconds);
        if (id == QLatin1String("gemini"))
            QVERIFY(p->command.contains(QStringLiteral("stream-json")));
    }

    void userFileOverridesOnlyTheFieldsItGives()
    {
        const QByteArray text = R"({
          "version": 1,
          "agents": [
            {"id": "claude", "command": ["claude", "-p", "--output-format", "json", "--model", "opus"], "timeoutSeconds": 600},
            {"id": "gemini", "enabled": false},
            {"id": "lint", "name": "Local linter", "command": ["review-lint", "--prompt", "{prompt_file}"],
             "prompt": "file", "environment": {"LINT_LEVEL": "strict"}}
          ]})";
        const auto profiles = applyAgentConfig(builtinAgentProfiles(), text, QStringLiteral("agents.json"));
        QVERIFY2(profiles.ok(), qPrintable(errorOf(profiles)));
        const AgentProfile *claude = byId(*profiles, "claude");
        QCOMPARE(claude->command.last(), QStringLiteral("opus"));
        QCOMPARE(claude->timeoutSeconds, 600);
        QCOMPARE(claude->name, QStringLiteral("Claude Code"));
        QCOMPARE(toString(claude->output), QStringLiteral("claude-stream-json"));
        QVERIFY(!byId(*profiles, "gemini")->enabled);
        QCOMPARE(byId(*profiles, "gemini")->command.first(), QStringLiteral("gemini"));
        const AgentProfile *lint = byId(*profiles, "lint");
        QVERIFY(lint);
        QCOMPARE(lint->name, QStringLiteral("Local linter"));
        QCOMPARE(toString(lint->prompt), QStringLiteral("file"));
        QCOMPARE(toString(lint->output), QStringLiteral("text"));
        QCOMPARE(lint->environment.value(QStringLiteral("LINT_LEVEL")), QStringLiteral("strict"));
        QCOMPARE(profiles->size(), builtinAgentProfiles().size() + 1);
    }

    void badConfiguration_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("syntax error") << QByteArray("{\n  \"agents\": [\n    {\"id\": \"x\",}\n  ]\n}")
                                      << "my.json:3:16: not valid JSON: syntax error";
        QTest::newRow("top level array") << QByteArray("[]") << "my.json: (top level): expected an object, found an array";
        QTest::newRow("unknown field") << QByteArray(R"({"agents": [{"id": "claude", "comand": ["x"]}]})")
                                       << "my.json: agents[0].comand: unknown field";
        QTest::newRow("new agent without command") << QByteArray(R"({"agents": [{"id": "mine"}]})")
                                                   << "my.json: agents[0].command: is required for a new agent";
        QTest::newRow("command is a shell string") << QByteArray(R"({"agents": [{"id": "mine", "command": "my-tool --x"}]})")
                                                   << "my.json: agents[0].command: expected an array of strings, found a string";
        QTest::newRow("bad output") << QByteArray(R"({"agents": [{"id": "claude", "output": "xml"}]})")
                                    << "my.json: agents[0].output: unknown value \"xml\"; expected one of text, claude-json";
        QTest::newRow("bad prompt delivery") << QByteArray(R"({"agents": [{"id": "claude", "prompt": "argv"}]})")
                                             << "my.json: agents[0].prompt: unknown value \"argv\"; expected one of stdin, file";
        QTest::newRow("zero timeout") << QByteArray(R"({"agents": [{"id": "claude", "timeoutSeconds": 0}]})")
                                      << "my.json: agents[0].timeoutSeconds: must be a positive number of seconds";
        QTest::newRow("bad id") << QByteArray(R"({"agents": [{"id": "my agent", "command": ["x"]}]})")
                                << "my.json: agents[0].id: \"my agent\" is not a valid id";
        QTest::newRow("empty program") << QByteArray(R"({"agents": [{"id": "a", "command": ["", "x"]}]})")
                                       << "my.json: agents[0].command[0]: the program must not be empty";
        QTest::newRow("environment value") << QByteArray(R"({"agents": [{"id": "claude", "environment": {"A": 1}}]})")
                                           << "my.json: agents[0].environment.A: expected a string, found an integer";
        QTest::newRow("version") << QByteArray(R"({"version": 2})") << "my.json: version: unsupported version 2";
    }

    void badConfiguration()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        const auto profiles = applyAgentConfig(builtinAgentProfiles(), text, QStringLiteral("my.json"));
        QVERIFY(!profiles.ok());
        QVERIFY2(profiles.error().message.startsWith(message), qPrintable(profiles.error().message));
    }

    void loadingFiles()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("none.json"));
        QCOMPARE(loadAgentProfiles(missing, false)->size(), builtinAgentProfiles().size());
        QCOMPARE(errorOf(loadAgentProfiles(missing, true)), missing + QStringLiteral(": no such file"));
        const QString path = dir.filePath(QStringLiteral("agents.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"agents": [{"id": "codex", "timeoutSeconds": "soon"}]})");
        f.close();
        QCOMPARE(errorOf(loadAgentProfiles(path, false)),
                 path + QStringLiteral(": agents[0].timeoutSeconds: expected an integer, found a string"));
    }

    void documentedExampleLoads()
    {
        const QString path = QStringLiteral(RB_RESOURCES_DIR "/../docs/examples/agents.json");
        const auto profiles = loadAgentProfiles(path, true);
        QVERIFY2(profiles.ok(), qPrintable(errorOf(profiles)));
        const auto enabled = selectAgentProfiles(*profiles, {});
        QVERIFY2(enabled.ok(), qPrintable(errorOf(enabled)));
        QStringList ids;
        for (const AgentProfile &p : *enabled)
            ids << p.id;
        QCOMPARE(ids, (QStringList{"claude", "codex", "custom", "local-llm"}));
    }

    void defaultPathFollowsXdg()
    {
        qputenv("XDG_CONFIG_HOME", "/srv/cfg");
        QCOMPARE(defaultAgentConfigPath(), QStringLiteral("/srv/cfg/reviewbench/agents.json"));
        qunsetenv("XDG_CONFIG_HOME");
        QCOMPARE(defaultAgentConfigPath(), QDir::homePath() + QStringLiteral("/.config/reviewbench/agents.json"));
    }

    void selection_data()
    {
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QStringList>("selected");
        QTest::addColumn<QString>("error");
        QTest::newRow("enabled by default") << QStringList{} << QStringList{"claude", "codex", "gemini"} << "";
        QTest::newRow("named, in the given order") << QStringList{"gemini", "claude"} << QStringList{"gemini", "claude"} << "";
        QTest::newRow("unknown") << QStringList{"gpt"} << QStringList{}
                                 << "unknown agent \"gpt\"; known agents: claude, codex, gemini, custom";
        QTest::newRow("twice") << QStringList{"codex", "codex"} << QStringList{} << "agent \"codex\" is named twice";
        QTest::newRow("custom without a command")
            << QStringList{"custom"} << QStringList{}
            << "agent \"custom\" has no command; set \"command\" for it in the agent configuration";
    }

    void selection()
    {
        QFETCH(QStringList, ids);
        QFETCH(QStringList, selected);
        QFETCH(QString, error);
        const auto result = selectAgentProfiles(builtinAgentProfiles(), ids);
        QCOMPARE(errorOf(result), error);
        if (!result.ok())
            return;
        QStringList got;
        for (const AgentProfile &p : *result)
            got << p.id;
        QCOMPARE(got, selected);
    }
};

QTEST_GUILESS_MAIN(TestAgentConfig)
#include "test_agent_config.moc"
