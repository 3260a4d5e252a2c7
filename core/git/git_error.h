#pragma once
// Errors of the git layer: rb::Error codes the callers decide on, and the capture of
// libgit2's last error into a value at the moment a call fails.

#include "util/result.h"

#include <QString>

namespace rb::git {

// rb::Error::code values produced by core/git. Decide on these, never on messages.
enum ErrorCode {
    ErrorGitFailed = 300,   // a libgit2 call failed; the message carries its class and text
    ErrorNotARepository,    // the path is not inside a git repository
    ErrorUnknownRef,        // a base/head expression names nothing
    ErrorNoMergeBase,       // base and head share no history (unrelated histories)
    ErrorShallowNoMergeBase, // no merge base in a shallow clone: history is missing
    ErrorEmptyRange,        // head adds nothing on top of the merge base
    ErrorNoWorkingTree,     // working-tree mode in a bare repository
    ErrorNotACommit,        // an expression resolves to an object that is not a commit
    ErrorIo,                // a file could not be written
};

// libgit2's error as captured right after a failing call: the return code, the error
// class (GIT_ERROR_*) and the message.
struct GitFailure {
    int code = 0;
    int klass = 0;
    QString message;
};

// Reads git_error_last() now, on this thread. Call immediately after the failing call.
GitFailure captureGitFailure(int returnCode);

// The failure as an rb::Error: "<what>: <libgit2 message>", code ErrorGitFailed unless
// a specific code is given.
Error toError(const GitFailure &failure, const QString &what, int code = ErrorGitFailed);

// Shorthand: capture and convert in one step.
Error gitError(int returnCode, const QString &what, int code = ErrorGitFailed);

} // namespace rb::git
