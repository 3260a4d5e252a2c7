#include "git/file_patch_builder.h"

#include "git/git_error.h"
#include "git/handles.h"
#include "git/oid_text.h"
#include "git/patch_header.h"

#include <QFile>

#include <cctype>
#include <cstring>
#include <unistd.h>

namespace rb::git {

namespace {

// One side of a file: a blob (read in place) or bytes built here.
struct SideData {
    BlobPtr blob;
    QByteArray bytes;
    bool exists = false;
    bool isBlob() const { return blob != nullptr; }
    const char *data() const
    {
        return blob ? static_cast<const char *>(git_blob_rawcontent(blob.get())) : bytes.constData();
    }
    size_t size() const { return blob ? size_t(git_blob_rawsize(blob.get())) : size_t(bytes.size()); }
};

QByteArray submoduleText(const QString &id)
{
    return "Subproject commit " + id.toLatin1() + '\n';
}

Result<QByteArray> readWorkdirFile(git_repository *repo, const QByteArray &relPath, quint32 mode, const QString &workdir)
{
    const QByteArray full = QFile::encodeName(workdir) + '/' + relPath;
    if (mode == ModeSymlink) {
        QByteArray target(4096, Qt::Uninitialized);
        const ssize_t n = ::readlink(full.constData(), target.data(), size_t(target.size()));
        if (n < 0)
            return Error::of(QStringLiteral("%1: cannot read the symbolic link").arg(QFile::decodeName(full)), ErrorIo);
        target.truncate(n);
        return target;
    }
    QFile f(QFile::decodeName(full));
    if (!f.open(QIODevice::ReadOnly))
        return Error::of(QStringLiteral("%1: %2").arg(f.fileName(), f.errorString()), ErrorIo);
    QByteArray raw = f.readAll();
    // Apply the clean filters (line endings, ident, ...) so the content is what git would store.
    git_filter_list *rawFilters = nullptr;
    if (int rc = git_filter_list_load(&rawFilters, repo, nullptr, relPath.constData(), GIT_FILTER_TO_ODB,
                                      GIT_FILTER_DEFAULT);
        rc < 0) {
        return gitError(rc, QStringLiteral("%1: cannot load the repository's filters").arg(f.fileName()));
    }
    const FilterListPtr filters(rawFilters);
    if (!filters)
        return raw;
    GitBuf out;
    const int rc = git_filter_list_apply_to_buffer(out.get(), filters.get(), raw.constData(), size_t(raw.size()));
    if (rc < 0)
        return gitError(rc, QStringLiteral("%1: filtering failed").arg(f.fileName()));
    return QByteArray(out.data(), qsizetype(out.size()));
}

Result<SideData> loadSide(git_repository *repo, const FileDiff &f, Side side, const QString &workdir)
{
    SideData d;
    const bool old = side == Side::Old;
    if (old ? f.status == FileStatus::Added : f.status == FileStatus::Deleted)
        return d;
    d.exists = true;
    const quint32 mode = old ? f.oldMode : f.newMode;
    const QString &id = old ? f.oldId : f.newId;
    if (mode == ModeSubmodule) {
        d.bytes = submoduleText(id);
        return d;
    }
    if (!old && f.newFromWorkdir) {
        auto bytes = readWorkdirFile(repo, f.newPathBytes, mode, workdir);
        if (!bytes)
            return bytes.error();
        d.bytes = std::move(bytes).value();
        return d;
    }
    git_oid oid;
    if (!oidFromString(&oid, id))
        return Error::of(QStringLiteral("%1: bad blob id '%2'").arg(old ? f.oldPath : f.newPath, id), ErrorGitFailed);
    git_blob *raw = nullptr;
    if (int rc = git_blob_lookup(&raw, repo, &oid); rc < 0)
        return gitError(rc, QStringLiteral("%1: cannot read blob %2").arg(old ? f.oldPath : f.newPath, id));
    d.blob.reset(raw);
    return d;
}

// Appends libgit2's hunks and lines to the patch text as `git diff` writes them, writing the
// ---/+++ labels before the first hunk, and counts the lines.
struct Collector {
    PatchText *patch = nullptr;
    const FileDiff *file = nullptr;
    bool labelsWritten = false;
    bool binary = false;

