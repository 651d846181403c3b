// CSV for `neo4j-admin database import`: a node file and a relationship
// file with its header conventions (:ID, :LABEL, :START_ID, :END_ID, :TYPE,
// typed properties name:type, string[] arrays split on ';').
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>

#include "graph/export/atomic_file.h"
#include "graph/export/escape.h"
#include "graph/export/export.h"

namespace kg::graph {
namespace {

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

// The aliases as one string[] cell; empty (no quotes) when there are none,
// so Neo4j stores no property rather than [""].
std::string alias_cell(const std::vector<std::string>& aliases) {
  std::string joined;
  for (const std::string& a : aliases) {
    // ';' is the array delimiter; an alias holding one would split.
    if (a.empty() || a.find(';') != std::string::npos) continue;
    if (!joined.empty()) joined += ';';
    joined += a;
  }
  return joined.empty() ? std::string() : csv_cell(joined);
}

}  // namespace

Status write_csv(const GraphSnapshot& graph, const std::string& dir, std::vector<std::string>* written) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    return Status::invalid_input(fmt::format("{}: exists and is not a folder; csv writes nodes.csv and edges.csv into a folder", dir));
  }
  fs::create_directories(dir, ec);
  if (ec) return Status::io_error(fmt::format("{}: cannot create folder: {}", dir, ec.message()));
  const std::string nodes_path = (fs::path(dir) / "nodes.csv").string();
  const std::string edges_path = (fs::path(dir) / "edges.csv").string();

  Status s = write_file_atomically(nodes_path, [&](std::ostream& nodes) {
    nodes << "id:ID,name,:LABEL,type,aliases:string[],mentions:long\n";
    for (const ExportNode& n : graph.nodes) {
      nodes << fmt::format("{},{},{},{},{},{}\n", n.id, csv_cell(n.name), label_of(n.type),
                           store::entity_type_name(n.type), alias_cell(n.aliases), n.mentions);
    }
  });
  if (!s) return s;
  s = write_file_atomically(edges_path, [&](std::ostream& edges) {
    edges << ":START_ID,:END_ID,:TYPE,relation,count:long,confidence:double\n";
    for (const ExportEdge& e : graph.edges) {
      edges << fmt::format("{},{},{},{},{},{:.3f}\n", e.source, e.target, neo4j_token(e.relation),
                           csv_cell(e.relation), e.count, e.confidence);
    }
  });
  if (!s) return s;
  if (written) {
    written->push_back(nodes_path);
    written->push_back(edges_path);
  }
  return Status::ok();
}

}  // namespace kg::graph
