#include "cli/cli.h"
#include "cli/terminal_device.h"

#include "cli/command_parser.h"
#include "cli/command_table.h"
#include "cli/help_text.h"

namespace rb::cli {

QTextStream &out()
{
    static TerminalDevice device(stdout);
    static QTextStream s(&device);
    return s;
}

QTextStream &err()
{
    static TerminalDevice device(stderr);
    static QTextStream s(&device);
    return s;
}

bool isSubcommand(const QStringList &args)
{
    return !args.isEmpty() && findSubcommand(args.first()) != nullptr;
}

int runSubcommand(const QStringList &args)
{
    const CommandSpec &spec = *findSubcommand(args.first());
    const auto parsed = parseCommandLine(spec, args.mid(1));
    if (!parsed) {
        return CommandArgs(spec).usageError(parsed.error().message);
    }
    if (parsed->helpRequested()) {
        out() << commandHelp(spec);
        return ExitOk;
    }
    return spec.run(*parsed);
}

} // namespace rb::cli
