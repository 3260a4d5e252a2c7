// The fix workflow (workbench/workflows/fix_workflow.h): which issues a bulk apply takes, how
// each outcome is recorded, apply and revert on a document, and the same scenario run through
// `reviewbench apply` and through the document ending in the same review file.
#include "document/review_document.h"
#include "git_fixture.h"
#include "io/review_file.h"
#include "seed_review.h"
#include "workflows/fix_workflow.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace rb;
using workbench::FixOutcome;
using workbench::FixSelection;

namespace {

const char *kSshKeys = "pkg/lima/sshkeys.go";
const QByteArray kSshKeysContent = "\ttmpPath := privPath + \".tmp\"\n"
                                   "\tctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)\n"
                                   "\tdefer cancel()\n";

// The one place the test says what an issue's fix is.
void setFix(Issue &issue, const QString &patch)
{
    issue.fixes = {IssueFix{issue.members.value(0, issue.id), issue.locations.value(0).path, {}, patch, true}};
}

// The seed review with issue-1's fix not yet applied and issue-2 given a fix that cannot be
// placed.
Review scenarioReview()
{
    Review r = test::seedReview();
    r.issues[0].fixState = FixState::NotApplied;
    r.issues[0].fixRecords.clear();
    setFix(r.issues[1], QStringLiteral(" no such line\n-at all\n+x\n"));
    return r;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

bool makeRepo(test::GitFixture &fx)
{
    return fx.ok() && !fx.commit({{kSshKeys, {kSshKeysContent}}}, QStringLiteral("one"), {}).isEmpty() && fx.checkoutHead();
}

// Record times differ between two runs; everything else must not.
Review withoutTimes(Review r)
{
    for (Issue &i : r.issues)
        for (FixRecord &f : i.fixRecords)
            f.when = {};
    return r;
}

FixOutcome outcome(patch::FixStatus status, bool written, QList<FixRecord> records = {})
{
    FixOutcome o;
    o.issueId = QStringLiteral("issue-1");
    o.status = status;
    o.written = written;
    o.message = QStringLiteral("what happened");
    o.records = std::move(records);
    return o;
}

} // namespace

class TestFixWorkflow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void selectFixes_data()
    {
        QTest::addColumn<QStringList>("keys");
        QTest::addColumn<bool>("acceptedOnly");
        QTest::addColumn<QStringList>("expected");
        // issue-1 and issue-2 have fixes; issue-8 (rejected) gets one below; issue-3 is open.
        QTest::newRow("none named: reported issues with a fix") << QStringList{} << false
                                                                 << QStringList{"issue-1", "issue-2", "issue-3"};
        QTest::newRow("none named, accepted only") << QStringList{} << true << QStringList{"issue-1", "issue-2"};
        QTest::newRow("named by number and id, in the order given")
            << QStringList{"I2", "issue-1"} << false << QStringList{"issue-2", "issue-1"};
        QTest::newRow("named twice counts once") << QStringList{"issue-1", "I1"} << false << QStringList{"issue-1"};
        QTest::newRow("named, accepted only") << QStringList{"issue-3", "issue-1"} << true << QStringList{"issue-1"};
        QTest::newRow("named issues are taken even without a fix or when rejected")
            << QStringList{"issue-4", "issue-8"} << false << QStringList{"issue-4", "issue-8"};
    }
    void selectFixes()
    {
        QFETCH(QStringList, keys);
        QFETCH(bool, acceptedOnly);
        QFETCH(QStringList, expected);
        Review r = scenarioReview();
        setFix(*r.issue(QStringLiteral("issue-8")), QStringLiteral("+x\n"));
        r.issue(QStringLiteral("issue-3"))->triage = TriageState::Open;
        setFix(*r.issue(QStringLiteral("issue-3")), QStringLiteral("+y\n"));
        const auto ids = workbench::selectFixes(r, {keys, acceptedOnly});
        QVERIFY2(ids.ok(), qPrintable(ids.ok() ? QString() : ids.error().message));
        // The I-numbers follow the report's order: make sure the table names what it thinks.
        if (keys.contains(QStringLiteral("I2")))
            QCOMPARE(workbench::findIssue(r, QStringLiteral("I2"))->id, QStringLiteral("issue-2"));
        QCOMPARE(*ids, expected);
    }

