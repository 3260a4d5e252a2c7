#pragma once
// Where a long Markdown text can be cut so that each piece parses to the same top-level
// blocks as the whole: before a heading or a paragraph (a finding's bold title, prose) in
// column 1 after a blank line, never before a list item, outside fenced code blocks and outside HTML blocks that may hold blank lines (comments,
// <pre>, <script>, <style>, <textarea>). The parser builds one syntax tree per piece, so a
// 100 MB agent output never holds a syntax tree of 100 MB.

#include <QByteArray>
#include <QList>

namespace rb::parse::md {

struct Chunk {
    qsizetype begin = 0; // byte offset of the piece's first line
    qsizetype end = 0;   // one past its last byte
    int firstLine = 1;   // 1-based line number of `begin` in the whole text
};

// Pieces of at least minBytes each (the last may be shorter), covering the text in order.
// A text without a safe cut, or shorter than 2 * minBytes, is one piece. Lines end at "\n",
// "\r\n" or a lone "\r", as in CommonMark.
QList<Chunk> markdownChunks(const QByteArray &text, qsizetype minBytes);

} // namespace rb::parse::md
