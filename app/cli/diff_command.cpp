// `reviewbench diff`: the file list or the unified patch of a review range, computed by the
// same git layer the workbench uses.
#include "cli/cli.h"
#include "cli/command_parser.h"
#include "cli/command_table.h"

#include "git/range.h"
#include "git/range_diff.h"
#include "git/repository.h"

#include <QFile>
#include <QSaveFile>

#include <cstdio>
#include <optional>

namespace rb::cli {

namespace {

struct DiffArgs {
    QString repo;
    QString base;
    QString head;
    bool workingTree = false;
    bool stat = false;
    QString output;
};

// The values, and the rules between them that the parser does not know.
Result<DiffArgs> diffArgs(const CommandArgs &args)
{
    DiffArgs a;
    a.repo = args.value(QStringLiteral("repo"));
    a.base = args.value(QStringLiteral("base"));
    a.head = args.value(QStringLiteral("head"));
    a.output = args.value(QStringLiteral("output"));
    a.workingTree = args.isSet(QStringLiteral("working-tree"));
    a.stat = args.isSet(QStringLiteral("stat"));
    if (a.workingTree && (!a.base.isEmpty() || !a.head.isEmpty())) {
        return Error::of(QStringLiteral("--working-tree reviews the changes on top of HEAD; it takes no --base or --head"));
    }
    if (!a.workingTree && (a.base.isEmpty() || a.head.isEmpty())) {
        return Error::of(QStringLiteral("give --base and --head, or --working-tree"));
    }
    return a;
}

QString statPath(const git::FileDiff &f)
{
    if (f.status == git::FileStatus::Renamed || f.status == git::FileStatus::Copied)
        return f.oldPath + QStringLiteral(" -> ") + f.newPath;
    return f.path();
}

int printStat(const git::RangeDiff &diff)
{
    if (auto s = diff.materialiseAll(); !s) {
        err() << "reviewbench: " << s.error().message << "\n";
        return ExitFailed;
    }
    qint64 added = 0, removed = 0;
    for (int i = 0; i < diff.fileCount(); ++i) {
        const git::FileDiff f = diff.files()[i];
        const auto patch = diff.lineCounts(i).value();
        QString letter(git::fileStatusLetter(f.status));
        if (f.status == git::FileStatus::Renamed || f.status == git::FileStatus::Copied)
            letter += QString::number(f.similarity);
        const QString counts = patch.binary ? QStringLiteral("-\t-")
                                             : QStringLiteral("%1\t%2").arg(patch.added).arg(patch.removed);
        out() << letter << "\t" << counts << "\t" << statPath(f) << "\n";
        added += patch.added;
        removed += patch.removed;
    }
    out() << " " << diff.fileCount() << (diff.fileCount() == 1 ? " file" : " files") << " changed, " << added
          << " insertions(+), " << removed << " deletions(-)\n";
    if (diff.renameDetectionLimited())
        out() << " (too many added and deleted files: inexact renames were not searched, as `git diff` past diff.renameLimit)\n";
    return ExitOk;
}

int writePatch(const git::RangeDiff &diff, const QString &output)
{
    if (output.isEmpty() || output == QLatin1String("-")) {
        out().flush();
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly)) {
            err() << "reviewbench: cannot write to standard output\n";
            return ExitFailed;
        }
        if (auto s = diff.writeUnifiedPatch(stdoutFile); !s) {
            err() << "reviewbench: " << s.error().message << "\n";
            return ExitFailed;
        }
        return ExitOk;
    }
    // Written to a temporary file and renamed: an existing file is replaced only when complete.
    QSaveFile file(output);
    if (!file.open(QIODevice::WriteOnly)) {
        err() << "reviewbench: " << output << ": " << file.errorString() << "\n";
        return ExitFailed;
    }
    if (auto s = diff.writeUnifiedPatch(file); !s) {
        file.cancelWriting();
        err() << "reviewbench: " << output << ": " << s.error().message << "\n";
        return ExitFailed;
    }
    if (!file.commit()) {
        err() << "reviewbench: " << output << ": " << file.errorString() << "\n";
        return ExitFailed;
    }
    return ExitOk;
}

int diffCommand(const CommandArgs &args)
{
    const auto a = diffArgs(args);
    if (!a)
        return args.usageError(a.error().message);
    const auto repo = git::Repository::open(a->repo);
    if (!repo) {
        err() << "reviewbench: " << repo.error().message << "\n";
        return ExitFailed;
    }
    const auto range = a->workingTree ? git::resolveWorkingTree(*repo) : git::resolveRange(*repo, a->base, a->head);
    if (!range) {
        err() << "reviewbench: " << range.error().message << "\n";
        return ExitFailed;
    }
    const auto diff = git::RangeDiff::compute(*repo, *range);
    if (!diff) {
        err() << "reviewbench: " << diff.error().message << "\n";
        return ExitFailed;
    }
    return a->stat ? printStat(*diff) : writePatch(*diff, a->output);
}

} // namespace

CommandSpec diffCommandSpec()
{
    return {
        .name = QStringLiteral("diff"),
        .summary = QStringLiteral("print the file list (--stat) or the unified patch of a review range"),
        .description = QStringLiteral(
            "Computes a review range with the git layer the workbench uses (docs/git-layer.md): what --head adds "
            "on top of the merge base of --base and --head (`git diff BASE...HEAD`), or with --working-tree the "
            "uncommitted changes (staged, unstaged and untracked files) on top of HEAD. Without --stat, writes the "
            "range as one unified patch; with --stat, one line per file: status letter, added and removed line "
            "counts and the path, separated by tabs, then a summary line."),
        .options = {{.names = {QStringLiteral("repo")},
                     .valueName = QStringLiteral("DIR"),
                     .description = QStringLiteral("any folder inside the repository"),
                     .defaultValue = QStringLiteral(".")},
                    {.names = {QStringLiteral("base")},
                     .valueName = QStringLiteral("REV"),
                     .description = QStringLiteral("the branch, tag or commit the changes are measured against")},
                    {.names = {QStringLiteral("head")},
                     .valueName = QStringLiteral("REV"),
                     .description = QStringLiteral("the branch, tag or commit under review")},
                    {.names = {QStringLiteral("working-tree")},
                     .description = QStringLiteral("the uncommitted changes on top of HEAD instead of a range")},
                    {.names = {QStringLiteral("stat")}, .description = QStringLiteral("print the file list instead of the patch")},
                    {.names = {QStringLiteral("o"), QStringLiteral("output")},
                     .valueName = QStringLiteral("FILE"),
                     .description = QStringLiteral("write the patch to FILE (replaced once complete) instead of standard output")}},
        .synopsis = {QStringLiteral("[--repo DIR] (--base REV --head REV | --working-tree) [--stat] [-o FILE]")},
        .run = diffCommand,
    };
}

} // namespace rb::cli
