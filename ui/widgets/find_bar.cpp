#include "widgets/find_bar.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace rb::ui {

FindBar::FindBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("findBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->setSpacing(4);
    m_field = new QLineEdit(this);
    m_field->setObjectName(QStringLiteral("findField"));
    m_field->setPlaceholderText(tr("Find in diff"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    const auto toggle = [this](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setObjectName(name);
        b->setCheckable(true);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::toggled, this, &FindBar::findChanged);
        return b;
    };
    m_case = toggle(tr("Aa"), QStringLiteral("findMatchCase"), tr("Match case"));
    m_word = toggle(tr("W"), QStringLiteral("findWholeWords"), tr("Whole words only"));
    const auto button = [this](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        return b;
    };
    QToolButton *previous = button(QStringLiteral("↑"), QStringLiteral("findPrevious"), tr("Previous match (Shift+F3)"));
    QToolButton *next = button(QStringLiteral("↓"), QStringLiteral("findNext"), tr("Next match (F3, Enter)"));
    QToolButton *close = button(QStringLiteral("✕"), QStringLiteral("findClose"), tr("Close (Escape)"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("findCount"));
    m_count->setMinimumWidth(m_count->fontMetrics().horizontalAdvance(tr("No matches")) + 8);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_case);
    layout->addWidget(m_word);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(m_count);
    layout->addWidget(close);
    connect(m_field, &QLineEdit::textChanged, this, &FindBar::findChanged);
    connect(previous, &QToolButton::clicked, this, &FindBar::previousRequested);
    connect(next, &QToolButton::clicked, this, &FindBar::nextRequested);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });
    hide();
}

QString FindBar::text() const { return isHidden() ? QString() : m_field->text(); } // a closed bar finds nothing

FindOptions FindBar::options() const { return FindOptions{m_case->isChecked(), m_word->isChecked()}; }

void FindBar::activate()
{
    const bool wasHidden = isHidden();
    show();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
    if (wasHidden && !m_field->text().isEmpty())
        Q_EMIT findChanged(); // the highlights come back with the bar
}

void FindBar::showCount(int current, int total)
{
    if (m_field->text().isEmpty())
        m_count->clear();
    else if (total == 0)
        m_count->setText(tr("No matches"));
    else if (current < 0)
        m_count->setText(tr("%n match(es)", nullptr, total));
    else
        m_count->setText(tr("%1 of %2").arg(current + 1).arg(total));
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            hide();
            Q_EMIT closed();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                Q_EMIT previousRequested();
            else
                Q_EMIT nextRequested();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace rb::ui
