#include "git/range_diff.h"

#include "git/file_patch_builder.h"
#include "git/file_patch_parser.h"
#include "git/git_error.h"
#include "git/handles.h"
#include "git/oid_text.h"
#include "git/rename_detection.h"
#include "git/repository_handle.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace rb::git {

namespace {

// The cache key of a file: the same file keeps it whichever list it is read from.
QByteArray keyOf(const FileDiff &f)
{
    QByteArray k;
    k.reserve(f.oldPathBytes.size() + f.newPathBytes.size() + 96);
    k += fileStatusLetter(f.status).toLatin1();
    k += f.oldPathBytes + '\0' + f.newPathBytes + '\0' + f.oldId.toLatin1() + '\0' + f.newId.toLatin1();
    return k;
}

// Building a patch inflates both blobs and runs xdiff in buffers that are freed at once,
// between the texts that are kept: the allocator keeps those holes for later, and on git's
// v2.30.0...v2.50.0 they added up to 1.7 times the texts. Handing them back every few
// hundred files keeps the peak near the texts themselves.
constexpr size_t kTrimEvery = 256;

void returnFreedMemory()
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

int countRenamed(const QList<FileDiff> &files)
{
    return int(std::count_if(files.begin(), files.end(), [](const FileDiff &f) {
        return f.status == FileStatus::Renamed || f.status == FileStatus::Copied;
    }));
}

} // namespace

struct RangeDiff::State {
    PatchOptions patchOptions;
    RenameOptions renameOptions;
    QString workdir;
    QString repoPath; // to open one handle per worker thread

    // The file list: the tree diff's, then with the renames merged in.
    QList<FileDiff> treeDiff;
    mutable std::mutex listMutex;
    mutable std::condition_variable renamesChanged;
    RenameUpdate status; // status.files is the list as it stands
    QList<RenamePair> pairs;
    RenameListener listener;
    std::atomic<bool> stopRenames{false};

    // The model's own handle, for patch() and the texts; one thread at a time.
    mutable std::mutex repoMutex;
    std::optional<Repository> repo;

    struct Slot {
        std::shared_ptr<const PatchText> text;
        std::weak_ptr<const FilePatch> parsed; // alive while a caller holds it
        std::optional<LineCounts> counts;
        qint64 bytes = 0;
    };
    mutable std::mutex cacheMutex;
    QHash<QByteArray, Slot> cache;
    qint64 heldBytes = 0;

    QList<FileDiff> files() const
    {
        std::lock_guard lock(listMutex);
        return status.files;
    }

    std::optional<LineCounts> counts(const QByteArray &key) const
    {
        std::lock_guard lock(cacheMutex);
        const auto it = cache.constFind(key);
        return it == cache.constEnd() ? std::nullopt : it->counts;
    }
    std::shared_ptr<const PatchText> cached(const QByteArray &key) const
    {
        std::lock_guard lock(cacheMutex);
        const auto it = cache.constFind(key);
        return it == cache.constEnd() ? nullptr : it->text;
    }
    // Stores a freshly built text (or only its counts) unless another thread was first;
    // returns the kept text, or the fresh one when only counts are kept.
    std::shared_ptr<const PatchText> store(const QByteArray &key, std::shared_ptr<const PatchText> p, bool keepText)
    {
        std::lock_guard lock(cacheMutex);
        Slot &slot = cache[key];
        if (!slot.counts) {
            slot.counts = LineCounts{p->added, p->removed, p->binary};
            slot.bytes = p->text.size();
        }
        if (keepText && !slot.text) {
            slot.text = p;
            heldBytes += p->text.size();
        }
        return slot.text ? slot.text : p;
    }
    Result<std::shared_ptr<const PatchText>> text(const FileDiff &f, bool keep = true)
    {
        const QByteArray key = keyOf(f);
        if (auto p = cached(key))
            return p;
        Result<PatchText> fresh = [&] {
            std::lock_guard lock(repoMutex);
            return buildPatchText(rawHandle(*repo), f, patchOptions, workdir);
        }();
        if (!fresh)
            return fresh.error();
        return store(key, std::make_shared<const PatchText>(std::move(fresh).value()), keep);
    }

