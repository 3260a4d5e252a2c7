#pragma once
// A patch as parsed from what agents write: files, hunks and lines. Lines are raw bytes
// (the file's encoding is never guessed) without their line terminator.

#include <QByteArray>
#include <QList>
#include <QString>

namespace rb::patch {

enum class LineKind {
    Context, // " " (or no prefix, or an empty line): present before and after
    Removed, // "-"
    Added,   // "+"
};

struct PatchLine {
    LineKind kind = LineKind::Context;
    QByteArray text;
    bool operator==(const PatchLine &) const = default;
};

struct Hunk {
    // 1-based start of the old side as the "@@ -a,b +c,d @@" header states it; 0 when the
    // hunk has no header numbers (a fragment) or the file is new.
    int oldStart = 0;
    int newStart = 0;
    bool hasNumbers = false;
    int sourceLine = 0; // line in the patch text where the hunk starts (for messages)
    QString label;      // "hunk 2", or "hunk 2 (part 3)" for a part between "..." lines
    QList<PatchLine> lines;
    // "\ No newline at end of file" after the last line of a side: that side's last line
    // ends the file without a line terminator (so the hunk must end at the end of the file).
    bool oldEndsWithoutNewline = false;
    bool newEndsWithoutNewline = false;

    QList<QByteArray> oldSide() const; // context + removed lines, in order
    QList<QByteArray> newSide() const; // context + added lines, in order
    bool changesSomething() const;
    bool operator==(const Hunk &) const = default;
};

enum class PatchStyle {
    GitPatch,        // "diff --git" headers, "@@" numbers
    UnifiedDiff,     // "---"/"+++" headers, "@@" numbers
    Fragment,        // " "/"-"/"+" lines, maybe with "@@" but no file header
    ReplacementCode, // plain code, no diff markers: the new version of a region
};

struct FilePatch {
    QString oldPath;  // relative, "a/" or "b/" prefix removed; empty when the file is new
    QString newPath;  // relative; empty when the file is deleted
    bool isNewFile = false;
    bool isDeletedFile = false;
    bool nameNotUtf8 = false; // a header names the file with bytes that are not UTF-8
    QByteArray rawName;       // that name's bytes, for the message
    // Git modes from the headers ("100644", "100755", "120000" for a symlink, "160000" for a
    // submodule); empty when the patch does not state them.
    QByteArray oldMode;
    QByteArray newMode;
    QList<Hunk> hunks;
    QList<QByteArray> replacement; // ReplacementCode only: the code lines

    QString path() const { return newPath.isEmpty() ? oldPath : newPath; }
};

struct ParsedPatch {
    PatchStyle style = PatchStyle::Fragment;
    QList<FilePatch> files; // Fragment and ReplacementCode: one entry with an empty path
    bool hasFileHeaders() const { return style == PatchStyle::GitPatch || style == PatchStyle::UnifiedDiff; }
};

QString toString(PatchStyle style);

} // namespace rb::patch
