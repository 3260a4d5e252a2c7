#include "parse/markdown_review.h"

#include "parse/locations.h"
#include "parse/markdown_tree.h"
#include "parse/source_text.h"
#include "parse/tags.h"
#include "parse/title_line.h"

#include <QRegularExpression>

namespace rb::parse {

namespace {

using md::Block;
using md::BlockType;

constexpr int kBoldHeadingLevel = 7; // a bold line used as a heading ranks below ######

bool isNoneLine(const QString &plain)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^(?:none|n/a|nothing(?: to report| found)?|no (?:critical |important |blocking )?)"
                       R"((?:issues|findings|suggestions|concerns|strengths)(?: found| identified)?)[.!]?$)"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(plain.trimmed()).hasMatch();
}

std::optional<Severity> severityOfLetter(const QString &rawId)
{
    if (rawId.startsWith(QLatin1Char('C'))) return Severity::Critical;
    if (rawId.startsWith(QLatin1Char('I'))) return Severity::Important;
    if (rawId.startsWith(QLatin1Char('S'))) return Severity::Suggestion;
    return std::nullopt;
}

struct FindingDraft {
    RawFinding finding;
    SectionKind section = SectionKind::None;
    std::optional<SeverityTag> tag;
    std::optional<Severity> bracketSeverity;
    int firstLine = 0;
    int lastLine = 0;
    bool inFix = false;
    bool sawFixLabel = false;
    bool boldOnlyTitle = false; // "**Title**" alone: a later bare bold line starts the next finding
    QStringList body;
    QStringList fixProse;
    QString lastBodyDiff; // a diff block in the body, used as the fix when no Fix label follows
};

struct ObservationDraft {
    RawObservation observation;
    int firstLine = 0;
    int lastLine = 0;
    bool fromListItem = false;
    QStringList body;
};

class MarkdownReviewParser {
public:
    MarkdownReviewParser(const SourceText &src, ParsedReview &out) : m_src(src), m_out(out) {}

    void run(const Block &doc)
    {
        for (const Block &b : doc.children)
            handle(b);
        closeItem();
        closeSection();
        finish();
    }

private:
    const SourceText &m_src;
    ParsedReview &m_out;

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

    std::optional<FindingDraft> m_finding;
    std::optional<ObservationDraft> m_observation;

    // ---- helpers ----------------------------------------------------------------------

    QString slice(const Block &b) const
    {
        return m_src.slice(b.startLine, b.startColumn, b.endLine, std::max(b.startColumn - 1, 0));
    }

    void warn(int line, const QString &message) { m_out.run.parseWarnings.append(ParseWarning{line, message}); }

    void keepUnclassified(const Block &b, const QString &why)
    {
        const QString text = slice(b);
        if (text.isEmpty())
            return;
        m_out.run.unclassified.append(text);
        warn(b.startLine, QStringLiteral("%1; kept as unclassified text").arg(why));
    }

    void structureBegins()
    {
        if (m_structureSeen)
            return;
        m_structureSeen = true;
        QStringList preamble;
        for (const Block *p : std::as_const(m_pending))
            preamble.append(slice(*p));
        m_out.preamble = preamble.join(QStringLiteral("\n\n"));
        m_pending.clear();
    }

