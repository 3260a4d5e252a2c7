#include "report/html_text.h"

#include "report/code_highlight.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <vector>

namespace rb::report {
namespace {

struct ParserDeleter {
    void operator()(cmark_parser *p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
    void operator()(cmark_node *n) const { cmark_node_free(n); }
};
struct CharDeleter {
    void operator()(char *s) const { std::free(s); }
};

QString renderNode(cmark_node *node, cmark_parser *parser)
{
    // CMARK_OPT_DEFAULT: no CMARK_OPT_UNSAFE, so raw HTML and dangerous URLs are dropped.
    std::unique_ptr<char, CharDeleter> html(cmark_render_html(node, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)));
    return html ? QString::fromUtf8(html.get()) : QString();
}

// Images would make the page fetch their targets: each becomes a link with the same text.
void replaceImages(cmark_node *root)
{
    std::vector<cmark_node *> images;
    cmark_iter *iter = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;)
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(iter)) == CMARK_NODE_IMAGE)
            images.push_back(cmark_iter_get_node(iter));
    cmark_iter_free(iter);
    for (cmark_node *image : images) {
        cmark_node *link = cmark_node_new(CMARK_NODE_LINK);
        cmark_node_set_url(link, cmark_node_get_url(image));
        cmark_node_set_title(link, cmark_node_get_title(image));
        cmark_node *label = cmark_node_new(CMARK_NODE_TEXT);
        cmark_node_set_literal(label, "image: ");
        cmark_node_append_child(link, label);
        while (cmark_node *child = cmark_node_first_child(image)) {
            cmark_node_unlink(child);
            cmark_node_append_child(link, child);
        }
        cmark_node_replace(image, link);
        cmark_node_free(image);
    }
}

void shiftHeadings(cmark_node *root, int shift)
{
    if (shift <= 0)
        return;
    cmark_iter *iter = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        cmark_node *node = cmark_iter_get_node(iter);
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING)
            cmark_node_set_heading_level(node, std::min(6, cmark_node_get_heading_level(node) + shift));
    }
    cmark_iter_free(iter);
}

} // namespace

QString htmlEscape(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&': out += QLatin1String("&amp;"); break;
        case '<': out += QLatin1String("&lt;"); break;
        case '>': out += QLatin1String("&gt;"); break;
        case '"': out += QLatin1String("&quot;"); break;
        case '\'': out += QLatin1String("&#39;"); break;
        default: out += c;
        }
    }
    return out;
}

QString markdownToSafeHtml(const QString &markdown, int headingShift)
{
    cmark_gfm_core_extensions_ensure_registered();
    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
    for (const char *name : {"table", "strikethrough", "autolink", "tasklist"})
        if (cmark_syntax_extension *ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    const QByteArray utf8 = markdown.toUtf8();
    cmark_parser_feed(parser.get(), utf8.constData(), std::size_t(utf8.size()));
    std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser.get()));
    replaceImages(doc.get());
    shiftHeadings(doc.get(), headingShift);

    QString out;
    for (cmark_node *child = cmark_node_first_child(doc.get()); child; child = cmark_node_next(child)) {
        if (cmark_node_get_type(child) == CMARK_NODE_CODE_BLOCK) {
            const QString info = QString::fromUtf8(cmark_node_get_fence_info(child)).trimmed().section(QLatin1Char(' '), 0, 0);
            out += QStringLiteral("<pre class=\"code\"><code>") + highlightCode(QString::fromUtf8(cmark_node_get_literal(child)), info)
                 + QStringLiteral("</code></pre>\n");
        } else {
            out += renderNode(child, parser.get());
        }
    }
    return out;
}

QString inlineTitleHtml(const QString &title)
{
    QString out;
    qsizetype i = 0;
    const qsizetype n = title.size();
    while (i < n) {
        if (title[i] != QLatin1Char('`')) {
            const qsizetype next = title.indexOf(QLatin1Char('`'), i);
            const qsizetype end = next < 0 ? n : next;
            out += htmlEscape(title.mid(i, end - i));
            i = end;
            continue;
        }
        qsizetype ticks = 0;
        while (i + ticks < n && title[i + ticks] == QLatin1Char('`'))
            ++ticks;
        const QString fence(ticks, QLatin1Char('`'));
        // The closing run has exactly as many backticks.
        qsizetype close = title.indexOf(fence, i + ticks);
        while (close >= 0 && close + ticks < n && title[close + ticks] == QLatin1Char('`'))
            close = title.indexOf(fence, close + ticks + 1);
        if (close < 0) {
            out += fence;
            i += ticks;
            continue;
        }
        QString code = title.mid(i + ticks, close - i - ticks);
        if (code.size() > 2 && code.startsWith(QLatin1Char(' ')) && code.endsWith(QLatin1Char(' ')))
            code = code.mid(1, code.size() - 2);
        out += QStringLiteral("<code>") + htmlEscape(code) + QStringLiteral("</code>");
        i = close + ticks;
    }
    return out;
}

} // namespace rb::report
