#pragma once
// Where two fixes of one issue touch the same lines of the same file: after a merge an
// issue can hold a fix from each agent for the same code, and applying both would collide.
//
// The lines a fix touches are the old-side lines of its numbered hunks ("@@ -a,b"); a hunk
// without numbers (a fragment) touches the line range of the finding that wrote it, for
// that file. A fix whose lines are known nowhere touches the file as a whole, and then
// overlaps any other fix of that file. Pure; costs one patch parse per fix.

#include "model/review.h"

#include <QList>
#include <QString>

namespace rb::edit {

struct FixOverlap {
    QString fixA;      // IssueFix ids, in the issue's order
    QString fixB;
    QString path;
    int startLine = 0; // 1-based, inclusive; 0 when one of them touches the whole file
    int endLine = 0;
    bool bothChosen = false; // Apply Fix would apply both
    bool operator==(const FixOverlap &) const = default;
};

// Every pair of the issue's fixes (with a patch) that touch a common line of a file.
QList<FixOverlap> fixOverlaps(const Review &review, const Issue &issue);

// "claude:I2 and codex:3 both change ring_buffer.h lines 40-44", for people.
QString describe(const Review &review, const FixOverlap &overlap);

// A fix's author for people: "Claude (I2)" from its finding, or its id.
QString fixAuthor(const Review &review, const IssueFix &fix);

} // namespace rb::edit
