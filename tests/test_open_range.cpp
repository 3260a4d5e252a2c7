// Opening a repository and range: the dialog's validation and completion, and the new
// review it starts in the window, under the offscreen platform with real repositories.
#include "dialogs/open_range_dialog.h"
#include "document/review_document.h"
#include "git_fixture.h"
#include "main_window.h"
#include "session/review_session.h"
#include "settings/app_settings.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace rb;
using namespace rb::test;

namespace {
// main:    c1 - c2 - c3                (tag v1 -> c3, lightweight; origin/main -> c3)
// feature:       c2 - f1 - f2          (tag v2 -> f1, annotated)
// orphan:  o1                          (unrelated history)
// HEAD is feature, checked out, with a subfolder "src".
struct History {
    GitFixture fx;
    QString c1, c2, c3, f1, f2, o1;

    History()
    {
        c1 = fx.commit({{"a.txt", {"1\n"}}}, QStringLiteral("c1"), {});
        c2 = fx.commit({{"a.txt", {"1\n2\n"}}}, QStringLiteral("c2"), {c1});
        c3 = fx.commit({{"a.txt", {"1\n2\n3\n"}}}, QStringLiteral("c3"), {c2});
        f1 = fx.commit({{"a.txt", {"1\n2\n"}}, {"src/b.txt", {"b\n"}}}, QStringLiteral("f1: add b"), {c2},
                       QStringLiteral("refs/heads/feature"));
        f2 = fx.commit({{"a.txt", {"1\n2\n"}}, {"src/b.txt", {"b\nbb\n"}}}, QStringLiteral("f2: grow b"), {f1},
                       QStringLiteral("refs/heads/feature"));
        o1 = fx.commit({{"o.txt", {"o\n"}}}, QStringLiteral("o1"), {}, QStringLiteral("refs/heads/orphan"));
        fx.lightweightTag(QStringLiteral("v1"), c3);
        fx.annotatedTag(QStringLiteral("v2"), f1, QStringLiteral("version two"));
        fx.setRef(QStringLiteral("refs/remotes/origin/main"), c3);
        fx.setHead(QStringLiteral("refs/heads/feature"));
        fx.checkoutHead();
    }
};

QPushButton *okButton(ui::OpenRangeDialog &d)
{
    return d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}
} // namespace

