#pragma once
// What the desktop knows the application by: the desktop entry's id (Wayland and the task
// bar match windows to packaging/desktop/*.desktop with it) and the window icon.

namespace rb::app {

// Call once the QApplication exists. The icon comes from the icon theme (the installed
// hicolor icon) and falls back to the copies compiled into the binary.
void applyDesktopIdentity();

} // namespace rb::app
