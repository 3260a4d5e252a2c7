#pragma once
// The file tree's filter box: which changed files a pattern keeps.
//
// - Empty (or only spaces): every file.
// - Without a wildcard: a substring of the path, ignoring case ("cache" keeps
//   src/store/cache.py and docs/caching.md).
// - With a wildcard (* ? or [...]): a glob, ignoring case, on the whole path, where * and ?
//   also match "/" ("*.py" keeps every Python file at any depth, "src/*.h" every header under
//   src/). A glob without "/" may instead match the file name alone ("test_*" keeps
//   tests/test_cache.py).
// - A renamed file is kept when its old or its new path matches.
// An unbalanced "[" is not an error: it is then taken literally, as a substring.

#include <QRegularExpression>
#include <QString>

namespace rb::ui {

class PathFilter {
public:
    explicit PathFilter(const QString &pattern = {});

    bool isEmpty() const { return m_text.isEmpty(); }
    bool isGlob() const { return m_glob.isValid() && !m_glob.pattern().isEmpty(); }
    bool matches(const QString &path) const;
    bool matches(const QString &path, const QString &oldPath) const;

private:
    QString m_text;
    QRegularExpression m_glob;
    bool m_nameOnly = false;
};

} // namespace rb::ui
