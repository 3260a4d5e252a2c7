#include "report/sarif_export.h"

#include "anchor/fingerprint.h"
#include "io/json_fields.h"
#include "report/report_outline.h"
#include "version.h"

#include <QStringList>
#include <QUrl>

#include <nlohmann/json.hpp>

namespace rb::report {
namespace {

using nlohmann::json;
using jsonio::fromString;

// SARIF's partialFingerprints: the result's identity across runs, for consumers that track
// results over time (anchor/fingerprint.h).
json fingerprints(const QString &given, const QList<Location> &locations, const QString &excerpt, const QString &title)
{
    const QString fp = !given.isEmpty() ? given : anchor::fingerprintOf(locations.value(0), excerpt, title, {});
    return {{"reviewbench/v1", fromString(fp)}};
}


QString side(const QString &patch, QChar keep)
{
    QStringList out;
    for (const QString &line : patch.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("@@")) || line.startsWith(QLatin1String("+++")) || line.startsWith(QLatin1String("---"))
            || line.startsWith(QLatin1String("diff ")) || line.startsWith(QLatin1String("index ")) || line.startsWith(QLatin1Char('\\')))
            continue;
        if (line.isEmpty()) {
            out << QString(); // a blank context line that lost its leading space
            continue;
        }
        const QChar c = line[0];
        if (c == QLatin1Char(' ') || c == keep)
            out << line.mid(1);
        else if (c != QLatin1Char('+') && c != QLatin1Char('-'))
            out << line; // not a diff line: the replacement code itself
    }
    while (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out.isEmpty() ? QString() : out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString uriOf(const QString &path)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(path, "/"));
}

json physicalLocation(const Location &loc)
{
    json p;
    p["artifactLocation"] = {{"uri", fromString(uriOf(loc.path))}, {"uriBaseId", "SRCROOT"}};
    if (loc.hasLines()) {
        p["region"] = {{"startLine", loc.startLine}};
        if (loc.endLine > loc.startLine)
            p["region"]["endLine"] = loc.endLine;
    }
    return p;
}

json locations(const QList<Location> &locs)
{
    json arr = json::array();
    for (const Location &loc : locs)
        if (!loc.path.isEmpty())
            arr.push_back({{"physicalLocation", physicalLocation(loc)}});
    return arr;
}

json message(const QString &title, const QString &body)
{
    const QString text = body.trimmed().isEmpty() ? title.trimmed() : title.trimmed() + QStringLiteral("\n\n") + body.trimmed();
    return {{"text", fromString(text)}, {"markdown", fromString(text)}};
}

// A SARIF fix needs a region to replace. The agent cites where the fix applies; the
// replacement covers that location, and the patch's old side travels as the region's
// snippet so a consumer can check it before applying. Without a located line range the fix
// is carried only in the result's properties.
json fixes(const QString &prose, const QString &patch, const QList<Location> &locs)
{
    json arr = json::array();
    if (prose.trimmed().isEmpty() && patch.trimmed().isEmpty())
        return arr;
    const auto located = std::find_if(locs.begin(), locs.end(), [](const Location &l) { return l.hasLines(); });
    if (located == locs.end() || patch.trimmed().isEmpty())
        return arr;
    QString description = prose.trimmed();
    const QString md = description + (description.isEmpty() ? QString() : QStringLiteral("\n\n")) + QStringLiteral("```diff\n")
                     + patch + (patch.endsWith(QLatin1Char('\n')) ? QString() : QStringLiteral("\n")) + QStringLiteral("```");
    json region = {{"startLine", located->startLine}, {"endLine", std::max(located->startLine, located->endLine)}};
    const QString oldSide = patchOldSide(patch);
    if (!oldSide.isEmpty())
        region["snippet"] = {{"text", fromString(oldSide)}};
    json fix;
    fix["description"] = {{"text", fromString(description.isEmpty() ? QStringLiteral("Apply the patch.") : description)},
                          {"markdown", fromString(md)}};
    fix["artifactChanges"] = json::array({{{"artifactLocation", {{"uri", fromString(uriOf(located->path))}, {"uriBaseId", "SRCROOT"}}},
                                           {"replacements", json::array({{{"deletedRegion", region},
                                                                          {"insertedContent", {{"text", fromString(patchNewSide(patch))}}}}})}}});
    arr.push_back(fix);
    return arr;
}

