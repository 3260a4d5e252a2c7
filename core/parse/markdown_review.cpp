#include "parse/markdown_review.h"

#include "parse/markdown_appendix.h"
#include "parse/markdown_assessments.h"
#include "parse/markdown_context.h"
#include "parse/markdown_findings.h"
#include "parse/markdown_header.h"
#include "parse/markdown_observations.h"
#include "parse/outline.h"
#include "parse/title_line.h"

#include <QRegularExpression>

namespace rb::parse {

using md::Block;
using md::BlockType;

bool isNoneLine(const QString &plain)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^(?:none|n/a|nothing(?: to report| found)?|no (?:critical |important |blocking )?)"
                       R"((?:issues|findings|suggestions|concerns|strengths)(?: found| identified)?)[.!]?$)"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(plain.trimmed()).hasMatch();
}

namespace {

constexpr int kBoldHeadingLevel = 7; // a bold line used as a heading ranks below ######

// The outline of the review and the routing of each block to the part that reads it:
// sections open and close here; findings, observations, the header table, assessments and
// the appendix are read by their own parts (markdown_*.h).
class MarkdownReviewParser {
public:
    MarkdownReviewParser(const SourceText &src, ParsedReview &out)
        : m_ctx{src, out}, m_findings(m_ctx), m_observations(m_ctx)
    {
    }

    void run(const Block &doc)
    {
        for (const Block &b : doc.children)
            handle(b);
        closeItem();
        closeSection();
        finish();
    }

private:
    MarkdownContext m_ctx;
    FindingBuilder m_findings;
    ObservationBuilder m_observations;

    SectionKind m_section = SectionKind::None;
    int m_sectionLevel = 0;
    QString m_sectionHeading;
    int m_sectionHeadingLine = 0;
    bool m_unknownSection = false;
    QList<const Block *> m_sectionBlocks;
    bool m_structureSeen = false;
    QList<const Block *> m_pending;   // leading text before any structure: preamble candidates
    QStringList m_looseSummary;       // text after the title/verdict but outside any section
    QList<int> m_looseSummaryLines;
    bool m_sawSummarySection = false;

    // ---- helpers ----------------------------------------------------------------------

    ParsedReview &out() { return m_ctx.out; }
    QString slice(const Block &b) const { return m_ctx.slice(b); }

    void keepUnclassified(const Block &b, const QString &why)
    {
        const QString text = slice(b);
        if (text.isEmpty())
            return;
        out().run.unclassified.append(text);
        m_ctx.warn(b.startLine, QStringLiteral("%1; kept as unclassified text").arg(why));
    }

    void structureBegins()
    {
        if (m_structureSeen)
            return;
        m_structureSeen = true;
        QStringList preamble;
        for (const Block *p : std::as_const(m_pending))
            preamble.append(slice(*p));
        out().preamble = preamble.join(QStringLiteral("\n\n"));
        m_pending.clear();
    }

    bool inFindings() const { return holdsFindings(m_section); }
    bool findingContext() const
    {
        return inFindings() || m_section == SectionKind::None || m_section == SectionKind::Title;
    }
    bool inDesign() const
    {
        return m_section == SectionKind::Design || m_section == SectionKind::Concerns
            || m_section == SectionKind::Strengths;
    }
    ObservationKind observationKind() const
    {
        return m_section == SectionKind::Strengths ? ObservationKind::Strength : ObservationKind::Concern;
    }

    void closeItem()
    {
        m_findings.close();
        m_observations.close();
    }

    // ---- sections ---------------------------------------------------------------------

    void startSection(SectionKind kind, int level, const QString &heading, int line)
    {
        closeItem();
        closeSection();
        structureBegins();
        m_section = kind;
        m_sectionLevel = level;
        m_sectionHeading = heading;
        m_sectionHeadingLine = line;
        m_unknownSection = false;
        if (kind == SectionKind::Title && out().title.isEmpty())
            out().title = heading;
        if (kind == SectionKind::ExecutiveSummary)
            m_sawSummarySection = true;
    }

