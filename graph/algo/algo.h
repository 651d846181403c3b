// graph/algo: algorithms on the CSR view (graph/view.h).
//
// All functions are pure reads of a View; results name vertices by their
// view index (View::vertex(v) gives entity id, name and type). Direction
// says which edges a traversal follows: out-edges, in-edges, or both (the
// graph taken as undirected).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "graph/view.h"

namespace kg::graph {

enum class Direction { kOut, kIn, kBoth };

// One row of a 1-hop neighbourhood: the edge and the vertex at its far end.
struct Neighbor {
  Vertex vertex = 0;      // the other end
  bool outgoing = true;   // true: from -> vertex; false: vertex -> from
  EdgeProps edge;
};

// Every edge at `from` in `dir`, out-edges first (sorted by target), then in-edges (sorted by source).
std::vector<Neighbor> neighbors(const View& view, Vertex from, Direction dir = Direction::kBoth);

uint32_t degree(const View& view, Vertex v, Direction dir = Direction::kBoth);

struct Reached {
  Vertex vertex = 0;
  uint32_t depth = 0;  // hops from the start, >= 1
};

// Distinct vertices within `max_depth` hops of `from` (the start excluded),
// in breadth-first order.
std::vector<Reached> k_hop(const View& view, Vertex from, uint32_t max_depth, Direction dir = Direction::kBoth);
// Distinct vertices within `max_depth` hops of any vertex of `from` (the
// starts excluded), breadth-first, walking only the edges `follow` accepts:
// one pass for a neighbourhood of several entities under a filter.
std::vector<Reached> k_hop(const View& view, const std::vector<Vertex>& from, uint32_t max_depth, Direction dir,
                           const std::function<bool(const CsrEdge&)>& follow);
// Their number, without materialising them.
uint64_t k_hop_count(const View& view, Vertex from, uint32_t max_depth, Direction dir = Direction::kBoth);

// One step of a path: the edge taken and whether it was walked along its
// direction (forward) or against it.
struct PathStep {
  Vertex from = 0, to = 0;
  bool forward = true;
  EdgeProps edge;
};

// A shortest path from `from` to `to` by bidirectional breadth-first search
// (fewest hops; where two vertices have several edges, the first found is
// reported). Empty vector when from == to; nullopt when no path of at most
// `max_hops` exists.
std::optional<std::vector<PathStep>> shortest_path(const View& view, Vertex from, Vertex to,
                                                   Direction dir = Direction::kBoth, uint32_t max_hops = 16);

// PageRank (boost::graph::page_rank) with damping 0.85 and a fixed number of
// iterations, scaled so the ranks sum to 1. Indexed by vertex. With
// Direction::kBoth every edge counts both ways (the centrality `:top`
// shows: in news a relation's direction is the sentence's grammar, who told
// whom, not a vote, and ranks taken one way pile up at the ends of short
// chains); kOut is the usual directed PageRank (kg.pagerank, as Kuzu
// computes it).
std::vector<double> pagerank(const View& view, int iterations = 20, Direction dir = Direction::kOut);

// Weakly connected components (edges taken as undirected), through
// boost::disjoint_sets. component[v] is in 0..count-1; components are
// numbered by their smallest vertex.
struct Components {
  std::vector<uint32_t> component;
  uint32_t count = 0;
  std::vector<uint32_t> sizes;  // indexed by component
};
Components connected_components(const View& view);

// Brandes betweenness centrality (boost::brandes_betweenness_centrality) on
// the graph taken as directed. O(V*E): for small graphs (the REPL refuses
// above a size limit). Indexed by vertex.
std::vector<double> betweenness(const View& view);

// The `limit` vertices with the highest score, best first (ties: lower vertex first).
std::vector<Vertex> top_vertices(const std::vector<double>& score, size_t limit);

}  // namespace kg::graph
