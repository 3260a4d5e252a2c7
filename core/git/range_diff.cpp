#include "git/range_diff.h"

#include "git/file_patch_builder.h"
#include "git/file_patch_parser.h"
#include "git/git_error.h"
#include "git/handles.h"
#include "git/oid_text.h"
#include "git/rename_similarity.h"
#include "git/repository_handle.h"

#include <QBuffer>

#include <algorithm>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace rb::git {

struct RangeDiff::State {
    QList<FileDiff> files;
    bool renamesLimited = false;
    PatchOptions patchOptions;
    QString workdir;
    QString repoPath; // to open one handle per worker thread

    // The model's own handle, for patch() and the texts; one thread at a time.
    mutable std::mutex repoMutex;
    std::optional<Repository> repo;

    mutable std::mutex cacheMutex;
    std::vector<std::shared_ptr<const PatchText>> texts;
    std::vector<std::weak_ptr<const FilePatch>> parsed; // alive while a caller holds them
    std::atomic<int> built{0};
    std::atomic<qint64> builtBytes{0};

    std::shared_ptr<const PatchText> cached(int i) const
    {
        std::lock_guard lock(cacheMutex);
        return texts[size_t(i)];
    }
    // Stores a freshly built text unless another thread was first; returns the kept one.
    std::shared_ptr<const PatchText> store(int i, std::shared_ptr<const PatchText> p)
    {
        std::lock_guard lock(cacheMutex);
        auto &slot = texts[size_t(i)];
        if (!slot) {
            slot = std::move(p);
            ++built;
            builtBytes += slot->text.size();
        }
        return slot;
    }
    Result<std::shared_ptr<const PatchText>> text(int i)
    {
        if (auto p = cached(i))
            return p;
        Result<PatchText> fresh = [&] {
            std::lock_guard lock(repoMutex);
            return buildPatchText(rawHandle(*repo), files[i], patchOptions, workdir);
        }();
        if (!fresh)
            return fresh.error();
        return store(i, std::make_shared<const PatchText>(std::move(fresh).value()));
    }
};

namespace {

std::optional<FileStatus> statusOf(git_delta_t s)
{
    switch (s) {
    case GIT_DELTA_ADDED:
    case GIT_DELTA_UNTRACKED: return FileStatus::Added;
    case GIT_DELTA_DELETED: return FileStatus::Deleted;
    case GIT_DELTA_MODIFIED:
    case GIT_DELTA_CONFLICTED: return FileStatus::Modified;
    case GIT_DELTA_RENAMED: return FileStatus::Renamed;
    case GIT_DELTA_COPIED: return FileStatus::Copied;
    case GIT_DELTA_TYPECHANGE: return FileStatus::TypeChanged;
    default: return std::nullopt; // unmodified, ignored, unreadable
    }
}

FileDiff toFileDiff(const git_diff_delta &d, FileStatus status, bool workingTree)
{
    FileDiff f;
    f.status = status;
    if (status != FileStatus::Added) {
        f.oldPathBytes = QByteArray(d.old_file.path);
        f.oldPath = QString::fromUtf8(f.oldPathBytes);
        f.oldId = oidToString(d.old_file.id);
        f.oldMode = d.old_file.mode;
    }
    if (status != FileStatus::Deleted) {
        f.newPathBytes = QByteArray(d.new_file.path);
        f.newPath = QString::fromUtf8(f.newPathBytes);
        f.newMode = d.new_file.mode;
        f.newFromWorkdir = workingTree;
        const bool validId = !git_oid_is_zero(&d.new_file.id) && (!workingTree || (d.new_file.flags & GIT_DIFF_FLAG_VALID_ID));
        if (validId)
            f.newId = oidToString(d.new_file.id);
    }
    if (status == FileStatus::Renamed || status == FileStatus::Copied)
        f.similarity = int(d.similarity);
    return f;
}

Result<TreePtr> commitTree(git_repository *repo, const QString &sha)
{
    git_oid oid;
    if (!oidFromString(&oid, sha))
        return Error::of(QStringLiteral("bad commit id '%1'").arg(sha), ErrorUnknownRef);
    git_commit *rawCommit = nullptr;
    if (int rc = git_commit_lookup(&rawCommit, repo, &oid); rc < 0)
        return gitError(rc, QStringLiteral("cannot read commit %1").arg(sha), ErrorUnknownRef);
    CommitPtr commit(rawCommit);
    git_tree *rawTree = nullptr;
    if (int rc = git_commit_tree(&rawTree, commit.get()); rc < 0)
        return gitError(rc, QStringLiteral("cannot read the tree of commit %1").arg(sha));
    return TreePtr(rawTree);
}

} // namespace

RangeDiff::RangeDiff(std::shared_ptr<State> state) : m_state(std::move(state)) {}

