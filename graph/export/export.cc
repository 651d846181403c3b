// Choosing a format and a destination for an export.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

#include "graph/export/export.h"

namespace kg::graph {

std::optional<ExportFormat> parse_export_format(std::string_view name) {
  std::string n(name);
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (n == "dot" || n == "gv") return ExportFormat::kDot;
  if (n == "svg") return ExportFormat::kSvg;
  if (n == "png") return ExportFormat::kPng;
  if (n == "graphml") return ExportFormat::kGraphml;
  if (n == "json") return ExportFormat::kJson;
  if (n == "csv") return ExportFormat::kCsv;
  if (n == "nt" || n == "ntriples" || n == "n-triples") return ExportFormat::kNTriples;
  return std::nullopt;
}

std::string_view export_format_name(ExportFormat format) {
  switch (format) {
    case ExportFormat::kDot: return "dot";
    case ExportFormat::kSvg: return "svg";
    case ExportFormat::kPng: return "png";
    case ExportFormat::kGraphml: return "graphml";
    case ExportFormat::kJson: return "json";
    case ExportFormat::kCsv: return "csv";
    case ExportFormat::kNTriples: return "nt";
  }
  return "?";
}

bool is_text_format(ExportFormat format) {
  return format != ExportFormat::kSvg && format != ExportFormat::kPng && format != ExportFormat::kCsv;
}

namespace {

void write_text(const GraphSnapshot& graph, ExportFormat format, std::ostream& out) {
  switch (format) {
    case ExportFormat::kDot: write_dot(graph, out); break;
    case ExportFormat::kGraphml: write_graphml(graph, out); break;
    case ExportFormat::kJson: write_json(graph, out); break;
    case ExportFormat::kNTriples: write_ntriples(graph, out); break;
    default: break;
  }
}

}  // namespace

Status write_export(const GraphSnapshot& graph, ExportFormat format, const std::string& out_file,
                    std::ostream& stdout_sink, std::vector<std::string>* written) {
  const std::string_view name = export_format_name(format);
  if (format == ExportFormat::kCsv) {
    if (out_file.empty()) {
      return Status::invalid_input("csv writes two files (nodes and edges): give a directory or a prefix with -o");
    }
    return write_csv(graph, out_file, written);
  }
  if (format == ExportFormat::kSvg || format == ExportFormat::kPng) {
    if (out_file.empty()) {
      return Status::invalid_input(fmt::format("{} is binary or meant for a browser: give a file with -o (e.g. -o graph.{})",
                                               name, name));
    }
    std::ostringstream dot;
    write_dot(graph, dot);
    if (Status s = render_with_graphviz(dot.str(), format, out_file); !s) return s;
    if (written) written->push_back(out_file);
    return Status::ok();
  }
  if (out_file.empty() || out_file == "-") {
    write_text(graph, format, stdout_sink);
    stdout_sink.flush();
    return Status::ok();
  }
  std::ofstream out(out_file, std::ios::binary | std::ios::trunc);
  if (!out) return Status::io_error(fmt::format("{}: cannot write: {}", out_file, std::strerror(errno)));
  write_text(graph, format, out);
  out.close();
  if (!out) return Status::io_error(fmt::format("{}: write failed (disk full?)", out_file));
  if (written) written->push_back(out_file);
  return Status::ok();
}

}  // namespace kg::graph
