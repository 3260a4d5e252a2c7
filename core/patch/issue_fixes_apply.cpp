#include "patch/issue_fixes_apply.h"

#include "patch/file_patcher.h"
#include "patch/file_transaction.h"
#include "patch/fix_applier.h"
#include "patch/text_file.h"
#include "patch/work_tree_path.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>

namespace rb::patch {

namespace {

QString countOf(qsizetype n, const char *word)
{
    return QStringLiteral("%1 %2%3").arg(n).arg(QLatin1String(word)).arg(n == 1 ? QString() : QStringLiteral("s"));
}

QList<IssueFix> applicable(const Issue &issue)
{
    QList<IssueFix> out;
    for (const IssueFix &f : issue.fixes)
        if (f.chosen && f.hasPatch())
            out << f;
    return out;
}

IssueFixResult noFix()
{
    IssueFixResult r;
    r.message = QStringLiteral("refused: no chosen fix has a patch; nothing was written");
    return r;
}

// The one-line message for several fixes: "applied: 2 fixes (...)".
QString combinedMessage(const QString &verb, const QList<std::pair<QString, FixResult>> &fixes)
{
    if (fixes.size() == 1)
        return fixes.first().second.message;
    QStringList parts;
    for (const auto &[id, r] : fixes)
        parts << QStringLiteral("%1: %2").arg(id, r.message);
    return QStringLiteral("%1: %2 (%3)").arg(verb, countOf(fixes.size(), "fix"), parts.join(QStringLiteral("; ")));
}

// The code a fix's finding quoted, for plain replacement code: the issue's excerpt when the
// fix is for the issue's first file, else the excerpt of the merged-in issue that held it.
FixRequest requestOf(const Issue &issue, const IssueFix &fix)
{
    QString quoted;
    if (fix.path.isEmpty() || fix.path == issue.locations.value(0).path)
        quoted = issue.codeExcerpt;
    for (const CombinedIssue &c : issue.combined)
        if (c.members.contains(fix.id) && !c.codeExcerpt.isEmpty())
            quoted = c.codeExcerpt;
    return FixRequest{fix.patch.toUtf8(), fix.path, quoted};
}

Result<QByteArray> readFile(const QString &path, const QString &shown)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::of(QStringLiteral("cannot read %1: %2").arg(shown, f.errorString()));
    return f.readAll();
}

} // namespace

QString IssueFixResult::describe() const
{
    QString s = message + QLatin1Char('\n');
    for (const auto &[id, r] : fixes) {
        if (fixes.size() > 1)
            s += QStringLiteral("fix %1:\n").arg(id);
        s += r.describe();
    }
    return s;
}

QList<FixRecord> IssueFixResult::records() const
{
    QList<FixRecord> out;
    if (!written)
        return out;
    for (const auto &[id, r] : fixes)
        for (FixRecord rec : r.records()) {
            rec.fixId = id;
            out << rec;
        }
    return out;
}

IssueFixResult checkIssueFixes(const QString &workTree, const Issue &issue)
{
    const QList<IssueFix> fixes = applicable(issue);
    if (fixes.isEmpty())
        return noFix();
    IssueFixResult result;
    bool allAlready = true;
    for (const IssueFix &f : fixes) {
        FixResult r = checkFix(workTree, requestOf(issue, f));
        if (r.status == FixStatus::Refused) {
            result.fixes << std::pair(f.id, r);
            result.status = FixStatus::Refused;
            result.message = fixes.size() == 1 ? r.message : QStringLiteral("fix %1 %2").arg(f.id, r.message);
            return result;
        }
        allAlready = allAlready && r.status == FixStatus::AlreadyApplied;
        result.fixes << std::pair(f.id, r);
    }
    result.status = allAlready ? FixStatus::AlreadyApplied : FixStatus::Applied;
    result.message = combinedMessage(QStringLiteral("would apply"), result.fixes);
    return result;
}

