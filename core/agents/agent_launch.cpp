#include "agents/agent_launch.h"

#include "agents/command_line.h"

#include <QDir>

namespace rb::agents {

Result<AgentLaunch> prepareLaunch(const AgentProfile &profile, const ReviewInput &input, const QString &prompt,
                                  const LaunchFiles &files)
{
    if (profile.command.isEmpty())
        return Error::of(QStringLiteral("agent \"%1\": the command is empty").arg(profile.id));
    AgentLaunch launch;
    launch.id = profile.id;
    launch.name = profile.name;
    launch.model = profile.model;
    launch.program = profile.command.first();
    launch.workingDirectory = input.repositoryPath;
    launch.prompt = prompt.toUtf8();
    launch.output = profile.output;
    launch.reviewFormat = profile.reviewFormat;
    launch.timeoutSeconds = profile.timeoutSeconds;
    launch.environment = profile.environment;
    if (profile.prompt == PromptDelivery::File)
        launch.promptFile = QDir(files.directory).filePath(profile.id + QStringLiteral("-prompt.md"));

    const QString schemaPlaceholder = QStringLiteral("{schema_file}");
    const bool usesSchema = std::any_of(profile.command.begin(), profile.command.end(),
                                        [&](const QString &a) { return a.contains(schemaPlaceholder); });
    if (usesSchema && files.schemaFile.isEmpty())
        return Error::of(QStringLiteral("agent \"%1\": the command uses {schema_file}, but this build has no findings "
                                        "schema (resources/findings.schema.json)")
                             .arg(profile.id));

    const ReviewMetadata &m = input.metadata;
    QHash<QString, QString> values{
        {QStringLiteral("prompt_file"), launch.promptFile},
        {QStringLiteral("schema_file"), files.schemaFile},
        {QStringLiteral("repo"), input.repositoryPath},
        {QStringLiteral("base"), m.base},
        {QStringLiteral("head"), m.head},
        {QStringLiteral("head_sha"), m.headSha},
        {QStringLiteral("merge_base"), m.mergeBase},
    };
    if (profile.prompt == PromptDelivery::Stdin)
        values.remove(QStringLiteral("prompt_file"));
    auto args = expandArguments(profile.command.mid(1), values);
    if (!args)
        return Error::of(QStringLiteral("agent \"%1\": command %2").arg(profile.id, args.error().message));
    launch.arguments = *args;
    launch.executable = resolveExecutable(launch.program, launch.workingDirectory).value_or(QString());
    return launch;
}

} // namespace rb::agents
