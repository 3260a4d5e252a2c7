#pragma once
// The assessments of a review: the prose sections that are kept as text in the agent's run
// (Executive Summary, Testing Assessment, Documentation Assessment, Commit Structure) and
// the appendix sections kept whole (see markdown_appendix.h).

#include "parse/markdown_context.h"

namespace rb::parse {

// The section's blocks as written, thematic breaks left out, joined by blank lines.
QString sectionText(const QList<const md::Block *> &blocks, const MarkdownContext &ctx);

// Stores a closed section's text where it belongs: an assessment is appended to its run
// field (a second "Testing" section adds to the first), an appendix section becomes a
// ReviewSection spanning `span`. Other kinds are not stored.
void storeSection(SectionKind kind, const QString &heading, const QString &text, const SourceSpan &span,
                  ParsedReview &out);

} // namespace rb::parse
