#include "parse/markdown_findings.h"

#include "parse/locations.h"
#include "parse/tags.h"

#include <QRegularExpression>

namespace rb::parse {

using md::Block;
using md::BlockType;

std::optional<Severity> severityOfLetter(const QString &rawId)
{
    if (rawId.startsWith(QLatin1Char('C'))) return Severity::Critical;
    if (rawId.startsWith(QLatin1Char('I'))) return Severity::Important;
    if (rawId.startsWith(QLatin1Char('S'))) return Severity::Suggestion;
    return std::nullopt;
}

bool acceptsFindingTitle(const TitleLine &t, const Block &titleBlock, const FindingTitleContext &c)
{
    const bool letterId = severityOfLetter(t.rawId).has_value();
    if (t.bracketSeverity || (letterId && t.strong && !t.title.isEmpty()))
        return true;
    if (!c.inFindingsSection)
        return false; // outside a findings section only unmistakable titles count
    if (t.strong && (!t.rawId.isEmpty() || !t.locations.isEmpty() || t.tag))
        return true;
    if (t.strong && titleBlock.boldOnly && !c.findingOpen)
        return true; // "**Title**" alone opening a severity section
    if (t.strong && titleBlock.boldOnly && c.findingOpen && c.openTitleBoldOnly)
        return !titleBlock.firstLine().trimmed().endsWith(QLatin1Char(':'))
            && !titleBlock.firstLine().contains(QLatin1String(":**")); // the same bare style as the open one
    return !t.locations.isEmpty() && t.tag;
}

void FindingBuilder::start(const TitleLine &t, const Block &titleBlock, int firstLine, SectionKind section)
{
    Draft d;
    d.section = section;
    d.finding.rawId = t.rawId;
    d.finding.title = t.title;
    d.finding.locations = t.locations;
    d.tag = t.tag;
    d.bracketSeverity = t.bracketSeverity;
    d.firstLine = firstLine;
    d.lastLine = titleBlock.endLine;
    m_draft = std::move(d);
    if (t.title.isEmpty())
        m_ctx.warn(titleBlock.startLine, QStringLiteral("finding without a title"));
}

void FindingBuilder::takeTitleParagraph(const TitleLine &t, const Block &titleBlock)
{
    Draft &d = *m_draft;
    d.boldOnlyTitle = titleBlock.boldOnly && t.rawId.isEmpty() && t.locations.isEmpty() && !t.tag;
    QStringList restLines;
    for (qsizetype i = 1; i < titleBlock.lines.size(); ++i) {
        const QString line = titleBlock.lines[i];
        if (!d.tag) {
            if (const auto tag = tagOnly(line)) {
                d.tag = tag;
                continue;
            }
        }
        if (d.finding.locations.isEmpty() && restLines.isEmpty()) {
            const ParsedLocations p = parseLocations(line);
            if (p.complete) {
                d.finding.locations = p.locations;
                continue;
            }
        }
        restLines.append(line);
    }
    if (!restLines.isEmpty() && titleBlock.type == BlockType::Paragraph) {
        // Keep the source text of the remaining lines, not the re-rendered inlines.
        const int firstRest = titleBlock.startLine + int(titleBlock.lines.size() - restLines.size());
        addBodyText(m_ctx.src.slice(firstRest, 1, titleBlock.endLine, titleBlock.startColumn - 1));
    }
    if (!t.rest.isEmpty())
        d.body.prepend(t.rest);
}

void FindingBuilder::extend(int endLine)
{
    if (m_draft)
        m_draft->lastLine = std::max(m_draft->lastLine, endLine);
}

void FindingBuilder::addBodyText(QString text)
{
    if (text.isEmpty())
        return;
    if (!m_draft->tag)
        m_draft->tag = takeTrailingSeverityTag(text);
    if (m_draft->inFix)
        m_draft->fixProse.append(text);
    else if (!text.isEmpty())
        m_draft->body.append(text);
}

void FindingBuilder::addLabelled(const Block &b, const Label &label)
{
    extend(b.endLine);
    Draft &d = *m_draft;
    // The rest of the paragraph after the label line, verbatim.
    QString rest = label.rest;
    if (b.lines.size() > 1) {
        const QString more = m_ctx.src.slice(b.startLine + 1, 1, b.endLine, b.startColumn - 1);
        rest = rest.isEmpty() ? more : rest + QLatin1Char('\n') + more;
    }
    switch (label.kind) {
    case LabelKind::Fix:
        if (d.sawFixLabel && !d.finding.fixPatch.isEmpty())
            rest = label.name + QStringLiteral(": ") + rest; // a second, alternative fix
        else if (label.name.contains(QLatin1Char('(')))
            rest = label.name + QStringLiteral(": ") + rest;
        d.inFix = true;
        d.sawFixLabel = true;
        addBodyText(rest.trimmed());
        return;
    case LabelKind::Problem:
        d.inFix = false;
        addBodyText(rest);
        return;
    case LabelKind::Classification:
    case LabelKind::Other: {
        const SeverityTag t = classificationWords(rest);
        if (t.severity || t.category != Category::Unspecified) {
            if (!d.tag)
                d.tag = t;
        } else {
            addBodyText(m_ctx.slice(b));
        }
        return;
    }
    }
}

void FindingBuilder::add(const Block &b)
{
    extend(b.endLine);
    Draft &d = *m_draft;
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
                m_ctx.warn(b.startLine, QStringLiteral("a second severity tag for finding \"%1\"; the first is kept")
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
        addBodyText(m_ctx.slice(b));
        return;
    }
    case BlockType::CodeBlock: {
        if (d.inFix) {
            if (d.finding.fixPatch.isEmpty())
                d.finding.fixPatch = b.literal;
            else
                d.fixProse.append(m_ctx.slice(b));
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
            addListItem(item);
        return;
    default:
        addBodyText(m_ctx.slice(b));
        return;
    }
}

void FindingBuilder::addListItem(const Block &item)
{
    extend(item.endLine);
    if (!item.children.isEmpty() && item.children.first().type == BlockType::Paragraph) {
        const Block &p = item.children.first();
        if (const auto label = leadingLabel(p.firstLine())) {
            addLabelled(p, *label);
            for (qsizetype i = 1; i < item.children.size(); ++i)
                add(item.children[i]);
            return;
        }
    }
    m_draft->lastBodyDiff.clear();
    addBodyText(m_ctx.src.slice(item.startLine, item.startColumn, item.endLine, item.startColumn - 1));
}

void FindingBuilder::addContent(const Block &b)
{
    if (b.type == BlockType::List) {
        for (const Block &item : b.children)
            addListItem(item);
    } else {
        add(b);
    }
}

void FindingBuilder::close()
{
    if (!m_draft)
        return;
    Draft d = std::move(*m_draft);
    m_draft.reset();
    RawFinding &f = d.finding;
    f.agentId = m_ctx.out.run.id;
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
        m_ctx.warn(d.firstLine, QStringLiteral("finding \"%1\" has no severity tag and no severity section; "
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
    f.span = m_ctx.src.span(d.firstLine, d.lastLine);
    m_ctx.out.findings.append(std::move(f));
}

} // namespace rb::parse
