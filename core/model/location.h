#pragma once
// Where something sits in the reviewed code, and where a finding sits in an agent's raw text.

#include <QList>
#include <QString>

namespace rb {

// A file and an inclusive 1-based line range. startLine == 0 means "the whole file / no line".
struct Location {
    QString path;
    int startLine = 0;
    int endLine = 0;
    // Re-anchoring (anchor/reanchor.h): the start line as reviewed, when the code has moved
    // since (0: never moved); and whether the quoted code could not be found any more.
    int movedFrom = 0;
    bool stale = false;

    bool hasLines() const { return startLine > 0; }
    QString toString() const; // "path", "path:12" or "path:12-30"
    // For people: toString() and what re-anchoring found ("path:14-20 (moved from line 12)",
    // "path:12 (stale: its code is gone)").
    QString describe() const;
    bool operator==(const Location &) const = default;
};

// The exact span of a finding in the raw review text: 1-based lines (inclusive) and
// the byte offsets [begin, end) in the UTF-8 raw output.
struct SourceSpan {
    int startLine = 0;
    int endLine = 0;
    qint64 begin = 0;
    qint64 end = 0;

    bool isValid() const { return startLine > 0; }
    bool operator==(const SourceSpan &) const = default;
};

} // namespace rb
