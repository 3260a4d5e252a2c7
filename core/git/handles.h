#pragma once
// Owning types for libgit2 handles: one std::unique_ptr with a deleter per handle type.
// Internal to core/git (and core/patch): raw libgit2 pointers never leave core.

#include <git2.h>

#include <memory>

namespace rb::git {

template <typename T, void (*Free)(T *)>
struct HandleDeleter {
    void operator()(T *p) const noexcept
    {
        if (p)
            Free(p);
    }
};

template <typename T, void (*Free)(T *)>
using Handle = std::unique_ptr<T, HandleDeleter<T, Free>>;

using RepositoryPtr = Handle<git_repository, git_repository_free>;
using ObjectPtr = Handle<git_object, git_object_free>;
using CommitPtr = Handle<git_commit, git_commit_free>;
using TreePtr = Handle<git_tree, git_tree_free>;
using BlobPtr = Handle<git_blob, git_blob_free>;
using ReferencePtr = Handle<git_reference, git_reference_free>;
using RevwalkPtr = Handle<git_revwalk, git_revwalk_free>;
using DiffPtr = Handle<git_diff, git_diff_free>;
using PatchPtr = Handle<git_patch, git_patch_free>;
using IndexPtr = Handle<git_index, git_index_free>;
using SignaturePtr = Handle<git_signature, git_signature_free>;
using ConfigPtr = Handle<git_config, git_config_free>;
using OdbPtr = Handle<git_odb, git_odb_free>;
using WorktreePtr = Handle<git_worktree, git_worktree_free>;
using ConfigEntryPtr = Handle<git_config_entry, git_config_entry_free>;
using FilterListPtr = Handle<git_filter_list, git_filter_list_free>;
using ReferenceIteratorPtr = Handle<git_reference_iterator, git_reference_iterator_free>;

// git_buf is a value with an owned pointer inside: dispose it on scope exit.
class GitBuf {
public:
    GitBuf() = default;
    GitBuf(const GitBuf &) = delete;
    GitBuf &operator=(const GitBuf &) = delete;
    ~GitBuf() { git_buf_dispose(&m_buf); }
    git_buf *get() { return &m_buf; }
    const char *data() const { return m_buf.ptr ? m_buf.ptr : ""; }
    size_t size() const { return m_buf.size; }

private:
    git_buf m_buf = GIT_BUF_INIT;
};

} // namespace rb::git
