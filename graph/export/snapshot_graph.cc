#include "graph/export/snapshot_graph.h"

#include <unordered_map>

namespace kg::graph {

SnapshotGraph make_snapshot_graph(const GraphSnapshot& snapshot) {
  SnapshotGraph g(snapshot.nodes.size());
  std::unordered_map<store::EntityId, size_t> vertex_of;
  for (size_t i = 0; i < snapshot.nodes.size(); ++i) {
    g[i].node = i;
    vertex_of.emplace(snapshot.nodes[i].id, i);
  }
  // The snapshot guarantees both ends of every edge are nodes.
  for (size_t i = 0; i < snapshot.edges.size(); ++i) {
    const ExportEdge& e = snapshot.edges[i];
    boost::add_edge(vertex_of.at(e.source), vertex_of.at(e.target), SnapshotEdge{i}, g);
  }
  return g;
}

}  // namespace kg::graph
