#include "parse/markdown_tree.h"

#include "parse/markdown_chunks.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace rb::parse::md {

namespace {

constexpr int kMaxDepth = 48;

struct ParserDeleter {
    void operator()(cmark_parser *p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
    void operator()(cmark_node *n) const { cmark_node_free(n); }
};

QString utf8(const char *s) { return s ? QString::fromUtf8(s) : QString(); }

BlockType blockType(cmark_node *node)
{
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_DOCUMENT: return BlockType::Document;
    case CMARK_NODE_PARAGRAPH: return BlockType::Paragraph;
    case CMARK_NODE_HEADING: return BlockType::Heading;
    case CMARK_NODE_CODE_BLOCK: return BlockType::CodeBlock;
    case CMARK_NODE_LIST: return BlockType::List;
    case CMARK_NODE_ITEM: return BlockType::Item;
    case CMARK_NODE_BLOCK_QUOTE: return BlockType::BlockQuote;
    case CMARK_NODE_THEMATIC_BREAK: return BlockType::ThematicBreak;
    case CMARK_NODE_HTML_BLOCK: return BlockType::Html;
    default: break;
    }
    const char *name = cmark_node_get_type_string(node);
    if (!name)
        return BlockType::Other;
    if (std::strcmp(name, "table") == 0) return BlockType::Table;
    if (std::strcmp(name, "table_row") == 0 || std::strcmp(name, "table_header") == 0) return BlockType::TableRow;
    if (std::strcmp(name, "table_cell") == 0) return BlockType::TableCell;
    return BlockType::Other;
}

// Renders inline children as Markdown text, one string per source line. Iterative, so
// that deeply nested emphasis cannot exhaust the stack.
QStringList renderInlines(cmark_node *parent)
{
    QStringList lines{QString()};
    cmark_iter *iter = cmark_iter_new(parent);
    while (cmark_iter_next(iter) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(iter);
        if (n == parent)
            continue;
        QString &cur = lines.last();
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE:
            cur += utf8(cmark_node_get_literal(n));
            break;
        case CMARK_NODE_CODE: {
            const QString code = utf8(cmark_node_get_literal(n));
            const QString fence = code.contains(QLatin1Char('`')) ? QStringLiteral("`` ") : QStringLiteral("`");
            QString close = fence;
            std::reverse(close.begin(), close.end());
            cur += fence + code + close;
            break;
        }
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            lines.append(QString());
            break;
        case CMARK_NODE_STRONG:
            cur += QStringLiteral("**");
            break;
        case CMARK_NODE_EMPH:
            cur += QLatin1Char('*');
            break;
        default:
            if (const char *name = cmark_node_get_type_string(n); name && std::strcmp(name, "strikethrough") == 0)
                cur += QStringLiteral("~~");
            break;
        }
    }
    cmark_iter_free(iter);
    return lines;
}

bool isBoldOnly(cmark_node *paragraph)
{
    int strong = 0;
    for (cmark_node *c = cmark_node_first_child(paragraph); c; c = cmark_node_next(c)) {
        if (cmark_node_get_type(c) == CMARK_NODE_STRONG) {
            ++strong;
        } else if (cmark_node_get_type(c) == CMARK_NODE_TEXT) {
            if (!utf8(cmark_node_get_literal(c)).trimmed().isEmpty())
                return false;
        } else {
            return false;
        }
    }
    return strong == 1;
}

