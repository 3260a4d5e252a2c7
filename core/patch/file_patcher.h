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

struct PlanOptions {
    // libgit2 has checked that the whole patch applies as written, so each hunk is placed
    // at its stated line and reported as exact.
    bool exactVerified = false;
    // The code the finding quotes (its excerpt), lines without terminators: plain
    // replacement code replaces its region only when the region is still that code (see
    // region_check.h).
    QList<QByteArray> quotedCode;
};

FilePlan planFilePatch(const TextFile &file, const FilePatch &patch, const PlanOptions &options = {});

// The applied diff's format: zero-context hunks "@@ -a,b +c,d @@" with the file's line
// numbers, the removed lines then the added ones; a line ending in "\r" had a CRLF
// terminator; "\ No newline at end of file" after a line: it ended the file without one;
// a header ending in " latin1": the hunk holds lines that are not UTF-8, written one
// character per byte (so that every byte survives the review file, which is UTF-8 JSON).
//
// Reverts `appliedDiff` on `after` (which must be the text the fix produced).
// Returns the restored bytes, or an error naming the hunk that does not match.
Result<QByteArray> reverseAppliedDiff(const TextFile &after, const QString &appliedDiff);

} // namespace rb::patch
