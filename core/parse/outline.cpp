#include "parse/outline.h"

#include <QRegularExpression>

#include <utility>

namespace rb::parse {

namespace {

constexpr std::pair<const char *, SectionKind> kNames[] = {
    {"verdict", SectionKind::Verdict},
    {"executive summary", SectionKind::ExecutiveSummary},
    {"summary", SectionKind::ExecutiveSummary},
    {"overview", SectionKind::ExecutiveSummary},
    {"findings", SectionKind::Findings},
    {"detailed findings", SectionKind::Findings},
    {"issues", SectionKind::Findings},
    {"issues found", SectionKind::Findings},
    {"critical", SectionKind::Critical},
    {"critical issues", SectionKind::Critical},
    {"critical findings", SectionKind::Critical},
    {"blockers", SectionKind::Critical},
    {"blocking issues", SectionKind::Critical},
    {"important", SectionKind::Important},
    {"important issues", SectionKind::Important},
    {"important findings", SectionKind::Important},
    {"major issues", SectionKind::Important},
    {"suggestion", SectionKind::Suggestions},
    {"suggestions", SectionKind::Suggestions},
    {"suggestion issues", SectionKind::Suggestions},
    {"minor issues", SectionKind::Suggestions},
    {"minor", SectionKind::Suggestions},
    {"nits", SectionKind::Suggestions},
    {"design observations", SectionKind::Design},
    {"design", SectionKind::Design},
    {"architecture", SectionKind::Design},
    {"concerns", SectionKind::Concerns},
    {"design concerns", SectionKind::Concerns},
    {"strengths", SectionKind::Strengths},
    {"design strengths", SectionKind::Strengths},
    {"testing assessment", SectionKind::Testing},
    {"testing", SectionKind::Testing},
    {"test coverage", SectionKind::Testing},
    {"tests", SectionKind::Testing},
    {"test assessment", SectionKind::Testing},
    {"documentation assessment", SectionKind::Documentation},
    {"documentation", SectionKind::Documentation},
    {"docs", SectionKind::Documentation},
    {"commit structure", SectionKind::CommitStructure},
    {"commits", SectionKind::CommitStructure},
    {"commit history", SectionKind::CommitStructure},
    {"acknowledged limitations", SectionKind::AcknowledgedLimitations},
    {"known limitations", SectionKind::AcknowledgedLimitations},
    {"limitations", SectionKind::AcknowledgedLimitations},
    {"unresolved feedback", SectionKind::UnresolvedFeedback},
    {"unresolved review feedback", SectionKind::UnresolvedFeedback},
    {"coverage summary", SectionKind::CoverageSummary},
    {"coverage", SectionKind::CoverageSummary},
    {"files reviewed", SectionKind::CoverageSummary},
    {"review coverage", SectionKind::CoverageSummary},
    {"code review", SectionKind::Title},
    {"review", SectionKind::Title},
};

} // namespace

QString plainInline(const QString &inlineText)
{
    QString s = inlineText;
    s.remove(QLatin1Char('`'));
    // Emphasis arrives rendered as '*' (markdown_tree.h), so underscores are literal text.
    static const QRegularExpression emphasis(QStringLiteral(R"(\*+)"));
    s.remove(emphasis);
    return s.simplified();
}

QString displayName(SectionKind k)
{
    switch (k) {
    case SectionKind::None: return QStringLiteral("(before any section)");
    case SectionKind::Title: return QStringLiteral("Title");
    case SectionKind::Verdict: return QStringLiteral("Verdict");
    case SectionKind::ExecutiveSummary: return QStringLiteral("Executive Summary");
    case SectionKind::Findings: return QStringLiteral("Findings");
    case SectionKind::Critical: return QStringLiteral("Critical Issues");
    case SectionKind::Important: return QStringLiteral("Important Issues");
    case SectionKind::Suggestions: return QStringLiteral("Suggestions");
    case SectionKind::Design: return QStringLiteral("Design Observations");
    case SectionKind::Concerns: return QStringLiteral("Concerns");
    case SectionKind::Strengths: return QStringLiteral("Strengths");
    case SectionKind::Testing: return QStringLiteral("Testing Assessment");
    case SectionKind::Documentation: return QStringLiteral("Documentation Assessment");
    case SectionKind::CommitStructure: return QStringLiteral("Commit Structure");
    case SectionKind::AcknowledgedLimitations: return QStringLiteral("Acknowledged Limitations");
    case SectionKind::UnresolvedFeedback: return QStringLiteral("Unresolved Feedback");
    case SectionKind::CoverageSummary: return QStringLiteral("Coverage Summary");
    }
    return {};
}

bool holdsFindings(SectionKind k)
{
    return k == SectionKind::Findings || k == SectionKind::Critical || k == SectionKind::Important
        || k == SectionKind::Suggestions;
}

std::optional<Severity> sectionSeverity(SectionKind k)
{
    switch (k) {
    case SectionKind::Critical: return Severity::Critical;
    case SectionKind::Important: return Severity::Important;
    case SectionKind::Suggestions: return Severity::Suggestion;
    default: return std::nullopt;
    }
}

std::optional<SectionKind> sectionForHeading(const QString &inlineText)
{
    if (inlineText.size() > 300)
        return std::nullopt;
    QString s = plainInline(inlineText).toLower();
    // Leading numbering or decoration: "5.", "A)", "IV.", emoji and symbols.
    static const QRegularExpression lead(QStringLiteral(R"(^(?:[^\p{L}\p{N}]+|(?:\d+|[a-z]|[ivx]+)[.)]\s+)+)"),
                                         QRegularExpression::UseUnicodePropertiesOption);
    s.remove(lead);
    // A trailing explanation: " — should fix", " - must fix", ": none", " (3)".
    static const QRegularExpression tail(QStringLiteral(R"(\s*(?:[—–:]|\s-\s|\().*$)"));
    const QString head = QString(s).remove(tail).trimmed();
    static const QRegularExpression trailingPunct(QStringLiteral(R"([\s:.!]+$)"));
    for (QString candidate : {head, s}) {
        candidate.remove(trailingPunct);
        for (const auto &[name, kind] : kNames)
            if (candidate == QLatin1String(name))
                return kind;
    }
    static const QRegularExpression title(QStringLiteral(R"(^(?:deep |pr |pull request )?(?:code )?review\b)"));
    if (title.match(head).hasMatch())
        return SectionKind::Title;
    return std::nullopt;
}

std::optional<Label> leadingLabel(const QString &inlineText)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*(?:[-*]\s+)?(\*\*|__)?\s*((?:suggested\s+|proposed\s+|recommended\s+)?fix(?:es)?|problem|issue|)"
                       R"(classification|severity)(\s*\([^)]{0,200}\))?\s*(?:(?:\*\*|__)\s*:|:\s*(?:\*\*|__)|:)\s*)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression boldAlone(
        QStringLiteral(R"(^\s*(\*\*|__)\s*((?:suggested\s+)?fix)(\s*\([^)]{0,200}\))?\s*(?:\*\*|__)\s*$)"),
        QRegularExpression::CaseInsensitiveOption);
    QRegularExpressionMatch m = re.match(inlineText);
    if (!m.hasMatch())
        m = boldAlone.match(inlineText);
    if (!m.hasMatch())
        return std::nullopt;
    Label l;
    const QString word = m.captured(2).toLower();
    l.kind = word.contains(QLatin1String("fix")) ? LabelKind::Fix
           : word.startsWith(QLatin1String("problem")) || word == QLatin1String("issue") ? LabelKind::Problem
           : LabelKind::Classification;
    l.name = (m.captured(2) + m.captured(3)).trimmed();
    l.rest = inlineText.mid(m.capturedEnd()).trimmed();
    // "**Fix (minimal):** text" leaves nothing bold behind; "**Fix:** text" likewise.
    return l;
}

