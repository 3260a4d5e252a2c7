#include "patch/fix_applier.h"

#include "git/repository.h"
#include "patch/file_patcher.h"
#include "patch/file_transaction.h"
#include "patch/git_exact_check.h"
#include "patch/patch_parser.h"
#include "patch/text_encoding.h"
#include "patch/text_file.h"
#include "patch/work_tree_path.h"
#include "git/patch_header.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace rb::patch {

namespace {

struct Target {
    FileOutcome outcome;
    QString absolutePath;
    bool exists = false;
    QByteArray before;
    FilePatch patch; // as placed (converted to the file's encoding when needed)
    FilePlan plan;
};

// Why a file's modes forbid patching it as a text file, or nothing.
QString modeProblem(const FilePatch &fp, const QString &path)
{
    const auto kind = [](const QByteArray &mode) -> QString {
        if (mode == "120000")
            return QStringLiteral("a symbolic link");
        if (mode == "160000")
            return QStringLiteral("a submodule");
        return {};
    };
    const QString oldKind = kind(fp.oldMode);
    const QString newKind = kind(fp.newMode);
    if (!newKind.isEmpty() && newKind == oldKind)
        return QStringLiteral("%1 is %2 in the patch (mode %3), whose content is not a text file; changing it is not supported")
            .arg(path, newKind, QString::fromLatin1(fp.newMode));
    if (!newKind.isEmpty())
        return QStringLiteral("the patch makes %1 %2 (mode %3); only regular files are supported")
            .arg(path, newKind, QString::fromLatin1(fp.newMode));
    if (!oldKind.isEmpty())
        return QStringLiteral("the patch turns %1, %2 (mode %3), into a file; only regular files are supported")
            .arg(path, oldKind, QString::fromLatin1(fp.oldMode));
    return {};
}

QList<QByteArray> codeLines(const QString &code)
{
    QList<QByteArray> lines = code.toUtf8().split('\n');
    for (QByteArray &l : lines)
        if (l.endsWith('\r'))
            l.chop(1);
    return lines;
}

Result<QByteArray> readFile(const QString &path, const QString &shown)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::of(QStringLiteral("cannot read %1: %2").arg(shown, f.errorString()));
    return f.readAll();
}

QString plural(qsizetype n, const char *word)
{
    return QStringLiteral("%1 %2%3").arg(n).arg(QLatin1String(word)).arg(n == 1 ? QString() : QStringLiteral("s"));
}

FixResult refused(FixResult r, const QString &why)
{
    r.status = FixStatus::Refused;
    r.written = false;
    r.message = QStringLiteral("refused: %1; nothing was written").arg(why);
    return r;
}

// The first reason a file's plan gives for not applying.
QString firstProblem(const Target &t)
{
    if (!t.outcome.error.isEmpty())
        return t.outcome.error;
    for (const HunkOutcome &h : t.outcome.hunks)
        if (h.status != HunkStatus::Placed && h.status != HunkStatus::AlreadyApplied)
            return QStringLiteral("%1: %2").arg(t.outcome.path, h.summary());
    return QStringLiteral("%1: %2").arg(t.outcome.path, t.plan.refusal);
}

bool allNumbered(const ParsedPatch &patch)
{
    for (const FilePatch &f : patch.files)
        for (const Hunk &h : f.hunks)
            if (!h.hasNumbers || h.label.contains(QLatin1String("(part")))
                return false;
    return true;
}

// libgit2's verdict, when the patch is a real one and workTree is a repository's root.
bool exactlyApplicable(const QString &workTree, const QByteArray &patchText, const ParsedPatch &patch)
{
    if (!patch.hasFileHeaders() || !allNumbered(patch))
        return false;
    auto repo = git::Repository::open(workTree);
    if (!repo || repo->isBare())
        return false;
    if (QFileInfo(repo->workdir()).canonicalFilePath() != QFileInfo(workTree).canonicalFilePath())
        return false;
    return gitApplyCheck(*repo, patchText).applies;
}

