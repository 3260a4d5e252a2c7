#include "git/repository.h"

#include "git/git_error.h"
#include "git/handles.h"
#include "git/libgit2_init.h"
#include "git/repository_handle.h"

#include <git2/sys/errors.h>

#include <QDir>
#include <QFileInfo>

namespace rb::git {

struct Repository::Impl {
    RepositoryPtr repo;
};

namespace {
QString withoutTrailingSlash(const char *path)
{
    QString p = path ? QString::fromUtf8(path) : QString();
    while (p.size() > 1 && p.endsWith(QLatin1Char('/')))
        p.chop(1);
    return p;
}
// libgit2 takes a repository whose config does not say core.bare for one with a working
// tree, the folder above the git directory (a mirror or a `git init --bare` without a
// config file, for instance). git's rule: a git directory found as such, rather than as
// the .git of a folder, is bare unless its config names a working tree.
bool foundAsBare(git_repository *repo)
{
    if (git_repository_is_bare(repo) == 1 || git_repository_is_worktree(repo) == 1)
        return false;
    const QString gitDir = withoutTrailingSlash(git_repository_path(repo));
    if (QFileInfo(gitDir).fileName() == QLatin1String(".git"))
        return false;
    git_config *raw = nullptr;
    if (git_repository_config_snapshot(&raw, repo) < 0)
        return false;
    ConfigPtr config(raw);
    int bare = 0;
    if (git_config_get_bool(&bare, config.get(), "core.bare") == 0)
        return false; // said explicitly: libgit2 followed it
    git_config_entry *rawWorktree = nullptr;
    const int hasWorktree = git_config_get_entry(&rawWorktree, config.get(), "core.worktree");
    const ConfigEntryPtr worktree(rawWorktree);
    if (hasWorktree == 0)
        return false;
    git_error_clear();
    return true;
}

} // namespace

Repository::Repository(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Repository::Repository(Repository &&) noexcept = default;
Repository &Repository::operator=(Repository &&) noexcept = default;
Repository::~Repository() = default;

Result<Repository> Repository::open(const QString &anyPathInside)
{
    ensureLibgit2();
    const QFileInfo info(anyPathInside);
    if (anyPathInside.isEmpty())
        return Error::of(QStringLiteral("no repository path given"), ErrorNotARepository);
    if (!info.exists())
        return Error::of(QStringLiteral("%1: no such file or folder").arg(anyPathInside), ErrorNotARepository);
    const QByteArray start = QFile::encodeName(info.absoluteFilePath());
    git_repository *raw = nullptr;
    const int rc = git_repository_open_ext(&raw, start.constData(), 0, nullptr);
    RepositoryPtr repo(raw);
    if (rc == GIT_ENOTFOUND) {
        return Error::of(QStringLiteral("%1 is not inside a git repository (no .git in it or in any folder above it)")
                             .arg(anyPathInside),
                         ErrorNotARepository);
    }
    if (rc < 0)
        return gitError(rc, QStringLiteral("cannot open the git repository at %1").arg(anyPathInside));
    if (foundAsBare(repo.get())) {
        git_repository *bare = nullptr;
        if (int brc = git_repository_open_bare(&bare, git_repository_path(repo.get())); brc < 0)
            return gitError(brc, QStringLiteral("cannot open the bare git repository at %1").arg(anyPathInside));
        repo.reset(bare);
    }
    auto impl = std::make_unique<Impl>();
    impl->repo = std::move(repo);
    return Repository(std::move(impl));
}

Result<Repository> Repository::reopen() const
{
    return open(isBare() ? gitDir() : workdir());
}

QString Repository::workdir() const
{
    return withoutTrailingSlash(git_repository_workdir(m_impl->repo.get()));
}

QString Repository::gitDir() const
{
    return withoutTrailingSlash(git_repository_path(m_impl->repo.get()));
}

bool Repository::isBare() const
{
    return git_repository_is_bare(m_impl->repo.get()) == 1;
}

bool Repository::isShallow() const
{
    return git_repository_is_shallow(m_impl->repo.get()) == 1;
}

bool Repository::isLinkedWorktree() const
{
    return git_repository_is_worktree(m_impl->repo.get()) == 1;
}

QString Repository::displayPath() const
{
    return isBare() ? gitDir() : workdir();
}

git_repository *rawHandle(const Repository &repo)
{
    return repo.m_impl->repo.get();
}

} // namespace rb::git