    // On the detection thread: merges a batch and tells the listener.
    void merge(const RenameBatch &batch)
    {
        RenameUpdate update;
        {
            std::lock_guard lock(listMutex);
            pairs += batch.pairs;
            if (!batch.pairs.isEmpty())
                status.files = mergeRenames(treeDiff, pairs);
            status.phase = batch.last ? RenameUpdate::Finished
                         : batch.phase == RenamePhase::Exact ? RenameUpdate::Exact
                                                              : RenameUpdate::Basename;
            status.limited = batch.limited;
            status.renamed = countRenamed(status.files);
            status.merged.clear();
            QSet<QByteArray> targets; // the added files this batch paired
            for (const RenamePair &p : batch.pairs)
                targets.insert(treeDiff[p.target].newPathBytes);
            for (const FileDiff &f : std::as_const(status.files)) {
                if ((f.status == FileStatus::Renamed || f.status == FileStatus::Copied) && targets.contains(f.newPathBytes))
                    status.merged.append(f);
            }
            update = status;
        }
        if (listener)
            listener(update);
        if (update.finished())
            markDelivered();
    }

    // waitForRenames() returns once the listener has heard the last update too.
    bool finalDelivered = false;
    void markDelivered()
    {
        {
            std::lock_guard lock(listMutex);
            finalDelivered = true;
        }
        renamesChanged.notify_all();
    }

    void finishWithoutDetection()
    {
        std::lock_guard lock(listMutex);
        status.phase = RenameUpdate::Finished;
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

// The detection thread, stopped and joined when the last copy of the RangeDiff goes. The
// thread holds the State too, so that it stays valid should that happen on the thread.
struct RangeDiff::Worker {
    std::shared_ptr<State> state;
    std::thread thread;
    ~Worker()
    {
        state->stopRenames = true;
        if (!thread.joinable())
            return;
        if (thread.get_id() == std::this_thread::get_id())
            thread.detach(); // the listener let go of the last copy; the thread ends at once
        else
            thread.join();
    }
};

RangeDiff::RangeDiff(std::shared_ptr<State> state, std::shared_ptr<Worker> worker)
    : m_state(std::move(state)), m_worker(std::move(worker))
{
}

Result<RangeDiff> RangeDiff::compute(const Repository &repo, const ResolvedRange &range, const DiffOptions &options)
{
    auto diff = start(repo, range, options);
    if (diff)
        diff->waitForRenames();
    return diff;
}

Result<RangeDiff> RangeDiff::start(const Repository &callerRepo, const ResolvedRange &range, const DiffOptions &options,
                                   RenameListener listener)
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
    const size_t n = git_diff_num_deltas(diff.get());
    state->treeDiff.reserve(qsizetype(n));
    for (size_t i = 0; i < n; ++i) {
        const git_diff_delta *d = git_diff_get_delta(diff.get(), i);
        if (const auto status = statusOf(d->status))
            state->treeDiff.append(toFileDiff(*d, *status, range.workingTree));
    }
    if (range.workingTree && state->treeDiff.isEmpty()) {
        return Error::of(QStringLiteral("empty range: no uncommitted changes on top of HEAD in %1").arg(own->displayPath()),
                         ErrorEmptyRange);
    }
    state->status.files = state->treeDiff;
    state->patchOptions.contextLines = options.contextLines;
    state->workdir = own->workdir();
    state->repoPath = own->isBare() ? own->gitDir() : own->workdir();
    state->renameOptions.copies = options.detectCopies;
    state->renameOptions.limit = options.renameLimit;
    state->renameOptions.threshold = options.renameThreshold;
    state->renameOptions.workdir = state->workdir;
    state->listener = std::move(listener);
    state->repo.emplace(std::move(own).value());

    auto worker = std::make_shared<Worker>();
    worker->state = state;
    if (!options.detectRenames && !options.detectCopies) {
        state->finishWithoutDetection();
        if (state->listener)
            state->listener(state->status);
        state->markDelivered();
    } else {
        worker->thread = std::thread([s = state] {
            auto handle = Repository::open(s->repoPath);
            RenameBatch failed;
            failed.last = true;
            if (!handle) {
                s->merge(failed); // nothing paired: the list stays the tree diff's
                return;
            }
            const Status done = detectRenames(rawHandle(*handle), s->treeDiff, s->renameOptions, &s->stopRenames,
                                              [&s](const RenameBatch &b) { s->merge(b); });
            if (!done && !s->stopRenames)
                s->merge(failed);
        });
    }
    return RangeDiff(std::move(state), std::move(worker));
}

QList<FileDiff> RangeDiff::files() const
{
    return m_state->files();
}

int RangeDiff::fileCount() const
{
    std::lock_guard lock(m_state->listMutex);
    return int(m_state->status.files.size());
}

int RangeDiff::indexOf(const QString &path) const
{
    const QList<FileDiff> list = files();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list[i].path() == path)
            return int(i);
    }
    return -1;
}

