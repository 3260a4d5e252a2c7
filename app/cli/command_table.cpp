#include "cli/command_table.h"

namespace rb::cli {

const CommandSpec &windowCommand()
{
    static const CommandSpec spec{
        .name = QString(),
        .summary = QStringLiteral("open the workbench window"),
        .description = QStringLiteral(
            "Without a command, opens the workbench window: on REVIEW.json when given; on a new review of a "
            "range when a repository folder is given with --base and --head (or --working-tree; the repository "
            "defaults to the current folder); with the repository dialog prefilled when a repository folder is "
            "given alone. A range that cannot be resolved is reported before any window opens."),
        .arguments = {{.name = QStringLiteral("REPO|REVIEW.json"),
                       .description = QStringLiteral("a repository folder, or a review file (at most one of each)"),
                       .optional = true,
                       .repeatable = true}},
        .options = {{.names = {QStringLiteral("v"), QStringLiteral("version")},
                     .description = QStringLiteral("show the version and exit")},
                    {.names = {QStringLiteral("base")},
                     .valueName = QStringLiteral("REV"),
                     .description = QStringLiteral("the branch, tag or commit the changes are measured against")},
                    {.names = {QStringLiteral("head")},
                     .valueName = QStringLiteral("REV"),
                     .description = QStringLiteral("the branch, tag or commit under review (with --base)")},
                    {.names = {QStringLiteral("working-tree")},
                     .description = QStringLiteral("review the uncommitted changes on top of HEAD")},
                    {.names = {QStringLiteral("demo")},
                     .description = QStringLiteral("open the built-in demo: a small repository with a made-up PR, three "
                                                   "agents' reviews of it, consolidated (in a temporary folder)")}},
        .synopsis = {QStringLiteral("[OPTIONS] [REVIEW.json]"), QStringLiteral("[REPO] [--base REV --head REV | --working-tree]"),
                     QStringLiteral("--demo")},
    };
    return spec;
}

const QList<CommandSpec> &subcommands()
{
    static const QList<CommandSpec> table{
        validateCommandSpec(), demoCommandSpec(), consolidateCommandSpec(), applyCommandSpec(), exportCommandSpec(),
        importCommandSpec(),   diffCommandSpec(), patchCommandSpec(),       runCommandSpec(),
    };
    return table;
}

const CommandSpec *findSubcommand(const QString &name)
{
    for (const CommandSpec &c : subcommands())
        if (c.name == name)
            return &c;
    return nullptr;
}

} // namespace rb::cli
