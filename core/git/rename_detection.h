#pragma once
// Rename (and copy) detection over a file list from a tree diff, as `git diff` does it.
// Internal to core/git: RangeDiff runs it on a background thread and merges what it finds.
//
// The phases, in git's order, each delivered as one batch:
//  1. exact: an added file whose blob id is that of a deleted file (same basename first);
//  2. basename: a deleted and an added file with the same basename, each unique on its
//     side, at least 75 % alike (git's basename heuristic; not with copies);
//  3. inexact: every remaining added file against every remaining source, each pair
//     scored by git's span similarity, best pairs first, at least `threshold` % alike.
//     Skipped when (remaining added) x (remaining sources) exceeds limit²: `limited`.
// Sources are the deleted files; with copies, the modified files too.

#include "git/file_diff.h"
#include "util/result.h"

#include <git2.h>

#include <QList>

#include <atomic>
#include <functional>

namespace rb::git {

struct RenameOptions {
    bool copies = false;
    int limit = 1000;    // git's diff.renameLimit
    int threshold = 50;  // percent
    QString workdir;     // for new sides read from the working tree
};

// One pairing: indices into the input list, and git's score (60000 = identical).
struct RenamePair {
    int source = -1;
    int target = -1;
    int score = 0;
};

enum class RenamePhase { Exact, Basename, Inexact };

struct RenameBatch {
    RenamePhase phase = RenamePhase::Exact;
    QList<RenamePair> pairs;
    bool last = false;     // detection is finished after this batch
    bool limited = false;  // inexact detection was skipped: over the bound
};

// Runs every phase on the calling thread with `repo` (used by this thread only), calling
// `deliver` once per phase (an empty batch too, so that progress can be shown). Stops
// between steps when *cancel becomes true. A blob that cannot be read pairs with nothing.
Status detectRenames(git_repository *repo, const QList<FileDiff> &files, const RenameOptions &options,
                     const std::atomic<bool> *cancel, const std::function<void(const RenameBatch &)> &deliver);

// Applies the pairs found so far to the tree diff's list: each target becomes a Renamed
// (or Copied) entry in its place, a deleted source used by a rename leaves the list. A
// deleted source used more than once is a copy for all but its last target, as in git.
QList<FileDiff> mergeRenames(const QList<FileDiff> &treeDiff, const QList<RenamePair> &pairs);

} // namespace rb::git
