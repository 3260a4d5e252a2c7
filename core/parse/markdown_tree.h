#pragma once
// A GitHub-flavoured Markdown document as plain values, built from cmark-gfm's syntax tree
// (with source positions and the table extension). cmark pointers never leave
// markdown_tree.cpp.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace rb::parse::md {

enum class BlockType {
    Document, Paragraph, Heading, CodeBlock, List, Item, BlockQuote, ThematicBreak,
    Html, Table, TableRow, TableCell, Other
};

struct Block {
    BlockType type = BlockType::Other;
    int startLine = 0;      // 1-based, as cmark reports them
    int startColumn = 0;    // 1-based byte column
    int endLine = 0;
    int headingLevel = 0;   // Heading
    bool ordered = false;   // List
    int listStart = 0;      // List: the first item's number
    int contentIndent = 0;  // Item: columns of the marker and its padding
    bool headerRow = false; // TableRow
    QString info;           // CodeBlock: the fence's info string
    QString literal;        // CodeBlock / Html: content, verbatim
    // Paragraph, Heading, TableCell: the inline content re-rendered as one Markdown string
    // per source line (split at soft and hard breaks): strong as **x**, emphasis as *x*,
    // code as `x`, a link as its text only (its target dropped), an image as its alt text.
    QStringList lines;
    bool boldOnly = false;  // Paragraph: a single strong span and nothing else
    QList<Block> children;

    QString text() const { return lines.join(QLatin1Char('\n')); }
    QString firstLine() const { return lines.value(0); }
    bool operator==(const Block &) const = default;
};

// Never fails: any bytes give some document. Nesting deeper than a fixed limit is kept
// as the text of the deepest kept block. A text longer than twice chunkBytes is parsed in
// pieces cut between top-level blocks (markdown_chunks.h), one syntax tree at a time, with
// line numbers of the whole text; the blocks are the same as the whole text's, except that
// a reference link whose definition lies in another piece keeps its brackets.
inline constexpr qsizetype kDefaultChunkBytes = 4 * 1024 * 1024;
Block parseMarkdown(const QByteArray &utf8);
Block parseMarkdown(const QByteArray &utf8, qsizetype chunkBytes); // 0: always whole

} // namespace rb::parse::md
