#pragma once
// The libgit2 handle behind a Repository. Internal: only core/git and core/patch include
// this header; the pointer stays owned by the Repository and must not be stored beyond it.

#include "git/repository.h"

#include <git2.h>

namespace rb::git {

git_repository *rawHandle(const Repository &repo);

} // namespace rb::git