Result<RangeDiff> RangeDiff::compute(const Repository &callerRepo, const ResolvedRange &range, const DiffOptions &options)
{
    auto own = callerRepo.reopen();
    if (!own)
        return own.error();
    git_repository *repo = rawHandle(*own);

    auto oldTree = commitTree(repo, range.mergeBaseSha);
    if (!oldTree)
        return oldTree.error();

    git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
    opts.flags = GIT_DIFF_INCLUDE_TYPECHANGE | GIT_DIFF_SKIP_BINARY_CHECK;
    git_diff *rawDiff = nullptr;
    int rc;
    if (range.workingTree) {
        if (own->isBare())
            return Error::of(QStringLiteral("%1 is a bare repository: it has no working tree").arg(own->displayPath()),
                             ErrorNoWorkingTree);
        opts.flags |= GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS;
        rc = git_diff_tree_to_workdir_with_index(&rawDiff, repo, oldTree->get(), &opts);
    } else {
        auto newTree = commitTree(repo, range.headSha);
        if (!newTree)
            return newTree.error();
        rc = git_diff_tree_to_tree(&rawDiff, repo, oldTree->get(), newTree->get(), &opts);
    }
    DiffPtr diff(rawDiff);
    if (rc < 0)
        return gitError(rc, QStringLiteral("cannot diff %1").arg(range.workingTree ? QStringLiteral("the working tree")
                                                                                   : range.base + QStringLiteral("...") + range.head));

    auto state = std::make_shared<State>();
    if (options.detectRenames || options.detectCopies) {
        // Bound the work: inexact matching costs (targets x sources) similarity checks, each
        // reading both blobs. Past the bound only identical contents are paired.
        qint64 added = 0, sources = 0;
        const size_t n = git_diff_num_deltas(diff.get());
        for (size_t i = 0; i < n; ++i) {
            const git_delta_t s = git_diff_get_delta(diff.get(), i)->status;
            if (s == GIT_DELTA_ADDED || s == GIT_DELTA_UNTRACKED)
                ++added;
            else if (s == GIT_DELTA_DELETED || (options.detectCopies && s == GIT_DELTA_MODIFIED))
                ++sources;
        }
        git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
        find.flags = GIT_DIFF_FIND_RENAMES;
        if (options.detectCopies)
            find.flags |= GIT_DIFF_FIND_COPIES;
        if (range.workingTree)
            find.flags |= GIT_DIFF_FIND_FOR_UNTRACKED;
        const qint64 limit = std::max(1, options.renameLimit);
        find.rename_limit = size_t(limit);
        if (added * sources > limit * limit) {
            // Comparing ids is cheap: look further for identical contents.
            find.flags |= GIT_DIFF_FIND_EXACT_MATCH_ONLY;
            find.rename_limit = size_t(limit) * 10;
            state->renamesLimited = true;
        }
        find.metric = gitSimilarityMetric();
        find.rename_threshold = quint16(options.renameThreshold);
        find.copy_threshold = quint16(options.renameThreshold);
        if (added > 0 && sources > 0) {
            if (rc = git_diff_find_similar(diff.get(), &find); rc < 0)
                return gitError(rc, QStringLiteral("rename detection failed"));
        }
    }

    const size_t n = git_diff_num_deltas(diff.get());
    state->files.reserve(qsizetype(n));
    for (size_t i = 0; i < n; ++i) {
        const git_diff_delta *d = git_diff_get_delta(diff.get(), i);
        if (const auto status = statusOf(d->status))
            state->files.append(toFileDiff(*d, *status, range.workingTree));
    }
    if (range.workingTree && state->files.isEmpty()) {
        return Error::of(QStringLiteral("empty range: no uncommitted changes on top of HEAD in %1").arg(own->displayPath()),
                         ErrorEmptyRange);
    }
    state->texts.resize(size_t(state->files.size()));
    state->parsed.resize(size_t(state->files.size()));
    state->patchOptions.contextLines = options.contextLines;
    state->workdir = own->workdir();
    state->repoPath = own->isBare() ? own->gitDir() : own->workdir();
    state->repo.emplace(std::move(own).value());
    return RangeDiff(std::move(state));
}

const QList<FileDiff> &RangeDiff::files() const
{
    return m_state->files;
}

int RangeDiff::indexOf(const QString &path) const
{
    for (qsizetype i = 0; i < m_state->files.size(); ++i) {
        if (m_state->files[i].path() == path)
            return int(i);
    }
    return -1;
}

bool RangeDiff::renameDetectionLimited() const
{
    return m_state->renamesLimited;
}

bool RangeDiff::hasPatch(int index) const
{
    return index >= 0 && index < fileCount() && m_state->cached(index) != nullptr;
}

