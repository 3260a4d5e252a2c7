#pragma once
// A bar across the top of the diff area that says something the user must know about the
// open review (read-only because another window writes it; its repository is not on this
// machine), with the buttons that act on it. Hidden while it has nothing to say.

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace rb::ui {

class NoticeBar : public QFrame {
    Q_OBJECT
public:
    explicit NoticeBar(const QString &objectName, QWidget *parent = nullptr);
    QPushButton *addButton(const QString &text, const QString &objectName);
    void showMessage(const QString &text); // shows the bar
    QString message() const;

private:
    QLabel *m_label;
    QHBoxLayout *m_layout;
};

} // namespace rb::ui
