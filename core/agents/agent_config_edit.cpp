#include "agents/agent_config_edit.h"

#include "agents/agent_config.h"

#include <nlohmann/json.hpp>

namespace rb::agents {

namespace {
using ordered = nlohmann::ordered_json;

std::string utf8(const QString &s) { return s.toStdString(); }
} // namespace

Result<QByteArray> editAgentConfig(const QByteArray &existing, const QString &fileName, const QList<AgentEdit> &edits)
{
    const QList<AgentProfile> presets = builtinAgentProfiles();
    const bool fresh = existing.trimmed().isEmpty();
    if (!fresh) {
        // Only a file that reads as a valid configuration is edited (this also rules out
        // what nlohmann would throw on below, such as numbers beyond a double).
        if (auto read = applyAgentConfig(presets, existing, fileName); !read)
            return Error::of(QStringLiteral("%1 (not changed; fix or move it first)").arg(read.error().message));
    }
    ordered doc = fresh ? ordered{{"version", 1}, {"agents", ordered::array()}}
                        : ordered::parse(existing.constData(), existing.constData() + existing.size(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return Error::of(QStringLiteral("%1: cannot be read for editing (not changed)").arg(fileName));
    if (!doc.contains("agents"))
        doc["agents"] = ordered::array();
    ordered &agents = doc["agents"];

    for (const AgentEdit &edit : edits) {
        if (edit.isEmpty())
            continue;
        if (edit.command && (edit.command->isEmpty() || edit.command->first().trimmed().isEmpty()))
            return Error::of(QStringLiteral("%1: agent \"%2\": the command needs a program").arg(fileName, edit.id));
        if (edit.timeoutSeconds && *edit.timeoutSeconds < 1)
            return Error::of(QStringLiteral("%1: agent \"%2\": the timeout must be at least 1 second").arg(fileName, edit.id));
        ordered *entry = nullptr;
        for (ordered &e : agents)
            if (e.is_object() && e.value("id", std::string()) == utf8(edit.id))
                entry = &e;
        if (!entry) {
            agents.push_back(ordered{{"id", utf8(edit.id)}});
            entry = &agents.back();
        }
        if (edit.enabled)
            (*entry)["enabled"] = *edit.enabled;
        if (edit.command) {
            ordered list = ordered::array();
            for (const QString &arg : *edit.command)
                list.push_back(utf8(arg));
            (*entry)["command"] = list;
        }
        if (edit.model)
            (*entry)["model"] = utf8(*edit.model);
        if (edit.timeoutSeconds)
            (*entry)["timeoutSeconds"] = *edit.timeoutSeconds;
    }

    const QByteArray text = QByteArray::fromStdString(doc.dump(2)) + '\n';
    if (auto check = applyAgentConfig(presets, text, fileName); !check)
        return Error::of(QStringLiteral("the change would make an invalid configuration: %1").arg(check.error().message));
    return text;
}

} // namespace rb::agents
