#pragma once
// Starting a review from a repository and range: resolves the range and builds the new,
// empty review that describes it, ready for ReviewDocument::reset().

#include "git/range.h"
#include "model/review.h"
#include "session/review_session.h"
#include "util/result.h"

#include <QDateTime>

namespace rb::ui {

// The request resolved against its repository. Errors are the git layer's (ErrorNotARepository
// naming the path, ErrorUnknownRef naming the revision, ErrorNoMergeBase, ErrorEmptyRange...).
struct ResolvedRequest {
    QString repository;  // the working tree's absolute root (a bare repository: its git dir)
    QString branch;      // the head's name for titles: head as given, or HEAD's branch
    git::ResolvedRange range;
};
Result<ResolvedRequest> resolveRequest(const RangeRequest &request);

// A review of the range with no agents yet: metadata from ResolvedRange::applyTo, the
// repository, the date, and the title "Deep Review: <yyyyMMdd-HHmmss>-<branch>".
Review newReview(const ResolvedRequest &resolved, const QDateTime &now);

} // namespace rb::ui
