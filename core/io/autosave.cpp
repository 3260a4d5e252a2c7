#include "io/autosave.h"

#include "io/atomic_file.h"
#include "io/review_file.h"
#include "io/side_files.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>
#include <QUuid>

namespace rb {

Status writeAutosave(const Review &review, const QString &autosavePath)
{
    return replaceFileAtomically(autosavePath, serializeReview(review));
}

void removeAutosave(const QString &autosavePath)
{
    QFile::remove(autosavePath);
}

std::optional<Result<Recovery>> findRecovery(const QString &reviewPath)
{
    const QString side = autosavePathFor(reviewPath);
    QFile file(side);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly))
        return Result<Recovery>(Error::of(QStringLiteral("%1: cannot read the unsaved changes: %2").arg(side, file.errorString())));
    const QByteArray text = file.readAll();
    QFile saved(reviewPath);
    if (saved.open(QIODevice::ReadOnly) && saved.readAll() == text) {
        removeAutosave(side); // nothing unsaved after all
        return std::nullopt;
    }
    auto review = parseReviewFile(text, side);
    if (!review)
        return Result<Recovery>(review.error());
    return Result<Recovery>(Recovery{side, QFileInfo(side).lastModified(), std::move(review).value()});
}

QString untitledAutosaveFolder()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/autosave");
    QDir().mkpath(folder);
    return folder;
}

QString newUntitledAutosavePath()
{
    return untitledAutosaveFolder() + QStringLiteral("/untitled-%1.json").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
}

QStringList orphanedUntitledAutosaves()
{
    QStringList out;
    const QDir folder(untitledAutosaveFolder());
    for (const QString &name : folder.entryList({QStringLiteral("untitled-*.json")}, QDir::Files, QDir::Time)) {
        const QString path = folder.filePath(name);
        QLockFile probe(lockPathFor(path));
        probe.setStaleLockTime(0);
        if (probe.tryLock(0)) { // nobody alive holds it
            probe.unlock();
            out << path;
        }
    }
    return out;
}

} // namespace rb
