#include "git/refs.h"

#include "git/git_error.h"
#include "git/handles.h"
#include "git/repository_handle.h"

#include <algorithm>

namespace rb::git {

namespace {

const QString kHeads = QStringLiteral("refs/heads/");
const QString kRemotes = QStringLiteral("refs/remotes/");
const QString kTags = QStringLiteral("refs/tags/");

// The branch a symbolic ref points at, without the refs/... prefix; empty when not symbolic.
QString symbolicTarget(git_repository *r, const char *name, const QString &prefix)
{
    git_reference *raw = nullptr;
    if (git_reference_lookup(&raw, r, name) != 0)
        return {};
    ReferencePtr ref(raw);
    if (git_reference_type(ref.get()) != GIT_REFERENCE_SYMBOLIC)
        return {};
    const QString target = QString::fromUtf8(git_reference_symbolic_target(ref.get()));
    return target.startsWith(prefix) ? target.mid(prefix.size()) : QString();
}

} // namespace

QStringList RefNames::all() const
{
    return localBranches + remoteBranches + tags;
}

QString RefNames::defaultBase() const
{
    if (!remoteDefault.isEmpty())
        return remoteDefault;
    for (const QString &name : {QStringLiteral("main"), QStringLiteral("master")})
        if (localBranches.contains(name))
            return name;
    for (const QString &name : {QStringLiteral("origin/main"), QStringLiteral("origin/master")})
        if (remoteBranches.contains(name))
            return name;
    return {};
}

QString RefNames::defaultHead() const
{
    return currentBranch.isEmpty() ? QStringLiteral("HEAD") : currentBranch;
}

Result<RefNames> listRefNames(const Repository &repo)
{
    git_repository *r = rawHandle(repo);
    git_reference_iterator *rawIt = nullptr;
    int rc = git_reference_iterator_new(&rawIt, r);
    ReferenceIteratorPtr it(rawIt);
    if (rc < 0)
        return gitError(rc, QStringLiteral("cannot list the refs of %1").arg(repo.displayPath()));
    RefNames names;
    const char *name = nullptr;
    while ((rc = git_reference_next_name(&name, it.get())) == 0) {
        const QString full = QString::fromUtf8(name);
        if (full.startsWith(kHeads))
            names.localBranches << full.mid(kHeads.size());
        else if (full.startsWith(kTags))
            names.tags << full.mid(kTags.size());
        else if (full.startsWith(kRemotes) && !full.endsWith(QLatin1String("/HEAD")))
            names.remoteBranches << full.mid(kRemotes.size());
    }
    if (rc != GIT_ITEROVER)
        return gitError(rc, QStringLiteral("cannot list the refs of %1").arg(repo.displayPath()));
    std::sort(names.localBranches.begin(), names.localBranches.end());
    std::sort(names.remoteBranches.begin(), names.remoteBranches.end());
    std::sort(names.tags.begin(), names.tags.end());

    names.currentBranch = symbolicTarget(r, "HEAD", kHeads);
    names.headUnborn = git_repository_head_unborn(r) == 1;
    names.remoteDefault = symbolicTarget(r, "refs/remotes/origin/HEAD", kRemotes);
    if (!names.remoteBranches.contains(names.remoteDefault))
        names.remoteDefault.clear();
    return names;
}

} // namespace rb::git
