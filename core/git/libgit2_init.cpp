#include "git/libgit2_init.h"

#include <git2.h>

#include <QtGlobal>

namespace rb::git {

namespace {
constexpr qint64 kPackWindowBytes = 4 << 20;
constexpr qint64 kPackMappedLimitBytes = 32 << 20;
constexpr qint64 kObjectCacheBytes = 8 << 20;

// A function-local static: constructed once (thread-safe), destroyed at process exit.
struct Libgit2Lifetime {
    Libgit2Lifetime()
    {
        git_libgit2_init();
        // Like git, do not re-hash every object read (`git fsck` is the place to check
        // integrity): it costs as much as inflating the object and doubles patch times.
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
        // Pack files are read through memory maps, and every page read stays resident
        // while its window is mapped: with libgit2's defaults (1 GiB windows, 8 GiB mapped)
        // reading a range of git's own repository kept 190 MiB of its 474 MiB pack in
        // memory, four times the patch text. Smaller windows, fewer mapped at once.
        git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, size_t(kPackWindowBytes));
        git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, size_t(kPackMappedLimitBytes));
        git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, ssize_t(kObjectCacheBytes));
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
