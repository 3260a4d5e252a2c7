// Intra-line changes between a removed line and the line that replaces it.
#include "git/word_diff.h"

#include <QTest>

using namespace rb::git;

namespace {
// Renders the changed ranges of `text` in brackets: "int [x] = 1;".
QString mark(const QString &text, const QList<TextRange> &ranges)
{
    QString out;
    int pos = 0;
    for (const TextRange &r : ranges) {
        out += text.mid(pos, r.start - pos) + QLatin1Char('[') + text.mid(r.start, r.length) + QLatin1Char(']');
        pos = r.start + r.length;
    }
    return out + text.mid(pos);
}
} // namespace

class TestWordDiff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void changes_data()
    {
        QTest::addColumn<QString>("oldLine");
        QTest::addColumn<QString>("newLine");
        QTest::addColumn<QString>("oldMarked");
        QTest::addColumn<QString>("newMarked");
        QTest::newRow("identical") << "int x = 1;" << "int x = 1;" << "int x = 1;" << "int x = 1;";
        QTest::newRow("one word") << "int x = 1;" << "int y = 1;" << "int [x] = 1;" << "int [y] = 1;";
        QTest::newRow("number") << "return 42;" << "return 43;" << "return [42];" << "return [43];";
        QTest::newRow("insertion") << "f(a);" << "f(a, b);" << "f(a);" << "f(a[, b]);";
        QTest::newRow("deletion") << "f(a, b);" << "f(a);" << "f(a[, b]);" << "f(a);";
        QTest::newRow("adjacent tokens merge") << "a.b.c" << "a->b->c" << "a[.]b[.]c" << "a[->]b[->]c";
        QTest::newRow("whitespace only") << "if (x)" << "if  (x)" << "if[ ](x)" << "if[  ](x)";
        QTest::newRow("from empty") << "" << "new" << "" << "[new]";
        QTest::newRow("to empty") << "old" << "" << "[old]" << "";
        QTest::newRow("everything") << "alpha" << "beta" << "[alpha]" << "[beta]";
        QTest::newRow("non-ASCII word") << "naïve café" << "naïve cafés" << "naïve [café]" << "naïve [cafés]";
        QTest::newRow("surrogate pair kept whole") << "x 😀 y" << "x 😁 y" << "x [😀] y" << "x [😁] y";
        QTest::newRow("trailing carriage return") << "a = 1\r" << "a = 2\r" << "a = [1]\r" << "a = [2]\r";
    }
    void changes()
    {
        QFETCH(QString, oldLine);
        QFETCH(QString, newLine);
        QFETCH(QString, oldMarked);
        QFETCH(QString, newMarked);
        const WordDiff d = wordDiff(oldLine, newLine);
        QCOMPARE(mark(oldLine, d.removed), oldMarked);
        QCOMPARE(mark(newLine, d.added), newMarked);
    }

    void longLinesFallBackToPrefixAndSuffix()
    {
        QString a, b;
        for (int i = 0; i < kWordDiffMaxTokens; ++i) {
            a += QStringLiteral("w%1 ").arg(i);
            b += QStringLiteral("w%1 ").arg(i == 500 ? -1 : i);
        }
        const WordDiff d = wordDiff(a, b);
        QCOMPARE(d.removed.size(), 1);
        QCOMPARE(d.added.size(), 1);
        QCOMPARE(a.mid(d.removed[0].start, d.removed[0].length), QStringLiteral("500"));
        QCOMPARE(b.mid(d.added[0].start, d.added[0].length), QStringLiteral("-1"));
    }
};

QTEST_GUILESS_MAIN(TestWordDiff)
#include "test_word_diff.moc"
