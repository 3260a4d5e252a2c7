#include "style/appearance.h"

#include "settings/app_settings.h"

#include <QApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QStyleHints>
#include <QWidget>

namespace rb::ui {

namespace {
struct Roles {
    QColor window, windowText, base, alternateBase, toolTipBase, toolTipText, placeholder, text, button, buttonText,
        brightText, light, midlight, mid, dark, shadow, highlight, highlightedText, link, linkVisited, disabledText;
};

QPalette paletteFrom(const Roles &r)
{
    QPalette p;
    const auto all = [&p](QPalette::ColorRole role, const QColor &c) { p.setColor(QPalette::All, role, c); };
    all(QPalette::Window, r.window);
    all(QPalette::WindowText, r.windowText);
    all(QPalette::Base, r.base);
    all(QPalette::AlternateBase, r.alternateBase);
    all(QPalette::ToolTipBase, r.toolTipBase);
    all(QPalette::ToolTipText, r.toolTipText);
    all(QPalette::PlaceholderText, r.placeholder);
    all(QPalette::Text, r.text);
    all(QPalette::Button, r.button);
    all(QPalette::ButtonText, r.buttonText);
    all(QPalette::BrightText, r.brightText);
    all(QPalette::Light, r.light);
    all(QPalette::Midlight, r.midlight);
    all(QPalette::Mid, r.mid);
    all(QPalette::Dark, r.dark);
    all(QPalette::Shadow, r.shadow);
    all(QPalette::Highlight, r.highlight);
    all(QPalette::HighlightedText, r.highlightedText);
    all(QPalette::Link, r.link);
    all(QPalette::LinkVisited, r.linkVisited);
    all(QPalette::Accent, r.highlight);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, r.disabledText);
    p.setColor(QPalette::Disabled, QPalette::Base, r.window);
    p.setColor(QPalette::Disabled, QPalette::Highlight, r.mid);
    p.setColor(QPalette::Inactive, QPalette::Highlight, r.highlight.darker(r.window.lightness() < 128 ? 130 : 110));
    return p;
}

class CodeFontFollower : public QObject {
public:
    explicit CodeFontFollower(QWidget *widget) : QObject(widget), m_widget(widget) { widget->installEventFilter(this); }
    void apply() const
    {
        const QFont font = codeFont();
        if (m_widget->font() != font)
            m_widget->setFont(font);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ApplicationFontChange)
            apply();
        return QObject::eventFilter(watched, event);
    }

private:
    QWidget *m_widget;
};
} // namespace

QString toString(ColorScheme scheme)
{
    switch (scheme) {
    case ColorScheme::System: return QStringLiteral("system");
    case ColorScheme::Light: return QStringLiteral("light");
    case ColorScheme::Dark: return QStringLiteral("dark");
    }
    return QStringLiteral("system");
}

std::optional<ColorScheme> colorSchemeFromString(const QString &text)
{
    for (ColorScheme s : {ColorScheme::System, ColorScheme::Light, ColorScheme::Dark})
        if (text == toString(s))
            return s;
    return std::nullopt;
}

QPalette lightPalette()
{
    return paletteFrom(Roles{
        .window = QColor(0xef, 0xef, 0xef), .windowText = QColor(0x1f, 0x1f, 0x1f), .base = QColor(0xff, 0xff, 0xff),
        .alternateBase = QColor(0xf6, 0xf6, 0xf6), .toolTipBase = QColor(0xff, 0xff, 0xdc),
        .toolTipText = QColor(0x1f, 0x1f, 0x1f), .placeholder = QColor(0x6e, 0x6e, 0x6e), .text = QColor(0x1f, 0x1f, 0x1f),
        .button = QColor(0xef, 0xef, 0xef), .buttonText = QColor(0x1f, 0x1f, 0x1f), .brightText = QColor(0xff, 0xff, 0xff),
        .light = QColor(0xff, 0xff, 0xff), .midlight = QColor(0xca, 0xca, 0xca), .mid = QColor(0xb8, 0xb8, 0xb8),
        .dark = QColor(0x9f, 0x9f, 0x9f), .shadow = QColor(0x76, 0x76, 0x76), .highlight = QColor(0x30, 0x8c, 0xc6),
        .highlightedText = QColor(0xff, 0xff, 0xff), .link = QColor(0x0b, 0x57, 0xd0), .linkVisited = QColor(0x7b, 0x2c, 0xbf),
        .disabledText = QColor(0xa0, 0xa0, 0xa0)});
}

QPalette darkPalette()
{
    return paletteFrom(Roles{
        .window = QColor(0x2b, 0x2d, 0x30), .windowText = QColor(0xe4, 0xe4, 0xe4), .base = QColor(0x1e, 0x1f, 0x22),
        .alternateBase = QColor(0x26, 0x28, 0x2b), .toolTipBase = QColor(0x3a, 0x3d, 0x41),
        .toolTipText = QColor(0xe4, 0xe4, 0xe4), .placeholder = QColor(0x8f, 0x93, 0x98), .text = QColor(0xe4, 0xe4, 0xe4),
        .button = QColor(0x35, 0x38, 0x3c), .buttonText = QColor(0xe4, 0xe4, 0xe4), .brightText = QColor(0xff, 0xff, 0xff),
        .light = QColor(0x4b, 0x4f, 0x54), .midlight = QColor(0x40, 0x43, 0x47), .mid = QColor(0x24, 0x26, 0x29),
        .dark = QColor(0x18, 0x19, 0x1b), .shadow = QColor(0x0a, 0x0a, 0x0b), .highlight = QColor(0x3d, 0x7f, 0xd6),
        .highlightedText = QColor(0xff, 0xff, 0xff), .link = QColor(0x6c, 0xb6, 0xff), .linkVisited = QColor(0xc2, 0x97, 0xff),
        .disabledText = QColor(0x72, 0x76, 0x7b)});
}

ColorScheme savedColorScheme()
{
    return colorSchemeFromString(AppSettings::colorScheme()).value_or(ColorScheme::System);
}

void applyColorScheme(ColorScheme scheme)
{
    QStyleHints *hints = QGuiApplication::styleHints();
    switch (scheme) {
    case ColorScheme::System:
        hints->unsetColorScheme();
        QApplication::setPalette(QPalette()); // nothing resolved: the desktop's palette, live
        break;
    case ColorScheme::Light:
        hints->setColorScheme(Qt::ColorScheme::Light);
        QApplication::setPalette(lightPalette());
        break;
    case ColorScheme::Dark:
        hints->setColorScheme(Qt::ColorScheme::Dark);
        QApplication::setPalette(darkPalette());
        break;
    }
}

std::optional<QFont> savedCodeFont()
{
    const QString saved = AppSettings::codeFont();
    QFont font;
    if (saved.isEmpty() || !font.fromString(saved))
        return std::nullopt;
    return font;
}

QFont codeFont()
{
    return savedCodeFont().value_or(QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

void applySavedAppearance()
{
    if (savedColorScheme() != ColorScheme::System)
        applyColorScheme(savedColorScheme());
}

void followCodeFont(QWidget *widget)
{
    auto *follower = new CodeFontFollower(widget);
    follower->setObjectName(QStringLiteral("codeFontFollower"));
    follower->apply();
}

void setCodeFont(const std::optional<QFont> &font)
{
    AppSettings::setCodeFont(font ? font->toString() : QString());
    for (QWidget *w : QApplication::allWidgets())
        for (QObject *child : w->children())
            if (auto *f = dynamic_cast<CodeFontFollower *>(child))
                f->apply();
}

} // namespace rb::ui
