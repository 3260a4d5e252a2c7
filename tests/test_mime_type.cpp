// The installed MIME type (packaging/desktop/*.mime.xml) as the desktop sees it: Qt's MIME
// database reads the freedesktop.org database of the test install tree, so these checks go
// through the same glob and magic rules a file manager applies on a double-click.
#include "io/review_file.h"
#include "seed_review.h"

#include <QFile>
#include <QMimeDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace rb;

namespace {
const QString kReviewType = QStringLiteral("application/x-reviewbench-review+json");

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        return {};
    return path;
}
} // namespace

class TestMimeType : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Before the first QMimeDatabase: the install tree first, then the system's database
        // (for application/json, the parent type).
        qputenv("XDG_DATA_DIRS", QByteArray(RB_INSTALL_PREFIX "/share:/usr/share"));
        qputenv("XDG_DATA_HOME", QByteArray(RB_INSTALL_PREFIX "/no-user-data"));
        QVERIFY2(QFile::exists(QStringLiteral(RB_INSTALL_PREFIX "/share/mime/packages/org.reviewbench.Reviewbench.xml")),
                 "the install_tree fixture did not install the MIME package");
    }

    void typeIsKnownWithItsParentAndIcon()
    {
        const QMimeType t = QMimeDatabase().mimeTypeForName(kReviewType);
        QVERIFY2(t.isValid(), "the MIME database does not know the review type");
        QVERIFY(t.inherits(QStringLiteral("application/json")));
        QCOMPARE(t.iconName(), QStringLiteral("org.reviewbench.Reviewbench"));
        QCOMPARE(t.comment(), QStringLiteral("Reviewbench review"));
    }

    // A file Reviewbench saved is recognised by its content when its name says nothing. A
    // name with a known extension wins over content (the freedesktop.org rule that GLib and
    // Qt follow): pr-242.json is JSON, pr-242.review.json a review.
    void savedReviewRecognisedByContent()
    {
        QTemporaryDir dir;
        const QByteArray text = serializeReview(test::seedReview());
        QMimeDatabase db;
        for (const QString &name : {QStringLiteral("pr-242"), QStringLiteral("review-of-pr-242.saved"),
                                    QStringLiteral("pr-242.review.json"), QStringLiteral("review.json")}) {
            const QString path = write(dir, name, text);
            QVERIFY(!path.isEmpty());
            QCOMPARE(db.mimeTypeForFile(path).name(), kReviewType);
        }
        QCOMPARE(db.mimeTypeForFile(write(dir, QStringLiteral("pr-242.json"), text)).name(), QStringLiteral("application/json"));
        QCOMPARE(db.mimeTypeForData(text).name(), kReviewType);
        // Written by hand without spaces.
        QCOMPARE(db.mimeTypeForData(QByteArray("{\"format\":\"reviewbench-review\",\"schemaVersion\":1}")).name(), kReviewType);
    }

    void namedReviewRecognisedByName()
    {
        QMimeDatabase db;
        QCOMPARE(db.mimeTypeForFile(QStringLiteral("/nonexistent/pr-7.review.json"), QMimeDatabase::MatchExtension).name(), kReviewType);
        QCOMPARE(db.mimeTypeForFile(QStringLiteral("/nonexistent/review.json"), QMimeDatabase::MatchExtension).name(), kReviewType);
    }

    // Other JSON stays JSON: no false claims on the user's files.
    void otherJsonIsNotClaimed()
    {
        QTemporaryDir dir;
        QMimeDatabase db;
        const QString plain = write(dir, QStringLiteral("package.json"), "{\n  \"name\": \"x\",\n  \"format\": \"reviewbench-review\"\n}\n");
        QCOMPARE(db.mimeTypeForFile(plain).name(), QStringLiteral("application/json"));
        const QString sarif = write(dir, QStringLiteral("findings.json"), "{\"format\": \"sarif\"}");
        QCOMPARE(db.mimeTypeForFile(sarif).name(), QStringLiteral("application/json"));
    }
};

QTEST_GUILESS_MAIN(TestMimeType)
#include "test_mime_type.moc"
