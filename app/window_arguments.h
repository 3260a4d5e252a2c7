#pragma once
// The window's command line: `reviewbench [REPO] [--base REV --head REV | --working-tree]
// [REVIEW.json]` and `reviewbench --demo`. Checked before any window opens: a range that
// cannot be resolved is reported on standard error with an exit code.

#include "session/review_session.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace rb::app {

struct WindowArguments {
    bool help = false;    // -h/--help: print cli::usageText() and exit
    bool version = false; // -v/--version
    bool demo = false;
    QString reviewFile;                    // open this review file
    std::optional<ui::RangeRequest> range; // a repository was named (or a range given)
    bool openRangeDirectly = false;        // base/head or --working-tree given: no dialog
};

// Parses args (without the program name) as cli::windowCommand() declares them. On failure returns an Error whose message is
// ready for standard error and whose code is the exit status (cli::ExitUsage for wrong
// arguments and revisions that name no reviewable range, cli::ExitBadInput for a path that
// is missing or not in a repository). A direct range is resolved here, so its errors come
// before any window.
Result<WindowArguments> parseWindowArguments(const QStringList &args);

} // namespace rb::app
