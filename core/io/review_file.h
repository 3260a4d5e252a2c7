#pragma once
// Reading and writing review files on disk. Saving is atomic: a failed save leaves the
// previous file untouched; the version a save replaces is kept as NAME.bak (side_files.h).

#include "model/review.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace rb {

// Parses review-file JSON text. Errors name the file (as given), and either the line and
// column of a syntax error or the field that is wrong.
Result<Review> parseReviewFile(const QByteArray &text, const QString &fileName);

Result<Review> loadReviewFile(const QString &path);

// Pretty-printed, trailing newline; findings and issues without a fingerprint get one made
// from the review alone (anchor/fingerprint.h).
QByteArray serializeReview(const Review &review);
Status saveReviewFile(const Review &review, const QString &path);

} // namespace rb
