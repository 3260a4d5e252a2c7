#pragma once
// The consolidated report as Markdown, in the layout of the seed report and section 2 of
// the review-format spec. Produced from the review file alone.

#include "model/review.h"

#include <QString>

namespace rb::report {

QString exportMarkdown(const Review &review);

// A backtick fence longer than any backtick run in text (at least three), so that the
// text can never close it.
QString fenceFor(const QString &text);

} // namespace rb::report
