#include "patch/quoted_path.h"

namespace rb::patch {

std::optional<QuotedName> unquoteCName(QByteArrayView text, qsizetype from)
{
    if (from >= text.size() || text[from] != '"')
        return std::nullopt;
    QuotedName out;
    for (qsizetype i = from + 1; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            out.end = i + 1;
            return out;
        }
        if (c != '\\') {
            out.name += c;
            continue;
        }
        if (++i >= text.size())
            return std::nullopt;
        const char e = text[i];
        switch (e) {
        case 'a': out.name += '\a'; break;
        case 'b': out.name += '\b'; break;
        case 't': out.name += '\t'; break;
        case 'n': out.name += '\n'; break;
        case 'v': out.name += '\v'; break;
        case 'f': out.name += '\f'; break;
        case 'r': out.name += '\r'; break;
        case '"': out.name += '"'; break;
        case '\\': out.name += '\\'; break;
        default: {
            // Three octal digits, the first 0-3: one byte.
            if (i + 2 >= text.size() || e < '0' || e > '3')
                return std::nullopt;
            int value = 0;
            for (int k = 0; k < 3; ++k) {
                const char d = text[i + k];
                if (d < '0' || d > '7')
                    return std::nullopt;
                value = value * 8 + (d - '0');
            }
            out.name += char(value);
            i += 2;
        }
        }
    }
    return std::nullopt;
}

QByteArray headerName(QByteArrayView value)
{
    qsizetype start = 0;
    while (start < value.size() && value[start] == ' ')
        ++start;
    if (start < value.size() && value[start] == '"') {
        if (const auto q = unquoteCName(value, start))
            return q->name;
    }
    QByteArrayView name = value.sliced(start);
    const qsizetype tab = name.indexOf('\t');
    if (tab >= 0)
        name = name.first(tab);
    while (!name.isEmpty() && (name.back() == ' ' || name.back() == '\r'))
        name.chop(1);
    return name.toByteArray();
}

std::optional<NamePair> splitGitNames(QByteArrayView rest)
{
    NamePair pair;
    if (rest.startsWith('"')) {
        const auto first = unquoteCName(rest);
        if (!first || first->end >= rest.size() || rest[first->end] != ' ')
            return std::nullopt;
        pair.oldName = first->name;
        const QByteArrayView second = rest.sliced(first->end + 1);
        if (second.startsWith('"')) {
            const auto q = unquoteCName(second);
            if (!q)
                return std::nullopt;
            pair.newName = q->name;
        } else {
            pair.newName = second.toByteArray();
        }
        return pair;
    }
    if (rest.endsWith('"')) {
        // Unquoted old name, quoted new name: the new name starts at the last ' "'.
        for (qsizetype at = rest.lastIndexOf(" \""); at > 0; at = rest.first(at).lastIndexOf(" \"")) {
            const auto q = unquoteCName(rest, at + 1);
            if (q && q->end == rest.size()) {
                pair.oldName = rest.first(at).toByteArray();
                pair.newName = q->name;
                return pair;
            }
        }
        return std::nullopt;
    }
    // Both unquoted: "a/NAME b/NAME" with the same NAME is the usual case, whatever spaces it holds.
    if ((rest.size() - 1) % 2 == 0) {
        const qsizetype half = (rest.size() - 1) / 2;
        const QByteArrayView a = rest.first(half);
        const QByteArrayView b = rest.sliced(half + 1);
        if (rest[half] == ' ' && a.size() > 2 && a.sliced(2) == b.sliced(2)) {
            pair.oldName = a.toByteArray();
            pair.newName = b.toByteArray();
            return pair;
        }
    }
    const qsizetype b = rest.lastIndexOf(" b/");
    if (b <= 0)
        return std::nullopt;
    pair.oldName = rest.first(b).toByteArray();
    pair.newName = rest.sliced(b + 1).toByteArray();
    return pair;
}

} // namespace rb::patch
