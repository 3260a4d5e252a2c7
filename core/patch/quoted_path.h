#pragma once
// File names in patch headers as git writes them. A name holding a control character, a
// double quote, a backslash or a byte >= 0x80 (with git's default core.quotePath) is written
// in double quotes with C escapes: "a/\303\251t.txt", "a/tab\there", "a/new\nline".
// Everything else is written as is, and may contain spaces.

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace rb::patch {

struct QuotedName {
    QByteArray name;  // the raw bytes of the name
    qsizetype end = 0; // index just after the closing quote in the input
};

// Reads a C-quoted name starting at `text[from]`, which must be '"'. Returns nothing when
// the quotes are not closed or an escape is not one git writes.
std::optional<QuotedName> unquoteCName(QByteArrayView text, qsizetype from = 0);

// The name at the start of a "---"/"+++"/"rename to" value: quoted (unquoted), or the text
// up to a tab (a timestamp follows it in non-git diffs), without trailing whitespace.
QByteArray headerName(QByteArrayView value);

struct NamePair {
    QByteArray oldName; // with its "a/" prefix, as written
    QByteArray newName; // with its "b/" prefix
};

// The two names of a "diff --git A B" line (the text after "diff --git "), quoted or not.
// Unquoted names may contain spaces; they are split where both halves name the same file
// (the usual case), else at the last " b/".
std::optional<NamePair> splitGitNames(QByteArrayView rest);

} // namespace rb::patch
