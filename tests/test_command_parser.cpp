// The subcommands' command lines: parsed with QCommandLineParser from their declarations,
// with errors in the user's words and help generated from the same table.
#include "cli/command_parser.h"
#include "cli/command_table.h"
#include "cli/help_text.h"

#include <QSet>
#include <QTest>

using namespace rb;
using namespace rb::cli;

namespace {

int noRun(const CommandArgs &)
{
    return 0;
}

// A command with one of each kind of declaration.
const CommandSpec &sample()
{
    static const CommandSpec spec{
        .name = QStringLiteral("sample"),
        .summary = QStringLiteral("a command for the tests"),
        .description = QStringLiteral("Does nothing."),
        .arguments = {{.name = QStringLiteral("REVIEW.json"), .description = QStringLiteral("the review")},
                      {.name = QStringLiteral("FILE"), .description = QStringLiteral("a file"), .optional = true}},
        .options = {{.names = {QStringLiteral("check")}, .description = QStringLiteral("only check")},
                    {.names = {QStringLiteral("repo")},
                     .valueName = QStringLiteral("DIR"),
                     .description = QStringLiteral("the repository"),
                     .defaultValue = QStringLiteral(".")},
                    {.names = {QStringLiteral("issue")},
                     .valueName = QStringLiteral("ID"),
                     .description = QStringLiteral("an issue"),
                     .repeatable = true},
                    {.names = {QStringLiteral("o"), QStringLiteral("output")},
                     .valueName = QStringLiteral("FILE"),
                     .description = QStringLiteral("where to write"),
                     .required = true}},
        .run = noRun,
    };
    return spec;
}

QString errorOf(const Result<CommandArgs> &r)
{
    return r.ok() ? QString() : r.error().message;
}

QString problem(const QStringList &args)
{
    const auto parsed = parseCommandLine(sample(), args);
    return parsed ? QString() : parsed.error().message;
}

} // namespace

class TestCommandParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void valuesInAnyOrderAndForm()
    {
        const auto parsed = parseCommandLine(sample(), {"--issue", "I1", "r.json", "-o", "out", "--issue=I2", "--check"});
        QVERIFY2(parsed.ok(), qPrintable(errorOf(parsed)));
        QCOMPARE(parsed->arguments(), QStringList{"r.json"});
        QCOMPARE(parsed->values(QStringLiteral("issue")), (QStringList{"I1", "I2"}));
        QCOMPARE(parsed->value(QStringLiteral("output")), QStringLiteral("out"));
        QCOMPARE(parsed->value(QStringLiteral("o")), QStringLiteral("out")); // any declared name
        QVERIFY(parsed->isSet(QStringLiteral("check")));
        QVERIFY(!parsed->isSet(QStringLiteral("repo")));
        QCOMPARE(parsed->value(QStringLiteral("repo")), QStringLiteral(".")); // the default
    }

    void dashAndDoubleDashAreArguments()
    {
        const auto parsed = parseCommandLine(sample(), {"-o", "x", "--", "-", "--check"});
        QVERIFY2(parsed.ok(), qPrintable(errorOf(parsed)));
        QCOMPARE(parsed->arguments(), (QStringList{"-", "--check"}));
        QVERIFY(!parsed->isSet(QStringLiteral("check")));
    }

    void aValueMayStartWithADash()
    {
        const auto parsed = parseCommandLine(sample(), {"r.json", "-o", "-", "--repo", "--check"});
        QVERIFY2(parsed.ok(), qPrintable(errorOf(parsed)));
        QCOMPARE(parsed->value(QStringLiteral("output")), QStringLiteral("-"));
        QCOMPARE(parsed->value(QStringLiteral("repo")), QStringLiteral("--check"));
        QVERIFY(!parsed->isSet(QStringLiteral("check")));
    }

    void theLastOfARepeatedValueWins()
    {
        const auto parsed = parseCommandLine(sample(), {"r.json", "-o", "a", "--output", "b"});
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->value(QStringLiteral("output")), QStringLiteral("b"));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown long option") << QStringList{"r.json", "-o", "x", "--frob"} << "unknown option --frob";
        QTest::newRow("unknown with a value") << QStringList{"r.json", "--frob=3"} << "unknown option --frob";
        QTest::newRow("a single-dash word is one option") << QStringList{"r.json", "-oops"} << "unknown option -oops";
        QTest::newRow("missing value") << QStringList{"r.json", "-o"} << "-o needs a value";
        QTest::newRow("missing long value") << QStringList{"r.json", "-o", "x", "--repo"} << "--repo needs a value";
        QTest::newRow("flag with a value") << QStringList{"r.json", "-o", "x", "--check=yes"} << "--check takes no value";
        QTest::newRow("too many arguments") << QStringList{"r.json", "f", "g", "-o", "x"} << "unexpected argument \"g\"";
        QTest::newRow("missing argument") << QStringList{"-o", "x"} << "expected REVIEW.json";
        QTest::newRow("missing required option") << QStringList{"r.json"} << "-o FILE is required";
    }
    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QCOMPARE(problem(args), message);
        QCOMPARE(parseCommandLine(sample(), args).error().code, int(2)); // ExitUsage
    }

    void helpSkipsTheRequiredChecks()
    {
        const auto parsed = parseCommandLine(sample(), {"--help"});
        QVERIFY(parsed.ok());
        QVERIFY(parsed->helpRequested());
        QVERIFY(parseCommandLine(sample(), {"-h"})->helpRequested());
    }

    void helpListsEveryDeclaration()
    {
        const QString help = commandHelp(sample());
        QVERIFY2(help.startsWith(QLatin1String("Usage: reviewbench sample [--check] [--repo DIR] [--issue ID]... -o FILE REVIEW.json\n"
                                               "                          [FILE]\n")), // wrapped at 88 columns
                 qPrintable(help));
        QVERIFY2(help.contains(QLatin1String("\n  -o, --output FILE       where to write (required)\n")), qPrintable(help));
        QVERIFY2(help.contains(QLatin1String("\n      --repo DIR          the repository (default: .)\n")), qPrintable(help));
        QVERIFY2(help.contains(QLatin1String("\n      --issue ID          an issue (repeatable)\n")), qPrintable(help));
        QVERIFY2(help.contains(QLatin1String("\n  REVIEW.json             the review\n")), qPrintable(help));
        QVERIFY(help.contains(QLatin1String("-h, --help")));
    }

    // Every line of every generated help fits a terminal; every declared option is listed.
    void everyCommandsHelp()
    {
        QList<const CommandSpec *> all{&windowCommand()};
        QSet<QString> names;
        for (const CommandSpec &c : subcommands()) {
            all << &c;
            QVERIFY2(!names.contains(c.name), qPrintable(c.name));
            names.insert(c.name);
            QVERIFY2(c.run, qPrintable(c.name));
            QCOMPARE(findSubcommand(c.name), &c);
            QVERIFY2(usageText().contains(QLatin1String("\n  ") + c.name + QLatin1Char(' ')), qPrintable(c.name));
        }
        for (const CommandSpec *c : std::as_const(all)) {
            const QString help = c->name.isEmpty() ? usageText() : commandHelp(*c);
            for (const QString &line : help.split(QLatin1Char('\n')))
                QVERIFY2(line.size() <= 88, qPrintable(c->name + QStringLiteral(": ") + line));
            for (const OptionSpec &o : c->options) {
                QVERIFY2(!o.description.isEmpty(), qPrintable(c->name + QStringLiteral(" ") + o.displayName()));
                QVERIFY2(help.contains(QStringLiteral("--") + o.longName()), qPrintable(c->name + QStringLiteral(" ") + o.longName()));
            }
        }
    }

    void usageLinesWrapUnderTheCommand()
    {
        const QString usage = usageLines(*findSubcommand(QStringLiteral("run")));
        const QStringList lines = usage.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() > 1);
        QVERIFY(lines.first().startsWith(QLatin1String("usage: reviewbench run ")));
        for (qsizetype i = 1; i < lines.size(); ++i)
            QVERIFY2(lines[i].startsWith(QString(QStringLiteral("usage: reviewbench run ").size(), QLatin1Char(' ')))
                         && !lines[i].at(23).isSpace(),
                     qPrintable(lines[i]));
        // A bracketed group never breaks across lines.
        for (const QString &line : lines)
            QCOMPARE(line.count(QLatin1Char('[')), line.count(QLatin1Char(']')));
    }
};

QTEST_GUILESS_MAIN(TestCommandParser)
#include "test_command_parser.moc"
