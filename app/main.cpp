// Reviewbench entry point: a subcommand runs headless; otherwise the workbench window opens.
#include "app_identity.h"
#include "cli/cli.h"
#include "cli/cli_docs.h"
#include "cli/help_text.h"
#include "main_window.h"
#include "screenshot_mode.h"
#include "style/appearance.h"
#include "version.h"
#include "window_arguments.h"

#include "cli/interrupt.h"
#include "demo/demo_folder.h"
#include "demo/demo_review.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QTimer>

#include <memory>

namespace {

QStringList argumentsOf(int argc, char **argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

} // namespace

int main(int argc, char **argv)
{
    using namespace rb;
    const QStringList args = argumentsOf(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Reviewbench"));
    QCoreApplication::setOrganizationName(QStringLiteral("Reviewbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REVIEWBENCH_VERSION));

    if (cli::isDumpCli(args)) // for the build and the completions: man page, completions, agent ids
        return cli::runDumpCli(args);
    if (app::isScreenshotMode(args)) // for packagers: docs/screenshots and AppStream
        return app::runScreenshotMode(argc, argv, args);
    if (cli::isSubcommand(args)) {
        QCoreApplication app(argc, argv);
        return cli::runSubcommand(args);
    }

    const auto parsed = app::parseWindowArguments(args);
    if (!parsed) {
        cli::err() << parsed.error().message << "\n";
        if (parsed.error().code == cli::ExitUsage)
            cli::err() << "Run `reviewbench --help` for the usage.\n";
        return parsed.error().code;
    }
    if (parsed->help) {
        cli::out() << cli::usageText();
        return cli::ExitOk;
    }
    if (parsed->version) {
        cli::out() << "reviewbench " << REVIEWBENCH_VERSION << "\n";
        return cli::ExitOk;
    }
    QStringList files;
    if (!parsed->reviewFile.isEmpty())
        files << parsed->reviewFile;
    const bool demoMode = parsed->demo;

    QApplication app(argc, argv);
    app::applyDesktopIdentity();
    ui::applySavedAppearance(); // the colour scheme chosen in Preferences, if not the desktop's
    // The demo lives in a temporary folder that is removed when the window closes; one left
    // by a demo that was killed is removed by the next (demo_folder.h).
    std::unique_ptr<demo::DemoFolder> demoDir;
    if (demoMode) {
        auto folder = demo::DemoFolder::create(QDir::tempPath());
        const auto setup = folder ? demo::prepareDemo((*folder)->path() + QStringLiteral("/demo"))
                                  : Result<demo::DemoSetup>(folder.error());
        if (!setup) {
            cli::err() << "reviewbench: cannot set up the demo: " << setup.error().message << "\n";
            return cli::ExitFailed;
        }
        demoDir = std::move(folder).value();
        files << setup->reviewPath;
    }
    // SIGINT and SIGTERM close the windows as the user would (the application ends with the
    // last one, and what must be cleaned up is); a window with unsaved changes asks first.
    cli::InterruptNotifier interrupts;
    QObject::connect(&interrupts, &cli::InterruptNotifier::interrupted, &app, [] {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (w->isWindow() && w->isVisible())
                w->close();
    });
    ui::MainWindow window;
    window.show();
    if (!files.isEmpty())
        window.openReviewFile(files.first());
    else if (!parsed->range)
        QTimer::singleShot(0, &window, [&window] { window.recoverUntitledReview(); }); // after a crash
    if (parsed->range && parsed->openRangeDirectly)
        window.openRange(*parsed->range);
    else if (parsed->range)
        QTimer::singleShot(0, &window, [&window, request = *parsed->range] { window.showOpenRangeDialog(request); });
    return app.exec();
}
