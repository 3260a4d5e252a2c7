// The man page and the shell completions are generated from the command declarations: every
// subcommand and every option of each appears in each of them, and the bash completion,
// run in bash, completes subcommands, option values, agent names and git refs.
#include "cli/cli_docs.h"
#include "cli/command_table.h"
#include "git_fixture.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace rb;

namespace {
QStringList dashed(const cli::OptionSpec &o)
{
    QStringList names;
    for (const QString &n : o.names)
        names << (n.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + n;
    return names;
}

QList<const cli::CommandSpec *> everyCommand()
{
    QList<const cli::CommandSpec *> list{&cli::windowCommand()};
    for (const cli::CommandSpec &c : cli::subcommands())
        list << &c;
    return list;
}

// The completions bash offers for `words` (the last one is being completed).
QStringList bashComplete(const QString &script, const QStringList &words, const QString &cwd)
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("c.bash")));
    if (!f.open(QIODevice::WriteOnly))
        return {QStringLiteral("cannot write")};
    f.write(script.toUtf8());
    f.close();
    QStringList quoted;
    for (const QString &w : words)
        quoted << QLatin1Char('\'') + QString(w).replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
    const QString program = QStringLiteral("source %1; COMP_WORDS=(%2); COMP_CWORD=%3; _reviewbench; printf '%s\\n' \"${COMPREPLY[@]}\"")
                                .arg(f.fileName(), quoted.join(QLatin1Char(' ')))
                                .arg(words.size() - 1);
    QProcess p;
    p.setWorkingDirectory(cwd);
    p.start(QStringLiteral("bash"), {QStringLiteral("-c"), program});
    p.waitForFinished(20000);
    return QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}
// Where a shell the completions are for is missing: skipped outside CI, a failure in CI
// (packaging/debian-packages.txt installs bash, zsh and fish into the build environment).
bool haveShell(const QString &name)
{
    return !QStandardPaths::findExecutable(name).isEmpty();
}

// Writes `text` to a file in `dir` and returns its path.
QString writeScript(const QTemporaryDir &dir, const QString &name, const QString &text)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text.toUtf8());
    return f.fileName();
}

// What fish's `complete -C` offers for the command line `line` (candidates, descriptions
// dropped), with the completion script loaded and the built program first on PATH.
QStringList fishComplete(const QString &line, const QString &cwd)
{
    QTemporaryDir dir;
    const QString script = writeScript(dir, QStringLiteral("reviewbench.fish"), cli::fishCompletion());
    QProcess p;
    p.setWorkingDirectory(cwd);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), QFileInfo(QStringLiteral(RB_REVIEWBENCH_BIN)).absolutePath() + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("fish"), {QStringLiteral("--no-config"), QStringLiteral("-c"),
                                     QStringLiteral("source $argv[1]; complete -C $argv[2]"), script, line});
    p.waitForFinished(20000);
    QStringList out;
    for (const QString &l : QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        out << l.section(QLatin1Char('\t'), 0, 0);
    return out;
}
} // namespace

