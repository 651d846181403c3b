#include "graph/algo/algo.h"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/page_rank.hpp>
#include <boost/pending/disjoint_sets.hpp>
#include <boost/property_map/property_map.hpp>
#include <limits>
#include <numeric>

namespace kg::graph {

namespace {

constexpr uint32_t kUnseen = std::numeric_limits<uint32_t>::max();

// Calls fn(neighbour, edge, forward) for every edge at v that `dir` follows.
template <typename Fn>
void for_each_adjacent(const CsrGraph& g, Vertex v, Direction dir, Fn&& fn) {
  if (dir != Direction::kIn) {
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) fn(static_cast<Vertex>(boost::target(*it, g)), *it, true);
  }
  if (dir != Direction::kOut) {
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) fn(static_cast<Vertex>(boost::source(*it, g)), *it, false);
  }
}

Direction reverse(Direction d) {
  return d == Direction::kOut ? Direction::kIn : d == Direction::kIn ? Direction::kOut : Direction::kBoth;
}

}  // namespace

std::vector<Neighbor> neighbors(const View& view, Vertex from, Direction dir) {
  const CsrGraph& g = view.graph();
  std::vector<Neighbor> out;
  out.reserve(degree(view, from, dir));
  for_each_adjacent(g, from, dir, [&](Vertex other, const CsrEdge& e, bool forward) {
    out.push_back(Neighbor{other, forward, g[e]});
  });
  return out;
}

uint32_t degree(const View& view, Vertex v, Direction dir) {
  const CsrGraph& g = view.graph();
  uint32_t d = 0;
  if (dir != Direction::kIn) d += static_cast<uint32_t>(boost::out_degree(v, g));
  if (dir != Direction::kOut) d += static_cast<uint32_t>(boost::in_degree(v, g));
  return d;
}

namespace {

// Breadth-first search to max_depth from every vertex of `from` at once,
// following only the edges `follow` accepts; calls visit(vertex, depth) once
// per reached vertex that is not a start.
template <typename Follow, typename Visit>
void bounded_bfs(const View& view, const std::vector<Vertex>& from, uint32_t max_depth, Direction dir, Follow&& follow,
                 Visit&& visit) {
  const CsrGraph& g = view.graph();
  std::vector<bool> seen(view.vertex_count(), false);
  for (Vertex v : from) seen[v] = true;
  std::vector<Vertex> frontier = from, next;
  for (uint32_t depth = 1; depth <= max_depth && !frontier.empty(); ++depth) {
    next.clear();
    for (Vertex v : frontier) {
      for_each_adjacent(g, v, dir, [&](Vertex w, const CsrEdge& e, bool) {
        if (seen[w] || !follow(e)) return;
        seen[w] = true;
        visit(w, depth);
        next.push_back(w);
      });
    }
    frontier.swap(next);
  }
}

constexpr auto kEveryEdge = [](const CsrEdge&) { return true; };

}  // namespace

std::vector<Reached> k_hop(const View& view, Vertex from, uint32_t max_depth, Direction dir) {
  std::vector<Reached> out;
  bounded_bfs(view, {from}, max_depth, dir, kEveryEdge, [&](Vertex v, uint32_t depth) { out.push_back({v, depth}); });
  return out;
}

std::vector<Reached> k_hop(const View& view, const std::vector<Vertex>& from, uint32_t max_depth, Direction dir,
                           const std::function<bool(const CsrEdge&)>& follow) {
  std::vector<Reached> out;
  bounded_bfs(view, from, max_depth, dir, follow, [&](Vertex v, uint32_t depth) { out.push_back({v, depth}); });
  return out;
}

uint64_t k_hop_count(const View& view, Vertex from, uint32_t max_depth, Direction dir) {
  uint64_t n = 0;
  bounded_bfs(view, {from}, max_depth, dir, kEveryEdge, [&](Vertex, uint32_t) { ++n; });
  return n;
}

