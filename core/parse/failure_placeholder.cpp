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
        QStringLiteral(R"(produced no output|\bno output\b|empty (?:output|response)|timed out|quota|)"
                       R"(rate[- ]?limit|usage limit|too many requests|credit balance|insufficient (?:credits|funds)|)"
                       R"(billing|authentication (?:failed|error|required)|unauthori[sz]ed|not logged in|/login\b|)"
                       R"(please log ?in|login required|invalid api key|api key (?:is )?(?:missing|invalid|not set)|)"
                       R"(permission denied|overloaded|internal server error|service unavailable|)"
                       R"(connection (?:refused|reset)|command not found|not installed|exited with (?:code|status)|)"
                       R"(segmentation fault|^(?:error|fatal)\b|\b(?:http|status|error)[: ]+(?:401|403|429|5\d\d)\b)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    static const QRegularExpression reviewish(QStringLiteral(R"(^#{1,6}\s|\*\*[CIS]\d|\((?:critical|important|suggestion))"),
                                              QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    if (re.match(trimmed).hasMatch() && !reviewish.match(trimmed).hasMatch())
        return trimmed.simplified();
    return std::nullopt;
}

} // namespace rb::parse
