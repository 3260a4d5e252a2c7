#pragma once
// Groups items (raw findings or raw observations) that describe the same thing, from
// evidence: where they point, which code identifiers they name, and how alike their prose is.
// Pure functions over values; docs/consolidation.md explains the rules and the thresholds.

#include "model/issue.h"
#include "model/location.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rb::consolidate {

// The common view of a raw finding or a raw observation.
struct ClusterItem {
    QString id;
    QString agentId;
    int partition = 0;          // items of different partitions never join (e.g. concern vs strength)
    QString title;
    QString body;               // Markdown
    QStringList code;           // quoted code blocks
    QList<Location> locations;
};

struct ClusterOptions {
    double joinThreshold = 0.5;       // combined score two items of different agents need ...
    double minText = 0.12;            // ... and at least this prose similarity: two problems in the
                                      // same code share lines and identifiers, not words
    double sameAgentThreshold = 0.9;  // combined score two items of one agent need ...
    double sameAgentText = 0.75;      // ... with this prose similarity and overlapping lines
    int nearbyLines = 12;             // lines apart that still count as "nearby"
    int maxBlockSize = 200;           // blocking keys shared by more items are not used to find candidates
    int termsPerItem = 8;             // highest-weighted prose terms used as blocking keys
    bool exhaustive = false;          // score every pair, no blocking (the benchmark's baseline)
};

// The evidence between two items, each part in [0, 1].
struct PairScore {
    double location = 0.0;
    double identifiers = 0.0;
    double text = 0.0;
    double combined = 0.0;
    bool linesOverlap = false;
    QString locationDetail;
    QStringList sharedIdentifiers;
    QStringList sharedTerms;        // the highest-weighted shared terms, for the detail text
};

struct Cluster {
    QList<int> members;               // indexes into the item list, ascending
    QList<GroupingEvidence> evidence; // one entry per kind of evidence per join
};

struct ClusterStats {
    qint64 candidatePairs = 0;        // pairs scored after blocking
};

// Clusters items; every item ends up in exactly one cluster. Clusters are ordered by their
// first member. Deterministic: the same input gives the same output.
QList<Cluster> clusterItems(const QList<ClusterItem> &items, const ClusterOptions &options = {},
                            ClusterStats *stats = nullptr);

// Scores every pair of items with the same weighting as clusterItems (for inspection and
// for showing the human why two items were or were not grouped).
PairScore scorePair(const QList<ClusterItem> &items, int a, int b, const ClusterOptions &options = {});

} // namespace rb::consolidate
