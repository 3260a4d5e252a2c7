// The main window under the offscreen platform: it opens a review file, and a broken file
// leaves what was open untouched.
#include "io/review_file.h"
#include "main_window.h"
#include "seed_review.h"

#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace rb;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void opensAReviewFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("seed.json"));
        QVERIFY(saveReviewFile(test::seedReview(), path).ok());
        ui::MainWindow w;
        w.show();
        QVERIFY(w.openReviewFile(path));
        QCOMPARE(w.review().issues.size(), 8);
        QVERIFY(w.windowTitle().startsWith(QLatin1String("seed.json")));
        auto *summary = w.findChild<QLabel *>(QStringLiteral("reviewSummary"));
        QVERIFY(summary);
        QVERIFY2(summary->text().contains(QLatin1String("Deep Review: 20260321-135724-pr-242")), qPrintable(summary->text()));
    }

    void brokenFileKeepsWhatWasOpen()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("seed.json"));
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QVERIFY(saveReviewFile(test::seedReview(), good).ok());
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ not json");
        f.close();
        ui::MainWindow w;
        QVERIFY(w.openReviewFile(good));
        // Dismiss the error box the window shows.
        QTimer::singleShot(0, [] {
            for (QWidget *top : QApplication::topLevelWidgets())
                if (auto *box = qobject_cast<QMessageBox *>(top))
                    box->accept();
        });
        QVERIFY(!w.openReviewFile(bad));
        QCOMPARE(w.reviewPath(), QFileInfo(good).absoluteFilePath());
        QCOMPARE(w.review().issues.size(), 8);
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
