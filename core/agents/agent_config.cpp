#include "agents/agent_config.h"

#include "io/json_fields.h"
#include "io/json_text.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace rb::agents {

namespace {
using namespace rb::jsonio;

const char *const kKnownKeys[] = {"id", "name", "model", "command", "prompt", "output", "reviewFormat",
                                  "timeoutSeconds", "enabled", "environment"};

void checkKeys(const json &entry, const QString &path)
{
    for (auto it = entry.begin(); it != entry.end(); ++it) {
        bool known = false;
        for (const char *k : kKnownKeys)
            known = known || it.key() == k;
        if (!known)
            throw FieldError(child(path, it.key().c_str()),
                             QStringLiteral("unknown field; expected one of id, name, model, command, prompt, output, "
                                            "reviewFormat, timeoutSeconds, enabled, environment"));
    }
}

// Overwrites the fields entry gives; leaves the others as they are in profile.
void applyEntry(AgentProfile &profile, const json &entry, const QString &path)
{
    checkKeys(entry, path);
    if (find(entry, "name"))
        profile.name = requiredStr(entry, "name", path);
    if (find(entry, "model"))
        profile.model = str(entry, "model", path);
    if (find(entry, "command")) {
        profile.command = strList(entry, "command", path);
        if (!profile.command.isEmpty() && profile.command.first().isEmpty())
            throw FieldError(child(child(path, "command"), std::size_t(0)), QStringLiteral("the program must not be empty"));
    }
    profile.prompt = enumValue(entry, "prompt", path, PromptDelivery(profile.prompt), promptDeliveryFromString, "stdin, file");
    profile.output = enumValue(entry, "output", path, OutputEnvelope(profile.output), outputEnvelopeFromString,
                               "text, claude-json, codex-jsonl, gemini-json, claude-stream-json, gemini-stream-json");
    profile.reviewFormat = enumValue(entry, "reviewFormat", path, ReviewFormat(profile.reviewFormat), reviewFormatFromString,
                                     "markdown, findings-json");
    if (find(entry, "timeoutSeconds")) {
        const int t = integer(entry, "timeoutSeconds", path, profile.timeoutSeconds);
        if (t <= 0)
            throw FieldError(child(path, "timeoutSeconds"), QStringLiteral("must be a positive number of seconds"));
        profile.timeoutSeconds = t;
    }
    profile.enabled = boolean(entry, "enabled", path, profile.enabled);
    if (const json *env = find(entry, "environment")) {
        const QString envPath = child(path, "environment");
        requireObject(*env, envPath);
        profile.environment.clear();
        for (auto it = env->begin(); it != env->end(); ++it)
            profile.environment.insert(QString::fromStdString(it.key()), str(*env, it.key().c_str(), envPath));
    }
}

bool validId(const QString &id)
{
    if (id.isEmpty())
        return false;
    for (const QChar c : id) {
        const char l = c.toLatin1();
        const bool ok = c.unicode() < 128
            && ((l >= 'a' && l <= 'z') || (l >= 'A' && l <= 'Z') || (l >= '0' && l <= '9') || l == '-' || l == '_' || l == '.');
        if (!ok)
            return false;
    }
    return true;
}

QList<AgentProfile> applyDocument(const QList<AgentProfile> &base, const json &doc)
{
    QList<AgentProfile> profiles = base;
    requireObject(doc, {});
    const int version = integer(doc, "version", {}, 1);
    if (version != 1)
        throw FieldError(QStringLiteral("version"), QStringLiteral("unsupported version %1; expected 1").arg(version));
    const json *agents = find(doc, "agents");
    if (!agents)
        return profiles;
    requireArray(*agents, QStringLiteral("agents"));
    for (std::size_t i = 0; i < agents->size(); ++i) {
        const QString path = child(QStringLiteral("agents"), i);
        const json &entry = requireObject((*agents)[i], path);
        const QString id = requiredStr(entry, "id", path);
        if (!validId(id))
            throw FieldError(child(path, "id"),
                             QStringLiteral("\"%1\" is not a valid id; use ASCII letters, digits, '-', '_' and '.'").arg(id));
        auto it = std::find_if(profiles.begin(), profiles.end(), [&](const AgentProfile &p) { return p.id == id; });
        if (it != profiles.end()) {
            applyEntry(*it, entry, path);
            continue;
        }
        AgentProfile profile;
        profile.id = id;
        profile.name = id;
        if (!find(entry, "command"))
            throw FieldError(child(path, "command"), QStringLiteral("is required for a new agent"));
        applyEntry(profile, entry, path);
        profiles << profile;
    }
    return profiles;
}
} // namespace

