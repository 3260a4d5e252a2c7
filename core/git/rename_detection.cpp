#include "git/rename_detection.h"

#include "git/file_patch_builder.h"
#include "git/handles.h"
#include "git/oid_text.h"
#include "git/rename_similarity.h"

#include <QHash>

#include <git2/sys/errors.h>

#include <algorithm>
#include <optional>

namespace rb::git {

namespace {

constexpr int kCandidatesPerTarget = 4; // git's NUM_CANDIDATE_PER_DST
constexpr int kMaxIdenticalAlternatives = 100;

bool isRegular(quint32 mode)
{
    return (mode & 0170000) == 0100000;
}

QByteArrayView basename(const QByteArray &path)
{
    const qsizetype slash = path.lastIndexOf('/');
    return QByteArrayView(path).mid(slash + 1);
}

// What detection needs of one side of one file, read once.
struct Entry {
    int index = -1;
    bool source = false; // the old side of a source, else the new side of a target
    quint32 mode = 0;
    QByteArray path;
    std::optional<git_oid> id;
    std::optional<quint64> size;
    std::optional<SpanSignature> signature;
    bool unreadable = false;
};

class Detector {
public:
    Detector(git_repository *repo, const QList<FileDiff> &files, const RenameOptions &options,
             const std::atomic<bool> *cancel)
        : m_repo(repo), m_files(files), m_options(options), m_cancel(cancel)
    {
    }

    Status run(const std::function<void(const RenameBatch &)> &deliver)
    {
        for (int i = 0; i < m_files.size(); ++i) {
            const FileDiff &f = m_files[i];
            if (f.status == FileStatus::Added)
                m_targets.push_back(side(i, false));
            else if (f.status == FileStatus::Deleted || (m_options.copies && f.status == FileStatus::Modified))
                m_sources.push_back(side(i, true));
        }
        m_sourceUsed.assign(m_sources.size(), 0);
        m_targetDone.assign(m_targets.size(), false);

        RenameBatch exact;
        exact.phase = RenamePhase::Exact;
        if (!m_sources.empty() && !m_targets.empty())
            exact.pairs = exactMatches();
        if (cancelled())
            return cancelledError();
        const bool anyLeft = remainingTargets() > 0 && remainingSources() > 0;
        exact.last = !anyLeft;
        deliver(exact);
        if (!anyLeft)
            return Ok{};

        if (!m_options.copies) {
            RenameBatch byName;
            byName.phase = RenamePhase::Basename;
            byName.pairs = basenameMatches();
            if (cancelled())
                return cancelledError();
            deliver(byName);
        }

        RenameBatch inexact;
        inexact.phase = RenamePhase::Inexact;
        inexact.last = true;
        const qint64 targets = remainingTargets(), sources = remainingSources();
        const qint64 limit = std::max(1, m_options.limit);
        if (targets > 0 && sources > 0) {
            if (targets * sources > limit * limit)
                inexact.limited = true;
            else
                inexact.pairs = matrixMatches();
        }
        if (cancelled())
            return cancelledError();
        deliver(inexact);
        return Ok{};
    }

private:
    Entry side(int index, bool source) const
    {
        const FileDiff &f = m_files[index];
        Entry s;
        s.index = index;
        s.source = source;
        s.mode = source ? f.oldMode : f.newMode;
        s.path = source ? f.oldPathBytes : f.newPathBytes;
        const QString &id = source ? f.oldId : f.newId;
        git_oid oid;
        if (!id.isEmpty() && oidFromString(&oid, id))
            s.id = oid;
        return s;
    }

    bool cancelled() const { return m_cancel && m_cancel->load(); }
    static Error cancelledError() { return Error::of(QStringLiteral("cancelled")); }

    qint64 remainingTargets() const { return std::count(m_targetDone.begin(), m_targetDone.end(), false); }
    qint64 remainingSources() const
    {
        if (m_options.copies)
            return qint64(m_sources.size());
        return std::count(m_sourceUsed.begin(), m_sourceUsed.end(), 0);
    }

    // Working-tree files: read through the clean filters (readSide), hashed as git would.
    bool fromWorkdir(const Entry &s) const { return !s.source && m_files[s.index].newFromWorkdir; }

    std::optional<QByteArray> content(Entry &s)
    {
        if (s.unreadable)
            return std::nullopt;
        if (fromWorkdir(s) || s.mode == ModeSubmodule) {
            auto bytes = readSide(m_repo, m_files[s.index], s.source ? Side::Old : Side::New, m_options.workdir);
            if (!bytes) {
                s.unreadable = true;
                return std::nullopt;
            }
            return std::move(bytes).value();
        }
        if (!s.id) {
            s.unreadable = true;
            return std::nullopt;
        }
        git_blob *raw = nullptr;
        if (git_blob_lookup(&raw, m_repo, &*s.id) < 0) {
            git_error_clear();
            s.unreadable = true;
            return std::nullopt;
        }
        const BlobPtr blob(raw);
        return QByteArray(static_cast<const char *>(git_blob_rawcontent(blob.get())),
                          qsizetype(git_blob_rawsize(blob.get())));
    }

