#pragma once
// The strictest strategy: libgit2 checks (GIT_APPLY_CHECK) that a patch with real headers
// and line numbers applies to the working tree exactly as written, reading each file's
// current content, uncommitted changes included. Nothing is written: git_apply stores each
// postimage as a blob even when only checking, so the check runs on a handle of its own
// whose object database keeps writes in memory (libgit2's mempack) over a read-only view
// of the repository's objects.

#include "git/repository.h"

#include <QByteArray>
#include <QString>

namespace rb::patch {

struct ExactCheck {
    bool applies = false;
    QString reason; // why libgit2 would not apply it, for the report
};

ExactCheck gitApplyCheck(const git::Repository &repo, const QByteArray &patchText);

} // namespace rb::patch
