// `reviewbench demo DIR`: writes the built-in demo (repository and review file) without a window.
#include "cli/cli.h"

#include "demo/demo_review.h"

namespace rb::cli {

int demoCommand(const QStringList &args)
{
    if (args.size() != 1 || args.first().startsWith(QLatin1Char('-'))) {
        err() << "usage: reviewbench demo DIR   (DIR must be empty or missing)\n";
        return ExitUsage;
    }
    const auto setup = demo::prepareDemo(args.first());
    if (!setup) {
        err() << "reviewbench: " << setup.error().message << "\n";
        return ExitFailed;
    }
    out() << "repository: " << setup->repositoryPath << "\n"
          << "review file: " << setup->reviewPath << "\n"
          << "open it with: reviewbench " << setup->reviewPath << "\n";
    return ExitOk;
}

} // namespace rb::cli
