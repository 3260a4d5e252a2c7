// Renders the workbench's main states to PNG files (docs/screenshots/), under the offscreen
// platform. Usage: render_screenshots OUTPUT_DIR [REVIEW.json]
#include "demo/demo_review.h"
#include "dialogs/open_range_dialog.h"
#include "diff/diff_view.h"
#include "document/review_document.h"
#include "session/review_session.h"
#include "widgets/diff_pane.h"
#include "io/review_file.h"
#include "main_window.h"
#include "seed_review.h"
#include "settings/app_settings.h"
#include "widgets/consolidation_pane.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QDir>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace {
bool grab(QWidget *w, const QString &path)
{
    QApplication::processEvents();
    const bool ok = w->grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}
} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: render_screenshots OUTPUT_DIR [REVIEW.json]\n");
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    QDir().mkpath(out);
    QTemporaryDir tmp;
    rb::ui::AppSettings::useFile(tmp.filePath(QStringLiteral("settings.ini")));
    QString reviewPath = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString();
    if (reviewPath.isEmpty()) {
        const auto setup = rb::demo::prepareDemo(tmp.filePath(QStringLiteral("demo")));
        if (!setup) {
            std::fprintf(stderr, "%s\n", qPrintable(setup.error().message));
            return 1;
        }
        reviewPath = setup->reviewPath;
    }
    rb::ui::MainWindow w;
    w.setInteractive(false);
    w.resize(1600, 1000);
    w.show();
    if (!w.openReviewFile(reviewPath))
        return 1;
    QElapsedTimer waited;
    waited.start();
    while (!w.session()->isOpen() && waited.elapsed() < 10000)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    w.consolidationPane()->selectIssue(QStringLiteral("issue-2"));
    for (int i = 0; i < 20; ++i)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    bool ok = grab(&w, out + QStringLiteral("/workbench.png"));
    w.diffPane()->toggleModeAction()->setChecked(true);
    ok &= grab(&w, out + QStringLiteral("/side-by-side.png"));
    w.diffPane()->toggleModeAction()->setChecked(false);
    w.consolidationPane()->selectIssue(QStringLiteral("issue-1"));
    auto *tabs = w.consolidationPane()->tabs();
    tabs->setCurrentIndex(1);
    ok &= grab(&w, out + QStringLiteral("/design.png"));
    tabs->setCurrentIndex(2);
    ok &= grab(&w, out + QStringLiteral("/summary.png"));
    tabs->setCurrentIndex(0);

    // The repository and range dialog on the review's repository, with its defaults, then
    // with a head that names nothing.
    rb::ui::OpenRangeDialog dialog(&w);
    dialog.setRepositoryPath(w.document()->review().metadata.repository);
    dialog.show();
    waited.restart();
    while (dialog.completions().isEmpty() && waited.elapsed() < 10000)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    ok &= grab(&dialog, out + QStringLiteral("/open-range.png"));
    dialog.setRange(QStringLiteral("main"), QStringLiteral("feature/typo"));
    ok &= grab(&dialog, out + QStringLiteral("/open-range-error.png"));
    return ok ? 0 : 1;
}
