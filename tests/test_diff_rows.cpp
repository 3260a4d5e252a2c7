// The diff view's rows: gaps, hunk headers, intra-line changes and side-by-side pairing.
#include "diff/diff_rows.h"

#include <QTest>

using namespace rb;
using namespace rb::ui;
using git::LineKind;

namespace {
// Builds a one-hunk-per-call FilePatch from " "/"-"/"+" prefixed lines.
void addHunk(git::FilePatch &patch, int oldStart, int newStart, const QStringList &lines)
{
    git::Hunk hunk;
    hunk.oldStart = oldStart;
    hunk.newStart = newStart;
    int oldLine = oldStart, newLine = newStart;
    for (const QString &l : lines) {
        git::DiffLine d;
        d.kind = l.startsWith(QLatin1Char('+')) ? LineKind::Added : l.startsWith(QLatin1Char('-')) ? LineKind::Removed
                                                                                                      : LineKind::Context;
        const QByteArray text = l.mid(1).toUtf8();
        d.offset = int(patch.text.size());
        d.length = int(text.size());
        patch.text += text + '\n';
        d.oldLine = d.kind == LineKind::Added ? 0 : oldLine++;
        d.newLine = d.kind == LineKind::Removed ? 0 : newLine++;
        hunk.oldCount += d.kind != LineKind::Added;
        hunk.newCount += d.kind != LineKind::Removed;
        hunk.lines << d;
    }
    hunk.header = QStringLiteral("@@ -%1,%2 +%3,%4 @@").arg(oldStart).arg(hunk.oldCount).arg(newStart).arg(hunk.newCount);
    patch.hunks << hunk;
}

QStringList numbered(int n)
{
    QStringList l;
    for (int i = 1; i <= n; ++i)
        l << QStringLiteral("line %1").arg(i);
    return l;
}
} // namespace

class TestDiffRows : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void gapsCollapseAndExpand()
    {
        git::FilePatch patch;
        // new file: 20 lines; one hunk replacing line 10.
        addHunk(patch, 9, 9, {QStringLiteral(" line 9"), QStringLiteral("-old 10"), QStringLiteral("+line 10"), QStringLiteral(" line 11")});
        DiffRowsInput in;
        in.patch = &patch;
        in.newLines = numbered(20);
        in.newLineCount = 20;
        QList<UnifiedRow> rows = unifiedRows(in);
        QCOMPARE(rows.size(), 1 + 1 + 4 + 1); // gap, header, 4 lines, gap
        QCOMPARE(rows[0].kind, RowKind::Gap);
        QCOMPARE(rows[0].hiddenLines, 8);
        QCOMPARE(rows.last().hiddenLines, 9);

        in.expandedGaps = {0, 1};
        rows = unifiedRows(in);
        QCOMPARE(rows.size(), 8 + 1 + 4 + 9);
        QCOMPARE(rows[0].oldLine, 1);
        QCOMPARE(rows[0].newLine, 1);
        QCOMPARE(rows.last().newLine, 20);
        QCOMPARE(rows.last().oldLine, 20);
        QCOMPARE(rows.last().text, QStringLiteral("line 20"));
    }

    // Lines added before the gap shift the old numbering of the unchanged lines after it.
    void oldNumbersFollowAddedLines()
    {
        git::FilePatch patch;
        addHunk(patch, 2, 2, {QStringLiteral(" line 2"), QStringLiteral("+new a"), QStringLiteral("+new b"), QStringLiteral(" line 3")});
        DiffRowsInput in;
        in.patch = &patch;
        in.newLines = numbered(10);
        in.newLineCount = 10;
        in.expandedGaps = {1};
        const QList<UnifiedRow> rows = unifiedRows(in);
        QCOMPARE(rows.last().newLine, 10);
        QCOMPARE(rows.last().oldLine, 8);
    }

    void pureAdditionHunkNumbering()
    {
        git::FilePatch patch;
        // git writes "@@ -3,0 +4,2 @@" for two lines added after old line 3.
        git::Hunk hunk;
        hunk.oldStart = 3;
        hunk.oldCount = 0;
        hunk.newStart = 4;
        hunk.newCount = 2;
        for (int i = 0; i < 2; ++i) {
            git::DiffLine d;
            d.kind = LineKind::Added;
            d.newLine = 4 + i;
            d.offset = int(patch.text.size());
            patch.text += "added\n";
            d.length = 5;
            hunk.lines << d;
        }
        patch.hunks << hunk;
        DiffRowsInput in;
        in.patch = &patch;
        in.newLines = numbered(7);
        in.newLineCount = 7;
        in.expandedGaps = {0, 1};
        const QList<UnifiedRow> rows = unifiedRows(in);
        QCOMPARE(rows[2].newLine, 3);
        QCOMPARE(rows[2].oldLine, 3);
        QCOMPARE(rows.last().newLine, 7);
        QCOMPARE(rows.last().oldLine, 5);
    }

    void wordChangesArePaired()
    {
        git::FilePatch patch;
        addHunk(patch, 1, 1, {QStringLiteral("-    return total + fee;"), QStringLiteral("+    return total - discount;")});
        DiffRowsInput in;
        in.patch = &patch;
        const QList<UnifiedRow> rows = unifiedRows(in);
        QCOMPARE(rows.size(), 3);
        QVERIFY(!rows[1].changes.isEmpty());
        QVERIFY(!rows[2].changes.isEmpty());
        const auto &r = rows[1].changes.first();
        QCOMPARE(rows[1].text.mid(r.start, r.length), QStringLiteral("+"));
        QCOMPARE(rows[1].changes.size(), 2);
        const auto &a = rows[2].changes.last();
        QCOMPARE(rows[2].text.mid(a.start, a.length), QStringLiteral("discount"));
    }

    void sideBySideHasFillersAndEqualRows()
    {
        git::FilePatch patch;
        addHunk(patch, 1, 1, {QStringLiteral(" a"), QStringLiteral("-b"), QStringLiteral("-c"), QStringLiteral("-d"),
                              QStringLiteral("+B"), QStringLiteral(" e"), QStringLiteral("+f")});
        DiffRowsInput in;
        in.patch = &patch;
        const QList<SideBySideRow> rows = sideBySideRows(unifiedRows(in));
        QCOMPARE(rows.size(), 1 + 1 + 3 + 1 + 1);
        QCOMPARE(rows[2].left.text, QStringLiteral("b"));
        QCOMPARE(rows[2].right.text, QStringLiteral("B"));
        QVERIFY(rows[3].left.present() && !rows[3].right.present());
        QVERIFY(rows[4].left.present() && !rows[4].right.present());
        QCOMPARE(rows[5].left.line, 5);
        QCOMPARE(rows[5].right.line, 3);
        QVERIFY(!rows[6].left.present() && rows[6].right.text == QStringLiteral("f"));
    }

    void splitLinesHandlesCrlfAndFinalNewline()
    {
        QCOMPARE(splitLines("a\r\nb\nc"), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(splitLines("a\n"), QStringList{QStringLiteral("a")});
        QCOMPARE(splitLines("\n\n"), (QStringList{QString(), QString()}));
        QCOMPARE(splitLines(""), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestDiffRows)
#include "test_diff_rows.moc"
