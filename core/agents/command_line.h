#pragma once
// Turning a profile's command into the argument list of one run. Arguments are passed to
// the program directly (no shell), so values such as branch names are never interpreted.

#include "util/result.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace rb::agents {

// Replaces {name} inside each argument with values[name], in one pass; an argument stays
// one argument whatever the value contains. "{{" and "}}" stand for literal braces. An
// unknown name is an error naming the argument's index and the placeholder.
Result<QStringList> expandArguments(const QStringList &arguments, const QHash<QString, QString> &values);

// The absolute path of program: a name without '/' is looked up on PATH, a path is taken
// relative to workingDirectory. Nothing when it does not exist or is not executable.
std::optional<QString> resolveExecutable(const QString &program, const QString &workingDirectory);

} // namespace rb::agents
