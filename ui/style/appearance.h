#pragma once
// How the window follows the desktop: the colour scheme (the desktop's palette, or a light
// or dark one the user chose in Preferences) and the fixed-width font of diffs and code
// (the desktop's, or one the user chose). The choices are kept in AppSettings; applying
// them changes the application palette and font, and every view that paints with colours
// of its own re-derives them on QEvent::PaletteChange (see palette_follower.h).

#include <QFont>
#include <QPalette>
#include <QString>

#include <optional>

namespace rb::ui {

enum class ColorScheme { System, Light, Dark };

QString toString(ColorScheme scheme); // "system", "light", "dark"
std::optional<ColorScheme> colorSchemeFromString(const QString &text);

// Complete palettes (every role, every group) for the explicit choices.
QPalette lightPalette();
QPalette darkPalette();

// The scheme saved in the settings (System when unset or unreadable).
ColorScheme savedColorScheme();
// Makes scheme the application's: Light and Dark set a complete palette and ask the platform
// for that scheme (window decorations follow where the platform supports it); System hands
// palette and scheme back to the desktop, whose later changes then reach every window.
void applyColorScheme(ColorScheme scheme);

// The font of diffs, fix previews and raw reviews: the one saved in the settings, else the
// desktop's fixed-width font (QFontDatabase::FixedFont, read anew each time so that it
// follows the desktop).
QFont codeFont();
// The saved code font, if the user chose one.
std::optional<QFont> savedCodeFont();

// Applies the saved colour scheme at start (the code font is read by the views).
void applySavedAppearance();

} // namespace rb::ui

class QWidget;

namespace rb::ui {

// Sets widget's font to codeFont() and keeps it so: again when the desktop's fonts change
// (QEvent::ApplicationFontChange) and when Preferences saves another code font.
void followCodeFont(QWidget *widget);
// Saves the code font (nullopt: the desktop's) and re-applies it to every following widget.
void setCodeFont(const std::optional<QFont> &font);

} // namespace rb::ui
