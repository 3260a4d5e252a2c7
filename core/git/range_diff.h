#pragma once
// The diff of a review range: the file list at once, each file's patch on first access.
//
// compute() diffs the trees only (no file content is read, except for rename detection
// among added and deleted files, which is bounded; see docs/git-layer.md), so the file
// list of a huge range arrives quickly. A file's patch text is built on first access and
// cached; materialiseAll() builds every one on all cores. The hunk and line structure is
// parsed from the text when patch(i) asks for it and kept only while someone holds it,
// so a materialised range costs little more than its patch text. All member functions
// are thread-safe. Copies share the same cache.

#include "git/file_diff.h"
#include "git/range.h"
#include "git/repository.h"
#include "util/result.h"

#include <QIODevice>
#include <QList>

#include <atomic>
#include <memory>

namespace rb::git {

struct DiffOptions {
    int contextLines = 3;
    bool detectRenames = true;
    bool detectCopies = false;  // copies from modified files, as `git diff -C`
    // Inexact rename detection compares each added file with at most this many deleted
    // files, and is skipped (exact renames only) when added x deleted exceeds its square.
    int renameLimit = 1000;
    int renameThreshold = 50;   // percent similarity, as git's default
};

class RangeDiff {
public:
    // Diffs range.mergeBaseSha against range.headSha, or HEAD against the working tree
    // (staged, unstaged and untracked files) when range.workingTree. The RangeDiff keeps
    // its own handle on the repository. Errors: ErrorEmptyRange for a working tree without
    // changes, ErrorGitFailed.
    static Result<RangeDiff> compute(const Repository &repo, const ResolvedRange &range,
                                     const DiffOptions &options = {});

    const QList<FileDiff> &files() const;
    int fileCount() const { return int(files().size()); }
    // Index of the file whose new (or, for deletions, old) path is `path`; -1 if none.
    int indexOf(const QString &path) const;
    // True when inexact rename detection was skipped because of DiffOptions::renameLimit.
    bool renameDetectionLimited() const;

    // The patch of file i: text, hunks and lines (thread-safe; built on first access).
    Result<std::shared_ptr<const FilePatch>> patch(int index) const;
    // Added and removed line counts of file i, without building its hunk structure.
    struct LineCounts {
        int added = 0;
        int removed = 0;
        bool binary = false;
    };
    Result<LineCounts> lineCounts(int index) const;
    // The unified diff text of file i, as `git diff` writes it.
    Result<QByteArray> patchText(int index) const;
    // True when the patch text of file i is already built.
    bool hasPatch(int index) const;

    // The whole old and new contents of file i (empty for a side that does not exist).
    Result<QByteArray> oldText(int index) const;
    Result<QByteArray> newText(int index) const;

    // Builds every patch not yet built, on `threads` threads (0: one per core), each with
    // its own repository handle. Stops early when *cancel becomes true. Returns the first
    // error met.
    Status materialiseAll(int threads = 0, const std::atomic<bool> *cancel = nullptr) const;
    int materialisedCount() const;

    // The whole range as one unified patch, in file-list order (builds missing patches
    // on all cores first).
    Status writeUnifiedPatch(QIODevice &out) const;
    Result<QByteArray> unifiedPatch() const;

    // Sum of the sizes of the built patches' texts, in bytes.
    qint64 materialisedBytes() const;

private:
    struct State;
    explicit RangeDiff(std::shared_ptr<State> state);
    std::shared_ptr<State> m_state;
};

} // namespace rb::git
