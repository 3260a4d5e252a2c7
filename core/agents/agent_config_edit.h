#pragma once
// Changing the user's agents.json from the Preferences dialog without losing anything the
// file holds: only the fields an edit gives are written, into the entry of that id (a new
// entry at the end when the file has none); every other entry, field and the order of keys
// stay as they were. The result is checked as `reviewbench run` would read it.

#include "util/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace rb::agents {

struct AgentEdit {
    QString id;
    std::optional<bool> enabled;
    std::optional<QStringList> command; // program and arguments; must not be empty
    std::optional<QString> model;
    std::optional<int> timeoutSeconds;  // must be at least 1
    bool isEmpty() const { return !enabled && !command && !model && !timeoutSeconds; }
};

// existing: the file's current text (empty when there is no file yet). Errors name the
// file and the entry; a file that does not read as a valid configuration is never changed.
Result<QByteArray> editAgentConfig(const QByteArray &existing, const QString &fileName, const QList<AgentEdit> &edits);

} // namespace rb::agents
