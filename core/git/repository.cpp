#include "git/repository.h"

#include "git/git_error.h"
#include "git/handles.h"
#include "git/libgit2_init.h"
#include "git/repository_handle.h"

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
