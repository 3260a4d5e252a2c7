#pragma once
// Counts in generated English text: "1 suggestion", "2 suggestions", "0 false positives".
// (The program ships no translations, so Qt's "%n item(s)" would show its "(s)" verbatim.)

#include <QString>

namespace rb {

// "N noun" with the singular for exactly one and the plural otherwise.
inline QString counted(qsizetype n, const QString &singular, const QString &plural)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? singular : plural);
}

// The same with the plural made by adding "s" (for nouns where that is right).
inline QString counted(qsizetype n, const QString &singular)
{
    return counted(n, singular, singular + QLatin1Char('s'));
}

} // namespace rb
