#pragma once
// Unsaved changes survive a crash. While a review is edited, its current state is written
// (atomically, a few seconds after the last edit: the debounce is the caller's) to a side
// file; a clean save or a clean exit removes it. A review file whose side file is still
// there when it is next opened by the lock holder was left with unsaved changes: the
// workbench offers to recover them.
//
// A review that was never saved has no file to sit next to: its autosave goes to the
// per-user folder (untitledAutosaveFolder()), one file per window, each with a lock held by
// the window that writes it, so that a later start can tell orphans from live ones.
//
// The side file is a complete review file (it can be opened on its own). File I/O only.

#include "model/review.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace rb {

// Writes `review` as the autosave of `reviewPath` (or of the untitled slot `untitledPath`).
Status writeAutosave(const Review &review, const QString &autosavePath);
void removeAutosave(const QString &autosavePath);

struct Recovery {
    QString autosavePath;
    QDateTime savedAt; // when the unsaved changes were last written
    Review review;     // the state to recover
};

// The unsaved changes of `reviewPath`, when its autosave exists and differs from the file.
// An autosave that cannot be read is reported as an error (and left in place).
std::optional<Result<Recovery>> findRecovery(const QString &reviewPath);

// Untitled reviews: the folder (created on demand), a fresh slot for this window, and the
// slots left behind by windows that are gone (their lock is stale or absent).
QString untitledAutosaveFolder();
QString newUntitledAutosavePath();
QStringList orphanedUntitledAutosaves();

} // namespace rb
