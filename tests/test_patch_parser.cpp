// Parsing patches and fix fragments in every style agents write them.
#include "patch/patch_parser.h"

#include <QTest>

using namespace rb;
using namespace rb::patch;

namespace {
// "path{hunk 1@3: -+|hunk 2: +}": per file its path, per hunk its label, stated start when
// numbered, and its line kinds; replacement code shows "code:N" lines.
QString summary(const ParsedPatch &p)
{
    QStringList files;
    for (const FilePatch &f : p.files) {
        QStringList hunks;
        for (const Hunk &h : f.hunks) {
            QString kinds;
            for (const PatchLine &l : h.lines)
                kinds += l.kind == LineKind::Added ? QLatin1Char('+') : l.kind == LineKind::Removed ? QLatin1Char('-') : QLatin1Char(' ');
            hunks << (h.hasNumbers ? QStringLiteral("%1@%2: %3").arg(h.label).arg(h.oldStart).arg(kinds)
                                   : QStringLiteral("%1: %2").arg(h.label, kinds));
        }
        if (!f.replacement.isEmpty())
            hunks << QStringLiteral("code:%1").arg(f.replacement.size());
        files << QStringLiteral("%1{%2}").arg(f.path(), hunks.join(QLatin1Char('|')));
    }
    return files.join(QStringLiteral("; "));
}
} // namespace

class TestPatchParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("style");
        QTest::addColumn<QString>("expected");

        QTest::newRow("git patch, two files") << QStringLiteral(
            "diff --git a/src/a.c b/src/a.c\n"
            "index 1111111..2222222 100644\n"
            "--- a/src/a.c\n"
            "+++ b/src/a.c\n"
            "@@ -3,3 +3,3 @@ int main()\n"
            " one\n"
            "-two\n"
            "+TWO\n"
            " three\n"
            "diff --git a/b.txt b/b.txt\n"
            "--- a/b.txt\n"
            "+++ b/b.txt\n"
            "@@ -1 +1,2 @@\n"
            " x\n"
            "+y\n") << int(PatchStyle::GitPatch) << QStringLiteral("src/a.c{hunk 1@3:  -+ }; b.txt{hunk 2@1:  +}");
        QTest::newRow("git patch, new file") << QStringLiteral(
            "diff --git a/new.txt b/new.txt\n"
            "new file mode 100644\n"
            "--- /dev/null\n"
            "+++ b/new.txt\n"
            "@@ -0,0 +1,2 @@\n"
            "+hello\n"
            "+world\n") << int(PatchStyle::GitPatch) << QStringLiteral("new.txt{hunk 1@0: ++}");
        QTest::newRow("unified diff with timestamps and a removed line that looks like a header") << QStringLiteral(
            "--- f.txt\t2024-01-01 10:00:00\n"
            "+++ f.txt\t2024-01-02 10:00:00\n"
            "@@ -1,3 +1,3 @@\n"
            " a\n"
            "--- not a header\n"
            "+b\n"
            " c\n") << int(PatchStyle::UnifiedDiff) << QStringLiteral("f.txt{hunk 1@1:  -+ }");
        QTest::newRow("format-patch mail with prose and signature") << QStringLiteral(
            "From 0123456789abcdef Mon Sep 17 00:00:00 2001\n"
            "Subject: [PATCH] Fix the loop bound\n"
            "\n"
            "---\n"
            " x.go | 2 +-\n"
            "\n"
            "diff --git a/x.go b/x.go\n"
            "index 1111111..2222222 100644\n"
            "--- a/x.go\n"
            "+++ b/x.go\n"
            "@@ -1,2 +1,2 @@\n"
            "-for i < n-1 {\n"
            "+for i < n {\n"
            " }\n"
            "Trailing words after the hunk.\n"
            "-- \n"
            "2.47.0\n") << int(PatchStyle::GitPatch) << QStringLiteral("x.go{hunk 1@1: -+ }");
        QTest::newRow("file headers without @@") << QStringLiteral("--- a/x.go\n+++ b/x.go\n a\n-b\n+B\n")
                                                 << int(PatchStyle::UnifiedDiff) << QStringLiteral("x.go{hunk 1:  -+}");
        QTest::newRow("fragment without @@") << QStringLiteral(" a\n-b\n+B\n c\n") << int(PatchStyle::Fragment)
                                              << QStringLiteral("{hunk 1:  -+ }");
        QTest::newRow("fragment with bare @@ lines") << QStringLiteral("@@\n a\n-b\n+B\n@@ fn() @@\n x\n+y\n")
                                                      << int(PatchStyle::Fragment) << QStringLiteral("{hunk 1:  -+|hunk 2:  +}");
        QTest::newRow("fragment with numbered @@ but no file header")
            << QStringLiteral("@@ -10,2 +10,2 @@\n-b\n+B\n c\n") << int(PatchStyle::Fragment) << QStringLiteral("{hunk 1@10: -+ }");
        QTest::newRow("blank context line lost its space") << QStringLiteral(" a\n\n b\n-c\n+C\n") << int(PatchStyle::Fragment)
                                                            << QStringLiteral("{hunk 1:    -+}");
        QTest::newRow("lone space and lone plus are blank lines")
            << QStringLiteral(" a\n \n+\n+x\n-\n b\n") << int(PatchStyle::Fragment) << QStringLiteral("{hunk 1:   ++- }");
        QTest::newRow("lines with no prefix are context") << QStringLiteral("a\n-b\n+B\nc\n") << int(PatchStyle::Fragment)
                                                           << QStringLiteral("{hunk 1:  -+ }");
        QTest::newRow("... splits a hunk into parts")
            << QStringLiteral(" f() {\n-old\n+new\n ...\n-bye\n+bye2\n }\n") << int(PatchStyle::Fragment)
            << QStringLiteral("{hunk 1 (part 1):  -+|hunk 1 (part 2): -+ }");
        QTest::newRow("unprefixed ... and // ... are omissions")
            << QStringLiteral(" a\n-b\n+B\n...\n c\n-d\n    // ...\n x\n+y\n") << int(PatchStyle::Fragment)
            << QStringLiteral("{hunk 1 (part 1):  -+|hunk 1 (part 2):  -|hunk 1 (part 3):  +}");
        QTest::newRow("markdown fence is dropped") << QStringLiteral("```diff\n a\n-b\n+B\n```\n") << int(PatchStyle::Fragment)
                                                    << QStringLiteral("{hunk 1:  -+}");
        QTest::newRow("trailing blank lines are separators") << QStringLiteral(" a\n-b\n+B\n\n\n") << int(PatchStyle::Fragment)
                                                              << QStringLiteral("{hunk 1:  -+}");
        QTest::newRow("CRLF patch") << QStringLiteral(" a\r\n-b\r\n+B\r\n") << int(PatchStyle::Fragment)
                                    << QStringLiteral("{hunk 1:  -+}");
        QTest::newRow("plain replacement code") << QStringLiteral("func f() {\n\treturn 2\n}\n") << int(PatchStyle::ReplacementCode)
                                                << QStringLiteral("{code:3}");
        QTest::newRow("seed fragment, tab and spaces mixed") << QStringLiteral(
            " \ttmpPath := privPath + \".tmp\"\n"
            "+\t_ = os.Remove(tmpPath)\n"
            " \tif out, err := cmd.CombinedOutput(); err != nil {\n"
            "-\t    _ = os.Remove(tmpPath)\n"
            " \t    return err\n"
            " \t}\n") << int(PatchStyle::Fragment) << QStringLiteral("{hunk 1:  + -  }");
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(int, style);
        QFETCH(QString, expected);
        const auto parsed = parsePatch(text);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
        QCOMPARE(int(parsed->style), style);
        QCOMPARE(summary(*parsed), expected);
    }

    void keepsLineTextExactly()
    {
        const auto parsed = parsePatch(QStringLiteral(" \tkeep  spaces \n-\tgone\n+    added\t\n"));
        QVERIFY(parsed.ok());
        const Hunk &h = parsed->files.first().hunks.first();
        QCOMPARE(h.oldSide(), (QList<QByteArray>{"\tkeep  spaces ", "\tgone"}));
        QCOMPARE(h.newSide(), (QList<QByteArray>{"\tkeep  spaces ", "    added\t"}));
    }

    // git quotes names with control characters, quotes, backslashes and bytes >= 0x80.
    void unquotesGitNames_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("name");
        const QByteArray hunk = "@@ -1 +1 @@\n-a\n+b\n";
        QTest::newRow("UTF-8 in octal") << "diff --git \"a/\\303\\251t.txt\" \"b/\\303\\251t.txt\"\nindex 1..2 100644\n"
                                           "--- \"a/\\303\\251t.txt\"\n+++ \"b/\\303\\251t.txt\"\n" + hunk
                                        << QByteArray("\xc3\xa9t.txt");
        QTest::newRow("newline") << "diff --git \"a/two\\nlines\" \"b/two\\nlines\"\n--- \"a/two\\nlines\"\n+++ \"b/two\\nlines\"\n" + hunk
                                 << QByteArray("two\nlines");
        QTest::newRow("tab, quote, backslash") << "--- \"a/t\\tq\\\"b\\\\.c\"\n+++ \"b/t\\tq\\\"b\\\\.c\"\n" + hunk << QByteArray("t\tq\"b\\.c");
        QTest::newRow("spaces, unquoted") << "diff --git a/my file b/x.c b/my file b/x.c\nindex 1..2 100644\n" + hunk
                                          << QByteArray("my file b/x.c");
        QTest::newRow("spaces and a timestamp") << "--- a/my file.c\t2024-01-01 10:00:00\n+++ b/my file.c\t2024-01-02 10:00:00\n" + hunk
                                                << QByteArray("my file.c");
        QTest::newRow("only in the diff --git line") << "diff --git \"a/\\303\\274.c\" \"b/\\303\\274.c\"\n" + hunk << QByteArray("\xc3\xbc.c");
    }
    void unquotesGitNames()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, name);
        const auto parsed = parsePatch(text);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
        QCOMPARE(parsed->files.size(), 1);
        QCOMPARE(parsed->files.first().path().toUtf8(), name);
        QVERIFY(!parsed->files.first().nameNotUtf8);
    }

    void flagsNamesThatAreNotUtf8()
    {
        const auto parsed = parsePatch(QByteArray("--- \"a/caf\\351.txt\"\n+++ \"b/caf\\351.txt\"\n@@ -1 +1 @@\n-a\n+b\n"));
        QVERIFY(parsed.ok());
        QVERIFY(parsed->files.first().nameNotUtf8);
        QCOMPARE(parsed->files.first().rawName, QByteArray("caf\xe9.txt"));
    }

    void readsModes()
    {
        const auto parsed = parsePatch(QByteArray("diff --git a/link b/link\nindex 1111111..2222222 120000\n--- a/link\n+++ b/link\n"
                                                  "@@ -1 +1 @@\n-old/target\n\\ No newline at end of file\n+new/target\n"
                                                  "\\ No newline at end of file\n"
                                                  "diff --git a/run.sh b/run.sh\nold mode 100644\nnew mode 100755\n--- a/run.sh\n+++ b/run.sh\n"
                                                  "@@ -1 +1 @@\n-a\n+b\n"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->files[0].oldMode, QByteArray("120000"));
        QCOMPARE(parsed->files[0].newMode, QByteArray("120000"));
        QCOMPARE(parsed->files[1].oldMode, QByteArray("100644"));
        QCOMPARE(parsed->files[1].newMode, QByteArray("100755"));
    }

    // "\ No newline at end of file" marks the side(s) of the line before it.
    void readsNoNewlineMarkers_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("oldMissing");
        QTest::addColumn<bool>("newMissing");
        const QByteArray m = "\\ No newline at end of file\n";
        QTest::newRow("removed line") << "@@ -1,2 +1,2 @@\n a\n-b\n" + m + "+b\n" << true << false;
        QTest::newRow("added line") << "@@ -1,2 +1,2 @@\n a\n-b\n+b\n" + m << false << true;
        QTest::newRow("both") << "@@ -1,2 +1,2 @@\n a\n-b\n" + m + "+c\n" + m << true << true;
        QTest::newRow("context line") << "@@ -1,2 +1,3 @@\n+z\n a\n b\n" + m << true << true;
        QTest::newRow("none") << QByteArray("@@ -1,2 +1,2 @@\n a\n-b\n+c\n") << false << false;
        QTest::newRow("fragment, blank line after") << " a\n-b\n+c\n" + m + "\n" << false << true;
    }
    void readsNoNewlineMarkers()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, oldMissing);
        QFETCH(bool, newMissing);
        const auto parsed = parsePatch(text);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
        const Hunk &h = parsed->files.first().hunks.first();
        QCOMPARE(h.oldEndsWithoutNewline, oldMissing);
        QCOMPARE(h.newEndsWithoutNewline, newMissing);
    }

    void keepsBytesThatAreNotUtf8()
    {
        const auto parsed = parsePatch(QByteArray(" caf\xe9\n-na\xefve\n+na\xefve \xff\xfe\n"));
        QVERIFY(parsed.ok());
        const Hunk &h = parsed->files.first().hunks.first();
        QCOMPARE(h.newSide(), (QList<QByteArray>{"caf\xe9", "na\xefve \xff\xfe"}));
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QStringLiteral("\n  \n") << int(ErrorEmptyPatch) << QStringLiteral("the patch is empty");
        QTest::newRow("binary") << QStringLiteral("diff --git a/x.png b/x.png\nindex 1..2 100644\nBinary files a/x.png and b/x.png differ\n")
                                << int(ErrorUnsupportedPatch) << QStringLiteral("patch line 3: binary patches are not supported");
        QTest::newRow("mode change only") << QStringLiteral("diff --git a/run.sh b/run.sh\nold mode 100644\nnew mode 100755\n")
                                          << int(ErrorUnsupportedPatch) << QStringLiteral("patch line 1: run.sh has no hunks");
        QTest::newRow("NUL byte") << QString::fromUtf8(QByteArray(" a\n+b\0c\n", 9)) << int(ErrorUnsupportedPatch)
                                  << QStringLiteral("patch line 2 holds a NUL byte: binary content");
        QTest::newRow("marker in the middle of a side")
            << QStringLiteral("@@ -1,2 +1,2 @@\n-a\n\\ No newline at end of file\n-b\n+c\n") << int(ErrorMalformedPatch)
            << QStringLiteral("patch line 3: \"\\ No newline at end of file\" follows a line that is not the last");
        QTest::newRow("starts with ...") << QStringLiteral("@@\n ...\n+x\n") << int(ErrorMalformedPatch)
                                         << QStringLiteral("patch line 2: hunk 1 starts with \"...\"");
    }
    void refuses()
    {
        QFETCH(QString, text);
        QFETCH(int, code);
        QFETCH(QString, message);
        const auto parsed = parsePatch(text);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, code);
        QVERIFY2(parsed.error().message.contains(message), qPrintable(parsed.error().message));
    }
};

QTEST_GUILESS_MAIN(TestPatchParser)
#include "test_patch_parser.moc"