    const git_oid *idOf(Entry &s)
    {
        if (!s.id && fromWorkdir(s) && !s.unreadable) {
            const auto bytes = content(s);
            git_oid oid;
            if (bytes && git_odb_hash(&oid, bytes->constData(), size_t(bytes->size()), GIT_OBJECT_BLOB) == 0) {
                s.id = oid;
                s.size = quint64(bytes->size());
            }
        }
        return s.id ? &*s.id : nullptr;
    }

    std::optional<quint64> sizeOf(Entry &s)
    {
        if (s.size || s.unreadable)
            return s.size;
        if (s.id && !fromWorkdir(s)) {
            if (!m_odb) {
                git_odb *raw = nullptr;
                if (git_repository_odb(&raw, m_repo) == 0)
                    m_odb.reset(raw);
            }
            size_t len = 0;
            git_object_t type = GIT_OBJECT_INVALID;
            if (m_odb && git_odb_read_header(&len, &type, m_odb.get(), &*s.id) == 0)
                s.size = quint64(len);
            git_error_clear();
            if (s.size)
                return s.size;
        }
        (void)signatureOf(s);
        return s.size;
    }

    const SpanSignature *signatureOf(Entry &s)
    {
        if (!s.signature && !s.unreadable) {
            const auto bytes = content(s);
            if (!bytes)
                return nullptr;
            s.size = quint64(bytes->size());
            s.signature = spanSignature(*bytes);
        }
        return s.signature ? &*s.signature : nullptr;
    }

    // git's estimate_similarity: regular files only, sizes close enough, then spans.
    int estimate(Entry &src, Entry &dst, int minimumScore)
    {
        if (!isRegular(src.mode) || !isRegular(dst.mode))
            return 0;
        const auto srcSize = sizeOf(src), dstSize = sizeOf(dst);
        if (!srcSize || !dstSize)
            return 0;
        const quint64 maxSize = std::max(*srcSize, *dstSize), baseSize = std::min(*srcSize, *dstSize);
        const quint64 delta = maxSize - baseSize;
        if (maxSize * quint64(kMaxSimilarityScore - minimumScore) < delta * quint64(kMaxSimilarityScore))
            return 0;
        const SpanSignature *a = signatureOf(src);
        const SpanSignature *b = signatureOf(dst);
        if (!a || !b)
            return 0;
        return similarityScore(*a, *b);
    }

    void record(QList<RenamePair> &out, int s, int t, int score)
    {
        ++m_sourceUsed[size_t(s)];
        m_targetDone[size_t(t)] = true;
        out.append({m_sources[size_t(s)].index, m_targets[size_t(t)].index, score});
    }

    QList<RenamePair> exactMatches()
    {
        QList<RenamePair> out;
        QHash<QByteArray, QList<int>> byId; // raw oid bytes -> sources, in list order
        for (int s = 0; s < int(m_sources.size()); ++s) {
            if (const git_oid *id = idOf(m_sources[size_t(s)]))
                byId[QByteArray(reinterpret_cast<const char *>(id->id), GIT_OID_RAWSZ)].append(s);
        }
        for (int t = 0; t < int(m_targets.size()) && !cancelled(); ++t) {
            Entry &target = m_targets[size_t(t)];
            const git_oid *id = idOf(target);
            if (!id)
                continue;
            const auto it = byId.constFind(QByteArray(reinterpret_cast<const char *>(id->id), GIT_OID_RAWSZ));
            if (it == byId.constEnd())
                continue;
            int best = -1, bestScore = -1, alternatives = kMaxIdenticalAlternatives;
            for (int s : *it) {
                const Entry &source = m_sources[size_t(s)];
                if ((!isRegular(source.mode) || !isRegular(target.mode)) && source.mode != target.mode)
                    continue;
                const bool used = m_sourceUsed[size_t(s)] > 0;
                if (used && !m_options.copies)
                    continue;
                const int score = (used ? 0 : 1) + (basename(source.path) == basename(target.path) ? 1 : 0);
                if (score > bestScore) {
                    best = s;
                    bestScore = score;
                    if (score == 2)
                        break;
                }
                if (!--alternatives)
                    break;
            }
            if (best >= 0)
                record(out, best, t, kMaxSimilarityScore);
        }
        return out;
    }

    QList<RenamePair> basenameMatches()
    {
        QList<RenamePair> out;
        const int minimum = threshold() + (kMaxSimilarityScore - threshold()) / 2;
        QHash<QByteArrayView, int> sources, targets; // basename -> index, -1 when not unique
        for (int s = 0; s < int(m_sources.size()); ++s) {
            if (m_sourceUsed[size_t(s)])
                continue;
            const QByteArrayView name = basename(m_sources[size_t(s)].path);
            sources[name] = sources.contains(name) ? -1 : s;
        }
        for (int t = 0; t < int(m_targets.size()); ++t) {
            if (m_targetDone[size_t(t)])
                continue;
            const QByteArrayView name = basename(m_targets[size_t(t)].path);
            targets[name] = targets.contains(name) ? -1 : t;
        }
        for (int s = 0; s < int(m_sources.size()) && !cancelled(); ++s) {
            if (m_sourceUsed[size_t(s)])
                continue;
            const QByteArrayView name = basename(m_sources[size_t(s)].path);
            const auto t = targets.constFind(name);
            if (t == targets.constEnd() || *t < 0 || sources.value(name) < 0 || m_targetDone[size_t(*t)])
                continue;
            const int score = estimate(m_sources[size_t(s)], m_targets[size_t(*t)], minimum);
            if (score >= minimum)
                record(out, s, *t, score);
        }
        return out;
    }