json rules()
{
    json arr = json::array();
    const char *ids[][2] = {{"regression", "Introduced by this change"},
                            {"gap", "Missing, pre-existing or not covered"},
                            {"enhancement", "An improvement"},
                            {"unspecified", "No category given"}};
    for (const auto &r : ids)
        arr.push_back({{"id", r[0]}, {"shortDescription", {{"text", r[1]}}}});
    return arr;
}

int ruleIndex(Category c)
{
    switch (c) {
    case Category::Regression: return 0;
    case Category::Gap: return 1;
    case Category::Enhancement: return 2;
    case Category::Unspecified: break;
    }
    return 3;
}

void putFix(json &result, const QString &prose, const QString &patch, const QList<Location> &locs)
{
    const json f = fixes(prose, patch, locs);
    if (!f.empty())
        result["fixes"] = f;
    if (!prose.trimmed().isEmpty())
        result["properties"]["fixProse"] = fromString(prose.trimmed());
    if (!patch.trimmed().isEmpty())
        result["properties"]["fixPatch"] = fromString(patch);
}

// Where an issue's fix applies: the locations of the finding that wrote it in the fix's
// file, else the issue's locations in that file, else the issue's locations.
QList<Location> fixLocations(const Review &review, const Issue &issue, const IssueFix &fix)
{
    const auto inFile = [&](const QList<Location> &locs) {
        QList<Location> out;
        for (const Location &l : locs)
            if (!fix.path.isEmpty() && l.path == fix.path)
                out << l;
        return out;
    };
    if (const RawFinding *f = review.finding(fix.id))
        if (const QList<Location> own = inFile(f->locations); !own.isEmpty())
            return own;
    const QList<Location> own = inFile(issue.locations);
    return own.isEmpty() ? issue.locations : own;
}

// SARIF fixes for the chosen fixes; every fix, chosen or not, in properties.fixes (and the
// first chosen one as properties.fixProse/fixPatch, as before fix lists).
void putIssueFixes(json &result, const Review &review, const Issue &issue)
{
    json sarifFixes = json::array();
    json all = json::array();
    bool first = true;
    for (const IssueFix &f : issue.fixes) {
        all.push_back({{"id", fromString(f.id)}, {"path", fromString(f.path)}, {"chosen", f.chosen},
                       {"prose", fromString(f.prose.trimmed())}, {"patch", fromString(f.patch)}});
        if (!f.chosen)
            continue;
        for (const json &fx : fixes(f.prose, f.patch, fixLocations(review, issue, f)))
            sarifFixes.push_back(fx);
        if (first) {
            if (!f.prose.trimmed().isEmpty())
                result["properties"]["fixProse"] = fromString(f.prose.trimmed());
            if (f.hasPatch())
                result["properties"]["fixPatch"] = fromString(f.patch);
            first = false;
        }
    }
    if (!sarifFixes.empty())
        result["fixes"] = sarifFixes;
    if (!all.empty())
        result["properties"]["fixes"] = all;
}

