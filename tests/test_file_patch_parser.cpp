// The hunk and line structure parsed from one file's unified diff text.
#include "git/file_patch_parser.h"

#include <QTest>

using namespace rb::git;

namespace {
// One line per DiffLine: kind letter, old and new line numbers, '$' for "no newline at
// end", then the text: "-5 0 line five".
QStringList describe(const FilePatch &p)
{
    QStringList out;
    for (const Hunk &h : p.hunks) {
        out << QStringLiteral("@ %1,%2 %3,%4").arg(h.oldStart).arg(h.oldCount).arg(h.newStart).arg(h.newCount);
        for (const DiffLine &l : h.lines) {
            const char kind = l.kind == LineKind::Added ? '+' : l.kind == LineKind::Removed ? '-' : ' ';
            out << QStringLiteral("%1%2 %3%4 %5")
                       .arg(QLatin1Char(kind))
                       .arg(l.oldLine)
                       .arg(l.newLine)
                       .arg(l.noNewlineAtEnd ? QStringLiteral("$") : QString())
                       .arg(p.lineText(l));
        }
    }
    return out;
}
} // namespace

class TestFilePatchParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<int>("added");
        QTest::addColumn<int>("removed");
        QTest::addColumn<bool>("binary");

        QTest::newRow("one hunk") << QByteArray("diff --git a/f b/f\nindex 1111111..2222222 100644\n--- a/f\n+++ b/f\n"
                                                "@@ -1,3 +1,3 @@ fn\n a\n-b\n+B\n c\n")
                                  << QStringList{"@ 1,3 1,3", " 1 1 a", "-2 0 b", "+0 2 B", " 3 3 c"} << 1 << 1 << false;
        QTest::newRow("counts omitted") << QByteArray("--- a/f\n+++ b/f\n@@ -1 +1 @@\n-x\n+y\n")
                                        << QStringList{"@ 1,1 1,1", "-1 0 x", "+0 1 y"} << 1 << 1 << false;
        QTest::newRow("no newline at end, both sides")
            << QByteArray("@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+y\n\\ No newline at end of file\n")
            << QStringList{"@ 1,1 1,1", "-1 0$ x", "+0 1$ y"} << 1 << 1 << false;
        QTest::newRow("two hunks") << QByteArray("@@ -1,2 +1,2 @@\n-a\n+A\n b\n@@ -10,1 +10,2 @@ ctx\n j\n+k\n")
                                   << QStringList{"@ 1,2 1,2", "-1 0 a", "+0 1 A", " 2 2 b", "@ 10,1 10,2", " 10 10 j",
                                                  "+0 11 k"}
                                   << 2 << 1 << false;
        QTest::newRow("empty context line") << QByteArray("@@ -1,3 +1,3 @@\n a\n \n-c\n+C\n")
                                            << QStringList{"@ 1,3 1,3", " 1 1 a", " 2 2 ", "-3 0 c", "+0 3 C"} << 1 << 1 << false;
        QTest::newRow("new file") << QByteArray("diff --git a/n b/n\nnew file mode 100644\nindex 0000000..1111111\n"
                                                "--- /dev/null\n+++ b/n\n@@ -0,0 +1,2 @@\n+1\n+2\n")
                                  << QStringList{"@ 0,0 1,2", "+0 1 1", "+0 2 2"} << 2 << 0 << false;
        QTest::newRow("type change: two sections")
            << QByteArray("diff --git a/l b/l\ndeleted file mode 100644\nindex 1111111..0000000\n--- a/l\n+++ /dev/null\n"
                          "@@ -1 +0,0 @@\n-text\ndiff --git a/l b/l\nnew file mode 120000\nindex 0000000..2222222\n"
                          "--- /dev/null\n+++ b/l\n@@ -0,0 +1 @@\n+target\n\\ No newline at end of file\n")
            << QStringList{"@ 1,1 0,0", "-1 0 text", "@ 0,0 1,1", "+0 1$ target"} << 1 << 1 << false;
        QTest::newRow("binary") << QByteArray("diff --git a/b b/b\nindex 1111111..2222222 100644\nBinary files a/b and b/b differ\n")
                                << QStringList{} << 0 << 0 << true;
        QTest::newRow("mode change only") << QByteArray("diff --git a/s b/s\nold mode 100644\nnew mode 100755\n")
                                          << QStringList{} << 0 << 0 << false;
        QTest::newRow("header-like content lines")
            << QByteArray("@@ -1,2 +1,2 @@\n-@@ -1 +1 @@\n+diff --git a/x b/x\n Binary files a and b differ\n")
            << QStringList{"@ 1,2 1,2", "-1 0 @@ -1 +1 @@", "+0 1 diff --git a/x b/x", " 2 2 Binary files a and b differ"}
            << 1 << 1 << false;
    }
    void parses()
    {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, expected);
        QFETCH(int, added);
        QFETCH(int, removed);
        QFETCH(bool, binary);
        const FilePatch p = parseFilePatch(text);
        QCOMPARE(describe(p), expected);
        QCOMPARE(p.added, added);
        QCOMPARE(p.removed, removed);
        QCOMPARE(p.binary, binary);
        QCOMPARE(p.text, text);
    }

    void keepsTheHunkHeaderLine()
    {
        const FilePatch p = parseFilePatch("@@ -3,1 +3,1 @@ int main()\n-a\n+b\n");
        QCOMPARE(p.hunks.first().header, QStringLiteral("@@ -3,1 +3,1 @@ int main()"));
    }
};

QTEST_GUILESS_MAIN(TestFilePatchParser)
#include "test_file_patch_parser.moc"
