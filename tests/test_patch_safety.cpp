// Applying fixes safely: writes confined to the working tree, libgit2's exact strategy on
// real repositories, uncommitted changes kept, atomic multi-file writes, and revert that
// refuses when the file changed after the fix.
#include "git_fixture.h"
#include "patch/file_transaction.h"
#include "patch/fix_applier.h"
#include "patch/work_tree_path.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace rb;
using namespace rb::patch;
using rb::test::GitFixture;

namespace {
bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

const QByteArray kLetters = "a\nb\nc\nd\ne\nf\n";
const QString kFragment = QStringLiteral(" a\n-b\n+B\n");

QString gitPatch(const QString &path, const QString &hunk)
{
    return QStringLiteral("diff --git a/%1 b/%1\nindex 0000001..0000002 100644\n--- a/%1\n+++ b/%1\n%2").arg(path, hunk);
}

// Every file under `root` with its size and modification time, to see that nothing was
// written (not even an object's time refreshed).
QStringList snapshotOf(const QString &root)
{
    QStringList out;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        out << QStringLiteral("%1 %2 %3").arg(info.filePath()).arg(info.size()).arg(info.lastModified(QTimeZone::UTC).toMSecsSinceEpoch());
    }
    out.sort();
    return out;
}
} // namespace

