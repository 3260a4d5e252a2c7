#pragma once
// Replacing a file so that a reader, a crash or a full disk never sees it half written, and
// keeping the version it replaces.
//
// The new content is written to a temporary file in the same folder (QSaveFile) and renamed
// over the target only when complete. With a backup path, the current content is first
// copied there the same way, so at every instant the target holds the old or the new
// content and the backup the previous or the old one. Cost: one extra write of the old
// content per save.

#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace rb {

// `backupPath` empty: no backup. The backup is made only when `path` exists.
Status replaceFileAtomically(const QString &path, const QByteArray &content, const QString &backupPath = {});

} // namespace rb
