#pragma once
// Lists every action of a window that has a keyboard shortcut.

#include <QDialog>

namespace rb::ui {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *window);
};

} // namespace rb::ui
