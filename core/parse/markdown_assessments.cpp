#include "parse/markdown_assessments.h"

#include "parse/markdown_appendix.h"

namespace rb::parse {

QString sectionText(const QList<const md::Block *> &blocks, const MarkdownContext &ctx)
{
    QStringList parts;
    for (const md::Block *b : blocks)
        if (b->type != md::BlockType::ThematicBreak)
            parts.append(ctx.slice(*b));
    parts.removeAll(QString());
    return parts.join(QStringLiteral("\n\n"));
}

void storeSection(SectionKind kind, const QString &heading, const QString &text, const SourceSpan &span,
                  ParsedReview &out)
{
    AgentRun &run = out.run;
    auto append = [&text](QString &field) {
        field = field.isEmpty() ? text : field + QStringLiteral("\n\n") + text;
    };
    switch (kind) {
    case SectionKind::ExecutiveSummary: append(run.executiveSummary); return;
    case SectionKind::Testing: append(run.testingAssessment); return;
    case SectionKind::Documentation: append(run.documentationAssessment); return;
    case SectionKind::CommitStructure: append(run.commitStructure); return;
    default: break;
    }
    if (isAppendixSection(kind))
        out.otherSections.append(ReviewSection{kind, heading, text, span});
}

} // namespace rb::parse
