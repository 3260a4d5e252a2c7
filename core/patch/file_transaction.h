#pragma once
// Writing several files as one change: every file is written to a temporary file first
// (QSaveFile) and renamed over the original only when all are ready; if a rename fails,
// the files already renamed are put back. A reader never sees a half-written file.

#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace rb::patch {

struct FileWrite {
    QString absolutePath;
    QByteArray content;
    bool remove = false;         // delete the file instead of writing it
    bool existedBefore = true;
    QByteArray previousContent;  // to put back if a later file fails
};

Status writeAll(const QList<FileWrite> &writes);

} // namespace rb::patch
