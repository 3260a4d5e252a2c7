#pragma once
// The command-line interface: subcommands that work without a display.

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
// Runs a subcommand; args exclude the program name.
int runSubcommand(const QStringList &args);

QString usageText();

// Subcommands
int validateCommand(const QStringList &args);
int demoCommand(const QStringList &args);
int exportCommand(const QStringList &args);
int consolidateCommand(const QStringList &args);
int applyCommand(const QStringList &args);
int importCommand(const QStringList &args);
int diffCommand(const QStringList &args);
int patchCommand(const QStringList &args);
int runCommand(const QStringList &args);

QTextStream &out();
QTextStream &err();

} // namespace rb::cli
