#pragma once
// Small builders shared by the editor pages: a frameless scrolling page, and a text edit
// sized to a number of lines.

class QPlainTextEdit;
class QWidget;

namespace rb::ui {

// Fills `owner` with a frameless, resizable scroll area and returns its content widget,
// on which the caller sets a layout.
QWidget *makeScrollingPage(QWidget *owner);

// A plain-text edit `lines` lines high where Tab moves focus; monospace when asked.
QPlainTextEdit *makeLinesEdit(QWidget *parent, int lines, bool monospace = false);

} // namespace rb::ui
