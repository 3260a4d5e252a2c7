#pragma once
// A text file as lines of raw bytes, each with its own line terminator, so that patching
// keeps the file's encoding and line endings (LF, CRLF, or a mix) byte for byte.

#include <QByteArray>
#include <QList>

namespace rb::patch {

struct TextFile {
    QList<QByteArray> lines; // without terminators
    QList<QByteArray> eols;  // "\n", "\r\n" or "" (only the last line may lack one)
    QByteArray dominantEol = "\n"; // for lines the patch adds

    static TextFile fromBytes(const QByteArray &bytes);
    // Lines joined with their terminators; every line but the last gets one.
    QByteArray toBytes() const;
    bool endsWithEol() const { return !eols.isEmpty() && !eols.last().isEmpty(); }
};

QByteArray sha256Hex(const QByteArray &bytes);

} // namespace rb::patch