    void startUnknownSection(const Block &b, const QString &heading)
    {
        startSection(SectionKind::None, b.type == BlockType::Heading ? b.headingLevel : kBoldHeadingLevel, heading,
                     b.startLine);
        m_unknownSection = true;
        keepUnclassified(b, QStringLiteral("section \"%1\" is not part of the review outline").arg(heading));
    }

    void closeSection()
    {
        if (m_sectionBlocks.isEmpty())
            return;
        const int first = m_sectionHeadingLine > 0 ? m_sectionHeadingLine : m_sectionBlocks.first()->startLine;
        storeSection(m_section, m_sectionHeading, sectionText(m_sectionBlocks, m_ctx),
                     m_ctx.src.span(first, m_sectionBlocks.last()->endLine), out());
        m_sectionBlocks.clear();
    }

    // ---- the block dispatcher ---------------------------------------------------------

    void handle(const Block &b)
    {
        switch (b.type) {
        case BlockType::ThematicBreak:
            closeItem();
            if (!m_structureSeen && !m_pending.isEmpty())
                structureBegins();
            return;
        case BlockType::Heading:
            handleHeading(b);
            return;
        case BlockType::Paragraph:
            handleParagraph(b);
            return;
        case BlockType::List:
            handleList(b);
            return;
        case BlockType::Table:
            handleTable(b);
            return;
        default:
            addContent(b);
            return;
        }
    }

    void handleHeading(const Block &b)
    {
        const QString text = b.text();
        if (const auto kind = sectionForHeading(text)) {
            if (*kind != SectionKind::Title || !m_structureSeen || m_section == SectionKind::None) {
                startSection(*kind, b.headingLevel, plainInline(text), b.startLine);
                return;
            }
        }
        if (m_findings.isOpen()) {
            // "#### Fix", "##### Fix (minimal)", "#### Problem" inside a finding
            static const QRegularExpression part(
                QStringLiteral(R"(^((?:suggested |proposed )?fix(?:es)?|problem)(\s*\([^)]{0,200}\))?\s*:?$)"),
                QRegularExpression::CaseInsensitiveOption);
            if (const auto m = part.match(plainInline(text)); m.hasMatch()) {
                Label label;
                label.kind = m.captured(1).compare(QLatin1String("problem"), Qt::CaseInsensitive) == 0 ? LabelKind::Problem
                                                                                                       : LabelKind::Fix;
                label.name = (m.captured(1) + m.captured(2)).trimmed();
                m_findings.extend(b.endLine);
                m_findings.addLabelled(b, label);
                return;
            }
            if (isBodySubheading(text)) {
                addContent(b);
                return;
            }
        }
        // A finding written as a heading: "### [CRITICAL] a.go:3 — T", "#### C1. T — `a.go:3`"
        if (findingContext()) {
            if (const auto t = parseTitleLine(b.firstLine())) {
                const bool deeper = b.headingLevel > m_sectionLevel;
                const bool marked = !t->rawId.isEmpty() || !t->locations.isEmpty() || t->tag;
                if (t->bracketSeverity || severityOfLetter(t->rawId) || (inFindings() && (deeper || marked))) {
                    startFinding(*t, b, b.startLine);
                    return;
                }
            }
        }
        if (inDesign() && b.headingLevel > m_sectionLevel) {
            closeItem();
            structureBegins();
            m_observations.startFromTitle(b, b.text(), observationKind(), false);
            return;
        }
        if (b.headingLevel > m_sectionLevel && m_section != SectionKind::None) {
            addContent(b); // a subheading inside the current section or finding
            return;
        }
        if (m_findings.isOpen() && b.headingLevel > m_sectionLevel) {
            addContent(b);
            return;
        }
        startUnknownSection(b, plainInline(text));
    }

