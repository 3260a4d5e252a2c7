#pragma once
// The rows a diff view shows for one file, as plain values: hunk headers, lines with their
// intra-line changes, and gaps of unchanged lines that can be expanded. Unified rows carry
// one line each; side-by-side rows pair removed and added lines, with filler cells so that
// both sides have the same number of rows.

#include "git/file_diff.h"
#include "git/word_diff.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace rb::ui {

enum class RowKind { HunkHeader, Line, Gap };

struct DiffCell {
    int line = 0;                  // 1-based line in its side's file; 0 = filler (no line)
    git::LineKind kind = git::LineKind::Context;
    QString text;
    QList<git::TextRange> changes; // intra-line changes to emphasise
    bool present() const { return line > 0; }
};

struct UnifiedRow {
    RowKind kind = RowKind::Line;
    int oldLine = 0;               // 0 for added lines
    int newLine = 0;               // 0 for removed lines
    git::LineKind lineKind = git::LineKind::Context;
    QString text;                  // the line, or the hunk header, or the gap's label
    QList<git::TextRange> changes;
    int gapId = -1;                // for Gap rows: which gap expands
    int hiddenLines = 0;           // for Gap rows
    int gapFrom = 0;               // for Gap rows: the first hidden line (new-side numbering)
};

struct SideBySideRow {
    RowKind kind = RowKind::Line;
    DiffCell left;                 // old side
    DiffCell right;                // new side
    QString text;                  // hunk header or gap label
    int gapId = -1;
    int hiddenLines = 0;
    int gapFrom = 0;               // for Gap rows: the first hidden line (new-side numbering)
};

struct DiffRowsInput {
    const git::FilePatch *patch = nullptr;
    QStringList newLines;          // the whole new file, for expanding gaps (may be empty)
    int newLineCount = 0;          // lines in the new file (to know the gap after the last hunk)
    QSet<int> expandedGaps;        // gap ids the user expanded; gap k precedes hunk k, gap n follows the last
};

QList<UnifiedRow> unifiedRows(const DiffRowsInput &input);
QList<SideBySideRow> sideBySideRows(const QList<UnifiedRow> &unified);

// Splits file text into lines (no line breaks; a final newline does not start a line),
// decoding UTF-8 and dropping a trailing '\r' of CRLF lines.
QStringList splitLines(const QByteArray &text);

} // namespace rb::ui
