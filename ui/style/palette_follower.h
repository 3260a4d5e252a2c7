#pragma once
// Keeps colours a widget sets itself (a warning label, a swatch, coloured items) in step with
// its palette: apply runs at once and again whenever the widget's palette changes (the
// desktop switched between light and dark, or Preferences chose another scheme). apply must
// be idempotent; setting the same style sheet or palette again is skipped, so it cannot loop.

#include <QString>

#include <functional>

class QWidget;

namespace rb::ui {

void followPalette(QWidget *widget, std::function<void()> apply);
// Sets a style sheet only when it differs from the widget's current one.
void setStyleSheetIfChanged(QWidget *widget, const QString &styleSheet);

} // namespace rb::ui
