// `reviewbench patch [--check] [--repo DIR] [--path FILE] [--quoted FILE] PATCH|-`: applies
// (or checks) one patch or fix fragment to a repository's working tree and reports each
// hunk's placement. The patch is read as bytes and used as such.
#include "cli/cli.h"
#include "cli/command_parser.h"
#include "cli/command_table.h"

#include "git/repository.h"
#include "patch/fix_applier.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace rb::cli {

namespace {
// --path as the user typed it: relative to the current folder when that lands inside the
// working tree, else relative to the working tree's root.
QString workTreeRelative(const QString &workTree, const QString &path)
{
    const QString root = QFileInfo(workTree).canonicalFilePath();
    const QFileInfo info(path);
    QString absolute = info.isAbsolute() ? path : QDir::current().absoluteFilePath(path);
    const QFileInfo absInfo(absolute);
    if (absInfo.exists())
        absolute = absInfo.canonicalFilePath();
    else if (QFileInfo(absInfo.absolutePath()).exists())
        absolute = QFileInfo(absInfo.absolutePath()).canonicalFilePath() + QLatin1Char('/') + absInfo.fileName();
    if (!root.isEmpty() && absolute.startsWith(root + QLatin1Char('/')) && (info.isAbsolute() || QFileInfo::exists(path)))
        return absolute.mid(root.size() + 1);
    return path;
}

int patchCommand(const CommandArgs &args)
{
    const bool checkOnly = args.isSet(QStringLiteral("check"));
    const QString repoDir = args.value(QStringLiteral("repo"));
    const QString pathHint = args.value(QStringLiteral("path"));
    const QString quotedFile = args.value(QStringLiteral("quoted"));
    const QString patchFile = args.argument(0);

    QFile in;
    bool opened = false;
    if (patchFile == QLatin1String("-")) {
        opened = in.open(stdin, QIODevice::ReadOnly);
    } else {
        in.setFileName(patchFile);
        opened = in.open(QIODevice::ReadOnly);
    }
    if (!opened) {
        err() << "reviewbench patch: cannot read " << patchFile << ": " << in.errorString() << "\n";
        return ExitBadInput;
    }
    const QByteArray patchBytes = in.readAll();
    QString quoted;
    if (!quotedFile.isEmpty()) {
        QFile q(quotedFile);
        if (!q.open(QIODevice::ReadOnly)) {
            err() << "reviewbench patch: cannot read " << quotedFile << ": " << q.errorString() << "\n";
            return ExitBadInput;
        }
        quoted = QString::fromUtf8(q.readAll());
    }

    const auto repo = git::Repository::open(repoDir);
    if (!repo) {
        err() << "reviewbench patch: " << repo.error().message << "\n";
        return ExitFailed;
    }
    if (repo->isBare()) {
        err() << "reviewbench patch: " << repo->gitDir() << " is a bare repository; there is no working tree to patch\n";
        return ExitFailed;
    }
    const QString workTree = repo->workdir();
    const QString hint = pathHint.isEmpty() ? QString() : workTreeRelative(workTree, pathHint);
    const patch::FixRequest request{patchBytes, hint, quoted};
    const patch::FixResult result = checkOnly ? patch::checkFix(workTree, request) : patch::applyFix(workTree, request);

    QTextStream &stream = result.status == patch::FixStatus::Refused ? err() : out();
    stream << result.describe();
    stream.flush();
    switch (result.status) {
    case patch::FixStatus::Applied: return ExitOk;
    case patch::FixStatus::AlreadyApplied: return ExitAlreadyApplied;
    case patch::FixStatus::Refused: return ExitFailed;
    }
    return ExitFailed;
}

} // namespace

CommandSpec patchCommandSpec()
{
    return {
        .name = QStringLiteral("patch"),
        .summary = QStringLiteral("apply (or only check) a patch or fix fragment to a repository's working tree"),
        .description = QStringLiteral(
            "Applies one patch or fix fragment, read from the file PATCH or from standard input (-), to the working "
            "tree of the repository containing DIR. The fix may be a git patch, a unified diff, a header-less "
            "fragment or plain replacement code (docs/patching.md). Every hunk is printed with where it landed and "
            "how; all hunks apply or nothing is written. Exit status 3: the fix is already in the file."),
        .arguments = {{.name = QStringLiteral("PATCH|-"),
                       .description = QStringLiteral("the patch file, or - for standard input"),
                       .missingMessage = QStringLiteral("no patch given (a file, or - for standard input)")}},
        .options = {{.names = {QStringLiteral("check")},
                     .description = QStringLiteral("report what would happen and write nothing")},
                    {.names = {QStringLiteral("repo")},
                     .valueName = QStringLiteral("DIR"),
                     .description = QStringLiteral("a folder in the repository whose working tree is patched"),
                     .defaultValue = QStringLiteral(".")},
                    {.names = {QStringLiteral("path")},
                     .valueName = QStringLiteral("FILE"),
                     .description = QStringLiteral("the file a fragment without a file header applies to (relative to "
                                                   "the current folder when inside the working tree, else to its root)")},
                    {.names = {QStringLiteral("quoted")},
                     .valueName = QStringLiteral("FILE"),
                     .description = QStringLiteral("the code the finding quoted: plain replacement code replaces its "
                                                   "region only while that code is still there")}},
        .run = patchCommand,
    };
}

} // namespace rb::cli
