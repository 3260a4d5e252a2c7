// `reviewbench validate FILE`: loads a review file with the same code the workbench uses.
#include "cli/cli.h"
#include "cli/command_parser.h"
#include "cli/command_table.h"

#include "io/review_checks.h"
#include "io/review_file.h"

namespace rb::cli {

namespace {

int validateCommand(const CommandArgs &args)
{
    const QString path = args.argument(0);
    const auto review = loadReviewFile(path);
    if (!review) {
        err() << "reviewbench: " << review.error().message << "\n";
        return ExitBadInput;
    }
    out() << path << ": valid review file (schema version " << Review::kSchemaVersion << ")\n"
          << "  agents: " << review->agents.size() << "\n"
          << "  raw findings: " << review->findings.size() << "\n"
          << "  issues: " << review->issues.size() << "\n"
          << "  design observations: " << review->designObservations.size() << "\n";
    // Valid, but what will not work here or is waiting (standard error, exit status 0).
    for (const QString &w : reviewFileWarnings(*review, path))
        err() << "warning: " << path << ": " << w << "\n";
    return ExitOk;
}

} // namespace

CommandSpec validateCommandSpec()
{
    return {
        .name = QStringLiteral("validate"),
        .summary = QStringLiteral("check a review file and print a summary of it"),
        .description = QStringLiteral(
            "Loads FILE with the reader the workbench uses and prints the number of agents, raw findings, issues and "
            "design observations. A broken file is reported with the line and column of a JSON syntax error or the "
            "field that is wrong (exit status 4). A valid file can still get warnings on standard error: its "
            "repository does not exist on this machine, locations are marked stale, unsaved changes were left by a "
            "window that did not close cleanly, or the file is open in a live Reviewbench."),
        .arguments = {{.name = QStringLiteral("FILE"), .description = QStringLiteral("the review file")}},
        .run = validateCommand,
    };
}

} // namespace rb::cli
