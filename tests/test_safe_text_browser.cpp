// The text views that show agent and review text load nothing and follow nothing by
// themselves: a Markdown image naming a local file (or /dev/zero), a remote image, a link.
#include "widgets/safe_text_browser.h"

#include <QBuffer>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace rb::ui;

class TestSafeTextBrowser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void loadsNoLocalOrRemoteResource()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("secret.png"));
        QImage img(4, 4, QImage::Format_RGB32);
        img.fill(Qt::red);
        QVERIFY(img.save(png));

        QTextBrowser plain;
        QVERIFY(plain.loadResource(QTextDocument::ImageResource, QUrl::fromLocalFile(png)).isValid()); // what we guard against

        SafeTextBrowser safe;
        QVERIFY(!safe.openLinks() && !safe.openExternalLinks()); // a click only emits anchorClicked()
        QVERIFY(safe.loadResource(QTextDocument::ImageResource, QUrl::fromLocalFile(png)).value<QImage>().isNull());
        QVERIFY(safe.loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("https://example.invalid/x.png"))).value<QImage>().isNull());
        QVERIFY(safe.loadResource(QTextDocument::StyleSheetResource, QUrl::fromLocalFile(png)).toByteArray().isEmpty());
        safe.setSearchPaths({dir.path()});
        QVERIFY(safe.loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("secret.png"))).value<QImage>().isNull());
    }

    void markdownImagesOfLocalFilesStayUnloaded()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("secret.png"));
        QImage img(4, 4, QImage::Format_RGB32);
        img.fill(Qt::red);
        QVERIFY(img.save(png));
        SafeTextBrowser safe;
        safe.resize(300, 200);
        safe.document()->setMarkdown(QStringLiteral("![a](%1) ![b](/dev/zero) [link](https://example.invalid)")
                                         .arg(QUrl::fromLocalFile(png).toString()));
        safe.show();
        QVERIFY(QTest::qWaitForWindowExposed(&safe));
        QVERIFY(safe.document()->resource(QTextDocument::ImageResource, QUrl::fromLocalFile(png)).value<QImage>().isNull());
        QVERIFY(safe.document()->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("/dev/zero"))).value<QImage>().isNull());
    }

    void dataUrlsStillShow()
    {
        QImage img(2, 2, QImage::Format_RGB32);
        img.fill(Qt::blue);
        QByteArray bytes;
        QBuffer buf(&bytes);
        QVERIFY(buf.open(QIODevice::WriteOnly));
        QVERIFY(img.save(&buf, "PNG"));
        SafeTextBrowser safe;
        const QUrl data(QStringLiteral("data:image/png;base64,") + QString::fromLatin1(bytes.toBase64()));
        safe.setHtml(QStringLiteral("<img src='%1'>").arg(data.toString()));
        safe.resize(100, 100);
        safe.show();
        QVERIFY(QTest::qWaitForWindowExposed(&safe));
        const QVariant shown = safe.document()->resource(QTextDocument::ImageResource, data);
        QVERIFY(shown.isValid());
        QVERIFY(!shown.value<QImage>().isNull() || !shown.toByteArray().isEmpty());
    }
};

QTEST_MAIN(TestSafeTextBrowser)
#include "test_safe_text_browser.moc"