Result<std::shared_ptr<const FilePatch>> RangeDiff::patch(int index) const
{
    if (index < 0 || index >= fileCount())
        return Error::of(QStringLiteral("no file %1 in a diff of %2 files").arg(index).arg(fileCount()));
    {
        std::lock_guard lock(m_state->cacheMutex);
        if (auto alive = m_state->parsed[size_t(index)].lock())
            return alive;
    }
    auto text = m_state->text(index);
    if (!text)
        return text.error();
    auto parsed = std::make_shared<const FilePatch>(parseFilePatch((*text)->text));
    std::lock_guard lock(m_state->cacheMutex);
    if (auto alive = m_state->parsed[size_t(index)].lock())
        return alive;
    m_state->parsed[size_t(index)] = parsed;
    return parsed;
}

Result<RangeDiff::LineCounts> RangeDiff::lineCounts(int index) const
{
    if (index < 0 || index >= fileCount())
        return Error::of(QStringLiteral("no file %1 in a diff of %2 files").arg(index).arg(fileCount()));
    auto text = m_state->text(index);
    if (!text)
        return text.error();
    return LineCounts{(*text)->added, (*text)->removed, (*text)->binary};
}

Result<QByteArray> RangeDiff::patchText(int index) const
{
    if (index < 0 || index >= fileCount())
        return Error::of(QStringLiteral("no file %1 in a diff of %2 files").arg(index).arg(fileCount()));
    auto text = m_state->text(index);
    if (!text)
        return text.error();
    return (*text)->text;
}

Result<QByteArray> RangeDiff::oldText(int index) const
{
    if (index < 0 || index >= fileCount())
        return Error::of(QStringLiteral("no file %1 in a diff of %2 files").arg(index).arg(fileCount()));
    std::lock_guard lock(m_state->repoMutex);
    return readSide(rawHandle(*m_state->repo), m_state->files[index], Side::Old, m_state->workdir);
}

Result<QByteArray> RangeDiff::newText(int index) const
{
    if (index < 0 || index >= fileCount())
        return Error::of(QStringLiteral("no file %1 in a diff of %2 files").arg(index).arg(fileCount()));
    std::lock_guard lock(m_state->repoMutex);
    return readSide(rawHandle(*m_state->repo), m_state->files[index], Side::New, m_state->workdir);
}

int RangeDiff::materialisedCount() const
{
    return m_state->built.load();
}

qint64 RangeDiff::materialisedBytes() const
{
    return m_state->builtBytes.load();
}

Status RangeDiff::materialiseAll(int threads, const std::atomic<bool> *cancel) const
{
    std::vector<int> todo;
    for (int i = 0; i < fileCount(); ++i) {
        if (!m_state->cached(i))
            todo.push_back(i);
    }
    if (todo.empty())
        return Ok{};
    int workers = threads > 0 ? threads : int(std::max(1u, std::thread::hardware_concurrency()));
    workers = std::min<int>(workers, int(todo.size()));

    std::atomic<size_t> next{0};
    std::atomic<bool> failed{false};
    std::mutex errorMutex;
    std::optional<Error> firstError;
    auto fail = [&](Error e) {
        std::lock_guard lock(errorMutex);
        if (!firstError)
            firstError = std::move(e);
        failed = true;
    };
    auto work = [&] {
        // libgit2 handles are per thread: each worker opens its own.
        auto repo = Repository::open(m_state->repoPath);
        if (!repo) {
            fail(repo.error());
            return;
        }
        while (!failed && !(cancel && cancel->load())) {
            const size_t k = next++;
            if (k >= todo.size())
                break;
            const int i = todo[k];
            auto built = buildPatchText(rawHandle(*repo), m_state->files[i], m_state->patchOptions, m_state->workdir);
            if (!built) {
                fail(built.error());
                return;
            }
            m_state->store(i, std::make_shared<const PatchText>(std::move(built).value()));
        }
    };
    std::vector<std::thread> pool;
    for (int w = 1; w < workers; ++w)
        pool.emplace_back(work);
    work();
    for (auto &t : pool)
        t.join();
    if (firstError)
        return *firstError;
    if (cancel && cancel->load())
        return Error::of(QStringLiteral("cancelled"));
    return Ok{};
}

Status RangeDiff::writeUnifiedPatch(QIODevice &out) const
{
    if (auto s = materialiseAll(); !s)
        return s;
    for (int i = 0; i < fileCount(); ++i) {
        const auto p = m_state->cached(i);
        if (out.write(p->text) != p->text.size())
            return Error::of(QStringLiteral("cannot write the patch: %1").arg(out.errorString()), ErrorIo);
    }
    return Ok{};
}

Result<QByteArray> RangeDiff::unifiedPatch() const
{
    if (auto s = materialiseAll(); !s)
        return s.error();
    QByteArray all;
    all.reserve(materialisedBytes());
    for (int i = 0; i < fileCount(); ++i)
        all += m_state->cached(i)->text;
    return all;
}

} // namespace rb::git