Result<QList<AgentProfile>> applyAgentConfig(const QList<AgentProfile> &base, const QByteArray &text,
                                             const QString &fileName)
{
    const jsonio::JsonParse doc = jsonio::parseJson(text);
    if (const auto &e = doc.error)
        return Error::of(QStringLiteral("%1:%2:%3: not valid JSON: %4").arg(fileName).arg(e->line).arg(e->column).arg(e->what()));
    try {
        return applyDocument(base, doc.value);
    } catch (const FieldError &e) {
        return Error::of(QStringLiteral("%1: %2").arg(fileName, QString::fromStdString(e.what())));
    } catch (const json::exception &e) {
        return Error::of(QStringLiteral("%1: %2").arg(fileName, QString::fromStdString(e.what())));
    }
}

QList<AgentProfile> builtinAgentProfiles()
{
    QFile file(QStringLiteral(":/reviewbench/agents/presets.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("The built-in agent presets are missing from the binary");
    auto profiles = applyAgentConfig({}, file.readAll(), file.fileName());
    if (!profiles)
        qFatal("The built-in agent presets are invalid: %s", qPrintable(profiles.error().message));
    return *profiles;
}

QString defaultAgentConfigPath()
{
    QString base = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (base.isEmpty() || QDir::isRelativePath(base))
        base = QDir::homePath() + QStringLiteral("/.config");
    return base + QStringLiteral("/reviewbench/agents.json");
}

Result<QList<AgentProfile>> loadAgentProfiles(const QString &path, bool required)
{
    const QList<AgentProfile> presets = builtinAgentProfiles();
    QFile file(path);
    if (!file.exists()) {
        if (required)
            return Error::of(QStringLiteral("%1: no such file").arg(path));
        return presets;
    }
    if (!file.open(QIODevice::ReadOnly))
        return Error::of(QStringLiteral("%1: cannot open: %2").arg(path, file.errorString()));
    return applyAgentConfig(presets, file.readAll(), path);
}

Result<QList<AgentProfile>> selectAgentProfiles(const QList<AgentProfile> &all, const QStringList &ids)
{
    QList<AgentProfile> selected;
    if (ids.isEmpty()) {
        for (const AgentProfile &p : all)
            if (p.enabled)
                selected << p;
        if (selected.isEmpty())
            return Error::of(QStringLiteral("no agent is enabled; name one with --agent or enable one in the configuration"));
    }
    QStringList known;
    for (const AgentProfile &p : all)
        known << p.id;
    for (const QString &id : ids) {
        const auto it = std::find_if(all.begin(), all.end(), [&](const AgentProfile &p) { return p.id == id; });
        if (it == all.end())
            return Error::of(QStringLiteral("unknown agent \"%1\"; known agents: %2").arg(id, known.join(QStringLiteral(", "))));
        if (std::any_of(selected.begin(), selected.end(), [&](const AgentProfile &p) { return p.id == id; }))
            return Error::of(QStringLiteral("agent \"%1\" is named twice").arg(id));
        selected << *it;
    }
    for (const AgentProfile &p : selected)
        if (p.command.isEmpty())
            return Error::of(QStringLiteral("agent \"%1\" has no command; set \"command\" for it in the agent configuration")
                                 .arg(p.id));
    return selected;
}

} // namespace rb::agents
