// `reviewbench demo DIR`: writes the built-in demo (repository and review file) without a window.
#include "cli/cli.h"
#include "cli/command_parser.h"
#include "cli/command_table.h"

#include "demo/demo_review.h"

namespace rb::cli {

namespace {

int demoCommand(const CommandArgs &args)
{
    const auto setup = demo::prepareDemo(args.argument(0));
    if (!setup) {
        err() << "reviewbench: " << setup.error().message << "\n";
        return ExitFailed;
    }
    out() << "repository: " << setup->repositoryPath << "\n"
          << "review file: " << setup->reviewPath << "\n"
          << "open it with: reviewbench " << setup->reviewPath << "\n";
    return ExitOk;
}

} // namespace

CommandSpec demoCommandSpec()
{
    return {
        .name = QStringLiteral("demo"),
        .summary = QStringLiteral("write the built-in demo (a repository and its review file) to DIR"),
        .description = QStringLiteral(
            "Writes the built-in demo without a window: a small git repository with a made-up pull request, three "
            "agents' reviews of it and the review file consolidating them. DIR must be empty or missing. Open the "
            "result with `reviewbench DIR/review.json`, or try it in a temporary folder with `reviewbench --demo`."),
        .arguments = {{.name = QStringLiteral("DIR"), .description = QStringLiteral("an empty or missing folder")}},
        .run = demoCommand,
    };
}

} // namespace rb::cli
