#include "parse/sarif.h"

#include "io/json_fields.h"
#include "parse/json_locate.h"

#include <QUrl>

#include <nlohmann/json.hpp>

namespace rb::parse {

using namespace rb::jsonio;

namespace {

QString messageText(const json &obj, const char *key, const QString &path)
{
    const json *m = find(obj, key);
    if (!m)
        return {};
    requireObject(*m, child(path, key));
    const QString markdown = str(*m, "markdown", child(path, key));
    return markdown.isEmpty() ? str(*m, "text", child(path, key)) : markdown;
}

QString uriToPath(QString uri)
{
    if (uri.startsWith(QLatin1String("file:"))) {
        const QUrl url(uri);
        uri = url.isLocalFile() ? url.toLocalFile() : url.path();
    } else {
        uri = QUrl::fromPercentEncoding(uri.toUtf8());
    }
    if (uri.startsWith(QLatin1String("./")))
        uri = uri.mid(2);
    return uri;
}

QString artifactPath(const json &obj, const QString &path)
{
    const json *a = find(obj, "artifactLocation");
    if (!a)
        return {};
    requireObject(*a, child(path, "artifactLocation"));
    return uriToPath(str(*a, "uri", child(path, "artifactLocation")));
}

int positive(const json &obj, const char *key, const QString &path)
{
    const auto v = optInt(obj, key, path);
    if (v && *v < 1)
        throw FieldError(child(path, key), QStringLiteral("expected a number of 1 or more, found %1").arg(*v));
    return v.value_or(0);
}

struct Rule {
    QString id;
    QString shortDescription;
    QString fullDescription;
    QString helpUri;
    QString defaultLevel;
    const json *properties = nullptr;
};

QList<Rule> readRules(const json &driver, const QString &path)
{
    QList<Rule> rules;
    const json *rs = find(driver, "rules");
    if (!rs)
        return rules;
    const QString rp = child(path, "rules");
    requireArray(*rs, rp);
    for (std::size_t i = 0; i < rs->size(); ++i) {
        const json &r = (*rs)[i];
        const QString p = child(rp, i);
        requireObject(r, p);
        Rule rule;
        rule.id = str(r, "id", p);
        rule.shortDescription = messageText(r, "shortDescription", p);
        rule.fullDescription = messageText(r, "fullDescription", p);
        rule.helpUri = str(r, "helpUri", p);
        if (const json *cfg = find(r, "defaultConfiguration")) {
            requireObject(*cfg, child(p, "defaultConfiguration"));
            rule.defaultLevel = str(*cfg, "level", child(p, "defaultConfiguration"));
        }
        rule.properties = find(r, "properties");
        rules.append(rule);
    }
    return rules;
}

// A "severity"/"category" property naming Reviewbench's own vocabulary, or GitHub's
// numeric "security-severity".
std::optional<Severity> severityFromProperties(const json *props)
{
    if (!props || !props->is_object())
        return std::nullopt;
    for (const char *key : {"reviewbench-severity", "severity"}) {
        const auto it = props->find(key);
        if (it != props->end() && it->is_string())
            if (const auto s = severityFromString(QString::fromStdString(it->get<std::string>())))
                return s;
    }
    const auto it = props->find("security-severity");
    if (it != props->end()) {
        double score = -1;
        if (it->is_number())
            score = it->get<double>();
        else if (it->is_string())
            score = QString::fromStdString(it->get<std::string>()).toDouble();
        if (score >= 9.0)
            return Severity::Critical;
        if (score >= 7.0)
            return Severity::Important;
        if (score >= 0.0)
            return Severity::Suggestion;
    }
    return std::nullopt;
}

Severity severityOfLevel(const QString &level, const QString &path)
{
    if (level.isEmpty() || level == QLatin1String("warning") || level == QLatin1String("note")
        || level == QLatin1String("none"))
        return Severity::Suggestion;
    if (level == QLatin1String("error"))
        return Severity::Important;
    throw FieldError(path, QStringLiteral("unknown value \"%1\"; expected one of error, warning, note, none").arg(level));
}

TextReplacement readReplacement(const json &r, const QString &p)
{
    requireObject(r, p);
    TextReplacement t;
    const json *del = find(r, "deletedRegion");
    if (!del)
        throw FieldError(child(p, "deletedRegion"), QStringLiteral("is required; expected a region"));
    const QString dp = child(p, "deletedRegion");
    requireObject(*del, dp);
    if (const auto off = optInt64(*del, "charOffset", dp)) {
        t.charOffset = *off;
        t.charLength = optInt64(*del, "charLength", dp).value_or(0);
    } else {
        t.startLine = positive(*del, "startLine", dp);
        if (t.startLine == 0)
            throw FieldError(child(dp, "startLine"), QStringLiteral("is required (or charOffset); expected a line number"));
        t.startColumn = positive(*del, "startColumn", dp);
        t.endLine = positive(*del, "endLine", dp);
        t.endColumn = positive(*del, "endColumn", dp);
    }
    if (const json *ins = find(r, "insertedContent")) {
        requireObject(*ins, child(p, "insertedContent"));
        t.inserted = str(*ins, "text", child(p, "insertedContent"));
    }
    return t;
}

struct FixText {
    QString prose;
    QString patch;
};

FixText readFixes(const json &result, const QString &path, const RawReviewSource &source, QList<ParseWarning> &warnings)
{
    FixText out;
    const json *fixes = find(result, "fixes");
    if (!fixes)
        return out;
    const QString fp = child(path, "fixes");
    requireArray(*fixes, fp);
    QStringList prose, patches;
    for (std::size_t i = 0; i < fixes->size(); ++i) {
        const json &fix = (*fixes)[i];
        const QString p = child(fp, i);
        requireObject(fix, p);
        const QString description = messageText(fix, "description", p);
        if (!description.isEmpty())
            prose.append(description);
        const json *changes = find(fix, "artifactChanges");
        if (!changes)
            continue;
        requireArray(*changes, child(p, "artifactChanges"));
        for (std::size_t c = 0; c < changes->size(); ++c) {
            const json &change = (*changes)[c];
            const QString cp = child(child(p, "artifactChanges"), c);
            requireObject(change, cp);
            const QString file = artifactPath(change, cp);
            QList<TextReplacement> replacements;
            if (const json *rs = find(change, "replacements")) {
                requireArray(*rs, child(cp, "replacements"));
                for (std::size_t k = 0; k < rs->size(); ++k)
                    replacements.append(readReplacement((*rs)[k], child(child(cp, "replacements"), k)));
            }
            if (replacements.isEmpty())
                continue;
            std::optional<QString> original;
            if (source.readSource)
                original = source.readSource(file);
            if (original) {
                auto diff = unifiedDiffOfReplacements(file, *original, replacements);
                if (diff) {
                    patches.append(*diff);
                    continue;
                }
                warnings.append(ParseWarning{0, QStringLiteral("%1: %2; kept as a fragment").arg(cp, diff.error().message)});
            }
            patches.append(replacementFragment(file, replacements));
        }
    }
    out.prose = prose.join(QStringLiteral("\n\n"));
    out.patch = patches.join(QString());
    return out;
}

QList<Location> readLocations(const json &result, const QString &path, QStringList &snippets)
{
    QList<Location> out;
    const json *ls = find(result, "locations");
    if (!ls)
        return out;
    const QString lp = child(path, "locations");
    requireArray(*ls, lp);
    for (std::size_t i = 0; i < ls->size(); ++i) {
        const QString p = child(lp, i);
        requireObject((*ls)[i], p);
        const json *phys = find((*ls)[i], "physicalLocation");
        if (!phys)
            continue;
        const QString pp = child(p, "physicalLocation");
        requireObject(*phys, pp);
        Location loc;
        loc.path = artifactPath(*phys, pp);
        if (const json *region = find(*phys, "region")) {
            const QString rp = child(pp, "region");
            requireObject(*region, rp);
            loc.startLine = positive(*region, "startLine", rp);
            loc.endLine = std::max(positive(*region, "endLine", rp), loc.startLine);
            if (const json *snippet = find(*region, "snippet")) {
                requireObject(*snippet, child(rp, "snippet"));
                const QString text = str(*snippet, "text", child(rp, "snippet"));
                if (!text.isEmpty())
                    snippets.append(text);
            }
        }
        if (!loc.path.isEmpty())
            out.append(loc);
    }
    return out;
}

QString firstLine(const QString &text, int max)
{
    QString line = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    if (line.size() > max)
        line = line.left(max - 1) + QChar(0x2026);
    return line;
}

} // namespace

bool looksLikeSarif(const json &doc)
{
    if (!doc.is_object())
        return false;
    const auto runs = doc.find("runs");
    if (runs == doc.end() || !runs->is_array())
        return false;
    const auto version = doc.find("version");
    const auto schema = doc.find("$schema");
    return (version != doc.end() && version->is_string())
        || (schema != doc.end() && schema->is_string()
            && QString::fromStdString(schema->get<std::string>()).contains(QLatin1String("sarif"), Qt::CaseInsensitive));
}

Result<ParsedReview> parseSarif(const json &doc, const QByteArray &text, const RawReviewSource &source)
{
    ParsedReview out;
    out.run.id = source.agentId;
    out.run.name = source.agentName;
    out.run.format = RawFormat::Sarif;
    QStringList toolNames;
    QStringList failures;
    try {
        requireObject(doc, QString());
        const QString version = str(doc, "version", QString());
        if (!version.isEmpty() && version != QLatin1String("2.1.0"))
            throw FieldError(QStringLiteral("version"),
                             QStringLiteral("\"%1\" is not supported; expected \"2.1.0\"").arg(version));
        if (!find(doc, "runs"))
            throw FieldError(QStringLiteral("runs"), QStringLiteral("missing; expected a SARIF 2.1.0 log with a \"runs\" array"));
        const json &runs = *find(doc, "runs");
        requireArray(runs, QStringLiteral("runs"));
        for (std::size_t r = 0; r < runs.size(); ++r) {
            const QString rp = child(QStringLiteral("runs"), r);
            const json &run = runs[r];
            requireObject(run, rp);
            QList<Rule> rules;
            if (const json *tool = find(run, "tool")) {
                requireObject(*tool, child(rp, "tool"));
                if (const json *driver = find(*tool, "driver")) {
                    const QString dp = child(child(rp, "tool"), "driver");
                    requireObject(*driver, dp);
                    const QString name = str(*driver, "name", dp);
                    if (!name.isEmpty() && !toolNames.contains(name))
                        toolNames.append(name);
                    rules = readRules(*driver, dp);
                }
            }
            if (const json *invocations = find(run, "invocations"); invocations && invocations->is_array()) {
                for (const json &inv : *invocations) {
                    const auto ok = inv.is_object() ? inv.find("executionSuccessful") : inv.end();
                    if (inv.is_object() && ok != inv.end() && ok->is_boolean() && !ok->get<bool>())
                        failures.append(QStringLiteral("the tool reported an unsuccessful run"));
                }
            }
            const json *results = find(run, "results");
            if (!results)
                continue;
            const QString resp = child(rp, "results");
            requireArray(*results, resp);
            for (std::size_t i = 0; i < results->size(); ++i) {
                const QString p = child(resp, i);
                const json &res = (*results)[i];
                requireObject(res, p);
                RawFinding f;
                f.agentId = source.agentId;
                f.rawId = str(res, "ruleId", p);
                const Rule *rule = nullptr;
                if (const auto index = optInt(res, "ruleIndex", p); index && *index >= 0 && *index < rules.size())
                    rule = &rules[*index];
                for (const Rule &candidate : rules)
                    if (!rule && !f.rawId.isEmpty() && candidate.id == f.rawId)
                        rule = &candidate;
                if (f.rawId.isEmpty() && rule)
                    f.rawId = rule->id;
                const QString message = messageText(res, "message", p);
                if (message.isEmpty() && !(rule && !rule->shortDescription.isEmpty()))
                    throw FieldError(child(p, "message"), QStringLiteral("is required; expected an object with \"text\""));
                QString level = str(res, "level", p);
                if (level.isEmpty() && rule)
                    level = rule->defaultLevel;
                f.severity = severityOfLevel(level, child(p, "level"));
                if (const auto s = severityFromProperties(find(res, "properties")))
                    f.severity = *s;
                else if (const auto rs = severityFromProperties(rule ? rule->properties : nullptr))
                    f.severity = *rs;
                const QString baseline = str(res, "baselineState", p);
                if (baseline == QLatin1String("new"))
                    f.category = Category::Regression;
                else if (baseline == QLatin1String("unchanged") || baseline == QLatin1String("updated"))
                    f.category = Category::Gap;
                if (const json *props = find(res, "properties"); props && props->is_object())
                    if (const auto c = props->find("category"); c != props->end() && c->is_string())
                        if (const auto cat = categoryFromString(QString::fromStdString(c->get<std::string>())))
                            f.category = *cat;
                f.title = firstLine(message.isEmpty() ? rule->shortDescription : message, 160);
                QStringList body;
                if (!message.isEmpty())
                    body.append(message);
                if (rule && !rule->fullDescription.isEmpty() && rule->fullDescription != message)
                    body.append(rule->fullDescription);
                if (rule && !rule->helpUri.isEmpty())
                    body.append(rule->helpUri);
                f.body = body.join(QStringLiteral("\n\n"));
                f.locations = readLocations(res, p, f.codeExcerpts);
                const FixText fix = readFixes(res, p, source, out.run.parseWarnings);
                f.fixProse = fix.prose;
                f.fixPatch = fix.patch;
                out.findings.append(std::move(f));
            }
            const QList<SourceSpan> spans = jsonElementSpans(text, resp);
            for (qsizetype i = 0; i < spans.size() && i < qsizetype(results->size()); ++i)
                out.findings[out.findings.size() - qsizetype(results->size()) + i].span = spans[i];
        }
    } catch (const FieldError &e) {
        return fieldError(text, source.fileName, QString::fromUtf8(e.what()));
    }
    if (out.run.name.isEmpty())
        out.run.name = toolNames.join(QStringLiteral(", "));
    if (!failures.isEmpty() && out.findings.isEmpty()) {
        out.run.status = RunStatus::Failed;
        out.run.failureReason = failures.first();
    }
    return out;
}

} // namespace rb::parse
