#include "widgets/notice_bar.h"

#include "style/palette_follower.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace rb::ui {

NoticeBar::NoticeBar(const QString &objectName, QWidget *parent) : QFrame(parent)
{
    setObjectName(objectName);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    // A warning colour that reads in light and dark palettes alike, chosen again when the
    // palette around the bar changes (its own two roles are its, so the parent's decides).
    followPalette(this, [this] {
        const QPalette around = parentWidget() ? parentWidget()->palette() : QApplication::palette();
        const bool dark = around.color(QPalette::Window).lightness() < 128;
        QPalette p = palette();
        p.setColor(QPalette::Window, dark ? QColor(0x4d, 0x3b, 0x00) : QColor(0xff, 0xf4, 0xce));
        p.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xe5, 0x9e) : QColor(0x4d, 0x3b, 0x00));
        setPalette(p);
    });
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(8, 4, 8, 4);
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_layout->addWidget(m_label, 1);
    hide();
}

QPushButton *NoticeBar::addButton(const QString &text, const QString &objectName)
{
    auto *b = new QPushButton(text, this);
    b->setObjectName(objectName);
    m_layout->addWidget(b);
    return b;
}

void NoticeBar::showMessage(const QString &text)
{
    m_label->setText(text);
    show();
}

QString NoticeBar::message() const { return m_label->text(); }

} // namespace rb::ui
