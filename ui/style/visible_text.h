#pragma once
// File names may hold newlines, tabs and other control characters (git allows them). Shown
// as they are, a newline breaks a row in two and elides the rest; shown through this, a
// newline is an arrow "↵", a tab "→", any other control character "\x1b" (arrows, unlike
// Unicode's control pictures, are in the usual fonts).

#include <QString>

namespace rb::ui {

QString visibleControls(const QString &text);

} // namespace rb::ui
