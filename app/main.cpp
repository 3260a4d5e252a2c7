// Reviewbench entry point: a subcommand runs headless; otherwise the workbench window opens.
#include "cli/cli.h"
#include "main_window.h"
#include "version.h"

#include <QApplication>
#include <QCoreApplication>

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

    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
        cli::out() << cli::usageText();
        return cli::ExitOk;
    }
    if (args.contains(QStringLiteral("--version")) || args.contains(QStringLiteral("-v"))) {
        cli::out() << "reviewbench " << REVIEWBENCH_VERSION << "\n";
        return cli::ExitOk;
    }
    if (cli::isSubcommand(args)) {
        QCoreApplication app(argc, argv);
        return cli::runSubcommand(args);
    }

    QStringList files;
    for (const QString &a : args) {
        if (a.startsWith(QLatin1Char('-'))) {
            cli::err() << "reviewbench: unknown option " << a << "\n" << cli::usageText();
            return cli::ExitUsage;
        }
        files << a;
    }
    if (files.size() > 1) {
        cli::err() << "reviewbench: give at most one review file\n";
        return cli::ExitUsage;
    }

    QApplication app(argc, argv);
    ui::MainWindow window;
    window.show();
    if (!files.isEmpty())
        window.openReviewFile(files.first());
    return app.exec();
}
