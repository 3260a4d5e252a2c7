#pragma once
// What checking, applying or reverting a fix found: per file and per hunk, where each hunk
// landed and how, or why it could not be placed.

#include "model/issue.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace rb::patch {

// How a hunk was placed, strictest first.
enum class Placement {
    Exact,                 // libgit2 applies the patch as written, at its stated lines
    Moved,                 // found by its context and removed lines, moved by `offset` lines
    Located,               // a fragment without line numbers, found by its lines
    WhitespaceInsensitive, // found only when whitespace is ignored
    ReplacedRegion,        // plain replacement code between its first and last lines
};

enum class HunkStatus {
    Placed,         // will be (or was) written
    AlreadyApplied, // its added lines are already where its removed lines would be
    NotFound,
    Ambiguous,      // its lines occur more than once
    Unplaceable,    // nothing to locate it by, or it overlaps another hunk
};

struct HunkOutcome {
    QString label;       // "hunk 1", "hunk 2 (part 1)", "replacement code"
    HunkStatus status = HunkStatus::NotFound;
    Placement placement = Placement::Located;
    int line = 0;        // 1-based line in the file as it was where the hunk landed (or was found)
    int replacedLines = 0; // ReplacedRegion: how many lines of the file the code replaces
    int offset = 0;      // Moved / WhitespaceInsensitive with numbers: landed line - stated line
    bool hasStatedLine = false;
    QList<int> candidates;   // Ambiguous: every 1-based line where it matched
    int closestLine = 0;     // NotFound: 1-based start of the best partial match (0: none)
    int closestMatching = 0; // lines that agree there
    int lookedForCount = 0;  // lines it looked for
    QStringList lookedFor;   // the context and removed lines it looked for
    QString detail;      // first difference at the closest place, or why it is unplaceable

    // "hunk 1: line 42, moved by 3 lines" / "hunk 2: not found; ..." (several lines when not found)
    QString describe() const;
    // The same on one line (for a not-found hunk: the closest place instead of the lines).
    QString summary() const;
};

struct FileOutcome {
    QString path; // relative to the working tree
    bool created = false;
    QList<HunkOutcome> hunks;
    QString error;              // a refusal that concerns the file itself (unsafe path, unreadable)
    QString note;               // how the fix was read for this file (e.g. converted to Latin-1)
    QString contentHashBefore;  // sha256 before the fix (empty when created)
    QString contentHashAfter;   // sha256 after the fix
    QString appliedDiff;        // the change as written, or as it would be by checkFix (see FixRecord::appliedDiff)
};

enum class FixStatus { Applied, AlreadyApplied, Refused };

struct FixResult {
    FixStatus status = FixStatus::Refused;
    bool written = false;   // applyFix wrote the files (never true for checkFix or a refusal)
    QDateTime appliedAt;    // when written
    QString message;        // one line for people; details in describe()
    QList<FileOutcome> files;

    // Per file, per hunk: where it landed and how, or why not.
    QString describe() const;
    // The records to keep with the issue so that the fix can be reverted (only when written).
    QList<FixRecord> records() const;
};

struct RevertResult {
    bool reverted = false;
    QString message; // which files were restored, or which file refused and why
    QStringList restoredPaths;
};

QString toString(FixStatus status);
QString toString(Placement placement);

} // namespace rb::patch