    void selectFixesSkipsFixesRecordedApplied()
    {
        Review r = scenarioReview();
        r.issues[0].fixState = FixState::Applied;
        const auto ids = workbench::selectFixes(r, {});
        QVERIFY(ids.ok());
        QVERIFY(!ids->contains(QStringLiteral("issue-1")));
        QVERIFY(ids->contains(QStringLiteral("issue-2")));
        const auto checked = workbench::selectFixes(r, {{}, false, true});
        QVERIFY(checked.ok());
        QVERIFY(checked->contains(QStringLiteral("issue-1")));
    }

    void selectFixesRefusesAnUnknownIssue()
    {
        const auto ids = workbench::selectFixes(scenarioReview(), {{QStringLiteral("issue-1"), QStringLiteral("I99")}, false});
        QVERIFY(!ids.ok());
        QCOMPARE(ids.error().message, QStringLiteral("has no issue \"I99\""));
    }

    void writtenFixIsRecordedAppliedWithItsOwnRecords()
    {
        Issue issue = test::seedReview().issues[0]; // recorded applied, with an older record
        const FixRecord fresh{QString::fromLatin1(kSshKeys), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("hunk 1"),
                              QDateTime::currentDateTimeUtc(), QStringLiteral("@@ -1,0 +2 @@\n+x\n"), false, {}};
        const auto recorded = workbench::recordedFix(issue, outcome(patch::FixStatus::Applied, true, {fresh}));
        QVERIFY(recorded);
        QCOMPARE(toString(recorded->state), toString(FixState::Applied));
        QCOMPARE(recorded->records, QList<FixRecord>{fresh});
    }

    void alreadyAppliedChangesNothing()
    {
        Issue issue = scenarioReview().issues[0];
        QVERIFY(!workbench::recordedFix(issue, outcome(patch::FixStatus::AlreadyApplied, false)));
    }

    void refusedFixIsRecordedFailedWithTheReason()
    {
        Issue issue = scenarioReview().issues[0];
        const auto recorded = workbench::recordedFix(issue, outcome(patch::FixStatus::Refused, false));
        QVERIFY(recorded);
        QCOMPARE(toString(recorded->state), toString(FixState::Failed));
        QCOMPARE(recorded->records.size(), 1);
        QCOMPARE(recorded->records[0].message, QStringLiteral("what happened"));
        QCOMPARE(recorded->records[0].path, QString::fromLatin1(kSshKeys));
    }

    void refusedFixKeepsTheRecordsOfAnAppliedOne()
    {
        Issue issue = test::seedReview().issues[0]; // applied: its records are what a revert needs
        QVERIFY(!workbench::recordedFix(issue, outcome(patch::FixStatus::Refused, false)));
    }

    void checkRecordsNothing()
    {
        Issue issue = scenarioReview().issues[0];
        QVERIFY(!workbench::recordedFix(issue, outcome(patch::FixStatus::Applied, false)));
        FixOutcome none = outcome(patch::FixStatus::Refused, false);
        none.noFix = true;
        QVERIFY(!workbench::recordedFix(issue, none));
    }

