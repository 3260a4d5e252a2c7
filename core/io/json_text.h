#pragma once
// The one way Reviewbench parses JSON text: nlohmann::json behind a function that never
// throws.
//
// nlohmann::json::parse throws on bad input, and not only parse_error: a number beyond a
// double (1e400, -1e999) is an out_of_range, anywhere in the document, even in a field no
// reader looks at. Every reader of JSON text (review files, raw reviews, SARIF, agent
// configuration, agent output envelopes) goes through parseJson() instead, and gets either
// the document or an error value that says where and why.
//
// The error names the line and column, the path of the value being read when it failed
// ("runs[0].results[3].rank") and quotes at most kMaxQuoted characters of the input, so
// that a bad byte after a 20 MB string does not produce a 20 MB message.
//
// Nesting deeper than kMaxJsonDepth is refused: nothing Reviewbench reads nests that deep,
// and copying or printing such a document would recurse as deep.

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace rb::jsonio {

constexpr int kMaxJsonDepth = 256;
constexpr int kMaxQuoted = 40;

struct JsonSyntaxError {
    int line = 1;        // 1-based
    int column = 1;      // 1-based, in bytes
    qsizetype offset = 0; // byte offset of the failure
    QString path;        // the value being read ("findings[2].title"); empty at the top level
    QString reason;      // "number 1e400 is beyond the range of a double", "syntax error …"

    // "REASON (at PATH)"; callers put "file:LINE:COLUMN: " before it
    QString what() const;
};

struct JsonParse {
    nlohmann::json value;                 // discarded when error is set
    std::optional<JsonSyntaxError> error;
    bool ok() const { return !error; }
};

JsonParse parseJson(const QByteArray &text);

// At most `max` characters of s, with "…" and the full length when cut; control
// characters shown as escapes. For quoting input in messages.
QString quoteBounded(QByteArrayView s, int max = kMaxQuoted);
// The same without the quotes and the length: "abc…".
QString shortened(QByteArrayView s, int max = kMaxQuoted);

} // namespace rb::jsonio
