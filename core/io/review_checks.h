#pragma once
// What a review file on disk needs from this machine and what was left with it: warnings
// for `reviewbench validate` (the file itself is valid; these say what will not work, or
// what is waiting, and what to do).

#include "model/review.h"

#include <QString>
#include <QStringList>

namespace rb {

// - the recorded repository does not exist here (the window asks for it; `apply` needs --repo);
// - locations marked stale by re-anchoring;
// - unsaved changes left by a window that did not close cleanly (.NAME.autosave);
// - the file is open for writing in a live Reviewbench (its lock).
QStringList reviewFileWarnings(const Review &review, const QString &reviewPath);

} // namespace rb
