#pragma once
// The inline stylesheet of HTML reports.

#include <QString>

namespace rb::report {
QString reportStyleSheet();

// The stylesheet for renderers without CSS custom properties or media queries (the window's
// preview, a QTextDocument): every var(--name) replaced by its light or dark value, the
// :root and @media blocks left out.
QString flatStyleSheet(bool dark);
// An exported report with its stylesheet made flat (see flatStyleSheet).
QString withFlatStyleSheet(const QString &html, bool dark);
}
