#include "util/terminal_text.h"

namespace rb {

namespace {
bool isControl(char16_t c)
{
    return (c < 0x20 && c != u'\n' && c != u'\t') || c == 0x7f || (c >= 0x80 && c <= 0x9f);
}

QString hexEscape(unsigned value)
{
    return QStringLiteral("\\x%1").arg(value, 2, 16, QLatin1Char('0'));
}
} // namespace

QString withoutTerminalControls(const QString &text)
{
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text[i].unicode();
        const bool csi = c == 0x9b || (c == 0x1b && i + 1 < n && text[i + 1] == u'[');
        const bool osc = c == 0x9d || (c == 0x1b && i + 1 < n && text[i + 1] == u']');
        if (csi) {
            // Parameters and intermediates (0x20-0x3f), then one final byte (0x40-0x7e).
            qsizetype j = i + (c == 0x1b ? 2 : 1);
            while (j < n && text[j].unicode() >= 0x20 && text[j].unicode() <= 0x3f)
                ++j;
            if (j < n && text[j].unicode() >= 0x40 && text[j].unicode() <= 0x7e) {
                i = j;
                continue;
            }
        } else if (osc) {
            qsizetype j = i + (c == 0x1b ? 2 : 1);
            while (j < n && text[j] != u'\a' && !(text[j] == u'\x1b' && j + 1 < n && text[j + 1] == u'\\'))
                ++j;
            if (j < n) {
                i = text[j] == u'\a' ? j : j + 1;
                continue;
            }
        } else if (c == 0x1b && i + 1 < n && text[i + 1].unicode() >= 0x40 && text[i + 1].unicode() <= 0x5f) {
            ++i; // a two-byte sequence such as ESC c or ESC M
            continue;
        }
        if (isControl(c))
            out += hexEscape(c);
        else
            out += text[i];
    }
    return out;
}

QByteArray escapeControlBytes(const QByteArray &bytes, QByteArray &pending)
{
    const QByteArray in = pending + bytes;
    pending.clear();
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const auto b = static_cast<unsigned char>(in[i]);
        if (b == 0xc2) {
            if (i + 1 == in.size()) {
                pending = QByteArray(1, char(b)); // its continuation comes with the next write
                break;
            }
            const auto next = static_cast<unsigned char>(in[i + 1]);
            if (next >= 0x80 && next <= 0x9f) {
                out += hexEscape(b).toLatin1() + hexEscape(next).toLatin1();
                ++i;
                continue;
            }
        }
        if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7f)
            out += hexEscape(b).toLatin1();
        else
            out += char(b);
    }
    return out;
}

} // namespace rb
