#include "patch/git_exact_check.h"

#include "git/git_error.h"
#include "git/handles.h"
#include "git/libgit2_init.h"
#include "git/repository_handle.h"

#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>
#include <git2/sys/repository.h>

#include <cstring>

namespace rb::patch {

namespace {
// git_apply computes each file's postimage and stores it as a blob, check or not: with the
// repository's own object database that leaves a loose object per file behind (and may
// touch existing ones' times). The check runs on a private handle whose object database is
// an in-memory store for writes over a read-only view of the repository's objects.
struct ReadOnlyView {
    git_odb_backend parent; // first: libgit2 hands back this pointer
    git_odb *source = nullptr;
};

git_odb *sourceOf(git_odb_backend *b) { return reinterpret_cast<ReadOnlyView *>(b)->source; }

int viewRead(void **data, size_t *len, git_object_t *type, git_odb_backend *b, const git_oid *id)
{
    git_odb_object *object = nullptr;
    if (const int rc = git_odb_read(&object, sourceOf(b), id); rc < 0)
        return rc;
    *len = git_odb_object_size(object);
    *type = git_odb_object_type(object);
    *data = git_odb_backend_data_alloc(b, *len ? *len : 1);
    if (!*data) {
        git_odb_object_free(object);
        return -1;
    }
    if (*len)
        std::memcpy(*data, git_odb_object_data(object), *len);
    git_odb_object_free(object);
    return 0;
}

int viewReadPrefix(git_oid *full, void **data, size_t *len, git_object_t *type, git_odb_backend *b, const git_oid *prefix, size_t n)
{
    git_odb_object *object = nullptr;
    if (const int rc = git_odb_read_prefix(&object, sourceOf(b), prefix, n); rc < 0)
        return rc;
    git_oid_cpy(full, git_odb_object_id(object));
    git_odb_object_free(object);
    return viewRead(data, len, type, b, full);
}

int viewReadHeader(size_t *len, git_object_t *type, git_odb_backend *b, const git_oid *id)
{
    return git_odb_read_header(len, type, sourceOf(b), id);
}

int viewExists(git_odb_backend *b, const git_oid *id) { return git_odb_exists(sourceOf(b), id); }

int viewExistsPrefix(git_oid *full, git_odb_backend *b, const git_oid *prefix, size_t n)
{
    return git_odb_exists_prefix(full, sourceOf(b), prefix, n);
}

void viewFree(git_odb_backend *b)
{
    auto *view = reinterpret_cast<ReadOnlyView *>(b);
    git_odb_free(view->source);
    delete view;
}

using OdbPtr = git::Handle<git_odb, git_odb_free>;

// Replaces the object database of `repo` (a handle of our own) by memory over a read-only view.
int isolateObjects(git_repository *repo)
{
    git_odb *rawSource = nullptr;
    if (const int rc = git_repository_odb(&rawSource, repo); rc < 0)
        return rc;
    auto *view = new ReadOnlyView;
    view->source = rawSource;
    git_odb_init_backend(&view->parent, GIT_ODB_BACKEND_VERSION);
    view->parent.read = viewRead;
    view->parent.read_prefix = viewReadPrefix;
    view->parent.read_header = viewReadHeader;
    view->parent.exists = viewExists;
    view->parent.exists_prefix = viewExistsPrefix;
    view->parent.free = viewFree;

    git_odb *rawOdb = nullptr;
    if (const int rc = git_odb_new(&rawOdb); rc < 0) {
        viewFree(&view->parent);
        return rc;
    }
    OdbPtr odb(rawOdb);
    if (const int rc = git_odb_add_backend(odb.get(), &view->parent, 1); rc < 0) {
        viewFree(&view->parent);
        return rc;
    }
    git_odb_backend *memory = nullptr;
    if (const int rc = git_mempack_new(&memory); rc < 0)
        return rc;
    if (const int rc = git_odb_add_backend(odb.get(), memory, 2); rc < 0) {
        memory->free(memory);
        return rc;
    }
    return git_repository_set_odb(repo, odb.get()); // the repository takes its own reference
}
} // namespace

ExactCheck gitApplyCheck(const git::Repository &repo, const QByteArray &patchText)
{
    git::ensureLibgit2();
    ExactCheck result;
    git_repository *rawRepo = nullptr;
    const char *workdir = git_repository_workdir(git::rawHandle(repo));
    int rc = git_repository_open(&rawRepo, workdir ? workdir : git_repository_path(git::rawHandle(repo)));
    git::RepositoryPtr own(rawRepo);
    if (rc >= 0)
        rc = isolateObjects(own.get());
    if (rc < 0) {
        result.reason = git::captureGitFailure(rc).message;
        return result;
    }
    git_diff *rawDiff = nullptr;
    rc = git_diff_from_buffer(&rawDiff, patchText.constData(), size_t(patchText.size()));
    git::DiffPtr diff(rawDiff);
    if (rc < 0) {
        result.reason = git::captureGitFailure(rc).message;
        return result;
    }
    git_apply_options options = GIT_APPLY_OPTIONS_INIT;
    options.flags = GIT_APPLY_CHECK;
    rc = git_apply(own.get(), diff.get(), GIT_APPLY_LOCATION_WORKDIR, &options);
    if (rc < 0) {
        result.reason = git::captureGitFailure(rc).message;
        return result;
    }
    result.applies = true;
    return result;
}

} // namespace rb::patch
