#pragma once
// Safe HTML from untrusted text: every string that came from an agent or the repository
// goes through one of these before it reaches an HTML report.

#include <QString>

namespace rb::report {

// Escapes & < > " ' so the result is safe in element content and quoted attributes.
QString htmlEscape(const QString &text);

// Markdown rendered with cmark-gfm (tables, strikethrough, autolinks, task lists) with raw
// HTML disabled: raw HTML blocks and inline HTML (including comments) are omitted and
// javascript:/vbscript:/file:/data: links lose their target. Images become links to their
// target, so the page loads nothing. Headings are shifted down by headingShift levels (at most
// h6) so that an agent's "#" cannot collide with the report's own headings. Top-level fenced
// code blocks are highlighted with highlightCode().
QString markdownToSafeHtml(const QString &markdown, int headingShift);

// A one-line title with its inline code rendered: `code` spans (one or more backticks, closed
// by as many) become <code> and everything else is escaped text; an unclosed backtick stays
// a backtick. Only code spans: a title goes into headings and table-of-contents links, where
// links or blocks would not nest.
QString inlineTitleHtml(const QString &title);

} // namespace rb::report
