#pragma once
// Checking, applying and reverting an issue's chosen fixes (model/issue.h IssueFix) as one
// change: each chosen fix with a patch, in list order, through fix_applier.h. All or none:
// when a fix is refused after earlier ones were written, those are reverted before
// returning, so the working tree is as it was. Records carry the id of the fix that wrote
// them; reverting undoes every record, newest first, per file in memory, and writes all
// files at once (or none).

#include "model/issue.h"
#include "patch/fix_result.h"

#include <QList>
#include <QString>

#include <utility>

namespace rb::patch {

struct IssueFixResult {
    FixStatus status = FixStatus::Refused;
    bool written = false;
    QString message; // one line for people
    QList<std::pair<QString, FixResult>> fixes; // per chosen fix, by IssueFix id

    QString describe() const; // per fix, per file, per hunk
    // The records to keep with the issue (only when written), tagged with their fix's id.
    QList<FixRecord> records() const;
};

// What applying would do; each fix is checked against the tree as it is now.
IssueFixResult checkIssueFixes(const QString &workTree, const Issue &issue);
IssueFixResult applyIssueFixes(const QString &workTree, const Issue &issue);

// Restores what the records changed, all or none. Records of failures (no content hash)
// are skipped. Works for records written before fix lists existed.
RevertResult revertIssueFixes(const QString &workTree, const QList<FixRecord> &records);

} // namespace rb::patch
