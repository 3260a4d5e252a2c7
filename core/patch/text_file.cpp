#include "patch/text_file.h"

#include <QCryptographicHash>

namespace rb::patch {

TextFile TextFile::fromBytes(const QByteArray &bytes)
{
    TextFile f;
    int crlf = 0;
    int lf = 0;
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype nl = bytes.indexOf('\n', start);
        if (nl < 0) {
            f.lines.append(bytes.mid(start));
            f.eols.append(QByteArray());
            break;
        }
        const bool cr = nl > start && bytes.at(nl - 1) == '\r';
        f.lines.append(bytes.mid(start, (cr ? nl - 1 : nl) - start));
        f.eols.append(cr ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n"));
        (cr ? crlf : lf) += 1;
        start = nl + 1;
    }
    f.dominantEol = crlf > lf ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
    return f;
}

QByteArray TextFile::toBytes() const
{
    QByteArray out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        out += lines[i];
        const bool last = i + 1 == lines.size();
        if (!last)
            out += eols[i].isEmpty() ? dominantEol : eols[i];
        else
            out += eols[i];
    }
    return out;
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

} // namespace rb::patch
