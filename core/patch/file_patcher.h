#pragma once
// Placing one file's hunks in its current text: strictest strategy first, every hunk or
// none. Pure: text in, planned text and per-hunk outcomes out; nothing touches the disk.

#include "patch/fix_result.h"
#include "patch/patch_model.h"
#include "patch/text_file.h"
#include "util/result.h"

namespace rb::patch {

struct FilePlan {
    QList<HunkOutcome> hunks;
    bool placeable = false;      // every hunk placed
    bool alreadyApplied = false; // every hunk already in the file
    QString refusal;             // why not placeable (mixed states, overlaps), when no hunk says it
    TextFile result;             // when placeable
    QString appliedDiff;         // when placeable: the change as zero-context hunks
};

// `exactVerified`: libgit2 has checked that the whole patch applies as written, so each
// hunk is placed at its stated line and reported as exact.
FilePlan planFilePatch(const TextFile &file, const FilePatch &patch, bool exactVerified);

// Reverts `appliedDiff` on `after` (which must be the text the fix produced).
// Returns the restored bytes, or an error naming the hunk that does not match.
Result<QByteArray> reverseAppliedDiff(const TextFile &after, const QString &appliedDiff);

} // namespace rb::patch
