#pragma once
// Applying, checking and reverting issues' fixes, and recording what they did: the one copy
// of these rules, used by the Fixes pane and by `reviewbench apply`.
//
// Which issues a bulk apply acts on (selectFixes):
// - issues named by id ("issue-3") or report number ("I1"): exactly those, in the order
//   given (an unknown name is an error; nothing is applied); with acceptedOnly, the named
//   ones that are accepted;
// - none named: every reported issue (not rejected, not a false positive) that has a fix
//   and whose fix is not recorded as applied (a check takes those too); with acceptedOnly,
//   only accepted ones.
//
// How an outcome is recorded with its issue (recordedFix):
// - written: the fix state becomes Applied and the records are the ones just written
//   (they replace earlier ones: a re-apply after a revert is reverted by its own records);
// - already applied: nothing changes (the change was not written by us, so there are no
//   records to revert it by);
// - refused: the fix state becomes Failed with one record saying why, unless the issue's
//   fix is recorded as applied: then its state and records stay, so that it can still be
//   reverted;
// - a check writes nothing and records nothing.
// Fix results change the working tree, which undo cannot take back: the document records
// them outside its history (ReviewDocument::recordFix).

#include "model/review.h"
#include "patch/fix_result.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace rb::ui {
class ReviewDocument; // moved here from ui/ with its namespace; renamed later
}

namespace rb::workbench {

using ui::ReviewDocument;

struct FixSelection {
    QStringList issueKeys; // ids or report numbers; empty: every issue with a fix
    bool acceptedOnly = false;
    bool check = false; // only checking: fixes recorded as applied are taken too
};

// Issue ids, in the order they are applied. Error: a key names no issue (the message,
// `has no issue "KEY"`, reads after the review's name).
Result<QStringList> selectFixes(const Review &review, const FixSelection &selection);

// The issue by id or report number (case-insensitive), or null.
const Issue *findIssue(const Review &review, const QString &key);
// "I1 (issue-3)", or the id alone for an issue without a report number.
QString issueLabel(const Review &review, const Issue &issue);

// True when the issue has a fix the patch engine can apply.
bool hasApplicableFix(const Issue &issue);

// What one issue's fix did (or would do) to the working tree.
struct FixOutcome {
    QString issueId;
    patch::FixStatus status = patch::FixStatus::Refused;
    bool written = false;
    QString message;          // one line for people
    QString details;          // per file, per hunk
    QString changes;          // the change with file headers, as written or as it would be
    QList<FixRecord> records; // what a written fix needs for a revert
    bool noFix = false;       // the issue has no fix: nothing was tried (status Refused)
};

// Reads only.
FixOutcome checkIssueFix(const QString &workTree, const Issue &issue);
// Writes the fix; records nothing.
FixOutcome applyIssueFix(const QString &workTree, const Issue &issue);

struct RecordedFix {
    FixState state = FixState::NotApplied;
    QList<FixRecord> records;
};
// The state and records the issue gets for an outcome; nullopt: it stays as it is.
std::optional<RecordedFix> recordedFix(const Issue &issue, const FixOutcome &outcome);

// The workflows on an open review: apply each issue's fix and record the outcome, in order.
// An issue without a fix gives an outcome with noFix set, recorded nowhere.
QList<FixOutcome> applyFixes(ReviewDocument &document, const QString &workTree, const QStringList &issueIds);

struct RevertOutcome {
    QString issueId;
    bool reverted = false;
    QString message;
};
// Restores the files an applied fix wrote; on success the fix state becomes Reverted and
// its records are dropped. Refused (nothing changes) when the fix is not recorded as applied.
RevertOutcome revertFix(ReviewDocument &document, const QString &workTree, const QString &issueId);

} // namespace rb::workbench
