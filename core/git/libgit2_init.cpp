#include "git/libgit2_init.h"

#include <git2.h>

namespace rb::git {

namespace {
// A function-local static: constructed once (thread-safe), destroyed at process exit.
struct Libgit2Lifetime {
    Libgit2Lifetime()
    {
        git_libgit2_init();
        // Like git, do not re-hash every object read (`git fsck` is the place to check
        // integrity): it costs as much as inflating the object and doubles patch times.
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    }
    ~Libgit2Lifetime() { git_libgit2_shutdown(); }
    Libgit2Lifetime(const Libgit2Lifetime &) = delete;
    Libgit2Lifetime &operator=(const Libgit2Lifetime &) = delete;
};
} // namespace

void ensureLibgit2()
{
    static Libgit2Lifetime lifetime;
}

} // namespace rb::git
