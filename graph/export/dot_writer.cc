// DOT through boost::write_graphviz. The snapshot becomes a small
// adjacency_list whose vertex and edge bundles index back into it; the
// property writers print the attributes.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <fmt/format.h>

#include "graph/export/escape.h"
#include "graph/export/export.h"
#include "graph/export/snapshot_graph.h"

namespace kg::graph {
namespace {

struct TypeStyle {
  const char* shape;
  const char* fill;
};

// One look per entity type, so a diagram reads at a glance: people are
// ellipses, organisations boxes, places houses.
TypeStyle style_of(store::EntityType type) {
  switch (type) {
    case store::EntityType::kPerson: return {"ellipse", "#cfe2ff"};
    case store::EntityType::kOrg: return {"box", "#d1e7dd"};
    case store::EntityType::kLoc: return {"house", "#fff3cd"};
    case store::EntityType::kMisc: return {"diamond", "#e2d9f3"};
    case store::EntityType::kConcept: return {"note", "#eeeeee"};
  }
  return {"ellipse", "#ffffff"};
}

}  // namespace

void write_dot(const GraphSnapshot& snapshot, std::ostream& out) {
  const SnapshotGraph g = make_snapshot_graph(snapshot);
  auto vertex_writer = [&](std::ostream& os, SnapshotGraph::vertex_descriptor v) {
    const ExportNode& n = snapshot.nodes[g[v].node];
    const TypeStyle st = style_of(n.type);
    os << fmt::format("[label={}, shape={}, style=filled, fillcolor={}, tooltip={}]", dot_quoted(n.name), st.shape,
                      dot_quoted(st.fill),
                      dot_quoted(fmt::format("{} ({}, {} mentions)", n.name, store::entity_type_name(n.type), n.mentions)));
  };
  auto edge_writer = [&](std::ostream& os, SnapshotGraph::edge_descriptor e) {
    const ExportEdge& x = snapshot.edges[g[e].edge];
    os << fmt::format("[label={}]", dot_quoted(fmt::format("{} ({})", x.relation, x.count)));
  };
  auto graph_writer = [](std::ostream& os) {
    os << "rankdir=LR;\nnode [fontname=\"Helvetica\", fontsize=11];\nedge [fontname=\"Helvetica\", fontsize=9];\n";
  };
  // Node names in the DOT text are the stable entity ids, not positions.
  auto node_id = boost::make_function_property_map<SnapshotGraph::vertex_descriptor>(
      [&](SnapshotGraph::vertex_descriptor v) { return fmt::format("e{}", snapshot.nodes[g[v].node].id); });
  boost::write_graphviz(out, g, vertex_writer, edge_writer, graph_writer, node_id);
}

}  // namespace kg::graph
