#pragma once
// The command-line interface: subcommands that work without a display. Each one is
// declared as data in its own file (command_table.h lists them); this is how main runs them.

#include <QStringList>
#include <QTextStream>

namespace rb::cli {

// Exit codes, documented in docs/cli.md.
enum ExitCode {
    ExitOk = 0,
    ExitFailed = 1,         // the operation failed or was refused; nothing was changed
    ExitUsage = 2,          // wrong arguments
    ExitAlreadyApplied = 3, // `patch`: the fix is already in the file
    ExitBadInput = 4,       // an input file could not be read or is invalid
};

// True when args (without the program name) start with a known subcommand.
bool isSubcommand(const QStringList &args);
// Runs a subcommand; args exclude the program name. `reviewbench NAME --help` prints the
// command's help; wrong arguments print the problem and the usage (exit status 2).
int runSubcommand(const QStringList &args);

QTextStream &out();
QTextStream &err();

} // namespace rb::cli
