#include "parse/raw_review.h"

#include "parse/findings_json.h"
#include "parse/json_locate.h"
#include "parse/markdown_review.h"
#include "parse/sarif.h"
#include "parse/source_text.h"

#include <QSet>

#include <nlohmann/json.hpp>

namespace rb::parse {

namespace {

const QString kJsonExpected = QStringLiteral("a Reviewbench findings document or a SARIF 2.1.0 log");

bool startsLikeJson(const QByteArray &text)
{
    for (const char c : text) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        return c == '{' || c == '[';
    }
    return false;
}

ParsedReview failedRun(const QString &text, const RawReviewSource &source, RawFormat format, const QString &reason)
{
    ParsedReview out;
    out.run.id = source.agentId;
    out.run.name = source.agentName;
    out.run.format = format;
    out.run.rawOutput = text;
    out.run.status = RunStatus::Failed;
    out.run.failureReason = reason;
    return out;
}

// A Markdown text with no outline that is short is what an agent leaves when it stopped
// after its preamble ("Let me look at the files first.").
bool onlyPreamble(const ParsedReview &r)
{
    const AgentRun &a = r.run;
    const bool nothing = r.findings.isEmpty() && r.observations.isEmpty() && a.verdict.isEmpty()
        && a.executiveSummary.isEmpty() && a.testingAssessment.isEmpty() && a.documentationAssessment.isEmpty()
        && a.commitStructure.isEmpty() && r.otherSections.isEmpty() && r.title.isEmpty();
    return nothing && a.rawOutput.trimmed().size() <= 1500;
}

void assignIds(ParsedReview &r)
{
    QSet<QString> used;
    for (qsizetype i = 0; i < r.findings.size(); ++i) {
        RawFinding &f = r.findings[i];
        const QString base = f.rawId.isEmpty() ? QStringLiteral("f%1").arg(i + 1) : f.rawId;
        QString key = base;
        for (int n = 2; used.contains(key); ++n)
            key = QStringLiteral("%1-%2").arg(base).arg(n);
        used.insert(key);
        f.id = r.run.id + QLatin1Char(':') + key;
        f.agentId = r.run.id;
    }
    int concerns = 0, strengths = 0;
    for (RawObservation &o : r.observations) {
        o.id = o.kind == ObservationKind::Strength ? QStringLiteral("%1:strength-%2").arg(r.run.id).arg(++strengths)
                                                   : QStringLiteral("%1:concern-%2").arg(r.run.id).arg(++concerns);
        o.agentId = r.run.id;
    }
}

} // namespace

RawFormat detectFormat(const QByteArray &text)
{
    if (!startsLikeJson(text))
        return RawFormat::Markdown;
    try {
        const auto doc = nlohmann::json::parse(text.constBegin(), text.constEnd());
        return looksLikeSarif(doc) ? RawFormat::Sarif : RawFormat::Json;
    } catch (const nlohmann::json::parse_error &) {
        // Starts like JSON but is not: reported as broken JSON rather than read as Markdown.
        return text.contains("\"runs\"") && text.contains("sarif") ? RawFormat::Sarif : RawFormat::Json;
    }
}

Result<ParsedReview> parseRawReview(const QByteArray &input, const RawReviewSource &source)
{
    const QString text = normalizedRawText(input);
    const QByteArray utf8 = text.toUtf8();
    const RawFormat format = source.format.value_or(detectFormat(utf8));

    if (const auto reason = failurePlaceholder(text); reason && !startsLikeJson(utf8))
        return failedRun(text, source, format, *reason);

    ParsedReview parsed;
    if (format == RawFormat::Markdown) {
        parsed = parseMarkdownReview(text, source);
        if (onlyPreamble(parsed)) {
            ParsedReview failed = failedRun(text, source, format,
                                            QStringLiteral("only a preamble, no review: ") + text.trimmed().section(QLatin1Char('\n'), 0, 0).left(200));
            failed.preamble = text.trimmed();
            return failed;
        }
    } else {
        auto doc = parseJsonText(utf8, source.fileName,
                                 format == RawFormat::Sarif ? QStringLiteral("a SARIF 2.1.0 log") : kJsonExpected);
        if (!doc)
            return doc.error();
        auto result = format == RawFormat::Sarif || (!source.format && looksLikeSarif(*doc))
            ? parseSarif(*doc, utf8, source)
            : parseFindingsJson(*doc, utf8, source);
        if (!result)
            return result.error();
        parsed = std::move(result).value();
        parsed.run.rawOutput = text;
    }
    assignIds(parsed);
    return parsed;
}

} // namespace rb::parse
