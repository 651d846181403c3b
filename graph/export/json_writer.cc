// The JSON export: the machine-readable contract of DESIGN.md.
#include <nlohmann/json.hpp>

#include "graph/export/export.h"

namespace kg::graph {

void write_json(const GraphSnapshot& snapshot, std::ostream& out) {
  nlohmann::ordered_json doc;
  auto& nodes = doc["nodes"] = nlohmann::ordered_json::array();
  for (const ExportNode& n : snapshot.nodes) {
    nodes.push_back({{"id", n.id},
                     {"name", n.name},
                     {"type", std::string(store::entity_type_name(n.type))},
                     {"aliases", n.aliases},
                     {"mentions", n.mentions}});
  }
  auto& edges = doc["edges"] = nlohmann::ordered_json::array();
  for (const ExportEdge& e : snapshot.edges) {
    nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
    for (const ExportEvidence& x : e.evidence) {
      evidence.push_back({{"doc", x.doc}, {"sentence", x.sentence}, {"text", x.text}});
    }
    edges.push_back({{"source", e.source},
                     {"target", e.target},
                     {"relation", e.relation},
                     {"count", e.count},
                     {"confidence", e.confidence},
                     {"evidence", std::move(evidence)}});
  }
  // Stored text is valid UTF-8 (ingest checks it); replacing rather than
  // throwing keeps an export of a damaged store readable.
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace kg::graph
