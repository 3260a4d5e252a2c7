#include "io/review_json.h"


#include "io/json_fields.h"

#include <QHash>

namespace rb {

using namespace rb::jsonio;

namespace {

// ---- writing ----------------------------------------------------------------------------

json locationToJson(const Location &l)
{
    json j{{"path", fromString(l.path)}};
    if (l.hasLines()) {
        j["startLine"] = l.startLine;
        j["endLine"] = l.endLine;
    }
    if (l.movedFrom > 0)
        j["movedFrom"] = l.movedFrom;
    if (l.stale)
        j["stale"] = true;
    return j;
}

json locationsToJson(const QList<Location> &ls)
{
    json a = json::array();
    for (const Location &l : ls)
        a.push_back(locationToJson(l));
    return a;
}

json spanToJson(const SourceSpan &s)
{
    return json{{"startLine", s.startLine}, {"endLine", s.endLine}, {"begin", s.begin}, {"end", s.end}};
}

json metadataToJson(const ReviewMetadata &m)
{
    json commits = json::array();
    for (const CommitInfo &c : m.commits)
        commits.push_back({{"sha", fromString(c.sha)}, {"subject", fromString(c.subject)},
                           {"author", fromString(c.author)}, {"date", fromDateTime(c.date)}});
    json pr{{"title", fromString(m.pullRequest.title)}, {"author", fromString(m.pullRequest.author)},
            {"branch", fromString(m.pullRequest.branch)}};
    putOptional(pr, "number", m.pullRequest.number);
    json j{{"title", fromString(m.title)},         {"repository", fromString(m.repository)},
           {"base", fromString(m.base)},           {"head", fromString(m.head)},
           {"mergeBase", fromString(m.mergeBase)}, {"headSha", fromString(m.headSha)},
           {"workingTree", m.workingTree},         {"commits", commits},
           {"pullRequest", pr},                    {"date", fromDateTime(m.date)},
           {"round", m.round}};
    putOptional(j, "wallClockSeconds", m.wallClockSeconds);
    return j;
}

json agentToJson(const AgentRun &a)
{
    json warnings = json::array();
    for (const ParseWarning &w : a.parseWarnings)
        warnings.push_back({{"line", w.line}, {"message", fromString(w.message)}});
    json j{{"id", fromString(a.id)},
           {"name", fromString(a.name)},
           {"model", fromString(a.model)},
           {"command", fromStringList(a.command)},
           {"started", fromDateTime(a.started)},
           {"finished", fromDateTime(a.finished)},
           {"status", fromString(toString(a.status))},
           {"failureReason", fromString(a.failureReason)},
           {"format", fromString(toString(a.format))},
           {"rawOutput", fromString(a.rawOutput)},
           {"parseWarnings", warnings},
           {"verdict", fromString(a.verdict)},
           {"executiveSummary", fromString(a.executiveSummary)},
           {"testingAssessment", fromString(a.testingAssessment)},
           {"documentationAssessment", fromString(a.documentationAssessment)},
           {"commitStructure", fromString(a.commitStructure)},
           {"unclassified", fromStringList(a.unclassified)}};
    putOptional(j, "durationSeconds", a.durationSeconds);
    putOptional(j, "exitCode", a.exitCode);
    putOptional(j, "inputTokens", a.inputTokens);
    putOptional(j, "outputTokens", a.outputTokens);
    putOptional(j, "costUsd", a.costUsd);
    putOptional(j, "toolCalls", a.toolCalls);
    putOptional(j, "filesReviewed", a.filesReviewed);
    return j;
}

json findingToJson(const RawFinding &f)
{
    json j{{"id", fromString(f.id)},
                {"agent", fromString(f.agentId)},
                {"rawId", fromString(f.rawId)},
                {"severity", fromString(toString(f.severity))},
                {"category", fromString(toString(f.category))},
                {"title", fromString(f.title)},
                {"locations", locationsToJson(f.locations)},
                {"body", fromString(f.body)},
                {"codeExcerpts", fromStringList(f.codeExcerpts)},
                {"fixProse", fromString(f.fixProse)},
                {"fixPatch", fromString(f.fixPatch)},
                {"span", spanToJson(f.span)}};
    if (!f.fingerprint.isEmpty())
        j["fingerprint"] = fromString(f.fingerprint);
    return j;
}

json observationToJson(const RawObservation &o)
{
    return json{{"id", fromString(o.id)},       {"agent", fromString(o.agentId)},
                {"kind", fromString(toString(o.kind))}, {"scope", fromString(toString(o.scope))},
                {"title", fromString(o.title)}, {"body", fromString(o.body)},
                {"span", spanToJson(o.span)}};
}

json issueToJson(const Issue &i)
{
    json evidence = json::array();
    for (const GroupingEvidence &e : i.evidence)
        evidence.push_back({{"findingA", fromString(e.findingA)}, {"findingB", fromString(e.findingB)},
                            {"kind", fromString(e.kind)}, {"score", e.score}, {"detail", fromString(e.detail)}});
    json records = json::array();
    for (const FixRecord &r : i.fixRecords)
        records.push_back({{"path", fromString(r.path)}, {"contentHashBefore", fromString(r.contentHashBefore)},
                           {"contentHashAfter", fromString(r.contentHashAfter)},
                           {"message", fromString(r.message)}, {"when", fromDateTime(r.when)},
                           {"appliedDiff", fromString(r.appliedDiff)}, {"created", r.created},
                           {"fix", fromString(r.fixId)}});
    json fixes = json::array();
    for (const IssueFix &f : i.fixes)
        fixes.push_back({{"id", fromString(f.id)}, {"path", fromString(f.path)}, {"prose", fromString(f.prose)},
                         {"patch", fromString(f.patch)}, {"chosen", f.chosen}});
    json combined = json::array();
    for (const CombinedIssue &c : i.combined) {
        json cj{{"id", fromString(c.id)},       {"title", fromString(c.title)},
                {"body", fromString(c.body)},   {"codeExcerpt", fromString(c.codeExcerpt)},
                {"notes", fromString(c.notes)}, {"severityReason", fromString(c.severityReason)},
                {"triage", fromString(toString(c.triage))}, {"members", fromStringList(c.members)}};
        if (c.finalSeverity)
            cj["finalSeverity"] = toString(*c.finalSeverity).toStdString();
        combined.push_back(cj);
    }
    json j{{"id", fromString(i.id)},
           {"title", fromString(i.title)},
           {"body", fromString(i.body)},
           {"locations", locationsToJson(i.locations)},
           {"members", fromStringList(i.members)},
           {"evidence", evidence},
           {"proposedSeverity", fromString(toString(i.proposedSeverity))},
           {"severityReason", fromString(i.severityReason)},
           {"disagreementNote", fromString(i.disagreementNote)},
           {"category", fromString(toString(i.category))},
           {"triage", fromString(toString(i.triage))},
           {"fixState", fromString(toString(i.fixState))},
           {"codeExcerpt", fromString(i.codeExcerpt)},
           {"fixes", fixes},
           {"combined", combined},
           {"fixRecords", records},
           {"notes", fromString(i.notes)}};
    if (i.finalSeverity)
        j["finalSeverity"] = toString(*i.finalSeverity).toStdString();
    if (!i.fingerprint.isEmpty())
        j["fingerprint"] = fromString(i.fingerprint);
    return j;
}

json designToJson(const DesignObservation &d)
{
    return json{{"id", fromString(d.id)},       {"kind", fromString(toString(d.kind))},
                {"scope", fromString(toString(d.scope))}, {"title", fromString(d.title)},
                {"body", fromString(d.body)},   {"members", fromStringList(d.members)},
                {"rejected", d.rejected}};
}

template <typename T, typename F>
json arrayOf(const QList<T> &list, F convert)
{
    json a = json::array();
    for (const T &item : list)
        a.push_back(convert(item));
    return a;
}

// ---- reading ----------------------------------------------------------------------------

constexpr const char *kSeverities = "critical, important, suggestion";

template <typename T, typename F>
QList<T> readArray(const json &obj, const char *key, const QString &path, F read)
{
    QList<T> out;
    const json *a = find(obj, key);
    if (!a)
        return out;
    const QString p = child(path, key);
    requireArray(*a, p);
    for (std::size_t i = 0; i < a->size(); ++i)
        out << read(requireObject((*a)[i], child(p, i)), child(p, i));
    return out;
}

Location readLocation(const json &j, const QString &p)
{
    Location l;
    l.path = requiredStr(j, "path", p);
    l.startLine = integer(j, "startLine", p, 0);
    l.endLine = integer(j, "endLine", p, l.startLine);
    if (l.startLine < 0 || l.endLine < l.startLine)
        throw FieldError(p, QStringLiteral("line range %1-%2 is not valid").arg(l.startLine).arg(l.endLine));
    l.movedFrom = integer(j, "movedFrom", p, 0);
    if (l.movedFrom < 0)
        throw FieldError(p + QStringLiteral(".movedFrom"), QStringLiteral("must be a line number"));
    l.stale = boolean(j, "stale", p, false);
    return l;
}

SourceSpan readSpan(const json &obj, const char *key, const QString &path)
{
    SourceSpan s;
    const json *j = find(obj, key);
    if (!j)
        return s;
    const QString p = child(path, key);
    requireObject(*j, p);
    s.startLine = integer(*j, "startLine", p, 0);
    s.endLine = integer(*j, "endLine", p, 0);
    s.begin = optInt64(*j, "begin", p).value_or(0);
    s.end = optInt64(*j, "end", p).value_or(0);
    return s;
}

ReviewMetadata readMetadata(const json &j, const QString &p)
{
    ReviewMetadata m;
    m.title = str(j, "title", p);
    m.repository = str(j, "repository", p);
    m.base = str(j, "base", p);
    m.head = str(j, "head", p);
    m.mergeBase = str(j, "mergeBase", p);
    m.headSha = str(j, "headSha", p);
    m.workingTree = boolean(j, "workingTree", p, false);
    m.commits = readArray<CommitInfo>(j, "commits", p, [](const json &c, const QString &cp) {
        return CommitInfo{requiredStr(c, "sha", cp), str(c, "subject", cp), str(c, "author", cp),
                          dateTime(c, "date", cp)};
    });
    if (const json *pr = find(j, "pullRequest")) {
        const QString pp = child(p, "pullRequest");
        requireObject(*pr, pp);
        m.pullRequest.number = optInt(*pr, "number", pp);
        m.pullRequest.title = str(*pr, "title", pp);
        m.pullRequest.author = str(*pr, "author", pp);
        m.pullRequest.branch = str(*pr, "branch", pp);
    }
    m.date = dateTime(j, "date", p);
    m.round = integer(j, "round", p, 1);
    m.wallClockSeconds = optNumber(j, "wallClockSeconds", p);
    return m;
}

AgentRun readAgent(const json &j, const QString &p)
{
    AgentRun a;
    a.id = requiredStr(j, "id", p);
    a.name = str(j, "name", p, a.id);
    a.model = str(j, "model", p);
    a.command = strList(j, "command", p);
    a.started = dateTime(j, "started", p);
    a.finished = dateTime(j, "finished", p);
    a.durationSeconds = optNumber(j, "durationSeconds", p);
    a.exitCode = optInt(j, "exitCode", p);
    a.status = enumValue(j, "status", p, RunStatus::Imported, runStatusFromString,
                         "succeeded, failed, timed-out, cancelled, not-installed, imported");
    a.failureReason = str(j, "failureReason", p);
    a.inputTokens = optInt64(j, "inputTokens", p);
    a.outputTokens = optInt64(j, "outputTokens", p);
    a.costUsd = optNumber(j, "costUsd", p);
    a.toolCalls = optInt(j, "toolCalls", p);
    a.filesReviewed = optInt(j, "filesReviewed", p);
    a.format = enumValue(j, "format", p, RawFormat::Markdown, rawFormatFromString, "markdown, json, sarif");
    a.rawOutput = str(j, "rawOutput", p);
    a.parseWarnings = readArray<ParseWarning>(j, "parseWarnings", p, [](const json &w, const QString &wp) {
        return ParseWarning{integer(w, "line", wp, 0), str(w, "message", wp)};
    });
    a.verdict = str(j, "verdict", p);
    a.executiveSummary = str(j, "executiveSummary", p);
    a.testingAssessment = str(j, "testingAssessment", p);
    a.documentationAssessment = str(j, "documentationAssessment", p);
    a.commitStructure = str(j, "commitStructure", p);
    a.unclassified = strList(j, "unclassified", p);
    return a;
}

RawFinding readFinding(const json &j, const QString &p)
{
    RawFinding f;
    f.id = requiredStr(j, "id", p);
    f.agentId = requiredStr(j, "agent", p);
    f.rawId = str(j, "rawId", p);
    f.severity = enumValue(j, "severity", p, Severity::Suggestion, severityFromString, kSeverities);
    f.category = enumValue(j, "category", p, Category::Unspecified, categoryFromString,
                           "unspecified, regression, gap, enhancement");
    f.title = str(j, "title", p);
    f.locations = readArray<Location>(j, "locations", p, readLocation);
    f.body = str(j, "body", p);
    f.codeExcerpts = strList(j, "codeExcerpts", p);
    f.fixProse = str(j, "fixProse", p);
    f.fixPatch = str(j, "fixPatch", p);
    f.span = readSpan(j, "span", p);
    f.fingerprint = str(j, "fingerprint", p);
    return f;
}

RawObservation readObservation(const json &j, const QString &p)
{
    RawObservation o;
    o.id = requiredStr(j, "id", p);
    o.agentId = requiredStr(j, "agent", p);
    o.kind = enumValue(j, "kind", p, ObservationKind::Concern, observationKindFromString, "concern, strength");
    o.scope = enumValue(j, "scope", p, ObservationScope::Unspecified, observationScopeFromString,
                        "unspecified, in-scope, future");
    o.title = str(j, "title", p);
    o.body = str(j, "body", p);
    o.span = readSpan(j, "span", p);
    return o;
}

Issue readIssue(const json &j, const QString &p)
{
    Issue i;
    i.id = requiredStr(j, "id", p);
    i.title = str(j, "title", p);
    i.body = str(j, "body", p);
    i.locations = readArray<Location>(j, "locations", p, readLocation);
    i.members = strList(j, "members", p);
    i.evidence = readArray<GroupingEvidence>(j, "evidence", p, [](const json &e, const QString &ep) {
        return GroupingEvidence{str(e, "findingA", ep), str(e, "findingB", ep), str(e, "kind", ep),
                                number(e, "score", ep, 0.0), str(e, "detail", ep)};
    });
    i.proposedSeverity = enumValue(j, "proposedSeverity", p, Severity::Suggestion, severityFromString, kSeverities);
    if (!str(j, "finalSeverity", p).isEmpty())
        i.finalSeverity = enumValue(j, "finalSeverity", p, Severity::Suggestion, severityFromString, kSeverities);
    i.severityReason = str(j, "severityReason", p);
    i.disagreementNote = str(j, "disagreementNote", p);
    i.category = enumValue(j, "category", p, Category::Unspecified, categoryFromString,
                           "unspecified, regression, gap, enhancement");
    i.triage = enumValue(j, "triage", p, TriageState::Open, triageStateFromString,
                         "open, accepted, rejected, false-positive");
    i.fixState = enumValue(j, "fixState", p, FixState::NotApplied, fixStateFromString,
                           "not-applied, applied, failed, reverted");
    i.codeExcerpt = str(j, "codeExcerpt", p);
    i.fixes = readArray<IssueFix>(j, "fixes", p, [](const json &f, const QString &fp) {
        return IssueFix{requiredStr(f, "id", fp), str(f, "path", fp), str(f, "prose", fp), str(f, "patch", fp),
                        boolean(f, "chosen", fp, false)};
    });
    for (qsizetype a = 0; a < i.fixes.size(); ++a)
        for (qsizetype b = 0; b < a; ++b)
            if (i.fixes[a].id == i.fixes[b].id)
                throw FieldError(QStringLiteral("%1[%2].id").arg(child(p, "fixes")).arg(a),
                                 QStringLiteral("\"%1\" is already the id of fixes[%2]").arg(i.fixes[a].id).arg(b));
    // Version 1 had one fix per issue; it becomes the issue's one chosen fix (its id is
    // settled by legacyFixIds() once the findings are known).
    const QString oldProse = str(j, "fixProse", p);
    const QString oldPatch = str(j, "fixPatch", p);
    if (i.fixes.isEmpty() && (!oldProse.trimmed().isEmpty() || !oldPatch.trimmed().isEmpty()))
        i.fixes << IssueFix{QString(), i.locations.value(0).path, oldProse, oldPatch, true};
    i.combined = readArray<CombinedIssue>(j, "combined", p, [](const json &c, const QString &cp) {
        CombinedIssue ci;
        ci.id = str(c, "id", cp);
        ci.title = str(c, "title", cp);
        ci.body = str(c, "body", cp);
        ci.codeExcerpt = str(c, "codeExcerpt", cp);
        ci.notes = str(c, "notes", cp);
        ci.severityReason = str(c, "severityReason", cp);
        if (!str(c, "finalSeverity", cp).isEmpty())
            ci.finalSeverity = enumValue(c, "finalSeverity", cp, Severity::Suggestion, severityFromString, kSeverities);
        ci.triage = enumValue(c, "triage", cp, TriageState::Open, triageStateFromString,
                              "open, accepted, rejected, false-positive");
        ci.members = strList(c, "members", cp);
        return ci;
    });
    i.fixRecords = readArray<FixRecord>(j, "fixRecords", p, [](const json &r, const QString &rp) {
        return FixRecord{str(r, "path", rp), str(r, "contentHashBefore", rp), str(r, "contentHashAfter", rp),
                         str(r, "message", rp), dateTime(r, "when", rp), str(r, "appliedDiff", rp),
                         boolean(r, "created", rp, false), str(r, "fix", rp)};
    });
    i.notes = str(j, "notes", p);
    i.fingerprint = str(j, "fingerprint", p);
    return i;
}

DesignObservation readDesign(const json &j, const QString &p)
{
    DesignObservation d;
    d.id = requiredStr(j, "id", p);
    d.kind = enumValue(j, "kind", p, ObservationKind::Concern, observationKindFromString, "concern, strength");
    d.scope = enumValue(j, "scope", p, ObservationScope::Unspecified, observationScopeFromString,
                        "unspecified, in-scope, future");
    d.title = str(j, "title", p);
    d.body = str(j, "body", p);
    d.members = strList(j, "members", p);
    d.rejected = boolean(j, "rejected", p, false);
    return d;
}

// A version 1 fix is named after the member that wrote it (the one whose patch or prose it
// is), else after the issue's first member.
void legacyFixIds(Review &r)
{
    for (Issue &issue : r.issues) {
        for (IssueFix &fix : issue.fixes) {
            if (!fix.id.isEmpty())
                continue;
            QString id;
            for (const QString &m : issue.members) {
                const RawFinding *f = r.finding(m);
                if (f && ((fix.hasPatch() && f->fixPatch == fix.patch) || (!fix.hasPatch() && f->fixProse == fix.prose))) {
                    id = m;
                    break;
                }
            }
            fix.id = id.isEmpty() ? issue.members.value(0, QStringLiteral("fix-1")) : id;
            for (FixRecord &rec : issue.fixRecords)
                if (rec.fixId.isEmpty())
                    rec.fixId = fix.id;
        }
    }
}

// References between parts of the file must resolve, or the workbench would show ghosts.
// Ids are keys: each must be unique in its list (docs/review-file.md). Returns id → index.
template <typename List>
QHash<QString, qsizetype> uniqueIds(const List &list, const char *field)
{
    QHash<QString, qsizetype> index;
    index.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (const auto it = index.constFind(list[i].id); it != index.cend())
            throw FieldError(QStringLiteral("%1[%2].id").arg(QLatin1String(field)).arg(i),
                             QStringLiteral("\"%1\" is also the id of %2[%3]; ids must be unique")
                                 .arg(bounded(list[i].id), QLatin1String(field))
                                 .arg(it.value()));
        index.insert(list[i].id, i);
    }
    return index;
}

void checkReferences(const Review &r)
{
    const auto agents = uniqueIds(r.agents, "agents");
    const auto findings = uniqueIds(r.findings, "findings");
    const auto observations = uniqueIds(r.observations, "observations");
    uniqueIds(r.issues, "issues");
    for (qsizetype i = 0; i < r.findings.size(); ++i)
        if (!agents.contains(r.findings[i].agentId))
            throw FieldError(QStringLiteral("findings[%1].agent").arg(i),
                             QStringLiteral("names agent \"%1\", which is not in \"agents\"").arg(bounded(r.findings[i].agentId)));
    for (qsizetype i = 0; i < r.observations.size(); ++i)
        if (!agents.contains(r.observations[i].agentId))
            throw FieldError(QStringLiteral("observations[%1].agent").arg(i),
                             QStringLiteral("names agent \"%1\", which is not in \"agents\"").arg(bounded(r.observations[i].agentId)));
    for (qsizetype i = 0; i < r.issues.size(); ++i)
        for (qsizetype m = 0; m < r.issues[i].members.size(); ++m)
            if (!findings.contains(r.issues[i].members[m]))
                throw FieldError(QStringLiteral("issues[%1].members[%2]").arg(i).arg(m),
                                 QStringLiteral("names finding \"%1\", which is not in \"findings\"").arg(bounded(r.issues[i].members[m])));
    for (qsizetype i = 0; i < r.designObservations.size(); ++i)
        for (qsizetype m = 0; m < r.designObservations[i].members.size(); ++m)
            if (!observations.contains(r.designObservations[i].members[m]))
                throw FieldError(QStringLiteral("designObservations[%1].members[%2]").arg(i).arg(m),
                                 QStringLiteral("names observation \"%1\", which is not in \"observations\"")
                                     .arg(bounded(r.designObservations[i].members[m])));
}

} // namespace

