#pragma once
// The agent configuration: built-in presets (compiled into the binary) overlaid with the
// user's agents.json. Format documented in docs/agents.md, schema in
// resources/agents/agents.schema.json.

#include "agents/agent_profile.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace rb::agents {

// The presets shipped in the binary: claude, codex, gemini, custom.
QList<AgentProfile> builtinAgentProfiles();

// $XDG_CONFIG_HOME/reviewbench/agents.json (~/.config/... when the variable is unset).
QString defaultAgentConfigPath();

// Applies a configuration file's text on top of base: an entry whose id is already in base
// changes only the fields it gives; a new id adds a profile (its "command" is required).
// Errors name the file and either the line and column of a syntax error or the field.
Result<QList<AgentProfile>> applyAgentConfig(const QList<AgentProfile> &base, const QByteArray &text,
                                             const QString &fileName);

// Presets overlaid with the file at path. A missing file is an error only when required
// (the user named it with --config).
Result<QList<AgentProfile>> loadAgentProfiles(const QString &path, bool required);

// Profiles for the given ids (in that order), or the enabled ones when ids is empty.
// An unknown id is an error that lists the known ones; so is a selected profile without a
// command.
Result<QList<AgentProfile>> selectAgentProfiles(const QList<AgentProfile> &all, const QStringList &ids);

} // namespace rb::agents
