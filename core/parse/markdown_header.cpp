#include "parse/markdown_header.h"

#include "parse/outline.h"

namespace rb::parse {

std::optional<HeaderTable> readHeaderTable(const md::Block &table)
{
    HeaderTable h;
    for (const md::Block &row : table.children) {
        if (row.children.size() < 2)
            continue;
        const QString key = plainInline(row.children[0].text());
        const QString value = plainInline(row.children[1].text());
        if (key.compare(QLatin1String("verdict"), Qt::CaseInsensitive) == 0)
            h.verdict = value;
        else if (!row.headerRow && !key.isEmpty())
            h.rows.insert(key, value);
    }
    if (h.verdict.isEmpty())
        return std::nullopt;
    return h;
}

} // namespace rb::parse
