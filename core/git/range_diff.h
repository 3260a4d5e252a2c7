#pragma once
// The diff of a review range: the file list at once, renames as they are found, each
// file's patch on first access.
//
// start() diffs the trees only (no file content is read) and returns at once with that
// file list: added and deleted files as such. Rename detection (git's: exact, then same
// basename, then inexact within a bound; see docs/git-layer.md) runs on a thread of its
// own and merges its pairings into the list phase by phase: each added file that was
// renamed becomes a Renamed entry in its place and its deleted source leaves the list.
// Every merge calls the RenameListener (on that thread; post it to your own) with the
// list as it now stands. compute() is start() followed by waitForRenames(): for callers
// that want the final list.
//
// While renames are pending, files() may change between two calls, and with it the
// indices: code that runs during detection takes a files() snapshot and uses the
// FileDiff overloads (patch(file), lineCounts(file), ...); the index overloads index the
// list as it stands at the call. Once renamesFinished(), the list no longer changes.
//
// A file's patch text is built on first access and cached; materialiseAll() builds every
// one on all cores, keeping the texts or only their line counts (KeepCounts: the lazy
// mode of the window, whose memory then stays near the texts on screen). The hunk and
// line structure is parsed from the text when patch() asks for it and kept only while
// someone holds it, so a materialised range costs little more than its patch text. All
// member functions are thread-safe. Copies share the same state; the last one to go
// stops the detection thread and waits for it (so a listener posts the update and keeps
// no RangeDiff of its own).

#include "git/file_diff.h"
#include "git/range.h"
#include "git/repository.h"
#include "util/result.h"

#include <QIODevice>
#include <QList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace rb::git {

struct DiffOptions {
    int contextLines = 3;
    bool detectRenames = true;
    bool detectCopies = false;  // copies from modified files, as `git diff -C`
    // git's diff.renameLimit: inexact detection is skipped when the added files left after
    // exact and basename pairing, times the sources left, exceed its square.
    int renameLimit = 1000;
    int renameThreshold = 50;   // percent similarity, as git's default
};

// Where rename detection stands, and the file list as it stands.
struct RenameUpdate {
    enum Phase {
        Pending,   // nothing merged yet: the tree diff's list
        Exact,     // identical contents paired
        Basename,  // same basename, >= 75 % alike, paired
        Finished,  // inexact pairing done (or skipped: limited)
    };
    Phase phase = Pending;
    QList<FileDiff> files;  // the whole list after this update
    QList<FileDiff> merged; // the entries this update made Renamed or Copied
    int renamed = 0;        // Renamed and Copied entries in `files`
    bool limited = false;   // inexact detection skipped: over DiffOptions::renameLimit
    bool finished() const { return phase == Finished; }
};
using RenameListener = std::function<void(const RenameUpdate &)>;

class RangeDiff {
public:
    // Diffs range.mergeBaseSha against range.headSha, or HEAD against the working tree
    // (staged, unstaged and untracked files) when range.workingTree, and starts rename
    // detection in the background; `listener` hears of each phase (the last one has
    // finished() true), on the detection thread. The RangeDiff keeps its own handles on
    // the repository. Errors: ErrorEmptyRange for a working tree without changes,
    // ErrorNoWorkingTree, ErrorGitFailed.
    static Result<RangeDiff> start(const Repository &repo, const ResolvedRange &range,
                                   const DiffOptions &options = {}, RenameListener listener = {});
    // start() and waitForRenames(): the final file list.
    static Result<RangeDiff> compute(const Repository &repo, const ResolvedRange &range,
                                     const DiffOptions &options = {});

    // The file list as it stands (a cheap implicitly shared copy).
    QList<FileDiff> files() const;
    int fileCount() const;
    // Index of the file whose new (or, for deletions, old) path is `path`; -1 if none.
    int indexOf(const QString &path) const;
    // Where rename detection stands, with the list as it stands.
    RenameUpdate renameStatus() const;
    bool renamesFinished() const;
    void waitForRenames() const;
    // True when inexact rename detection was skipped because of DiffOptions::renameLimit.
    bool renameDetectionLimited() const;

    // The patch of a file: text, hunks and lines (thread-safe; built on first access).
    Result<std::shared_ptr<const FilePatch>> patch(const FileDiff &file) const;
    Result<std::shared_ptr<const FilePatch>> patch(int index) const;
    // Added and removed line counts, without building the hunk structure.
    struct LineCounts {
        int added = 0;
        int removed = 0;
        bool binary = false;
    };
    Result<LineCounts> lineCounts(const FileDiff &file) const;
    Result<LineCounts> lineCounts(int index) const;
    // Counts already known (from a built patch or a KeepCounts materialisation).
    std::optional<LineCounts> knownLineCounts(const FileDiff &file) const;
    // The unified diff text of a file, as `git diff` writes it.
    Result<QByteArray> patchText(const FileDiff &file) const;
    Result<QByteArray> patchText(int index) const;
    // True when the patch text of the file is built and kept.
    bool hasPatch(const FileDiff &file) const;
    bool hasPatch(int index) const;

    // The whole old and new contents of a file (empty for a side that does not exist).
    Result<QByteArray> oldText(const FileDiff &file) const;
    Result<QByteArray> newText(const FileDiff &file) const;
    Result<QByteArray> oldText(int index) const;
    Result<QByteArray> newText(int index) const;

    // Builds the patch of every file of the list as it stands whose counts are not known
    // yet, on `threads` threads (0: one per core), each with its own repository handle.
    // KeepTexts caches every text; KeepCounts keeps only the line counts and sizes (a
    // text is built again when asked for). Stops early when *cancel becomes true.
    // Returns the first error met.
    enum Keep { KeepTexts, KeepCounts };
    Status materialiseAll(int threads = 0, const std::atomic<bool> *cancel = nullptr, Keep keep = KeepTexts) const;
    // Files of the list as it stands whose counts are known.
    int materialisedCount() const;

    // The whole range as one unified patch, in file-list order (waits for renames and
    // builds missing patches on all cores first).
    Status writeUnifiedPatch(QIODevice &out) const;
    Result<QByteArray> unifiedPatch() const;

    // Sum of the sizes of the patch texts built so far (kept or not) of the files of the
    // list as it stands, in bytes.
    qint64 materialisedBytes() const;
    // Bytes of patch text held in the cache now.
    qint64 cachedBytes() const;

private:
    struct State;
    struct Worker;
    RangeDiff(std::shared_ptr<State> state, std::shared_ptr<Worker> worker);
    std::shared_ptr<State> m_state;
    std::shared_ptr<Worker> m_worker;
};

} // namespace rb::git
