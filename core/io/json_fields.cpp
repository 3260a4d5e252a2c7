#include "io/json_fields.h"

namespace rb::jsonio {

std::pair<int, int> lineAndColumnAt(const QByteArray &text, qsizetype offset)
{
    int line = 1, column = 1;
    const qsizetype end = std::min(offset, text.size());
    for (qsizetype i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

QString bounded(const QString &s)
{
    constexpr qsizetype kMax = 40;
    return s.size() <= kMax ? s : s.left(kMax) + QStringLiteral("… (%1 characters)").arg(s.size());
}

QString typeName(const json &j)
{
    switch (j.type()) {
    case json::value_t::null: return QStringLiteral("null");
    case json::value_t::object: return QStringLiteral("an object");
    case json::value_t::array: return QStringLiteral("an array");
    case json::value_t::string: return QStringLiteral("a string");
    case json::value_t::boolean: return QStringLiteral("a boolean");
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return QStringLiteral("an integer");
    case json::value_t::number_float: return QStringLiteral("a number");
    default: return QStringLiteral("an unsupported value");
    }
}

QString child(const QString &path, const char *key)
{
    return path.isEmpty() ? QString::fromUtf8(key) : path + QLatin1Char('.') + QString::fromUtf8(key);
}

QString child(const QString &path, std::size_t index)
{
    return QStringLiteral("%1[%2]").arg(path).arg(index);
}

const json *find(const json &obj, const char *key)
{
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null())
        return nullptr;
    return &*it;
}

const json &requireObject(const json &j, const QString &path)
{
    if (!j.is_object())
        throw FieldError(path.isEmpty() ? QStringLiteral("(top level)") : path,
                         QStringLiteral("expected an object, found %1").arg(typeName(j)));
    return j;
}

const json &requireArray(const json &j, const QString &path)
{
    if (!j.is_array())
        throw FieldError(path, QStringLiteral("expected an array, found %1").arg(typeName(j)));
    return j;
}

static const json *typed(const json &obj, const char *key, const QString &path, bool (json::*is)() const noexcept,
                         const char *expected)
{
    const json *v = find(obj, key);
    if (v && !((*v).*is)())
        throw FieldError(child(path, key), QStringLiteral("expected %1, found %2")
                                               .arg(QString::fromLatin1(expected), typeName(*v)));
    return v;
}

QString str(const json &obj, const char *key, const QString &path, const QString &fallback)
{
    const json *v = typed(obj, key, path, &json::is_string, "a string");
    return v ? QString::fromStdString(v->get<std::string>()) : fallback;
}

QString requiredStr(const json &obj, const char *key, const QString &path)
{
    const QString s = str(obj, key, path);
    if (s.isEmpty())
        throw FieldError(child(path, key), QStringLiteral("is required and must be a non-empty string"));
    return s;
}

QStringList strList(const json &obj, const char *key, const QString &path)
{
    QStringList out;
    const json *v = typed(obj, key, path, &json::is_array, "an array of strings");
    if (!v)
        return out;
    for (std::size_t i = 0; i < v->size(); ++i) {
        const json &e = (*v)[i];
        if (!e.is_string())
            throw FieldError(child(child(path, key), i), QStringLiteral("expected a string, found %1").arg(typeName(e)));
        out << QString::fromStdString(e.get<std::string>());
    }
    return out;
}

std::optional<qint64> optInt64(const json &obj, const char *key, const QString &path)
{
    const json *v = typed(obj, key, path, &json::is_number_integer, "an integer");
    if (!v)
        return std::nullopt;
    if (v->is_number_unsigned() && v->get<quint64>() > quint64(std::numeric_limits<qint64>::max()))
        throw FieldError(child(path, key), QStringLiteral("integer %1 is out of range").arg(v->get<quint64>()));
    return v->get<qint64>();
}

std::optional<int> optInt(const json &obj, const char *key, const QString &path)
{
    const auto v = optInt64(obj, key, path);
    if (!v)
        return std::nullopt;
    if (*v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max())
        throw FieldError(child(path, key), QStringLiteral("integer %1 is out of range").arg(*v));
    return int(*v);
}

int integer(const json &obj, const char *key, const QString &path, int fallback)
{
    return optInt(obj, key, path).value_or(fallback);
}

std::optional<double> optNumber(const json &obj, const char *key, const QString &path)
{
    const json *v = typed(obj, key, path, &json::is_number, "a number");
    if (!v)
        return std::nullopt;
    return v->get<double>();
}

double number(const json &obj, const char *key, const QString &path, double fallback)
{
    return optNumber(obj, key, path).value_or(fallback);
}

bool boolean(const json &obj, const char *key, const QString &path, bool fallback)
{
    const json *v = typed(obj, key, path, &json::is_boolean, "true or false");
    return v ? v->get<bool>() : fallback;
}

QDateTime dateTime(const json &obj, const char *key, const QString &path)
{
    const QString s = str(obj, key, path);
    if (s.isEmpty())
        return {};
    QDateTime d = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!d.isValid())
        throw FieldError(child(path, key),
                         QStringLiteral("\"%1\" is not an ISO 8601 date and time (e.g. 2026-03-21T13:57:24Z)").arg(bounded(s)));
    return d;
}

json fromString(const QString &s) { return s.toStdString(); }

json fromStringList(const QStringList &l)
{
    json a = json::array();
    for (const QString &s : l)
        a.push_back(s.toStdString());
    return a;
}

json fromDateTime(const QDateTime &d)
{
    if (!d.isValid())
        return nullptr;
    return d.toString(Qt::ISODateWithMs).toStdString();
}

} // namespace rb::jsonio
