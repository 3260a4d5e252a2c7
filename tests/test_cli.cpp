// The reviewbench command line, run as a separate process the way users run it.
#include "git_fixture.h"
#include "io/review_file.h"
#include "seed_review.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace rb;

namespace {
struct Run {
    int exitCode;
    QString out;
    QString err;
};

Run reviewbench(const QStringList &args, const QByteArray &input = {}, const QString &workingDir = {})
{
    QProcess p;
    p.setProgram(QStringLiteral(RB_REVIEWBENCH_BIN));
    p.setArguments(args);
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.start();
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        return {-1, {}, QStringLiteral("timed out")};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

const QByteArray kLetters = "a\nb\nc\nd\n";
} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void version()
    {
        const Run r = reviewbench({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QLatin1String("reviewbench ")));
    }

    void help()
    {
        const Run r = reviewbench({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("Usage: reviewbench")));
        QVERIFY(r.out.contains(QLatin1String("Exit status")));
    }

    // `reviewbench NAME --help` is the command's own help, even with its required options
    // missing; a wrong argument prints the problem, the usage and where the help is.
    void subcommandHelp_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("option");
        QTest::newRow("apply") << "apply" << "--accepted";
        QTest::newRow("run") << "run" << "--progress-interval SECONDS";
        QTest::newRow("export") << "export" << "-f, --format md|html|json|sarif";
        QTest::newRow("validate") << "validate" << "-h, --help";
    }
    void subcommandHelp()
    {
        QFETCH(QString, command);
        QFETCH(QString, option);
        const Run help = reviewbench({command, QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith(QStringLiteral("Usage: reviewbench ") + command + QLatin1Char(' ')), qPrintable(help.out));
        QVERIFY2(help.out.contains(option), qPrintable(help.out));
        QVERIFY(help.err.isEmpty());
        const Run wrong = reviewbench({command, QStringLiteral("--frobnicate")});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.err.startsWith(QStringLiteral("reviewbench ") + command + QStringLiteral(": unknown option --frobnicate\n"
                                                                                         "usage: reviewbench ") + command),
                 qPrintable(wrong.err));
        QVERIFY2(wrong.err.contains(QStringLiteral("Run `reviewbench ") + command + QStringLiteral(" --help` for the options.")),
                 qPrintable(wrong.err));
    }

    void unknownOptionIsAUsageError()
    {
        const Run r = reviewbench({QStringLiteral("--frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("unknown option --frobnicate")));
    }

    void validateAcceptsAGoodFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("seed.json"));
        QVERIFY(saveReviewFile(test::seedReview(), path).ok());
        const Run r = reviewbench({QStringLiteral("validate"), path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("issues: 8")), qPrintable(r.out));
    }

    void validateNamesTheBrokenField()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"schemaVersion\": 1, \"agents\": [{\"id\": \"a\", \"costUsd\": \"free\"}]}");
        f.close();
        const Run r = reviewbench({QStringLiteral("validate"), path});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(path + QStringLiteral(": agents[0].costUsd: expected a number, found a string")), qPrintable(r.err));
    }

    void validateWarnsWhatWillNotWorkHere()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("review.json"));
        Review review = test::seedReview();
        review.metadata.repository = QStringLiteral("/home/someone-else/src/project");
        review.findings.first().locations = {Location{QStringLiteral("a.c"), 3, 4, 0, true}};
        QVERIFY(saveReviewFile(review, path).ok());
        QFile side(dir.filePath(QStringLiteral(".review.json.autosave")));
        QVERIFY(side.open(QIODevice::WriteOnly));
        side.write(serializeReview(test::seedReview()));
        side.close();
        const Run r = reviewbench({QStringLiteral("validate"), path});
        QCOMPARE(r.exitCode, 0); // valid: warnings only
        QVERIFY2(r.err.contains(QLatin1String("warning: ") + path + QLatin1String(": metadata.repository: /home/someone-else/src/"
                                                                               "project does not exist on this machine")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("`reviewbench apply` needs --repo DIR")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("1 location marked stale")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String(".review.json.autosave holds unsaved changes from")), qPrintable(r.err));
    }

    void applyNamesTheMissingRepository()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("review.json"));
        Review review = test::seedReview();
        review.metadata.repository = QStringLiteral("/home/someone-else/src/project");
        QVERIFY(saveReviewFile(review, path).ok());
        const Run r = reviewbench({QStringLiteral("apply"), path, QStringLiteral("--check")}, {}, dir.path());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("the review was made in /home/someone-else/src/project, which does not exist on this "
                                              "machine; give its working tree here with --repo DIR")),
                 qPrintable(r.err));
    }

    void reviewFilesThatBreakTheRulesAreRefusedByEveryCommand_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        const QByteArray agent = "{\"id\": \"a\", \"name\": \"A\", \"status\": \"imported\"}";
        QTest::newRow("duplicate agent id") << "{\"schemaVersion\": 1, \"agents\": [" + agent + ", " + agent + "]}"
                                            << "agents[1].id: \"a\" is also the id of agents[0]; ids must be unique";
        const QByteArray finding = "{\"id\": \"a:1\", \"agent\": \"a\", \"title\": \"T\"}";
        QTest::newRow("duplicate finding id")
            << "{\"schemaVersion\": 1, \"agents\": [" + agent + "], \"findings\": [" + finding + ", " + finding + "]}"
            << "findings[1].id: \"a:1\" is also the id of findings[0]; ids must be unique";
        QTest::newRow("number beyond a double in an unknown field")
            << QByteArray("{\"schemaVersion\": 1,\n \"extra\": {\"x\": 1e400}}")
            << ":2:17: not valid JSON: number '1e400' is beyond the range of a double (at extra.x)";
        QTest::newRow("negative number beyond a double") << QByteArray("{\"schemaVersion\": -1e999}")
                                                         << "(at schemaVersion)";
        QTest::newRow("truncated") << QByteArray("{\"schemaVersion\": 1, \"agents\": [{\"id\": \"a\"")
                                   << ":1:43: not valid JSON: syntax error while parsing object - unexpected end of input; expected '}' (at agents[0])";
        QTest::newRow("wrong type") << QByteArray("{\"schemaVersion\": 1, \"agents\": [{\"id\": 7}]}")
                                    << "agents[0].id: expected a string, found an integer";
    }
    void reviewFilesThatBreakTheRulesAreRefusedByEveryCommand()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
        f.close();
        const QList<QStringList> commands{
            {QStringLiteral("validate"), path},
            {QStringLiteral("export"), path, QStringLiteral("--format"), QStringLiteral("html")},
            {QStringLiteral("apply"), path, QStringLiteral("--check"), QStringLiteral("--repo"), dir.path()},
            {QStringLiteral("import"), path, QStringLiteral("--agent"), QStringLiteral("B"), QStringLiteral(RB_TEST_DATA_DIR "/reviews/letter-ids.md")},
        };
        for (const QStringList &args : commands) {
            const Run r = reviewbench(args);
            QVERIFY2(r.exitCode == 4, qPrintable(args.first() + QStringLiteral(": exit %1: ").arg(r.exitCode) + r.err));
            QVERIFY2(r.err.contains(expected), qPrintable(args.first() + QStringLiteral(": ") + r.err));
            QVERIFY2(r.err.size() < 1000, qPrintable(r.err.left(1000)));
        }
        QCOMPARE(readAll(path), text); // the file on disk is untouched
    }

    void exportToAFullStandardOutputFails()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("seed.json"));
        QVERIFY(saveReviewFile(test::seedReview(), path).ok());
        QProcess p;
        p.setProgram(QStringLiteral(RB_REVIEWBENCH_BIN));
        p.setArguments({QStringLiteral("export"), path, QStringLiteral("--format"), QStringLiteral("html")});
        p.setStandardOutputFile(QStringLiteral("/dev/full"));
        p.start();
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(QLatin1String("cannot write to standard output: No space left on device")), qPrintable(err));
    }

    void aFullDiskIsNamedAsSuch()
    {
        // A real full file system: a 4 KiB tmpfs in a private mount namespace (needs root,
        // as CI and the build root have; skipped elsewhere).
        QTemporaryDir dir;
        const QString full = dir.filePath(QStringLiteral("full"));
        QVERIFY(QDir().mkpath(full));
        const QString seed = dir.filePath(QStringLiteral("seed.json"));
        QVERIFY(saveReviewFile(test::seedReview(), seed).ok());
        const QString bin = QStringLiteral(RB_REVIEWBENCH_BIN);
        const QString script = QStringLiteral(
            "mount -t tmpfs -o size=4k tmpfs '%1' || exit 99\n"
            "'%2' export '%3' --format html -o '%1/report.html'; echo \"export=$?\"\n"
            "'%2' import '%1/review.json' --agent A '%4'; echo \"import=$?\"\n"
            "ls -A '%1'\n")
                                   .arg(full, bin, seed, QStringLiteral(RB_TEST_DATA_DIR "/reviews/letter-ids.md"));
        QProcess p;
        p.start(QStringLiteral("unshare"), {QStringLiteral("--mount"), QStringLiteral("--propagation"),
                                            QStringLiteral("unchanged"), QStringLiteral("sh"), QStringLiteral("-c"), script});
        if (!p.waitForStarted(10000))
            QSKIP("unshare is not available");
        QVERIFY(p.waitForFinished(60000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        if (p.exitCode() != 0 || !out.contains(QLatin1String("export=")))
            QSKIP(qPrintable(QStringLiteral("cannot mount a small file system here: ") + err));
        QVERIFY2(out.contains(QLatin1String("export=1")) && out.contains(QLatin1String("import=1")), qPrintable(out + err));
        QVERIFY2(err.contains(full + QLatin1String("/report.html: writing the file failed, the previous file is unchanged: "
                                                   "No space left on device")), qPrintable(err));
        QVERIFY2(err.contains(full + QLatin1String("/review.json: writing the file failed, the previous file is unchanged: "
                                                   "No space left on device")), qPrintable(err));
        QVERIFY2(!err.contains(QLatin1String("Unknown error")), qPrintable(err));
        QVERIFY2(out.trimmed().endsWith(QLatin1String("import=1")), qPrintable(out)); // nothing left behind
    }

    void importCreatesAndExtendsAReviewFile()
    {
        QTemporaryDir dir;
        const QString review = dir.filePath(QStringLiteral("review.json"));
        const QString data = QStringLiteral(RB_TEST_DATA_DIR "/reviews/");
        Run r = reviewbench({QStringLiteral("import"), review, QStringLiteral("--agent"), QStringLiteral("Claude Opus 4.6"),
                             data + QStringLiteral("letter-ids.md")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("created")) && r.out.contains(QLatin1String("\"claude-opus-4-6\"")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("4 findings, 3 design observations")));
        r = reviewbench({QStringLiteral("import"), review, QStringLiteral("--agent"), QStringLiteral("Lint"), QStringLiteral("--id"),
                         QStringLiteral("lint"), QStringLiteral("--format"), QStringLiteral("sarif"), data + QStringLiteral("linter.sarif")});
        QCOMPARE(r.exitCode, 0);
        r = reviewbench({QStringLiteral("import"), review, QStringLiteral("--agent"), QStringLiteral("Gemini"),
                         data + QStringLiteral("failure-timeout.md")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("recorded as failed: Agent timed out after 900 s")), qPrintable(r.out));
        const auto loaded = loadReviewFile(review);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->agents.size(), 3);
        QCOMPARE(loaded->agents[0].name, QStringLiteral("Claude Opus 4.6"));
        QCOMPARE(loaded->findings.size(), 8);
        QVERIFY(loaded->finding(QStringLiteral("lint:W0612-2")));
        QVERIFY(loaded->agents[2].status == RunStatus::Failed);
    }

    void importRefusesADuplicateAgentAndKeepsTheFile()
    {
        QTemporaryDir dir;
        const QString review = dir.filePath(QStringLiteral("review.json"));
        const QString md = QStringLiteral(RB_TEST_DATA_DIR "/reviews/table-verdict.md");
        QCOMPARE(reviewbench({QStringLiteral("import"), review, QStringLiteral("--agent"), QStringLiteral("Codex"), md}).exitCode, 0);
        QFile f(review);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        const Run r = reviewbench({QStringLiteral("import"), review, QStringLiteral("--agent"), QStringLiteral("codex"), md});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("already has an agent with id \"codex\"")), qPrintable(r.err));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void importNamesTheBadLine()
    {
        QTemporaryDir dir;
        const QString raw = dir.filePath(QStringLiteral("out.json"));
        QFile f(raw);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\n  \"findings\": [\n    {\"title\": \"t\", \"severity\": \"urgent\"}\n  ]\n}\n");
        f.close();
        const QString review = dir.filePath(QStringLiteral("review.json"));
        const Run r = reviewbench({QStringLiteral("import"), review, QStringLiteral("--agent"), QStringLiteral("X"), raw});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(raw + QStringLiteral(":3: findings[0].severity: unknown value \"urgent\"")), qPrintable(r.err));
        QVERIFY(!QFile::exists(review));
    }

    void importUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no agent") << QStringList{"import", "r.json", "x.md"} << "--agent NAME is required";
        QTest::newRow("bad format") << QStringList{"import", "r.json", "--agent", "A", "--format", "yaml", "x.md"} << "unknown format \"yaml\"";
        QTest::newRow("missing file") << QStringList{"import", "r.json", "--agent", "A"} << "expected REVIEW.json and FILE";
        QTest::newRow("unknown option") << QStringList{"import", "--frob", "r.json", "--agent", "A", "x.md"} << "unknown option --frob";
    }

    void importUsageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = reviewbench(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void validateWithoutFileIsAUsageError()
    {
        QCOMPARE(reviewbench({QStringLiteral("validate")}).exitCode, 2);
    }

    void patch_data()
    {
        QTest::addColumn<QStringList>("args");   // PATCHFILE and REPO are filled in
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<QString>("output");
        QTest::newRow("applies a fragment") << QStringList{QStringLiteral("--path"), QStringLiteral("src/f.txt"), QStringLiteral("PATCHFILE")}
                                            << QByteArray(" b\n-c\n+C\n") << 0 << QByteArray("a\nb\nC\nd\n")
                                            << QStringLiteral("hunk 1: line 2, located by its context");
        QTest::newRow("--check writes nothing")
            << QStringList{QStringLiteral("--check"), QStringLiteral("--path"), QStringLiteral("src/f.txt"), QStringLiteral("PATCHFILE")}
            << QByteArray(" b\n-c\n+C\n") << 0 << kLetters << QStringLiteral("checked only; nothing was written");
        QTest::newRow("git patch from stdin, exact")
            << QStringList{QStringLiteral("-")}
            << QByteArray("diff --git a/src/f.txt b/src/f.txt\n--- a/src/f.txt\n+++ b/src/f.txt\n@@ -3,2 +3,2 @@\n-c\n+C\n d\n") << 0
            << QByteArray("a\nb\nC\nd\n") << QStringLiteral("hunk 1: line 3, exact");
        QTest::newRow("already applied") << QStringList{QStringLiteral("--path"), QStringLiteral("src/f.txt"), QStringLiteral("PATCHFILE")}
                                         << QByteArray(" b\n-x\n+c\n") << 3 << kLetters << QStringLiteral("hunk 1: already applied at line 2");
        QTest::newRow("refused") << QStringList{QStringLiteral("--path"), QStringLiteral("src/f.txt"), QStringLiteral("PATCHFILE")}
                                 << QByteArray(" b\n-zz\n+C\n") << 1 << kLetters << QStringLiteral("closest place: line 2 (1 of 2 lines agree)");
        QTest::newRow("hostile path") << QStringList{QStringLiteral("--path"), QStringLiteral(".git/config"), QStringLiteral("PATCHFILE")}
                                      << QByteArray(" b\n-c\n+C\n") << 1 << kLetters << QStringLiteral("it is inside .git");
        QTest::newRow("no patch") << QStringList{QStringLiteral("--path"), QStringLiteral("src/f.txt")} << QByteArray() << 2 << kLetters
                                  << QStringLiteral("no patch given");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--fuzz"), QStringLiteral("PATCHFILE")} << QByteArray() << 2 << kLetters
                                        << QStringLiteral("unknown option --fuzz");
        QTest::newRow("unreadable patch file") << QStringList{QStringLiteral("--path"), QStringLiteral("src/f.txt"), QStringLiteral("NOFILE")}
                                               << QByteArray() << 4 << kLetters << QStringLiteral("cannot read");
    }
    void patch()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, patch);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, after);
        QFETCH(QString, output);
        test::GitFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        QVERIFY(!fx.commit({{"src/f.txt", {kLetters}}}, QStringLiteral("one"), {}).isEmpty());
        QVERIFY(fx.checkoutHead());
        QTemporaryDir patches;
        const QString patchFile = patches.filePath(QStringLiteral("fix.diff"));
        QFile f(patchFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(patch);
        f.close();
        args.replaceInStrings(QStringLiteral("PATCHFILE"), patchFile);
        args.replaceInStrings(QStringLiteral("NOFILE"), patches.filePath(QStringLiteral("missing.diff")));
        const Run r = reviewbench(QStringList{QStringLiteral("patch"), QStringLiteral("--repo"), fx.path()} + args, patch);
        QVERIFY2(r.exitCode == exitCode, qPrintable(r.out + r.err));
        QVERIFY2((r.out + r.err).contains(output), qPrintable(r.out + r.err));
        QCOMPARE(readAll(fx.path() + QStringLiteral("/src/f.txt")), after);
    }

    void patchFindsTheRepositoryAndPathFromTheCurrentFolder()
    {
        test::GitFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        QVERIFY(!fx.commit({{"src/f.txt", {kLetters}}}, QStringLiteral("one"), {}).isEmpty());
        QVERIFY(fx.checkoutHead());
        const Run r = reviewbench({QStringLiteral("patch"), QStringLiteral("--path"), QStringLiteral("f.txt"), QStringLiteral("-")},
                                  QByteArray(" a\n-b\n+B\n"), fx.path() + QStringLiteral("/src"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QLatin1String("src/f.txt")), qPrintable(r.out));
        QCOMPARE(readAll(fx.path() + QStringLiteral("/src/f.txt")), QByteArray("a\nB\nc\nd\n"));
    }

    void patchOutsideARepositoryFails()
    {
        QTemporaryDir dir;
        const Run r = reviewbench({QStringLiteral("patch"), QStringLiteral("--repo"), dir.path(), QStringLiteral("--path"),
                                   QStringLiteral("f.txt"), QStringLiteral("-")},
                                  QByteArray(" a\n-b\n+B\n"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("is not inside a git repository")), qPrintable(r.err));
    }

    // The window's command line refuses what it cannot open before any window appears.
    // In the arguments, "REPO" stands for a repository and "PLAIN" for a folder outside one.
    void windowCommandLineErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown base") << QStringList{"REPO", "--base", "nosuch", "--head", "main"} << 2
                                      << "unknown revision 'nosuch'";
        QTest::newRow("unknown head") << QStringList{"REPO", "--base", "main", "--head", "topic~5"} << 2
                                      << "unknown revision 'topic~5'";
        QTest::newRow("empty range") << QStringList{"REPO", "--base", "topic", "--head", "main"} << 2
                                     << "empty range: 'main'";
        QTest::newRow("not a repository") << QStringList{"PLAIN", "--base", "main", "--head", "topic"} << 4
                                          << "PLAIN is not inside a git repository";
        QTest::newRow("working tree outside a repository") << QStringList{"PLAIN", "--working-tree"} << 4
                                                           << "PLAIN is not inside a git repository";
        QTest::newRow("missing path") << QStringList{"PLAIN/nope"} << 4 << "PLAIN/nope: no such file or folder";
        QTest::newRow("base without head") << QStringList{"REPO", "--base", "main"} << 2
                                           << "give both --base and --head";
        QTest::newRow("head needs a value") << QStringList{"REPO", "--head"} << 2 << "--head needs a value";
        QTest::newRow("range and working tree") << QStringList{"REPO", "--base", "main", "--head", "topic", "--working-tree"}
                                                << 2 << "not both";
        QTest::newRow("two repositories") << QStringList{"REPO", "PLAIN"} << 2 << "at most one repository";
        QTest::newRow("demo with a range") << QStringList{"--demo", "REPO"} << 2 << "--demo opens the demo alone";
    }
    void windowCommandLineErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        test::GitFixture fx;
        const QString c1 = fx.commit({{"a.txt", {"a\n"}}}, QStringLiteral("c1"), {});
        fx.commit({{"a.txt", {"a\nb\n"}}}, QStringLiteral("t1"), {c1}, QStringLiteral("refs/heads/topic"));
        QTemporaryDir plain;
        for (QString &a : args) {
            a.replace(QLatin1String("REPO"), fx.path());
            a.replace(QLatin1String("PLAIN"), plain.path());
        }
        message.replace(QLatin1String("PLAIN"), plain.path());
        const Run r = reviewbench(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.startsWith(QLatin1String("reviewbench: ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
