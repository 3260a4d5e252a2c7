#pragma once
// The consolidated report as one self-contained HTML file: inline CSS, no script, no
// external request (a Content-Security-Policy forbids both), agent and severity badges, a
// table of contents, highlighted code, light and dark colour schemes and a print layout.
// Every string from an agent or the repository is escaped; agents' Markdown is rendered with
// raw HTML disabled.

#include "model/review.h"

#include <QString>

namespace rb::report {

// The policy every HTML report carries in a <meta http-equiv> tag.
inline constexpr const char *kReportContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";

QString exportHtml(const Review &review);

} // namespace rb::report
