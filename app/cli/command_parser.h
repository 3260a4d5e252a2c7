#pragma once
// Parsing a command line with QCommandLineParser, built from its CommandSpec. Options may
// come in any order and before or after the arguments; `--name=value` and `--name value`
// are the same; everything after `--` is an argument; `-` alone is an argument (standard
// input). A single dash word is one long option (-output is --output, never -o -u ...).
//
// Errors say what is wrong in the user's own words: "unknown option --frob", "--base needs
// a value", "--check takes no value", "unexpected argument \"x\"", "-o REVIEW.json is
// required", "expected REVIEW.json and FILE".

#include "cli/command_spec.h"
#include "util/result.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace rb::cli {

// What was given, by option. Options are looked up by any of their declared names; asking
// for an undeclared name is a programming error (asserted).
class CommandArgs {
public:
    explicit CommandArgs(const CommandSpec &spec) : m_spec(&spec) {}

    const CommandSpec &spec() const { return *m_spec; }
    bool isSet(const QString &option) const;
    QString value(const QString &option) const; // the last one given, else the default
    QStringList values(const QString &option) const; // in the order given
    const QStringList &arguments() const { return m_arguments; }
    QString argument(qsizetype i) const { return m_arguments.value(i); }
    bool helpRequested() const { return m_help; }

    // Prints "reviewbench NAME: problem", the usage and where to find the options to
    // standard error; returns ExitUsage. For the rules the command checks itself.
    int usageError(const QString &problem) const;

private:
    friend Result<CommandArgs> parseCommandLine(const CommandSpec &, const QStringList &);
    const OptionSpec &declared(const QString &option) const;

    const CommandSpec *m_spec;
    QHash<QString, QStringList> m_values; // by longName()
    QStringList m_arguments;
    bool m_help = false;
};

// Parses args (without the program and command names) against spec. The error's message
// is the problem alone (no prefix); its code is ExitUsage. -h/--help is always accepted
// and skips the required checks.
Result<CommandArgs> parseCommandLine(const CommandSpec &spec, const QStringList &args);

} // namespace rb::cli
