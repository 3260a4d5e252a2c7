#include "window_arguments.h"

#include "cli/cli.h"
#include "cli/command_parser.h"
#include "cli/command_table.h"
#include "git/git_error.h"
#include "session/new_review.h"

#include <QDir>
#include <QFileInfo>

namespace rb::app {

namespace {

Error usage(const QString &message)
{
    return Error::of(QStringLiteral("reviewbench: %1").arg(message), cli::ExitUsage);
}

} // namespace

Result<WindowArguments> parseWindowArguments(const QStringList &args)
{
    const auto parsed = cli::parseCommandLine(cli::windowCommand(), args);
    if (!parsed)
        return usage(parsed.error().message);
    WindowArguments out;
    out.help = parsed->helpRequested();
    out.version = parsed->isSet(QStringLiteral("version"));
    if (out.help || out.version)
        return out;
    out.demo = parsed->isSet(QStringLiteral("demo"));
    const bool workingTree = parsed->isSet(QStringLiteral("working-tree"));
    const QString base = parsed->value(QStringLiteral("base"));
    const QString head = parsed->value(QStringLiteral("head"));
    for (const QString &option : {QStringLiteral("base"), QStringLiteral("head")})
        if (parsed->isSet(option) && parsed->value(option).isEmpty())
            return usage(QStringLiteral("--%1 needs a revision (a branch, tag or commit), not an empty string").arg(option));
    QString repository;
    for (const QString &a : parsed->arguments()) {
        const QFileInfo info(a);
        if (!info.exists())
            return Error::of(QStringLiteral("reviewbench: %1: no such file or folder").arg(a), cli::ExitBadInput);
        QString &slot = info.isDir() ? repository : out.reviewFile;
        if (!slot.isEmpty())
            return usage(QStringLiteral("give at most one %1")
                             .arg(info.isDir() ? QStringLiteral("repository") : QStringLiteral("review file")));
        slot = a;
    }
    const bool rangeGiven = !base.isEmpty() || !head.isEmpty();
    if (rangeGiven && (base.isEmpty() || head.isEmpty()))
        return usage(QStringLiteral("give both --base and --head"));
    if (rangeGiven && workingTree)
        return usage(QStringLiteral("give --base and --head, or --working-tree, not both"));
    if (out.demo && (!out.reviewFile.isEmpty() || !repository.isEmpty() || rangeGiven || workingTree))
        return usage(QStringLiteral("--demo opens the demo alone; give no repository, range or review file with it"));
    if (!out.reviewFile.isEmpty() && (!repository.isEmpty() || rangeGiven || workingTree))
        return usage(QStringLiteral("give a review file, or a repository and range, not both"));
    if (repository.isEmpty() && (rangeGiven || workingTree))
        repository = QDir::currentPath();
    if (repository.isEmpty())
        return out;

    ui::RangeRequest request;
    request.repositoryPath = QFileInfo(repository).absoluteFilePath();
    request.base = base;
    request.head = head;
    request.workingTree = workingTree;
    out.openRangeDirectly = rangeGiven || workingTree;
    if (out.openRangeDirectly) {
        const auto resolved = ui::resolveRequest(request);
        if (!resolved) {
            const bool badPath = resolved.error().code == git::ErrorNotARepository;
            return Error::of(QStringLiteral("reviewbench: %1").arg(resolved.error().message),
                             badPath ? cli::ExitBadInput : cli::ExitUsage);
        }
    }
    out.range = request;
    return out;
}

} // namespace rb::app
