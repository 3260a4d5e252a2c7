#include "report/export.h"

#include "io/review_file.h"
#include "report/html_export.h"
#include "report/markdown_export.h"
#include "report/sarif_export.h"

#include <nlohmann/json.hpp>

namespace rb::report {

std::optional<ExportFormat> exportFormatFromString(const QString &s)
{
    const QString v = s.trimmed().toLower();
    if (v == QLatin1String("md") || v == QLatin1String("markdown")) return ExportFormat::Markdown;
    if (v == QLatin1String("html")) return ExportFormat::Html;
    if (v == QLatin1String("json")) return ExportFormat::Json;
    if (v == QLatin1String("sarif")) return ExportFormat::Sarif;
    return std::nullopt;
}

QString fileSuffix(ExportFormat f)
{
    switch (f) {
    case ExportFormat::Markdown: return QStringLiteral("md");
    case ExportFormat::Html: return QStringLiteral("html");
    case ExportFormat::Json: return QStringLiteral("json");
    case ExportFormat::Sarif: return QStringLiteral("sarif");
    }
    return {};
}

QByteArray exportReview(const Review &review, ExportFormat format)
{
    switch (format) {
    case ExportFormat::Markdown: return exportMarkdown(review).toUtf8() + '\n';
    case ExportFormat::Html: return exportHtml(review).toUtf8();
    case ExportFormat::Json: return serializeReview(review);
    case ExportFormat::Sarif: return QByteArray::fromStdString(exportSarif(review).dump(2)) + '\n';
    }
    return {};
}

} // namespace rb::report
