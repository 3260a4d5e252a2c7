#pragma once
// Parses a patch or a fix fragment as agents write them into files, hunks and lines.
//
// Accepted: git patches ("diff --git", "@@ -a,b +c,d @@"), plain unified diffs ("---"/"+++"),
// header-less fragments of " "/"-"/"+" lines (with or without "@@" lines, numbered or not),
// and plain replacement code with no diff markers. Inside hunks: a line with no prefix is
// context (its leading space was lost), an empty line or a lone " " is a blank context
// line, a lone "+" or "-" an added or removed blank line, and a line that is only "..."
// (or "…", "// ...", "# ...", "/* ... */") stands for omitted code: it splits the hunk
// into parts that are located separately. A surrounding Markdown fence is ignored, and
// CRLF line ends are removed when every line of the patch has one. File names are unquoted
// as git quotes them ("a/\303\251t.txt"), and "\ No newline at end of file" marks the side
// whose last line it follows. The text is bytes: lines keep whatever encoding they have.

#include "patch/patch_model.h"
#include "util/result.h"

#include <QString>

namespace rb::patch {

enum ParseErrorCode {
    ErrorEmptyPatch = 400,
    ErrorUnsupportedPatch, // binary patches, mode-only changes
    ErrorMalformedPatch,
};

Result<ParsedPatch> parsePatch(const QByteArray &text);
Result<ParsedPatch> parsePatch(const QString &text); // the text as UTF-8

// True for a line that stands for omitted code ("...", "…", "// ...", "# ...", "/* ... */").
bool isOmissionLine(const QByteArray &lineWithoutPrefix);

} // namespace rb::patch
