#pragma once
// Finding a run of lines (a hunk's old or new side) in a file: exactly, or ignoring
// whitespace, and the closest partial match when there is none.

#include <QByteArray>
#include <QList>

namespace rb::patch {

enum class Comparison { Exact, IgnoringWhitespace };

bool linesEqual(const QByteArray &a, const QByteArray &b, Comparison how);

// Every 0-based position where `needle` occurs in `haystack` as consecutive lines.
QList<int> findAll(const QList<QByteArray> &haystack, const QList<QByteArray> &needle, Comparison how);

struct ClosestMatch {
    int position = -1;     // 0-based start in the file; -1 when the file is empty
    int matchingLines = 0; // lines equal ignoring whitespace at that alignment
    int firstDifference = -1; // index into the needle of the first line that differs
};

// The alignment of `needle` against `haystack` that has the most lines equal (ignoring
// whitespace); ties go to the earliest. Partial overlaps at the start and end count.
ClosestMatch closestMatch(const QList<QByteArray> &haystack, const QList<QByteArray> &needle);

} // namespace rb::patch
