#pragma once
// Typed access to JSON objects that names the offending field on error.
// Used by every reader of Reviewbench's own JSON files.

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>
#include <utility>
#include <stdexcept>

namespace rb::jsonio {

using nlohmann::json;

// Thrown by the readers below; caught at the file boundary and turned into an rb::Error.
class FieldError : public std::runtime_error {
public:
    FieldError(const QString &path, const QString &what)
        : std::runtime_error((path + QStringLiteral(": ") + what).toStdString()) {}
};

QString typeName(const json &j);
// Input quoted in a message: at most 40 characters, "…" when cut, so that a 20 MB value
// does not make a 20 MB message.
QString bounded(const QString &s);
// 1-based line and column of a byte offset in text (for JSON syntax errors).
std::pair<int, int> lineAndColumnAt(const QByteArray &text, qsizetype offset);
QString child(const QString &path, const char *key);
QString child(const QString &path, std::size_t index);

const json *find(const json &obj, const char *key); // nullptr when missing or null
const json &requireObject(const json &j, const QString &path);
const json &requireArray(const json &j, const QString &path);

QString str(const json &obj, const char *key, const QString &path, const QString &fallback = {});
QString requiredStr(const json &obj, const char *key, const QString &path);
QStringList strList(const json &obj, const char *key, const QString &path);
int integer(const json &obj, const char *key, const QString &path, int fallback);
std::optional<int> optInt(const json &obj, const char *key, const QString &path);
std::optional<qint64> optInt64(const json &obj, const char *key, const QString &path);
std::optional<double> optNumber(const json &obj, const char *key, const QString &path);
double number(const json &obj, const char *key, const QString &path, double fallback);
bool boolean(const json &obj, const char *key, const QString &path, bool fallback);
QDateTime dateTime(const json &obj, const char *key, const QString &path);

// Reads an enum through its fromString function; the error lists what was expected.
template <typename Parse>
auto enumValue(const json &obj, const char *key, const QString &path, decltype(*Parse{}(QString{})) fallback,
               Parse parse, const char *expected)
{
    const QString s = str(obj, key, path);
    if (s.isEmpty())
        return fallback;
    const auto v = parse(s);
    if (!v)
        throw FieldError(child(path, key), QStringLiteral("unknown value \"%1\"; expected one of %2")
                                               .arg(bounded(s), QString::fromLatin1(expected)));
    return *v;
}

json fromString(const QString &s);
json fromStringList(const QStringList &l);
json fromDateTime(const QDateTime &d);
template <typename T>
void putOptional(json &obj, const char *key, const std::optional<T> &v)
{
    if (v)
        obj[key] = *v;
}

} // namespace rb::jsonio
