#pragma once
// What the agents review: the repository checkout they run in and the resolved range.
// The range is an input value, filled by whoever resolves it (the git layer or a caller).

#include "model/review_metadata.h"

#include <QString>

namespace rb::agents {

struct ReviewInput {
    QString repositoryPath;  // the agents' working directory
    ReviewMetadata metadata; // repository, base, head, mergeBase, headSha, commits
    QString diff;            // unified patch of mergeBase..headSha; empty when not computed
};

} // namespace rb::agents
