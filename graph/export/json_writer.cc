// The JSON export: the machine-readable contract of DESIGN.md. Written one
// node or edge per line as it goes, so the whole document is never held in
// memory twice (snapshot and JSON tree).
#include <cmath>
#include <nlohmann/json.hpp>

#include "graph/export/export.h"

namespace kg::graph {
namespace {

// Stored text is valid UTF-8 (ingest checks it); replacing rather than
// throwing keeps an export of a damaged store readable.
std::string dump(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// A float confidence printed as is reads 0.8999999761581421; three decimals
// is all the extraction's confidences mean.
double rounded(float confidence) { return std::round(static_cast<double>(confidence) * 1000.0) / 1000.0; }

nlohmann::ordered_json edge_json(const ExportEdge& e) {
  nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
  bool asserted = false;
  for (const ExportEvidence& x : e.evidence) {
    if (x.asserted_by != 0) {  // person-made: no document, its source instead
      asserted = true;
      evidence.push_back({{"asserted", true}, {"edit", x.asserted_by}, {"source", x.source}});
      continue;
    }
    evidence.push_back({{"doc", x.doc}, {"sentence", x.sentence}, {"text", x.text}});
  }
  nlohmann::ordered_json edge = {{"source", e.source},       {"target", e.target},
                                 {"relation", e.relation},   {"count", e.count},
                                 {"confidence", rounded(e.confidence)}};
  edge["first_seen"] = e.first_seen.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(e.first_seen);
  edge["last_seen"] = e.last_seen.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(e.last_seen);
  edge["evidence"] = std::move(evidence);
  if (asserted) edge["asserted"] = true;  // a person added it (kg assert)
  if (e.evidence_total > e.evidence.size()) edge["evidence_total"] = e.evidence_total;
  return edge;
}

}  // namespace

void write_json(const GraphSnapshot& snapshot, std::ostream& out) {
  out << "{\n  \"nodes\": [";
  const char* separator = "\n    ";
  for (const ExportNode& n : snapshot.nodes) {
    const nlohmann::ordered_json node = {{"id", n.id},
                                         {"name", n.name},
                                         {"type", std::string(store::entity_type_name(n.type))},
                                         {"aliases", n.aliases},
                                         {"mentions", n.mentions}};
    out << separator << dump(node);
    separator = ",\n    ";
  }
  out << "\n  ],\n  \"edges\": [";
  separator = "\n    ";
  for (const ExportEdge& e : snapshot.edges) {
    out << separator << dump(edge_json(e));
    separator = ",\n    ";
  }
  out << "\n  ],\n  \"edits\": [";
  separator = "\n    ";
  for (const store::Edit& e : snapshot.edits) {
    out << separator << edit_to_json(e);
    separator = ",\n    ";
  }
  out << "\n  ]\n}\n";
}

}  // namespace kg::graph