Block convert(cmark_node *node, int depth)
{
    Block b;
    b.type = blockType(node);
    b.startLine = cmark_node_get_start_line(node);
    b.startColumn = cmark_node_get_start_column(node);
    b.endLine = std::max(cmark_node_get_end_line(node), b.startLine);
    switch (b.type) {
    case BlockType::Heading:
        b.headingLevel = cmark_node_get_heading_level(node);
        b.lines = renderInlines(node);
        return b;
    case BlockType::Paragraph:
    case BlockType::TableCell:
        b.lines = renderInlines(node);
        b.boldOnly = b.type == BlockType::Paragraph && isBoldOnly(node);
        return b;
    case BlockType::CodeBlock:
        b.info = utf8(cmark_node_get_fence_info(node)).trimmed();
        b.literal = utf8(cmark_node_get_literal(node));
        return b;
    case BlockType::Html:
        b.literal = utf8(cmark_node_get_literal(node));
        return b;
    case BlockType::List:
        b.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        b.listStart = cmark_node_get_list_start(node);
        break;
    case BlockType::TableRow:
        b.headerRow = cmark_gfm_extensions_get_table_row_is_header(node) != 0;
        break;
    default:
        break;
    }
    if (depth >= kMaxDepth) {
        // Too deep to walk safely: keep the text, not the structure.
        b.type = BlockType::Paragraph;
        b.lines = renderInlines(node);
        return b;
    }
    for (cmark_node *c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
        Block child = convert(c, depth + 1);
        if (b.type == BlockType::Item && b.children.isEmpty() && child.startLine == b.startLine)
            b.contentIndent = std::max(child.startColumn - b.startColumn, 0);
        b.children.append(std::move(child));
    }
    return b;
}

using Tree = std::unique_ptr<cmark_node, NodeDeleter>;

Tree parseTree(const char *data, qsizetype size)
{
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });

    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_SOURCEPOS));
    for (const char *ext : {"table", "strikethrough", "autolink", "tasklist"})
        if (cmark_syntax_extension *e = cmark_find_syntax_extension(ext))
            cmark_parser_attach_syntax_extension(parser.get(), e);
    cmark_parser_feed(parser.get(), data, std::size_t(size));
    return Tree(cmark_parser_finish(parser.get()));
}

int lineCount(const char *data, qsizetype size)
{
    int lines = 0;
    for (qsizetype i = 0; i < size; ++i)
        if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n')))
            ++lines;
    return lines;
}

// Whether the piece, parsed alone, ends inside a block that the following text would have
// continued: a code block or HTML block reaching its last line (which is blank: pieces end
// before a line that follows a blank line, and closed fences and HTML blocks of the kinds
// that stop at a blank line end before it).
bool endsOpen(cmark_node *doc, int lastLine)
{
    for (cmark_node *n = cmark_node_last_child(doc); n; n = cmark_node_last_child(n)) {
        const auto type = cmark_node_get_type(n);
        if ((type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK) && cmark_node_get_end_line(n) >= lastLine)
            return true;
    }
    return false;
}

void shiftLines(Block &b, int by)
{
    if (b.startLine > 0) // 0: cmark gave no position (a paragraph split off by a table)
        b.startLine += by;
    if (b.endLine > 0)
        b.endLine += by;
    for (Block &c : b.children)
        shiftLines(c, by);
}

} // namespace

Block parseMarkdown(const QByteArray &text) { return parseMarkdown(text, kDefaultChunkBytes); }

Block parseMarkdown(const QByteArray &text, qsizetype chunkBytes)
{
    const QList<Chunk> chunks = markdownChunks(text, chunkBytes);
    if (chunks.size() == 1) {
        const Tree doc = parseTree(text.constData(), text.size());
        if (!doc) {
            Block empty;
            empty.type = BlockType::Document;
            return empty;
        }
        return convert(doc.get(), 0);
    }
    Block out;
    out.type = BlockType::Document;
    out.startLine = 1;
    out.startColumn = 1;
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        const Chunk first = chunks[i];
        qsizetype end = first.end;
        Tree doc;
        for (;;) {
            doc = parseTree(text.constData() + first.begin, end - first.begin);
            if (!doc)
                break;
            // Cut inside something the piece's parse left open: take the next piece along.
            if (i + 1 < chunks.size() && endsOpen(doc.get(), lineCount(text.constData() + first.begin, end - first.begin))) {
                end = chunks[++i].end;
                continue;
            }
            break;
        }
        if (!doc)
            continue;
        for (cmark_node *c = cmark_node_first_child(doc.get()); c; c = cmark_node_next(c)) {
            Block child = convert(c, 1);
            shiftLines(child, first.firstLine - 1);
            out.children.append(std::move(child));
        }
        out.endLine = first.firstLine - 1 + std::max(cmark_node_get_end_line(doc.get()), 1);
    }
    return out;
}

} // namespace rb::parse::md
