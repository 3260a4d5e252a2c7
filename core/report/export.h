#pragma once
// One entry point for every report format, each produced from the review file alone.

#include "model/review.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace rb::report {

enum class ExportFormat { Markdown, Html, Json, Sarif };

std::optional<ExportFormat> exportFormatFromString(const QString &s); // "md"/"markdown", "html", "json", "sarif"
QString fileSuffix(ExportFormat f);                                    // "md", "html", "json", "sarif"

// UTF-8 bytes of the report. Json is the review file itself (serializeReview).
QByteArray exportReview(const Review &review, ExportFormat format);

} // namespace rb::report
