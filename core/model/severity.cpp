#include "model/severity.h"

namespace rb {

QString toString(Severity s)
{
    switch (s) {
    case Severity::Critical: return QStringLiteral("critical");
    case Severity::Important: return QStringLiteral("important");
    case Severity::Suggestion: return QStringLiteral("suggestion");
    }
    return {};
}

QString displayName(Severity s)
{
    QString name = toString(s);
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name;
}

std::optional<Severity> severityFromString(const QString &s)
{
    const QString v = s.trimmed().toLower();
    if (v == QLatin1String("critical")) return Severity::Critical;
    if (v == QLatin1String("important")) return Severity::Important;
    if (v == QLatin1String("suggestion") || v == QLatin1String("suggestions")) return Severity::Suggestion;
    return std::nullopt;
}

int rank(Severity s)
{
    switch (s) {
    case Severity::Critical: return 2;
    case Severity::Important: return 1;
    case Severity::Suggestion: return 0;
    }
    return 0;
}

QString toString(Category c)
{
    switch (c) {
    case Category::Unspecified: return QStringLiteral("unspecified");
    case Category::Regression: return QStringLiteral("regression");
    case Category::Gap: return QStringLiteral("gap");
    case Category::Enhancement: return QStringLiteral("enhancement");
    }
    return {};
}

std::optional<Category> categoryFromString(const QString &s)
{
    const QString v = s.trimmed().toLower();
    if (v == QLatin1String("unspecified") || v.isEmpty()) return Category::Unspecified;
    if (v == QLatin1String("regression")) return Category::Regression;
    if (v == QLatin1String("gap")) return Category::Gap;
    if (v == QLatin1String("enhancement")) return Category::Enhancement;
    return std::nullopt;
}

} // namespace rb
