// Choosing a format and a destination for an export.
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "graph/export/atomic_file.h"
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

std::optional<Layout> parse_layout(std::string_view name) {
  if (name == "auto") return Layout::kAuto;
  if (name == "dot") return Layout::kDot;
  if (name == "neato") return Layout::kNeato;
  if (name == "sfdp") return Layout::kSfdp;
  return std::nullopt;
}

bool is_text_format(ExportFormat format) { return format != ExportFormat::kPng && format != ExportFormat::kCsv; }

namespace {

void write_text(const GraphSnapshot& graph, ExportFormat format, const WriteOptions& options, std::ostream& out) {
  switch (format) {
    case ExportFormat::kDot: write_dot(graph, out, options); break;
    case ExportFormat::kGraphml: write_graphml(graph, out); break;
    case ExportFormat::kJson: write_json(graph, out); break;
    case ExportFormat::kNTriples: write_ntriples(graph, options.base_iri, out); break;
    default: break;
  }
}

// SVG for standard output: graphviz renders into a private temporary file,
// which is then copied to the sink (the sink may be a string, not a file
// descriptor graphviz could write to).
Status render_svg_to(const std::string& dot_text, std::ostream& sink) {
  namespace fs = std::filesystem;
  std::string path = (fs::temp_directory_path() / "kg-export-XXXXXX").string();
  const int fd = ::mkstemp(path.data());
  if (fd < 0) return Status::io_error(fmt::format("cannot create a temporary file for dot: {}", std::strerror(errno)));
  ::close(fd);
  Status s = render_with_graphviz(dot_text, ExportFormat::kSvg, path);
  if (s) {
    std::ifstream in(path, std::ios::binary);
    sink << in.rdbuf();
    sink.flush();
  }
  std::error_code ec;
  fs::remove(path, ec);
  return s;
}

}  // namespace

Status write_export(const GraphSnapshot& graph, ExportFormat format, const std::string& out_file,
                    const WriteOptions& options, std::ostream& stdout_sink, std::vector<std::string>* written) {
  if (format == ExportFormat::kNTriples) {
    if (Status s = check_base_iri(options.base_iri); !s) return s;
  }
  const bool to_stdout = out_file.empty() || out_file == "-";
  if (format == ExportFormat::kCsv) {
    if (to_stdout) return Status::invalid_input("csv writes two files (nodes.csv and edges.csv): give a folder with -o");
    return write_csv(graph, out_file, written);
  }
  if (format == ExportFormat::kSvg || format == ExportFormat::kPng) {
    std::ostringstream dot;
    write_dot(graph, dot, options);
    if (to_stdout) {
      if (format == ExportFormat::kPng) {
        return Status::invalid_input("png is binary: give a file with -o (e.g. -o graph.png)");
      }
      return render_svg_to(dot.str(), stdout_sink);
    }
    PendingFile pending(out_file);  // dot writes the temporary file; it replaces out_file only when complete
    if (Status s = render_with_graphviz(dot.str(), format, pending.temporary_path()); !s) return s;
    if (Status s = pending.commit(); !s) return s;
    if (written) written->push_back(out_file);
    return Status::ok();
  }
  if (to_stdout) {
    write_text(graph, format, options, stdout_sink);
    stdout_sink.flush();
    return Status::ok();
  }
  if (Status s = write_file_atomically(out_file, [&](std::ostream& out) { write_text(graph, format, options, out); });
      !s) {
    return s;
  }
  if (written) written->push_back(out_file);
  return Status::ok();
}

Status write_export(const GraphSnapshot& graph, ExportFormat format, const std::string& out_file,
                    std::ostream& stdout_sink, std::vector<std::string>* written) {
  return write_export(graph, format, out_file, WriteOptions{}, stdout_sink, written);
}

}  // namespace kg::graph
