// Never losing work, below the window: the single-writer lock (a live holder is respected,
// a dead one's lock is taken over), autosave side files and their recovery, including after
// a child process that held the lock and had unsaved changes is killed with SIGKILL.
#include "io/autosave.h"
#include "io/review_file.h"
#include "io/review_lock.h"
#include "io/side_files.h"

#include <QCoreApplication>
#include <QFile>
#include <QLockFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace rb;

namespace {
QString savedReview(const QTemporaryDir &dir, const QString &summary)
{
    const QString path = dir.filePath(QStringLiteral("review.json"));
    Review r;
    r.executiveSummary = summary;
    return saveReviewFile(r, path).ok() ? path : QString();
}

// Starts the lock holder and waits for it to say it holds the lock and has autosaved.
bool startHolder(QProcess &p, const QString &path, const QString &summary)
{
    p.setProgram(QStringLiteral(RB_LOCK_HOLDER_BIN));
    p.setArguments({path, summary});
    p.start();
    if (!p.waitForStarted(10000))
        return false;
    QByteArray said;
    while (!said.contains("\n") && p.waitForReadyRead(10000))
        said += p.readAllStandardOutput();
    return said.startsWith("ready");
}
} // namespace

class TestWorkSafety : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void sideFilesAreNamedNextToTheReview()
    {
        QCOMPARE(backupPathFor(QStringLiteral("/w/r/review.json")), QStringLiteral("/w/r/review.json.bak"));
        QCOMPARE(autosavePathFor(QStringLiteral("/w/r/review.json")), QStringLiteral("/w/r/.review.json.autosave"));
        QCOMPARE(lockPathFor(QStringLiteral("/w/r/review.json")), QStringLiteral("/w/r/.review.json.lock"));
    }

    void secondLockInTheSameProcessIsRefused()
    {
        QTemporaryDir dir;
        const QString path = savedReview(dir, QStringLiteral("x"));
        {
            ReviewFileLock first(path);
            QVERIFY2(first.held(), qPrintable(first.message()));
            QVERIFY(!first.tookOverStaleLock());
            ReviewFileLock second(path);
            QCOMPARE(int(second.outcome()), int(ReviewFileLock::Outcome::HeldByOther));
            QCOMPARE(second.holder().pid, QCoreApplication::applicationPid());
            QVERIFY2(second.message().contains(QLatin1String("review.json is open in another window of this Reviewbench since")),
                     qPrintable(second.message()));
            QVERIFY(second.message().contains(QLatin1String("opened read-only")));
        }
        ReviewFileLock again(path); // released with the first
        QVERIFY(again.held());
        QVERIFY(!again.tookOverStaleLock());
    }

    void liveProcessKeepsItsLockAndDeadOnesLockIsTakenOver()
    {
        QTemporaryDir dir;
        const QString path = savedReview(dir, QStringLiteral("saved"));
        QProcess holder;
        QVERIFY(startHolder(holder, path, QStringLiteral("unsaved edit")));
        {
            ReviewFileLock other(path);
            QCOMPARE(int(other.outcome()), int(ReviewFileLock::Outcome::HeldByOther));
            QCOMPARE(other.holder().pid, holder.processId());
            QVERIFY2(other.message().contains(QStringLiteral("another Reviewbench (process %1)").arg(holder.processId())),
                     qPrintable(other.message()));
        }
        holder.kill(); // SIGKILL: no destructor runs, the lock file and the autosave stay
        QVERIFY(holder.waitForFinished(10000));
        QVERIFY(QFile::exists(lockPathFor(path)));

        ReviewFileLock after(path);
        QVERIFY2(after.held(), qPrintable(after.message()));
        QVERIFY(after.tookOverStaleLock());
        const auto recovery = findRecovery(path);
        QVERIFY(recovery.has_value());
        QVERIFY2(recovery->ok(), recovery->ok() ? "" : qPrintable(recovery->error().message));
        QCOMPARE((*recovery)->review.executiveSummary, QStringLiteral("unsaved edit"));
        QCOMPARE((*recovery)->autosavePath, autosavePathFor(path));
        QVERIFY((*recovery)->savedAt.isValid());
        QCOMPARE(loadReviewFile(path)->executiveSummary, QStringLiteral("saved")); // the file itself is as saved
    }

    void autosaveEqualToTheFileIsNotARecovery()
    {
        QTemporaryDir dir;
        const QString path = savedReview(dir, QStringLiteral("same"));
        QVERIFY(writeAutosave(*loadReviewFile(path), autosavePathFor(path)).ok());
        QVERIFY(!findRecovery(path).has_value());
        QVERIFY(!QFile::exists(autosavePathFor(path))); // and it is cleaned up
    }

    void unreadableAutosaveIsReportedAndKept()
    {
        QTemporaryDir dir;
        const QString path = savedReview(dir, QStringLiteral("x"));
        QFile f(autosavePathFor(path));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"schemaVersion\": 1, \"issues\": [");
        f.close();
        const auto recovery = findRecovery(path);
        QVERIFY(recovery.has_value());
        QVERIFY(!recovery->ok());
        QVERIFY2(recovery->error().message.contains(QLatin1String(".review.json.autosave:")), qPrintable(recovery->error().message));
        QVERIFY(QFile::exists(autosavePathFor(path)));
    }

    void untitledAutosavesOfDeadWindowsAreOrphans()
    {
        for (const QString &p : orphanedUntitledAutosaves())
            QFile::remove(p);
        const QString mine = newUntitledAutosavePath();
        QLockFile held(lockPathFor(mine));
        QVERIFY(held.tryLock(0));
        QVERIFY(writeAutosave(Review{}, mine).ok());
        const QString orphan = newUntitledAutosavePath();
        QVERIFY(writeAutosave(Review{}, orphan).ok()); // its window is gone: no lock
        const QStringList found = orphanedUntitledAutosaves();
        QVERIFY2(found.contains(orphan), qPrintable(found.join(QLatin1Char(' '))));
        QVERIFY(!found.contains(mine));
        removeAutosave(orphan);
        removeAutosave(mine);
    }
};

QTEST_GUILESS_MAIN(TestWorkSafety)
#include "test_work_safety.moc"
