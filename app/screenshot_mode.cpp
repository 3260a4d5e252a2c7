#include "screenshot_mode.h"

#include "app_identity.h"
#include "cli/cli.h"
#include "demo/demo_review.h"
#include "screenshots/screenshot_tour.h"
#include "settings/app_settings.h"

#include <QApplication>
#include <QTemporaryDir>

namespace rb::app {

namespace {
constexpr auto kOption = "--render-screenshots";
}

bool isScreenshotMode(const QStringList &args)
{
    return !args.isEmpty() && args.first() == QLatin1String(kOption);
}

int runScreenshotMode(int argc, char **argv, const QStringList &args)
{
    QString out, review, schemeName = QStringLiteral("light");
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--scheme") && i + 1 < args.size())
            schemeName = args[++i];
        else if (args[i].startsWith(QLatin1Char('-')) || (!out.isEmpty() && !review.isEmpty())) {
            cli::err() << "reviewbench --render-screenshots: unexpected argument '" << args[i]
                       << "'\nUsage: reviewbench --render-screenshots DIR [--scheme light|dark] [REVIEW.json]\n";
            return cli::ExitUsage;
        } else if (out.isEmpty())
            out = args[i];
        else
            review = args[i];
    }
    const auto scheme = ui::colorSchemeFromString(schemeName);
    if (out.isEmpty() || !scheme || *scheme == ui::ColorScheme::System) {
        cli::err() << "Usage: reviewbench --render-screenshots DIR [--scheme light|dark] [REVIEW.json]\n"
                   << (out.isEmpty() ? "" : "The scheme is light or dark.\n");
        return cli::ExitUsage;
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    applyDesktopIdentity();
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        cli::err() << "reviewbench: cannot create a temporary folder: " << scratch.errorString() << "\n";
        return cli::ExitFailed;
    }
    ui::AppSettings::useFile(scratch.filePath(QStringLiteral("settings.ini")));
    if (review.isEmpty()) {
        const auto setup = demo::prepareDemo(scratch.filePath(QStringLiteral("demo")));
        if (!setup) {
            cli::err() << "reviewbench: cannot set up the demo: " << setup.error().message << "\n";
            return cli::ExitFailed;
        }
        review = setup->reviewPath;
    }
    const ui::ScreenshotResult result = ui::renderScreenshots(out, review, *scheme);
    for (const QString &path : result.written)
        cli::out() << "wrote " << path << "\n";
    if (!result.error.isEmpty()) {
        cli::err() << "reviewbench: " << result.error << "\n";
        return cli::ExitFailed;
    }
    return cli::ExitOk;
}

} // namespace rb::app
