#pragma once
// The consolidated view: issues built from raw findings, and design observations built
// from raw observations, with the human's decisions kept apart from the proposals.

#include "model/location.h"
#include "model/severity.h"
#include "model/finding.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace rb {

enum class TriageState { Open, Accepted, Rejected, FalsePositive };
enum class FixState { NotApplied, Applied, Failed, Reverted };

QString toString(TriageState s);
std::optional<TriageState> triageStateFromString(const QString &s);
QString toString(FixState s);
std::optional<FixState> fixStateFromString(const QString &s);

// Why two members were grouped: a kind of evidence ("location", "identifiers", "text")
// with a score in [0, 1] and a human-readable detail.
struct GroupingEvidence {
    QString findingA;
    QString findingB;
    QString kind;
    double score = 0.0;
    QString detail;
    bool operator==(const GroupingEvidence &) const = default;
};

// The record of a fix applied to the working tree, so that it can be reverted safely.
struct FixRecord {
    QString path;           // relative to the working tree
    QString contentHashBefore; // sha256 of the file before the fix
    QString contentHashAfter;  // sha256 right after the fix
    QString message;        // per-hunk outcome or the reason it failed
    QDateTime when;
    // The change as written: zero-context unified hunks with the file's real line numbers
    // (a line ending in "\r" had a CRLF terminator); revert applies them in reverse.
    QString appliedDiff;
    bool created = false;   // the fix created the file; revert deletes it
    QString fixId;          // the IssueFix that wrote it (empty in files from before fix lists)
    bool operator==(const FixRecord &) const = default;
};

// One proposed fix of an issue, as one member finding wrote it. An issue keeps every
// member's fix, also after merges, splits and moves: a fix travels with its finding.
// Several fixes may be chosen (typically one per file); Apply Fix applies the chosen ones
// in list order, all or none. Fixes for the same lines are alternatives: see
// edit/fix_overlaps.h for the warning the workbench shows when two chosen ones collide.
struct IssueFix {
    QString id;             // unique within the issue: the RawFinding id it came from
    QString path;           // the file it is for (a header-less fragment's file); may be empty
    QString prose;          // Markdown
    QString patch;          // patch or fragment text, as written
    bool chosen = false;    // applied by Apply Fix
    bool hasPatch() const { return !patch.trimmed().isEmpty(); }
    bool operator==(const IssueFix &) const = default;
};

// An issue merged into another, kept as it stood at the merge so that nothing its agents or
// the human wrote is lost: the merged issue shows what it combined, and splitting the
// finding back out restores it.
struct CombinedIssue {
    QString id;
    QString title;
    QString body;           // Markdown
    QString codeExcerpt;
    QString notes;          // the human's notes on it
    QString severityReason;
    std::optional<Severity> finalSeverity; // the human's rating of it
    TriageState triage = TriageState::Open;
    QStringList members;    // its RawFinding ids at the merge
    bool operator==(const CombinedIssue &) const = default;
};

struct Issue {
    QString id;             // stable, e.g. "issue-3"; display numbers (C1, I2) are derived
    QString title;
    QString body;           // Markdown
    QList<Location> locations;
    QStringList members;    // RawFinding ids
    QList<GroupingEvidence> evidence;
    Severity proposedSeverity = Severity::Suggestion;
    std::optional<Severity> finalSeverity; // the human's rating; unset = accept the proposal
    QString severityReason; // the human's reason for the final rating
    QString disagreementNote; // drafted when agents disagree
    Category category = Category::Unspecified;
    TriageState triage = TriageState::Open;
    FixState fixState = FixState::NotApplied;
    QString codeExcerpt;
    QList<IssueFix> fixes;  // every member's fix; see IssueFix
    QList<CombinedIssue> combined; // issues merged into this one, oldest merge first
    QList<FixRecord> fixRecords;
    QString notes;
    QString fingerprint;    // identity across edits and rounds (anchor/fingerprint.h); empty until given

    Severity severity() const { return finalSeverity.value_or(proposedSeverity); }
    const IssueFix *fix(const QString &fixId) const;
    QList<IssueFix> chosenFixes() const;       // in list order
    bool hasApplicableFix() const;             // a chosen fix with a patch
    bool isReported() const { return triage != TriageState::Rejected && triage != TriageState::FalsePositive; }
    bool operator==(const Issue &) const = default;
};

struct DesignObservation {
    QString id;             // e.g. "concern-1", "strength-2"
    ObservationKind kind = ObservationKind::Concern;
    ObservationScope scope = ObservationScope::Unspecified;
    QString title;
    QString body;
    QStringList members;    // RawObservation ids
    bool rejected = false;  // left out of the report
    bool operator==(const DesignObservation &) const = default;
};

} // namespace rb