RenameUpdate RangeDiff::renameStatus() const
{
    std::lock_guard lock(m_state->listMutex);
    return m_state->status;
}

bool RangeDiff::renamesFinished() const
{
    std::lock_guard lock(m_state->listMutex);
    return m_state->status.finished();
}

void RangeDiff::waitForRenames() const
{
    std::unique_lock lock(m_state->listMutex);
    m_state->renamesChanged.wait(lock, [&] { return m_state->finalDelivered; });
}

bool RangeDiff::renameDetectionLimited() const
{
    std::lock_guard lock(m_state->listMutex);
    return m_state->status.limited;
}

namespace {
Error noFile(int index, int count)
{
    return Error::of(QStringLiteral("no file %1 in a diff of %2 files").arg(index).arg(count));
}
} // namespace

bool RangeDiff::hasPatch(const FileDiff &file) const
{
    return m_state->cached(keyOf(file)) != nullptr;
}

bool RangeDiff::hasPatch(int index) const
{
    const QList<FileDiff> list = files();
    return index >= 0 && index < list.size() && hasPatch(list[index]);
}

Result<std::shared_ptr<const FilePatch>> RangeDiff::patch(const FileDiff &file) const
{
    const QByteArray key = keyOf(file);
    {
        std::lock_guard lock(m_state->cacheMutex);
        const auto it = m_state->cache.constFind(key);
        if (it != m_state->cache.constEnd()) {
            if (auto alive = it->parsed.lock())
                return alive;
        }
    }
    auto text = m_state->text(file);
    if (!text)
        return text.error();
    auto parsed = std::make_shared<const FilePatch>(parseFilePatch((*text)->text));
    std::lock_guard lock(m_state->cacheMutex);
    State::Slot &slot = m_state->cache[key];
    if (auto alive = slot.parsed.lock())
        return alive;
    slot.parsed = parsed;
    return parsed;
}

Result<std::shared_ptr<const FilePatch>> RangeDiff::patch(int index) const
{
    const QList<FileDiff> list = files();
    if (index < 0 || index >= list.size())
        return noFile(index, int(list.size()));
    return patch(list[index]);
}

std::optional<RangeDiff::LineCounts> RangeDiff::knownLineCounts(const FileDiff &file) const
{
    return m_state->counts(keyOf(file));
}

Result<RangeDiff::LineCounts> RangeDiff::lineCounts(const FileDiff &file) const
{
    if (const auto known = knownLineCounts(file))
        return *known;
    auto text = m_state->text(file);
    if (!text)
        return text.error();
    return LineCounts{(*text)->added, (*text)->removed, (*text)->binary};
}

Result<RangeDiff::LineCounts> RangeDiff::lineCounts(int index) const
{
    const QList<FileDiff> list = files();
    if (index < 0 || index >= list.size())
        return noFile(index, int(list.size()));
    return lineCounts(list[index]);
}

Result<QByteArray> RangeDiff::patchText(const FileDiff &file) const
{
    auto text = m_state->text(file);
    if (!text)
        return text.error();
    return (*text)->text;
}

