#include "agents/review_input.h"

#include "git/range.h"
#include "git/range_diff.h"
#include "git/repository.h"

#include <QDateTime>

namespace rb::agents {

Result<ReviewInput> reviewInputForRange(const QString &repositoryDir, const QString &base, const QString &head)
{
    auto repo = git::Repository::open(repositoryDir);
    if (!repo)
        return repo.error();
    if (repo->isBare())
        return Error::of(QStringLiteral("%1: a bare repository has no checkout for the agents to read").arg(repo->displayPath()));
    auto range = git::resolveRange(*repo, base, head);
    if (!range)
        return range.error();
    auto diff = git::RangeDiff::compute(*repo, *range);
    if (!diff)
        return diff.error();
    auto patch = diff->unifiedPatch();
    if (!patch)
        return patch.error();
    ReviewInput input;
    input.repositoryPath = repo->workdir();
    input.metadata.repository = repo->workdir();
    input.metadata.date = QDateTime::currentDateTimeUtc();
    range->applyTo(input.metadata);
    input.diff = QString::fromUtf8(*patch);
    const auto checkedOut = git::resolveCommit(*repo, QStringLiteral("HEAD"));
    input.headCheckedOut = checkedOut.ok() && *checkedOut == range->headSha;
    return input;
}

} // namespace rb::agents
