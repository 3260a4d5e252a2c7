// `reviewbench patch [--check] [--repo DIR] [--path FILE] [--quoted FILE] PATCH|-`: applies
// (or checks) one patch or fix fragment to a repository's working tree and reports each
// hunk's placement. The patch is read as bytes and used as such.
#include "cli/cli.h"

#include "git/repository.h"
#include "patch/fix_applier.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace rb::cli {

namespace {
const char *const kUsage = "usage: reviewbench patch [--check] [--repo DIR] [--path FILE] [--quoted FILE] PATCH|-\n";

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
} // namespace

int patchCommand(const QStringList &args)
{
    bool checkOnly = false;
    QString repoDir = QStringLiteral(".");
    QString pathHint;
    QString quotedFile;
    QString patchFile;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--check")) {
            checkOnly = true;
        } else if (a == QLatin1String("--repo") || a == QLatin1String("--path") || a == QLatin1String("--quoted")) {
            if (i + 1 >= args.size()) {
                err() << "reviewbench patch: " << a << " needs a value\n" << kUsage;
                return ExitUsage;
            }
            (a == QLatin1String("--repo") ? repoDir : a == QLatin1String("--path") ? pathHint : quotedFile) = args[++i];
        } else if (a.startsWith(QLatin1Char('-')) && a != QLatin1String("-")) {
            err() << "reviewbench patch: unknown option " << a << "\n" << kUsage;
            return ExitUsage;
        } else if (patchFile.isEmpty()) {
            patchFile = a;
        } else {
            err() << "reviewbench patch: more than one patch given (" << patchFile << ", " << a << ")\n" << kUsage;
            return ExitUsage;
        }
    }
    if (patchFile.isEmpty()) {
        err() << "reviewbench patch: no patch given (a file, or - for standard input)\n" << kUsage;
        return ExitUsage;
    }

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

} // namespace rb::cli
