#include "screenshots/screenshot_tour.h"

#include "agents/agent_config.h"
#include "dialogs/open_range_dialog.h"
#include "dialogs/preferences_dialog.h"
#include "document/review_document.h"
#include "main_window.h"
#include "session/review_session.h"
#include "widgets/consolidation_pane.h"
#include "widgets/diff_pane.h"
#include "widgets/files_pane.h"
#include "widgets/find_bar.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QTabWidget>

namespace rb::ui {

namespace {
void settle(int rounds = 20)
{
    for (int i = 0; i < rounds; ++i)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
}

template <typename Done>
bool waitFor(Done done, int ms = 10000)
{
    QElapsedTimer waited;
    waited.start();
    while (!done() && waited.elapsed() < ms)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    return done();
}
} // namespace

ScreenshotResult renderScreenshots(const QString &outputDir, const QString &reviewPath, ColorScheme scheme)
{
    ScreenshotResult result;
    if (!QDir().mkpath(outputDir)) {
        result.error = QStringLiteral("%1: cannot create the folder").arg(outputDir);
        return result;
    }
    const QString suffix = scheme == ColorScheme::Dark ? QStringLiteral("-dark") : QString();
    const auto grab = [&](QWidget *w, const QString &name) {
        settle();
        const QString path = QDir(outputDir).absoluteFilePath(name + suffix + QStringLiteral(".png"));
        if (!w->grab().save(path)) {
            if (result.error.isEmpty())
                result.error = QStringLiteral("%1: cannot write the image").arg(path);
            return;
        }
        result.written << path;
    };
    applyColorScheme(scheme);

    MainWindow w;
    w.setInteractive(false);
    w.resize(1600, 1000);
    w.show();
    if (!w.openReviewFile(reviewPath)) {
        result.error = QStringLiteral("%1: %2").arg(reviewPath, w.lastError());
        return result;
    }
    if (!waitFor([&w] { return w.session()->isOpen(); })) {
        result.error = QStringLiteral("%1: the review's repository did not open within 10 s").arg(reviewPath);
        return result;
    }
    w.consolidationPane()->selectIssue(QStringLiteral("issue-2"));
    grab(&w, QStringLiteral("workbench"));
    w.diffPane()->toggleModeAction()->setChecked(true);
    grab(&w, QStringLiteral("side-by-side"));
    w.diffPane()->toggleModeAction()->setChecked(false);
    w.consolidationPane()->selectIssue(QStringLiteral("issue-1"));
    QTabWidget *tabs = w.consolidationPane()->tabs();
    tabs->setCurrentIndex(1);
    grab(&w, QStringLiteral("design"));
    tabs->setCurrentIndex(2);
    grab(&w, QStringLiteral("summary"));
    tabs->setCurrentIndex(0);

    // Finding things: the diff's find bar, the file filter and the issue search at once.
    w.filesPane()->filterField()->setText(QStringLiteral("*.py"));
    w.consolidationPane()->searchField()->setText(QStringLiteral("reserve"));
    w.diffPane()->findAction()->trigger();
    w.diffPane()->findBar()->field()->setText(QStringLiteral("m_size"));
    w.diffPane()->findNextAction()->trigger();
    grab(&w, QStringLiteral("find"));
    w.diffPane()->findBar()->field()->clear();
    w.diffPane()->findBar()->hide();
    w.filesPane()->filterField()->clear();
    w.consolidationPane()->searchField()->clear();

    // The report preview beside the diff, rendered like the export.
    if (auto *report = w.findChild<QDockWidget *>(QStringLiteral("reportDock"))) {
        report->raise();
        grab(&w, QStringLiteral("report-preview"));
        if (auto *consolidation = w.findChild<QDockWidget *>(QStringLiteral("consolidationDock")))
            consolidation->raise();
    }

    // The repository and range dialog on the review's repository, with its defaults, then
    // with a head that names nothing.
    OpenRangeDialog dialog(&w);
    dialog.setRepositoryPath(w.document()->review().metadata.repository);
    dialog.show();
    waitFor([&dialog] { return !dialog.completions().isEmpty(); });
    grab(&dialog, QStringLiteral("open-range"));
    dialog.setRange(QStringLiteral("main"), QStringLiteral("feature/typo"));
    grab(&dialog, QStringLiteral("open-range-error"));
    dialog.hide();

    // Preferences as the user would see it (it is never applied here, so nothing is written).
    PreferencesDialog preferences(agents::defaultAgentConfigPath(), &w);
    preferences.show();
    grab(&preferences, QStringLiteral("preferences"));
    if (auto *pages = preferences.findChild<QTabWidget *>()) {
        pages->setCurrentIndex(1);
        grab(&preferences, QStringLiteral("preferences-agents"));
    }
    return result;
}

} // namespace rb::ui
