#pragma once
// Prompt templates: text with {{name}} placeholders, rendered in one pass (a value that
// itself contains "{{...}}" is inserted verbatim, never expanded).

#include "util/result.h"

#include <QHash>
#include <QString>

namespace rb::agents {

// Replaces every {{name}} with values[name]. An unknown name or an unterminated "{{" is an
// error naming the 1-based line and the placeholder. Whitespace inside the braces is not
// allowed: "{{ name }}" is an unknown placeholder.
Result<QString> renderTemplate(const QString &templateText, const QHash<QString, QString> &values);

} // namespace rb::agents
