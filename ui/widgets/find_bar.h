#pragma once
// The bar under the diff's toolbar for Ctrl+F: the text to find, Match Case and Whole Words
// toggles, previous / next, and "3 of 12". It only gathers input and shows the count; the
// diff view finds (search/diff_find.h). Escape closes it.

#include "search/diff_find.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace rb::ui {

class FindBar : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(QWidget *parent = nullptr);

    QString text() const; // empty while the bar is closed
    FindOptions options() const;
    QLineEdit *field() const { return m_field; }
    // Shows the bar, selects its text and puts the focus in it.
    void activate();
    // current: 0-based, -1 for none.
    void showCount(int current, int total);

Q_SIGNALS:
    void findChanged();          // text or options changed
    void nextRequested();
    void previousRequested();
    void closed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLineEdit *m_field;
    QToolButton *m_case;
    QToolButton *m_word;
    QLabel *m_count;
};

} // namespace rb::ui
