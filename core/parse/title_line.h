#pragma once
// A finding's title line, in every shape agents write it:
//   I1. **Config reload drops the last watcher** — `watch/reload.go:88-104` (important, regression)
//   **I1. Config reload drops the last watcher** — [`reload.go:63`](/tmp/x/reload.go#L63) *(important, gap)*
//   **[CRITICAL] path/to/file.go:41 — Parse error empties the config**
//   C2: Title text — `a.go:1` / `b.go:2`            (as a heading's text)

#include "model/location.h"
#include "parse/tags.h"

#include <QList>
#include <QString>

#include <optional>

namespace rb::parse {

struct TitleLine {
    QString rawId;              // "I1", "3", or empty
    QString title;              // Markdown, may hold inline code
    QList<Location> locations;
    std::optional<SeverityTag> tag;
    std::optional<Severity> bracketSeverity; // the older [CRITICAL] form
    QString rest;               // text after the title that is neither location nor tag
    bool strong = false;        // an id, a bold title or a [SEVERITY] marker: surely a finding
};

// `listNumber` is the number of the ordered list item holding the line (0 = none); it
// becomes the raw id when the line carries none. nullopt when the line is not shaped
// like a finding title at all.
std::optional<TitleLine> parseTitleLine(const QString &inlineLine, int listNumber = 0);

} // namespace rb::parse