    void applyThenRevertOnTheDocument()
    {
        test::GitFixture fx;
        QVERIFY2(makeRepo(fx), qPrintable(fx.error()));
        const QString file = fx.path() + QLatin1Char('/') + QString::fromLatin1(kSshKeys);
        ui::ReviewDocument doc;
        doc.reset(scenarioReview());
        const int undoSteps = doc.undoStack()->count();

        const auto outcomes = workbench::applyFixes(doc, fx.path(), {QStringLiteral("issue-1"), QStringLiteral("issue-2"),
                                                                     QStringLiteral("issue-4")});
        QCOMPARE(outcomes.size(), 3);
        QVERIFY(outcomes[0].written);
        QVERIFY(outcomes[1].status == patch::FixStatus::Refused);
        QVERIFY(outcomes[2].noFix);
        QVERIFY(readAll(file).contains("_ = os.Remove(tmpPath)"));
        QCOMPARE(toString(doc.review().issues[0].fixState), toString(FixState::Applied));
        QCOMPARE(toString(doc.review().issues[1].fixState), toString(FixState::Failed));
        QCOMPARE(toString(doc.review().issue(QStringLiteral("issue-4"))->fixState), toString(FixState::NotApplied));
        QVERIFY(doc.isModified());
        QCOMPARE(doc.undoStack()->count(), undoSteps); // the working tree is outside the history

        const auto notApplied = workbench::revertFix(doc, fx.path(), QStringLiteral("issue-2"));
        QVERIFY(!notApplied.reverted);
        const auto reverted = workbench::revertFix(doc, fx.path(), QStringLiteral("issue-1"));
        QVERIFY2(reverted.reverted, qPrintable(reverted.message));
        QCOMPARE(readAll(file), kSshKeysContent);
        QCOMPARE(toString(doc.review().issues[0].fixState), toString(FixState::Reverted));
        QVERIFY(doc.review().issues[0].fixRecords.isEmpty());
    }

    // One scenario, two front ends: the command line and the document must write the same file.
    void cliAndDocumentSaveTheSameReview()
    {
        test::GitFixture cliRepo, docRepo;
        QVERIFY2(makeRepo(cliRepo), qPrintable(cliRepo.error()));
        QVERIFY2(makeRepo(docRepo), qPrintable(docRepo.error()));
        QTemporaryDir dir;
        const QString cliPath = dir.filePath(QStringLiteral("cli.json"));
        const QString docPath = dir.filePath(QStringLiteral("doc.json"));
        QVERIFY(saveReviewFile(scenarioReview(), cliPath).ok());
        QVERIFY(saveReviewFile(scenarioReview(), docPath).ok());

        QProcess p;
        p.start(QStringLiteral(RB_REVIEWBENCH_BIN), {QStringLiteral("apply"), cliPath, QStringLiteral("--accepted"),
                                                      QStringLiteral("--repo"), cliRepo.path()});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1); // issue-2's fix cannot be placed

        ui::ReviewDocument doc;
        QVERIFY(doc.load(docPath).ok());
        const auto ids = workbench::selectFixes(doc.review(), {{}, true, false});
        QVERIFY(ids.ok());
        workbench::applyFixes(doc, docRepo.path(), *ids);
        QVERIFY(doc.save().ok());

        const auto fromCli = loadReviewFile(cliPath);
        const auto fromDoc = loadReviewFile(docPath);
        QVERIFY(fromCli.ok() && fromDoc.ok());
        QCOMPARE(toString(fromCli->issues[0].fixState), toString(FixState::Applied));
        QCOMPARE(toString(fromCli->issues[1].fixState), toString(FixState::Failed));
        QVERIFY(withoutTimes(*fromCli) == withoutTimes(*fromDoc));
        const QString file = QLatin1Char('/') + QString::fromLatin1(kSshKeys);
        QCOMPARE(readAll(cliRepo.path() + file), readAll(docRepo.path() + file));

        // Again: the applied fix is skipped by both, the failed one tried again by both.
        p.start(QStringLiteral(RB_REVIEWBENCH_BIN), {QStringLiteral("apply"), cliPath, QStringLiteral("--accepted"),
                                                      QStringLiteral("--repo"), cliRepo.path()});
        QVERIFY(p.waitForFinished(60000));
        const QString printed = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(!printed.contains(QLatin1String("issue-1")), qPrintable(printed));
        QVERIFY2(printed.contains(QLatin1String("issue-2")), qPrintable(printed));
    }
};

QTEST_GUILESS_MAIN(TestFixWorkflow)
#include "test_fix_workflow.moc"
