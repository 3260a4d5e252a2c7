#include "patch/git_exact_check.h"

#include "git/git_error.h"
#include "git/handles.h"
#include "git/libgit2_init.h"
#include "git/repository_handle.h"

namespace rb::patch {

ExactCheck gitApplyCheck(const git::Repository &repo, const QByteArray &patchText)
{
    git::ensureLibgit2();
    ExactCheck result;
    git_diff *rawDiff = nullptr;
    int rc = git_diff_from_buffer(&rawDiff, patchText.constData(), size_t(patchText.size()));
    git::DiffPtr diff(rawDiff);
    if (rc < 0) {
        result.reason = git::captureGitFailure(rc).message;
        return result;
    }
    git_apply_options options = GIT_APPLY_OPTIONS_INIT;
    options.flags = GIT_APPLY_CHECK;
    rc = git_apply(git::rawHandle(repo), diff.get(), GIT_APPLY_LOCATION_WORKDIR, &options);
    if (rc < 0) {
        result.reason = git::captureGitFailure(rc).message;
        return result;
    }
    result.applies = true;
    return result;
}

} // namespace rb::patch
