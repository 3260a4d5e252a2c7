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
    bool operator==(const FixRecord &) const = default;
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
    QString fixProse;
    QString fixPatch;
    QList<FixRecord> fixRecords;
    QString notes;
    QString fingerprint;    // identity across edits and rounds (anchor/fingerprint.h); empty until given

    Severity severity() const { return finalSeverity.value_or(proposedSeverity); }
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