class TestOpenRange : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { ui::AppSettings::useFile(m_dir.filePath(QStringLiteral("settings.ini"))); }

    // path: "repo", "repo/src", "missing" (a folder that does not exist) or "plain" (a folder
    // outside any repository). error: what the label must name; empty when the range is valid.
    void validates_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("head");
        QTest::addColumn<bool>("workingTree");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("summary");

        QTest::newRow("branches") << "repo" << "main" << "feature" << false << "" << "feature adds 2 commits";
        QTest::newRow("subfolder of the repository") << "repo/src" << "main" << "feature" << false << ""
                                                     << "feature adds 2 commits";
        QTest::newRow("tags") << "repo" << "v1" << "v2" << false << "" << "v2 adds 1 commit ";
        QTest::newRow("remote-tracking base") << "repo" << "origin/main" << "feature" << false << ""
                                              << "with origin/main";
        QTest::newRow("working tree") << "repo" << "nosuch" << "" << true << "" << "Uncommitted changes on top of HEAD";
        QTest::newRow("missing folder") << "missing" << "main" << "feature" << false << "missing: no such file or folder"
                                        << "";
        QTest::newRow("not a repository") << "plain" << "main" << "feature" << false
                                          << " is not inside a git repository" << "";
        QTest::newRow("unknown base") << "repo" << "mian" << "feature" << false << "unknown revision 'mian'" << "";
        QTest::newRow("unknown head") << "repo" << "main" << "featur" << false << "unknown revision 'featur'" << "";
        QTest::newRow("no merge base") << "repo" << "main" << "orphan" << false
                                       << "no merge base between 'main' and 'orphan'" << "";
        QTest::newRow("empty range") << "repo" << "feature" << "v2" << false << "empty range: 'v2'" << "";
        QTest::newRow("empty base") << "repo" << "" << "feature" << false << "Base:" << "";
        QTest::newRow("empty head") << "repo" << "main" << "" << false << "Head:" << "";
    }
    void validates()
    {
        QFETCH(QString, path);
        QFETCH(QString, base);
        QFETCH(QString, head);
        QFETCH(bool, workingTree);
        QFETCH(QString, error);
        QFETCH(QString, summary);
        History h;
        QVERIFY2(h.fx.ok(), qPrintable(h.fx.error()));
        QTemporaryDir plain;
        const QString folder = path == QLatin1String("repo")       ? h.fx.path()
                               : path == QLatin1String("repo/src") ? h.fx.path() + QStringLiteral("/src")
                               : path == QLatin1String("missing")  ? h.fx.tempRoot() + QStringLiteral("/missing")
                                                                   : plain.path();

        ui::OpenRangeDialog d;
        d.setRepositoryPath(folder);
        d.setRange(base, head);
        d.setWorkingTree(workingTree);
        auto *label = d.findChild<QLabel *>(QStringLiteral("rangeStatus"));
        QCOMPARE(okButton(d)->isEnabled(), error.isEmpty());
        QCOMPARE(d.resolved().has_value(), error.isEmpty());
        if (error.isEmpty()) {
            QVERIFY2(label->text().contains(summary), qPrintable(label->text()));
            QCOMPARE(d.errorText(), QString());
        } else {
            QVERIFY2(d.errorText().contains(error), qPrintable(d.errorText()));
            if (path == QLatin1String("plain"))
                QVERIFY(d.errorText().startsWith(plain.path()));
            QCOMPARE(label->text(), d.errorText());
        }
        QCOMPARE(d.findChild<QLineEdit *>(QStringLiteral("base"))->isEnabled(), !workingTree);
        QCOMPARE(d.findChild<QLineEdit *>(QStringLiteral("head"))->isEnabled(), !workingTree);
    }

    void revalidatesAsTheUserTypes()
    {
        History h;
        ui::OpenRangeDialog d;
        d.show();
        d.setRepositoryPath(h.fx.path());
        d.setRange(QStringLiteral("main"), QStringLiteral("feature"));
        QVERIFY(okButton(d)->isEnabled());
        auto *head = d.findChild<QLineEdit *>(QStringLiteral("head"));
        head->setFocus();
        QTest::keyClick(head, Qt::Key_X);
        QVERIFY(!okButton(d)->isEnabled());
        QVERIFY2(d.errorText().contains(QLatin1String("'featurex'")), qPrintable(d.errorText()));
        QTest::keyClick(head, Qt::Key_Backspace);
        QVERIFY(okButton(d)->isEnabled());
        d.findChild<QCheckBox *>(QStringLiteral("workingTree"))->setChecked(true);
        QVERIFY(!head->isEnabled());
        QCOMPARE(d.request().workingTree, true);
    }

    void completesBranchesAndTagsAndFillsDefaults()
    {
        History h;
        ui::OpenRangeDialog d;
        d.show();
        d.setRepositoryPath(h.fx.path());
        QSignalSpy loaded(&d, &ui::OpenRangeDialog::refsLoaded);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(d.completions(),
                 (QStringList{"feature", "main", "orphan", "origin/main", "v1", "v2"}));
        // Defaults: base is the main branch, head the current branch; that range is valid.
        auto *base = d.findChild<QLineEdit *>(QStringLiteral("base"));
        auto *head = d.findChild<QLineEdit *>(QStringLiteral("head"));
        QCOMPARE(base->text(), QStringLiteral("main"));
        QCOMPARE(head->text(), QStringLiteral("feature"));
        QVERIFY(okButton(d)->isEnabled());

        // Typing part of a name offers every name containing it.
        base->clear();
        base->setFocus();
        QTest::keyClicks(base, QStringLiteral("ma"));
        QCompleter *completer = base->completer();
        QCOMPARE(completer->completionCount(), 2); // main, origin/main
        QCOMPARE(completer->currentCompletion(), QStringLiteral("main"));
        QTest::keyClicks(base, QStringLiteral("in"));
        QCOMPARE(completer->completionCount(), 2);
        base->setText(QString());
        head->clear();
        head->setFocus();
        QTest::keyClicks(head, QStringLiteral("v"));
        QCOMPARE(head->completer()->completionCount(), 2); // v1, v2

        // A range the user gave survives a reload of the refs.
        d.setRange(QStringLiteral("v1"), QStringLiteral("v2"));
        d.setRepositoryPath(h.fx.path() + QStringLiteral("/src"));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(base->text(), QStringLiteral("v1"));
        QCOMPARE(head->text(), QStringLiteral("v2"));
        QCOMPARE(d.completions().size(), 6);
    }

    void offersRecentRepositories()
    {
        History h;
        ui::AppSettings::addRecentRepository(h.fx.path());
        ui::OpenRangeDialog d;
        auto *combo = d.findChild<QComboBox *>(QStringLiteral("repositoryPath"));
        QCOMPARE(combo->itemText(0), h.fx.path());
        QCOMPARE(d.request().repositoryPath, h.fx.path());
    }

    void acceptingStartsAReviewOfTheRange()
    {
        History h;
        ui::MainWindow w;
        w.setInteractive(false);
        w.show();
        bool driven = false;
        connect(&w, &ui::MainWindow::openRangeDialogShown, this, [&](QDialog *dialog) {
            auto *d = qobject_cast<ui::OpenRangeDialog *>(dialog);
            d->setRepositoryPath(h.fx.path() + QStringLiteral("/src"));
            QTimer::singleShot(0, d, [d, &driven] {
                const bool listed = QTest::qWaitFor([d] { return d->completions().size() == 6; }, 10000);
                driven = listed && okButton(*d)->isEnabled();
                if (driven)
                    okButton(*d)->click();
                else
                    d->reject(); // never leave the modal dialog open

            });
        });
        auto *action = w.findChild<QAction *>(QStringLiteral("openRepository"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+O")));
        action->trigger();
        QVERIFY(driven);

        const ReviewMetadata &m = w.document()->review().metadata;
        QCOMPARE(QFileInfo(m.repository).canonicalFilePath(), QFileInfo(h.fx.path()).canonicalFilePath());
        QVERIFY(QFileInfo(m.repository).isAbsolute());
        QCOMPARE(m.base, QStringLiteral("main"));
        QCOMPARE(m.head, QStringLiteral("feature"));
        QCOMPARE(m.mergeBase, h.c2);
        QCOMPARE(m.headSha, h.f2);
        QCOMPARE(m.commits.size(), 2);
        QVERIFY(!m.workingTree);
        QVERIFY(m.date.isValid());
        QCOMPARE(m.title, QStringLiteral("Deep Review: %1-feature").arg(m.date.toString(QStringLiteral("yyyyMMdd-HHmmss"))));
        QVERIFY(w.document()->path().isEmpty());
        QVERIFY(w.windowTitle().startsWith(m.title));
        QCOMPARE(ui::AppSettings::recentRepositories().value(0), m.repository);

        // The window opens the diff of the range.
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->isOpen(), 10000);
        QCOMPARE(w.session()->diff().fileCount(), 1);
        QCOMPARE(w.session()->diff().files().first().newPath, QStringLiteral("src/b.txt"));
    }

    void workingTreeModeReviewsUncommittedChanges()
    {
        History h;
        QVERIFY(h.fx.writeWorkFile("src/new.txt", "new\n"));
        ui::MainWindow w;
        w.setInteractive(false);
        ui::RangeRequest request;
        request.repositoryPath = h.fx.path();
        request.workingTree = true;
        QVERIFY(w.openRange(request));
        const ReviewMetadata &m = w.document()->review().metadata;
        QVERIFY(m.workingTree);
        QCOMPARE(m.headSha, h.f2);
        QVERIFY2(m.title.endsWith(QLatin1String("-feature-working-tree")), qPrintable(m.title));
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->isOpen(), 10000);
        QVERIFY(w.session()->diff().indexOf(QStringLiteral("src/new.txt")) >= 0);
    }

    void aRangeThatCannotBeResolvedKeepsWhatWasOpen()
    {
        History h;
        ui::MainWindow w;
        w.setInteractive(false);
        ui::RangeRequest good{h.fx.path(), QStringLiteral("main"), QStringLiteral("feature"), false};
        QVERIFY(w.openRange(good));
        const QString title = w.document()->review().metadata.title;
        ui::RangeRequest bad{h.fx.path(), QStringLiteral("main"), QStringLiteral("nosuch"), false};
        QVERIFY(!w.openRange(bad));
        QVERIFY2(w.lastError().contains(QLatin1String("unknown revision 'nosuch'")), qPrintable(w.lastError()));
        QCOMPARE(w.document()->review().metadata.title, title);
    }
};

QTEST_MAIN(TestOpenRange)
#include "test_open_range.moc"
