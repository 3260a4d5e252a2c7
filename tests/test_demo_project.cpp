// The built-in demo repository: real commits on two branches, reviews that point at real lines.
#include "demo/demo_project.h"
#include "demo/demo_review.h"
#include "io/review_file.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace rb;

namespace {
QString git(const QString &repo, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(repo);
    p.start(QStringLiteral("git"), args);
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}
} // namespace

class TestDemoProject : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createsTheRepositoryAndReviews()
    {
        QTemporaryDir dir;
        const auto demo = demo::createDemoProject(dir.filePath(QStringLiteral("demo")));
        QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.error().message));
        QCOMPARE(demo->reviews.size(), 3);
        QCOMPARE(demo->base, QStringLiteral("main"));
        QCOMPARE(demo->head, QStringLiteral("feature/bulk-reserve"));
        const QString repo = demo->repositoryPath;
        QCOMPARE(git(repo, {QStringLiteral("rev-list"), QStringLiteral("--count"), QStringLiteral("main..feature/bulk-reserve")}),
                 QStringLiteral("3"));
        QCOMPARE(git(repo, {QStringLiteral("status"), QStringLiteral("--porcelain")}), QString()); // clean checkout
        QCOMPARE(git(repo, {QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"), QStringLiteral("HEAD")}),
                 QStringLiteral("feature/bulk-reserve"));
        QCOMPARE(git(repo, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%an <%ae>")}),
                 QStringLiteral("Dana Reyes <dana.reyes@example.com>"));
    }

    // Every `path:line` the demo reviews cite must exist in the PR head, or the demo would
    // show findings pointing nowhere.
    void reviewLocationsPointAtRealLines()
    {
        QTemporaryDir dir;
        const auto demo = demo::createDemoProject(dir.filePath(QStringLiteral("demo")));
        QVERIFY(demo.ok());
        static const QRegularExpression cite(QStringLiteral("`([a-z_/]+\\.(?:py|h)):(\\d+)(?:-(\\d+))?`"));
        int checked = 0;
        for (const demo::DemoReview &r : demo->reviews) {
            auto it = cite.globalMatch(r.text);
            while (it.hasNext()) {
                const auto m = it.next();
                QFile f(demo->repositoryPath + QLatin1Char('/') + m.captured(1));
                QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(m.captured(1)));
                const int lines = int(f.readAll().count('\n'));
                const int last = m.captured(3).isEmpty() ? m.captured(2).toInt() : m.captured(3).toInt();
                QVERIFY2(last <= lines, qPrintable(QStringLiteral("%1 cites %2").arg(r.agentId, m.captured(0))));
                ++checked;
            }
        }
        QVERIFY(checked >= 6);
    }

    // The demo review shows every feature: overlapping findings, a severity disagreement,
    // a false positive to triage and fixes.
    void preparedReviewHasEveryFeature()
    {
        QTemporaryDir dir;
        const auto setup = demo::prepareDemo(dir.path());
        QVERIFY2(setup.ok(), qPrintable(setup.ok() ? QString() : setup.error().message));
        const auto review = loadReviewFile(setup->reviewPath);
        QVERIFY(review.ok());
        QCOMPARE(review->agents.size(), 3);
        QCOMPARE(review->metadata.commits.size(), 3);
        QCOMPARE(review->metadata.repository, setup->repositoryPath);
        QCOMPARE(review->findings.size(), 8);
        int multiAgent = 0, disagreements = 0, withPatch = 0;
        for (const Issue &i : review->issues) {
            multiAgent += i.members.size() > 1;
            disagreements += !i.disagreementNote.isEmpty();
            withPatch += i.hasApplicableFix();
        }
        QVERIFY2(multiAgent >= 3, qPrintable(QString::number(multiAgent)));
        QVERIFY(disagreements >= 1);
        QVERIFY(withPatch >= 3);
        for (const AgentRun &a : review->agents)
            QVERIFY2(a.parseWarnings.isEmpty(), qPrintable(a.id + QStringLiteral(": ") + a.parseWarnings.value(0).message));
    }

    void refusesANonEmptyFolder()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("keep.txt")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("mine");
        f.close();
        const auto demo = demo::createDemoProject(dir.path());
        QVERIFY(!demo.ok());
        QVERIFY(demo.error().message.contains(QLatin1String("not empty")));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("keep.txt"))));
    }
};

QTEST_GUILESS_MAIN(TestDemoProject)
#include "test_demo_project.moc"
