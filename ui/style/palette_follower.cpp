#include "style/palette_follower.h"

#include <QEvent>
#include <QObject>
#include <QWidget>

namespace rb::ui {

namespace {
class PaletteFollower : public QObject {
public:
    PaletteFollower(QWidget *widget, std::function<void()> apply) : QObject(widget), m_apply(std::move(apply)) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::PaletteChange && !m_applying) {
            m_applying = true;
            m_apply();
            m_applying = false;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_apply;
    bool m_applying = false;
};
} // namespace

void followPalette(QWidget *widget, std::function<void()> apply)
{
    apply();
    widget->installEventFilter(new PaletteFollower(widget, std::move(apply)));
}

void setStyleSheetIfChanged(QWidget *widget, const QString &styleSheet)
{
    if (widget->styleSheet() != styleSheet)
        widget->setStyleSheet(styleSheet);
}

} // namespace rb::ui