Result<QByteArray> RangeDiff::patchText(int index) const
{
    const QList<FileDiff> list = files();
    if (index < 0 || index >= list.size())
        return noFile(index, int(list.size()));
    return patchText(list[index]);
}

Result<QByteArray> RangeDiff::oldText(const FileDiff &file) const
{
    std::lock_guard lock(m_state->repoMutex);
    return readSide(rawHandle(*m_state->repo), file, Side::Old, m_state->workdir);
}

Result<QByteArray> RangeDiff::newText(const FileDiff &file) const
{
    std::lock_guard lock(m_state->repoMutex);
    return readSide(rawHandle(*m_state->repo), file, Side::New, m_state->workdir);
}

Result<QByteArray> RangeDiff::oldText(int index) const
{
    const QList<FileDiff> list = files();
    if (index < 0 || index >= list.size())
        return noFile(index, int(list.size()));
    return oldText(list[index]);
}

Result<QByteArray> RangeDiff::newText(int index) const
{
    const QList<FileDiff> list = files();
    if (index < 0 || index >= list.size())
        return noFile(index, int(list.size()));
    return newText(list[index]);
}

int RangeDiff::materialisedCount() const
{
    const QList<FileDiff> list = files();
    std::lock_guard lock(m_state->cacheMutex);
    int n = 0;
    for (const FileDiff &f : list) {
        const auto it = m_state->cache.constFind(keyOf(f));
        n += it != m_state->cache.constEnd() && it->counts ? 1 : 0;
    }
    return n;
}

qint64 RangeDiff::materialisedBytes() const
{
    const QList<FileDiff> list = files();
    std::lock_guard lock(m_state->cacheMutex);
    qint64 n = 0;
    for (const FileDiff &f : list) {
        const auto it = m_state->cache.constFind(keyOf(f));
        if (it != m_state->cache.constEnd() && it->counts)
            n += it->bytes;
    }
    return n;
}

qint64 RangeDiff::cachedBytes() const
{
    std::lock_guard lock(m_state->cacheMutex);
    return m_state->heldBytes;
}

Status RangeDiff::materialiseAll(int threads, const std::atomic<bool> *cancel, Keep keep) const
{
    std::vector<FileDiff> todo;
    for (const FileDiff &f : files()) {
        if (!m_state->counts(keyOf(f)) || (keep == KeepTexts && !m_state->cached(keyOf(f))))
            todo.push_back(f);
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
            const FileDiff &f = todo[k];
            auto built = buildPatchText(rawHandle(*repo), f, m_state->patchOptions, m_state->workdir);
            if (!built) {
                fail(built.error());
                return;
            }
            m_state->store(keyOf(f), std::make_shared<const PatchText>(std::move(built).value()), keep == KeepTexts);
            if ((k + 1) % kTrimEvery == 0)
                returnFreedMemory();
        }
    };
    std::vector<std::thread> pool;
    for (int w = 1; w < workers; ++w)
        pool.emplace_back(work);
    work();
    for (auto &t : pool)
        t.join();
    returnFreedMemory();
    if (firstError)
        return *firstError;
    if (cancel && cancel->load())
        return Error::of(QStringLiteral("cancelled"));
    return Ok{};
}

Status RangeDiff::writeUnifiedPatch(QIODevice &out) const
{
    waitForRenames();
    if (auto s = materialiseAll(); !s)
        return s;
    for (const FileDiff &f : files()) {
        const auto p = m_state->cached(keyOf(f));
        if (out.write(p->text) != p->text.size())
            return Error::of(QStringLiteral("cannot write the patch: %1").arg(out.errorString()), ErrorIo);
    }
    return Ok{};
}

Result<QByteArray> RangeDiff::unifiedPatch() const
{
    waitForRenames();
    if (auto s = materialiseAll(); !s)
        return s.error();
    QByteArray all;
    all.reserve(materialisedBytes());
    for (const FileDiff &f : files())
        all += m_state->cached(keyOf(f))->text;
    return all;
}

} // namespace rb::git
