#pragma once
// The header table some reviews open with: a two-column table with a Verdict row and
// other key/value rows (Reviewer, Scope, Commits …).
//
//   | Field   | Value                 |
//   | ------- | --------------------- |
//   | Verdict | Merge with fixes      |
//   | Scope   | 3 commits, 12 files   |

#include "parse/markdown_tree.h"

#include <QMap>
#include <QString>

#include <optional>

namespace rb::parse {

struct HeaderTable {
    QString verdict;              // the Verdict row's value, never empty
    QMap<QString, QString> rows;  // the other rows, header row excluded
};

// nullopt when the table has no Verdict row (it is then ordinary content).
std::optional<HeaderTable> readHeaderTable(const md::Block &table);

} // namespace rb::parse
