#pragma once
// The raw review text as parsed: UTF-8 bytes with a line table, so that tree positions
// (1-based lines, 1-based byte columns) turn into byte offsets and verbatim slices.

#include "model/location.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace rb::parse {

class SourceText {
public:
    explicit SourceText(QByteArray utf8);

    const QByteArray &bytes() const { return m_bytes; }
    int lineCount() const { return int(m_lineStarts.size()); }
    qint64 lineBegin(int line) const;   // offset of the line's first byte
    qint64 lineEnd(int line) const;     // offset just past the line's last byte, excluding "\r\n"
    QString line(int line) const;
    int lineAt(qint64 offset) const;    // the 1-based line holding a byte offset
    bool isBlank(int line) const;

    // Whole lines first..last, without trailing blank lines; invalid when nothing is left.
    SourceSpan span(int firstLine, int lastLine) const;
    // Lines first..last verbatim, the first from column firstColumn (1-based bytes); each
    // continuation line loses up to `indent` leading spaces (the enclosing list's indent).
    QString slice(int firstLine, int firstColumn, int lastLine, int indent) const;

private:
    QByteArray m_bytes;
    QList<qint64> m_lineStarts;
};

// Turns arbitrary bytes into the text Reviewbench stores and parses: invalid UTF-8
// sequences become U+FFFD and NUL characters become U+FFFD, so that the stored rawOutput
// re-encodes to exactly the bytes whose offsets the spans refer to.
QString normalizedRawText(const QByteArray &input);

} // namespace rb::parse
