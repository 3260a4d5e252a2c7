#pragma once
// Builds the patch text of one FileDiff with a given libgit2 repository handle. Internal to
// core/git. The handle is used on the calling thread only.

#include "git/file_diff.h"
#include "util/result.h"

#include <git2.h>

namespace rb::git {

struct PatchOptions {
    int contextLines = 3;   // as `git diff`
    int interhunkLines = 0; // as `git diff`
    int abbrev = 7;         // digits of the blob ids on the index line
};

enum class Side { Old, New };

// A file's unified diff text, exactly as `git diff` writes it, with its line counts. This is
// what a range keeps for every file; the hunk and line structure is parsed from it on demand
// (parseFilePatch), so that a materialised range costs little more than its text.
struct PatchText {
    QByteArray text;
    int added = 0;
    int removed = 0;
    bool binary = false;
};

// `workdir` is the working tree root; it is read for files whose new side is in it.
Result<PatchText> buildPatchText(git_repository *repo, const FileDiff &file, const PatchOptions &options,
                                 const QString &workdir);

// The full content of one side of the file (empty when that side does not exist), as git
// stores it (working-tree files are passed through the repository's clean filters).
Result<QByteArray> readSide(git_repository *repo, const FileDiff &file, Side side, const QString &workdir);

} // namespace rb::git