    void handleParagraph(const Block &b)
    {
        const QString first = b.firstLine();
        // Verdict line, wherever it stands outside a finding.
        if (!m_findings.isOpen() && out().run.verdict.isEmpty()) {
            if (const auto v = verdictLine(first)) {
                structureBegins();
                QStringList more = b.lines.mid(1);
                out().run.verdict = (QStringList{*v} + more).join(QLatin1Char(' ')).simplified();
                return;
            }
        }
        if (m_section == SectionKind::Verdict) {
            const QString plain = plainInline(b.text());
            out().run.verdict = out().run.verdict.isEmpty() ? plain : out().run.verdict + QLatin1Char(' ') + plain;
            return;
        }
        if (b.boldOnly) {
            if (const auto label = leadingLabel(first); label && m_findings.isOpen()) {
                m_findings.addLabelled(b, *label);
                return;
            }
            if (const auto kind = sectionForHeading(first);
                kind && (*kind != SectionKind::Title || !m_structureSeen)) {
                startSection(*kind, kBoldHeadingLevel, plainInline(first), b.startLine);
                return;
            }
        }
        if (findingContext() && tryFindingTitle(b, b, 0))
            return;
        if (inDesign()) {
            handleDesignParagraph(b);
            return;
        }
        addContent(b);
    }

    void startFinding(const TitleLine &t, const Block &titleBlock, int firstLine)
    {
        closeItem();
        structureBegins();
        m_findings.start(t, titleBlock, firstLine, m_section);
    }

    // Starts a finding when the paragraph (or the list item's first paragraph) is a title.
    bool tryFindingTitle(const Block &titleBlock, const Block &outer, int listNumber)
    {
        if (titleBlock.type != BlockType::Paragraph && titleBlock.type != BlockType::Heading)
            return false;
        if (m_findings.isOpen() && titleBlock.boldOnly && isBodySubheading(titleBlock.firstLine()))
            return false;
        const auto t = parseTitleLine(titleBlock.firstLine(), listNumber);
        if (!t || !acceptsFindingTitle(*t, titleBlock, {inFindings(), m_findings.isOpen(), m_findings.titleBoldOnly()}))
            return false;
        startFinding(*t, titleBlock, outer.startLine);
        m_findings.takeTitleParagraph(*t, titleBlock);
        return true;
    }

    void handleList(const Block &b)
    {
        if (m_section == SectionKind::CoverageSummary) {
            out().coverage.append(coverageFromList(b));
            addContent(b);
            return;
        }
        if (inDesign()) {
            closeItem();
            for (const Block &item : b.children)
                observationFromItem(item);
            return;
        }
        if (!findingContext()) {
            addContent(b);
            return;
        }
        int number = b.ordered ? b.listStart : 0;
        for (const Block &item : b.children) {
            const Block *firstChild = item.children.isEmpty() ? nullptr : &item.children.first();
            const bool started = firstChild && tryFindingTitle(*firstChild, item, number);
            if (started) {
                for (qsizetype i = 1; i < item.children.size(); ++i)
                    m_findings.add(item.children[i]);
            } else if (m_findings.isOpen()) {
                m_findings.addListItem(item);
            } else {
                addContent(item);
            }
            if (b.ordered)
                ++number;
        }
    }

    void handleTable(const Block &b)
    {
        if (!m_findings.isOpen()) {
            if (const auto header = readHeaderTable(b)) {
                // A two-column table with a Verdict row, anywhere before the findings.
                structureBegins();
                if (out().run.verdict.isEmpty())
                    out().run.verdict = header->verdict;
                for (auto it = header->rows.cbegin(); it != header->rows.cend(); ++it)
                    out().header.insert(it.key(), it.value());
                return;
            }
        }
        if (m_section == SectionKind::CoverageSummary)
            out().coverage.append(coverageFromTable(b));
        addContent(b);
    }

    // ---- design observations ----------------------------------------------------------

    void handleDesignParagraph(const Block &b)
    {
        if (isNoneLine(plainInline(b.text())))
            return;
        if (b.boldOnly) {
            closeItem();
            structureBegins();
            m_observations.startFromTitle(b, b.firstLine(), observationKind(), false);
            if (b.lines.size() > 1)
                if (const QString more = m_ctx.src.slice(b.startLine + 1, 1, b.endLine, b.startColumn - 1); !more.isEmpty())
                    m_observations.appendBody(more);
            return;
        }
        if (m_observations.isOpen() && !m_observations.fromListItem()) {
            m_observations.add(b);
            return;
        }
        observationFromItem(b);
    }