    struct Score {
        int target = -1; // index into m_targets; -1: an empty candidate slot
        int source = -1;
        int score = 0;
        int nameScore = 0;
    };
    // git's score_compare: better first; empty slots last.
    static bool better(const Score &a, const Score &b)
    {
        if (a.target < 0 || b.target < 0)
            return a.target >= 0 && b.target < 0;
        if (a.score != b.score)
            return a.score > b.score;
        return a.nameScore > b.nameScore;
    }

    QList<RenamePair> matrixMatches()
    {
        const int minimum = threshold();
        std::vector<Score> candidates;
        for (int t = 0; t < int(m_targets.size()) && !cancelled(); ++t) {
            if (m_targetDone[size_t(t)])
                continue;
            Score best[kCandidatesPerTarget];
            for (int s = 0; s < int(m_sources.size()); ++s) {
                if (!m_options.copies && m_sourceUsed[size_t(s)])
                    continue;
                Score here{t, s, estimate(m_sources[size_t(s)], m_targets[size_t(t)], minimum),
                           basename(m_sources[size_t(s)].path) == basename(m_targets[size_t(t)].path) ? 1 : 0};
                int worst = 0;
                for (int k = 1; k < kCandidatesPerTarget; ++k) {
                    if (better(best[worst], best[k]))
                        worst = k;
                }
                if (better(here, best[worst]))
                    best[worst] = here;
            }
            candidates.insert(candidates.end(), std::begin(best), std::end(best));
            // A target's blob is not needed again.
            m_targets[size_t(t)].signature.reset();
        }
        std::stable_sort(candidates.begin(), candidates.end(), better);
        QList<RenamePair> out;
        for (int pass = 0; pass < (m_options.copies ? 2 : 1); ++pass) {
            for (const Score &c : candidates) {
                if (c.target < 0 || c.score < minimum)
                    break;
                if (m_targetDone[size_t(c.target)])
                    continue;
                if (pass == 0 && m_sourceUsed[size_t(c.source)])
                    continue;
                record(out, c.source, c.target, c.score);
            }
        }
        return out;
    }

    int threshold() const { return std::clamp(m_options.threshold, 0, 100) * kMaxSimilarityScore / 100; }

    git_repository *m_repo;
    const QList<FileDiff> &m_files;
    RenameOptions m_options;
    const std::atomic<bool> *m_cancel;
    OdbPtr m_odb;
    std::vector<Entry> m_sources, m_targets;
    std::vector<int> m_sourceUsed;
    std::vector<bool> m_targetDone;
};

} // namespace

Status detectRenames(git_repository *repo, const QList<FileDiff> &files, const RenameOptions &options,
                     const std::atomic<bool> *cancel, const std::function<void(const RenameBatch &)> &deliver)
{
    Detector d(repo, files, options, cancel);
    return d.run(deliver);
}

QList<FileDiff> mergeRenames(const QList<FileDiff> &treeDiff, const QList<RenamePair> &pairs)
{
    if (pairs.isEmpty())
        return treeDiff;
    QHash<int, RenamePair> byTarget;
    QHash<int, int> uses; // source -> how many targets it still has
    for (const RenamePair &p : pairs) {
        byTarget.insert(p.target, p);
        ++uses[p.source];
    }
    QList<FileDiff> out;
    out.reserve(treeDiff.size());
    for (int i = 0; i < treeDiff.size(); ++i) {
        const FileDiff &f = treeDiff[i];
        if (f.status == FileStatus::Deleted && uses.contains(i))
            continue; // became the old side of a rename
        const auto p = byTarget.constFind(i);
        if (p == byTarget.constEnd()) {
            out.append(f);
            continue;
        }
        const FileDiff &source = treeDiff[p->source];
        FileDiff r = f;
        r.oldPath = source.oldPath;
        r.oldPathBytes = source.oldPathBytes;
        r.oldId = source.oldId;
        r.oldMode = source.oldMode;
        r.similarity = p->score * 100 / kMaxSimilarityScore;
        // git: a source that stays (modified) is copied; a deleted one used N times is
        // copied N-1 times and renamed by its last target in list order.
        const bool sourceStays = source.status != FileStatus::Deleted;
        r.status = (sourceStays || --uses[p->source] > 0) ? FileStatus::Copied : FileStatus::Renamed;
        out.append(r);
    }
    return out;
}

} // namespace rb::git
