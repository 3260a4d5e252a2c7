#pragma once
// Finding where a JSON value sits in its text, so that errors about a field name its line.

#include "io/json_fields.h"
#include "model/location.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json_fwd.hpp>

namespace rb::parse {

// 1-based line of the value at `path` ("findings[2].locations[0].startLine", "" = the
// document), or 0 when the path is not in the text.
int lineOfJsonPath(const QByteArray &text, const QString &path);

// Byte range [begin, end) of the value at `path` in the text; {-1, -1} when not there.
std::pair<qsizetype, qsizetype> rangeOfJsonPath(const QByteArray &text, const QString &path);

// The span of the value at `path`: its lines and byte range.
SourceSpan jsonSpan(const QByteArray &text, const QString &path);
// The spans of every element of the array at `path`, in one pass over the text.
QList<SourceSpan> jsonElementSpans(const QByteArray &text, const QString &arrayPath);

using jsonio::lineAndColumnAt; // 1-based line and column of a byte offset

// Parses JSON text; the error names file, line and column, and says what was expected.
Result<nlohmann::json> parseJsonText(const QByteArray &text, const QString &fileName, const QString &expected);

// "file:LINE: path: what; expected …" from a jsonio::FieldError message ("path: what").
Error fieldError(const QByteArray &text, const QString &fileName, const QString &fieldMessage);

} // namespace rb::parse
