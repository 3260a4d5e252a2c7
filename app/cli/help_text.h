#pragma once
// Help text generated from the command declarations (command_spec.h): the usage lines shown
// with an error, `reviewbench NAME --help`, and `reviewbench --help` with the list of
// commands. Nothing here is written by hand per command.

#include "cli/command_spec.h"

#include <QString>

namespace rb::cli {

QString commandPrefix(const CommandSpec &spec); // "reviewbench apply", or "reviewbench"
QString synopsisLines(const CommandSpec &spec); // "reviewbench apply [--check] ... REVIEW.json\n", wrapped
QString usageLines(const CommandSpec &spec);    // the synopsis after "usage: "
QString helpHint(const CommandSpec &spec);      // "Run `reviewbench apply --help` for the options.\n"
QString commandHelp(const CommandSpec &spec);   // the whole of `reviewbench NAME --help`

// `reviewbench --help`: the window's command line, its options, every subcommand's
// synopsis and summary, and the exit status.
QString usageText();

} // namespace rb::cli
