#pragma once
// A small token-class highlighter for code in HTML reports. The report exporter lives in
// core (Qt6::Core only, usable from the command line), so it cannot use KSyntaxHighlighting;
// this marks keywords, strings, comments, numbers and called names with CSS classes, and
// marks diff lines as added, removed, hunk header or context. docs/reports.md says why.

#include <QString>

namespace rb::report {

// Escaped HTML for the code (no <pre> wrapper). language: a fence info word or a name from
// languageForPath(); "diff" and "patch" highlight each line by its prefix and the rest as
// code of codeLanguage. Unknown languages get the common keywords of C-like languages.
QString highlightCode(const QString &code, const QString &language, const QString &codeLanguage = {});

} // namespace rb::report