json agentRun(const Review &review, const AgentRun &a)
{
    json run;
    json driver = {{"name", fromString(a.name.isEmpty() ? a.id : a.name)}, {"rules", rules()}};
    if (!a.model.isEmpty())
        driver["fullName"] = fromString(a.model);
    run["tool"] = {{"driver", driver}};
    run["automationDetails"] = {{"id", fromString(QStringLiteral("reviewbench/agent/") + a.id + QLatin1Char('/'))}};
    json invocation = {{"executionSuccessful", !a.failed()}};
    if (a.exitCode)
        invocation["exitCode"] = *a.exitCode;
    if (a.started.isValid())
        invocation["startTimeUtc"] = jsonio::fromDateTime(a.started.toUTC());
    if (a.finished.isValid())
        invocation["endTimeUtc"] = jsonio::fromDateTime(a.finished.toUTC());
    if (a.failed())
        invocation["toolExecutionNotifications"] = json::array(
            {{{"level", "error"}, {"message", {{"text", fromString(a.failureReason.isEmpty() ? toString(a.status) : a.failureReason)}}}}});
    run["invocations"] = json::array({invocation});
    json results = json::array();
    for (const RawFinding &f : review.findings) {
        if (f.agentId != a.id)
            continue;
        json r;
        r["ruleId"] = fromString(toString(f.category));
        r["ruleIndex"] = ruleIndex(f.category);
        r["level"] = fromString(sarifLevel(f.severity));
        r["message"] = message(f.title, f.body);
        const json locs = locations(f.locations);
        if (!locs.empty())
            r["locations"] = locs;
        r["partialFingerprints"] = fingerprints(f.fingerprint, f.locations, f.codeExcerpts.value(0), f.title);
        r["properties"] = {{"findingId", fromString(f.id)}, {"severity", fromString(toString(f.severity))}};
        if (!f.rawId.isEmpty())
            r["properties"]["rawId"] = fromString(f.rawId);
        putFix(r, f.fixProse, f.fixPatch, f.locations);
        results.push_back(r);
    }
    run["results"] = results;
    run["properties"] = {{"agentId", fromString(a.id)}, {"status", fromString(toString(a.status))}};
    return run;
}

json consolidatedRun(const Review &review)
{
    json run;
    run["tool"] = {{"driver", {{"name", "Reviewbench"}, {"semanticVersion", REVIEWBENCH_VERSION}, {"rules", rules()}}}};
    run["automationDetails"] = {{"id", "reviewbench/consolidated/"}};
    run["invocations"] = json::array({{{"executionSuccessful", true}}});
    json results = json::array();
    for (const Issue &i : review.issues) {
        json r;
        r["ruleId"] = fromString(toString(i.category));
        r["ruleIndex"] = ruleIndex(i.category);
        r["level"] = fromString(sarifLevel(i.severity()));
        QString body = i.body.trimmed();
        const QString note = (i.disagreementNote.trimmed() + QLatin1Char(' ') + i.severityReason.trimmed()).trimmed();
        if (!note.isEmpty())
            body += QStringLiteral("\n\n") + note;
        r["message"] = message(i.title, body);
        const json locs = locations(i.locations);
        if (!locs.empty())
            r["locations"] = locs;
        json props = {{"issueId", fromString(i.id)},
                      {"severity", fromString(toString(i.severity()))},
                      {"proposedSeverity", fromString(toString(i.proposedSeverity))},
                      {"triage", fromString(toString(i.triage))},
                      {"fixState", fromString(toString(i.fixState))},
                      {"members", jsonio::fromStringList(i.members)},
                      {"agents", jsonio::fromStringList(issueAgents(review, i))}};
        const QString number = displayNumber(review, i.id);
        if (!number.isEmpty())
            props["number"] = fromString(number);
        r["properties"] = props;
        r["partialFingerprints"] = fingerprints(i.fingerprint, i.locations, i.codeExcerpt, i.title);
        if (!i.isReported()) {
            r["suppressions"] = json::array(
                {{{"kind", "external"},
                  {"status", "accepted"},
                  {"justification", i.triage == TriageState::FalsePositive ? "false positive" : "rejected in review"}}});
        }
        putIssueFixes(r, review, i);
        results.push_back(r);
    }
    run["results"] = results;
    return run;
}

} // namespace

QString sarifLevel(Severity severity)
{
    switch (severity) {
    case Severity::Critical: return QStringLiteral("error");
    case Severity::Important: return QStringLiteral("warning");
    case Severity::Suggestion: break;
    }
    return QStringLiteral("note");
}

QString patchOldSide(const QString &patch) { return side(patch, QLatin1Char('-')); }
QString patchNewSide(const QString &patch) { return side(patch, QLatin1Char('+')); }

json exportSarif(const Review &review)
{
    json runs = json::array();
    for (const AgentRun &a : review.agents)
        runs.push_back(agentRun(review, a));
    runs.push_back(consolidatedRun(review));
    return {{"$schema", kSarifSchemaUri}, {"version", "2.1.0"}, {"runs", runs}};
}

} // namespace rb::report
