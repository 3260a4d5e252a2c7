#pragma once
// The names a user can type as a review range's base or head: local branches,
// remote-tracking branches and tags, for completion and for choosing defaults. Names only:
// nothing is peeled or resolved, so listing stays fast on repositories with many refs.

#include "git/repository.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

namespace rb::git {

struct RefNames {
    QStringList localBranches;  // "main", "feature/x"; sorted
    QStringList remoteBranches; // "origin/main"; sorted; symbolic "origin/HEAD" left out
    QStringList tags;           // "v1.2"; sorted
    QString currentBranch;      // HEAD's branch ("main"); empty when HEAD is detached
    bool headUnborn = false;    // HEAD names a branch without commits
    QString remoteDefault;      // the branch "origin/HEAD" points at ("origin/main"); may be empty

    // Every name, for completion: local branches, then remote-tracking branches, then tags.
    QStringList all() const;
    // The base a review most likely wants: the remote default branch, else main, master,
    // origin/main, origin/master, whichever exists first; empty when none does.
    QString defaultBase() const;
    // The head a review most likely wants: the current branch, or "HEAD" when detached.
    QString defaultHead() const;
};

// Lists the repository's refs. Errors: ErrorGitFailed.
Result<RefNames> listRefNames(const Repository &repo);

} // namespace rb::git
