#pragma once
// Agent performance retro: per-agent figures computed from the review alone.

#include "model/review.h"

#include <QList>
#include <QString>

#include <optional>

namespace rb::report {

// Findings an agent rated at one severity, and how many of them the final review rated
// lower (downgraded) or higher (upgraded). Only findings of reported issues can move.
struct SeverityTally {
    int count = 0;
    int downgraded = 0;
    int upgraded = 0;
    bool operator==(const SeverityTally &) const = default;
};

struct AgentRetro {
    QString agentId;
    QString name;
    RunStatus status = RunStatus::Imported;
    bool failed = false;
    QString failure;                      // the failure reason when failed
    std::optional<double> durationSeconds;
    SeverityTally critical;
    SeverityTally important;
    SeverityTally suggestion;
    int designObservations = 0;           // raw concerns and strengths
    int falsePositives = 0;               // findings whose issue was triaged a false positive
    int rejected = 0;                     // findings whose issue was rejected
    int uniqueInsights = 0;               // reported issues and concerns only this agent found
    std::optional<qint64> tokens;         // input + output, when known
    std::optional<double> costUsd;
    std::optional<int> toolCalls;
    std::optional<int> filesReviewed;
    bool operator==(const AgentRetro &) const = default;
};

struct ReviewRetro {
    QList<AgentRetro> agents;             // in the order of Review::agents
    std::optional<double> wallClockSeconds; // the metadata's, else first start to last finish
    bool operator==(const ReviewRetro &) const = default;
};

ReviewRetro computeRetro(const Review &review);

} // namespace rb::report
