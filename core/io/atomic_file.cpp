#include "io/atomic_file.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>

namespace rb {

namespace {
// The operating system's reason ("No space left on device"): Qt reports a failed write
// through its buffer, or in commit(), as "Unknown error".
QString systemReason(int savedErrno, const QFileDevice &file)
{
    if (savedErrno != 0)
        return QString::fromLocal8Bit(std::strerror(savedErrno));
    return file.errorString();
}

Status write(const QString &path, const QByteArray &content, const QString &what)
{
    QSaveFile file(path);
    // Unbuffered: a write that fails (a full disk) fails at once with the system's reason;
    // through the buffer the failure surfaces in commit() as "Unknown error".
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return Error::of(QStringLiteral("%1: cannot write %2: %3").arg(path, what, file.errorString()));
    errno = 0;
    if (file.write(content) != content.size()) {
        const QString why = systemReason(errno, file);
        file.cancelWriting();
        return Error::of(QStringLiteral("%1: writing %2 failed, the previous file is unchanged: %3").arg(path, what, why));
    }
    errno = 0;
    if (!file.commit()) {
        const QString why = systemReason(errno, file);
        return Error::of(QStringLiteral("%1: saving %2 failed, the previous file is unchanged: %3").arg(path, what, why));
    }
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
