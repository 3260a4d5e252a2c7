#pragma once
// The Markdown raw review (docs/review-formats.md) on cmark-gfm's syntax tree.

#include "parse/raw_review.h"

namespace rb::parse {

// Fills findings, observations and the run's text fields; never fails. Ids are left as
// raw ids: parseRawReview() makes them unique. `text` is the normalized raw output.
ParsedReview parseMarkdownReview(const QString &text, const RawReviewSource &source);

} // namespace rb::parse
