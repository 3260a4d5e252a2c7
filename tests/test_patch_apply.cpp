// Applying fixes to text files: every strategy, every fragment style agents write, and the
// refusals (not found, ambiguous, already applied, partial), all or nothing per fix.
#include "patch/fix_applier.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace rb;
using namespace rb::patch;

namespace {
QByteArray readData(const char *name)
{
    QFile f(QStringLiteral(RB_TEST_DATA_DIR "/patch/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("missing test data");
}

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
} // namespace

class TestPatchApply : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appliesToText_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QString>("patch");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("after"); // for refusals and already-applied: unchanged
        QTest::addColumn<QStringList>("report");
        const int applied = int(FixStatus::Applied);
        const int already = int(FixStatus::AlreadyApplied);
        const int refused = int(FixStatus::Refused);

        // Strategies
        QTest::newRow("fragment located by its context") << kLetters << QStringLiteral(" b\n-c\n+C\n d\n") << applied
                                                          << QByteArray("a\nb\nC\nd\ne\nf\n")
                                                          << QStringList{QStringLiteral("hunk 1: line 2, located by its context")};
        QTest::newRow("unified diff moved by 3 lines")
            << QByteArray("x\ny\nz\n") + kLetters << QStringLiteral("--- a/f.txt\n+++ b/f.txt\n@@ -2,3 +2,3 @@\n b\n-c\n+C\n d\n") << applied
            << QByteArray("x\ny\nz\na\nb\nC\nd\ne\nf\n") << QStringList{QStringLiteral("hunk 1: line 5, moved by 3 lines")};
        QTest::newRow("numbered hunk moved up") << QByteArray("b\nc\nd\n") << QStringLiteral("@@ -4,2 +4,2 @@\n-c\n+C\n d\n") << applied
                                               << QByteArray("b\nC\nd\n") << QStringList{QStringLiteral("hunk 1: line 2, moved by -2 lines")};
        QTest::newRow("whitespace-insensitive, tabs turned into spaces")
            << QByteArray("if x {\n\tone()\n\tif y {\n\t\ttwo()\n\t}\n}\n")
            << QStringLiteral(" if x {\n     one()\n-    if y {\n-        two()\n-    }\n+    if y && z {\n+        three()\n+    }\n }\n")
            << applied << QByteArray("if x {\n\tone()\n\tif y && z {\n\t\tthree()\n\t}\n}\n")
            << QStringList{QStringLiteral("hunk 1: line 1, whitespace-insensitive")};
        QTest::newRow("whitespace-insensitive into a 2-space file")
            << QByteArray("def f():\n  if a:\n    g()\n  return 1\n")
            << QStringLiteral(" def f():\n \tif a:\n-\t\tg()\n+\t\th()\n+\t\tif b:\n+\t\t\tk()\n \treturn 1\n") << applied
            << QByteArray("def f():\n  if a:\n    h()\n    if b:\n      k()\n  return 1\n")
            << QStringList{QStringLiteral("whitespace-insensitive")};
        QTest::newRow("tab + 4 spaces fragment (style of real fixes)")
            << readData("cache.go") << QString::fromUtf8(readData("mixed-indent.diff")) << applied << readData("cache.mixed-indent.expected")
            << QStringList{QStringLiteral("hunk 1: line 8, whitespace-insensitive")};
        QTest::newRow("spaces, outer level shifted to column 0")
            << readData("cache.go") << QString::fromUtf8(readData("shifted-spaces.diff")) << applied
            << readData("cache.shifted-spaces.expected") << QStringList{QStringLiteral("hunk 1: line 17, whitespace-insensitive")};

        QTest::newRow("outer level at column 0, inner lines with a tab")
            << QByteArray("func Refresh(p string) error {\n\tv, err := load(p)\n\tif err != nil {\n\t\tlog.Printf(\"refresh: %v\", err)\n\t}\n"
                          "\tcurrent.Store(v)\n\treturn nil\n}\n")
            << QStringLiteral(" v, err := load(p)\n if err != nil {\n \tlog.Printf(\"refresh: %v\", err)\n+\treturn err\n }\n current.Store(v)\n")
            << applied
            << QByteArray("func Refresh(p string) error {\n\tv, err := load(p)\n\tif err != nil {\n\t\tlog.Printf(\"refresh: %v\", err)\n"
                          "\t\treturn err\n\t}\n\tcurrent.Store(v)\n\treturn nil\n}\n")
            << QStringList{QStringLiteral("hunk 1: line 2, whitespace-insensitive")};

        QTest::newRow("added lines typed with spaces into a tab-indented file")
            << QByteArray("func f() {\n\ta()\n\tif x {\n\t\tb()\n\t}\n}\n") << QStringLiteral(" \ta()\n+    c()\n \tif x {\n+        d()\n \t\tb()\n")
            << applied << QByteArray("func f() {\n\ta()\n\tc()\n\tif x {\n\t\td()\n\t\tb()\n\t}\n}\n")
            << QStringList{QStringLiteral("hunk 1: line 2, located by its context")};
        QTest::newRow("added line with a tab into a space-indented file")
            << QByteArray("def f():\n    a()\n    b()\n") << QStringLiteral("     a()\n+\tc()\n     b()\n") << applied
            << QByteArray("def f():\n    a()\n    c()\n    b()\n") << QStringList{};
        QTest::newRow("alignment after a tab is kept") << QByteArray("\tcall(a,\n\t     b)\n") << QStringLiteral(" \tcall(a,\n+\t     c,\n \t     b)\n")
                                                      << applied << QByteArray("\tcall(a,\n\t     c,\n\t     b)\n") << QStringList{};

        // Fragment styles
        QTest::newRow("blank context line without its space") << QByteArray("a\n\nb\nc\n") << QStringLiteral(" a\n\n b\n-c\n+C\n")
                                                               << applied << QByteArray("a\n\nb\nC\n") << QStringList{};
        QTest::newRow("lone + adds a blank line, lone space is blank context")
            << QByteArray("a\n\nb\n") << QStringLiteral(" a\n \n+\n+x\n b\n") << applied << QByteArray("a\n\n\nx\nb\n") << QStringList{};
        QTest::newRow("lines without prefix are context") << kLetters << QStringLiteral("b\n-c\n+C\nd\n") << applied
                                                          << QByteArray("a\nb\nC\nd\ne\nf\n") << QStringList{};
        QTest::newRow("... stands for omitted code")
            << QByteArray("f() {\n\told()\n\tx1\n\tx2\n\tbye()\n}\n") << QStringLiteral(" f() {\n-\told()\n+\tnew()\n ...\n-\tbye()\n+\tbye2()\n }\n")
            << applied << QByteArray("f() {\n\tnew()\n\tx1\n\tx2\n\tbye2()\n}\n")
            << QStringList{QStringLiteral("hunk 1 (part 1): line 1"), QStringLiteral("hunk 1 (part 2): line 5")};
        QTest::newRow("@@ lines without numbers separate hunks") << kLetters << QStringLiteral("@@\n a\n-b\n+B\n@@ ... @@\n e\n+E\n f\n")
                                                                 << applied << QByteArray("a\nB\nc\nd\ne\nE\nf\n")
                                                                 << QStringList{QStringLiteral("hunk 1: line 1"), QStringLiteral("hunk 2: line 5")};
        QTest::newRow("markdown fence around the fragment") << kLetters << QStringLiteral("```diff\n e\n-f\n+F\n```\n") << applied
                                                            << QByteArray("a\nb\nc\nd\ne\nF\n") << QStringList{};
        QTest::newRow("plain replacement code")
            << QByteArray("x := 1\nfunc f() int {\n\ty := 2\n\treturn y\n}\nfunc g() {}\n")
            << QStringLiteral("func f() int {\n    y := 3\n    return y + 1\n}\n") << applied
            << QByteArray("x := 1\nfunc f() int {\n\ty := 3\n\treturn y + 1\n}\nfunc g() {}\n")
            << QStringList{QStringLiteral("replacement code: line 2, replaces lines 2-5, the region its first and last lines bound")};

        // Line endings
        QTest::newRow("CRLF file, LF fragment") << QByteArray("a\r\nb\r\nc\r\n") << QStringLiteral(" a\n-b\n+B\n+B2\n c\n") << applied
                                                << QByteArray("a\r\nB\r\nB2\r\nc\r\n") << QStringList{};
        QTest::newRow("CRLF file, CRLF fragment") << QByteArray("a\r\nb\r\nc\r\n") << QStringLiteral(" a\r\n-b\r\n+B\r\n") << applied
                                                  << QByteArray("a\r\nB\r\nc\r\n") << QStringList{};
        QTest::newRow("no newline at end of file stays so") << QByteArray("a\nb") << QStringLiteral(" a\n-b\n+B\n+C\n") << applied
                                                            << QByteArray("a\nB\nC") << QStringList{};
        QTest::newRow("fix adds the final newline")
            << QByteArray("a\nb") << QStringLiteral("@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n") << applied
            << QByteArray("a\nb\n") << QStringList{QStringLiteral("hunk 1: line 1")};
        QTest::newRow("fix removes the final newline")
            << QByteArray("a\nb\n") << QStringLiteral("@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n") << applied
            << QByteArray("a\nb") << QStringList{};
        QTest::newRow("both sides without final newline")
            << QByteArray("a\nb") << QStringLiteral(" a\n-b\n\\ No newline at end of file\n+B\n+C\n\\ No newline at end of file\n") << applied
            << QByteArray("a\nB\nC") << QStringList{};
        QTest::newRow("final newline already added") << QByteArray("a\nb\n")
                                                     << QStringLiteral(" a\n-b\n\\ No newline at end of file\n+b\n") << already
                                                     << QByteArray("a\nb\n") << QStringList{QStringLiteral("already applied at line 1")};
        QTest::newRow("final newline already removed") << QByteArray("a\nB")
                                                       << QStringLiteral(" a\n-b\n+B\n\\ No newline at end of file\n") << already
                                                       << QByteArray("a\nB") << QStringList{QStringLiteral("already applied")};
        QTest::newRow("the marker places the hunk at the end") << QByteArray("a\nb\nz\na\nb")
                                                               << QStringLiteral(" a\n-b\n\\ No newline at end of file\n+B\n") << applied
                                                               << QByteArray("a\nb\nz\na\nB\n") << QStringList{QStringLiteral("hunk 1: line 4")};
        QTest::newRow("marked hunk that is not at the end") << kLetters
                                                            << QStringLiteral(" a\n-b\n\\ No newline at end of file\n+B\n") << refused
                                                            << kLetters
                                                            << QStringList{QStringLiteral("it says its last line ends the file "
                                                                                          "(\"\\ No newline at end of file\"), but it "
                                                                                          "matches at line 1 and the file has 6 lines")};
        QTest::newRow("non-UTF-8 bytes elsewhere are kept") << QByteArray("caf\xe9\nb\nc\n") << QStringLiteral(" b\n-c\n+C\n") << applied
                                                            << QByteArray("caf\xe9\nb\nC\n") << QStringList{};

        // Already applied
        QTest::newRow("already applied") << QByteArray("a\nb\nC\nd\n") << QStringLiteral(" b\n-c\n+C\n d\n") << already
                                         << QByteArray("a\nb\nC\nd\n") << QStringList{QStringLiteral("hunk 1: already applied at line 2")};
        QTest::newRow("pure addition already applied") << QByteArray("a\nb\nnew\nc\n") << QStringLiteral(" b\n+new\n c\n") << already
                                                       << QByteArray("a\nb\nnew\nc\n") << QStringList{QStringLiteral("already applied at line 2")};
        QTest::newRow("already applied with other whitespace")
            << readData("cache.shifted-spaces.expected") << QString::fromUtf8(readData("shifted-spaces.diff")) << already
            << readData("cache.shifted-spaces.expected") << QStringList{QStringLiteral("hunk 1: already applied at line 17")};
        QTest::newRow("replacement code already present") << QByteArray("f() {\n\treturn 3\n}\n") << QStringLiteral("f() {\n  return 3\n}\n")
                                                           << already << QByteArray("f() {\n\treturn 3\n}\n") << QStringList{};

        // Refusals
        QTest::newRow("ambiguous: matches twice") << QByteArray("x\ny\nz\nx\ny\n") << QStringLiteral(" x\n-y\n+Y\n") << refused
                                                  << QByteArray("x\ny\nz\nx\ny\n")
                                                  << QStringList{QStringLiteral("hunk 1: ambiguous, its 2 lines match at lines 1 and 4")};
        QTest::newRow("ambiguous only when whitespace is ignored") << QByteArray("\tx\n\ty\n  x\n  y\n") << QStringLiteral(" x\n-y\n+Y\n")
                                                                   << refused << QByteArray("\tx\n\ty\n  x\n  y\n")
                                                                   << QStringList{QStringLiteral("lines 1 and 3")};
        QTest::newRow("not found: names lines and the closest place")
            << kLetters << QStringLiteral(" b\n-c2\n+C\n d\n") << refused << kLetters
            << QStringList{QStringLiteral("hunk 1: not found; it looked for these 3 lines:"), QStringLiteral("    | c2"),
                           QStringLiteral("closest place: line 2 (2 of 3 lines agree); line 3 is \"c\" where it expects \"c2\"")};
        QTest::newRow("not found: no line of it in the file") << kLetters << QStringLiteral(" p\n-q\n+Q\n") << refused << kLetters
                                                              << QStringList{QStringLiteral("refused: f.txt: hunk 1: not found; none of its 2 lines is in the file"),
                                                                             QStringLiteral("  no line of it is in the file")};
        QTest::newRow("hunk 2 fails: hunk 1 is not written either")
            << kLetters << QStringLiteral("@@\n a\n-b\n+B\n@@\n e\n-zzz\n+F\n") << refused << kLetters
            << QStringList{QStringLiteral("hunk 1: line 1, located by its context"), QStringLiteral("hunk 2: not found")};
        QTest::newRow("partly applied is refused") << QByteArray("a\nB\nc\nd\ne\nf\n") << QStringLiteral("@@\n a\n-b\n+B\n@@\n e\n-f\n+F\n")
                                                   << refused << QByteArray("a\nB\nc\nd\ne\nf\n")
                                                   << QStringList{QStringLiteral("part of this fix is already in the file (1 of 2 hunks)")};
        QTest::newRow("overlapping hunks") << kLetters << QStringLiteral("@@\n b\n-c\n+C\n@@\n c\n-d\n+D\n") << refused << kLetters
                                           << QStringList{QStringLiteral("overlap")};
        QTest::newRow("only added lines: nothing to locate by") << kLetters << QStringLiteral("+x\n+y\n") << refused << kLetters
                                                                << QStringList{QStringLiteral("no context or removed lines to locate it by")};
        QTest::newRow("one line of plain code") << kLetters << QStringLiteral("return nil\n") << refused << kLetters
                                                << QStringList{QStringLiteral("nothing says which line it replaces")};
        QTest::newRow("plain code over a region changed since the review")
            << QByteArray("x := 1\nfunc f() int {\n\ty := 2\n\tif y > 1 {\n\t\treturn 0\n\t}\n\treturn y\n}\n")
            << QStringLiteral("func f() int {\n    y := 3\n    return y + 1\n}\n") << refused
            << QByteArray("x := 1\nfunc f() int {\n\ty := 2\n\tif y > 1 {\n\t\treturn 0\n\t}\n\treturn y\n}\n")
            << QStringList{QStringLiteral("replacement code: line 4 (\"if y > 1 {\") is neither kept nor edited by the code, so the "
                                          "region (lines 2-8) is not the code the agent quoted; it may have changed since the review")};
        QTest::newRow("plain code that drops a line nobody quoted")
            << QByteArray("f() {\n\tdebug(x)\n\trun(x)\n}\n") << QStringLiteral("f() {\n\trun(x)\n}\n") << refused
            << QByteArray("f() {\n\tdebug(x)\n\trun(x)\n}\n") << QStringList{QStringLiteral("line 2 (\"debug(x)\") is neither kept nor edited")};
        QTest::newRow("plain code whose first line is not in the file")
            << kLetters << QStringLiteral("func h() {\n\treturn\n}\n") << refused << kLetters
            << QStringList{QStringLiteral("its first line \"func h() {\" is not in the file")};
        QTest::newRow("plain code whose first line occurs twice")
            << QByteArray("if x {\n}\nif x {\n}\n") << QStringLiteral("if x {\n\ty()\n}\n") << refused << QByteArray("if x {\n}\nif x {\n}\n")
            << QStringList{QStringLiteral("lines 1 and 3")};
        QTest::newRow("parts around ... out of order") << QByteArray("p\nq\nr\ns\n") << QStringLiteral(" r\n-s\n+S\n ...\n p\n-q\n+Q\n")
                                                       << refused << QByteArray("p\nq\nr\ns\n") << QStringList{QStringLiteral("out of order")};
    }
    void appliesToText()
    {
        QFETCH(QByteArray, before);
        QFETCH(QString, patch);
        QFETCH(int, status);
        QFETCH(QByteArray, after);
        QFETCH(QStringList, report);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("f.txt"));
        QVERIFY(writeFile(file, before));

