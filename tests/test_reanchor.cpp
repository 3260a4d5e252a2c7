// Re-anchoring findings by their quoted code when the lines moved since the review: pure,
// data-driven, and applied to a whole review (moved locations remember where they were
// reviewed, stale ones are marked and kept).
#include "anchor/reanchor.h"

#include <QTest>

using namespace rb;
using namespace rb::anchor;

namespace {
QList<QByteArray> lines(const QByteArray &text)
{
    QList<QByteArray> out = text.split('\n');
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

const QByteArray kFile = "def a():\n    pass\n\ndef reserve_many(items):\n    for sku in items:\n        reserve(sku)\n    return 1\n";
const QString kExcerpt = QStringLiteral("for sku in items:\n    reserve(sku)");
} // namespace

class TestReanchor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void places_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        QTest::addColumn<QString>("excerpt");
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("newStart");
        QTest::addColumn<int>("newEnd");
        QTest::addColumn<QString>("reason");
        const int unchanged = int(AnchorState::Unchanged), moved = int(AnchorState::Moved), stale = int(AnchorState::Stale),
                  unverified = int(AnchorState::Unverified);
        QTest::newRow("unchanged") << kFile << 5 << 6 << kExcerpt << unchanged << 5 << 6 << QString();
        QTest::newRow("lines added above") << "import x\nimport y\n\n" + kFile << 5 << 6 << kExcerpt << moved << 8 << 9
                                          << QStringLiteral("moved by 3 lines");
        QTest::newRow("lines removed above") << kFile.mid(kFile.indexOf("def reserve")) << 5 << 6 << kExcerpt << moved << 2 << 3
                                            << QStringLiteral("moved by -3 lines");
        QTest::newRow("reindented and blank lines inserted")
            << QByteArray("x\n\ndef reserve_many(items):\n\tfor sku in items:\n\n\t\treserve(sku)\n") << 5 << 6 << kExcerpt << moved << 4 << 6
            << QString();
        QTest::newRow("larger location still holding the excerpt") << "# header\n" + kFile << 4 << 7 << kExcerpt << unchanged << 4 << 7
                                                                   << QString();
        QTest::newRow("larger location: the least move that holds the code again")
            << "# a\n# b\n# c\n" + kFile << 5 << 8 << kExcerpt << moved << 6 << 9 << QStringLiteral("moved by 1 line");
        QTest::newRow("location at the excerpt moves with it") << "# a\n# b\n# c\n" + kFile << 5 << 6 << kExcerpt << moved << 8 << 9
                                                               << QStringLiteral("moved by 3 lines");
        QTest::newRow("nearest of two copies") << kFile + "\n# copy\n    for sku in items:\n        reserve(sku)\n" << 20 << 21 << kExcerpt
                                               << moved << 10 << 11 << QStringLiteral("moved by -10 lines");
        QTest::newRow("omitted code: the longest part is searched")
            << "\n\n" + kFile << 5 << 6 << QStringLiteral("def reserve_many(items):\n    for sku in items:\n...\n    return 1") << moved << 6 << 7
            << QString();
        QTest::newRow("rewritten: stale, closest place named")
            << QByteArray("def reserve_many(items):\n    for sku in items:\n        try_reserve(sku)\n") << 5 << 6 << kExcerpt << stale << 5 << 6
            << QStringLiteral("the code it quotes is no longer in f.py (closest: line 2, 1 of 2 lines agree)");
        QTest::newRow("no excerpt") << kFile << 5 << 6 << QString() << unverified << 5 << 6 << QStringLiteral("no quoted code");
        QTest::newRow("whole-file location, code still there") << kFile << 0 << 0 << kExcerpt << unchanged << 0 << 0 << QString();
    }
    void places()
    {
        QFETCH(QByteArray, file);
        QFETCH(int, start);
        QFETCH(int, end);
        QFETCH(QString, excerpt);
        QFETCH(int, state);
        QFETCH(int, newStart);
        QFETCH(int, newEnd);
        QFETCH(QString, reason);
        const Placement p = reanchor(Anchor{Location{QStringLiteral("f.py"), start, end}, excerpt}, lines(file));
        QCOMPARE(toString(p.state), toString(AnchorState(state)));
        QCOMPARE(p.location.startLine, newStart);
        QCOMPARE(p.location.endLine, newEnd);
        QVERIFY2(p.reason.contains(reason), qPrintable(p.reason));
    }

    void fileThatIsGoneIsStale()
    {
        const Placement p = reanchor(Anchor{Location{QStringLiteral("gone.py"), 3, 4}, kExcerpt}, std::nullopt);
        QVERIFY(p.state == AnchorState::Stale);
        QCOMPARE(p.reason, QStringLiteral("gone.py is gone"));
    }

    void reviewKeepsEveryFindingAndSaysWhatMoved()
    {
        Review review;
        RawFinding moved;
        moved.id = QStringLiteral("claude:I1");
        moved.locations = {Location{QStringLiteral("f.py"), 5, 6}};
        moved.codeExcerpts = {kExcerpt};
        RawFinding gone = moved;
        gone.id = QStringLiteral("codex:1");
        gone.locations = {Location{QStringLiteral("deleted.py"), 1, 2}};
        RawFinding plain = moved;
        plain.id = QStringLiteral("gemini:1");
        plain.codeExcerpts.clear();
        review.findings = {moved, gone, plain};
        Issue issue;
        issue.id = QStringLiteral("issue-1");
        issue.locations = moved.locations;
        issue.codeExcerpt = kExcerpt;
        review.issues = {issue};

        const QByteArray shifted = "# new\n# lines\n" + kFile;
        const auto read = [&](const QString &path) {
            if (path == QLatin1String("f.py"))
                return FileLines{FileLines::Present, lines(shifted)};
            if (path == QLatin1String("deleted.py"))
                return FileLines{FileLines::Gone, {}};
            return FileLines{};
        };
        const ReviewReanchoring r = reanchorReview(review, read);
        QCOMPARE(r.moved, 2);
        QCOMPARE(r.stale, 1);
        QCOMPARE(r.unverified, 1);
        // A file the reader knows nothing of is left alone.
        Review unknown = review;
        unknown.findings[0].locations.first().path = QStringLiteral("elsewhere.py");
        QVERIFY(!reanchorReview(unknown, read).changed());
        QVERIFY(r.changed());
        QCOMPARE(review.findings.size(), 3); // nothing dropped
        QCOMPARE(review.findings[0].locations.first(), (Location{QStringLiteral("f.py"), 7, 8, 5, false}));
        QVERIFY(review.findings[1].locations.first().stale);
        QCOMPARE(review.findings[2].locations.first(), (Location{QStringLiteral("f.py"), 5, 6}));
        QCOMPARE(review.issues[0].locations.first().startLine, 7);
        QVERIFY2(r.notes.contains(QStringLiteral("claude:I1: f.py:5-6 moved to lines 7-8 (moved by 2 lines)")), qPrintable(r.notes.join(QLatin1Char('\n'))));
        QVERIFY2(r.notes.contains(QStringLiteral("codex:1: deleted.py:1-2 is stale: deleted.py is gone")), qPrintable(r.notes.join(QLatin1Char('\n'))));

        // Again on the same text: nothing more to do; moved back: movedFrom is cleared.
        const ReviewReanchoring again = reanchorReview(review, read);
        QVERIFY2(!again.changed(), qPrintable(again.notes.join(QLatin1Char('\n'))));
        const auto original = [&](const QString &path) {
            return path == QLatin1String("f.py") ? FileLines{FileLines::Present, lines(kFile)} : FileLines{FileLines::Gone, {}};
        };
        reanchorReview(review, original);
        QCOMPARE(review.findings[0].locations.first(), (Location{QStringLiteral("f.py"), 5, 6}));
    }
};

QTEST_GUILESS_MAIN(TestReanchor)
#include "test_reanchor.moc"
