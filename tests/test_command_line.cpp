// Building an agent's argument list: placeholders expand inside one argument, never into
// several, and unknown placeholders are errors naming the argument.
#include "agents/agent_launch.h"
#include "agents/command_line.h"

#include <QTemporaryDir>
#include <QTest>

using namespace rb;
using namespace rb::agents;

namespace {
template <typename T>
QString errorOf(const Result<T> &r)
{
    return r.ok() ? QString() : r.error().message;
}
} // namespace

class TestCommandLine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void expand_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("error");
        QTest::newRow("whole argument") << QStringList{"-f", "{prompt_file}"} << QStringList{"-f", "/tmp/p.md"} << "";
        QTest::newRow("inside an argument") << QStringList{"--file={prompt_file}"} << QStringList{"--file=/tmp/p.md"} << "";
        QTest::newRow("metacharacters stay in one argument")
            << QStringList{"{head}"} << QStringList{"a b;$(rm -rf ~) `x` 'q' \"d\" | & > *"} << "";
        QTest::newRow("a value is not expanded again") << QStringList{"{tricky}"} << QStringList{"{prompt_file}"} << "";
        QTest::newRow("doubled braces are literal") << QStringList{"{{\"k\": 1}}"} << QStringList{"{\"k\": 1}"} << "";
        QTest::newRow("unknown") << QStringList{"x", "--m={model}"} << QStringList{}
                                 << "argument 1 (\"--m={model}\"): unknown placeholder {model}; known placeholders: "
                                    "head, prompt_file, tricky";
        QTest::newRow("unterminated") << QStringList{"{head"} << QStringList{}
                                      << "argument 0 (\"{head\"): \"{\" without a closing \"}\"; write \"{{\" for a literal brace";
    }

    void expand()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, expected);
        QFETCH(QString, error);
        const QHash<QString, QString> values{{QStringLiteral("prompt_file"), QStringLiteral("/tmp/p.md")},
                                             {QStringLiteral("head"), QStringLiteral("a b;$(rm -rf ~) `x` 'q' \"d\" | & > *")},
                                             {QStringLiteral("tricky"), QStringLiteral("{prompt_file}")}};
        const auto out = expandArguments(args, values);
        QCOMPARE(errorOf(out), error);
        if (out.ok())
            QCOMPARE(*out, expected);
    }

    void resolve()
    {
        QTemporaryDir dir;
        QVERIFY(resolveExecutable(QStringLiteral("sh"), dir.path()).has_value());
        QVERIFY(!resolveExecutable(QStringLiteral("reviewbench-no-such-agent"), dir.path()).has_value());
        QFile script(dir.filePath(QStringLiteral("tool")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\n");
        script.close();
        QVERIFY(!resolveExecutable(QStringLiteral("./tool"), dir.path()).has_value()); // not executable yet
        script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QCOMPARE(resolveExecutable(QStringLiteral("./tool"), dir.path()), std::optional<QString>(script.fileName()));
    }

    void prepareLaunchNamesTheAgent()
    {
        AgentProfile p;
        p.id = QStringLiteral("codex");
        p.command = {QStringLiteral("codex"), QStringLiteral("exec"), QStringLiteral("--output-schema"),
                     QStringLiteral("{schema_file}"), QStringLiteral("-")};
        const auto noSchema = prepareLaunch(p, {}, QStringLiteral("x"), {QStringLiteral("/tmp/run"), {}});
        QVERIFY(errorOf(noSchema).startsWith(QLatin1String("agent \"codex\": the command uses {schema_file}")));
        const auto withSchema = prepareLaunch(p, {}, QStringLiteral("x"), {QStringLiteral("/tmp/run"), QStringLiteral("/tmp/s.json")});
        QVERIFY2(withSchema.ok(), qPrintable(errorOf(withSchema)));
        QCOMPARE(withSchema->arguments, (QStringList{"exec", "--output-schema", "/tmp/s.json", "-"}));
        QVERIFY(withSchema->promptFile.isEmpty());

        p.command = {QStringLiteral("x"), QStringLiteral("{prompt_file}")};
        QCOMPARE(errorOf(prepareLaunch(p, {}, QStringLiteral("x"), {QStringLiteral("/tmp/run"), {}})),
                 QStringLiteral("agent \"codex\": command argument 0 (\"{prompt_file}\"): unknown placeholder "
                                "{prompt_file}; known placeholders: base, head, head_sha, merge_base, repo, schema_file"));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "test_command_line.moc"
