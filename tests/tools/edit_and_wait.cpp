// Test helper, run as a child process: opens a review file in the workbench window
// (offscreen), makes edits, waits until they are autosaved, says "autosaved" and waits to be
// killed (kill -9) — a window that crashes with unsaved changes.
// Usage: edit_and_wait REVIEW.json ISSUE_ID SUMMARY
#include "document/document_guard.h"
#include "document/review_document.h"
#include "main_window.h"
#include "settings/app_settings.h"

#include <QApplication>
#include <QTemporaryDir>

#include <cstdio>

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc != 4)
        return 2;
    QTemporaryDir settings;
    rb::ui::AppSettings::useFile(settings.filePath(QStringLiteral("settings.ini")));
    rb::ui::MainWindow w;
    w.setInteractive(false);
    w.guard()->setAutosaveDelay(50);
    if (!w.openReviewFile(QString::fromLocal8Bit(argv[1])))
        return 1;
    QObject::connect(w.guard(), &rb::ui::DocumentGuard::autosaved, &app, [] {
        std::printf("autosaved\n");
        std::fflush(stdout);
    });
    if (!w.document()->setTriage(QString::fromLocal8Bit(argv[2]), rb::TriageState::Accepted)
        || !w.document()->setReviewText(rb::ui::ReviewText::ExecutiveSummary, QString::fromLocal8Bit(argv[3])))
        return 1;
    return app.exec(); // until killed
}
