#include "io/side_files.h"

#include <QFileInfo>

namespace rb {

namespace {
QString hiddenSibling(const QString &path, const char *suffix)
{
    const QFileInfo info(path);
    return info.absolutePath() + QStringLiteral("/.") + info.fileName() + QLatin1String(suffix);
}
} // namespace

QString backupPathFor(const QString &reviewPath) { return reviewPath + QStringLiteral(".bak"); }
QString autosavePathFor(const QString &reviewPath) { return hiddenSibling(reviewPath, ".autosave"); }
QString lockPathFor(const QString &reviewPath) { return hiddenSibling(reviewPath, ".lock"); }

} // namespace rb
