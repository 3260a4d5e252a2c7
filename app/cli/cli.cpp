#include "cli/cli.h"
#include "cli/terminal_device.h"

#include <functional>
#include <map>

namespace rb::cli {

namespace {
using Command = std::function<int(const QStringList &)>;

const std::map<QString, Command> &commands()
{
    static const std::map<QString, Command> table{
        {QStringLiteral("validate"), validateCommand},
        {QStringLiteral("demo"), demoCommand},
        {QStringLiteral("export"), exportCommand},
        {QStringLiteral("consolidate"), consolidateCommand},
        {QStringLiteral("apply"), applyCommand},
        {QStringLiteral("import"), importCommand},
        {QStringLiteral("diff"), diffCommand},
        {QStringLiteral("patch"), patchCommand},
        {QStringLiteral("run"), runCommand},
    };
    return table;
}
} // namespace

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
    return !args.isEmpty() && commands().count(args.first()) > 0;
}

int runSubcommand(const QStringList &args)
{
    return commands().at(args.first())(args.mid(1));
}

QString usageText()
{
    return QStringLiteral(
        "Usage: reviewbench [OPTIONS] [REVIEW.json]\n"
        "       reviewbench [REPO] [--base REV --head REV | --working-tree]\n"
        "       reviewbench --demo\n"
        "       reviewbench COMMAND [ARGS...]\n"
        "\n"
        "Without a command, opens the workbench window: on REVIEW.json when given; on a new\n"
        "review of a range when a repository folder is given with --base and --head (or\n"
        "--working-tree; the repository defaults to the current folder); with the repository\n"
        "dialog prefilled when a repository folder is given alone. A range that cannot be\n"
        "resolved is reported before any window opens.\n"
        "\n"
        "Options:\n"
        "  -h, --help       show this help and exit\n"
        "  -v, --version    show the version and exit\n"
        "      --base REV   the branch, tag or commit the changes are measured against\n"
        "      --head REV   the branch, tag or commit under review (with --base)\n"
        "      --working-tree  review the uncommitted changes on top of HEAD\n"
        "      --demo       open the built-in demo: a small repository with a made-up PR,\n"
        "                   three agents' reviews of it, consolidated (in a temporary folder)\n"
        "\n"
        "Commands (no display needed):\n"
        "  validate FILE    check a review file and print a summary of it\n"
        "  demo DIR         write the built-in demo (a repository and its review file) to DIR\n"
        "  consolidate --review NAME=FILE... [--duration NAME=SECONDS]...\n"
        "         [--repo DIR --base REV --head REV] -o REVIEW.json\n"
        "                   parse agents' raw reviews and group their findings into issues\n"
        "  apply REVIEW.json [--issue ID]... [--accepted] [--check] [--repo DIR]\n"
        "                   apply (or only check) the issues' fixes to the working tree\n"
        "  export REVIEW.json --format md|html|json|sarif [-o FILE]\n"
        "                   write the consolidated report (standard output without -o)\n"
        "  import REVIEW.json --agent NAME [--id ID] [--format auto|markdown|json|sarif]\n"
        "         [--source-root DIR] FILE\n"
        "                   add a raw review (Markdown, findings JSON or SARIF) as an agent\n"
        "  diff [--repo DIR] (--base REV --head REV | --working-tree) [--stat] [-o FILE]\n"
        "                   print the file list (--stat) or write the unified patch of a\n"
        "                   review range: what --head adds on top of its merge base with --base\n"
        "  patch [--check] [--repo DIR] [--path FILE] [--quoted FILE] PATCH|-\n"
        "                   apply (or only check) a patch or fix fragment to the working\n"
        "                   tree of DIR's repository (default: the current folder's);\n"
        "                   --path names the file when the fragment has no file header\n"
        "  run [--repo DIR] --base REV --head REV [--agent NAME]... [--config FILE]\n"
        "      [--timeout SECONDS] [--prompt-template FILE] [--progress-interval SECONDS]\n"
        "      [--force] -o REVIEW.json\n"
        "                   run review agents in parallel on a range and write a new review\n"
        "                   file with every run; Ctrl-C cancels them (see docs/agents.md)\n"
        "\n"
        "Exit status: 0 success, 1 failed or refused, 2 wrong arguments,\n"
        "3 already applied (patch), 4 an input file is unreadable or invalid.\n"
        "See docs/cli.md for details.\n");
}

} // namespace rb::cli
