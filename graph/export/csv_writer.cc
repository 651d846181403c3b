// CSV for `neo4j-admin database import`: a node file and a relationship
// file with its header conventions (:ID, :LABEL, :START_ID, :END_ID, :TYPE,
// typed properties name:type, string[] arrays split on ';').
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>

#include "graph/export/export.h"

namespace kg::graph {
namespace {

// RFC 4180 quoting; neo4j-admin reads doubled quotes inside quoted fields.
std::string csv_field(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Neo4j labels and relationship types: letters, digits and underscores,
// upper case by convention ("speak with" -> SPEAK_WITH).
std::string neo4j_token(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    else if (!out.empty() && out.back() != '_') out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out.empty() ? "RELATED_TO" : out;
}

std::string label_of(store::EntityType type) {
  switch (type) {
    case store::EntityType::kPerson: return "Entity;Person";
    case store::EntityType::kOrg: return "Entity;Organization";
    case store::EntityType::kLoc: return "Entity;Location";
    case store::EntityType::kMisc: return "Entity;Misc";
    case store::EntityType::kConcept: return "Entity;Concept";
  }
  return "Entity";
}

}  // namespace

Status write_csv(const GraphSnapshot& graph, const std::string& target, std::vector<std::string>* written) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::string nodes_path, edges_path;
  const bool is_dir = (!target.empty() && target.back() == '/') || fs::is_directory(target, ec);
  if (is_dir) {
    fs::create_directories(target, ec);
    if (ec) return Status::io_error(fmt::format("{}: cannot create directory: {}", target, ec.message()));
    nodes_path = (fs::path(target) / "nodes.csv").string();
    edges_path = (fs::path(target) / "edges.csv").string();
  } else {
    nodes_path = target + ".nodes.csv";
    edges_path = target + ".edges.csv";
  }

  std::ofstream nodes(nodes_path, std::ios::binary | std::ios::trunc);
  if (!nodes) return Status::io_error(fmt::format("{}: cannot write: {}", nodes_path, std::strerror(errno)));
  nodes << "id:ID,name,:LABEL,type,aliases:string[],mentions:long\n";
  for (const ExportNode& n : graph.nodes) {
    std::string aliases;
    for (const std::string& a : n.aliases) {
      // ';' is the array delimiter; an alias holding one would split.
      if (a.find(';') != std::string::npos) continue;
      if (!aliases.empty()) aliases += ';';
      aliases += a;
    }
    nodes << fmt::format("{},{},{},{},{},{}\n", n.id, csv_field(n.name), label_of(n.type),
                         store::entity_type_name(n.type), csv_field(aliases), n.mentions);
  }
  nodes.close();
  if (!nodes) return Status::io_error(fmt::format("{}: write failed (disk full?)", nodes_path));

  std::ofstream edges(edges_path, std::ios::binary | std::ios::trunc);
  if (!edges) return Status::io_error(fmt::format("{}: cannot write: {}", edges_path, std::strerror(errno)));
  edges << ":START_ID,:END_ID,:TYPE,relation,count:long,confidence:double\n";
  for (const ExportEdge& e : graph.edges) {
    edges << fmt::format("{},{},{},{},{},{}\n", e.source, e.target, neo4j_token(e.relation), csv_field(e.relation),
                         e.count, e.confidence);
  }
  edges.close();
  if (!edges) return Status::io_error(fmt::format("{}: write failed (disk full?)", edges_path));
  if (written) {
    written->push_back(nodes_path);
    written->push_back(edges_path);
  }
  return Status::ok();
}

}  // namespace kg::graph
