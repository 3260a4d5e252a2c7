#include "patch/text_encoding.h"

#include <QStringDecoder>

namespace rb::patch {

bool isValidUtf8(QByteArrayView bytes)
{
    // Fast path: ASCII only.
    bool ascii = true;
    for (char c : bytes)
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii)
        return true;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(bytes);
    return !decoder.hasError();
}

QString displayText(const QByteArray &line)
{
    return isValidUtf8(line) ? QString::fromUtf8(line) : QString::fromLatin1(line);
}

namespace {
bool hasNonAscii(const QByteArray &line)
{
    for (char c : line)
        if (static_cast<unsigned char>(c) >= 0x80)
            return true;
    return false;
}

// The line as Latin-1, or nothing when a character does not fit.
std::optional<QByteArray> toLatin1(const QByteArray &utf8)
{
    if (!hasNonAscii(utf8))
        return utf8;
    const QString text = QString::fromUtf8(utf8);
    for (QChar c : text)
        if (c.unicode() > 0xff)
            return std::nullopt;
    return text.toLatin1();
}
} // namespace

std::optional<FilePatch> asLatin1For(const QByteArray &file, const FilePatch &patch)
{
    if (isValidUtf8(file))
        return std::nullopt;
    bool nonAscii = false;
    const auto check = [&nonAscii](const QByteArray &l) {
        if (!hasNonAscii(l))
            return true;
        nonAscii = true;
        return isValidUtf8(l);
    };
    for (const Hunk &h : patch.hunks)
        for (const PatchLine &l : h.lines)
            if (!check(l.text))
                return std::nullopt;
    for (const QByteArray &l : patch.replacement)
        if (!check(l))
            return std::nullopt;
    if (!nonAscii)
        return std::nullopt;
    FilePatch out = patch;
    for (Hunk &h : out.hunks)
        for (PatchLine &l : h.lines) {
            const auto converted = toLatin1(l.text);
            if (!converted)
                return std::nullopt;
            l.text = *converted;
        }
    for (QByteArray &l : out.replacement) {
        const auto converted = toLatin1(l);
        if (!converted)
            return std::nullopt;
        l = *converted;
    }
    return out;
}

} // namespace rb::patch
