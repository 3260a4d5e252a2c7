#include "parse/locations.h"

#include <QRegularExpression>

namespace rb::parse {

namespace {

// Line part: 12, L12, 12-30, 12–30, L12-L30, 12:5 (column ignored).
const QRegularExpression &lineSpec()
{
    static const QRegularExpression re(QStringLiteral(
        R"(^L?(\d{1,9})(?::\d+)?(?:\s*[-–—]\s*L?(\d{1,9})(?::\d+)?)?$)"));
    return re;
}

std::optional<std::pair<int, int>> parseLines(const QString &s)
{
    const auto m = lineSpec().match(s.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const int a = m.captured(1).toInt();
    const int b = m.capturedLength(2) ? m.captured(2).toInt() : a;
    if (a <= 0)
        return std::nullopt;
    return std::pair{a, std::max(a, b)};
}

QString stripWrapping(QString s)
{
    s = s.trimmed();
    for (;;) {
        // The wrapper on each side: "**" needs four characters ("**" alone or "***" is
        // no wrapping around anything), a single "`" or "*" needs two.
        qsizetype w = 0;
        if (s.size() >= 4 && s.startsWith(QLatin1String("**")) && s.endsWith(QLatin1String("**")))
            w = 2;
        else if (s.size() >= 2 && ((s.startsWith(QLatin1Char('`')) && s.endsWith(QLatin1Char('`')))
                                   || (s.startsWith(QLatin1Char('*')) && s.endsWith(QLatin1Char('*')))))
            w = 1;
        if (w == 0)
            return s;
        s = s.sliced(w, s.size() - 2 * w).trimmed();
    }
}

// One comma list: "reload.go:88, 120-131" or "a.go:1, b.go:2".
bool parseCommaList(const QString &text, QList<Location> &out)
{
    bool complete = true;
    QString currentPath;
    for (const QString &rawPiece : text.split(QLatin1Char(','))) {
        const QString piece = stripWrapping(rawPiece);
        if (piece.isEmpty())
            continue;
        if (auto loc = parseOneLocation(piece)) {
            currentPath = loc->path;
            out.append(*loc);
        } else if (auto lines = parseLines(piece); lines && !currentPath.isEmpty()) {
            out.append(Location{currentPath, lines->first, lines->second});
        } else {
            complete = false;
        }
    }
    return complete;
}

} // namespace

bool looksLikePath(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(^[\w.@~+\-/\\\[\]{}$]+$)"),
                                       QRegularExpression::UseUnicodePropertiesOption);
    if (text.isEmpty() || text.size() > 400 || !re.match(text).hasMatch())
        return false;
    if (text.startsWith(QLatin1String("--")) || text == QLatin1String(".") || text == QLatin1String(".."))
        return false;
    static const QRegularExpression ext(QStringLiteral(R"(\.[A-Za-z0-9_]{1,12}$)"));
    static const QRegularExpression digitsOnly(QStringLiteral(R"(^[\d.]+$)"));
    if (digitsOnly.match(text).hasMatch())
        return false;
    return text.contains(QLatin1Char('/')) || ext.match(text).hasMatch()
        || text == QLatin1String("Makefile") || text == QLatin1String("Dockerfile");
}

std::optional<Location> parseOneLocation(const QString &input)
{
    QString text = stripWrapping(input);
    // "path#L12-L30" as in a link target
    static const QRegularExpression anchor(QStringLiteral(R"(^(.+?)#L(\d+)(?:-L?(\d+))?$)"));
    if (const auto m = anchor.match(text); m.hasMatch() && looksLikePath(m.captured(1))) {
        const int a = m.captured(2).toInt();
        const int b = m.capturedLength(3) ? m.captured(3).toInt() : a;
        if (a > 0)
            return Location{m.captured(1), a, std::max(a, b)};
    }
    // "path:lines", the lines after the first colon that is followed by a digit or L+digit
    static const QRegularExpression withLines(QStringLiteral(R"(^(.+?):(L?\d.*)$)"));
    if (const auto m = withLines.match(text); m.hasMatch() && looksLikePath(m.captured(1))) {
        if (const auto lines = parseLines(m.captured(2)))
            return Location{m.captured(1), lines->first, lines->second};
        return std::nullopt;
    }
    if (looksLikePath(text))
        return Location{text, 0, 0};
    return std::nullopt;
}

ParsedLocations parseLocations(const QString &input)
{
    ParsedLocations result;
    QString text = input.trimmed();
    if (text.isEmpty())
        return result;
    // Code spans each hold one comma list; text between them must be separators only.
    static const QRegularExpression codeSpan(QStringLiteral(R"(`+\s?([^`]+?)\s?`+)"));
    static const QRegularExpression separators(QStringLiteral(R"(^[\s,/+&;]*(?:and|in|at)?[\s,/+&;]*$)"));
    auto it = codeSpan.globalMatch(text);
    if (it.hasNext()) {
        bool complete = true;
        qsizetype last = 0;
        while (it.hasNext()) {
            const auto m = it.next();
            const QString between = text.mid(last, m.capturedStart() - last);
            if (!separators.match(between).hasMatch())
                complete = false;
            if (!parseCommaList(m.captured(1), result.locations))
                complete = false;
            last = m.capturedEnd();
        }
        if (!separators.match(text.mid(last)).hasMatch())
            complete = false;
        result.complete = complete && !result.locations.isEmpty();
        return result;
    }
    // No code spans: "a.go:1 / b.go:2", "a.go:1, 7-9 + b.go"
    static const QRegularExpression splitter(QStringLiteral(R"(\s+[/+&]\s+|\s+and\s+|;\s*)"));
    bool complete = true;
    for (const QString &group : text.split(splitter, Qt::SkipEmptyParts))
        if (!parseCommaList(group, result.locations))
            complete = false;
    result.complete = complete && !result.locations.isEmpty();
    return result;
}

} // namespace rb::parse
