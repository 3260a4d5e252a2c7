#pragma once
// Helpers shared by the parser tests: reading test data and one-line summaries of parsed values.

#include "parse/raw_review.h"

#include <QFile>
#include <QString>
#include <QStringList>

namespace rb::test {

inline QByteArray readReviewData(const QString &name)
{
    QFile f(QStringLiteral(RB_TEST_DATA_DIR "/reviews/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open test data %s", qPrintable(name));
    return f.readAll();
}

inline QString locationsText(const QList<Location> &ls)
{
    QStringList out;
    for (const Location &l : ls)
        out << l.toString();
    return out.join(QLatin1Char(';'));
}

// "rawId|severity|category|title|locations|excerpts|patch|prose"
inline QString findingSummary(const RawFinding &f)
{
    return QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8")
        .arg(f.rawId, toString(f.severity), toString(f.category), f.title, locationsText(f.locations))
        .arg(f.codeExcerpts.size())
        .arg(f.fixPatch.isEmpty() ? QStringLiteral("-") : QStringLiteral("patch"),
             f.fixProse.isEmpty() ? QStringLiteral("-") : QStringLiteral("prose"));
}

inline QStringList findingSummaries(const parse::ParsedReview &r)
{
    QStringList out;
    for (const RawFinding &f : r.findings)
        out << findingSummary(f);
    return out;
}

// "kind|scope|title"
inline QStringList observationSummaries(const parse::ParsedReview &r)
{
    QStringList out;
    for (const RawObservation &o : r.observations)
        out << QStringLiteral("%1|%2|%3").arg(toString(o.kind), toString(o.scope), o.title);
    return out;
}

inline parse::RawReviewSource sourceFor(const QString &agentId, const QString &fileName = QStringLiteral("review.md"))
{
    parse::RawReviewSource s;
    s.agentId = agentId;
    s.agentName = agentId;
    s.fileName = fileName;
    return s;
}

} // namespace rb::test
