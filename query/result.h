// What a command answers: named tables of typed cells plus an optional
// message, so one answer prints as an aligned table, TSV or JSON.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace kg::query {

// Empty, text, integer or real; JSON output keeps the type.
using Cell = std::variant<std::monostate, std::string, int64_t, double>;

struct Table {
  std::string key;    // stable identifier, the JSON key: "neighbors"
  std::string title;  // what a person reads above the table: "Neighbors of Joe Biden (depth 2)"
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;  // each row has columns.size() cells
};

struct QueryResult {
  std::vector<Table> tables;
  std::string message;  // free text: help, "wrote graph.svg", notes
  bool quit = false;    // :quit was asked for
};

enum class OutputFormat { kTable, kJson, kTsv };

// The whole result in `format`, ending with a newline unless it is empty.
// JSON: {"<key>": [{column: cell, ...}, ...], ..., "message": "..."}.
std::string format_result(const QueryResult& result, OutputFormat format);

}  // namespace kg::query