bool isBodySubheading(const QString &inlineText)
{
    static const QStringList words{
        QStringLiteral("reproduction"), QStringLiteral("repro"), QStringLiteral("steps to reproduce"),
        QStringLiteral("evidence"), QStringLiteral("impact"), QStringLiteral("root cause"), QStringLiteral("example"),
        QStringLiteral("details"), QStringLiteral("why"), QStringLiteral("why it matters"), QStringLiteral("context"),
        QStringLiteral("output"), QStringLiteral("note"), QStringLiteral("notes"), QStringLiteral("explanation"),
        QStringLiteral("analysis"), QStringLiteral("current code"), QStringLiteral("proposed code"),
        QStringLiteral("suggested code"), QStringLiteral("before"), QStringLiteral("after"),
        QStringLiteral("verification"), QStringLiteral("rationale"), QStringLiteral("trigger"),
        QStringLiteral("experiment"), QStringLiteral("test"), QStringLiteral("code"), QStringLiteral("location")};
    QString s = plainInline(inlineText).toLower();
    while (s.endsWith(QLatin1Char(':')) || s.endsWith(QLatin1Char('.')))
        s.chop(1);
    return words.contains(s.trimmed());
}

std::optional<QString> verdictLine(const QString &inlineText)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*(?:\*\*|__)?\s*(?:overall\s+|final\s+)?verdict\s*(?:(?:\*\*|__)\s*:|:\s*(?:\*\*|__)?|\s*(?:\*\*|__)?\s*[—–-])\s*(.+)$)"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(inlineText);
    if (!m.hasMatch())
        return std::nullopt;
    QString v = m.captured(1);
    v.remove(QStringLiteral("**"));
    v.remove(QStringLiteral("__"));
    v = v.simplified();
    while (v.endsWith(QLatin1Char('.')))
        v.chop(1);
    if (v.isEmpty())
        return std::nullopt;
    return v;
}

} // namespace rb::parse
