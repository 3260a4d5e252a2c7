// Find in the diff: matches in a line (case, whole word, no overlaps), in unified and
// side-by-side rows (an unchanged line counts once, hidden lines of collapsed gaps are found),
// stepping between matches and finding the same match again after the rows change.
#include "search/diff_find.h"

#include <QTest>

using namespace rb;
using namespace rb::ui;
using git::LineKind;

namespace {
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
    hunk.header = QStringLiteral("@@ -%1,%2 +%3,%4 @@ size").arg(oldStart).arg(hunk.oldCount).arg(newStart).arg(hunk.newCount);
    patch.hunks << hunk;
}

// New file: 12 lines "n = i"; line 3 holds "size" (hidden in the first gap), the hunk
// changes line 6 ("size = 1" -> "size = 2") with lines 5 and 7 around it.
struct Fixture {
    git::FilePatch patch;
    QStringList newLines;
    Fixture()
    {
        for (int i = 1; i <= 12; ++i)
            newLines << QStringLiteral("n = %1").arg(i);
        newLines[2] = QStringLiteral("resize(size)");
        newLines[5] = QStringLiteral("size = 2");
        addHunk(patch, 5, 5, {QStringLiteral(" n = 5"), QStringLiteral("-size = 1"), QStringLiteral("+size = 2"), QStringLiteral(" n = 7")});
    }
    QList<UnifiedRow> rows(QSet<int> expanded = {}) const
    {
        DiffRowsInput in;
        in.patch = &patch;
        in.newLines = newLines;
        in.newLineCount = int(newLines.size());
        in.expandedGaps = expanded;
        return unifiedRows(in);
    }
};

QString starts(const QList<LineMatch> &ms)
{
    QStringList out;
    for (const LineMatch &m : ms)
        out << QStringLiteral("%1+%2").arg(m.start).arg(m.length);
    return out.join(QLatin1Char(' '));
}
} // namespace

class TestDiffFind : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findInLine_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("needle");
        QTest::addColumn<bool>("caseSensitive");
        QTest::addColumn<bool>("wholeWord");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ignores case") << "Size size SIZE" << "size" << false << false << "0+4 5+4 10+4";
        QTest::newRow("case sensitive") << "Size size SIZE" << "size" << true << false << "5+4";
        QTest::newRow("inside words") << "resize(size_t)" << "size" << false << false << "2+4 7+4";
        QTest::newRow("whole word skips resize and size_t") << "resize(size_t) size" << "size" << false << true << "15+4";
        QTest::newRow("whole word at both edges") << "size" << "size" << false << true << "0+4";
        QTest::newRow("no overlaps") << "aaaa" << "aa" << false << false << "0+2 2+2";
        QTest::newRow("empty needle") << "abc" << "" << false << false << "";
        QTest::newRow("needle longer than line") << "ab" << "abc" << false << false << "";
        QTest::newRow("punctuation is a word boundary") << "a->size();" << "size" << false << true << "3+4";
    }
    void findInLine()
    {
        QFETCH(QString, line);
        QFETCH(QString, needle);
        QFETCH(bool, caseSensitive);
        QFETCH(bool, wholeWord);
        QFETCH(QString, expected);
        QCOMPARE(starts(rb::ui::findInLine(line, needle, FindOptions{caseSensitive, wholeWord})), expected);
    }

    void unifiedFindsLinesAndHiddenGapLinesButNotHeaders()
    {
        const Fixture f;
        const QList<UnifiedRow> rows = f.rows();
        // gap(1-4), header, n = 5, -size = 1, +size = 2, n = 7, gap(8-12)
        const QList<DiffMatch> ms = findInRows(rows, f.newLines, QStringLiteral("size"), {});
        QCOMPARE(ms.size(), 4);
        QCOMPARE(ms[0].row, 0); // "resize(size)", hidden in the first gap
        QVERIFY(ms[0].hidden);
        QCOMPARE(ms[0].gapId, 0);
        QCOMPARE(ms[0].line, 3);
        QCOMPARE(ms[0].start, 2);
        QCOMPARE(ms[1].line, 3);
        QCOMPARE(ms[1].start, 7);
        QCOMPARE(ms[2].side, 0); // the removed line, numbered on the old side
        QCOMPARE(ms[2].line, 6);
        QVERIFY(!ms[2].hidden);
        QCOMPARE(ms[3].side, 1);
        QCOMPARE(ms[3].line, 6);
        QCOMPARE(rows[ms[3].row].text, QStringLiteral("size = 2"));
    }

    void expandedGapMatchesAreTheSameMatchesShown()
    {
        const Fixture f;
        const QList<DiffMatch> before = findInRows(f.rows(), f.newLines, QStringLiteral("size"), {});
        const QList<DiffMatch> after = findInRows(f.rows({0}), f.newLines, QStringLiteral("size"), {});
        QCOMPARE(after.size(), before.size());
        QVERIFY(!after[0].hidden);
        QCOMPARE(sameMatch(after, before[1]), 1);
        QCOMPARE(after[1].row, 2); // line 3 is now the third row
    }

    void sideBySideCountsAnUnchangedLineOnce()
    {
        const Fixture f;
        const QList<SideBySideRow> rows = sideBySideRows(f.rows({0, 1}));
        const QList<DiffMatch> ms = findInRows(rows, f.newLines, QStringLiteral("n = 7"), {});
        QCOMPARE(ms.size(), 1);
        QCOMPARE(ms[0].side, 1);
        QCOMPARE(ms[0].line, 7);
        // The changed pair: removed on the left, added on the right, one row.
        const QList<DiffMatch> pair = findInRows(rows, f.newLines, QStringLiteral("size ="), {});
        QCOMPARE(pair.size(), 2);
        QCOMPARE(pair[0].row, pair[1].row);
        QCOMPARE(pair[0].side, 0);
        QCOMPARE(pair[1].side, 1);
    }

    void modeSwitchFindsTheSameMatch()
    {
        const Fixture f;
        const QList<DiffMatch> unified = findInRows(f.rows(), f.newLines, QStringLiteral("size"), {});
        const QList<DiffMatch> side = findInRows(sideBySideRows(f.rows()), f.newLines, QStringLiteral("size"), {});
        QCOMPARE(side.size(), unified.size());
        for (int i = 0; i < unified.size(); ++i)
            QCOMPARE(sameMatch(side, unified[i]), i);
    }

    void stepWrapsAndStartsFromTheVisibleRow()
    {
        const QList<DiffMatch> ms{{2, 1, 3, 0, 1}, {5, 1, 6, 0, 1}, {9, 1, 10, 0, 1}};
        QCOMPARE(stepMatch(ms, 0, true), 1);
        QCOMPARE(stepMatch(ms, 2, true), 0);
        QCOMPARE(stepMatch(ms, 0, false), 2);
        QCOMPARE(stepMatch(ms, -1, true, 4), 1);
        QCOMPARE(stepMatch(ms, -1, true, 10), 0); // none after: wraps to the first
        QCOMPARE(stepMatch(ms, -1, false, 4), 0);
        QCOMPARE(stepMatch(ms, -1, false, 0), 2);
        QCOMPARE(stepMatch({}, -1, true), -1);
    }
};

QTEST_GUILESS_MAIN(TestDiffFind)
#include "test_diff_find.moc"
