// Recognising the short notes agents (or the runner) leave instead of a review.
#include "parse/raw_review.h"

#include <QRegularExpression>

namespace rb::parse {

std::optional<QString> failurePlaceholder(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QStringLiteral("produced no output");
    // A review is long; a placeholder is a line or two. Anything longer is parsed, and a
    // review that merely mentions a timeout is not a failure.
    if (trimmed.size() > 600 || trimmed.count(QLatin1Char('\n')) > 6)
        return std::nullopt;
    static const QRegularExpression re(
        QStringLiteral(R"(produced no output|no output|empty output|empty response|timed out|timeout|)"
                       R"(quota|rate[- ]?limit|usage limit|too many requests|credit balance|insufficient credits|)"
                       R"(billing|authenticat|unauthori[sz]ed|not logged in|please log ?in|login required|)"
                       R"(invalid api key|api key|forbidden|permission denied|\b40[13]\b|\b429\b|\b5\d\d\b|)"
                       R"(overloaded|internal server error|service unavailable|connection (?:refused|reset)|)"
                       R"(command not found|not installed|exited with (?:code|status)|killed|crashed|)"
                       R"(^error\b|^fatal\b|failed to)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    static const QRegularExpression reviewish(QStringLiteral(R"(^#{1,6}\s|\*\*[CIS]\d|\((?:critical|important|suggestion))"),
                                              QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    if (re.match(trimmed).hasMatch() && !reviewish.match(trimmed).hasMatch())
        return trimmed.simplified();
    return std::nullopt;
}

} // namespace rb::parse
