#include "session/new_review.h"

#include "git/refs.h"
#include "git/repository.h"

namespace rb::ui {

Result<ResolvedRequest> resolveRequest(const RangeRequest &request)
{
    const auto repo = git::Repository::open(request.repositoryPath);
    if (!repo)
        return repo.error();
    auto range = request.workingTree ? git::resolveWorkingTree(*repo)
                                     : git::resolveRange(*repo, request.base, request.head);
    if (!range)
        return range.error();
    ResolvedRequest resolved;
    resolved.repository = repo->displayPath();
    resolved.range = std::move(*range);
    if (request.workingTree) {
        const auto refs = git::listRefNames(*repo);
        resolved.branch = (refs && !refs->currentBranch.isEmpty() ? refs->currentBranch : QStringLiteral("HEAD"))
                          + QStringLiteral("-working-tree");
    } else {
        resolved.branch = request.head.trimmed();
    }
    return resolved;
}

Review newReview(const ResolvedRequest &resolved, const QDateTime &now)
{
    Review review;
    ReviewMetadata &m = review.metadata;
    resolved.range.applyTo(m);
    m.repository = resolved.repository;
    m.date = now;
    m.title = QStringLiteral("Deep Review: %1-%2").arg(now.toString(QStringLiteral("yyyyMMdd-HHmmss")), resolved.branch);
    return review;
}

} // namespace rb::ui