    bool inFindings() const { return holdsFindings(m_section); }
    bool inDesign() const
    {
        return m_section == SectionKind::Design || m_section == SectionKind::Concerns
            || m_section == SectionKind::Strengths;
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
        if (kind == SectionKind::Title && m_out.title.isEmpty())
            m_out.title = heading;
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

    QString sectionText() const
    {
        QStringList parts;
        for (const Block *b : m_sectionBlocks)
            if (b->type != BlockType::ThematicBreak)
                parts.append(slice(*b));
        parts.removeAll(QString());
        return parts.join(QStringLiteral("\n\n"));
    }

    void closeSection()
    {
        if (m_sectionBlocks.isEmpty())
            return;
        const QString text = sectionText();
        AgentRun &run = m_out.run;
        auto append = [&text](QString &field) {
            field = field.isEmpty() ? text : field + QStringLiteral("\n\n") + text;
        };
        switch (m_section) {
        case SectionKind::ExecutiveSummary: append(run.executiveSummary); break;
        case SectionKind::Testing: append(run.testingAssessment); break;
        case SectionKind::Documentation: append(run.documentationAssessment); break;
        case SectionKind::CommitStructure: append(run.commitStructure); break;
        case SectionKind::AcknowledgedLimitations:
        case SectionKind::UnresolvedFeedback:
        case SectionKind::CoverageSummary: {
            const int first = m_sectionHeadingLine > 0 ? m_sectionHeadingLine : m_sectionBlocks.first()->startLine;
            m_out.otherSections.append(ReviewSection{m_section, m_sectionHeading, text,
                                                     m_src.span(first, m_sectionBlocks.last()->endLine)});
            break;
        }
        default: break;
        }
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
            handleOther(b);
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
        if (m_finding) {
            // "#### Fix", "##### Fix (minimal)", "#### Problem" inside a finding
            static const QRegularExpression part(
                QStringLiteral(R"(^((?:suggested |proposed )?fix(?:es)?|problem)(\s*\([^)]{0,200}\))?\s*:?$)"),
                QRegularExpression::CaseInsensitiveOption);
            if (const auto m = part.match(plainInline(text)); m.hasMatch()) {
                Label label;
                label.kind = m.captured(1).compare(QLatin1String("problem"), Qt::CaseInsensitive) == 0 ? LabelKind::Problem
                                                                                                       : LabelKind::Fix;
                label.name = (m.captured(1) + m.captured(2)).trimmed();
                extend(b.endLine);
                addLabelled(b, label);
                return;
            }
            if (isBodySubheading(text)) {
                addContent(b);
                return;
            }
        }
        // A finding written as a heading: "### [CRITICAL] a.go:3 — T", "#### C1. T — `a.go:3`"
        if (inFindings() || m_section == SectionKind::None || m_section == SectionKind::Title) {
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
            startObservationFromTitle(b, b.text(), false);
            return;
        }
        if (b.headingLevel > m_sectionLevel && m_section != SectionKind::None) {
            addContent(b); // a subheading inside the current section or finding
            return;
        }
        if (m_finding && b.headingLevel > m_sectionLevel) {
            addContent(b);
            return;
        }
        startUnknownSection(b, plainInline(text));
    }

    void handleParagraph(const Block &b)
    {
        const QString first = b.firstLine();
        // Verdict line, wherever it stands outside a finding.
        if (!m_finding && m_out.run.verdict.isEmpty()) {
            if (const auto v = verdictLine(first)) {
                structureBegins();
                QStringList more = b.lines.mid(1);
                m_out.run.verdict = (QStringList{*v} + more).join(QLatin1Char(' ')).simplified();
                return;
            }
        }
        if (m_section == SectionKind::Verdict) {
            const QString plain = plainInline(b.text());
            m_out.run.verdict = m_out.run.verdict.isEmpty() ? plain : m_out.run.verdict + QLatin1Char(' ') + plain;
            return;
        }
        if (b.boldOnly) {
            if (const auto label = leadingLabel(first); label && m_finding) {
                addLabelled(b, *label);
                return;
            }
            if (const auto kind = sectionForHeading(first);
                kind && (*kind != SectionKind::Title || !m_structureSeen)) {
                startSection(*kind, kBoldHeadingLevel, plainInline(first), b.startLine);
                return;
            }
        }
        if (inFindings() || m_section == SectionKind::None || m_section == SectionKind::Title) {
            if (tryFindingTitle(b, b, 0))
                return;
        }
        if (inDesign()) {
            handleDesignParagraph(b);
            return;
        }
        addContent(b);
    }

    // Starts a finding when the paragraph (or the list item's first paragraph) is a title.
    bool tryFindingTitle(const Block &titleBlock, const Block &outer, int listNumber)
    {
        if (titleBlock.type != BlockType::Paragraph && titleBlock.type != BlockType::Heading)
            return false;
        if (m_finding && titleBlock.boldOnly && isBodySubheading(titleBlock.firstLine()))
            return false;
        const auto t = parseTitleLine(titleBlock.firstLine(), listNumber);
        if (!t)
            return false;
        const bool letterId = severityOfLetter(t->rawId).has_value();
        bool accept = false;
        if (t->bracketSeverity || (letterId && t->strong && !t->title.isEmpty()))
            accept = true;
        else if (!inFindings())
            accept = false; // outside a findings section only unmistakable titles count
        else if (t->strong && (!t->rawId.isEmpty() || !t->locations.isEmpty() || t->tag))
            accept = true;
        else if (t->strong && titleBlock.boldOnly && !m_finding)
            accept = true; // "**Title**" alone opening a severity section
        else if (t->strong && titleBlock.boldOnly && m_finding && m_finding->boldOnlyTitle)
            accept = !titleBlock.firstLine().trimmed().endsWith(QLatin1Char(':'))
                  && !titleBlock.firstLine().contains(QLatin1String(":**")); // the same bare style as the open one
        else if (!t->locations.isEmpty() && t->tag)
            accept = true;
        if (!accept)
            return false;
        startFinding(*t, titleBlock, outer.startLine);
        m_finding->boldOnlyTitle = titleBlock.boldOnly && t->rawId.isEmpty() && t->locations.isEmpty() && !t->tag;
        // The rest of the title paragraph: a location line, a tag line, or body text.
        QStringList restLines;
        for (qsizetype i = 1; i < titleBlock.lines.size(); ++i) {
            const QString line = titleBlock.lines[i];
            if (!m_finding->tag) {
                if (const auto tag = tagOnly(line)) {
                    m_finding->tag = tag;
                    continue;
                }
            }
            if (m_finding->finding.locations.isEmpty() && restLines.isEmpty()) {
                const ParsedLocations p = parseLocations(line);
                if (p.complete) {
                    m_finding->finding.locations = p.locations;
                    continue;
                }
            }
            restLines.append(line);
        }
        if (!restLines.isEmpty() && titleBlock.type == BlockType::Paragraph) {
            // Keep the source text of the remaining lines, not the re-rendered inlines.
            const int firstRest = titleBlock.startLine + int(titleBlock.lines.size() - restLines.size());
            addBodyText(m_src.slice(firstRest, 1, titleBlock.endLine, titleBlock.startColumn - 1));
        }
        if (!t->rest.isEmpty())
            m_finding->body.prepend(t->rest);
        return true;
    }

    void handleList(const Block &b)
    {
        if (m_section == SectionKind::CoverageSummary) {
            for (const Block &item : b.children)
                coverageFromItem(item);
            addContent(b);
            return;
        }
        if (inDesign()) {
            closeItem();
            for (const Block &item : b.children)
                observationFromItem(item);
            return;
        }
        const bool findingContext = inFindings() || m_section == SectionKind::None || m_section == SectionKind::Title;
        if (!findingContext) {
            addContent(b);
            return;
        }
        int number = b.ordered ? b.listStart : 0;
        for (const Block &item : b.children) {
            const Block *firstChild = item.children.isEmpty() ? nullptr : &item.children.first();
            bool started = false;
            if (firstChild)
                started = tryFindingTitle(*firstChild, item, number);
            if (started) {
                for (qsizetype i = 1; i < item.children.size(); ++i)
                    addToFinding(item.children[i]);
            } else if (m_finding) {
                addListItemToFinding(item);
            } else {
                addContent(item);
            }
            if (b.ordered)
                ++number;
        }
    }

    void handleTable(const Block &b)
    {
        if (!m_finding && verdictTable(b))
            return;
        if (m_section == SectionKind::CoverageSummary) {
            for (const Block &row : b.children) {
                if (row.children.size() < 2)
                    continue;
                const QString path = plainInline(row.children[0].text());
                const QString status = plainInline(row.children[1].text());
                if (row.headerRow || path.compare(QLatin1String("file"), Qt::CaseInsensitive) == 0)
                    continue;
                if (!path.isEmpty())
                    m_out.coverage.append(CoverageEntry{path, status});
            }
        }
        addContent(b);
    }

    void handleOther(const Block &b) { addContent(b); }

    // A two-column table with a Verdict row, anywhere before the findings.
    bool verdictTable(const Block &table)
    {
        QMap<QString, QString> rows;
        QString verdict;
        for (const Block &row : table.children) {
            if (row.children.size() < 2)
                continue;
            const QString key = plainInline(row.children[0].text());
            const QString value = plainInline(row.children[1].text());
            if (key.compare(QLatin1String("verdict"), Qt::CaseInsensitive) == 0)
                verdict = value;
            else if (!row.headerRow && !key.isEmpty())
                rows.insert(key, value);
        }
        if (verdict.isEmpty())
            return false;
        structureBegins();
        if (m_out.run.verdict.isEmpty())
            m_out.run.verdict = verdict;
        for (auto it = rows.cbegin(); it != rows.cend(); ++it)
            m_out.header.insert(it.key(), it.value());
        return true;
    }

    // ---- content routing --------------------------------------------------------------

    // A block that is neither a title nor a section heading goes to whatever is open.
    void addContent(const Block &b)
    {
        if (m_finding) {
            if (b.type == BlockType::List) {
                for (const Block &item : b.children)
                    addListItemToFinding(item);
            } else {
                addToFinding(b);
            }
            return;
        }
        if (m_observation) {
            addToObservation(b);
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
            m_out.run.verdict += (m_out.run.verdict.isEmpty() ? QString() : QStringLiteral(" ")) + plainInline(slice(b));
            return;
        default:
            m_sectionBlocks.append(&b);
            return;
        }
    }

    // ---- findings ---------------------------------------------------------------------

    void startFinding(const TitleLine &t, const Block &titleBlock, int firstLine)
    {
        closeItem();
        structureBegins();
        FindingDraft d;
        d.section = m_section;
        d.finding.rawId = t.rawId;
        d.finding.title = t.title;
        d.finding.locations = t.locations;
        d.tag = t.tag;
        d.bracketSeverity = t.bracketSeverity;
        d.firstLine = firstLine;
        d.lastLine = titleBlock.endLine;
        m_finding = std::move(d);
        if (t.title.isEmpty())
            warn(titleBlock.startLine, QStringLiteral("finding without a title"));
    }

    void extend(int endLine)
    {
        if (m_finding)
            m_finding->lastLine = std::max(m_finding->lastLine, endLine);
    }

    void addBodyText(QString text)
    {
        if (text.isEmpty())
            return;
        if (!m_finding->tag)
            m_finding->tag = takeTrailingSeverityTag(text);
        if (m_finding->inFix)
            m_finding->fixProse.append(text);
        else if (!text.isEmpty())
            m_finding->body.append(text);
    }

    void addLabelled(const Block &b, const Label &label)
    {
        extend(b.endLine);
        // The rest of the paragraph after the label line, verbatim.
        QString rest = label.rest;
        if (b.lines.size() > 1) {
            const QString more = m_src.slice(b.startLine + 1, 1, b.endLine, b.startColumn - 1);
            rest = rest.isEmpty() ? more : rest + QLatin1Char('\n') + more;
        }
        switch (label.kind) {
        case LabelKind::Fix:
            if (m_finding->sawFixLabel && !m_finding->finding.fixPatch.isEmpty())
                rest = label.name + QStringLiteral(": ") + rest; // a second, alternative fix
            else if (label.name.contains(QLatin1Char('(')))
                rest = label.name + QStringLiteral(": ") + rest;
            m_finding->inFix = true;
            m_finding->sawFixLabel = true;
            addBodyText(rest.trimmed());
            return;
        case LabelKind::Problem:
            m_finding->inFix = false;
            addBodyText(rest);
            return;
        case LabelKind::Classification:
        case LabelKind::Other: {
            const SeverityTag t = classificationWords(rest);
            if (t.severity || t.category != Category::Unspecified) {
                if (!m_finding->tag)
                    m_finding->tag = t;
            } else {
                addBodyText(slice(b));
            }
            return;
        }
        }
    }

    void addToFinding(const Block &b)
    {
        extend(b.endLine);
        FindingDraft &d = *m_finding;
        switch (b.type) {
        case BlockType::Paragraph: {
            const QString first = b.firstLine();
            if (const auto label = leadingLabel(first)) {
                addLabelled(b, *label);
                return;
            }
            if (const auto tag = tagOnly(b.text())) {
                if (!d.tag)
                    d.tag = tag;
                else if (tag->severity != d.tag->severity || tag->category != d.tag->category)
                    warn(b.startLine, QStringLiteral("a second severity tag for finding \"%1\"; the first is kept")
                                          .arg(d.finding.title));
                return;
            }
            if (d.finding.locations.isEmpty() && d.body.isEmpty() && !d.inFix) {
                const ParsedLocations p = parseLocations(b.text().simplified());
                if (p.complete) {
                    d.finding.locations = p.locations;
                    return;
                }
            }
            addBodyText(slice(b));
            return;
        }
        case BlockType::CodeBlock: {
            if (d.inFix) {
                if (d.finding.fixPatch.isEmpty())
                    d.finding.fixPatch = b.literal;
                else
                    d.fixProse.append(slice(b));
                return;
            }
            const QString info = b.info.section(QLatin1Char(' '), 0, 0).toLower();
            if (info == QLatin1String("diff") || info == QLatin1String("patch"))
                d.lastBodyDiff = b.literal;
            else
                d.lastBodyDiff.clear();
            d.finding.codeExcerpts.append(b.literal);
            return;
        }
        case BlockType::List:
            for (const Block &item : b.children)
                addListItemToFinding(item);
            return;
        default:
            addBodyText(slice(b));
            return;
        }
    }

    // "* Problem: …", "* Fix: …", "- Classification: important, gap", or ordinary bullets.
    void addListItemToFinding(const Block &item)
    {
        extend(item.endLine);
        if (!item.children.isEmpty() && item.children.first().type == BlockType::Paragraph) {
            const Block &p = item.children.first();
            if (const auto label = leadingLabel(p.firstLine())) {
                addLabelled(p, *label);
                for (qsizetype i = 1; i < item.children.size(); ++i)
                    addToFinding(item.children[i]);
                return;
            }
        }
        m_finding->lastBodyDiff.clear();
        addBodyText(m_src.slice(item.startLine, item.startColumn, item.endLine, item.startColumn - 1));
    }

    void closeFinding()
    {
        if (!m_finding)
            return;
        FindingDraft d = std::move(*m_finding);
        m_finding.reset();
        RawFinding &f = d.finding;
        f.agentId = m_out.run.id;
        if (d.tag && d.tag->severity)
            f.severity = *d.tag->severity;
        else if (d.bracketSeverity)
            f.severity = *d.bracketSeverity;
        else if (const auto s = sectionSeverity(d.section))
            f.severity = *s;
        else if (const auto l = severityOfLetter(f.rawId))
            f.severity = *l;
        else {
            f.severity = Severity::Suggestion;
            warn(d.firstLine, QStringLiteral("finding \"%1\" has no severity tag and no severity section; "
                                             "taken as a suggestion").arg(f.title));
        }
        if (d.tag)
            f.category = d.tag->category;
        if (!d.sawFixLabel && !d.lastBodyDiff.isEmpty() && !f.codeExcerpts.isEmpty()
            && f.codeExcerpts.last() == d.lastBodyDiff) {
            // A diff block ending the body without a Fix label is the proposed fix.
            f.fixPatch = d.lastBodyDiff;
            f.codeExcerpts.removeLast();
        }
        if (f.locations.isEmpty() && !f.codeExcerpts.isEmpty()) {
            // "// path:lines" opening the quoted code
            static const QRegularExpression comment(QStringLiteral(R"(^\s*(?://|#|--|;)\s*(\S+)\s*$)"));
            const auto m = comment.match(f.codeExcerpts.first().section(QLatin1Char('\n'), 0, 0));
            if (m.hasMatch()) {
                const ParsedLocations p = parseLocations(m.captured(1));
                if (p.complete)
                    f.locations = p.locations;
            }
        }
        f.body = d.body.join(QStringLiteral("\n\n")).trimmed();
        f.fixProse = d.fixProse.join(QStringLiteral("\n\n")).trimmed();
        f.span = m_src.span(d.firstLine, d.lastLine);
        m_out.findings.append(std::move(f));
    }

    // ---- design observations ----------------------------------------------------------

    ObservationKind observationKind() const
    {
        return m_section == SectionKind::Strengths ? ObservationKind::Strength : ObservationKind::Concern;
    }

    void handleDesignParagraph(const Block &b)
    {
        if (isNoneLine(plainInline(b.text())))
            return;
        if (b.boldOnly) {
            startObservationFromTitle(b, b.firstLine(), false);
            const QString more = b.lines.size() > 1
                ? m_src.slice(b.startLine + 1, 1, b.endLine, b.startColumn - 1) : QString();
            if (!more.isEmpty())
                m_observation->body.append(more);
            return;
        }
        if (m_observation && !m_observation->fromListItem) {
            addToObservation(b);
            return;
        }
        observationFromItem(b);
    }

    void startObservationFromTitle(const Block &b, QString title, bool fromItem)
    {
        closeItem();
        structureBegins();
        ObservationDraft d;
        d.observation.kind = observationKind();
        d.observation.agentId = m_out.run.id;
        if (const auto scope = takeScopeTag(title))
            d.observation.scope = *scope;
        d.observation.title = cleanObservationTitle(title);
        d.firstLine = b.startLine;
        d.lastLine = b.endLine;
        d.fromListItem = fromItem;
        m_observation = std::move(d);
    }

    static QString cleanObservationTitle(QString title)
    {
        title = title.trimmed();
        if (title.startsWith(QLatin1String("**")) && title.endsWith(QLatin1String("**")) && title.size() > 4)
            title = title.mid(2, title.size() - 4).trimmed();
        static const QRegularExpression marker(QStringLiteral(R"(\s*\[(?:good|nice|\+)\]\s*$)"),
                                               QRegularExpression::CaseInsensitiveOption);
        title.remove(marker);
        while (title.endsWith(QLatin1Char(':')))
            title.chop(1);
        return title.trimmed();
    }

    // One bullet, numbered item or paragraph: "**Title** *(future)* — body", "`(in-scope)` Body."
    void observationFromItem(const Block &itemOrParagraph)
    {
        const Block *p = &itemOrParagraph;
        if (p->type == BlockType::Item) {
            if (p->children.isEmpty())
                return;
            p = &p->children.first();
        }
        closeItem();
        structureBegins();
        ObservationDraft d;
        d.observation.kind = observationKind();
        d.observation.agentId = m_out.run.id;
        d.firstLine = itemOrParagraph.startLine;
        d.lastLine = itemOrParagraph.endLine;
        d.fromListItem = true;
        if (p->type != BlockType::Paragraph && p->type != BlockType::Heading) {
            d.body.append(slice(*p));
        } else {
            QString line = p->firstLine();
            static const QRegularExpression marker(QStringLiteral(R"(\s*\[(?:good|nice|\+)\]\s*$)"),
                                                   QRegularExpression::CaseInsensitiveOption);
            line.remove(marker);
            if (const auto scope = takeScopeTag(line))
                d.observation.scope = *scope;
            QString rest;
            if (line.startsWith(QLatin1String("**"))) {
                const auto close = line.indexOf(QLatin1String("**"), 2);
                if (close > 2) {
                    d.observation.title = line.mid(2, close - 2);
                    rest = line.mid(close + 2).trimmed();
                    if (const auto scope = takeScopeTag(rest); scope && d.observation.scope == ObservationScope::Unspecified)
                        d.observation.scope = *scope;
                    static const QRegularExpression lead(QStringLiteral(R"(^(?:—|–|-|:)\s*)"));
                    rest.remove(lead);
                }
            }
            if (d.observation.title.isEmpty()) {
                static const QRegularExpression stop(QStringLiteral(R"(\s+[—–]\s+|(?<=[.!?])\s+|:\s+)"));
                const auto m = stop.match(line);
                if (m.hasMatch() && m.capturedStart() > 0) {
                    d.observation.title = line.left(m.capturedStart());
                    rest = line.mid(m.capturedEnd());
                } else {
                    d.observation.title = line;
                }
            }
            d.observation.title = cleanObservationTitle(d.observation.title);
            if (p->lines.size() > 1) {
                const QString more = m_src.slice(p->startLine + 1, 1, p->endLine, p->startColumn - 1);
                rest = rest.isEmpty() ? more : rest + QLatin1Char('\n') + more;
            }
            if (!rest.isEmpty())
                d.body.append(rest);
        }
        if (itemOrParagraph.type == BlockType::Item)
            for (qsizetype i = 1; i < itemOrParagraph.children.size(); ++i)
                d.body.append(slice(itemOrParagraph.children[i]));
        m_observation = std::move(d);
    }

    void addToObservation(const Block &b)
    {
        m_observation->lastLine = std::max(m_observation->lastLine, b.endLine);
        m_observation->body.append(slice(b));
    }

    void closeObservation()
    {
        if (!m_observation)
            return;
        ObservationDraft d = std::move(*m_observation);
        m_observation.reset();
        d.body.removeAll(QString());
        d.observation.body = d.body.join(QStringLiteral("\n\n")).trimmed();
        d.observation.span = m_src.span(d.firstLine, d.lastLine);
        if (d.observation.title.isEmpty() && d.observation.body.isEmpty())
            return;
        m_out.observations.append(std::move(d.observation));
    }

    void closeItem()
    {
        closeFinding();
        closeObservation();
    }

    // ---- coverage summary -------------------------------------------------------------

    void coverageFromItem(const Block &item)
    {
        if (item.children.isEmpty() || item.children.first().type != BlockType::Paragraph)
            return;
        const QString line = item.children.first().firstLine();
        static const QRegularExpression sep(QStringLiteral(R"(\s+[—–:-]\s+|:\s+)"));
        const auto m = sep.match(line);
        const QString pathPart = m.hasMatch() ? line.left(m.capturedStart()) : line;
        const auto loc = parseOneLocation(plainInline(pathPart));
        if (!loc)
            return;
        m_out.coverage.append(CoverageEntry{loc->path, m.hasMatch() ? plainInline(line.mid(m.capturedEnd())) : QString()});
    }

    // ---- the end ----------------------------------------------------------------------

    void finish()
    {
        AgentRun &run = m_out.run;
        if (!m_looseSummary.isEmpty()) {
            if (!m_sawSummarySection && run.executiveSummary.isEmpty()) {
                run.executiveSummary = m_looseSummary.join(QStringLiteral("\n\n"));
            } else {
                for (qsizetype i = 0; i < m_looseSummary.size(); ++i) {
                    run.unclassified.append(m_looseSummary[i]);
                    warn(m_looseSummaryLines[i], QStringLiteral("text outside any section; kept as unclassified text"));
                }
            }
        }
        if (!m_structureSeen && !m_pending.isEmpty()) {
            // No outline at all: the whole text is unclassified (or, if short, a failure,
            // which parseRawReview decides).
            for (const Block *p : std::as_const(m_pending))
                run.unclassified.append(slice(*p));
            warn(m_pending.first()->startLine, QStringLiteral("no review outline found (no sections, verdict or "
                                                              "findings); the text is kept as unclassified text"));
        }
        if (!m_out.coverage.isEmpty())
            run.filesReviewed = int(m_out.coverage.size());
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
