#pragma once
// What agents wrote: raw findings and raw design observations, one per agent item.

#include "model/location.h"
#include "model/severity.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rb {

struct RawFinding {
    QString id;             // unique within the review, e.g. "claude:I1"
    QString agentId;        // AgentRun::id
    QString rawId;          // as the agent numbered it ("I1", "3"); may be empty
    Severity severity = Severity::Suggestion; // as the agent rated it
    Category category = Category::Unspecified;
    QString title;
    QList<Location> locations;
    QString body;           // Markdown, explanation only
    QStringList codeExcerpts; // quoted code blocks, without fences
    QString fixProse;       // Markdown
    QString fixPatch;       // patch or fragment text, as the agent wrote it
    SourceSpan span;        // in AgentRun::rawOutput
    QString fingerprint;    // identity across edits and rounds (anchor/fingerprint.h); empty until given
    bool operator==(const RawFinding &) const = default;
};

enum class ObservationKind { Concern, Strength };
enum class ObservationScope { Unspecified, InScope, Future };

QString toString(ObservationKind k);
std::optional<ObservationKind> observationKindFromString(const QString &s);
QString toString(ObservationScope s);
std::optional<ObservationScope> observationScopeFromString(const QString &s);

struct RawObservation {
    QString id;             // unique within the review, e.g. "claude:concern-1"
    QString agentId;
    ObservationKind kind = ObservationKind::Concern;
    ObservationScope scope = ObservationScope::Unspecified;
    QString title;
    QString body;           // Markdown
    SourceSpan span;
    bool operator==(const RawObservation &) const = default;
};

} // namespace rb
