#include "graph/export/snapshot_graph.h"

#include <unordered_map>

namespace kg::graph {

std::unordered_map<store::EntityId, size_t> node_index(const GraphSnapshot& snapshot) {
  std::unordered_map<store::EntityId, size_t> index;
  for (size_t i = 0; i < snapshot.nodes.size(); ++i) index.emplace(snapshot.nodes[i].id, i);
  return index;
}

SnapshotGraph make_snapshot_graph(const GraphSnapshot& snapshot) {
  SnapshotGraph g(snapshot.nodes.size());
  const std::unordered_map<store::EntityId, size_t> vertex_of = node_index(snapshot);
  for (size_t i = 0; i < snapshot.nodes.size(); ++i) g[i].node = i;
  // The snapshot guarantees both ends of every edge are nodes.
  for (size_t i = 0; i < snapshot.edges.size(); ++i) {
    const ExportEdge& e = snapshot.edges[i];
    boost::add_edge(vertex_of.at(e.source), vertex_of.at(e.target), SnapshotEdge{i}, g);
  }
  return g;
}

}  // namespace kg::graph