    static int onFile(const git_diff_delta *delta, float, void *payload)
    {
        auto *c = static_cast<Collector *>(payload);
        if (delta->flags & GIT_DIFF_FLAG_BINARY)
            c->binary = true;
        return 0;
    }

    static int onHunk(const git_diff_delta *, const git_diff_hunk *hunk, void *payload)
    {
        auto *c = static_cast<Collector *>(payload);
        if (!c->labelsWritten) {
            c->patch->text += fileLabels(*c->file);
            c->labelsWritten = true;
        }
        // git trims the function context's trailing white space; libgit2 keeps it.
        size_t len = hunk->header_len;
        while (len > 0 && std::isspace(static_cast<unsigned char>(hunk->header[len - 1])))
            --len;
        c->patch->text.append(hunk->header, qsizetype(len));
        c->patch->text += '\n';
        return 0;
    }

    static int onLine(const git_diff_delta *, const git_diff_hunk *, const git_diff_line *line, void *payload)
    {
        auto *c = static_cast<Collector *>(payload);
        switch (line->origin) {
        case GIT_DIFF_LINE_CONTEXT: break;
        case GIT_DIFF_LINE_ADDITION: ++c->patch->added; break;
        case GIT_DIFF_LINE_DELETION: ++c->patch->removed; break;
        default: return 0; // end-of-file newline markers: written with the line itself
        }
        QByteArray &text = c->patch->text;
        size_t len = line->content_len;
        const bool hasNewline = len > 0 && line->content[len - 1] == '\n';
        if (hasNewline)
            --len;
        text += char(line->origin);
        text.append(line->content, qsizetype(len));
        text += hasNewline ? QByteArrayView("\n") : QByteArrayView("\n\\ No newline at end of file\n");
        return 0;
    }
};

// The digits git writes for a blob id on the index line: `abbrev`, or more where that
// prefix names more than one object (git's find_unique_abbrev).
int uniqueAbbrev(git_repository *repo, const QString &id, int abbrev)
{
    git_oid oid;
    if (id.isEmpty() || !oidFromString(&oid, id))
        return abbrev;
    git_odb *rawOdb = nullptr;
    if (git_repository_odb(&rawOdb, repo) < 0)
        return abbrev;
    const OdbPtr odb(rawOdb);
    for (int len = abbrev; len < GIT_OID_HEXSZ; ++len) {
        git_oid found;
        const int rc = git_odb_exists_prefix(&found, odb.get(), &oid, size_t(len));
        if (rc != GIT_EAMBIGUOUS)
            return len;
    }
    return GIT_OID_HEXSZ;
}

Status appendSection(git_repository *repo, const FileDiff &f, const PatchOptions &options, const QString &workdir,
                     PatchText &patch)
{
    patch.text += gitHeader(f, options.abbrev, uniqueAbbrev(repo, f.oldId, options.abbrev),
                            f.newFromWorkdir ? 0 : uniqueAbbrev(repo, f.newId, options.abbrev));
    const bool sameContent = !f.oldId.isEmpty() && f.oldId == f.newId && !f.newFromWorkdir;
    if (sameContent)
        return Ok{};
    auto oldSide = loadSide(repo, f, Side::Old, workdir);
    if (!oldSide)
        return oldSide.error();
    auto newSide = loadSide(repo, f, Side::New, workdir);
    if (!newSide)
        return newSide.error();

    git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
    opts.context_lines = quint32(options.contextLines);
    opts.interhunk_lines = quint32(options.interhunkLines);
    // git's default since 2.14 (diff.indentHeuristic): slide ambiguous hunk edges to where
    // the indentation says a block starts; without it some hunks start a line off git's.
    opts.flags |= GIT_DIFF_INDENT_HEURISTIC;
    const QByteArray oldPath = f.status == FileStatus::Added ? f.newPathBytes : f.oldPathBytes;
    const QByteArray newPath = f.status == FileStatus::Deleted ? f.oldPathBytes : f.newPathBytes;

    Collector c;
    c.patch = &patch;
    c.file = &f;
    const qsizetype headerEnd = patch.text.size();
    // Room for both sides and the line prefixes, usually more than enough; squeezed later.
    patch.text.reserve(patch.text.size() + qsizetype(oldSide->size() + newSide->size()) + 4096);
    int rc;
    const SideData &o = *oldSide;
    const SideData &n = *newSide;
    if ((o.isBlob() || !o.exists) && (n.isBlob() || !n.exists)) {
        rc = git_diff_blobs(o.blob.get(), oldPath.constData(), n.blob.get(), newPath.constData(), &opts,
                            &Collector::onFile, nullptr, &Collector::onHunk, &Collector::onLine, &c);
    } else if ((o.isBlob() || !o.exists) && !n.isBlob()) {
        rc = git_diff_blob_to_buffer(o.blob.get(), oldPath.constData(), n.exists ? n.data() : nullptr, n.size(),
                                     newPath.constData(), &opts, &Collector::onFile, nullptr, &Collector::onHunk,
                                     &Collector::onLine, &c);
    } else {
        rc = git_diff_buffers(o.exists ? o.data() : nullptr, o.size(), oldPath.constData(),
                              n.exists ? n.data() : nullptr, n.size(), newPath.constData(), &opts,
                              &Collector::onFile, nullptr, &Collector::onHunk, &Collector::onLine, &c);
    }
    if (rc < 0)
        return gitError(rc, QStringLiteral("%1: cannot compute the diff").arg(f.path()));
    if (c.binary) {
        patch.text.truncate(headerEnd);
        patch.added = patch.removed = 0;
        patch.text += binaryNotice(f);
        patch.binary = true;
    }
    return Ok{};
}

// Patches are built in one buffer per thread, reused from file to file, and each is kept
// in an array of its exact size: growing and squeezing an array per file left the heap
// fragmented, at times twice the size of the texts it held.
constexpr qsizetype kScratchKeptBytes = 16 << 20;
thread_local QByteArray t_scratch;

void beginInScratch(PatchText &patch)
{
    patch.text = std::move(t_scratch);
    patch.text.truncate(0);
}

void keepExact(PatchText &patch)
{
    QByteArray exact(patch.text.constData(), patch.text.size());
    if (patch.text.capacity() <= kScratchKeptBytes)
        t_scratch = std::move(patch.text);
    patch.text = std::move(exact);
}

} // namespace

Result<PatchText> buildPatchText(git_repository *repo, const FileDiff &file, const PatchOptions &options,
                                 const QString &workdir)
{
    PatchText patch;
    beginInScratch(patch);
    if (file.status == FileStatus::TypeChanged) {
        // As git does: the old entry is deleted and the new one added, in two sections.
        FileDiff removed = file;
        removed.status = FileStatus::Deleted;
        removed.newPath.clear();
        removed.newPathBytes.clear();
        removed.newId.clear();
        removed.newMode = ModeNone;
        removed.newFromWorkdir = false;
        FileDiff added = file;
        added.status = FileStatus::Added;
        added.oldPath.clear();
        added.oldPathBytes.clear();
        added.oldId.clear();
        added.oldMode = ModeNone;
        if (auto s = appendSection(repo, removed, options, workdir, patch); !s)
            return s.error();
        if (auto s = appendSection(repo, added, options, workdir, patch); !s)
            return s.error();
        keepExact(patch);
        return patch;
    }
    if (auto s = appendSection(repo, file, options, workdir, patch); !s)
        return s.error();
    keepExact(patch);
    return patch;
}

Result<QByteArray> readSide(git_repository *repo, const FileDiff &file, Side side, const QString &workdir)
{
    auto d = loadSide(repo, file, side, workdir);
    if (!d)
        return d.error();
    if (!d->exists)
        return QByteArray();
    if (!d->isBlob())
        return d->bytes;
    return QByteArray(d->data(), qsizetype(d->size()));
}

} // namespace rb::git
