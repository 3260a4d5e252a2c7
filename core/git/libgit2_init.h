#pragma once
// libgit2 is initialised once per process, on first use, and shut down at exit.
// Internal to core/git and core/patch.

namespace rb::git {

// Idempotent and thread-safe; every entry point of core/git calls it before using libgit2.
void ensureLibgit2();

} // namespace rb::git
