#pragma once
// Applying a finding's fix to the working tree, and reverting it.
//
// A fix is a git patch, a unified diff, a header-less fragment or plain replacement code
// (see patch_parser.h). Each hunk is placed by the strictest strategy that works: exact
// (libgit2 checks the patch applies as written), then located by its context and removed
// lines (a unique match; "moved by N lines"), then the same ignoring whitespace. All or
// nothing: when any hunk of any file cannot be placed, nothing is written. Files are
// written atomically, keep their line endings, and added lines follow the file's
// indentation when the fix's whitespace differs. See docs/patching.md.

#include "model/issue.h"
#include "patch/fix_result.h"

#include <QList>
#include <QString>

namespace rb::patch {

// One fix to check or apply.
struct FixRequest {
    QByteArray patch;   // as written: bytes, in whatever encoding the agent or git used
    QString pathHint;   // the file a fragment without a file header is for (relative to the tree)
    QString quotedCode; // the code the finding quotes (its excerpt), for plain replacement code
};

FixResult checkFix(const QString &workTree, const FixRequest &request); // reads only
FixResult applyFix(const QString &workTree, const FixRequest &request);

// `workTree`: the working tree's root. `pathHint`: the file a fragment without a file
// header is for (relative to workTree); ignored when the patch names its files.
// Reads only: reports what applyFix would do. (The text is taken as UTF-8.)
FixResult checkFix(const QString &workTree, const QString &patchText, const QString &pathHint = {});

// Applies the fix when every hunk can be placed (status Applied, written = true, and
// records() filled for revert); otherwise writes nothing (AlreadyApplied or Refused).
FixResult applyFix(const QString &workTree, const QString &patchText, const QString &pathHint = {});

// Restores the files a fix changed, all or none: each file only if its sha256 still equals
// the hash recorded right after the fix; otherwise refuses and says which file and why.
RevertResult revertFix(const QString &workTree, const QList<FixRecord> &records);

} // namespace rb::patch