        const FixResult checked = checkFix(dir.path(), patch, QStringLiteral("f.txt"));
        QCOMPARE(int(checked.status), status);
        QVERIFY(!checked.written);
        QCOMPARE(readFile(file), before); // checking never writes

        const FixResult result = applyFix(dir.path(), patch, QStringLiteral("f.txt"));
        const QString described = result.describe();
        QVERIFY2(int(result.status) == status, qPrintable(described));
        QCOMPARE(result.written, status == int(FixStatus::Applied));
        QCOMPARE(readFile(file), status == int(FixStatus::Applied) ? after : before);
        for (const QString &part : report)
            QVERIFY2(described.contains(part), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(part, described)));
    }

    // Bytes that are not UTF-8, and files that are not.
    void keepsBytes_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<QString>("report");
        const int applied = int(FixStatus::Applied);
        const int refused = int(FixStatus::Refused);
        QTest::newRow("non-UTF-8 bytes in added lines survive")
            << QByteArray("a\nb\n") << QByteArray(" a\n-b\n+caf\xe9 \xff\xfe\n") << applied << QByteArray("a\ncaf\xe9 \xff\xfe\n") << QString();
        QTest::newRow("Latin-1 file, Latin-1 patch") << QByteArray("caf\xe9\nb\n") << QByteArray(" caf\xe9\n-b\n+cr\xe8me\n") << applied
                                                     << QByteArray("caf\xe9\ncr\xe8me\n") << QStringLiteral("hunk 1: line 1, located");
        QTest::newRow("Latin-1 file, UTF-8 fix from a review file")
            << QByteArray("caf\xe9\nb\n") << QByteArray(" caf\xc3\xa9\n-b\n+cr\xc3\xa8me\n") << applied << QByteArray("caf\xe9\ncr\xe8me\n")
            << QStringLiteral("f.txt is not UTF-8: the fix's text was matched and written as Latin-1");
        QTest::newRow("UTF-8 file, UTF-8 fix: bytes as written")
            << QByteArray("caf\xc3\xa9\nb\n") << QByteArray(" caf\xc3\xa9\n-b\n+cr\xc3\xa8me\n") << applied
            << QByteArray("caf\xc3\xa9\ncr\xc3\xa8me\n") << QString();
        QTest::newRow("Latin-1 file, fix with a character beyond Latin-1")
            << QByteArray("caf\xe9\nb\n") << QByteArray(" caf\xc3\xa9\n-b\n+\xe2\x82\xac 5\n") << refused << QByteArray("caf\xe9\nb\n")
            << QStringLiteral("hunk 1: not found");
        QTest::newRow("not found: the message shows the Latin-1 line")
            << QByteArray("na\xefve\nb\n") << QByteArray(" na\xefve\n-c\n+d\n") << refused << QByteArray("na\xefve\nb\n")
            << QStringLiteral("| na\u00efve");
    }
    void keepsBytes()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, patch);
        QFETCH(int, status);
        QFETCH(QByteArray, after);
        QFETCH(QString, report);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("f.txt"));
        QVERIFY(writeFile(file, before));
        const FixResult result = applyFix(dir.path(), FixRequest{patch, QStringLiteral("f.txt"), {}});
        QVERIFY2(int(result.status) == status, qPrintable(result.describe()));
        QCOMPARE(readFile(file), after);
        QVERIFY2(result.describe().contains(report), qPrintable(result.describe()));
        if (result.written) {
            const RevertResult reverted = revertFix(dir.path(), result.records());
            QVERIFY2(reverted.reverted, qPrintable(reverted.message));
            QCOMPARE(readFile(file), before);
        }
    }

    // Plain replacement code and the finding's excerpt: the region must still be the code
    // the finding quotes.
    void replacementChecksTheQuotedCode_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("excerpt");
        QTest::addColumn<bool>("applies");
        QTest::addColumn<QString>("report");
        const QByteArray f = "func f() int {\n\ty := 2\n\treturn y\n}\n";
        const QString rewrite = QStringLiteral("func f() int {\n\ty := 3\n\treturn y + 1\n}\n");
        QTest::newRow("the quoted code is still there") << f << rewrite << QStringLiteral("\ty := 2\n\treturn y") << true
                                                        << QStringLiteral("replaces lines 1-4");
        QTest::newRow("a quoted line changed since the review")
            << QByteArray("func f() int {\n\ty := 2 + 1\n\treturn y\n}\n") << rewrite << QStringLiteral("y := 2\nreturn y") << false
            << QStringLiteral("the code the finding quotes has changed since the review: its line \"y := 2\" is no longer in the file; "
                              "replacing lines 1-4 could overwrite that change");
        QTest::newRow("a dropped line the finding quotes") << QByteArray("f() {\n\tdebug(x)\n\trun(x)\n}\n") << QStringLiteral("f() {\n\trun(x)\n}\n")
                                                           << QStringLiteral("\tdebug(x)\n\trun(x)") << true << QStringLiteral("replaces lines 1-4");
        QTest::newRow("an excerpt about other code is no evidence")
            << QByteArray("f() {\n\tdebug(x)\n\trun(x)\n}\n") << QStringLiteral("f() {\n\trun(x)\n}\n") << QStringLiteral("caller(y)")
            << false << QStringLiteral("line 2 (\"debug(x)\") is neither kept nor edited by the code, so");
        QTest::newRow("a line neither kept nor quoted") << QByteArray("func f() int {\n\ty := 2\n\tlog(y)\n\treturn y\n}\n") << rewrite
                                                        << QStringLiteral("y := 2\n...\nreturn y") << false
                                                        << QStringLiteral("line 3 (\"log(y)\") is neither kept nor edited by the code nor "
                                                                          "quoted by the finding");
    }
    void replacementChecksTheQuotedCode()
    {
        QFETCH(QByteArray, before);
        QFETCH(QString, code);
        QFETCH(QString, excerpt);
        QFETCH(bool, applies);
        QFETCH(QString, report);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("f.go"));
        QVERIFY(writeFile(file, before));
        const FixResult checked = checkFix(dir.path(), FixRequest{code.toUtf8(), QStringLiteral("f.go"), excerpt});
        QCOMPARE(checked.status == FixStatus::Applied, applies);
        QVERIFY2(checked.describe().contains(report), qPrintable(checked.describe()));
        QCOMPARE(readFile(file), before);
    }

    void fragmentWithoutPathIsRefused()
    {
        QTemporaryDir dir;
        const FixResult r = applyFix(dir.path(), QStringLiteral(" a\n-b\n+B\n"));
        QCOMPARE(int(r.status), int(FixStatus::Refused));
        QVERIFY2(r.message.contains(QLatin1String("the diff fragment names no file")), qPrintable(r.message));
    }

    void missingFileIsRefused()
    {
        QTemporaryDir dir;
        const FixResult r = applyFix(dir.path(), QStringLiteral(" a\n-b\n+B\n"), QStringLiteral("src/nothing.c"));
        QCOMPARE(int(r.status), int(FixStatus::Refused));
        QVERIFY2(r.message.contains(QLatin1String("src/nothing.c: no such file in the working tree")), qPrintable(r.message));
    }

    void createsANewFile()
    {
        QTemporaryDir dir;
        const QString patch = QStringLiteral("--- /dev/null\n+++ b/docs/new.md\n@@ -0,0 +1,2 @@\n+# New\n+text\n");
        const FixResult r = applyFix(dir.path(), patch);
        QVERIFY2(r.status == FixStatus::Applied, qPrintable(r.describe()));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("docs/new.md"))), QByteArray("# New\ntext\n"));
        QVERIFY(r.files.first().created);
        const FixResult again = applyFix(dir.path(), patch);
        QVERIFY2(again.status == FixStatus::AlreadyApplied, qPrintable(again.describe()));
    }

    void refusesRenamesAndDeletions_data()
    {
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("reason");
        QTest::newRow("deletion") << QStringLiteral("diff --git a/f.txt b/f.txt\ndeleted file mode 100644\n--- a/f.txt\n+++ /dev/null\n"
                                                    "@@ -1,2 +0,0 @@\n-a\n-b\n")
                                  << QStringLiteral("f.txt: deleting files is not supported");
        QTest::newRow("rename") << QStringLiteral("diff --git a/f.txt b/g.txt\nsimilarity index 90%\nrename from f.txt\nrename to g.txt\n"
                                                  "--- a/f.txt\n+++ b/g.txt\n@@ -1,2 +1,2 @@\n a\n-b\n+B\n")
                                << QStringLiteral("g.txt: renaming files (from f.txt) is not supported");
    }
    void refusesRenamesAndDeletions()
    {
        QFETCH(QString, patch);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("f.txt")), "a\nb\n"));
        const FixResult r = applyFix(dir.path(), patch);
        QCOMPARE(int(r.status), int(FixStatus::Refused));
        QVERIFY2(r.message.contains(reason), qPrintable(r.message));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("f.txt"))), QByteArray("a\nb\n"));
    }

    void keepsTheFilePermissions()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("run.sh"));
        QVERIFY(writeFile(file, "#!/bin/sh\necho a\n"));
        const auto mode = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                        | QFileDevice::ExeGroup;
        QVERIFY(QFile::setPermissions(file, mode));
        const FixResult r = applyFix(dir.path(), QStringLiteral("-echo a\n+echo b\n"), QStringLiteral("run.sh"));
        QVERIFY2(r.written, qPrintable(r.describe()));
        QCOMPARE(readFile(file), QByteArray("#!/bin/sh\necho b\n"));
        QCOMPARE(QFile::permissions(file) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser), mode);
    }

    void multiFileSuccess()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("one.txt")), kLetters));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("sub/two.txt")), QByteArray("1\n2\n3\n")));
        const FixResult r = applyFix(dir.path(), QStringLiteral("--- a/one.txt\n+++ b/one.txt\n@@ -1,2 +1,2 @@\n a\n-b\n+B\n"
                                                                "--- a/sub/two.txt\n+++ b/sub/two.txt\n@@ -2,2 +2,2 @@\n-2\n+II\n 3\n"));
        QVERIFY2(r.status == FixStatus::Applied, qPrintable(r.describe()));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("one.txt"))), QByteArray("a\nB\nc\nd\ne\nf\n"));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("sub/two.txt"))), QByteArray("1\nII\n3\n"));
        QCOMPARE(r.records().size(), 2);
        QCOMPARE(r.records().at(1).path, QStringLiteral("sub/two.txt"));
    }

    void failureInFileTwoLeavesFileOneUntouched()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("one.txt")), kLetters));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("two.txt")), QByteArray("1\n2\n3\n")));
        const FixResult r = applyFix(dir.path(), QStringLiteral("--- a/one.txt\n+++ b/one.txt\n@@ -1,2 +1,2 @@\n a\n-b\n+B\n"
                                                                "--- a/two.txt\n+++ b/two.txt\n@@ -2,2 +2,2 @@\n-7\n+VII\n 3\n"));
        QCOMPARE(int(r.status), int(FixStatus::Refused));
        QVERIFY2(r.message.contains(QLatin1String("refused: two.txt: hunk 2: not found; closest place line 2 (1 of 2 lines agree); "
                                                  "nothing was written")),
                 qPrintable(r.message));
        QVERIFY(r.message.contains(QLatin1String("nothing was written")));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("one.txt"))), kLetters);
        QCOMPARE(readFile(dir.filePath(QStringLiteral("two.txt"))), QByteArray("1\n2\n3\n"));
    }
};

QTEST_GUILESS_MAIN(TestPatchApply)
#include "test_patch_apply.moc"
