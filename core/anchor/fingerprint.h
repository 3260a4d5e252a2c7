#pragma once
// A finding's identity that survives edits around it and the rounds of a review: what it
// points at, never where (line numbers move).
//
//   fingerprint = "v1:" ANCHOR ":" CONTEXT
//   ANCHOR  = 16 hex digits of the sha256 of the anchored code: the quoted code's lines
//             (its longest part between "..." lines), each with all whitespace removed,
//             blank lines dropped; without quoted code, the file's lines at the location;
//             without either, the file name and the title (lower case);
//   CONTEXT = 16 hex digits of the sha256 of up to 3 non-blank lines before and 3 after the
//             anchored code in the file (whitespace removed), or "-" when the file's text
//             was not available (the fingerprint was made from the review alone).
// The path is not part of ANCHOR, so a renamed file keeps its findings' fingerprints. Two
// fingerprints name the same place when their ANCHORs are equal and their CONTEXTs are
// equal or one is "-" (fingerprintsMatch). Pure.

#include "anchor/reanchor.h"

#include <QString>

namespace rb::anchor {

QString fingerprintOf(const Location &location, const QString &excerpt, const QString &title, const FileLines &file);

bool fingerprintsMatch(const QString &a, const QString &b);

// Gives every finding and issue that has none a fingerprint (from its first location and
// first excerpt, reading files through `readFile`); existing ones are kept, so that an
// identity never changes once given. Returns how many were added.
int fingerprintReview(Review &review, const FileReader &readFile);

} // namespace rb::anchor
