#include "io/review_checks.h"

#include "io/review_lock.h"
#include "io/side_files.h"

#include <QFileInfo>

namespace rb {

QStringList reviewFileWarnings(const Review &review, const QString &reviewPath)
{
    QStringList out;
    const QString repo = review.metadata.repository;
    if (!repo.isEmpty() && !QFileInfo(repo).isDir())
        out << QStringLiteral("metadata.repository: %1 does not exist on this machine; the workbench will ask where it is "
                              "(Locate Repository…), and `reviewbench apply` needs --repo DIR")
                   .arg(repo);
    int stale = 0;
    for (const RawFinding &f : review.findings)
        for (const Location &l : f.locations)
            stale += l.stale ? 1 : 0;
    for (const Issue &i : review.issues)
        for (const Location &l : i.locations)
            stale += l.stale ? 1 : 0;
    if (stale > 0)
        out << QStringLiteral("%1 location%2 marked stale: the code quoted there was not found when the review was last "
                              "re-anchored")
                   .arg(stale)
                   .arg(stale == 1 ? QString() : QStringLiteral("s"));
    const QFileInfo autosave(autosavePathFor(reviewPath));
    if (autosave.exists())
        out << QStringLiteral("%1 holds unsaved changes from %2 (a window did not close cleanly); opening the file in the "
                              "workbench offers to recover them")
                   .arg(autosave.fileName(), autosave.lastModified().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    if (QFileInfo::exists(lockPathFor(reviewPath))) {
        ReviewFileLock probe(reviewPath);
        if (probe.outcome() == ReviewFileLock::Outcome::HeldByOther)
            out << QStringLiteral("the file is open for writing in a Reviewbench (process %1 on %2, since %3); changes made "
                                  "elsewhere meanwhile may be overwritten by its next save")
                       .arg(probe.holder().pid)
                       .arg(probe.holder().host, probe.holder().since.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    }
    return out;
}

} // namespace rb
