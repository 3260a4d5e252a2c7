#pragma once
// What was reviewed: the repository, the range and its commits, the PR, and when.

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace rb {

struct CommitInfo {
    QString sha;
    QString subject;
    QString author;
    QDateTime date;
    bool operator==(const CommitInfo &) const = default;
};

struct PullRequestInfo {
    std::optional<int> number;
    QString title;
    QString author;
    QString branch;
    bool operator==(const PullRequestInfo &) const = default;
};

struct ReviewMetadata {
    QString title;          // "Deep Review: 20260321-135724-pr-242"; generated when empty
    QString repository;     // display name or path of the repository
    QString base;           // as the user gave it (ref name or sha)
    QString head;
    QString mergeBase;      // resolved sha
    QString headSha;        // the reviewed commit ("Review SHA")
    bool workingTree = false; // the uncommitted changes on top of HEAD were reviewed
    QList<CommitInfo> commits; // oldest first
    PullRequestInfo pullRequest;
    QDateTime date;
    int round = 1;
    std::optional<double> wallClockSeconds; // whole review, all agents
    bool operator==(const ReviewMetadata &) const = default;
};

} // namespace rb
