#pragma once
// SARIF 2.1.0 import: each result becomes a raw finding (docs/review-formats.md gives the
// level → severity mapping), fixes become patches.

#include "parse/raw_review.h"

#include <nlohmann/json_fwd.hpp>

namespace rb::parse {

bool looksLikeSarif(const nlohmann::json &doc);

Result<ParsedReview> parseSarif(const nlohmann::json &doc, const QByteArray &text, const RawReviewSource &source);

// One SARIF replacement: the deleted region (1-based lines; columns 1-based, end exclusive,
// in UTF-16 code units; 0 = "the line's start" / "the line's end") and the inserted text.
struct TextReplacement {
    int startLine = 0;
    int startColumn = 0;
    int endLine = 0;
    int endColumn = 0;
    qint64 charOffset = -1;  // used instead of lines when >= 0
    qint64 charLength = 0;
    QString inserted;
};

// A unified diff (3 lines of context) of applying the replacements to `original`; an
// error when a region lies outside the file or two regions overlap.
Result<QString> unifiedDiffOfReplacements(const QString &path, const QString &original,
                                          QList<TextReplacement> replacements);
// Without the original text: each replacement as "# path:L:C-L:C replaced by:" and its
// inserted lines prefixed "+".
QString replacementFragment(const QString &path, const QList<TextReplacement> &replacements);

} // namespace rb::parse
