// Renders the workbench's main states to PNG files under the offscreen platform, from the
// build tree (the installed program does the same with `reviewbench --render-screenshots`).
// Usage: render_screenshots OUTPUT_DIR [light|dark] [REVIEW.json]
#include "demo/demo_review.h"
#include "screenshots/screenshot_tour.h"
#include "settings/app_settings.h"

#include <QApplication>
#include <QTemporaryDir>

#include <cstdio>

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: render_screenshots OUTPUT_DIR [light|dark] [REVIEW.json]\n");
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    const QString schemeName = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("light");
    const auto scheme = rb::ui::colorSchemeFromString(schemeName);
    if (!scheme || *scheme == rb::ui::ColorScheme::System) {
        std::fprintf(stderr, "render_screenshots: the scheme is light or dark, not '%s'\n", qPrintable(schemeName));
        return 2;
    }
    QTemporaryDir tmp;
    rb::ui::AppSettings::useFile(tmp.filePath(QStringLiteral("settings.ini")));
    QString reviewPath = argc > 3 ? QString::fromLocal8Bit(argv[3]) : QString();
    if (reviewPath.isEmpty()) {
        const auto setup = rb::demo::prepareDemo(tmp.filePath(QStringLiteral("demo")));
        if (!setup) {
            std::fprintf(stderr, "%s\n", qPrintable(setup.error().message));
            return 1;
        }
        reviewPath = setup->reviewPath;
    }
    const rb::ui::ScreenshotResult result = rb::ui::renderScreenshots(out, reviewPath, *scheme);
    for (const QString &path : result.written)
        std::printf("wrote %s\n", qPrintable(path));
    if (!result.error.isEmpty())
        std::fprintf(stderr, "render_screenshots: %s\n", qPrintable(result.error));
    return result.error.isEmpty() ? 0 : 1;
}
