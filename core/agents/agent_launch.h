#pragma once
// One agent run, fully prepared: the resolved program, the final argument list and the
// prompt. Built from a profile by prepareLaunch(); consumed by AgentProcess.

#include "agents/agent_profile.h"
#include "agents/review_input.h"
#include "util/result.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace rb::agents {

struct AgentLaunch {
    QString id;
    QString name;
    QString model;
    QString program;           // as configured (shown in messages)
    QString executable;        // absolute path; empty when the program is not installed
    QStringList arguments;     // placeholders already expanded
    QString workingDirectory;
    QByteArray prompt;         // UTF-8
    QString promptFile;        // where the prompt is written before start; empty for stdin
    OutputEnvelope output = OutputEnvelope::Text;
    ReviewFormat reviewFormat = ReviewFormat::Markdown;
    int timeoutSeconds = AgentProfile::kDefaultTimeoutSeconds;
    QMap<QString, QString> environment;

    bool installed() const { return !executable.isEmpty(); }
    QStringList commandLine() const { return QStringList{program} + arguments; }
};

// Where prepareLaunch may put the prompt file and finds the findings schema.
struct LaunchFiles {
    QString directory;  // a private directory that lives until the run finishes
    QString schemaFile; // the findings JSON schema on disk; empty when not available
};

// Expands the command's placeholders ({prompt_file}, {schema_file}, {repo}, {base},
// {head}, {head_sha}, {merge_base}) and resolves the program. A command that uses
// {schema_file} when no schema is available, or an unknown placeholder, is an error that
// names the agent. A program that is not installed is not an error: executable stays empty.
Result<AgentLaunch> prepareLaunch(const AgentProfile &profile, const ReviewInput &input, const QString &prompt,
                                  const LaunchFiles &files);

} // namespace rb::agents