class TestCliDocs : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyCommandAndOptionIsInTheManPage()
    {
        const QString man = cli::manPage(QStringLiteral("9.9.9"));
        QVERIFY(man.startsWith(QLatin1String(".\\\" Generated")));
        QVERIFY(man.contains(QLatin1String(".TH REVIEWBENCH 1 \"\" \"reviewbench 9.9.9\"")));
        for (const char *section : {".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH COMMANDS", ".SH EXIT STATUS", ".SH FILES"})
            QVERIFY2(man.contains(QLatin1String(section)), section);
        for (const cli::CommandSpec *c : everyCommand()) {
            if (!c->name.isEmpty())
                QVERIFY2(man.contains(QStringLiteral("\n.SS %1\n").arg(c->name)), qPrintable(c->name));
            for (const cli::OptionSpec &o : c->options)
                for (const QString &n : dashed(o))
                    QVERIFY2(man.contains(QStringLiteral("\\fB%1\\fR").arg(QString(n).replace(QLatin1Char('-'), QStringLiteral("\\-")))),
                             qPrintable(c->name + QLatin1Char(' ') + n));
        }
        // No line starts with a control character that is not a request.
        for (const QString &line : man.split(QLatin1Char('\n')))
            QVERIFY2(!line.startsWith(QLatin1Char('\'')), qPrintable(line));
    }

    void everyCommandAndOptionIsInTheCompletions()
    {
        const QString bash = cli::bashCompletion(), zsh = cli::zshCompletion(), fish = cli::fishCompletion();
        for (const cli::CommandSpec *c : everyCommand()) {
            const QString key = c->name.isEmpty() ? QStringLiteral(".") : c->name;
            const qsizetype opts = bash.indexOf(QStringLiteral("        %1) opts=\"").arg(key));
            QVERIFY2(opts >= 0, qPrintable(key));
            const QString optsLine = bash.mid(opts, bash.indexOf(QLatin1Char('\n'), opts) - opts);
            if (!c->name.isEmpty()) {
                QVERIFY2(zsh.contains(QStringLiteral("        '%1:").arg(c->name)), qPrintable(c->name));
                QVERIFY2(fish.contains(QStringLiteral("-a %1 -d").arg(c->name)), qPrintable(c->name));
            }
            for (const cli::OptionSpec &o : c->options) {
                for (const QString &n : dashed(o))
                    QVERIFY2(optsLine.contains(QLatin1Char(' ') + n + QLatin1Char(' ')) || optsLine.contains(QLatin1Char('"') + n + QLatin1Char(' ')),
                             qPrintable(key + QLatin1Char(' ') + n));
                QVERIFY2(zsh.contains(dashed(o).first()), qPrintable(key + QLatin1Char(' ') + dashed(o).first()));
                const QString condition = c->name.isEmpty() ? QStringLiteral("not __fish_seen_subcommand_from")
                                                            : QStringLiteral("__fish_seen_subcommand_from %1'").arg(c->name);
                QVERIFY2(fish.contains(QRegularExpression(QRegularExpression::escape(condition) + QStringLiteral(".* -[sl] ") +
                                                          QRegularExpression::escape(o.names.first()) + QStringLiteral("\\b"))),
                         qPrintable(key + QLatin1Char(' ') + o.names.first()));
            }
        }
    }

    void bashScriptIsValidSyntax()
    {
        QProcess p;
        p.start(QStringLiteral("bash"), {QStringLiteral("-n")});
        p.write(cli::bashCompletion().toUtf8());
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(10000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }

    void bashCompletesCommandsValuesAgentsAndRefs()
    {
        test::GitFixture repo;
        QVERIFY2(repo.ok(), qPrintable(repo.error()));
        const QString base = repo.commit({{"a.txt", {"a\n"}}}, QStringLiteral("base"), {}, QStringLiteral("refs/heads/main"));
        QVERIFY(!base.isEmpty());
        QVERIFY(repo.setHead(QStringLiteral("refs/heads/main")));
        QVERIFY(repo.setRef(QStringLiteral("refs/heads/feature/login"), base));
        QVERIFY(repo.lightweightTag(QStringLiteral("v1.0"), base));
        const QString script = cli::bashCompletion();
        const QString bin = QStringLiteral(RB_REVIEWBENCH_BIN);

        QCOMPARE(bashComplete(script, {bin, QStringLiteral("ex")}, repo.path()), QStringList({QStringLiteral("export")}));
        QCOMPARE(bashComplete(script, {bin, QStringLiteral("export"), QStringLiteral("--format"), QString()}, repo.path()),
                 QStringList({QStringLiteral("md"), QStringLiteral("html"), QStringLiteral("json"), QStringLiteral("sarif")}));
        const QStringList refs = bashComplete(script, {bin, QStringLiteral("run"), QStringLiteral("--base"), QString()}, repo.path());
        for (const char *r : {"main", "feature/login", "v1.0", "HEAD"})
            QVERIFY2(refs.contains(QLatin1String(r)), qPrintable(refs.join(QLatin1Char(' '))));
        // --repo names the repository whose refs complete, from anywhere.
        const QStringList elsewhere = bashComplete(
            script, {bin, QStringLiteral("diff"), QStringLiteral("--repo"), repo.path(), QStringLiteral("--head"), QStringLiteral("fe")},
            QDir::tempPath());
        QCOMPARE(elsewhere, QStringList({QStringLiteral("feature/login")}));
        const QStringList agents = bashComplete(script, {bin, QStringLiteral("run"), QStringLiteral("--agent"), QString()}, repo.path());
        for (const char *a : {"claude", "codex", "gemini"})
            QVERIFY2(agents.contains(QLatin1String(a)), qPrintable(agents.join(QLatin1Char(' '))));
        QCOMPARE(bashComplete(script, {bin, QStringLiteral("validate"), QStringLiteral("--he")}, repo.path()),
                 QStringList({QStringLiteral("--help")}));
    }

    // zsh: the script parses, and loads under compinit (its #compdef line registers it).
    void zshScriptParsesAndLoads()
    {
        if (!haveShell(QStringLiteral("zsh"))) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL("zsh is not installed (packaging/debian-packages.txt lists it)");
            QSKIP("zsh is not installed");
        }
        QTemporaryDir dir;
        const QString script = writeScript(dir, QStringLiteral("_reviewbench"), cli::zshCompletion());
        QProcess p;
        p.start(QStringLiteral("zsh"), {QStringLiteral("-n"), script});
        QVERIFY(p.waitForFinished(10000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), dir.path());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("zsh"), {QStringLiteral("-f"), QStringLiteral("-c"),
                                        QStringLiteral("fpath=(%1 $fpath); autoload -Uz compinit; compinit -u -d %1/zcd; "
                                                       "print -r -- ${_comps[reviewbench]}").arg(dir.path())});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).trimmed(), QStringLiteral("_reviewbench"));
    }

    // fish, run for real: subcommands, option values, agent names and git refs.
    void fishCompletesCommandsValuesAgentsAndRefs()
    {
        if (!haveShell(QStringLiteral("fish"))) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL("fish is not installed (packaging/debian-packages.txt lists it)");
            QSKIP("fish is not installed");
        }
        test::GitFixture repo;
        QVERIFY2(repo.ok(), qPrintable(repo.error()));
        const QString base = repo.commit({{"a.txt", {"a\n"}}}, QStringLiteral("base"), {}, QStringLiteral("refs/heads/main"));
        QVERIFY(!base.isEmpty());
        QVERIFY(repo.setHead(QStringLiteral("refs/heads/main")));
        QVERIFY(repo.setRef(QStringLiteral("refs/heads/feature/login"), base));
        QVERIFY(repo.lightweightTag(QStringLiteral("v1.0"), base));

        QCOMPARE(fishComplete(QStringLiteral("reviewbench ex"), repo.path()), QStringList({QStringLiteral("export")}));
        QStringList formats = fishComplete(QStringLiteral("reviewbench export --format "), repo.path());
        formats.sort();
        QCOMPARE(formats, QStringList({QStringLiteral("html"), QStringLiteral("json"), QStringLiteral("md"), QStringLiteral("sarif")}));
        const QStringList refs = fishComplete(QStringLiteral("reviewbench run --base "), repo.path());
        for (const char *r : {"main", "feature/login", "v1.0", "HEAD"})
            QVERIFY2(refs.contains(QLatin1String(r)), qPrintable(refs.join(QLatin1Char(' '))));
        const QStringList agents = fishComplete(QStringLiteral("reviewbench run --agent "), repo.path());
        for (const char *a : {"claude", "codex", "gemini"})
            QVERIFY2(agents.contains(QLatin1String(a)), qPrintable(agents.join(QLatin1Char(' '))));
        QVERIFY(fishComplete(QStringLiteral("reviewbench validate --he"), repo.path()).contains(QStringLiteral("--help")));
    }

    void theProgramPrintsThem()
    {
        QProcess p;
        p.start(QStringLiteral(RB_REVIEWBENCH_BIN), {QStringLiteral("--dump-cli"), QStringLiteral("bash")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()), cli::bashCompletion());
        p.start(QStringLiteral(RB_REVIEWBENCH_BIN), {QStringLiteral("--dump-cli"), QStringLiteral("pdf")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("expected man, bash, zsh, fish or agents"));
    }

    // The other hidden option, --render-screenshots, refuses what it cannot do before any
    // window opens (rendering itself is checked by desktop_files and package-test).
    void screenshotModeRefusesBadArguments()
    {
        QTemporaryDir dir;
        const QList<QStringList> bad{{QStringLiteral("--render-screenshots")},
                                     {QStringLiteral("--render-screenshots"), dir.path(), QStringLiteral("--scheme"), QStringLiteral("purple")},
                                     {QStringLiteral("--render-screenshots"), dir.path(), QStringLiteral("--scheme"), QStringLiteral("system")},
                                     {QStringLiteral("--render-screenshots"), dir.path(), QStringLiteral("--bogus")}};
        for (const QStringList &args : bad) {
            QProcess p;
            p.start(QStringLiteral(RB_REVIEWBENCH_BIN), args);
            QVERIFY(p.waitForFinished(10000));
            QCOMPARE(p.exitCode(), 2);
            QVERIFY2(p.readAllStandardError().contains("Usage: reviewbench --render-screenshots DIR"), qPrintable(args.join(QLatin1Char(' '))));
        }
        QVERIFY(QDir(dir.path()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliDocs)
#include "test_cli_docs.moc"