std::optional<std::vector<PathStep>> shortest_path(const View& view, Vertex from, Vertex to, Direction dir,
                                                   uint32_t max_hops) {
  if (from == to) return std::vector<PathStep>{};
  const CsrGraph& g = view.graph();
  // For each reached vertex: which side reached it, and the step back
  // towards that side's start.
  struct Back {
    Vertex toward = 0;
    CsrEdge edge;
    bool forward = true;  // the edge runs toward -> this vertex (it is an out-edge of `toward`)
  };
  const size_t n = view.vertex_count();
  std::vector<uint8_t> side(n, 2);
  std::vector<Back> back(n);
  side[from] = 0;
  side[to] = 1;
  std::vector<Vertex> frontier[2] = {{from}, {to}};
  const Direction dirs[2] = {dir, reverse(dir)};
  uint32_t hops = 0;
  while (!frontier[0].empty() && !frontier[1].empty() && hops < max_hops) {
    // Grow the smaller frontier by one level.
    const int s = frontier[0].size() <= frontier[1].size() ? 0 : 1;
    std::vector<Vertex> next;
    std::optional<std::pair<Vertex, Back>> meeting;  // vertex of side s, step into the other side
    for (Vertex v : frontier[s]) {
      for_each_adjacent(g, v, dirs[s], [&](Vertex w, const CsrEdge& e, bool along) {
        if (meeting) return;
        if (side[w] == 1 - s) {
          meeting = std::make_pair(v, Back{w, e, along});
          return;
        }
        if (side[w] != 2) return;
        side[w] = static_cast<uint8_t>(s);
        back[w] = Back{v, e, along};
        next.push_back(w);
      });
      if (meeting) break;
    }
    ++hops;
    if (meeting) {
      // Walk from the meeting edge back to both starts.
      const auto [v0, bridge] = *meeting;
      const Vertex a = s == 0 ? v0 : bridge.toward;  // the end reached from `from`
      const Vertex b = s == 0 ? bridge.toward : v0;  // the end reached from `to`
      std::vector<PathStep> path;
      for (Vertex x = a; x != from; x = back[x].toward) {
        path.push_back(PathStep{back[x].toward, x, back[x].forward, g[back[x].edge]});
      }
      std::reverse(path.begin(), path.end());
      // The bridge, seen from `from` to `to`: for side 0 `along` is relative
      // to a -> b; for side 1 it was relative to b -> a, walked backwards.
      path.push_back(PathStep{a, b, s == 0 ? bridge.forward : !bridge.forward, g[bridge.edge]});
      for (Vertex x = b; x != to; x = back[x].toward) {
        path.push_back(PathStep{x, back[x].toward, !back[x].forward, g[back[x].edge]});
      }
      return path;
    }
    frontier[s].swap(next);
  }
  return std::nullopt;
}

std::vector<double> pagerank(const View& view, int iterations, Direction dir) {
  const CsrGraph& g = view.graph();
  std::vector<double> rank(view.vertex_count(), 0.0);
  if (rank.empty()) return rank;
  if (dir == Direction::kOut) {
    auto rank_map = boost::make_iterator_property_map(rank.begin(), boost::get(boost::vertex_index, g));
    boost::graph::page_rank(g, rank_map, boost::graph::n_iterations(iterations), 0.85);
  } else {
    // Each edge both ways, in a graph of its own (kIn: reversed only).
    using PlainGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS>;
    std::vector<std::pair<Vertex, Vertex>> arcs;
    arcs.reserve(boost::num_edges(g) * (dir == Direction::kBoth ? 2 : 1));
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
      const auto u = static_cast<Vertex>(boost::source(*it, g)), v = static_cast<Vertex>(boost::target(*it, g));
      arcs.emplace_back(v, u);
      if (dir == Direction::kBoth) arcs.emplace_back(u, v);
    }
    const PlainGraph both(boost::edges_are_unsorted_multi_pass, arcs.begin(), arcs.end(), view.vertex_count());
    auto rank_map = boost::make_iterator_property_map(rank.begin(), boost::get(boost::vertex_index, both));
    boost::graph::page_rank(both, rank_map, boost::graph::n_iterations(iterations), 0.85);
  }
  // Boost's formulation adds (1 - d) per vertex (not (1 - d) / n) and lets
  // the rank of vertices without out-edges leak away, so its values sum to
  // neither 1 nor n. Scaling keeps the order and makes them shares of 1.
  const double total = std::accumulate(rank.begin(), rank.end(), 0.0);
  if (total > 0) {
    for (double& r : rank) r /= total;
  }
  return rank;
}

Components connected_components(const View& view) {
  const CsrGraph& g = view.graph();
  const size_t n = view.vertex_count();
  std::vector<uint32_t> rank(n, 0), parent(n);
  std::iota(parent.begin(), parent.end(), 0u);
  auto rank_map = boost::make_iterator_property_map(rank.begin(), boost::identity_property_map());
  auto parent_map = boost::make_iterator_property_map(parent.begin(), boost::identity_property_map());
  boost::disjoint_sets<decltype(rank_map), decltype(parent_map)> sets(rank_map, parent_map);
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    sets.union_set(static_cast<uint32_t>(boost::source(*it, g)), static_cast<uint32_t>(boost::target(*it, g)));
  }
  Components c;
  c.component.assign(n, kUnseen);
  std::vector<uint32_t> id_of_root(n, kUnseen);
  for (uint32_t v = 0; v < n; ++v) {  // ascending: a component is numbered by its smallest vertex
    const uint32_t root = sets.find_set(v);
    if (id_of_root[root] == kUnseen) {
      id_of_root[root] = c.count++;
      c.sizes.push_back(0);
    }
    c.component[v] = id_of_root[root];
    ++c.sizes[c.component[v]];
  }
  return c;
}

std::vector<double> betweenness(const View& view) {
  const CsrGraph& g = view.graph();
  std::vector<double> centrality(view.vertex_count(), 0.0);
  if (centrality.empty()) return centrality;
  auto map = boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, g));
  boost::brandes_betweenness_centrality(g, boost::centrality_map(map));
  return centrality;
}

std::vector<Vertex> top_vertices(const std::vector<double>& score, size_t limit) {
  std::vector<Vertex> order(score.size());
  std::iota(order.begin(), order.end(), 0u);
  limit = std::min(limit, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<ptrdiff_t>(limit), order.end(), [&](Vertex a, Vertex b) {
    return score[a] != score[b] ? score[a] > score[b] : a < b;
  });
  order.resize(limit);
  return order;
}

}  // namespace kg::graph
