#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/utf8.h"
#include "query/result.h"

namespace kg::query {
namespace {

// Code points, which is what a terminal column counts for the scripts of
// news names (no wide CJK handling needed for alignment to stay readable).
size_t display_width(std::string_view s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size();) {
    const size_t n = utf8::sequence_length(s, i);
    i += n == 0 ? 1 : n;
    ++width;
  }
  return width;
}

bool is_numeric(const Cell& cell) { return std::holds_alternative<int64_t>(cell) || std::holds_alternative<double>(cell); }

void append_table(std::string& out, const Table& table) {
  if (!table.title.empty()) out += table.title + "\n";
  if (table.rows.empty()) {
    out += "  (none)\n";
    return;
  }
  std::vector<size_t> width(table.columns.size());
  for (size_t c = 0; c < table.columns.size(); ++c) width[c] = display_width(table.columns[c]);
  std::vector<std::vector<std::string>> texts;
  texts.reserve(table.rows.size());
  for (const auto& row : table.rows) {
    std::vector<std::string> line;
    for (size_t c = 0; c < table.columns.size(); ++c) {
      line.push_back(c < row.size() ? cell_text(row[c]) : "");
      width[c] = std::max(width[c], display_width(line.back()));
    }
    texts.push_back(std::move(line));
  }
  auto pad = [](std::string& into, const std::string& text, size_t w, bool right) {
    const size_t fill = w - display_width(text);
    if (right) into.append(fill, ' ');
    into += text;
    if (!right) into.append(fill, ' ');
  };
  std::string header = " ";
  std::string rule = " ";
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (c) {
      header += "  ";
      rule += "  ";
    }
    pad(header, table.columns[c], width[c], false);
    rule.append(width[c], '-');
  }
  while (!header.empty() && header.back() == ' ') header.pop_back();
  out += header + "\n" + rule + "\n";
  for (size_t r = 0; r < texts.size(); ++r) {
    std::string line = " ";
    for (size_t c = 0; c < texts[r].size(); ++c) {
      if (c) line += "  ";
      pad(line, texts[r][c], width[c], c < table.rows[r].size() && is_numeric(table.rows[r][c]));
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
}

// TSV cells cannot hold tabs or newlines; escape them the way
// PostgreSQL's text COPY format does so a reader can undo it.
std::string tsv_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      default: out += c;
    }
  }
  return out;
}

std::string csv_escape(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// TSV and CSV: a header line, then one line per row, tables apart by a blank line.
std::string delimited(const QueryResult& result, char separator, std::string (*escape)(const std::string&)) {
  std::string out;
  const std::string sep(1, separator);
  for (size_t i = 0; i < result.tables.size(); ++i) {
    const Table& t = result.tables[i];
    if (i) out += "\n";
    std::vector<std::string> header;
    for (const auto& c : t.columns) header.push_back(escape(c));
    out += fmt::format("{}\n", fmt::join(header, sep));
    for (const auto& row : t.rows) {
      std::vector<std::string> cells;
      for (const auto& cell : row) cells.push_back(escape(cell_text(cell)));
      out += fmt::format("{}\n", fmt::join(cells, sep));
    }
  }
  // A message alone (help, "wrote FILE") is still worth showing.
  if (result.tables.empty() && !result.message.empty()) {
    out += result.message;
    if (out.back() != '\n') out += "\n";
  }
  return out;
}

nlohmann::json cell_json(const Cell& cell) {
  struct Visitor {
    nlohmann::json operator()(std::monostate) const { return nullptr; }
    nlohmann::json operator()(const std::string& s) const { return s; }
    nlohmann::json operator()(int64_t v) const { return v; }
    nlohmann::json operator()(double v) const { return v; }
    nlohmann::json operator()(bool v) const { return v; }
    nlohmann::json operator()(const CellList& items) const {
      nlohmann::json out = nlohmann::json::array();
      for (const Cell& item : items) out.push_back(cell_json(item));
      return out;
    }
  };
  return std::visit(Visitor{}, static_cast<const Cell::Base&>(cell));
}

}  // namespace

std::string cell_text(const Cell& cell) {
  struct Visitor {
    std::string operator()(std::monostate) const { return ""; }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(int64_t v) const { return fmt::format("{}", v); }
    std::string operator()(double v) const { return fmt::format("{:.4g}", v); }
    std::string operator()(bool v) const { return v ? "true" : "false"; }
    std::string operator()(const CellList& items) const {
      std::vector<std::string> parts;
      for (const Cell& item : items) {
        parts.push_back(std::holds_alternative<std::monostate>(item) ? std::string("null") : cell_text(item));
      }
      return fmt::format("[{}]", fmt::join(parts, ", "));
    }
  };
  return std::visit(Visitor{}, static_cast<const Cell::Base&>(cell));
}

const std::map<std::string, OutputFormat>& output_formats() {
  static const std::map<std::string, OutputFormat> kFormats = {{"table", OutputFormat::kTable},
                                                                {"csv", OutputFormat::kCsv},
                                                                {"tsv", OutputFormat::kTsv},
                                                                {"json", OutputFormat::kJson},
                                                                {"jsonl", OutputFormat::kJsonl}};
  return kFormats;
}

std::string format_result(const QueryResult& result, OutputFormat format) {
  std::string out;
  switch (format) {
    case OutputFormat::kTable:
      for (size_t i = 0; i < result.tables.size(); ++i) {
        if (i) out += "\n";
        append_table(out, result.tables[i]);
      }
      if (!result.message.empty()) {
        if (!result.tables.empty()) out += "\n";
        out += result.message;
        if (out.back() != '\n') out += "\n";
      }
      return out;
    case OutputFormat::kTsv: return delimited(result, '\t', tsv_escape);
    case OutputFormat::kCsv: return delimited(result, ',', csv_escape);
    case OutputFormat::kJsonl: {
      for (const Table& t : result.tables) {
        for (const auto& row : t.rows) {
          nlohmann::json obj = nlohmann::json::object();
          for (size_t c = 0; c < t.columns.size() && c < row.size(); ++c) obj[t.columns[c]] = cell_json(row[c]);
          out += obj.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
        }
      }
      if (result.tables.empty() && !result.message.empty()) {
        out += nlohmann::json{{"message", result.message}}.dump(-1, ' ', false,
                                                               nlohmann::json::error_handler_t::replace) + "\n";
      }
      return out;
    }
    case OutputFormat::kJson: {
      nlohmann::json doc = nlohmann::json::object();
      for (const Table& t : result.tables) {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& row : t.rows) {
          nlohmann::json obj = nlohmann::json::object();
          for (size_t c = 0; c < t.columns.size() && c < row.size(); ++c) obj[t.columns[c]] = cell_json(row[c]);
          rows.push_back(std::move(obj));
        }
        doc[t.key] = std::move(rows);
      }
      if (!result.message.empty()) doc["message"] = result.message;
      return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
  }
  return out;
}

}  // namespace kg::query
