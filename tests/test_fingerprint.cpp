// Finding fingerprints: the same for the same code wherever it moves, different when the code
// or its surroundings change, with and without the file's text, and written to the review
// file and to SARIF.
#include "anchor/fingerprint.h"
#include "io/review_file.h"
#include "report/sarif_export.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace rb;
using namespace rb::anchor;

namespace {
FileLines present(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return {FileLines::Present, lines};
}

const QByteArray kFile = "import os\nimport re\nimport sys\n\nLIMIT = 3\n\ndef f(items):\n    for x in items:\n        use(x)\n    return 1\n";
const QString kExcerpt = QStringLiteral("for x in items:\n    use(x)");
const Location kAt{QStringLiteral("src/f.py"), 8, 9};
} // namespace

class TestFingerprint : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void format()
    {
        const QString fp = fingerprintOf(kAt, kExcerpt, QStringLiteral("t"), present(kFile));
        QVERIFY2(QRegularExpression(QStringLiteral("^v1:[0-9a-f]{16}:[0-9a-f]{16}$")).match(fp).hasMatch(), qPrintable(fp));
        const QString alone = fingerprintOf(kAt, kExcerpt, QStringLiteral("t"), {});
        QVERIFY2(alone.endsWith(QLatin1String(":-")), qPrintable(alone));
        QCOMPARE(alone.section(QLatin1Char(':'), 1, 1), fp.section(QLatin1Char(':'), 1, 1)); // same anchor
        QVERIFY(fingerprintsMatch(fp, alone));
    }

    void survivesWhatDoesNotChangeTheCode_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<Location>("location");
        QTest::addColumn<QString>("excerpt");
        QTest::newRow("lines inserted far above") << "# one\n# two\n" + kFile << Location{kAt.path, 10, 11} << kExcerpt;
        QTest::newRow("re-indented") << QByteArray(kFile).replace("    ", "\t") << kAt << kExcerpt;
        QTest::newRow("blank lines in between") << QByteArray(kFile).replace("    for", "\n    for").replace("    return", "\n    return")
                                                << Location{kAt.path, 9, 10} << kExcerpt;
        QTest::newRow("renamed file") << kFile << Location{QStringLiteral("lib/g.py"), 8, 9} << kExcerpt;
        QTest::newRow("excerpt quoted with other whitespace") << kFile << kAt << QStringLiteral("  for x in items:\n\n      use(x)  ");
    }
    void survivesWhatDoesNotChangeTheCode()
    {
        QFETCH(QByteArray, file);
        QFETCH(Location, location);
        QFETCH(QString, excerpt);
        QCOMPARE(fingerprintOf(location, excerpt, QStringLiteral("t"), present(file)),
                 fingerprintOf(kAt, kExcerpt, QStringLiteral("t"), present(kFile)));
    }

    void changesWithTheCodeOrItsContext()
    {
        const QString base = fingerprintOf(kAt, kExcerpt, QStringLiteral("t"), present(kFile));
        const QString otherCode = fingerprintOf(kAt, QStringLiteral("for x in items:\n    use(x, y)"), QStringLiteral("t"),
                                                present(QByteArray(kFile).replace("use(x)", "use(x, y)")));
        QVERIFY(!fingerprintsMatch(base, otherCode));
        const QString otherContext = fingerprintOf(kAt, kExcerpt, QStringLiteral("t"), present(QByteArray(kFile).replace("return 1", "return 2")));
        QCOMPARE(otherContext.section(QLatin1Char(':'), 1, 1), base.section(QLatin1Char(':'), 1, 1));
        QVERIFY(!fingerprintsMatch(base, otherContext));
    }

    void withoutQuotedCodeTheLocationsLinesAreTheAnchor()
    {
        const QString a = fingerprintOf(kAt, {}, QStringLiteral("t"), present(kFile));
        const QString b = fingerprintOf(Location{kAt.path, 10, 11}, {}, QStringLiteral("t"), present("# one\n# two\n" + kFile));
        QCOMPARE(a, b);
        QCOMPARE(a.section(QLatin1Char(':'), 1, 1), fingerprintOf(kAt, kExcerpt, QStringLiteral("t"), {}).section(QLatin1Char(':'), 1, 1));
        // Nothing at all: the file name and the title.
        QVERIFY(fingerprintOf(kAt, {}, QStringLiteral("Leak"), {}) != fingerprintOf(kAt, {}, QStringLiteral("Race"), {}));
    }

    void givenOnceAndKept()
    {
        Review r;
        AgentRun agent;
        agent.id = QStringLiteral("a");
        r.agents = {agent};
        RawFinding f;
        f.id = QStringLiteral("a:1");
        f.agentId = QStringLiteral("a");
        f.locations = {kAt};
        f.codeExcerpts = {kExcerpt};
        r.findings = {f};
        Issue i;
        i.id = QStringLiteral("issue-1");
        i.locations = {kAt};
        i.codeExcerpt = kExcerpt;
        i.members = {f.id};
        r.issues = {i};
        QCOMPARE(fingerprintReview(r, [](const QString &) { return present(kFile); }), 2);
        const QString given = r.findings.first().fingerprint;
        QVERIFY(!given.endsWith(QLatin1String(":-")));
        QCOMPARE(fingerprintReview(r, {}), 0); // kept
        QCOMPARE(r.findings.first().fingerprint, given);

        // Written to the review file (those without one get it from the review alone) and to SARIF.
        Review fresh = r;
        fresh.issues.first().fingerprint.clear();
        const auto loaded = parseReviewFile(serializeReview(fresh), QStringLiteral("x.json"));
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        QCOMPARE(loaded->findings.first().fingerprint, given);
        QVERIFY(loaded->issues.first().fingerprint.endsWith(QLatin1String(":-")));
        const nlohmann::json sarif = report::exportSarif(*loaded);
        const std::string inSarif = sarif["runs"].back()["results"][0]["partialFingerprints"]["reviewbench/v1"];
        QCOMPARE(QString::fromStdString(inSarif), loaded->issues.first().fingerprint);
    }
};

QTEST_GUILESS_MAIN(TestFingerprint)
#include "test_fingerprint.moc"
