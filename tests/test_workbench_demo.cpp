// The workbench on the built-in demo, driven through its widgets: the diff opens, fixes are
// previewed, applied and reverted on the demo's working tree, and the review file records it.
#include "demo/demo_review.h"
#include "diff/diff_view.h"
#include "document/review_document.h"
#include "io/review_file.h"
#include "main_window.h"
#include "session/review_session.h"
#include "settings/app_settings.h"
#include "widgets/consolidation_pane.h"
#include "widgets/diff_pane.h"
#include "widgets/files_pane.h"
#include "widgets/fixes_pane.h"
#include "widgets/report_pane.h"

#include <QApplication>
#include <QTabWidget>
#include <QTableWidget>

#include <QFile>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rb;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString issueWithMember(const Review &r, const QString &findingId)
{
    for (const Issue &i : r.issues)
        if (i.members.contains(findingId))
            return i.id;
    return {};
}
} // namespace

class TestWorkbenchDemo : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    demo::DemoSetup m_demo;

private Q_SLOTS:
    void init()
    {
        ui::AppSettings::useFile(m_dir.filePath(QStringLiteral("settings.ini")));
        QDir(m_dir.filePath(QStringLiteral("demo"))).removeRecursively();
        const auto setup = demo::prepareDemo(m_dir.filePath(QStringLiteral("demo")));
        QVERIFY2(setup.ok(), qPrintable(setup.ok() ? QString() : setup.error().message));
        m_demo = *setup;
    }

    void opensTheDiffOfTheRange()
    {
        ui::MainWindow w;
        w.setInteractive(false);
        w.show();
        QVERIFY(w.openReviewFile(m_demo.reviewPath));
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->isOpen(), 10000);
        QCOMPARE(w.session()->diff().fileCount(), 3);
        // Selecting the first issue reveals its place in the diff.
        QVERIFY(!w.diffPane()->view()->path().isEmpty());
        QVERIFY(w.diffPane()->view()->rowCount() > 5);
        w.diffPane()->toggleModeAction()->trigger();
        QVERIFY(w.diffPane()->view()->mode() == ui::DiffView::Mode::SideBySide);
    }

    void previewApplyRevertAndRecord()
    {
        ui::MainWindow w;
        w.setInteractive(false);
        w.show();
        QVERIFY(w.openReviewFile(m_demo.reviewPath));
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->isOpen(), 10000);
        const QString stock = m_demo.repositoryPath + QStringLiteral("/inventory/stock.py");
        const QByteArray before = readAll(stock);
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QString issue = issueWithMember(w.document()->review(), QStringLiteral("claude:I1"));
        QVERIFY(!issue.isEmpty());
        w.consolidationPane()->selectIssue(issue);

        ui::FixesPane *fixes = w.fixesPane();
        QVERIFY(fixes->previewFix());
        auto *preview = fixes->findChild<QPlainTextEdit *>(QStringLiteral("fixPreview"));
        QVERIFY2(preview->toPlainText().contains(QLatin1String("+        except (OutOfStock, ValueError):")),
                 qPrintable(preview->toPlainText()));
        QCOMPARE(readAll(stock), before); // a preview writes nothing

        QTest::keyClick(&w, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier); // apply
        QVERIFY(readAll(stock) != before);
        QVERIFY(readAll(stock).contains("self.release(sku, quantity)\n            raise"));
        QVERIFY(w.document()->review().issue(issue)->fixState == FixState::Applied);
        QVERIFY(w.isWindowModified());

        QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier); // revert
        QCOMPARE(readAll(stock), before);
        QVERIFY(w.document()->review().issue(issue)->fixState == FixState::Reverted);

        QVERIFY(w.document()->save().ok());
        const auto saved = loadReviewFile(m_demo.reviewPath);
        QVERIFY(saved.ok());
        QVERIFY(saved->issue(issue)->fixState == FixState::Reverted);
    }

    void aFixThatDoesNotApplyIsRecordedAsFailed()
    {
        ui::MainWindow w;
        w.setInteractive(false);
        w.show();
        QVERIFY(w.openReviewFile(m_demo.reviewPath));
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->isOpen(), 10000);
        const QString report = m_demo.repositoryPath + QStringLiteral("/inventory/report.py");
        const QByteArray before = readAll(report);
        const QString issue = issueWithMember(w.document()->review(), QStringLiteral("gemini:2"));
        w.consolidationPane()->selectIssue(issue);
        QVERIFY(!w.fixesPane()->applyFix());
        QCOMPARE(readAll(report), before);
        const Issue *i = w.document()->review().issue(issue);
        QVERIFY(i->fixState == FixState::Failed);
        QVERIFY2(i->fixRecords.value(0).message.contains(QLatin1String("not found")), qPrintable(i->fixRecords.value(0).message));
    }

    // Plain replacement code over code the author has changed since the review: the
    // preview says why it is refused, and nothing is written.
    void previewShowsWhyAReplacementIsRefused()
    {
        auto review = loadReviewFile(m_demo.reviewPath);
        QVERIFY(review.ok());
        const QString issueId = issueWithMember(*review, QStringLiteral("claude:I1"));
        Issue *issue = review->issue(issueId);
        QVERIFY(issue && !issue->codeExcerpt.isEmpty());
        const QString replacement = QStringLiteral("    def reserve_many(self, items):\n"
                                         "        \"\"\"Reserves every (sku, quantity) pair, or none of them.\"\"\"\n"
                                         "        reserved = []\n"
                                         "        try:\n"
                                         "            for sku, quantity in items:\n"
                                         "                self.reserve(sku, quantity)\n"
                                         "                reserved.append((sku, quantity))\n"
                                         "        except (OutOfStock, ValueError):\n"
                                         "            for sku, quantity in reserved:\n"
                                         "                self.release(sku, quantity)\n"
                                         "            raise\n"
                                         "        return reserved\n");
        issue->fixes = {IssueFix{QStringLiteral("claude:I1"), QStringLiteral("inventory/stock.py"), QString(), replacement, true}};
        QVERIFY(saveReviewFile(*review, m_demo.reviewPath).ok());
        // The author's own fix, made after the review.
        const QString stock = m_demo.repositoryPath + QStringLiteral("/inventory/stock.py");
        QByteArray text = readAll(stock);
        QVERIFY(text.contains("            self.reserve(sku, quantity)\n"));
        text.replace("            self.reserve(sku, quantity)\n", "            if not self.try_reserve(sku, quantity):\n"
                                                                  "                self.release_all(reserved)\n"
                                                                  "                raise OutOfStock(sku)\n");
        QFile f(stock);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(text) == text.size());
        f.close();

        ui::MainWindow w;
        w.setInteractive(false);
        w.resize(1400, 900);
        w.show();
        QVERIFY(w.openReviewFile(m_demo.reviewPath));
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->isOpen(), 10000);
        w.consolidationPane()->selectIssue(issueId);
        ui::FixesPane *fixes = w.fixesPane();
        QVERIFY(!fixes->previewFix());
        auto *preview = fixes->findChild<QPlainTextEdit *>(QStringLiteral("fixPreview"));
        const QString shown = preview->toPlainText();
        QVERIFY2(shown.contains(QLatin1String("the code the finding quotes has changed since the review: its line "
                                              "\"self.reserve(sku, quantity)\" is no longer in the file")),
                 qPrintable(shown));
        if (const QByteArray dir = qgetenv("RB_SCREENSHOT_DIR"); !dir.isEmpty()) {
            for (QWidget *p = fixes->parentWidget(); p; p = p->parentWidget())
                if (auto *tabs = qobject_cast<QTabWidget *>(p)) {
                    tabs->setCurrentIndex(tabs->indexOf(fixes));
                    break;
                }
            QApplication::processEvents();
            QVERIFY(w.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/fix-refused.png")));
        }
        QVERIFY(!fixes->applyFix());
        QCOMPARE(readAll(stock), text);
    }

    void applyAllAcceptedAppliesOnlyAccepted()
    {
        ui::MainWindow w;
        w.setInteractive(false);
        w.show();
        QVERIFY(w.openReviewFile(m_demo.reviewPath));
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->isOpen(), 10000);
        const QString drainIssue = issueWithMember(w.document()->review(), QStringLiteral("claude:I2"));
        const QString reserveIssue = issueWithMember(w.document()->review(), QStringLiteral("claude:I1"));
        QVERIFY(w.document()->setTriage(drainIssue, TriageState::Accepted));
        QCOMPARE(w.fixesPane()->applyAllAccepted(), 1);
        QVERIFY(w.document()->review().issue(drainIssue)->fixState == FixState::Applied);
        QVERIFY(w.document()->review().issue(reserveIssue)->fixState == FixState::NotApplied);
        QVERIFY(readAll(m_demo.repositoryPath + QStringLiteral("/native/ring_buffer.h")).contains("moved < max"));
    }

    void triageThenExportTheReport()
    {
        ui::MainWindow w;
        w.setInteractive(false);
        w.show();
        QVERIFY(w.openReviewFile(m_demo.reviewPath));
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QString falsePositive = issueWithMember(w.document()->review(), QStringLiteral("codex:S1"));
        w.consolidationPane()->selectIssue(falsePositive);
        QTest::keyClick(&w, Qt::Key_F);
        QVERIFY(w.document()->review().issue(falsePositive)->triage == TriageState::FalsePositive);
        w.document()->setVerdict({VerdictKind::MergeWithFixes, QStringLiteral("two fixes first")});

        const QString md = m_dir.filePath(QStringLiteral("report.md"));
        const QString html = m_dir.filePath(QStringLiteral("report.html"));
        QString error;
        QVERIFY2(w.reportPane()->exportTo(md, &error), qPrintable(error));
        QVERIFY2(w.reportPane()->exportTo(html, &error), qPrintable(error));
        const QString markdown = QString::fromUtf8(readAll(md));
        QVERIFY2(markdown.contains(QStringLiteral("**Merge with fixes** — two fixes first")), qPrintable(markdown.left(1500)));
        QVERIFY(markdown.contains(QLatin1String("moves `max + 1` items")));
        // The false positive leaves the issue sections but stays counted in the retro.
        const QString issuesPart = markdown.section(QStringLiteral("Design Observations"), 0, 0);
        QVERIFY(!issuesPart.contains(QLatin1String("reads `_levels` without the lock")));
        QVERIFY(QString::fromUtf8(readAll(html)).startsWith(QLatin1String("<!DOCTYPE html>")));
        QVERIFY(!w.reportPane()->exportTo(m_dir.filePath(QStringLiteral("report.pdf")), &error));
        QVERIFY(error.contains(QLatin1String("unknown report format")));

        auto *retro = w.findChild<QTableWidget *>(QStringLiteral("retroTable"));
        QVERIFY(retro);
        QCOMPARE(retro->columnCount(), 3);
        bool falsePositiveCounted = false;
        for (int r = 0; r < retro->rowCount(); ++r)
            if (retro->verticalHeaderItem(r)->text() == QLatin1String("False positives"))
                falsePositiveCounted = retro->item(r, 1)->text() == QLatin1String("1");
        QVERIFY(falsePositiveCounted);
    }
};

QTEST_MAIN(TestWorkbenchDemo)
#include "test_workbench_demo.moc"
