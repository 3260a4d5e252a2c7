#include "parse/title_line.h"

#include "parse/locations.h"

#include <QRegularExpression>

namespace rb::parse {

namespace {

constexpr int kMaxTitleLine = 2000;

// " — ", " – ", " -- ", " - " between title and location.
const QRegularExpression &dash()
{
    static const QRegularExpression re(QStringLiteral(R"(\s+(?:—|–|--|-)\s+|\s*—\s*)"));
    return re;
}

QString stripBoldWrapper(QString s)
{
    s = s.trimmed();
    if (s.startsWith(QLatin1String("**")) && s.endsWith(QLatin1String("**")) && s.size() >= 4)
        s = s.mid(2, s.size() - 4).trimmed();
    return s;
}

// Splits "title — location" at the last dash whose right side parses completely as locations.
void splitTitleAndLocation(const QString &text, QString &title, QList<Location> &locations, QString &rest)
{
    auto it = dash().globalMatch(text);
    QList<QRegularExpressionMatch> dashes;
    while (it.hasNext())
        dashes.append(it.next());
    for (const auto &d : dashes) {
        const ParsedLocations parsed = parseLocations(text.mid(d.capturedEnd()));
        if (parsed.complete) {
            title = text.left(d.capturedStart()).trimmed();
            locations = parsed.locations;
            return;
        }
    }
    if (!dashes.isEmpty()) {
        title = text.left(dashes.first().capturedStart()).trimmed();
        rest = text.mid(dashes.first().capturedEnd()).trimmed();
        return;
    }
    title = text.trimmed();
}

std::optional<TitleLine> olderForm(const QString &line)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*(\*\*)?\s*\[(CRITICAL|IMPORTANT|SUGGESTION|SUGGESTIONS)\]\s*(.*)$)"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(line);
    if (!m.hasMatch())
        return std::nullopt;
    TitleLine t;
    t.strong = true;
    t.bracketSeverity = severityFromString(m.captured(2));
    QString body = m.captured(3).trimmed();
    if (m.capturedLength(1) && body.endsWith(QLatin1String("**")))
        body.chop(2);
    else if (m.capturedLength(1)) {
        const auto close = body.indexOf(QLatin1String("**"));
        if (close >= 0) {
            t.rest = body.mid(close + 2).trimmed();
            body = body.left(close);
        }
    }
    t.tag = takeSeverityTag(body);
    // "path:line — Title", or just "Title", or "Title — path:line"
    const auto d = dash().match(body);
    if (d.hasMatch()) {
        const QString left = body.left(d.capturedStart()).trimmed();
        const QString right = body.mid(d.capturedEnd()).trimmed();
        const ParsedLocations l = parseLocations(left);
        const ParsedLocations r = parseLocations(right);
        if (l.complete) {
            t.locations = l.locations;
            t.title = right;
        } else if (r.complete) {
            t.locations = r.locations;
            t.title = left;
        } else {
            t.title = body.trimmed();
        }
    } else {
        t.title = body.trimmed();
    }
    if (!t.rest.isEmpty() && !t.tag)
        t.tag = takeSeverityTag(t.rest);
    if (!t.rest.isEmpty() && t.locations.isEmpty()) {
        QString r = t.rest;
        r.remove(QRegularExpression(QStringLiteral(R"(^\s*(?:—|–|--|-)\s*)")));
        const ParsedLocations p = parseLocations(r);
        if (p.complete) {
            t.locations = p.locations;
            t.rest.clear();
        }
    }
    return t;
}

} // namespace

std::optional<TitleLine> parseTitleLine(const QString &inputLine, int listNumber)
{
    QString line = inputLine.trimmed();
    if (line.isEmpty() || line.size() > kMaxTitleLine)
        return std::nullopt;
    if (auto older = olderForm(line)) {
        if (listNumber > 0 && older->rawId.isEmpty())
            older->rawId = QString::number(listNumber);
        return older;
    }

    TitleLine t;
    QString text = line;
    t.tag = takeTrailingSeverityTag(text);

    // The id, bare or inside the bold title: "I1. **T**", "**I1. T**", "**I1.** T", "C1: T"
    static const QRegularExpression idRe(QStringLiteral(R"(^(\*\*)?\s*([CIS]\d{1,4}|\d{1,4})[.:)]\s*)"));
    bool boldOpen = false;
    if (const auto m = idRe.match(text); m.hasMatch()) {
        t.rawId = m.captured(2);
        t.strong = true;
        text = text.mid(m.capturedEnd());
        if (m.capturedLength(1)) {
            if (text.startsWith(QLatin1String("**")))
                text = text.mid(2).trimmed(); // "**I1.** Title — loc"
            else
                boldOpen = true;              // "**I1. Title** — loc"
        }
    } else if (listNumber > 0) {
        t.rawId = QString::number(listNumber);
    }

    QString title;
    QString remainder;
    if (boldOpen) {
        const auto close = text.indexOf(QLatin1String("**"));
        if (close < 0)
            return std::nullopt;
        title = text.left(close).trimmed();
        remainder = text.mid(close + 2).trimmed();
        t.strong = true;
    } else if (text.startsWith(QLatin1String("**"))) {
        const auto close = text.indexOf(QLatin1String("**"), 2);
        if (close < 0)
            return std::nullopt;
        title = text.mid(2, close - 2).trimmed();
        remainder = text.mid(close + 2).trimmed();
        t.strong = true;
    } else {
        splitTitleAndLocation(text, title, t.locations, t.rest);
        if (title.isEmpty())
            return std::nullopt;
        t.title = stripBoldWrapper(title);
        if (!t.tag)
            t.tag = takeSeverityTag(t.title);
        return t;
    }

    if (!t.tag)
        t.tag = takeSeverityTag(title);
    if (!t.tag)
        t.tag = takeSeverityTag(remainder);
    // Location after the dash (or directly after the title: "**T** `a.go:3`")
    static const QRegularExpression leadingDash(QStringLiteral(R"(^(?:—|–|--|-|:)\s*)"));
    remainder.remove(leadingDash);
    if (!remainder.isEmpty()) {
        const ParsedLocations p = parseLocations(remainder);
        if (p.complete) {
            t.locations = p.locations;
        } else {
            // "— `a.go:3` — explanation" or "— explanation"
            const auto d = dash().match(remainder);
            if (d.hasMatch()) {
                const ParsedLocations first = parseLocations(remainder.left(d.capturedStart()));
                if (first.complete) {
                    t.locations = first.locations;
                    t.rest = remainder.mid(d.capturedEnd()).trimmed();
                } else {
                    t.rest = remainder;
                }
            } else {
                t.rest = remainder;
            }
        }
    }
    t.title = title;
    if (t.title.isEmpty())
        return std::nullopt;
    return t;
}

} // namespace rb::parse
