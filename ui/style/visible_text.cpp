#include "style/visible_text.h"

namespace rb::ui {

QString visibleControls(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u == '\n')
            out += QChar(char16_t(0x21B5)); // ↵
        else if (u == '\t')
            out += QChar(char16_t(0x2192)); // →
        else if (u < 0x20 || u == 0x7f)
            out += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

} // namespace rb::ui
