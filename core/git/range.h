#pragma once
// The range under review. A review of base..head covers what head adds on top of the merge
// base of base and head (the three-dot semantics of a pull request); the working-tree mode
// covers the uncommitted changes (staged, unstaged and untracked) on top of HEAD.

#include "git/repository.h"
#include "model/review_metadata.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace rb::git {

struct CommitSummary {
    QString sha;
    QString shortSha; // the shortest unique abbreviation, at least 7 digits
    QString subject;  // first line of the message
    QString author;   // "Name <email>"
    QDateTime date;   // author date, with its UTC offset

    CommitInfo toCommitInfo() const;
    bool operator==(const CommitSummary &) const = default;
};

struct ResolvedRange {
    QString base;          // as given ("main", "origin/main", "v1.2", "HEAD~3", a sha)
    QString head;          // as given; "HEAD" in working-tree mode
    QString baseSha;       // base peeled to a commit
    QString headSha;       // head peeled to a commit
    QString mergeBaseSha;  // the old side of the review diff
    bool workingTree = false;
    QList<CommitSummary> commits; // base..head, oldest first; empty in working-tree mode

    // Writes base, head, mergeBase, headSha, workingTree and commits into the metadata.
    void applyTo(ReviewMetadata &metadata) const;
};

// Resolves any revision expression to a commit (branches, remote-tracking branches,
// tags peeled to their commit, full or abbreviated shas, HEAD~3, main^2, ...).
// Errors: ErrorUnknownRef naming the expression, ErrorNotACommit.
Result<QString> resolveCommit(const Repository &repo, const QString &expression);

// Summary of one commit.
Result<CommitSummary> commitSummary(const Repository &repo, const QString &expression);

// The pull-request range base...head. Errors: ErrorUnknownRef, ErrorNotACommit,
// ErrorNoMergeBase (unrelated histories), ErrorShallowNoMergeBase (history missing in a
// shallow clone), ErrorEmptyRange (head adds no commit on top of base).
// EndpointsOnly leaves `commits` empty: listing them reads every commit of the range (on
// git's v2.30.0...v2.50.0, 11,000 commits and most of a second), which the file list
// does not need; listCommits() fills them in afterwards.
enum class RangeCommits { Listed, EndpointsOnly };
Result<ResolvedRange> resolveRange(const Repository &repo, const QString &base, const QString &head,
                                   RangeCommits commits = RangeCommits::Listed);
// The commits of a resolved range (base..head, oldest first), as resolveRange lists them.
Result<QList<CommitSummary>> listCommits(const Repository &repo, const ResolvedRange &range);

// The working-tree range: HEAD against the working tree. Errors: ErrorNoWorkingTree (bare),
// ErrorUnknownRef (HEAD is unborn).
Result<ResolvedRange> resolveWorkingTree(const Repository &repo);

} // namespace rb::git
