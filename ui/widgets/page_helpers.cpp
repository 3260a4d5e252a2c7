#include "widgets/page_helpers.h"
#include "style/appearance.h"

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QVBoxLayout>

namespace rb::ui {

QWidget *makeScrollingPage(QWidget *owner)
{
    auto *outer = new QVBoxLayout(owner);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(owner);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    return content;
}

QPlainTextEdit *makeLinesEdit(QWidget *parent, int lines, bool monospace)
{
    auto *e = new QPlainTextEdit(parent);
    if (monospace)
        followCodeFont(e);
    e->setTabChangesFocus(true);
    e->setFixedHeight(e->fontMetrics().lineSpacing() * lines + 12);
    return e;
}

} // namespace rb::ui
