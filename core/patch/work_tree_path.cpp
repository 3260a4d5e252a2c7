#include "patch/work_tree_path.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace rb::patch {

namespace {
bool isGitDirName(const QString &component)
{
    return component.compare(QLatin1String(".git"), Qt::CaseInsensitive) == 0;
}

bool inside(const QString &root, const QString &path)
{
    return path == root || path.startsWith(root + QLatin1Char('/'));
}

Error unsafe(const QString &path, const QString &why)
{
    return Error::of(QStringLiteral("refusing to write %1: %2").arg(path, why), ErrorUnsafePath);
}
} // namespace

Result<QString> resolveInWorkTree(const QString &workTreeRoot, const QString &relativePath)
{
    const QString root = QFileInfo(workTreeRoot).canonicalFilePath();
    if (root.isEmpty())
        return Error::of(QStringLiteral("the working tree %1 does not exist").arg(workTreeRoot), ErrorNoWorkTree);
    if (relativePath.isEmpty())
        return unsafe(QStringLiteral("\"\""), QStringLiteral("the path is empty"));
    static const QRegularExpression drive(QStringLiteral("^[A-Za-z]:[/\\\\]"));
    if (relativePath.startsWith(QLatin1Char('/')) || relativePath.startsWith(QLatin1Char('\\'))
        || drive.match(relativePath).hasMatch() || relativePath.startsWith(QLatin1Char('~')))
        return unsafe(relativePath, QStringLiteral("it is an absolute path; a fix may only name paths relative to the working tree"));
    if (relativePath.contains(QChar(0)))
        return unsafe(relativePath, QStringLiteral("it contains a NUL character"));
    // A backslash is an ordinary character in a POSIX name ("back\slash.txt"), but ".." or
    // ".git" between backslashes is refused too, as Windows would read it.
    const QStringList parts = relativePath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &c : relativePath.split(QRegularExpression(QStringLiteral("[/\\\\]")), Qt::SkipEmptyParts)) {
        if (c == QLatin1String(".."))
            return unsafe(relativePath, QStringLiteral("it contains \"..\", which could leave the working tree"));
        if (isGitDirName(c))
            return unsafe(relativePath, QStringLiteral("it is inside .git, the repository's own data"));
    }
    QString current = root;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (parts[i] == QLatin1String("."))
            continue;
        const QString next = current + QLatin1Char('/') + parts[i];
        const QFileInfo info(next);
        if (info.isSymLink()) {
            const QString target = info.canonicalFilePath();
            const QString shown = parts.mid(0, i + 1).join(QLatin1Char('/'));
            if (target.isEmpty())
                return unsafe(relativePath, QStringLiteral("%1 is a symlink to %2, which does not exist").arg(shown, info.symLinkTarget()));
            if (!inside(root, target))
                return unsafe(relativePath, QStringLiteral("%1 is a symlink to %2, outside the working tree").arg(shown, target));
            const QStringList targetParts = target.mid(root.size()).split(QLatin1Char('/'), Qt::SkipEmptyParts);
            for (const QString &c : targetParts)
                if (isGitDirName(c))
                    return unsafe(relativePath, QStringLiteral("%1 is a symlink into .git").arg(shown));
            current = target;
        } else {
            current = next;
        }
    }
    const QFileInfo final(current);
    if (final.exists() && !final.isFile())
        return Error::of(QStringLiteral("cannot patch %1: it is not a regular file").arg(relativePath), ErrorNotAFile);
    return current;
}

} // namespace rb::patch
