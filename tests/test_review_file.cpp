// Review files on disk: syntax errors are located, and a failed save never harms the old file.
#include "anchor/fingerprint.h"
#include "io/review_file.h"
#include "seed_review.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace rb;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestReviewFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void saveAndLoadRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("review.json"));
        Review seed = test::seedReview();
        QVERIFY(anchor::fingerprintReview(seed, {}) > 0); // saving gives those missing; given here, all round-trip
        const Status saved = saveReviewFile(seed, path);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        const auto loaded = loadReviewFile(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
        QVERIFY(*loaded == seed);
        QCOMPARE(serializeReview(*loaded), readAll(path));
    }

    // The desktop recognises review files by their first key (packaging/desktop/*.mime.xml
    // matches it within the first 16 bytes).
    void formatKeyComesFirst()
    {
        const QByteArray text = serializeReview(test::seedReview());
        QVERIFY2(text.startsWith("{\n  \"format\": \"reviewbench-review\",\n  \"agents\": ["), text.left(80).constData());
        QVERIFY(parseReviewFile(text, QStringLiteral("seed.json")).ok());
        const QByteArray empty = serializeReview(Review{});
        QVERIFY2(empty.startsWith("{\n  \"format\": \"reviewbench-review\",\n"), empty.constData());
        QVERIFY(parseReviewFile(empty, QStringLiteral("empty.json")).ok());
    }

    void formatKeyIsOptionalButChecked()
    {
        QVERIFY(parseReviewFile("{\"schemaVersion\": 1}", QStringLiteral("old.json")).ok());
        const auto other = parseReviewFile("{\"format\": \"sarif\", \"schemaVersion\": 1}", QStringLiteral("x.json"));
        QVERIFY(!other.ok());
        QCOMPARE(other.error().message,
                 QStringLiteral("x.json: format: \"sarif\" is not a Reviewbench review (expected \"reviewbench-review\")"));
        QVERIFY(!parseReviewFile("{\"format\": 2, \"schemaVersion\": 1}", QStringLiteral("x.json")).ok());
    }

    void syntaxErrorNamesFileLineAndColumn()
    {
        const QByteArray text = "{\n  \"schemaVersion\": 1,\n  \"agents\": [,]\n}\n";
        const auto r = parseReviewFile(text, QStringLiteral("broken.json"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.startsWith(QLatin1String("broken.json:3:14: not valid JSON")), qPrintable(r.error().message));
    }

    void truncatedFileIsRefused()
    {
        QByteArray text = serializeReview(test::seedReview());
        text.truncate(text.size() / 2);
        const auto r = parseReviewFile(text, QStringLiteral("half.json"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QLatin1String("half.json:")), qPrintable(r.error().message));
    }

    void fieldErrorNamesFile()
    {
        const auto r = parseReviewFile("{\"schemaVersion\": 1, \"issues\": 3}", QStringLiteral("x.json"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message, QStringLiteral("x.json: issues: expected an array, found an integer"));
    }

    void missingFileIsAnError()
    {
        const auto r = loadReviewFile(QStringLiteral("/nonexistent/dir/review.json"));
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QLatin1String("/nonexistent/dir/review.json: cannot open")));
    }

    // A write that fails half-way (here: the file-size limit) must leave the old file intact.
    void failedSaveKeepsPreviousFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("review.json"));
        Review small;
        QVERIFY(saveReviewFile(small, path).ok());
        const QByteArray before = readAll(path);
        QVERIFY(before.size() < 4096);

        Review big = test::seedReview();
        big.executiveSummary = QString(64 * 1024, QLatin1Char('x'));
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit old{};
        getrlimit(RLIMIT_FSIZE, &old);
        rlimit limited = old;
        limited.rlim_cur = 8192;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
        const Status saved = saveReviewFile(big, path);
        setrlimit(RLIMIT_FSIZE, &old);

        QVERIFY(!saved.ok());
        QVERIFY2(saved.error().message.contains(QLatin1String("previous file is unchanged")), qPrintable(saved.error().message));
        QCOMPARE(readAll(path), before);
        // No temporary file left behind: the file, and the backup of the version it holds.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 (QStringList{QStringLiteral("review.json"), QStringLiteral("review.json.bak")}));
        QCOMPARE(readAll(path + QStringLiteral(".bak")), before);
    }

    void saveKeepsThePreviousVersionAsBackup()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("review.json"));
        Review first;
        first.executiveSummary = QStringLiteral("first");
        QVERIFY(saveReviewFile(first, path).ok());
        QVERIFY(!QFile::exists(path + QStringLiteral(".bak"))); // nothing to back up yet
        Review second = first;
        second.executiveSummary = QStringLiteral("second");
        QVERIFY(saveReviewFile(second, path).ok());
        QCOMPARE(loadReviewFile(path + QStringLiteral(".bak"))->executiveSummary, QStringLiteral("first"));
        QCOMPARE(loadReviewFile(path)->executiveSummary, QStringLiteral("second"));
        Review third = first;
        third.executiveSummary = QStringLiteral("third");
        QVERIFY(saveReviewFile(third, path).ok());
        QCOMPARE(loadReviewFile(path + QStringLiteral(".bak"))->executiveSummary, QStringLiteral("second"));
    }

    void saveIntoMissingDirectoryFails()
    {
        const Status s = saveReviewFile(Review{}, QStringLiteral("/nonexistent/dir/review.json"));
        QVERIFY(!s.ok());
        QVERIFY(s.error().message.contains(QLatin1String("cannot write")));
    }
};

QTEST_GUILESS_MAIN(TestReviewFile)
#include "test_review_file.moc"
