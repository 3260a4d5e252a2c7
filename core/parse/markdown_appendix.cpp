#include "parse/markdown_appendix.h"

#include "parse/locations.h"
#include "parse/outline.h"

#include <QRegularExpression>

namespace rb::parse {

namespace {
std::optional<CoverageEntry> coverageFromItem(const md::Block &item)
{
    if (item.children.isEmpty() || item.children.first().type != md::BlockType::Paragraph)
        return std::nullopt;
    const QString line = item.children.first().firstLine();
    static const QRegularExpression sep(QStringLiteral(R"(\s+[—–:-]\s+|:\s+)"));
    const auto m = sep.match(line);
    const QString pathPart = m.hasMatch() ? line.left(m.capturedStart()) : line;
    const auto loc = parseOneLocation(plainInline(pathPart));
    if (!loc)
        return std::nullopt;
    return CoverageEntry{loc->path, m.hasMatch() ? plainInline(line.mid(m.capturedEnd())) : QString()};
}
} // namespace

QList<CoverageEntry> coverageFromList(const md::Block &list)
{
    QList<CoverageEntry> out;
    for (const md::Block &item : list.children)
        if (const auto e = coverageFromItem(item))
            out.append(*e);
    return out;
}

QList<CoverageEntry> coverageFromTable(const md::Block &table)
{
    QList<CoverageEntry> out;
    for (const md::Block &row : table.children) {
        if (row.children.size() < 2)
            continue;
        const QString path = plainInline(row.children[0].text());
        const QString status = plainInline(row.children[1].text());
        if (row.headerRow || path.compare(QLatin1String("file"), Qt::CaseInsensitive) == 0)
            continue;
        if (!path.isEmpty())
            out.append(CoverageEntry{path, status});
    }
    return out;
}

bool isAppendixSection(SectionKind kind)
{
    return kind == SectionKind::AcknowledgedLimitations || kind == SectionKind::UnresolvedFeedback
        || kind == SectionKind::CoverageSummary;
}

} // namespace rb::parse