FixResult run(const QString &workTree, const FixRequest &request, bool write)
{
    FixResult result;
    const QString &pathHint = request.pathHint;
    const auto parsed = parsePatch(request.patch);
    if (!parsed)
        return refused(result, parsed.error().message);
    const ParsedPatch &patch = *parsed;

    QList<Target> targets;
    QSet<QString> seen;
    for (const FilePatch &fp : patch.files) {
        Target t;
        t.outcome.path = patch.hasFileHeaders() ? fp.path() : pathHint;
        if (t.outcome.path.isEmpty()) {
            result.files.append(t.outcome);
            return refused(result, QStringLiteral("the %1 names no file; give the path of the file it is for").arg(toString(patch.style)));
        }
        t.patch = fp;
        if (fp.nameNotUtf8)
            t.outcome.error = QStringLiteral("the patch names the file %1, which is not valid UTF-8; such names are not supported")
                                  .arg(QString::fromLatin1(git::quotedPath({}, fp.rawName)));
        else if (const QString why = modeProblem(fp, t.outcome.path); !why.isEmpty())
            t.outcome.error = why;
        else if (fp.isDeletedFile)
            t.outcome.error = QStringLiteral("%1: deleting files is not supported").arg(fp.oldPath);
        else if (!fp.oldPath.isEmpty() && !fp.newPath.isEmpty() && fp.oldPath != fp.newPath)
            t.outcome.error = QStringLiteral("%1: renaming files (from %2) is not supported").arg(fp.newPath, fp.oldPath);
        else if (seen.contains(t.outcome.path))
            t.outcome.error = QStringLiteral("%1: the patch names this file twice").arg(t.outcome.path);
        seen.insert(t.outcome.path);
        if (t.outcome.error.isEmpty()) {
            const auto resolved = resolveInWorkTree(workTree, t.outcome.path);
            if (!resolved)
                t.outcome.error = resolved.error().message;
            else
                t.absolutePath = *resolved;
        }
        if (t.outcome.error.isEmpty()) {
            t.exists = QFileInfo::exists(t.absolutePath);
            if (t.exists) {
                const auto bytes = readFile(t.absolutePath, t.outcome.path);
                if (!bytes)
                    t.outcome.error = bytes.error().message;
                else if (bytes->contains('\0'))
                    t.outcome.error = QStringLiteral("%1 is a binary file; only text files can be patched").arg(t.outcome.path);
                else
                    t.before = *bytes;
                if (t.outcome.error.isEmpty()) {
                    if (auto converted = asLatin1For(t.before, fp)) {
                        t.patch = *converted;
                        t.outcome.note = QStringLiteral("%1 is not UTF-8: the fix's text was matched and written as Latin-1")
                                             .arg(t.outcome.path);
                    }
                }
            } else if (!fp.isNewFile) {
                t.outcome.error = QStringLiteral("%1: no such file in the working tree").arg(t.outcome.path);
            }
            t.outcome.created = !t.exists;
        }
        targets.append(t);
    }

    bool anyError = false;
    for (const Target &t : targets)
        anyError = anyError || !t.outcome.error.isEmpty();
    PlanOptions options;
    options.exactVerified = !anyError && exactlyApplicable(workTree, request.patch, patch);
    if (!request.quotedCode.trimmed().isEmpty())
        options.quotedCode = codeLines(request.quotedCode);
    for (qsizetype i = 0; i < targets.size(); ++i) {
        Target &t = targets[i];
        if (t.outcome.error.isEmpty()) {
            t.plan = planFilePatch(TextFile::fromBytes(t.before), t.patch, options);
            t.outcome.hunks = t.plan.hunks;
        }
        result.files.append(t.outcome);
    }

    qsizetype applied = 0;
    for (const Target &t : targets) {
        if (!t.outcome.error.isEmpty() || (!t.plan.placeable && !t.plan.alreadyApplied))
            return refused(result, firstProblem(t));
        applied += t.plan.alreadyApplied ? 1 : 0;
    }
    if (applied == targets.size()) {
        result.status = FixStatus::AlreadyApplied;
        result.message = QStringLiteral("already applied: the fix's changes are already in %1; nothing was written")
                             .arg(targets.size() == 1 ? targets.first().outcome.path : plural(targets.size(), "file"));
        return result;
    }
    if (applied > 0)
        return refused(result, QStringLiteral("%1 of the %2 files already hold their part of this fix and the others do not")
                                   .arg(applied)
                                   .arg(targets.size()));

    int hunks = 0;
    for (const Target &t : targets)
        hunks += int(t.outcome.hunks.size());
    const QString summary = QStringLiteral("%1 in %2").arg(plural(hunks, "hunk"), plural(targets.size(), "file"));
    result.status = FixStatus::Applied;
    if (!write) {
        // The change as it would be written: the workbench previews it.
        for (qsizetype i = 0; i < targets.size(); ++i)
            result.files[i].appliedDiff = targets[i].plan.appliedDiff;
        result.message = QStringLiteral("applies: %1 (checked only; nothing was written)").arg(summary);
        return result;
    }

    QList<FileWrite> writes;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const Target &t = targets[i];
        // A file edited since it was read is not overwritten.
        QByteArray current;
        if (QFileInfo::exists(t.absolutePath)) {
            const auto now = readFile(t.absolutePath, t.outcome.path);
            if (!now)
                return refused(result, now.error().message);
            current = *now;
        }
        if (current != t.before || QFileInfo::exists(t.absolutePath) != t.exists)
            return refused(result, QStringLiteral("%1 changed while the fix was being applied").arg(t.outcome.path));
        FileWrite w;
        w.absolutePath = t.absolutePath;
        w.content = t.plan.result.toBytes();
        w.existedBefore = t.exists;
        w.previousContent = t.before;
        writes.append(w);
        FileOutcome &o = result.files[i];
        o.contentHashBefore = t.exists ? QString::fromLatin1(sha256Hex(t.before)) : QString();
        o.contentHashAfter = QString::fromLatin1(sha256Hex(w.content));
        o.appliedDiff = t.plan.appliedDiff;
    }
    const Status written = writeAll(writes);
    if (!written) {
        for (FileOutcome &o : result.files)
            o.contentHashAfter.clear();
        result.status = FixStatus::Refused;
        result.message = QStringLiteral("failed: %1").arg(written.error().message);
        return result;
    }
    result.written = true;
    result.appliedAt = QDateTime::currentDateTimeUtc();
    result.message = QStringLiteral("applied: %1").arg(summary);
    return result;
}

} // namespace

