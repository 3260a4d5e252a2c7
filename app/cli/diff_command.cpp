// `reviewbench diff`: the file list or the unified patch of a review range, computed by the
// same git layer the workbench uses.
#include "cli/cli.h"

#include "git/range.h"
#include "git/range_diff.h"
#include "git/repository.h"

#include <QFile>
#include <QSaveFile>

#include <cstdio>
#include <optional>

namespace rb::cli {

namespace {

const char *kDiffUsage =
    "usage: reviewbench diff [--repo DIR] (--base REV --head REV | --working-tree) [--stat] [-o FILE]\n";

struct DiffArgs {
    QString repo = QStringLiteral(".");
    QString base;
    QString head;
    bool workingTree = false;
    bool stat = false;
    QString output;
};

std::optional<DiffArgs> parse(const QStringList &args, QString &problem)
{
    DiffArgs a;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        auto value = [&](QString &into) {
            if (i + 1 >= args.size()) {
                problem = arg + QStringLiteral(" needs a value");
                return false;
            }
            into = args[++i];
            return true;
        };
        if (arg == QLatin1String("--repo")) {
            if (!value(a.repo))
                return std::nullopt;
        } else if (arg == QLatin1String("--base")) {
            if (!value(a.base))
                return std::nullopt;
        } else if (arg == QLatin1String("--head")) {
            if (!value(a.head))
                return std::nullopt;
        } else if (arg == QLatin1String("-o") || arg == QLatin1String("--output")) {
            if (!value(a.output))
                return std::nullopt;
        } else if (arg == QLatin1String("--working-tree")) {
            a.workingTree = true;
        } else if (arg == QLatin1String("--stat")) {
            a.stat = true;
        } else {
            problem = QStringLiteral("unknown argument %1").arg(arg);
            return std::nullopt;
        }
    }
    if (a.workingTree && (!a.base.isEmpty() || !a.head.isEmpty())) {
        problem = QStringLiteral("--working-tree reviews the changes on top of HEAD; it takes no --base or --head");
        return std::nullopt;
    }
    if (!a.workingTree && (a.base.isEmpty() || a.head.isEmpty())) {
        problem = QStringLiteral("give --base and --head, or --working-tree");
        return std::nullopt;
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

} // namespace

int diffCommand(const QStringList &args)
{
    QString problem;
    const auto a = parse(args, problem);
    if (!a) {
        err() << "reviewbench diff: " << problem << "\n" << kDiffUsage;
        return ExitUsage;
    }
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

} // namespace rb::cli
