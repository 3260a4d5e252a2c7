#pragma once
// What every part of the Markdown review parser shares: the source text (for verbatim
// slices of blocks) and the review being filled (for warnings and results).
//
// The parser is split by what each part recognises: the header table (markdown_header),
// finding sections (markdown_findings), design observations (markdown_observations), the
// assessments (markdown_assessments) and the appendix (markdown_appendix); the outline and
// the routing between them is markdown_review.cpp.

#include "parse/markdown_tree.h"
#include "parse/raw_review.h"
#include "parse/source_text.h"

#include <algorithm>

namespace rb::parse {

struct MarkdownContext {
    const SourceText &src;
    ParsedReview &out;

    // The block's text as written, its indentation removed.
    QString slice(const md::Block &b) const
    {
        return src.slice(b.startLine, b.startColumn, b.endLine, std::max(b.startColumn - 1, 0));
    }
    void warn(int line, const QString &message) { out.run.parseWarnings.append(ParseWarning{line, message}); }
};

// "None", "No issues found.", "N/A": a section that says it is empty.
bool isNoneLine(const QString &plain);

} // namespace rb::parse
