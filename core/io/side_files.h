#pragma once
// The files kept next to a review file while it is worked on, named in one place.
//   review.json.bak        the version the last save replaced
//   .review.json.autosave  unsaved changes, written a few seconds after each edit
//   .review.json.lock      who has it open for writing (QLockFile: pid, host, program)

#include <QString>

namespace rb {

QString backupPathFor(const QString &reviewPath);
QString autosavePathFor(const QString &reviewPath);
QString lockPathFor(const QString &reviewPath);

} // namespace rb
