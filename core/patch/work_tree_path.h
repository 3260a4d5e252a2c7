#pragma once
// Confining writes to the working tree: a fix may name only a relative path that stays
// inside the tree after following symlinks, and nothing under ".git".

#include "util/result.h"

#include <QString>

namespace rb::patch {

enum PathErrorCode {
    ErrorUnsafePath = 420, // absolute, "..", a symlink leaving the tree, ".git"
    ErrorNotAFile,         // the path names a folder or a special file
    ErrorNoWorkTree,       // the working tree root does not exist
};

// The absolute path to write for `relativePath` (symlinks inside the tree resolved), or
// ErrorUnsafePath / ErrorNotAFile / ErrorNoWorkTree naming the path and the reason.
Result<QString> resolveInWorkTree(const QString &workTreeRoot, const QString &relativePath);

} // namespace rb::patch
