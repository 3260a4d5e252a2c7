#include "parse/raw_review.h"

#include "io/json_text.h"
#include "parse/findings_json.h"
#include "parse/json_locate.h"
#include "parse/markdown_review.h"
#include "parse/sarif.h"
#include "parse/source_text.h"

#include <QRegularExpression>
#include <QSet>

#include <nlohmann/json.hpp>

namespace rb::parse {

namespace {

const QString kJsonExpected = QStringLiteral("a Reviewbench findings document or a SARIF 2.1.0 log");

bool startsLikeJson(const QByteArray &text)
{
    const QByteArray bom("\xEF\xBB\xBF");
    for (const char c : text.startsWith(bom) ? text.mid(bom.size()) : text) {
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
    // Narration of what the agent is about to do, not a verdict on the change.
    static const QRegularExpression narration(
        QStringLiteral(R"(\b(?:let me|i'll|i will|i'm going to|i am going to|now i|i now have|i need to|)"
                       R"(i've read|i have read|i'll start|first,? i|next,? i)\b)"),
        QRegularExpression::CaseInsensitiveOption);
    return nothing && a.rawOutput.trimmed().size() <= 1500 && narration.match(a.rawOutput).hasMatch();
}

// A JSON document wrapped in one fenced code block, the whole text: the [begin, end) of
// the JSON inside the fences.
std::optional<std::pair<qsizetype, qsizetype>> fencedJson(const QByteArray &text)
{
    qsizetype b = 0;
    while (b < text.size() && QByteArrayView(" \t\r\n").contains(text[b]))
        ++b;
    qsizetype e = text.size();
    while (e > b && QByteArrayView(" \t\r\n").contains(text[e - 1]))
        --e;
    const QByteArrayView all(text.constData() + b, e - b);
    if (!(all.startsWith("```") || all.startsWith("~~~")) || !all.endsWith(all.first(3)))
        return std::nullopt;
    const qsizetype firstNewline = text.indexOf('\n', b);
    const qsizetype lastNewline = text.lastIndexOf('\n', e - 1);
    if (firstNewline < 0 || lastNewline <= firstNewline)
        return std::nullopt;
    const QByteArray info = text.mid(b + 3, firstNewline - b - 3).trimmed().toLower();
    if (!info.isEmpty() && info != "json" && info != "sarif")
        return std::nullopt;
    const qsizetype innerBegin = firstNewline + 1;
    const qsizetype innerEnd = lastNewline + 1;
    if (text.mid(innerBegin, innerEnd - innerBegin).contains(all.first(3).toByteArray()))
        return std::nullopt; // more than one block
    if (!startsLikeJson(text.mid(innerBegin, innerEnd - innerBegin)))
        return std::nullopt;
    return std::pair{innerBegin, innerEnd};
}

void shiftSpan(SourceSpan &span, qsizetype bytes, int lines)
{
    if (!span.isValid())
        return;
    span.begin += bytes;
    span.end += bytes;
    span.startLine += lines;
    span.endLine += lines;
}

Result<ParsedReview> parseStructured(const QByteArray &utf8, RawFormat format, const RawReviewSource &source)
{
    auto doc = parseJsonText(utf8, source.fileName,
                             format == RawFormat::Sarif ? QStringLiteral("a SARIF 2.1.0 log") : kJsonExpected);
    if (!doc)
        return doc.error();
    return format == RawFormat::Sarif || (!source.format && looksLikeSarif(*doc)) ? parseSarif(*doc, utf8, source)
                                                                                  : parseFindingsJson(*doc, utf8, source);
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
    const jsonio::JsonParse doc = jsonio::parseJson(text);
    if (doc.ok())
        return looksLikeSarif(doc.value) ? RawFormat::Sarif : RawFormat::Json;
    // Starts like JSON but is not: reported as broken JSON rather than read as Markdown.
    return text.contains("\"runs\"") && text.contains("sarif") ? RawFormat::Sarif : RawFormat::Json;
}

Result<ParsedReview> parseRawReview(const QByteArray &input, const RawReviewSource &source)
{
    const QString text = normalizedRawText(input);
    const QByteArray utf8 = text.toUtf8();
    const RawFormat format = source.format.value_or(detectFormat(utf8));

    if (const auto reason = failurePlaceholder(text); reason && !startsLikeJson(utf8))
        return failedRun(text, source, format, *reason);

    ParsedReview parsed;
    const auto fenced = source.format ? std::nullopt : fencedJson(utf8);
    if (fenced) {
        // Findings JSON or SARIF inside a ```json fence: read it, keep the whole text.
        const QByteArray inner = utf8.mid(fenced->first, fenced->second - fenced->first);
        auto result = parseStructured(inner, detectFormat(inner), source);
        if (result) {
            parsed = std::move(result).value();
            parsed.run.rawOutput = text;
            const int lines = int(utf8.left(fenced->first).count('\n'));
            for (RawFinding &f : parsed.findings)
                shiftSpan(f.span, fenced->first, lines);
            for (RawObservation &o : parsed.observations)
                shiftSpan(o.span, fenced->first, lines);
            assignIds(parsed);
            return parsed;
        }
    }
    if (format == RawFormat::Markdown) {
        parsed = parseMarkdownReview(text, source);
        if (onlyPreamble(parsed)) {
            ParsedReview failed = failedRun(text, source, format,
                                            QStringLiteral("only a preamble, no review: ") + text.trimmed().section(QLatin1Char('\n'), 0, 0).left(200));
            failed.preamble = text.trimmed();
            return failed;
        }
    } else {
        auto result = parseStructured(utf8, format, source);
        if (!result)
            return result.error();
        parsed = std::move(result).value();
        parsed.run.rawOutput = text;
    }
    assignIds(parsed);
    return parsed;
}

} // namespace rb::parse
