#include "demo/demo_folder.h"

#include <QDir>
#include <QLockFile>
#include <QTemporaryDir>

namespace rb::demo {

namespace {
const QString kPrefix = QStringLiteral("reviewbench-demo-");
const QString kLockName = QStringLiteral(".demo.lock");
} // namespace

int DemoFolder::removeAbandoned(const QString &tempRoot)
{
    int removed = 0;
    const QDir root(tempRoot);
    for (const QString &name : root.entryList({kPrefix + QLatin1Char('*')}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        QDir folder(root.filePath(name));
        QLockFile probe(folder.filePath(kLockName));
        probe.setStaleLockTime(0);
        // A folder without a lock is one being created this instant, or one made by an
        // older version: leave it. A lock that can be taken is stale: its demo is gone.
        if (!QFileInfo::exists(folder.filePath(kLockName)) || !probe.tryLock(0))
            continue;
        probe.unlock();
        if (folder.removeRecursively())
            ++removed;
    }
    return removed;
}

Result<std::unique_ptr<DemoFolder>> DemoFolder::create(const QString &tempRoot)
{
    removeAbandoned(tempRoot);
    QTemporaryDir made(QDir(tempRoot).filePath(kPrefix + QStringLiteral("XXXXXX")));
    if (!made.isValid())
        return Error::of(QStringLiteral("cannot create a folder for the demo in %1: %2").arg(tempRoot, made.errorString()));
    std::unique_ptr<DemoFolder> folder(new DemoFolder);
    folder->m_path = made.path();
    folder->m_lock = std::make_unique<QLockFile>(QDir(made.path()).filePath(kLockName));
    folder->m_lock->setStaleLockTime(0);
    if (!folder->m_lock->tryLock(0))
        return Error::of(QStringLiteral("cannot lock the demo folder %1").arg(made.path()));
    made.setAutoRemove(false); // ours now
    return folder;
}

DemoFolder::~DemoFolder()
{
    m_lock->unlock();
    QDir(m_path).removeRecursively();
}

} // namespace rb::demo