    void observationFromItem(const Block &itemOrParagraph)
    {
        if (!ObservationBuilder::holdsObservation(itemOrParagraph))
            return;
        closeItem();
        structureBegins();
        m_observations.startFromItem(itemOrParagraph, observationKind());
    }

    // ---- content routing --------------------------------------------------------------

    // A block that is neither a title nor a section heading goes to whatever is open.
    void addContent(const Block &b)
    {
        if (m_findings.isOpen()) {
            m_findings.addContent(b);
            return;
        }
        if (m_observations.isOpen()) {
            m_observations.add(b);
            return;
        }
        if (!m_structureSeen) {
            if (b.type == BlockType::Paragraph || b.type == BlockType::Item)
                m_pending.append(&b);
            else
                keepUnclassified(b, QStringLiteral("text before the review outline"));
            return;
        }
        if (m_unknownSection) {
            keepUnclassified(b, QStringLiteral("text in section \"%1\"").arg(m_sectionHeading));
            return;
        }
        switch (m_section) {
        case SectionKind::None:
        case SectionKind::Title:
            if (b.type == BlockType::Paragraph || b.type == BlockType::List || b.type == BlockType::Item
                || b.type == BlockType::BlockQuote) {
                m_looseSummary.append(slice(b));
                m_looseSummaryLines.append(b.startLine);
            } else {
                keepUnclassified(b, QStringLiteral("text outside any section"));
            }
            return;
        case SectionKind::Findings:
        case SectionKind::Critical:
        case SectionKind::Important:
        case SectionKind::Suggestions:
            if (b.type == BlockType::Paragraph && isNoneLine(plainInline(b.text())))
                return;
            keepUnclassified(b, QStringLiteral("text in %1 that is not a finding").arg(displayName(m_section)));
            return;
        case SectionKind::Design:
        case SectionKind::Concerns:
        case SectionKind::Strengths:
            keepUnclassified(b, QStringLiteral("text in %1 that is not an observation").arg(displayName(m_section)));
            return;
        case SectionKind::Verdict:
            out().run.verdict += (out().run.verdict.isEmpty() ? QString() : QStringLiteral(" ")) + plainInline(slice(b));
            return;
        default:
            m_sectionBlocks.append(&b);
            return;
        }
    }

    // ---- the end ----------------------------------------------------------------------

    void finish()
    {
        AgentRun &run = out().run;
        if (!m_looseSummary.isEmpty()) {
            if (!m_sawSummarySection && run.executiveSummary.isEmpty()) {
                run.executiveSummary = m_looseSummary.join(QStringLiteral("\n\n"));
            } else {
                for (qsizetype i = 0; i < m_looseSummary.size(); ++i) {
                    run.unclassified.append(m_looseSummary[i]);
                    m_ctx.warn(m_looseSummaryLines[i], QStringLiteral("text outside any section; kept as unclassified text"));
                }
            }
        }
        if (!m_structureSeen && !m_pending.isEmpty()) {
            // No outline at all: the whole text is unclassified (or, if short, a failure,
            // which parseRawReview decides).
            for (const Block *p : std::as_const(m_pending))
                run.unclassified.append(slice(*p));
            m_ctx.warn(m_pending.first()->startLine, QStringLiteral("no review outline found (no sections, verdict or "
                                                                    "findings); the text is kept as unclassified text"));
        }
        if (!out().coverage.isEmpty())
            run.filesReviewed = int(out().coverage.size());
    }
};

} // namespace

ParsedReview parseMarkdownReview(const QString &text, const RawReviewSource &source)
{
    ParsedReview out;
    out.run.id = source.agentId;
    out.run.name = source.agentName;
    out.run.format = RawFormat::Markdown;
    out.run.rawOutput = text;
    const SourceText src(text.toUtf8());
    const md::Block doc = md::parseMarkdown(src.bytes());
    MarkdownReviewParser(src, out).run(doc);
    return out;
}

} // namespace rb::parse
