#include "git/range.h"

#include "git/git_error.h"
#include "git/handles.h"
#include "git/oid_text.h"
#include "git/repository_handle.h"

#include <QTimeZone>

namespace rb::git {

namespace {

QString repoName(const Repository &repo)
{
    return repo.displayPath();
}

// The commit an expression names, or a value error that names the expression.
Result<CommitPtr> lookupCommit(const Repository &repo, const QString &expression)
{
    git_repository *r = rawHandle(repo);
    if (expression.trimmed().isEmpty())
        return Error::of(QStringLiteral("empty revision: name a branch, tag or commit"), ErrorUnknownRef);
    git_object *raw = nullptr;
    const QByteArray spec = expression.toUtf8();
    int rc = git_revparse_single(&raw, r, spec.constData());
    ObjectPtr object(raw);
    if (rc == GIT_ENOTFOUND || rc == GIT_EINVALIDSPEC) {
        QString msg = QStringLiteral("unknown revision '%1': no branch, remote-tracking branch, tag or commit "
                                     "of that name in %2")
                          .arg(expression, repoName(repo));
        if (repo.isShallow())
            msg += QStringLiteral(" (this is a shallow clone: the commit may lie beyond its history; "
                                  "run `git fetch --unshallow` or `git fetch --deepen=N`)");
        return Error::of(msg, ErrorUnknownRef);
    }
    if (rc == GIT_EAMBIGUOUS) {
        return Error::of(QStringLiteral("ambiguous revision '%1' in %2: more than one object starts with it; "
                                        "give more digits of the sha")
                             .arg(expression, repoName(repo)),
                         ErrorUnknownRef);
    }
    if (rc < 0)
        return gitError(rc, QStringLiteral("cannot resolve revision '%1'").arg(expression), ErrorUnknownRef);
    git_object *peeled = nullptr;
    rc = git_object_peel(&peeled, object.get(), GIT_OBJECT_COMMIT);
    ObjectPtr peeledPtr(peeled);
    if (rc < 0) {
        return Error::of(QStringLiteral("revision '%1' names a %2, not a commit")
                             .arg(expression, QString::fromLatin1(git_object_type2string(git_object_type(object.get())))),
                         ErrorNotACommit);
    }
    return CommitPtr(reinterpret_cast<git_commit *>(peeledPtr.release()));
}

QString shortId(const git_commit *commit)
{
    GitBuf buf;
    if (git_object_short_id(buf.get(), reinterpret_cast<const git_object *>(commit)) == 0)
        return QString::fromLatin1(buf.data(), qsizetype(buf.size()));
    return oidToString(*git_commit_id(commit)).left(7);
}

CommitSummary summarise(const git_commit *commit)
{
    CommitSummary s;
    s.sha = oidToString(*git_commit_id(commit));
    s.shortSha = shortId(commit);
    const char *summary = git_commit_summary(const_cast<git_commit *>(commit));
    s.subject = summary ? QString::fromUtf8(summary) : QString();
    if (const git_signature *a = git_commit_author(commit)) {
        s.author = QStringLiteral("%1 <%2>").arg(QString::fromUtf8(a->name), QString::fromUtf8(a->email));
        s.date = QDateTime::fromSecsSinceEpoch(a->when.time, QTimeZone::fromSecondsAheadOfUtc(a->when.offset * 60));
    }
    return s;
}

} // namespace

CommitInfo CommitSummary::toCommitInfo() const
{
    return CommitInfo{sha, subject, author, date};
}

void ResolvedRange::applyTo(ReviewMetadata &metadata) const
{
    metadata.base = base;
    metadata.head = head;
    metadata.mergeBase = mergeBaseSha;
    metadata.headSha = headSha;
    metadata.workingTree = workingTree;
    metadata.commits.clear();
    for (const CommitSummary &c : commits)
        metadata.commits.append(c.toCommitInfo());
}

Result<QString> resolveCommit(const Repository &repo, const QString &expression)
{
    auto commit = lookupCommit(repo, expression);
    if (!commit)
        return commit.error();
    return oidToString(*git_commit_id(commit->get()));
}

Result<CommitSummary> commitSummary(const Repository &repo, const QString &expression)
{
    auto commit = lookupCommit(repo, expression);
    if (!commit)
        return commit.error();
    return summarise(commit->get());
}

Result<ResolvedRange> resolveRange(const Repository &repo, const QString &base, const QString &head, RangeCommits commits)
{
    auto baseCommit = lookupCommit(repo, base);
    if (!baseCommit)
        return baseCommit.error();
    auto headCommit = lookupCommit(repo, head);
    if (!headCommit)
        return headCommit.error();

    git_repository *r = rawHandle(repo);
    const git_oid *baseId = git_commit_id(baseCommit->get());
    const git_oid *headId = git_commit_id(headCommit->get());
    ResolvedRange range;
    range.base = base;
    range.head = head;
    range.baseSha = oidToString(*baseId);
    range.headSha = oidToString(*headId);

    git_oid mergeBase;
    int rc = git_merge_base(&mergeBase, r, baseId, headId);
    if (rc == GIT_ENOTFOUND || (rc < 0 && repo.isShallow())) {
        if (repo.isShallow()) {
            return Error::of(QStringLiteral("no merge base between '%1' and '%2': %3 is a shallow clone and their "
                                            "common history is missing; fetch more of it with "
                                            "`git fetch --deepen=N` or all of it with `git fetch --unshallow`")
                                 .arg(base, head, repoName(repo)),
                             ErrorShallowNoMergeBase);
        }
        return Error::of(QStringLiteral("no merge base between '%1' and '%2': they have unrelated histories "
                                        "(no commit in common); choose a base that '%2' was branched from")
                             .arg(base, head),
                         ErrorNoMergeBase);
    }
    if (rc < 0)
        return gitError(rc, QStringLiteral("cannot compute the merge base of '%1' and '%2'").arg(base, head));
    range.mergeBaseSha = oidToString(mergeBase);

    if (range.mergeBaseSha == range.headSha) {
        return Error::of(QStringLiteral("empty range: '%1' adds no commit on top of '%2' (it is already contained "
                                        "in '%2'); swap them or pick another base")
                             .arg(head, base),
                         ErrorEmptyRange);
    }
    if (commits == RangeCommits::Listed) {
        auto listed = listCommits(repo, range);
        if (!listed)
            return listed.error();
        range.commits = std::move(listed).value();
    }
    return range;
}

Result<QList<CommitSummary>> listCommits(const Repository &repo, const ResolvedRange &range)
{
    QList<CommitSummary> commits;
    if (range.workingTree)
        return commits;
    git_repository *r = rawHandle(repo);
    git_oid headId, mergeBase;
    if (!oidFromString(&headId, range.headSha) || !oidFromString(&mergeBase, range.mergeBaseSha))
        return Error::of(QStringLiteral("bad commit ids in the range %1...%2").arg(range.base, range.head));
    git_revwalk *rawWalk = nullptr;
    int rc = git_revwalk_new(&rawWalk, r);
    if (rc < 0)
        return gitError(rc, QStringLiteral("cannot list the commits of %1...%2").arg(range.base, range.head));
    RevwalkPtr walk(rawWalk);
    git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME | GIT_SORT_REVERSE);
    if ((rc = git_revwalk_push(walk.get(), &headId)) < 0 || (rc = git_revwalk_hide(walk.get(), &mergeBase)) < 0)
        return gitError(rc, QStringLiteral("cannot list the commits of %1...%2").arg(range.base, range.head));
    git_oid id;
    while ((rc = git_revwalk_next(&id, walk.get())) == 0) {
        git_commit *raw = nullptr;
        if (int lrc = git_commit_lookup(&raw, r, &id); lrc < 0)
            return gitError(lrc, QStringLiteral("cannot read commit %1").arg(oidToString(id)));
        CommitPtr commit(raw);
        commits.append(summarise(commit.get()));
    }
    if (rc != GIT_ITEROVER)
        return gitError(rc, QStringLiteral("cannot list the commits of %1...%2").arg(range.base, range.head));
    return commits;
}

Result<ResolvedRange> resolveWorkingTree(const Repository &repo)
{
    if (repo.isBare()) {
        return Error::of(QStringLiteral("%1 is a bare repository: it has no working tree to review")
                             .arg(repoName(repo)),
                         ErrorNoWorkingTree);
    }
    if (git_repository_head_unborn(rawHandle(repo)) == 1) {
        return Error::of(QStringLiteral("HEAD in %1 has no commit yet; commit once before reviewing changes on top of it")
                             .arg(repoName(repo)),
                         ErrorUnknownRef);
    }
    auto head = lookupCommit(repo, QStringLiteral("HEAD"));
    if (!head)
        return head.error();
    ResolvedRange range;
    range.base = QStringLiteral("HEAD");
    range.head = QStringLiteral("HEAD");
    range.baseSha = range.headSha = range.mergeBaseSha = oidToString(*git_commit_id(head->get()));
    range.workingTree = true;
    return range;
}

} // namespace rb::git
