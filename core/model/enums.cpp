// String forms of the model's enums: the spellings used in review files.
#include "model/agent_run.h"
#include "model/finding.h"
#include "model/issue.h"
#include "model/review.h"

#include <array>
#include <utility>

namespace rb {
namespace {

template <typename E, std::size_t N>
QString nameOf(const std::array<std::pair<E, const char *>, N> &table, E value)
{
    for (const auto &[e, name] : table)
        if (e == value)
            return QString::fromLatin1(name);
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char *>, N> &table, const QString &s)
{
    const QString v = s.trimmed().toLower();
    for (const auto &[e, name] : table)
        if (v == QLatin1String(name))
            return e;
    return std::nullopt;
}

constexpr std::array<std::pair<RunStatus, const char *>, 6> kRunStatus{{
    {RunStatus::Succeeded, "succeeded"}, {RunStatus::Failed, "failed"},
    {RunStatus::TimedOut, "timed-out"}, {RunStatus::Cancelled, "cancelled"},
    {RunStatus::NotInstalled, "not-installed"}, {RunStatus::Imported, "imported"}}};
constexpr std::array<std::pair<RawFormat, const char *>, 3> kRawFormat{{
    {RawFormat::Markdown, "markdown"}, {RawFormat::Json, "json"}, {RawFormat::Sarif, "sarif"}}};
constexpr std::array<std::pair<ObservationKind, const char *>, 2> kObsKind{{
    {ObservationKind::Concern, "concern"}, {ObservationKind::Strength, "strength"}}};
constexpr std::array<std::pair<ObservationScope, const char *>, 3> kObsScope{{
    {ObservationScope::Unspecified, "unspecified"}, {ObservationScope::InScope, "in-scope"},
    {ObservationScope::Future, "future"}}};
constexpr std::array<std::pair<TriageState, const char *>, 4> kTriage{{
    {TriageState::Open, "open"}, {TriageState::Accepted, "accepted"},
    {TriageState::Rejected, "rejected"}, {TriageState::FalsePositive, "false-positive"}}};
constexpr std::array<std::pair<FixState, const char *>, 4> kFix{{
    {FixState::NotApplied, "not-applied"}, {FixState::Applied, "applied"},
    {FixState::Failed, "failed"}, {FixState::Reverted, "reverted"}}};
constexpr std::array<std::pair<VerdictKind, const char *>, 4> kVerdict{{
    {VerdictKind::Unset, "unset"}, {VerdictKind::MergeAsIs, "merge-as-is"},
    {VerdictKind::MergeWithFixes, "merge-with-fixes"}, {VerdictKind::Rework, "rework"}}};

} // namespace

QString toString(RunStatus s) { return nameOf(kRunStatus, s); }
std::optional<RunStatus> runStatusFromString(const QString &s) { return valueOf(kRunStatus, s); }
QString toString(RawFormat f) { return nameOf(kRawFormat, f); }
std::optional<RawFormat> rawFormatFromString(const QString &s) { return valueOf(kRawFormat, s); }
QString toString(ObservationKind k) { return nameOf(kObsKind, k); }
std::optional<ObservationKind> observationKindFromString(const QString &s) { return valueOf(kObsKind, s); }
QString toString(ObservationScope s) { return nameOf(kObsScope, s); }
std::optional<ObservationScope> observationScopeFromString(const QString &s) { return valueOf(kObsScope, s); }
QString toString(TriageState s) { return nameOf(kTriage, s); }
std::optional<TriageState> triageStateFromString(const QString &s) { return valueOf(kTriage, s); }
QString toString(FixState s) { return nameOf(kFix, s); }
std::optional<FixState> fixStateFromString(const QString &s) { return valueOf(kFix, s); }
QString toString(VerdictKind v) { return nameOf(kVerdict, v); }
std::optional<VerdictKind> verdictKindFromString(const QString &s) { return valueOf(kVerdict, s); }

QString displayName(VerdictKind v)
{
    switch (v) {
    case VerdictKind::Unset: return QStringLiteral("Not decided");
    case VerdictKind::MergeAsIs: return QStringLiteral("Merge as-is");
    case VerdictKind::MergeWithFixes: return QStringLiteral("Merge with fixes");
    case VerdictKind::Rework: return QStringLiteral("Rework");
    }
    return {};
}

} // namespace rb
