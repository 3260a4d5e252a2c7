#pragma once
// What the clustering compares: word terms of a finding's prose and the code identifiers it
// names. Both are plain lists so that weighting (TF-IDF) can be done over a whole review.

#include <QString>
#include <QStringList>

namespace rb::consolidate {

// Lower-case word terms of prose, with inline code and punctuation treated as separators,
// common English and review-boilerplate words dropped, and plural/verb endings folded
// ("watchers" -> "watcher", "deleting" -> "delet"). Order and repeats are kept (term counts).
QStringList proseTerms(const QString &text);

// Code identifiers named in Markdown prose: the identifier-like tokens inside `backticks`
// (at least three characters, not a language keyword): "`os.Remove(tmpPath)`" gives
// "Remove" and "tmpPath". Case is kept.
QStringList backtickedIdentifiers(const QString &markdown);

// Names called in quoted code: identifiers directly followed by "(", e.g. "ensureSSHKeys"
// in "if err := ensureSSHKeys(); ...". Keywords and short names are dropped.
QStringList calledNames(const QString &code);

// Every identifier in quoted code (three characters or more, not a keyword), called or not.
QStringList codeIdentifiers(const QString &code);

// A file path as agents cite it, normalised for comparison: no "./", "a/" or "b/" prefix,
// forward slashes.
QString normalizedPath(const QString &path);

// True when two normalised paths name the same file: equal, or one is a suffix of the other
// at a directory boundary ("reload.go" and "config/reload.go").
bool samePath(const QString &a, const QString &b);

} // namespace rb::consolidate