FixResult checkFix(const QString &workTree, const FixRequest &request)
{
    return run(workTree, request, false);
}

FixResult applyFix(const QString &workTree, const FixRequest &request)
{
    return run(workTree, request, true);
}

FixResult checkFix(const QString &workTree, const QString &patchText, const QString &pathHint)
{
    return run(workTree, FixRequest{patchText.toUtf8(), pathHint, {}}, false);
}

FixResult applyFix(const QString &workTree, const QString &patchText, const QString &pathHint)
{
    return run(workTree, FixRequest{patchText.toUtf8(), pathHint, {}}, true);
}

RevertResult revertFix(const QString &workTree, const QList<FixRecord> &records)
{
    RevertResult result;
    const auto refuse = [&](const QString &why) {
        result.reverted = false;
        result.message = QStringLiteral("revert refused: %1; nothing was restored").arg(why);
        return result;
    };
    if (records.isEmpty())
        return refuse(QStringLiteral("the fix has no records of applied changes"));
    QList<FileWrite> writes;
    for (const FixRecord &r : records) {
        const auto resolved = resolveInWorkTree(workTree, r.path);
        if (!resolved)
            return refuse(resolved.error().message);
        FileWrite w;
        w.absolutePath = *resolved;
        if (!QFileInfo::exists(w.absolutePath))
            return refuse(QStringLiteral("%1 no longer exists").arg(r.path));
        const auto current = readFile(w.absolutePath, r.path);
        if (!current)
            return refuse(current.error().message);
        const QString hash = QString::fromLatin1(sha256Hex(*current));
        if (hash != r.contentHashAfter && hash == r.contentHashBefore)
            return refuse(QStringLiteral("%1 already has the content it had before the fix (reverted already?)").arg(r.path));
        if (hash != r.contentHashAfter)
            return refuse(QStringLiteral("%1 has changed since the fix was applied (its sha256 is %2, the fix left %3); "
                                         "reverting would lose those changes")
                              .arg(r.path, hash.left(12), r.contentHashAfter.left(12)));
        w.previousContent = *current;
        if (r.created) {
            w.remove = true;
        } else {
            if (r.appliedDiff.isEmpty())
                return refuse(QStringLiteral("the record for %1 does not say what the fix changed").arg(r.path));
            const auto restored = reverseAppliedDiff(TextFile::fromBytes(*current), r.appliedDiff);
            if (!restored)
                return refuse(QStringLiteral("%1: %2").arg(r.path, restored.error().message));
            if (QString::fromLatin1(sha256Hex(*restored)) != r.contentHashBefore)
                return refuse(QStringLiteral("%1: undoing the recorded change does not give back the content it had before "
                                             "the fix (sha256 differs)")
                                  .arg(r.path));
            w.content = *restored;
        }
        writes.append(w);
        result.restoredPaths << r.path;
    }
    const Status written = writeAll(writes);
    if (!written) {
        result.restoredPaths.clear();
        return refuse(written.error().message);
    }
    result.reverted = true;
    result.message = QStringLiteral("reverted: %1 restored (%2)")
                         .arg(plural(result.restoredPaths.size(), "file"), result.restoredPaths.join(QStringLiteral(", ")));
    return result;
}

} // namespace rb::patch
