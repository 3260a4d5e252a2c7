#include "io/review_lock.h"

#include "io/side_files.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLockFile>
#include <QSysInfo>

namespace rb {

ReviewFileLock::ReviewFileLock(const QString &reviewPath) : m_lock(std::make_unique<QLockFile>(lockPathFor(reviewPath)))
{
    const QString lockPath = lockPathFor(reviewPath);
    const bool existed = QFileInfo::exists(lockPath);
    m_lock->setStaleLockTime(0); // staleness by a dead holder only, never by age
    if (m_lock->tryLock(0)) {
        m_outcome = Outcome::Acquired;
        m_tookOver = existed;
        return;
    }
    const QString name = QFileInfo(reviewPath).fileName();
    if (m_lock->error() == QLockFile::LockFailedError) {
        m_outcome = Outcome::HeldByOther;
        m_lock->getLockInfo(&m_holder.pid, &m_holder.host, &m_holder.program);
        m_holder.since = QFileInfo(lockPath).lastModified();
        const bool here = m_holder.host == QSysInfo::machineHostName();
        QString who;
        if (here && m_holder.pid == QCoreApplication::applicationPid())
            who = QStringLiteral("another window of this Reviewbench");
        else if (here)
            who = QStringLiteral("another Reviewbench (process %1)").arg(m_holder.pid);
        else
            who = QStringLiteral("another Reviewbench (process %1 on %2)").arg(m_holder.pid).arg(m_holder.host);
        m_message = QStringLiteral("%1 is open in %2 since %3; it is opened read-only here so that neither overwrites the other")
                        .arg(name, who, m_holder.since.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        return;
    }
    m_outcome = Outcome::Unavailable;
    m_message = QStringLiteral("%1: cannot create the lock file %2 (%3); it is opened read-only")
                    .arg(name, QFileInfo(lockPath).fileName(),
                         m_lock->error() == QLockFile::PermissionError ? QStringLiteral("the folder is not writable")
                                                                        : QStringLiteral("unknown error"));
}

ReviewFileLock::~ReviewFileLock()
{
    if (m_outcome == Outcome::Acquired)
        m_lock->unlock();
}

} // namespace rb
