// File names with control characters in the window: each name keeps one row, its newline
// or tab shown as an arrow, and the diff opens on it.
#include "git_fixture.h"
#include "main_window.h"
#include "session/review_session.h"
#include "settings/app_settings.h"
#include "style/visible_text.h"
#include "widgets/diff_pane.h"
#include "widgets/files_pane.h"

#include <QAbstractItemModel>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace rb;

class TestOddNamesWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void controlCharactersAreShownNotObeyed()
    {
        QCOMPARE(ui::visibleControls(QStringLiteral("two\nlines\t.txt\x7f\x1b")), QString::fromUtf8("two\xe2\x86\xb5lines\xe2\x86\x92.txt\\x7f\\x1b"));

        QTemporaryDir settings;
        ui::AppSettings::useFile(settings.filePath(QStringLiteral("settings.ini")));
        test::GitFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        const QString base = fx.commit({{"two\nlines.txt", {"x\n"}}, {"tab\there.txt", {"x\n"}}}, QStringLiteral("base"), {},
                                       QStringLiteral("refs/heads/main"));
        QVERIFY(!fx.commit({{"two\nlines.txt", {"y\n"}}, {"tab\there.txt", {"y\n"}}}, QStringLiteral("head"), {base},
                           QStringLiteral("refs/heads/-x"))
                     .isEmpty());
        ui::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openRange(ui::RangeRequest{fx.path(), QStringLiteral("main"), QStringLiteral("-x"), false}));
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->isOpen(), 10000);
        auto *tree = w.filesPane()->findChild<QTreeView *>(QStringLiteral("fileTree"));
        QVERIFY(tree);
        QStringList names;
        for (int r = 0; r < tree->model()->rowCount(); ++r)
            names << tree->model()->index(r, 0).data().toString();
        QVERIFY2(names.contains(QString::fromUtf8("two\xe2\x86\xb5lines.txt")), qPrintable(names.join(QLatin1Char('|'))));
        QVERIFY2(names.contains(QString::fromUtf8("tab\xe2\x86\x92here.txt")), qPrintable(names.join(QLatin1Char('|'))));
        w.diffPane()->showFile(w.session()->diff().indexOf(QStringLiteral("two\nlines.txt")));
        bool titled = false;
        for (QLabel *l : w.diffPane()->findChildren<QLabel *>())
            titled = titled || l->text().startsWith(QString::fromUtf8("two\xe2\x86\xb5lines.txt  (modified)"));
        QVERIFY(titled);
    }
};

QTEST_MAIN(TestOddNamesWindow)
#include "test_odd_names_window.moc"