nlohmann::json reviewToJson(const Review &r)
{
    json retro = json::array();
    for (const RetroNote &n : r.retroNotes)
        retro.push_back({{"agent", fromString(n.agentId)}, {"text", fromString(n.text)}});
    return json{{kReviewFormatKey, kReviewFormat},
                {"schemaVersion", Review::kSchemaVersion},
                {"metadata", metadataToJson(r.metadata)},
                {"agents", arrayOf(r.agents, agentToJson)},
                {"findings", arrayOf(r.findings, findingToJson)},
                {"observations", arrayOf(r.observations, observationToJson)},
                {"issues", arrayOf(r.issues, issueToJson)},
                {"designObservations", arrayOf(r.designObservations, designToJson)},
                {"verdict", {{"kind", fromString(toString(r.verdict.kind))}, {"reason", fromString(r.verdict.reason)}}},
                {"executiveSummary", fromString(r.executiveSummary)},
                {"testingAssessment", fromString(r.testingAssessment)},
                {"documentationAssessment", fromString(r.documentationAssessment)},
                {"commitStructure", fromString(r.commitStructure)},
                {"retroNotes", retro},
                {"retroSummary", fromString(r.retroSummary)}};
}

Result<Review> reviewFromJson(const nlohmann::json &doc)
{
    try {
        requireObject(doc, {});
        if (const json *format = find(doc, kReviewFormatKey); format && *format != kReviewFormat)
            return Error::of(QStringLiteral("format: %1 is not a Reviewbench review (expected \"%2\")")
                                 .arg(QString::fromStdString(format->dump()), QLatin1String(kReviewFormat)));
        const json *version = find(doc, "schemaVersion");
        if (!version)
            return Error::of(QStringLiteral("schemaVersion: missing; this is not a Reviewbench review file"));
        if (!version->is_number_integer())
            return Error::of(QStringLiteral("schemaVersion: expected an integer, found %1").arg(typeName(*version)));
        const auto v = version->get<qint64>();
        if (v > Review::kSchemaVersion)
            return Error::of(QStringLiteral("schemaVersion: the file has version %1, written by a newer Reviewbench; "
                                            "this version reads up to %2")
                                 .arg(v)
                                 .arg(Review::kSchemaVersion));
        if (v < 1)
            return Error::of(QStringLiteral("schemaVersion: %1 is not a valid version").arg(v));

        Review r;
        if (const json *m = find(doc, "metadata"))
            r.metadata = readMetadata(requireObject(*m, QStringLiteral("metadata")), QStringLiteral("metadata"));
        r.agents = readArray<AgentRun>(doc, "agents", {}, readAgent);
        r.findings = readArray<RawFinding>(doc, "findings", {}, readFinding);
        r.observations = readArray<RawObservation>(doc, "observations", {}, readObservation);
        r.issues = readArray<Issue>(doc, "issues", {}, readIssue);
        r.designObservations = readArray<DesignObservation>(doc, "designObservations", {}, readDesign);
        if (const json *verdict = find(doc, "verdict")) {
            requireObject(*verdict, QStringLiteral("verdict"));
            r.verdict.kind = enumValue(*verdict, "kind", QStringLiteral("verdict"), VerdictKind::Unset,
                                       verdictKindFromString, "unset, merge-as-is, merge-with-fixes, rework");
            r.verdict.reason = str(*verdict, "reason", QStringLiteral("verdict"));
        }
        r.executiveSummary = str(doc, "executiveSummary", {});
        r.testingAssessment = str(doc, "testingAssessment", {});
        r.documentationAssessment = str(doc, "documentationAssessment", {});
        r.commitStructure = str(doc, "commitStructure", {});
        r.retroNotes = readArray<RetroNote>(doc, "retroNotes", {}, [](const json &n, const QString &np) {
            return RetroNote{requiredStr(n, "agent", np), str(n, "text", np)};
        });
        r.retroSummary = str(doc, "retroSummary", {});
        checkReferences(r);
        legacyFixIds(r);
        return r;
    } catch (const FieldError &e) {
        return Error::of(QString::fromStdString(e.what()));
    } catch (const nlohmann::json::exception &e) {
        return Error::of(QString::fromStdString(e.what()));
    }
}

} // namespace rb
