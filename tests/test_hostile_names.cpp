// Repositories with odd file names (spaces, newlines, tabs, quotes, names that look like
// options, names that are not UTF-8) and branch names that look like options or shell
// code: the command line lists and diffs them, its own patch output applies back with the
// patch engine, and no name ever reaches a shell (no "pwned" file appears).
#include "git_fixture.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace rb::test;

namespace {
struct Run {
    int exitCode;
    QByteArray out;
    QString err;
};

Run reviewbench(const QStringList &args, const QString &workingDir, const QByteArray &input = {})
{
    QProcess p;
    p.setProgram(QStringLiteral(RB_REVIEWBENCH_BIN));
    p.setArguments(args);
    p.setWorkingDirectory(workingDir);
    p.start();
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        return {-1, {}, QStringLiteral("timed out")};
    return {p.exitCode(), p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError())};
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

// Odd names that are valid UTF-8, and one that is not.
const QList<QByteArray> kNames = {"my file.txt", "two\nlines.txt", "tab\there \"q\".txt", "back\\slash.txt",
                                  "-rf", "--help.txt", "\xc3\xa9t\xc3\xa9.txt", "$(touch pwned).txt"};
const QByteArray kLatin1Name = "caf\xe9.txt";
const QStringList kBranches = {QStringLiteral("-x"), QStringLiteral("--output=pwned"), QStringLiteral("$(touch${IFS}pwned);id"),
                               QStringLiteral("`touch${IFS}pwned`")};

// The sections of a patch that do not mention `marker`.
QByteArray withoutFile(const QByteArray &patch, const QByteArray &marker)
{
    QList<QByteArray> parts;
    qsizetype start = 0;
    while (start < patch.size()) {
        qsizetype next = patch.indexOf("\ndiff --git ", start);
        next = next < 0 ? patch.size() : next + 1;
        parts << patch.mid(start, next - start);
        start = next;
    }
    QByteArray out;
    for (const QByteArray &p : parts)
        if (!p.contains(marker))
            out += p;
    return out;
}
} // namespace

class TestHostileNames : public QObject {
    Q_OBJECT
    GitFixture m_repo;
    QTemporaryDir m_cwd; // where the commands run: nothing may appear in it
    QString m_base;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_repo.ok(), qPrintable(m_repo.error()));
        Snapshot base{{"a.txt", {"one\n"}}, {kLatin1Name, {"x\ny\n"}}};
        Snapshot head{{"a.txt", {"one\ntwo\n"}}, {kLatin1Name, {"x\nY\n"}}};
        for (const QByteArray &n : kNames) {
            base[n] = {"x\ny\n"};
            head[n] = {"x\nY\n"};
        }
        m_base = m_repo.commit(base, QStringLiteral("base"), {}, QStringLiteral("refs/heads/main"));
        QVERIFY2(!m_base.isEmpty(), qPrintable(m_repo.error()));
        const QString headSha = m_repo.commit(head, QStringLiteral("head"), {m_base}, QStringLiteral("refs/heads/") + kBranches.first());
        QVERIFY2(!headSha.isEmpty(), qPrintable(m_repo.error()));
        for (const QString &b : kBranches.mid(1))
            QVERIFY2(m_repo.setRef(QStringLiteral("refs/heads/") + b, headSha), qPrintable(b));
        QVERIFY(m_repo.setHead(QStringLiteral("refs/heads/main")));
        QVERIFY(m_repo.checkoutHead());
    }

    void cleanup()
    {
        QVERIFY(!QFile::exists(m_cwd.filePath(QStringLiteral("pwned"))));
        QVERIFY(!QFile::exists(m_repo.path() + QStringLiteral("/pwned")));
        QVERIFY(!QFile::exists(m_cwd.filePath(QStringLiteral("--output=pwned"))));
    }

    void diffStatNamesEveryFile_data()
    {
        QTest::addColumn<QString>("head");
        for (const QString &b : kBranches)
            QTest::newRow(qPrintable(b)) << b;
    }
    void diffStatNamesEveryFile()
    {
        QFETCH(QString, head);
        const Run run = reviewbench({"diff", "--repo", m_repo.path(), "--base", "main", "--head", head, "--stat"}, m_cwd.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("M\t1\t1\tmy file.txt\n"), run.out.constData());
        QVERIFY2(run.out.contains("\t-rf\n") && run.out.contains("\t--help.txt\n"), run.out.constData());
        QVERIFY2(run.out.contains(" 10 files changed"), run.out.constData());
    }

    void diffQuotesNamesAsGitDoes()
    {
        const Run run = reviewbench({"diff", "--repo", m_repo.path(), "--base", "main", "--head", "-x"}, m_cwd.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("diff --git \"a/two\\nlines.txt\" \"b/two\\nlines.txt\"\n"), run.out.constData());
        QVERIFY2(run.out.contains("diff --git \"a/caf\\351.txt\" \"b/caf\\351.txt\"\n"), run.out.constData());
        QVERIFY2(run.out.contains("diff --git a/my file.txt b/my file.txt\n"), run.out.constData());
    }

    // The range's own patch, applied to the base checkout: every odd name is found again;
    // the name that is not UTF-8 is refused by name, before anything is written.
    void ownPatchAppliesBack()
    {
        const Run diff = reviewbench({"diff", "--repo", m_repo.path(), "--base", "main", "--head", "--output=pwned"}, m_cwd.path());
        QVERIFY2(diff.exitCode == 0, qPrintable(diff.err));

        const Run whole = reviewbench({"patch", "--check", "--repo", m_repo.path(), "-"}, m_cwd.path(), diff.out);
        QCOMPARE(whole.exitCode, 1);
        QVERIFY2(whole.err.contains(QLatin1String("the patch names the file \"caf\\351.txt\", which is not valid UTF-8")),
                 qPrintable(whole.err));

        const QByteArray rest = withoutFile(diff.out, "caf\\351");
        const Run applied = reviewbench({"patch", "--repo", m_repo.path(), "-"}, m_cwd.path(), rest);
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err + QString::fromUtf8(applied.out)));
        QCOMPARE(applied.out.count(", exact\n"), kNames.size() + 1); // libgit2 read every name as git wrote it
        for (const QByteArray &n : kNames)
            QCOMPARE(readFile(m_repo.path() + QLatin1Char('/') + QString::fromUtf8(n)), QByteArray("x\nY\n"));
        QCOMPARE(readFile(m_repo.path() + QStringLiteral("/a.txt")), QByteArray("one\ntwo\n"));
        QVERIFY(m_repo.checkoutHead()); // back to the base for the other cases
    }

    void pathHintsThatLookLikeOptions_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("-rf") << QStringLiteral("-rf");
        QTest::newRow("--help.txt") << QStringLiteral("--help.txt");
        QTest::newRow("shell code") << QStringLiteral("$(touch pwned).txt");
    }
    void pathHintsThatLookLikeOptions()
    {
        QFETCH(QString, path);
        const Run run = reviewbench({"patch", "--check", "--repo", m_repo.path(), "--path", path, "-"}, m_cwd.path(), " x\n-y\n+Y\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(path.toUtf8() + "\n  hunk 1: line 1, located by its context"), run.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestHostileNames)
#include "test_hostile_names.moc"
