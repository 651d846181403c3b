// The snapshot as a Boost.Graph adjacency_list, for the Boost writers
// (write_graphviz, write_graphml). Bundles hold indexes into the snapshot's
// vectors, so nothing is copied twice. Private to graph/export.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <unordered_map>

#include "graph/export/export.h"

namespace kg::graph {

struct SnapshotVertex {
  size_t node = 0;  // index into GraphSnapshot::nodes
};
struct SnapshotEdge {
  size_t edge = 0;  // index into GraphSnapshot::edges
};

// bidirectionalS keeps a global edge list, so edges(g) walks it in insertion
// order (the snapshot's order) without the directedS edge iterator that
// trips GCC 12's -Wmaybe-uninitialized.
using SnapshotGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, SnapshotVertex, SnapshotEdge>;

// Vertex i is snapshot.nodes[i]; edges in snapshot order.
SnapshotGraph make_snapshot_graph(const GraphSnapshot& snapshot);

// The index in snapshot.nodes of each entity id.
std::unordered_map<store::EntityId, size_t> node_index(const GraphSnapshot& snapshot);

}  // namespace kg::graph
