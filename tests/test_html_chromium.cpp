// The HTML export opened in headless Chromium (Debian package "chromium"): it renders, its
// DOM holds no script, and the browser makes no network request, also for an agent review
// full of <script>, javascript: links, images and HTML comments. A control page that does
// load an image proves the request check can see requests.
#include "report/html_export.h"
#include "hostile_review.h"
#include "seed_review.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace rb;

namespace {

struct PageLoad {
    QString dom;
    QString netLog;
    bool ok = false;
    QString error;
};

PageLoad load(const QString &chromium, const QTemporaryDir &dir, const QString &name, const QByteArray &html)
{
    PageLoad result;
    const QString page = dir.filePath(name + QStringLiteral(".html"));
    const QString netLog = dir.filePath(name + QStringLiteral(".netlog.json"));
    QFile f(page);
    if (!f.open(QIODevice::WriteOnly) || f.write(html) != html.size()) {
        result.error = QStringLiteral("cannot write ") + page;
        return result;
    }
    f.close();
    QProcess p;
    p.start(chromium, {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"), QStringLiteral("--disable-gpu"),
                       QStringLiteral("--disable-background-networking"), QStringLiteral("--disable-component-update"),
                       QStringLiteral("--disable-sync"), QStringLiteral("--no-first-run"),
                       QStringLiteral("--user-data-dir=") + dir.filePath(name + QStringLiteral("-profile")),
                       QStringLiteral("--log-net-log=") + netLog, QStringLiteral("--dump-dom"),
                       QStringLiteral("file://") + page});
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        result.error = QStringLiteral("chromium did not finish");
        return result;
    }
    result.dom = QString::fromUtf8(p.readAllStandardOutput());
    QFile log(netLog);
    if (log.open(QIODevice::ReadOnly))
        result.netLog = QString::fromUtf8(log.readAll());
    result.ok = p.exitCode() == 0 && !result.dom.isEmpty();
    if (!result.ok)
        result.error = QStringLiteral("chromium exit %1: %2").arg(p.exitCode()).arg(QString::fromUtf8(p.readAllStandardError()).right(2000));
    return result;
}

// Requests the page made: URL_REQUEST_START_JOB entries whose initiator is an origin (the
// file:// page is "null"). Chromium's own background requests (update and time checks,
// account lookups) carry the initiator "not an origin" and are not the page's doing.
QStringList requestedUrls(const QString &netLog)
{
    QStringList urls;
    static const QRegularExpression job(QStringLiteral("\"initiator\":\"([^\"]*)\"[^\\n]*?\"url\":\"([^\"]+)\""));
    for (auto it = job.globalMatch(netLog); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.captured(1) != QLatin1String("not an origin") && !m.captured(2).startsWith(QLatin1String("file:")))
            urls << m.captured(2);
    }
    urls.removeDuplicates();
    return urls;
}

} // namespace

class TestHtmlChromium : public QObject {
    Q_OBJECT
    QString m_chromium;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        m_chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        if (m_chromium.isEmpty())
            QSKIP("chromium is not installed (packaging/debian-packages.txt lists it)");
        QVERIFY(m_dir.isValid());
    }

    void controlPageRequestIsSeen()
    {
        const PageLoad control = load(m_chromium, m_dir, QStringLiteral("control"),
                                      "<!DOCTYPE html><html><body><img src=\"http://127.0.0.1:9/control.png\"></body></html>");
        QVERIFY2(control.ok, qPrintable(control.error));
        QVERIFY2(requestedUrls(control.netLog).contains(QStringLiteral("http://127.0.0.1:9/control.png")),
                 "the net log shows no request even for a page that loads an image: the check below would prove nothing");
    }

    void rendersWithoutScriptOrRequests_data()
    {
        QTest::addColumn<bool>("hostile");
        QTest::newRow("seed") << false;
        QTest::newRow("hostile agent text") << true;
    }
    void rendersWithoutScriptOrRequests()
    {
        QFETCH(bool, hostile);
        const Review review = hostile ? test::hostileReview() : test::seedReview();
        const PageLoad page = load(m_chromium, m_dir, hostile ? QStringLiteral("hostile") : QStringLiteral("seed"),
                                   report::exportHtml(review).toUtf8());
        QVERIFY2(page.ok, qPrintable(page.error));
        QVERIFY2(page.dom.contains(QStringLiteral("Agent Performance Retro")), "the report did not render");
        QVERIFY(page.dom.contains(QStringLiteral("default-src 'none'; style-src 'unsafe-inline'")));
        QVERIFY(!page.dom.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
        QVERIFY(!page.dom.contains(QStringLiteral("<iframe"), Qt::CaseInsensitive));
        QVERIFY(!page.dom.contains(QStringLiteral("javascript:"), Qt::CaseInsensitive));
        QVERIFY(!page.dom.contains(QStringLiteral("<img"), Qt::CaseInsensitive));
        const QStringList urls = requestedUrls(page.netLog);
        QVERIFY2(urls.isEmpty(), qPrintable(urls.join(QLatin1Char(' '))));
        if (hostile)
            QVERIFY(page.dom.contains(QStringLiteral("Handler trusts &lt;b&gt; tags")));
    }
};

QTEST_GUILESS_MAIN(TestHtmlChromium)
#include "test_html_chromium.moc"
