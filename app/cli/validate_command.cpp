// `reviewbench validate FILE`: loads a review file with the same code the workbench uses.
#include "cli/cli.h"

#include "io/review_checks.h"
#include "io/review_file.h"

namespace rb::cli {

int validateCommand(const QStringList &args)
{
    if (args.size() != 1 || args.first().startsWith(QLatin1Char('-'))) {
        err() << "usage: reviewbench validate FILE\n";
        return ExitUsage;
    }
    const auto review = loadReviewFile(args.first());
    if (!review) {
        err() << "reviewbench: " << review.error().message << "\n";
        return ExitBadInput;
    }
    out() << args.first() << ": valid review file (schema version " << Review::kSchemaVersion << ")\n"
          << "  agents: " << review->agents.size() << "\n"
          << "  raw findings: " << review->findings.size() << "\n"
          << "  issues: " << review->issues.size() << "\n"
          << "  design observations: " << review->designObservations.size() << "\n";
    // Valid, but what will not work here or is waiting (standard error, exit status 0).
    for (const QString &w : reviewFileWarnings(*review, args.first()))
        err() << "warning: " << args.first() << ": " << w << "\n";
    return ExitOk;
}

} // namespace rb::cli
