#pragma once
// Indentation styles, so that lines a fix adds follow the file's style (tabs or N spaces)
// when the fix was written with different whitespace (tabs turned into spaces, shifted).

#include <QByteArray>
#include <QList>

namespace rb::patch {

struct IndentStyle {
    bool tabs = false;
    int unit = 4; // spaces per level when !tabs (and for spaces mixed into tab indentation)
};

// The style most indented lines use.
IndentStyle detectIndentStyle(const QList<QByteArray> &lines);

struct IndentLevel {
    int level = 0;
    int extraSpaces = 0; // alignment beyond whole levels
};

IndentLevel indentLevel(const QByteArray &line, const IndentStyle &style);
QByteArray leadingWhitespace(const QByteArray &line);
QByteArray renderIndent(const IndentLevel &level, const IndentStyle &style);

// `added` (written in the fix's style) re-indented for the file: it keeps its depth
// relative to `anchorInFix`, a nearby line of the fix whose counterpart in the file is
// `anchorInFile`.
QByteArray reindent(const QByteArray &added, const QByteArray &anchorInFix, const QByteArray &anchorInFile,
                    const IndentStyle &fixStyle, const IndentStyle &fileStyle);

} // namespace rb::patch
