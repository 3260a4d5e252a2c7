#pragma once
// The workbench's main states rendered to PNG files, for docs/screenshots/ and the AppStream
// metadata: the workbench, the side-by-side diff, design observations, verdict and summary,
// finding things (the diff's find bar, the file filter, the issue search), the report preview,
// the repository and range dialog (with its defaults and with an unknown head) and
// Preferences (both pages). Light files are NAME.png, dark ones NAME-dark.png.
//
// Runs in the calling process's QApplication (offscreen is expected) with the scheme applied
// for the duration; the caller points AppSettings at a scratch file first, so that the
// user's recent files, layout and preferences are neither read nor changed.

#include "style/appearance.h"

#include <QString>
#include <QStringList>

namespace rb::ui {

struct ScreenshotResult {
    QStringList written; // absolute paths
    QString error;       // empty on success
};

ScreenshotResult renderScreenshots(const QString &outputDir, const QString &reviewPath, ColorScheme scheme);

} // namespace rb::ui
