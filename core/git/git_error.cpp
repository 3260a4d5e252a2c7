#include "git/git_error.h"

#include <git2.h>

namespace rb::git {

GitFailure captureGitFailure(int returnCode)
{
    GitFailure f;
    f.code = returnCode;
    const git_error *e = git_error_last();
    if (e && e->message && e->klass != GIT_ERROR_NONE) {
        f.klass = e->klass;
        f.message = QString::fromUtf8(e->message).trimmed();
    } else {
        f.message = QStringLiteral("libgit2 returned error %1 without a message").arg(returnCode);
    }
    return f;
}

Error toError(const GitFailure &failure, const QString &what, int code)
{
    return Error::of(QStringLiteral("%1: %2").arg(what, failure.message), code);
}

Error gitError(int returnCode, const QString &what, int code)
{
    return toError(captureGitFailure(returnCode), what, code);
}

} // namespace rb::git
