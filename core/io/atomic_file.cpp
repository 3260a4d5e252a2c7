#include "io/atomic_file.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace rb {

namespace {
Status write(const QString &path, const QByteArray &content, const QString &what)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::of(QStringLiteral("%1: cannot write %2: %3").arg(path, what, file.errorString()));
    if (file.write(content) != content.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return Error::of(QStringLiteral("%1: writing %2 failed, the previous file is unchanged: %3").arg(path, what, why));
    }
    if (!file.commit())
        return Error::of(QStringLiteral("%1: saving %2 failed, the previous file is unchanged: %3").arg(path, what, file.errorString()));
    return Ok{};
}
} // namespace

Status replaceFileAtomically(const QString &path, const QByteArray &content, const QString &backupPath)
{
    if (!backupPath.isEmpty() && QFileInfo::exists(path)) {
        QFile current(path);
        if (!current.open(QIODevice::ReadOnly))
            return Error::of(QStringLiteral("%1: cannot read it to keep a backup: %2").arg(path, current.errorString()));
        const QByteArray old = current.readAll();
        current.close();
        if (const Status kept = write(backupPath, old, QStringLiteral("the backup")); !kept)
            return Error::of(kept.error().message + QStringLiteral("; the file was not saved"));
    }
    return write(path, content, QStringLiteral("the file"));
}

} // namespace rb
