#pragma once
// `reviewbench --render-screenshots DIR [--scheme light|dark] [REVIEW.json]`: renders the
// workbench's main states (ui/screenshots/screenshot_tour.h) to PNG files in DIR, offscreen,
// on the built-in demo unless a review file is given. For docs/screenshots/ and the AppStream
// metadata, made from the installed program (packaging/desktop/render-screenshots.sh). The
// user's settings are neither read nor changed. Not listed in --help: a tool for packagers.

#include <QStringList>

namespace rb::app {

bool isScreenshotMode(const QStringList &args);
// args without the program name; returns the exit status.
int runScreenshotMode(int argc, char **argv, const QStringList &args);

} // namespace rb::app
