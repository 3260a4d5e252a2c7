#pragma once
// A git repository opened from any path inside it: a working tree, a subfolder of one,
// a linked worktree or a bare repository. Move-only: it owns one libgit2 handle, which
// must be used by one thread at a time; call reopen() for another thread.

#include "util/result.h"

#include <QString>

#include <memory>

struct git_repository;

namespace rb::git {

class Repository {
public:
    // Searches upwards from anyPathInside for the repository. Errors: ErrorNotARepository
    // (naming the path) or ErrorGitFailed.
    static Result<Repository> open(const QString &anyPathInside);

    Repository(Repository &&) noexcept;
    Repository &operator=(Repository &&) noexcept;
    ~Repository();

    // An independent handle on the same repository, for use on another thread.
    Result<Repository> reopen() const;

    // The working tree's root (absolute, no trailing slash); empty for a bare repository.
    QString workdir() const;
    // The git directory (".git", a worktree's private git dir, or the bare repository).
    QString gitDir() const;
    bool isBare() const;
    bool isShallow() const;
    bool isLinkedWorktree() const;
    // The working tree's root, or the git directory of a bare repository.
    QString displayPath() const;

private:
    struct Impl;
    explicit Repository(std::unique_ptr<Impl> impl);
    friend git_repository *rawHandle(const Repository &repo);
    std::unique_ptr<Impl> m_impl;
};

} // namespace rb::git
