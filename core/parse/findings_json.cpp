#include "parse/findings_json.h"

#include "io/json_fields.h"
#include "parse/json_locate.h"

#include <nlohmann/json.hpp>

namespace rb::parse {

using namespace rb::jsonio;

namespace {

std::optional<int> lineNumber(const json &obj, const char *key, const QString &path)
{
    const auto v = optInt(obj, key, path);
    if (v && *v < 0)
        throw FieldError(child(path, key), QStringLiteral("expected a line number (1 or more) or null, found %1").arg(*v));
    if (v && *v == 0)
        return std::nullopt;
    return v;
}

Location readLocation(const json &j, const QString &p)
{
    requireObject(j, p);
    Location l;
    l.path = requiredStr(j, "path", p);
    const auto start = lineNumber(j, "startLine", p);
    const auto end = lineNumber(j, "endLine", p);
    if (start) {
        l.startLine = *start;
        l.endLine = end.value_or(*start);
        if (l.endLine < l.startLine)
            throw FieldError(child(p, "endLine"), QStringLiteral("line range %1-%2 is not valid; expected endLine >= startLine")
                                                      .arg(l.startLine).arg(l.endLine));
    } else if (end) {
        throw FieldError(child(p, "startLine"), QStringLiteral("is null but endLine is set; expected both or neither"));
    }
    return l;
}

RawFinding readFinding(const json &j, const QString &p)
{
    requireObject(j, p);
    RawFinding f;
    f.rawId = str(j, "id", p);
    f.severity = enumValue(j, "severity", p, Severity::Suggestion, severityFromString, "critical, important, suggestion");
    if (!find(j, "severity"))
        throw FieldError(child(p, "severity"), QStringLiteral("is required; expected one of critical, important, suggestion"));
    f.category = enumValue(j, "category", p, Category::Unspecified, categoryFromString,
                           "regression, gap, enhancement, unspecified");
    f.title = requiredStr(j, "title", p);
    if (const json *ls = find(j, "locations")) {
        const QString lp = child(p, "locations");
        requireArray(*ls, lp);
        for (std::size_t i = 0; i < ls->size(); ++i)
            f.locations.append(readLocation((*ls)[i], child(lp, i)));
    }
    f.body = str(j, "body", p);
    const QString excerpt = str(j, "codeExcerpt", p);
    if (!excerpt.isEmpty())
        f.codeExcerpts.append(excerpt);
    f.fixProse = str(j, "fixProse", p);
    f.fixPatch = str(j, "fixPatch", p);
    return f;
}

RawObservation readObservation(const json &j, const QString &p)
{
    requireObject(j, p);
    RawObservation o;
    o.kind = enumValue(j, "kind", p, ObservationKind::Concern, observationKindFromString, "concern, strength");
    o.scope = enumValue(j, "scope", p, ObservationScope::Unspecified, observationScopeFromString,
                        "in-scope, future, unspecified");
    o.title = str(j, "title", p);
    o.body = str(j, "body", p);
    if (o.title.isEmpty() && o.body.isEmpty())
        throw FieldError(p, QStringLiteral("has neither title nor body; expected at least one"));
    return o;
}

} // namespace

Result<ParsedReview> parseFindingsJson(const json &doc, const QByteArray &text, const RawReviewSource &source)
{
    ParsedReview out;
    out.run.id = source.agentId;
    out.run.name = source.agentName;
    out.run.format = RawFormat::Json;
    try {
        requireObject(doc, QString());
        const QString format = str(doc, "format", QString());
        if (!format.isEmpty() && format != QLatin1String(kFindingsFormatName))
            throw FieldError(QStringLiteral("format"), QStringLiteral("unknown value \"%1\"; expected \"%2\"")
                                                          .arg(format, QLatin1String(kFindingsFormatName)));
        const int version = integer(doc, "version", QString(), kFindingsFormatVersion);
        if (version > kFindingsFormatVersion)
            throw FieldError(QStringLiteral("version"), QStringLiteral("%1 is newer than this Reviewbench reads; expected %2")
                                                           .arg(version).arg(kFindingsFormatVersion));
        if (!find(doc, "findings"))
            throw FieldError(QStringLiteral("findings"),
                             QStringLiteral("missing; expected a Reviewbench findings document (an object with a "
                                            "\"findings\" array) or a SARIF 2.1.0 log"));
        const json &findings = *find(doc, "findings");
        requireArray(findings, QStringLiteral("findings"));
        for (std::size_t i = 0; i < findings.size(); ++i)
            out.findings.append(readFinding(findings[i], child(QStringLiteral("findings"), i)));
        if (const json *obs = find(doc, "designObservations")) {
            requireArray(*obs, QStringLiteral("designObservations"));
            for (std::size_t i = 0; i < obs->size(); ++i)
                out.observations.append(readObservation((*obs)[i], child(QStringLiteral("designObservations"), i)));
        }
        out.run.verdict = str(doc, "verdict", QString());
        out.run.executiveSummary = str(doc, "executiveSummary", QString());
        out.run.testingAssessment = str(doc, "testingAssessment", QString());
        out.run.documentationAssessment = str(doc, "documentationAssessment", QString());
        out.run.commitStructure = str(doc, "commitStructure", QString());
    } catch (const FieldError &e) {
        return fieldError(text, source.fileName, QString::fromUtf8(e.what()));
    }
    for (RawFinding &f : out.findings)
        f.agentId = source.agentId;
    for (RawObservation &o : out.observations)
        o.agentId = source.agentId;
    const QList<SourceSpan> findingSpans = jsonElementSpans(text, QStringLiteral("findings"));
    for (qsizetype i = 0; i < out.findings.size() && i < findingSpans.size(); ++i)
        out.findings[i].span = findingSpans[i];
    const QList<SourceSpan> observationSpans = jsonElementSpans(text, QStringLiteral("designObservations"));
    for (qsizetype i = 0; i < out.observations.size() && i < observationSpans.size(); ++i)
        out.observations[i].span = observationSpans[i];
    return out;
}

json findingsToJson(const ParsedReview &review)
{
    json findings = json::array();
    for (const RawFinding &f : review.findings) {
        json locations = json::array();
        for (const Location &l : f.locations)
            locations.push_back({{"path", fromString(l.path)},
                                 {"startLine", l.hasLines() ? json(l.startLine) : json(nullptr)},
                                 {"endLine", l.hasLines() ? json(l.endLine) : json(nullptr)}});
        findings.push_back({{"id", fromString(f.rawId)},
                            {"severity", fromString(toString(f.severity))},
                            {"category", fromString(toString(f.category))},
                            {"title", fromString(f.title)},
                            {"locations", locations},
                            {"body", fromString(f.body)},
                            {"codeExcerpt", fromString(f.codeExcerpts.join(QStringLiteral("\n")))},
                            {"fixProse", fromString(f.fixProse)},
                            {"fixPatch", fromString(f.fixPatch)}});
    }
    json observations = json::array();
    for (const RawObservation &o : review.observations)
        observations.push_back({{"kind", fromString(toString(o.kind))},
                                {"scope", fromString(toString(o.scope))},
                                {"title", fromString(o.title)},
                                {"body", fromString(o.body)}});
    const AgentRun &r = review.run;
    return json{{"format", kFindingsFormatName},
                {"version", kFindingsFormatVersion},
                {"verdict", fromString(r.verdict)},
                {"executiveSummary", fromString(r.executiveSummary)},
                {"findings", findings},
                {"designObservations", observations},
                {"testingAssessment", fromString(r.testingAssessment)},
                {"documentationAssessment", fromString(r.documentationAssessment)},
                {"commitStructure", fromString(r.commitStructure)}};
}

} // namespace rb::parse
