#pragma once
// The man page and the shell completions (bash, zsh, fish), generated from the command
// declarations (command_table.h) so that they cannot drift from what the parser accepts.
// `reviewbench --dump-cli man|bash|zsh|fish` prints one (the build installs them), and
// `reviewbench --dump-cli agents` prints the configured agents' ids, one a line, for the
// completions of --agent. Not listed in --help: a tool for the build and the completions.

#include <QString>
#include <QStringList>

namespace rb::cli {

QString manPage(const QString &version);
QString bashCompletion();
QString zshCompletion();
QString fishCompletion();

bool isDumpCli(const QStringList &args);
int runDumpCli(const QStringList &args); // args without the program name

} // namespace rb::cli
