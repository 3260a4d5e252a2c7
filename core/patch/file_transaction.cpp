#include "patch/file_transaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <memory>
#include <vector>

namespace rb::patch {

namespace {
bool writeAtomically(const QString &path, const QByteArray &content)
{
    QSaveFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size() && f.commit();
}

void restore(const FileWrite &w)
{
    if (w.existedBefore)
        writeAtomically(w.absolutePath, w.previousContent);
    else
        QFile::remove(w.absolutePath);
}
} // namespace

Status writeAll(const QList<FileWrite> &writes)
{
    // Stage: every new content goes to a temporary file next to its target.
    std::vector<std::unique_ptr<QSaveFile>> staged;
    for (const FileWrite &w : writes) {
        if (w.remove) {
            staged.push_back(nullptr);
            continue;
        }
        const QString dir = QFileInfo(w.absolutePath).absolutePath();
        if (!QDir().mkpath(dir))
            return Error::of(QStringLiteral("cannot create the folder %1; nothing was written").arg(dir));
        auto f = std::make_unique<QSaveFile>(w.absolutePath);
        if (!f->open(QIODevice::WriteOnly) || f->write(w.content) != w.content.size())
            return Error::of(QStringLiteral("cannot write %1: %2; nothing was written").arg(w.absolutePath, f->errorString()));
        staged.push_back(std::move(f));
    }
    // Commit: rename each over its target; on failure put back what was already replaced.
    for (size_t i = 0; i < staged.size(); ++i) {
        const FileWrite &w = writes[qsizetype(i)];
        const bool done = staged[i] ? staged[i]->commit() : QFile::remove(w.absolutePath);
        if (!done) {
            const QString why = staged[i] ? staged[i]->errorString() : QStringLiteral("cannot delete it");
            for (size_t j = 0; j < i; ++j)
                restore(writes[qsizetype(j)]);
            return Error::of(QStringLiteral("cannot replace %1: %2; the files already written were put back").arg(w.absolutePath, why));
        }
    }
    return Ok{};
}

} // namespace rb::patch
