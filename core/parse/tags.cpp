#include "parse/tags.h"

#include <QRegularExpression>

namespace rb::parse {

namespace {

const QString kWrapOpen = QStringLiteral(R"((?:\*{1,2}|_{1,2}|`)?)");
const QString kWrapClose = QStringLiteral(R"((?:\*{1,2}|_{1,2}|`)?)");
const QString kTagCore = QStringLiteral(
    R"(\(\s*(critical|important|suggestions?)\s*(?:[,;/|]\s*(regression|gap|enhancement)\s*)?\))");

const QRegularExpression &anywhereTag()
{
    static const QRegularExpression re(kWrapOpen + kTagCore + kWrapClose,
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

SeverityTag tagFrom(const QRegularExpressionMatch &m)
{
    SeverityTag t;
    t.severity = severityFromString(m.captured(1));
    t.category = categoryFromString(m.captured(2)).value_or(Category::Unspecified);
    return t;
}

void removeMatch(QString &text, const QRegularExpressionMatch &m)
{
    text.remove(m.capturedStart(), m.capturedLength());
    text = text.trimmed();
    static const QRegularExpression dangling(QStringLiteral(R"(\s*[—–-]\s*$)"));
    text.remove(dangling);
}

} // namespace

std::optional<SeverityTag> takeSeverityTag(QString &text)
{
    if (text.size() > 4000)
        return std::nullopt;
    const auto m = anywhereTag().match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const SeverityTag t = tagFrom(m);
    removeMatch(text, m);
    return t;
}

std::optional<SeverityTag> takeTrailingSeverityTag(QString &text)
{
    static const QRegularExpression re(kWrapOpen + kTagCore + kWrapClose + QStringLiteral(R"([.\s]*$)"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text.right(200));
    if (!m.hasMatch())
        return std::nullopt;
    const SeverityTag t = tagFrom(m);
    text.chop(m.capturedLength());
    text = text.trimmed();
    return t;
}

std::optional<SeverityTag> tagOnly(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*") + kWrapOpen + kTagCore + kWrapClose
                                           + QStringLiteral("\\s*$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    return tagFrom(m);
}

SeverityTag classificationWords(const QString &text)
{
    SeverityTag t;
    static const QRegularExpression sev(QStringLiteral(R"(\b(critical|important|suggestions?)\b)"),
                                        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression cat(QStringLiteral(R"(\b(regression|gap|enhancement)\b)"),
                                        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = sev.match(text); m.hasMatch())
        t.severity = severityFromString(m.captured(1));
    if (const auto m = cat.match(text); m.hasMatch())
        t.category = categoryFromString(m.captured(1)).value_or(Category::Unspecified);
    return t;
}

std::optional<ObservationScope> takeScopeTag(QString &text)
{
    if (text.size() > 4000)
        return std::nullopt;
    // Bracketed anywhere: (in-scope), [future], *(out of scope)*, `(in-scope)`, **(future)**
    static const QRegularExpression bracketed(
        kWrapOpen + QStringLiteral(R"([\(\[]\s*(in[- ]scope|future|out[- ]of[- ]scope)\s*[\)\]])") + kWrapClose
            + QStringLiteral(R"(\s*:?)"),
        QRegularExpression::CaseInsensitiveOption);
    // A bold or backticked label before the title: **In scope:**, **Future:**, `future`
    static const QRegularExpression label(
        QStringLiteral(R"(^(?:\*\*|`)\s*(in[- ]scope|future|out[- ]of[- ]scope)\s*:?\s*(?:\*\*|`)\s*:?)"),
        QRegularExpression::CaseInsensitiveOption);
    QRegularExpressionMatch m = bracketed.match(text);
    if (!m.hasMatch())
        m = label.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QString word = m.captured(1).toLower();
    text.remove(m.capturedStart(), m.capturedLength());
    text = text.trimmed();
    return word.startsWith(QLatin1String("in")) ? ObservationScope::InScope : ObservationScope::Future;
}

} // namespace rb::parse
