#pragma once
// The appendix of a review: the coverage summary (which files were reviewed, as a list or a
// table) and the sections kept as they are written (acknowledged limitations, unresolved
// feedback, the coverage summary's text).
//
//   ## Coverage Summary
//   - `watch/reload.go` — reviewed in full
//   | File | Status |            (or as a table)

#include "parse/markdown_context.h"

namespace rb::parse {

// One entry per list item that opens with a path: "`a.go` — reviewed", "a.go: skimmed".
QList<CoverageEntry> coverageFromList(const md::Block &list);
// One entry per table row whose first cell is a path (the header row and a "File" row skipped).
QList<CoverageEntry> coverageFromTable(const md::Block &table);

// Sections kept whole in ParsedReview::otherSections.
bool isAppendixSection(SectionKind kind);

} // namespace rb::parse
