// Markdown and HTML exports compared with checked-in reference files. A difference fails
// with a unified diff; tests/golden/update.sh regenerates the references after an intended
// change (RB_UPDATE_GOLDEN=1).
#include "report/export.h"
#include "hostile_review.h"
#include "seed_review.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace rb;

namespace {
QString unifiedDiff(const QString &expectedPath, const QByteArray &actual)
{
    QTemporaryDir dir;
    const QString actualPath = dir.filePath(QStringLiteral("actual"));
    QFile f(actualPath);
    if (!f.open(QIODevice::WriteOnly) || f.write(actual) != actual.size())
        return QStringLiteral("(cannot write the actual output to diff it)");
    f.close();
    QProcess diff;
    diff.start(QStringLiteral("diff"), {QStringLiteral("-u"), expectedPath, actualPath});
    if (!diff.waitForFinished(30000))
        return QStringLiteral("(diff did not run)");
    return QString::fromUtf8(diff.readAllStandardOutput()).left(6000);
}
} // namespace

class TestReportGolden : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesReference_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("format");
        QTest::addColumn<bool>("hostile");
        QTest::newRow("seed.md") << QStringLiteral("seed.md") << int(report::ExportFormat::Markdown) << false;
        QTest::newRow("seed.html") << QStringLiteral("seed.html") << int(report::ExportFormat::Html) << false;
        QTest::newRow("seed.sarif") << QStringLiteral("seed.sarif") << int(report::ExportFormat::Sarif) << false;
        QTest::newRow("hostile.md") << QStringLiteral("hostile.md") << int(report::ExportFormat::Markdown) << true;
        QTest::newRow("hostile.html") << QStringLiteral("hostile.html") << int(report::ExportFormat::Html) << true;
    }
    void matchesReference()
    {
        QFETCH(QString, name);
        QFETCH(int, format);
        QFETCH(bool, hostile);
        const QByteArray actual = report::exportReview(hostile ? test::hostileReview() : test::seedReview(),
                                                       report::ExportFormat(format));
        const QString path = QDir(QStringLiteral(RB_GOLDEN_DIR)).filePath(name);
        if (qEnvironmentVariableIsSet("RB_UPDATE_GOLDEN")) {
            QFile out(path);
            QVERIFY2(out.open(QIODevice::WriteOnly) && out.write(actual) == actual.size(), qPrintable(path));
            return;
        }
        QFile expected(path);
        QVERIFY2(expected.open(QIODevice::ReadOnly), qPrintable(path + QStringLiteral(": missing; run tests/golden/update.sh")));
        const QByteArray want = expected.readAll();
        if (want != actual)
            QFAIL(qPrintable(name + QStringLiteral(" differs from the reference (run tests/golden/update.sh if intended):\n")
                             + unifiedDiff(path, actual)));
    }
};

QTEST_GUILESS_MAIN(TestReportGolden)
#include "test_report_golden.moc"