IssueFixResult applyIssueFixes(const QString &workTree, const Issue &issue)
{
    const QList<IssueFix> fixes = applicable(issue);
    if (fixes.isEmpty())
        return noFix();
    IssueFixResult result;
    QList<FixRecord> written;
    bool anyWritten = false;
    for (const IssueFix &f : fixes) {
        FixResult r = applyFix(workTree, requestOf(issue, f));
        result.fixes << std::pair(f.id, r);
        if (r.status == FixStatus::Refused) {
            QString undo;
            if (anyWritten) {
                const RevertResult back = revertIssueFixes(workTree, written);
                undo = back.reverted ? QStringLiteral("; the fixes already written were reverted")
                                     : QStringLiteral("; reverting the fixes already written failed: %1").arg(back.message);
            }
            result.status = FixStatus::Refused;
            result.written = false;
            result.message = (fixes.size() == 1 ? r.message : QStringLiteral("fix %1 %2").arg(f.id, r.message)) + undo;
            return result;
        }
        if (r.written) {
            anyWritten = true;
            for (FixRecord rec : r.records()) {
                rec.fixId = f.id;
                written << rec;
            }
        }
    }
    result.written = anyWritten;
    result.status = anyWritten ? FixStatus::Applied : FixStatus::AlreadyApplied;
    result.message = combinedMessage(anyWritten ? QStringLiteral("applied") : QStringLiteral("already applied"), result.fixes);
    return result;
}

RevertResult revertIssueFixes(const QString &workTree, const QList<FixRecord> &records)
{
    RevertResult result;
    const auto refuse = [&](const QString &why) {
        result.reverted = false;
        result.restoredPaths.clear();
        result.message = QStringLiteral("revert refused: %1; nothing was restored").arg(why);
        return result;
    };
    // Per file, the records in the order they were written.
    QStringList paths;
    QHash<QString, QList<FixRecord>> chains;
    for (const FixRecord &r : records) {
        if (r.contentHashAfter.isEmpty())
            continue;
        if (!chains.contains(r.path))
            paths << r.path;
        chains[r.path] << r;
    }
    if (paths.isEmpty())
        return refuse(QStringLiteral("the fix has no records of applied changes"));
    QList<FileWrite> writes;
    for (const QString &path : paths) {
        const QList<FixRecord> &chain = chains[path];
        const auto resolved = resolveInWorkTree(workTree, path);
        if (!resolved)
            return refuse(resolved.error().message);
        FileWrite w;
        w.absolutePath = *resolved;
        if (!QFileInfo::exists(w.absolutePath))
            return refuse(QStringLiteral("%1 no longer exists").arg(path));
        const auto current = readFile(w.absolutePath, path);
        if (!current)
            return refuse(current.error().message);
        const FixRecord &last = chain.last();
        const QString hash = QString::fromLatin1(sha256Hex(*current));
        if (hash != last.contentHashAfter && hash == chain.first().contentHashBefore)
            return refuse(QStringLiteral("%1 already has the content it had before the fix (reverted already?)").arg(path));
        if (hash != last.contentHashAfter)
            return refuse(QStringLiteral("%1 has changed since the fix was applied (its sha256 is %2, the fix left %3); "
                                         "reverting would lose those changes")
                              .arg(path, hash.left(12), last.contentHashAfter.left(12)));
        w.previousContent = *current;
        QByteArray content = *current;
        for (qsizetype k = chain.size() - 1; k >= 0; --k) {
            const FixRecord &r = chain[k];
            if (QString::fromLatin1(sha256Hex(content)) != r.contentHashAfter)
                return refuse(QStringLiteral("%1: the recorded fixes do not follow one another (sha256 differs)").arg(path));
            if (r.created) {
                w.remove = true;
                break;
            }
            if (r.appliedDiff.isEmpty())
                return refuse(QStringLiteral("the record for %1 does not say what the fix changed").arg(path));
            const auto restored = reverseAppliedDiff(TextFile::fromBytes(content), r.appliedDiff);
            if (!restored)
                return refuse(QStringLiteral("%1: %2").arg(path, restored.error().message));
            if (QString::fromLatin1(sha256Hex(*restored)) != r.contentHashBefore)
                return refuse(QStringLiteral("%1: undoing the recorded change does not give back the content it had before "
                                             "the fix (sha256 differs)")
                                  .arg(path));
            content = *restored;
        }
        w.content = content;
        writes.append(w);
        result.restoredPaths << path;
    }
    const Status ok = writeAll(writes);
    if (!ok)
        return refuse(ok.error().message);
    result.reverted = true;
    result.message = QStringLiteral("reverted: %1 restored (%2)")
                         .arg(countOf(result.restoredPaths.size(), "file"), result.restoredPaths.join(QStringLiteral(", ")));
    return result;
}

} // namespace rb::patch
