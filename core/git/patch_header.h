#pragma once
// The header lines git writes before a file's hunks in a unified diff ("diff --git",
// mode, rename/copy and index lines, the ---/+++ labels), as pure functions of a FileDiff.

#include "git/file_diff.h"

#include <QByteArray>

namespace rb::git {

// A path with its "a/" or "b/" prefix, quoted as git quotes it: in double quotes with C
// escapes (octal for bytes >= 0x80 and control characters) when it holds any of them.
QByteArray quotedPath(QByteArrayView prefix, QByteArrayView path);

// From "diff --git" to the index line. `abbrev` digits of the blob ids; oldAbbrev and
// newAbbrev, when larger, for an id that needs more digits to be unique (as git does).
QByteArray gitHeader(const FileDiff &file, int abbrev = 7, int oldAbbrev = 0, int newAbbrev = 0);
// The "--- a/x" and "+++ b/x" lines (or /dev/null), as git writes them.
QByteArray fileLabels(const FileDiff &file);
// "Binary files a/x and b/x differ".
QByteArray binaryNotice(const FileDiff &file);

} // namespace rb::git
