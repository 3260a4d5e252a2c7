#pragma once
// Every command line reviewbench accepts, as data: the window's own and each subcommand's,
// in the order `reviewbench --help` lists them. To add a subcommand, write its spec function
// (returning its CommandSpec with the function that runs it) in its own file, declare it
// below and add it to the table in command_table.cpp; parsing, `--help`, the usage on
// error and docs generated from the table follow.

#include "cli/command_spec.h"

#include <QList>

namespace rb::cli {

// The window's command line: `reviewbench [REPO] [--base REV --head REV | --working-tree]
// [REVIEW.json]`, `--demo`, `--help`, `--version`. Its run is empty: main opens the window.
const CommandSpec &windowCommand();

// The subcommands (no display needed).
const QList<CommandSpec> &subcommands();
const CommandSpec *findSubcommand(const QString &name);

// One spec per subcommand, each in that command's file.
CommandSpec validateCommandSpec();
CommandSpec demoCommandSpec();
CommandSpec consolidateCommandSpec();
CommandSpec applyCommandSpec();
CommandSpec exportCommandSpec();
CommandSpec importCommandSpec();
CommandSpec diffCommandSpec();
CommandSpec patchCommandSpec();
CommandSpec runCommandSpec();

} // namespace rb::cli
