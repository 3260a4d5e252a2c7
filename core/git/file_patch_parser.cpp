#include "git/file_patch_parser.h"

#include <cstring>

namespace rb::git {

namespace {

// Reads a decimal number at p (advancing it); 0 when there is none.
int readNumber(const char *&p, const char *end)
{
    int v = 0;
    while (p < end && *p >= '0' && *p <= '9')
        v = v * 10 + (*p++ - '0');
    return v;
}

// "@@ -a[,b] +c[,d] @@..." -> the four numbers; false when the line is not a hunk header.
bool parseHunkHeader(const char *p, const char *end, Hunk &h)
{
    if (end - p < 4 || std::memcmp(p, "@@ -", 4) != 0)
        return false;
    p += 4;
    h.oldStart = readNumber(p, end);
    h.oldCount = 1;
    if (p < end && *p == ',') {
        ++p;
        h.oldCount = readNumber(p, end);
    }
    if (end - p < 2 || p[0] != ' ' || p[1] != '+')
        return false;
    p += 2;
    h.newStart = readNumber(p, end);
    h.newCount = 1;
    if (p < end && *p == ',') {
        ++p;
        h.newCount = readNumber(p, end);
    }
    return end - p >= 3 && std::memcmp(p, " @@", 3) == 0;
}

} // namespace

FilePatch parseFilePatch(const QByteArray &text)
{
    FilePatch patch;
    patch.text = text;
    const char *const begin = text.constData();
    const char *const end = begin + text.size();
    const char *p = begin;
    auto lineEnd = [&](const char *from) {
        const void *nl = std::memchr(from, '\n', size_t(end - from));
        return nl ? static_cast<const char *>(nl) : end;
    };
    while (p < end) {
        const char *eol = lineEnd(p);
        Hunk h;
        if (!parseHunkHeader(p, eol, h)) {
            if (eol - p >= 13 && std::memcmp(p, "Binary files ", 13) == 0)
                patch.binary = true;
            p = eol + 1;
            continue;
        }
        h.header = QString::fromUtf8(p, eol - p);
        p = eol + 1;
        int oldLeft = h.oldCount, newLeft = h.newCount;
        int oldLine = h.oldStart, newLine = h.newStart;
        h.lines.reserve(oldLeft + newLeft);
        while (p < end && (oldLeft > 0 || newLeft > 0 || *p == '\\')) {
            eol = lineEnd(p);
            const char prefix = *p;
            if (prefix == '\\') {
                if (!h.lines.isEmpty())
                    h.lines.last().noNewlineAtEnd = true;
                p = eol + 1;
                continue;
            }
            DiffLine l;
            l.offset = int(p + 1 - begin);
            l.length = int(eol - p - 1);
            if (prefix == '+') {
                l.kind = LineKind::Added;
                l.newLine = newLine++;
                --newLeft;
                ++patch.added;
            } else if (prefix == '-') {
                l.kind = LineKind::Removed;
                l.oldLine = oldLine++;
                --oldLeft;
                ++patch.removed;
            } else {
                l.kind = LineKind::Context;
                l.oldLine = oldLine++;
                l.newLine = newLine++;
                --oldLeft;
                --newLeft;
            }
            h.lines.append(l);
            p = eol + 1;
        }
        patch.hunks.append(std::move(h));
    }
    return patch;
}

} // namespace rb::git
