#pragma once
// The diff of a review range as plain values: FileDiff (one entry of the file list) ->
// FilePatch (its text, hunks and counts, built on demand) -> Hunk -> DiffLine.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace rb::git {

enum class FileStatus {
    Added,
    Deleted,
    Modified,
    Renamed,     // see FileDiff::similarity
    Copied,      // see FileDiff::similarity
    TypeChanged, // e.g. a regular file became a symlink
};

QString fileStatusName(FileStatus status); // "added", "deleted", "modified", ...
QChar fileStatusLetter(FileStatus status); // git's letters: A D M R C T

// Git file modes as stored in trees.
enum FileMode : quint32 {
    ModeNone = 0,
    ModeFile = 0100644,
    ModeExecutable = 0100755,
    ModeSymlink = 0120000,
    ModeSubmodule = 0160000,
};

// One entry of the file list. Paths are '/'-separated and relative to the repository root;
// the *Bytes members hold them exactly as git stores them (they need not be UTF-8), the
// QString members are for display.
struct FileDiff {
    FileStatus status = FileStatus::Modified;
    QString oldPath;        // empty for Added
    QString newPath;        // empty for Deleted
    QByteArray oldPathBytes;
    QByteArray newPathBytes;
    QString oldId;          // blob sha; empty when the side does not exist
    QString newId;          // blob sha; empty when absent or not hashed (working-tree files)
    quint32 oldMode = ModeNone;
    quint32 newMode = ModeNone;
    int similarity = 0;     // percent, for Renamed and Copied
    bool newFromWorkdir = false; // the new side is the file in the working tree

    // The path to show: the new path, or the old one for deletions.
    QString path() const { return newPath.isEmpty() ? oldPath : newPath; }
    bool operator==(const FileDiff &) const = default;
};

enum class LineKind : quint8 { Context, Added, Removed };

// A line of a hunk. Its text lives in the owning FilePatch::text (see FilePatch::lineText).
struct DiffLine {
    LineKind kind = LineKind::Context;
    bool noNewlineAtEnd = false; // the file ends on this line without a newline
    int oldLine = 0;             // 1-based; 0 for an added line
    int newLine = 0;             // 1-based; 0 for a removed line
    int offset = 0;              // first byte of the line's text (after the +/-/space) in FilePatch::text
    int length = 0;              // bytes, without the line break
    bool operator==(const DiffLine &) const = default;
};

struct Hunk {
    int oldStart = 0;
    int oldCount = 0;
    int newStart = 0;
    int newCount = 0;
    QString header;          // the whole "@@ -a,b +c,d @@ context" line, without the line break
    QList<DiffLine> lines;
    bool operator==(const Hunk &) const = default;
};

// The patch of one file: its exact unified-diff text (git's header lines included, as
// `git diff` would write them) and the structure over that text.
struct FilePatch {
    QByteArray text;
    QList<Hunk> hunks;
    int added = 0;
    int removed = 0;
    bool binary = false; // no hunks; the text says "Binary files ... differ"

    QByteArrayView lineBytes(const DiffLine &line) const
    {
        return QByteArrayView(text.constData() + line.offset, line.length);
    }
    // The line as text: UTF-8, with invalid bytes shown as U+FFFD.
    QString lineText(const DiffLine &line) const { return QString::fromUtf8(lineBytes(line)); }
};

} // namespace rb::git
