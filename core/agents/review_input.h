#pragma once
// What the agents review: the repository checkout they run in and the resolved range.
// The range is an input value; reviewInputForRange() fills it from the git layer.

#include "model/review_metadata.h"
#include "util/result.h"

#include <QString>

namespace rb::agents {

struct ReviewInput {
    QString repositoryPath;  // the agents' working directory
    ReviewMetadata metadata; // repository, base, head, mergeBase, headSha, commits
    QString diff;            // unified patch of mergeBase..headSha; empty when not computed
    bool headCheckedOut = true; // the working tree's HEAD is headSha (agents read files there)
};

// Opens the repository at (or above) repositoryDir, resolves base...head (the pull-request
// range: what head adds on top of its merge base with base) and computes its unified patch.
// Errors come from the git layer and name the path or the revision; a bare repository is
// refused, since the agents need a checkout to read.
Result<ReviewInput> reviewInputForRange(const QString &repositoryDir, const QString &base, const QString &head);

} // namespace rb::agents