class TestPatchSafety : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void refusesPathsOutsideTheTree_data()
    {
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("pathHint");
        QTest::addColumn<QString>("reason");
        QTest::newRow("absolute path in the header")
            << QStringLiteral("--- OUTSIDE/victim.txt\n+++ OUTSIDE/victim.txt\n@@ -1,2 +1,2 @@\n a\n-b\n+B\n") << QString()
            << QStringLiteral("it is an absolute path");
        QTest::newRow("absolute path as the hint") << kFragment << QStringLiteral("OUTSIDE/victim.txt") << QStringLiteral("it is an absolute path");
        QTest::newRow("drive letter") << kFragment << QStringLiteral("C:/victim.txt") << QStringLiteral("it is an absolute path");
        QTest::newRow("dot-dot in the header")
            << QStringLiteral("--- a/../outside/victim.txt\n+++ b/../outside/victim.txt\n@@ -1,2 +1,2 @@\n a\n-b\n+B\n") << QString()
            << QStringLiteral("refusing to write ../outside/victim.txt: it contains \"..\"");
        QTest::newRow("dot-dot in the middle") << kFragment << QStringLiteral("src/../../outside/victim.txt") << QStringLiteral("contains \"..\"");
        QTest::newRow("folder symlink leaving the tree") << kFragment << QStringLiteral("out-link/victim.txt")
                                                          << QStringLiteral("out-link is a symlink to OUTSIDE, outside the working tree");
        QTest::newRow("file symlink leaving the tree") << kFragment << QStringLiteral("victim-link.txt")
                                                        << QStringLiteral("victim-link.txt is a symlink to OUTSIDE/victim.txt, outside the working tree");
        QTest::newRow(".git/config") << gitPatch(QStringLiteral(".git/config"), QStringLiteral("@@ -1,2 +1,2 @@\n a\n-b\n+B\n")) << QString()
                                     << QStringLiteral("refusing to write .git/config: it is inside .git");
        QTest::newRow(".GIT in another case") << kFragment << QStringLiteral(".GIT/config") << QStringLiteral("it is inside .git");
        QTest::newRow("symlink into .git") << kFragment << QStringLiteral("config-link") << QStringLiteral("config-link is a symlink into .git");
    }
    void refusesPathsOutsideTheTree()
    {
        QFETCH(QString, patch);
        QFETCH(QString, pathHint);
        QFETCH(QString, reason);
        QTemporaryDir base;
        const QString tree = base.filePath(QStringLiteral("tree"));
        const QString outside = base.filePath(QStringLiteral("outside"));
        QVERIFY(writeFile(outside + QStringLiteral("/victim.txt"), "a\nb\n"));
        const QString outsideReal = QDir(outside).canonicalPath();
        QVERIFY(writeFile(tree + QStringLiteral("/.git/config"), "a\nb\n"));
        QVERIFY(QFile::link(outsideReal, tree + QStringLiteral("/out-link")));
        QVERIFY(QFile::link(outsideReal + QStringLiteral("/victim.txt"), tree + QStringLiteral("/victim-link.txt")));
        QVERIFY(QFile::link(tree + QStringLiteral("/.git/config"), tree + QStringLiteral("/config-link")));
        patch.replace(QLatin1String("OUTSIDE"), outsideReal);
        pathHint.replace(QLatin1String("OUTSIDE"), outsideReal);
        reason.replace(QLatin1String("OUTSIDE"), outsideReal);

        const FixResult r = applyFix(tree, patch, pathHint);
        QCOMPARE(int(r.status), int(FixStatus::Refused));
        QVERIFY2(r.message.contains(reason), qPrintable(r.message));
        QCOMPARE(readFile(outsideReal + QStringLiteral("/victim.txt")), QByteArray("a\nb\n"));
        QCOMPARE(readFile(tree + QStringLiteral("/.git/config")), QByteArray("a\nb\n"));
    }

    // A hostile file anywhere in a patch: refused before anything is written, the good
    // files before it included; nothing appears or changes anywhere.
    void hostileFileInAPatchWritesNothing_data()
    {
        QTest::addColumn<QByteArray>("hostile");
        QTest::addColumn<QString>("reason");
        const QByteArray hunk = "@@ -1,2 +1,2 @@\n a\n-b\n+B\n";
        const QByteArray created = "@@ -0,0 +1 @@\n+#!/bin/sh\n";
        QTest::newRow("absolute") << "--- /dev/null\n+++ OUTSIDE/new.sh\n" + created << QStringLiteral("it is an absolute path");
        QTest::newRow("quoted absolute") << "--- /dev/null\n+++ \"OUTSIDE/new.sh\"\n" + created << QStringLiteral("it is an absolute path");
        QTest::newRow("..") << "--- a/../outside/victim.txt\n+++ b/../outside/victim.txt\n" + hunk << QStringLiteral("contains \"..\"");
        QTest::newRow(".. with an escaped slash") << "--- \"a/..\\057outside/victim.txt\"\n+++ \"b/..\\057outside/victim.txt\"\n" + hunk
                                                  << QStringLiteral("contains \"..\"");
        QTest::newRow("..\\ (Windows separator)") << "--- /dev/null\n+++ b/..\\\\new.sh\n" + created << QStringLiteral("contains \"..\"");
        QTest::newRow("new hook in .git") << "diff --git a/.git/hooks/pre-commit b/.git/hooks/pre-commit\nnew file mode 100755\n"
                                             "--- /dev/null\n+++ b/.git/hooks/pre-commit\n" + created
                                          << QStringLiteral("it is inside .git");
        QTest::newRow("sub/.Git/config") << "--- /dev/null\n+++ b/sub/.Git/config\n" + created << QStringLiteral("it is inside .git");
        QTest::newRow("through a symlink leaving the tree") << "--- /dev/null\n+++ b/out-link/new.sh\n" + created
                                                            << QStringLiteral("out-link is a symlink to OUTSIDE, outside the working tree");
        QTest::newRow("a symlink made by the patch") << QByteArray("diff --git a/evil b/evil\nnew file mode 120000\n--- /dev/null\n+++ b/evil\n"
                                                                   "@@ -0,0 +1 @@\n+/etc/passwd\n\\ No newline at end of file\n")
                                                     << QStringLiteral("the patch makes evil a symbolic link");
        QTest::newRow("git binary patch") << QByteArray("diff --git a/x.bin b/x.bin\nindex 1111111..2222222 100644\nGIT binary patch\n"
                                                        "literal 4\nLcmZ?wba4\n\nliteral 0\nHcmV?d00001\n\n")
                                          << QStringLiteral("binary patches are not supported");
        static const char nul[] = "--- a/good.txt\n+++ b/good.txt\n@@ -1 +1 @@\n-a\n+\x7f" "ELF\0\0\0\n";
        QTest::newRow("NUL bytes") << QByteArray(nul, sizeof nul - 1)
                                   << QStringLiteral("holds a NUL byte");
        QTest::newRow("a binary file in the tree") << "--- a/data.bin\n+++ b/data.bin\n" + hunk
                                                   << QStringLiteral("data.bin is a binary file");
    }
    void hostileFileInAPatchWritesNothing()
    {
        QFETCH(QByteArray, hostile);
        QFETCH(QString, reason);
        QTemporaryDir base;
        const QString tree = base.filePath(QStringLiteral("tree"));
        const QString outside = base.filePath(QStringLiteral("outside"));
        QVERIFY(writeFile(outside + QStringLiteral("/victim.txt"), "a\nb\n"));
        const QString outsideReal = QDir(outside).canonicalPath();
        QVERIFY(writeFile(tree + QStringLiteral("/good.txt"), "a\nb\n"));
        QVERIFY(writeFile(tree + QStringLiteral("/data.bin"), QByteArray("a\nb\n\0\0", 6)));
        QVERIFY(writeFile(tree + QStringLiteral("/.git/config"), "[core]\n"));
        QVERIFY(QFile::link(outsideReal, tree + QStringLiteral("/out-link")));
        hostile.replace("OUTSIDE", outsideReal.toUtf8());
        reason.replace(QLatin1String("OUTSIDE"), outsideReal);
        const QStringList before = snapshotOf(base.path());

        const QByteArray patch = "--- a/good.txt\n+++ b/good.txt\n@@ -1,2 +1,2 @@\n a\n-b\n+B\n" + hostile;
        const FixResult r = applyFix(tree, FixRequest{patch, {}, {}});
        QCOMPARE(int(r.status), int(FixStatus::Refused));
        QVERIFY2(r.message.contains(reason), qPrintable(r.describe()));
        QVERIFY(r.message.contains(QLatin1String("nothing was written")));
        QCOMPARE(snapshotOf(base.path()), before);
    }

    void followsSymlinksThatStayInside()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("docs/x.txt")), "a\nb\n"));
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("docs")), dir.filePath(QStringLiteral("docs-link"))));
        const FixResult r = applyFix(dir.path(), kFragment, QStringLiteral("docs-link/x.txt"));
        QVERIFY2(r.status == FixStatus::Applied, qPrintable(r.describe()));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("docs/x.txt"))), QByteArray("a\nB\n"));
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("docs-link"))).isSymLink());
    }

    void resolvesNamesTheFolderProblem()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
        const auto r = resolveInWorkTree(dir.path(), QStringLiteral("sub"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, int(ErrorNotAFile));
        QVERIFY(r.error().message.contains(QLatin1String("cannot patch sub: it is not a regular file")));
    }

    // libgit2's exact strategy and the working tree's uncommitted changes.
    void gitStrategies_data()
    {
        QTest::addColumn<QByteArray>("workContent"); // empty: the committed content
        QTest::addColumn<QString>("hunk");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<QString>("report");
        QTest::newRow("exact") << QByteArray() << QStringLiteral("@@ -2,3 +2,3 @@\n b\n-c\n+C\n d\n") << QByteArray("a\nb\nC\nd\ne\nf\n")
                               << QStringLiteral("hunk 1: line 2, exact");
        QTest::newRow("exact on a file with uncommitted changes below")
            << QByteArray("a\nb\nc\nd\ne\nf\nlocal edit\n") << QStringLiteral("@@ -2,3 +2,3 @@\n b\n-c\n+C\n d\n")
            << QByteArray("a\nb\nC\nd\ne\nf\nlocal edit\n") << QStringLiteral("hunk 1: line 2, exact");
        QTest::newRow("uncommitted lines above: moved, edit kept")
            << QByteArray("local edit\na\nb\nc\nd\ne\nf\n") << QStringLiteral("@@ -2,3 +2,3 @@\n b\n-c\n+C\n d\n")
            << QByteArray("local edit\na\nb\nC\nd\ne\nf\n") << QStringLiteral("hunk 1: line 3, moved by 1 line");
        QTest::newRow("CRLF working file: libgit2 refuses, context places it")
            << QByteArray("a\r\nb\r\nc\r\nd\r\ne\r\nf\r\n") << QStringLiteral("@@ -2,3 +2,3 @@\n b\n-c\n+C\n d\n")
            << QByteArray("a\r\nb\r\nC\r\nd\r\ne\r\nf\r\n") << QStringLiteral("hunk 1: line 2, at its stated line, found by its context");
        QTest::newRow("whitespace differs: after libgit2 and context")
            << QByteArray("a\n\tb\nc\nd\ne\nf\n") << QStringLiteral("@@ -2,3 +2,4 @@\n b\n-c\n+C\n+C2\n d\n")
            << QByteArray("a\n\tb\nC\nC2\nd\ne\nf\n") << QStringLiteral("hunk 1: line 2, whitespace-insensitive, at its stated line");
    }
    void gitStrategies()
    {
        QFETCH(QByteArray, workContent);
        QFETCH(QString, hunk);
        QFETCH(QByteArray, after);
        QFETCH(QString, report);
        GitFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        QVERIFY(!fx.commit({{"src/a.txt", {kLetters}}, {"other.txt", {"x\n"}}}, QStringLiteral("one"), {}).isEmpty());
        QVERIFY(fx.checkoutHead());
        if (!workContent.isEmpty())
            QVERIFY(fx.writeWorkFile("src/a.txt", workContent));
        const FixResult r = applyFix(fx.path(), gitPatch(QStringLiteral("src/a.txt"), hunk));
        QVERIFY2(r.status == FixStatus::Applied, qPrintable(r.describe()));
        QVERIFY2(r.describe().contains(report), qPrintable(r.describe()));
        QCOMPARE(readFile(fx.path() + QStringLiteral("/src/a.txt")), after);
        QCOMPARE(readFile(fx.path() + QStringLiteral("/other.txt")), QByteArray("x\n"));
    }

    // libgit2's check stores each postimage as a blob; it must not reach the repository.
    void exactCheckWritesNoGitObjects()
    {
        GitFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        QVERIFY(!fx.commit({{"src/a.txt", {kLetters}}}, QStringLiteral("one"), {}).isEmpty());
        QVERIFY(fx.checkoutHead());
        const QString gitDir = fx.path() + QStringLiteral("/.git");
        const QStringList before = snapshotOf(gitDir);
        const QString patch = gitPatch(QStringLiteral("src/a.txt"), QStringLiteral("@@ -2,3 +2,3 @@\n b\n-c\n+C\n d\n"));
        const FixResult checked = checkFix(fx.path(), patch);
        QVERIFY2(checked.describe().contains(QLatin1String("hunk 1: line 2, exact")), qPrintable(checked.describe()));
        QCOMPARE(snapshotOf(gitDir), before);
        const FixResult applied = applyFix(fx.path(), patch);
        QVERIFY2(applied.written, qPrintable(applied.describe()));
        QCOMPARE(snapshotOf(gitDir), before);
        QCOMPARE(readFile(fx.path() + QStringLiteral("/src/a.txt")), QByteArray("a\nb\nC\nd\ne\nf\n"));
    }

    void exactCheckStillReadsTheRepository()
    {
        // The isolated object database still sees the repository's objects (a patch whose
        // postimage already exists as a blob, i.e. git would only refresh it).
        GitFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        QVERIFY(!fx.commit({{"a.txt", {"1\n2\n"}}, {"b.txt", {"1\nX\n"}}}, QStringLiteral("one"), {}).isEmpty());
        QVERIFY(fx.checkoutHead());
        const QStringList before = snapshotOf(fx.path() + QStringLiteral("/.git"));
        const FixResult checked = checkFix(fx.path(), gitPatch(QStringLiteral("a.txt"), QStringLiteral("@@ -1,2 +1,2 @@\n 1\n-2\n+X\n")));
        QVERIFY2(checked.describe().contains(QLatin1String("exact")), qPrintable(checked.describe()));
        QCOMPARE(snapshotOf(fx.path() + QStringLiteral("/.git")), before);
    }

    // A symlink's content is its target: patching it as a text file would write a regular
    // file in its place, or change what it points to.
    void refusesSymlinkAndSubmoduleModes_data()
    {
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("reason");
        QTest::newRow("symlink target changed")
            << QStringLiteral("diff --git a/link b/link\nindex 1111111..2222222 120000\n--- a/link\n+++ b/link\n@@ -1 +1 @@\n-a.txt\n"
                              "\\ No newline at end of file\n+../../etc/passwd\n\\ No newline at end of file\n")
            << QStringLiteral("link is a symbolic link in the patch (mode 120000), whose content is not a text file");
        QTest::newRow("new symlink") << QStringLiteral("diff --git a/new b/new\nnew file mode 120000\nindex 0000000..2222222\n--- /dev/null\n"
                                                       "+++ b/new\n@@ -0,0 +1 @@\n+a.txt\n\\ No newline at end of file\n")
                                     << QStringLiteral("the patch makes new a symbolic link (mode 120000)");
        QTest::newRow("file turned into a symlink")
            << QStringLiteral("diff --git a/a.txt b/a.txt\nold mode 100644\nnew mode 120000\n--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1 @@\n-a\n-b\n+x\n")
            << QStringLiteral("the patch makes a.txt a symbolic link");
        QTest::newRow("symlink turned into a file")
            << QStringLiteral("diff --git a/link b/link\nold mode 120000\nnew mode 100644\n--- a/link\n+++ b/link\n@@ -1 +1 @@\n-a.txt\n+text\n")
            << QStringLiteral("the patch turns link, a symbolic link (mode 120000), into a file");
        QTest::newRow("submodule") << QStringLiteral("diff --git a/sub b/sub\nindex 1111111..2222222 160000\n--- a/sub\n+++ b/sub\n@@ -1 +1 @@\n"
                                                     "-Subproject commit 1111111\n+Subproject commit 2222222\n")
                                   << QStringLiteral("sub is a submodule in the patch (mode 160000)");
    }
    void refusesSymlinkAndSubmoduleModes()
    {
        QFETCH(QString, patch);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("a.txt")), "a\nb\n"));
        QVERIFY(QFile::link(QStringLiteral("a.txt"), dir.filePath(QStringLiteral("link"))));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("sub")), "Subproject commit 1111111\n"));
        const FixResult r = applyFix(dir.path(), patch);
        QCOMPARE(int(r.status), int(FixStatus::Refused));
        QVERIFY2(r.message.contains(reason), qPrintable(r.message));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("a.txt"))), QByteArray("a\nb\n"));
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("link"))).isSymLink());
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("new"))));
    }

    // Names git quotes: unquoted, and the file they name is the one patched.
    void patchesFilesWithQuotedNames_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("quoted");
        QTest::newRow("UTF-8") << QByteArray("\xc3\xa9t\xc3\xa9.txt") << QByteArray("\\303\\251t\\303\\251.txt");
        QTest::newRow("newline") << QByteArray("two\nlines.txt") << QByteArray("two\\nlines.txt");
        QTest::newRow("tab and quote") << QByteArray("a\tb \"c\".txt") << QByteArray("a\\tb \\\"c\\\".txt");
    }
    void patchesFilesWithQuotedNames()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, quoted);
        QTemporaryDir dir;
        const QString path = dir.filePath(QString::fromUtf8(name));
        QVERIFY(writeFile(path, "a\nb\n"));
        const QByteArray patch = "diff --git \"a/" + quoted + "\" \"b/" + quoted + "\"\n--- \"a/" + quoted + "\"\n+++ \"b/" + quoted
                               + "\"\n@@ -1,2 +1,2 @@\n a\n-b\n+B\n";
        const FixResult r = applyFix(dir.path(), FixRequest{patch, {}, {}});
        QVERIFY2(r.written, qPrintable(r.describe()));
        QCOMPARE(r.files.first().path.toUtf8(), name);
        QCOMPARE(readFile(path), QByteArray("a\nB\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    }

    void refusesNamesThatAreNotUtf8()
    {
        QTemporaryDir dir;
        const FixResult r = applyFix(dir.path(), FixRequest{"--- /dev/null\n+++ \"b/caf\\351.txt\"\n@@ -0,0 +1 @@\n+x\n", {}, {}});
        QCOMPARE(int(r.status), int(FixStatus::Refused));
        QVERIFY2(r.message.contains(QLatin1String("the patch names the file \"caf\\351.txt\", which is not valid UTF-8")),
                 qPrintable(r.message));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }

    void newFileWithoutFinalNewline()
    {
        QTemporaryDir dir;
        const FixResult r = applyFix(dir.path(), QStringLiteral("--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1,2 @@\n+hello\n+world\n"
                                                                "\\ No newline at end of file\n"));
        QVERIFY2(r.written, qPrintable(r.describe()));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("new.txt"))), QByteArray("hello\nworld"));
    }

    void transactionStagingFailureWritesNothing()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("one.txt")), "1\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("blocker")), "a file where a folder should be\n"));
        const Status s = writeAll({FileWrite{dir.filePath(QStringLiteral("one.txt")), "changed\n", false, true, "1\n"},
                                   FileWrite{dir.filePath(QStringLiteral("blocker/two.txt")), "new\n", false, false, {}}});
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(QLatin1String("nothing was written")), qPrintable(s.error().message));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("one.txt"))), QByteArray("1\n"));
    }

    void transactionCommitFailurePutsBackEarlierFiles()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("one.txt")), "1\n"));
        // Deleting a file that is not there fails in the commit phase, after one.txt was replaced.
        const Status s = writeAll({FileWrite{dir.filePath(QStringLiteral("one.txt")), "changed\n", false, true, "1\n"},
                                   FileWrite{dir.filePath(QStringLiteral("gone.txt")), {}, true, true, "x\n"}});
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(QLatin1String("the files already written were put back")), qPrintable(s.error().message));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("one.txt"))), QByteArray("1\n"));
    }

    void revertRestoresTheOriginalBytes_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QString>("patch");
        QTest::newRow("LF") << kLetters << QStringLiteral("@@\n b\n-c\n+C\n+C2\n@@\n e\n-f\n");
        QTest::newRow("CRLF") << QByteArray("a\r\nb\r\nc\r\n") << QStringLiteral(" a\n-b\n+B\n c\n");
        QTest::newRow("mixed line ends") << QByteArray("a\r\nb\nc\r\nd\n") << QStringLiteral(" b\n-c\n+C\n d\n");
        QTest::newRow("no newline at end") << QByteArray("a\nb") << QStringLiteral(" a\n-b\n+B\n+more\n");
        QTest::newRow("fix adds the final newline") << QByteArray("a\nb") << QStringLiteral(" a\n-b\n\\ No newline at end of file\n+b\n");
        QTest::newRow("fix removes the final newline") << QByteArray("a\nb\n") << QStringLiteral(" a\n-b\n+b\n\\ No newline at end of file\n");
        QTest::newRow("last lines removed, no newline at end") << QByteArray("a\nb\nc") << QStringLiteral(" a\n-b\n-c\n");
        QTest::newRow("lone CR at the very end") << QByteArray("a\nb\r") << QStringLiteral(" a\n-b\r\n+c\n");
        QTest::newRow("whitespace-insensitive placement") << QByteArray("if x {\n\ty()\n}\n") << QStringLiteral(" if x {\n-    y()\n+    z()\n+    w()\n }\n");
    }
    void revertRestoresTheOriginalBytes()
    {
        QFETCH(QByteArray, before);
        QFETCH(QString, patch);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("f.txt"));
        QVERIFY(writeFile(file, before));
        const FixResult r = applyFix(dir.path(), patch, QStringLiteral("f.txt"));
        QVERIFY2(r.status == FixStatus::Applied, qPrintable(r.describe()));
        QVERIFY(readFile(file) != before);
        const QList<FixRecord> records = r.records();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().contentHashAfter.size(), 64);
        QVERIFY(records.first().when.isValid());
        const RevertResult rev = revertFix(dir.path(), records);
        QVERIFY2(rev.reverted, qPrintable(rev.message));
        QCOMPARE(readFile(file), before);
    }

    void revertDeletesAFileTheFixCreated()
    {
        QTemporaryDir dir;
        const FixResult r = applyFix(dir.path(), QStringLiteral("--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1 @@\n+hello\n"));
        QVERIFY2(r.status == FixStatus::Applied, qPrintable(r.describe()));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("new.txt"))));
        const RevertResult rev = revertFix(dir.path(), r.records());
        QVERIFY2(rev.reverted, qPrintable(rev.message));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("new.txt"))));
    }

    void revertRefusedAfterALaterEdit()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("f.txt"));
        QVERIFY(writeFile(file, kLetters));
        const FixResult r = applyFix(dir.path(), kFragment, QStringLiteral("f.txt"));
        QVERIFY(r.written);
        QVERIFY(writeFile(file, "a\nB\nc\nd\ne\nf\nmy later edit\n"));
        const RevertResult rev = revertFix(dir.path(), r.records());
        QVERIFY(!rev.reverted);
        QVERIFY2(rev.message.contains(QLatin1String("f.txt has changed since the fix was applied")), qPrintable(rev.message));
        QVERIFY(rev.message.contains(QLatin1String("nothing was restored")));
        QCOMPARE(readFile(file), QByteArray("a\nB\nc\nd\ne\nf\nmy later edit\n"));
    }

    void revertTwiceSaysItIsAlreadyReverted()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("f.txt"));
        QVERIFY(writeFile(file, kLetters));
        const FixResult r = applyFix(dir.path(), kFragment, QStringLiteral("f.txt"));
        QVERIFY(r.written);
        QVERIFY(revertFix(dir.path(), r.records()).reverted);
        const RevertResult again = revertFix(dir.path(), r.records());
        QVERIFY(!again.reverted);
        QVERIFY2(again.message.contains(QLatin1String("f.txt already has the content it had before the fix")), qPrintable(again.message));
        QCOMPARE(readFile(file), kLetters);
    }

    void revertIsAllOrNothingAcrossFiles()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("one.txt")), kLetters));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("two.txt")), "1\n2\n"));
        const FixResult r = applyFix(dir.path(), QStringLiteral("--- a/one.txt\n+++ b/one.txt\n@@ -1,2 +1,2 @@\n a\n-b\n+B\n"
                                                                "--- a/two.txt\n+++ b/two.txt\n@@ -1,2 +1,2 @@\n 1\n-2\n+II\n"));
        QVERIFY2(r.written, qPrintable(r.describe()));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("two.txt")), "1\nII\nedited\n"));
        const RevertResult rev = revertFix(dir.path(), r.records());
        QVERIFY(!rev.reverted);
        QVERIFY2(rev.message.contains(QLatin1String("two.txt has changed")), qPrintable(rev.message));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("one.txt"))), QByteArray("a\nB\nc\nd\ne\nf\n"));
    }

    void revertRefusesAHostileRecord()
    {
        QTemporaryDir dir;
        FixRecord record;
        record.path = QStringLiteral("../elsewhere.txt");
        record.appliedDiff = QStringLiteral("@@ -1,1 +1,1 @@\n-a\n+b\n");
        const RevertResult rev = revertFix(dir.path(), {record});
        QVERIFY(!rev.reverted);
        QVERIFY2(rev.message.contains(QLatin1String("contains \"..\"")), qPrintable(rev.message));
    }
};

QTEST_GUILESS_MAIN(TestPatchSafety)
#include "test_patch_safety.moc"
