#pragma once
// The review document: everything Reviewbench reads, edits and exports, as plain values.

#include "model/agent_run.h"
#include "model/finding.h"
#include "model/issue.h"
#include "model/review_metadata.h"

#include <QList>
#include <QMap>
#include <QString>

namespace rb {

enum class VerdictKind { Unset, MergeAsIs, MergeWithFixes, Rework };
QString toString(VerdictKind v);          // "unset", "merge-as-is", "merge-with-fixes", "rework"
QString displayName(VerdictKind v);       // "Merge as-is", ...
std::optional<VerdictKind> verdictKindFromString(const QString &s);

struct Verdict {
    VerdictKind kind = VerdictKind::Unset;
    QString reason;         // one line, after " — "
    bool operator==(const Verdict &) const = default;
};

struct RetroNote {
    QString agentId;
    QString text;           // Markdown paragraph about this agent
    bool operator==(const RetroNote &) const = default;
};

struct Review {
    // 2: issues hold a list of fixes ("fixes") and what merges combined ("combined");
    // version 1 files (one "fixProse"/"fixPatch" per issue) are read and written as 2.
    static constexpr int kSchemaVersion = 2;

    ReviewMetadata metadata;
    QList<AgentRun> agents;
    QList<RawFinding> findings;
    QList<RawObservation> observations;
    QList<Issue> issues;
    QList<DesignObservation> designObservations;
    Verdict verdict;
    QString executiveSummary;
    QString testingAssessment;
    QString documentationAssessment;
    QString commitStructure;
    QList<RetroNote> retroNotes;
    QString retroSummary;

    const AgentRun *agent(const QString &id) const;
    const RawFinding *finding(const QString &id) const;
    const RawObservation *observation(const QString &id) const;
    const Issue *issue(const QString &id) const;
    Issue *issue(const QString &id);
    bool operator==(const Review &) const = default;
};

} // namespace rb
