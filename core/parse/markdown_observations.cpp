#include "parse/markdown_observations.h"

#include "parse/tags.h"

#include <QRegularExpression>

namespace rb::parse {

using md::Block;
using md::BlockType;

QString cleanObservationTitle(QString title)
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

void ObservationBuilder::startFromTitle(const Block &b, QString title, ObservationKind kind, bool fromItem)
{
    Draft d;
    d.observation.kind = kind;
    d.observation.agentId = m_ctx.out.run.id;
    if (const auto scope = takeScopeTag(title))
        d.observation.scope = *scope;
    d.observation.title = cleanObservationTitle(title);
    d.firstLine = b.startLine;
    d.lastLine = b.endLine;
    d.fromListItem = fromItem;
    m_draft = std::move(d);
}

bool ObservationBuilder::holdsObservation(const Block &itemOrParagraph)
{
    return itemOrParagraph.type != BlockType::Item || !itemOrParagraph.children.isEmpty();
}

void ObservationBuilder::startFromItem(const Block &itemOrParagraph, ObservationKind kind)
{
    const Block *p = &itemOrParagraph;
    if (p->type == BlockType::Item)
        p = &p->children.first();
    Draft d;
    d.observation.kind = kind;
    d.observation.agentId = m_ctx.out.run.id;
    d.firstLine = itemOrParagraph.startLine;
    d.lastLine = itemOrParagraph.endLine;
    d.fromListItem = true;
    if (p->type != BlockType::Paragraph && p->type != BlockType::Heading) {
        d.body.append(m_ctx.slice(*p));
    } else {
        QString line = p->firstLine();
        static const QRegularExpression marker(QStringLiteral(R"(\s*\[(?:good|nice|\+)\]\s*$)"),
                                               QRegularExpression::CaseInsensitiveOption);
        line.remove(marker);
        if (const auto scope = takeScopeTag(line))
            d.observation.scope = *scope;
        static const QRegularExpression leadingDash(QStringLiteral(R"(^(?:—|–|-|:)\s*)"));
        line.remove(leadingDash);
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
            const QString more = m_ctx.src.slice(p->startLine + 1, 1, p->endLine, p->startColumn - 1);
            rest = rest.isEmpty() ? more : rest + QLatin1Char('\n') + more;
        }
        if (!rest.isEmpty())
            d.body.append(rest);
    }
    if (itemOrParagraph.type == BlockType::Item)
        for (qsizetype i = 1; i < itemOrParagraph.children.size(); ++i)
            d.body.append(m_ctx.slice(itemOrParagraph.children[i]));
    m_draft = std::move(d);
}

void ObservationBuilder::appendBody(const QString &text)
{
    if (m_draft)
        m_draft->body.append(text);
}

void ObservationBuilder::add(const Block &b)
{
    m_draft->lastLine = std::max(m_draft->lastLine, b.endLine);
    m_draft->body.append(m_ctx.slice(b));
}

void ObservationBuilder::close()
{
    if (!m_draft)
        return;
    Draft d = std::move(*m_draft);
    m_draft.reset();
    d.body.removeAll(QString());
    d.observation.body = d.body.join(QStringLiteral("\n\n")).trimmed();
    d.observation.span = m_ctx.src.span(d.firstLine, d.lastLine);
    if (d.observation.title.isEmpty() && d.observation.body.isEmpty())
        return;
    m_ctx.out.observations.append(std::move(d.observation));
}

} // namespace rb::parse
