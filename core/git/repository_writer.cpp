#include "git/repository_writer.h"

#include "git/git_error.h"
#include "git/handles.h"
#include "git/libgit2_init.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace rb::git {

struct RepositoryWriter::Impl {
    RepositoryPtr repo;
    QString workdir;
};

RepositoryWriter::RepositoryWriter(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
RepositoryWriter::RepositoryWriter(RepositoryWriter &&) noexcept = default;
RepositoryWriter &RepositoryWriter::operator=(RepositoryWriter &&) noexcept = default;
RepositoryWriter::~RepositoryWriter() = default;

QString RepositoryWriter::workdir() const { return m_impl->workdir; }

Result<RepositoryWriter> RepositoryWriter::init(const QString &dir, const QString &initialBranch)
{
    ensureLibgit2();
    QDir d(dir);
    if (d.exists() && !d.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
        return Error::of(QStringLiteral("%1: the folder is not empty; a new repository needs an empty folder").arg(dir),
                         ErrorIo);
    if (!QDir().mkpath(dir))
        return Error::of(QStringLiteral("%1: cannot create the folder").arg(dir), ErrorIo);

    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags = GIT_REPOSITORY_INIT_MKPATH;
    const QByteArray head = initialBranch.toUtf8();
    options.initial_head = head.constData();
    git_repository *raw = nullptr;
    const QByteArray path = QFile::encodeName(QFileInfo(dir).absoluteFilePath());
    if (const int rc = git_repository_init_ext(&raw, path.constData(), &options); rc < 0)
        return gitError(rc, QStringLiteral("creating a repository in %1").arg(dir));
    auto impl = std::make_unique<Impl>();
    impl->repo.reset(raw);
    impl->workdir = QFileInfo(dir).absoluteFilePath();
    return RepositoryWriter(std::move(impl));
}

Result<QString> RepositoryWriter::commit(const QMap<QString, QByteArray> &files, const QString &message,
                                         const Author &author, const QDateTime &when)
{
    git_repository *repo = m_impl->repo.get();
    git_index *rawIndex = nullptr;
    if (const int rc = git_repository_index(&rawIndex, repo); rc < 0)
        return gitError(rc, QStringLiteral("opening the index"));
    IndexPtr index(rawIndex);

    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString absolute = m_impl->workdir + QLatin1Char('/') + it.key();
        const QByteArray relative = it.key().toUtf8();
        if (it.value().isNull()) {
            QFile::remove(absolute);
            if (const int rc = git_index_remove_bypath(index.get(), relative.constData()); rc < 0)
                return gitError(rc, QStringLiteral("removing %1 from the index").arg(it.key()));
            continue;
        }
        QDir().mkpath(QFileInfo(absolute).absolutePath());
        QSaveFile file(absolute);
        if (!file.open(QIODevice::WriteOnly) || file.write(it.value()) != it.value().size() || !file.commit())
            return Error::of(QStringLiteral("%1: cannot write: %2").arg(absolute, file.errorString()), ErrorIo);
        if (const int rc = git_index_add_bypath(index.get(), relative.constData()); rc < 0)
            return gitError(rc, QStringLiteral("adding %1 to the index").arg(it.key()));
    }
    if (const int rc = git_index_write(index.get()); rc < 0)
        return gitError(rc, QStringLiteral("writing the index"));
    git_oid treeId;
    if (const int rc = git_index_write_tree(&treeId, index.get()); rc < 0)
        return gitError(rc, QStringLiteral("writing the tree"));
    git_tree *rawTree = nullptr;
    if (const int rc = git_tree_lookup(&rawTree, repo, &treeId); rc < 0)
        return gitError(rc, QStringLiteral("reading the tree"));
    TreePtr tree(rawTree);

    git_signature *rawSig = nullptr;
    const QByteArray name = author.name.toUtf8();
    const QByteArray email = author.email.toUtf8();
    const QDateTime at = when.isValid() ? when : QDateTime::currentDateTimeUtc();
    if (const int rc = git_signature_new(&rawSig, name.constData(), email.constData(), at.toSecsSinceEpoch(),
                                         at.offsetFromUtc() / 60);
        rc < 0)
        return gitError(rc, QStringLiteral("making the signature"));
    SignaturePtr signature(rawSig);

    CommitPtr parent;
    git_oid parentId;
    const int headRc = git_reference_name_to_id(&parentId, repo, "HEAD");
    if (headRc == 0) {
        git_commit *rawParent = nullptr;
        if (const int rc = git_commit_lookup(&rawParent, repo, &parentId); rc < 0)
            return gitError(rc, QStringLiteral("reading HEAD"));
        parent.reset(rawParent);
    } else if (headRc != GIT_ENOTFOUND && headRc != GIT_EUNBORNBRANCH) {
        return gitError(headRc, QStringLiteral("resolving HEAD"));
    }
    const git_commit *parents[] = {parent.get()};
    git_oid commitId;
    const QByteArray text = message.toUtf8();
    if (const int rc = git_commit_create(&commitId, repo, "HEAD", signature.get(), signature.get(), "UTF-8",
                                         text.constData(), tree.get(), parent ? 1 : 0, parent ? parents : nullptr);
        rc < 0)
        return gitError(rc, QStringLiteral("committing \"%1\"").arg(message));
    char sha[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(sha, sizeof sha, &commitId);
    return QString::fromLatin1(sha);
}

Status RepositoryWriter::switchToNewBranch(const QString &branch)
{
    git_repository *repo = m_impl->repo.get();
    git_oid headId;
    if (const int rc = git_reference_name_to_id(&headId, repo, "HEAD"); rc < 0)
        return gitError(rc, QStringLiteral("resolving HEAD (commit something before branching)"));
    git_commit *rawCommit = nullptr;
    if (const int rc = git_commit_lookup(&rawCommit, repo, &headId); rc < 0)
        return gitError(rc, QStringLiteral("reading HEAD"));
    CommitPtr commit(rawCommit);
    const QByteArray name = branch.toUtf8();
    git_reference *rawRef = nullptr;
    if (const int rc = git_branch_create(&rawRef, repo, name.constData(), commit.get(), 0); rc < 0)
        return gitError(rc, QStringLiteral("creating branch %1").arg(branch));
    ReferencePtr ref(rawRef);
    const QByteArray refName = "refs/heads/" + name;
    if (const int rc = git_repository_set_head(repo, refName.constData()); rc < 0)
        return gitError(rc, QStringLiteral("switching to branch %1").arg(branch));
    return Ok{};
}

} // namespace rb::git
