#pragma once
// Code locations as agents write them after a finding's title, e.g.
//   `watch/reload.go:88-104`          `reload.go:88, 120-131`      `a.go:12` / `b.go`
//   `x.go:3` + `y.go:9–11`            config/reload.go:63 (link text, target dropped)

#include "model/location.h"

#include <QList>
#include <QString>

namespace rb::parse {

struct ParsedLocations {
    QList<Location> locations;
    bool complete = false; // every piece of the text was a location or a separator
};

// Parses one inline string (Markdown code spans kept as backticks).
ParsedLocations parseLocations(const QString &text);

// A single "path", "path:12", "path:12-30", "path:L12-L30" or "path:12:5"; nullopt when
// the text does not look like a path.
std::optional<Location> parseOneLocation(const QString &text);

// True for text that names a file: no spaces, and a slash or a file extension.
bool looksLikePath(const QString &text);

} // namespace rb::parse
