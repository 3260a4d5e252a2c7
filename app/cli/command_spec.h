#pragma once
// The declaration of a command line: what a subcommand (or the window's own command line)
// accepts, written once as data. The parser (command_parser.h) is built from it, and so is
// every piece of help text (help_text.h); a man page or shell completions can be generated
// by walking the same table (command_table.h). Rules that relate options to each other
// (--base goes with --head, a value must be a positive number) stay in the command.

#include <QString>
#include <QStringList>

namespace rb::cli {

class CommandArgs;

struct OptionSpec {
    // Names without dashes; a one-letter name is written -o, a longer one --output. The
    // first name is the one errors and the synopsis show, the first long one the one a
    // command asks for (CommandArgs::value).
    QStringList names{};
    QString valueName{};   // e.g. "DIR"; empty for a flag
    QString description{}; // one sentence fragment, lower case, no final period
    QString defaultValue{}; // what value() returns when the option is absent (shown in help)
    bool repeatable = false; // may be given more than once; values() keeps them in order
    bool required = false;   // refused with "NAME VALUE is required" when absent

    bool takesValue() const { return !valueName.isEmpty(); }
    QString displayName() const; // "-o" or "--output": the first name with its dashes
    QString longName() const;    // the first name of more than one letter (or the only one)
};

struct ArgumentSpec {
    QString name{};        // "REVIEW.json", "PATCH|-"
    QString description{};
    bool optional = false;
    bool repeatable = false;
    // The message when a required argument is missing; default "expected NAME[ and NAME]".
    QString missingMessage{};
};

struct CommandSpec {
    QString name{};        // "apply"; empty for the window's command line
    QString summary{};     // one line for the command list
    QString description{}; // paragraphs for `reviewbench NAME --help` and the man page
    QList<ArgumentSpec> arguments{};
    QList<OptionSpec> options{}; // -h/--help is added to every command by the parser
    // Usage lines after "reviewbench NAME " when the generated one cannot say how options
    // combine (e.g. "(--base REV --head REV | --working-tree)"). Empty: generated.
    QStringList synopsis{};
    int (*run)(const CommandArgs &) = nullptr;

    const OptionSpec *option(const QString &optionName) const; // by any of its names
};

} // namespace rb::cli
