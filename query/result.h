// What a command answers: named tables of typed cells plus an optional
// message, so one answer prints as an aligned table, TSV or JSON.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace kg::query {

// Empty, text, integer, real, boolean or a list of cells; JSON output keeps
// the type (a Cypher `true` is JSON true, a collect() a JSON array).
struct Cell;
using CellList = std::vector<Cell>;
struct Cell : std::variant<std::monostate, std::string, int64_t, double, bool, CellList> {
  using Base = std::variant<std::monostate, std::string, int64_t, double, bool, CellList>;
  using Base::Base;
  using Base::operator=;
};

// A cell as tables and CSV print it: reals with 4 significant digits,
// booleans as true/false, lists as [a, b] (a null item as null).
std::string cell_text(const Cell& cell);

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

enum class OutputFormat { kTable, kJson, kTsv, kCsv, kJsonl };

// Every format by the name users type (table, csv, tsv, json, jsonl), for
// --format and the REPL's :mode.
const std::map<std::string, OutputFormat>& output_formats();

// The whole result in `format`, ending with a newline unless it is empty.
// JSON: {"<key>": [{column: cell, ...}, ...], ..., "message": "..."}.
// JSONL: one {column: cell, ...} object per row of every table.
// CSV: RFC 4180 (a cell with a comma, quote or line break is quoted).
std::string format_result(const QueryResult& result, OutputFormat format);

}  // namespace kg::query
