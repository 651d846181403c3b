// shortestPath: boost::breadth_first_visit over an adaptor of the CSR view
// whose out-edges of a vertex are the edges a pattern may walk from it (out,
// in or both ways, of an accepted type, not past the hop bound). The BFS
// tree's parent edges then give one fewest-hop path to each vertex reached.
#include <boost/graph/breadth_first_search.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/pending/queue.hpp>
#include <unordered_map>

#include "query/cypher/engine.h"

namespace kg::query::cypher {

struct WalkGraph {
  const graph::CsrGraph* g = nullptr;
  Direction direction = Direction::kBoth;
  std::function<bool(const graph::CsrEdge&)> follow;
  std::function<bool(graph::Vertex)> expand;  // false: walk no edge out of this vertex
};

// An edge as walked: from `from` to `to`, whichever way it points.
struct WalkEdge {
  graph::CsrEdge edge;
  graph::Vertex from = 0, to = 0;
  bool operator==(const WalkEdge& o) const { return edge == o.edge && from == o.from; }
};

class WalkEdgeIterator
    : public boost::iterator_facade<WalkEdgeIterator, WalkEdge, boost::forward_traversal_tag, WalkEdge> {
 public:
  using Out = boost::graph_traits<graph::CsrGraph>::out_edge_iterator;
  using In = boost::graph_traits<graph::CsrGraph>::in_edge_iterator;
  WalkEdgeIterator() = default;
  // The first walkable edge at v, or the end when `at_end`.
  WalkEdgeIterator(const WalkGraph& w, graph::Vertex v, bool at_end) : w_(&w), v_(v) {
    std::tie(out_, out_end_) = boost::out_edges(v, *w.g);
    std::tie(in_, in_end_) = boost::in_edges(v, *w.g);
    if (at_end || !w.expand(v)) {
      out_ = out_end_;
      in_ = in_end_;
      return;
    }
    if (w.direction == Direction::kLeft) out_ = out_end_;
    if (w.direction == Direction::kRight) in_ = in_end_;
    settle();
  }

 private:
  friend class boost::iterator_core_access;
  // Skips edges the walk may not take; an undirected walk meets a
  // self-loop among the out-edges already.
  void settle() {
    while (out_ != out_end_ && !w_->follow(*out_)) ++out_;
    if (out_ != out_end_) return;
    while (in_ != in_end_ &&
           ((w_->direction == Direction::kBoth && boost::source(*in_, *w_->g) == v_) || !w_->follow(*in_))) {
      ++in_;
    }
  }
  void increment() {
    if (out_ != out_end_) ++out_;
    else ++in_;
    settle();
  }
  bool equal(const WalkEdgeIterator& o) const { return out_ == o.out_ && in_ == o.in_; }
  WalkEdge dereference() const {
    if (out_ != out_end_) return {*out_, v_, boost::target(*out_, *w_->g)};
    return {*in_, v_, boost::source(*in_, *w_->g)};
  }

  const WalkGraph* w_ = nullptr;
  graph::Vertex v_ = 0;
  Out out_, out_end_;
  In in_, in_end_;
};

// The IncidenceGraph functions breadth_first_visit calls (found by ADL).
inline std::pair<WalkEdgeIterator, WalkEdgeIterator> out_edges(graph::Vertex v, const WalkGraph& w) {
  return {WalkEdgeIterator(w, v, false), WalkEdgeIterator(w, v, true)};
}
inline graph::Vertex source(const WalkEdge& e, const WalkGraph&) { return e.from; }
inline graph::Vertex target(const WalkEdge& e, const WalkGraph&) { return e.to; }
inline size_t out_degree(graph::Vertex v, const WalkGraph& w) {
  auto [it, end] = out_edges(v, w);
  return static_cast<size_t>(std::distance(it, end));
}

}  // namespace kg::query::cypher

namespace boost {
template <>
struct graph_traits<kg::query::cypher::WalkGraph> {
  using vertex_descriptor = kg::graph::Vertex;
  using edge_descriptor = kg::query::cypher::WalkEdge;
  using out_edge_iterator = kg::query::cypher::WalkEdgeIterator;
  using directed_category = directed_tag;
  using edge_parallel_category = allow_parallel_edge_tag;
  using traversal_category = incidence_graph_tag;
  using degree_size_type = size_t;
  using vertices_size_type = size_t;
  using edges_size_type = size_t;
  static vertex_descriptor null_vertex() { return std::numeric_limits<vertex_descriptor>::max(); }
};
}  // namespace boost

namespace kg::query::cypher {
namespace {

struct Reached {
  int depth = 0;
  graph::CsrEdge parent;  // unset for the start
};

// Thrown by the visitor to end the search once the target is reached.
struct TargetFound {};

class TreeRecorder : public boost::default_bfs_visitor {
 public:
  TreeRecorder(std::unordered_map<graph::Vertex, Reached>& reached, std::vector<graph::Vertex>& order,
               std::optional<graph::Vertex> target)
      : reached_(reached), order_(order), target_(target) {}
  void tree_edge(const WalkEdge& e, const WalkGraph&) const {
    reached_[e.to] = {reached_[e.from].depth + 1, e.edge};
    order_.push_back(e.to);
    if (target_ && e.to == *target_) throw TargetFound{};
  }

 private:
  std::unordered_map<graph::Vertex, Reached>& reached_;
  std::vector<graph::Vertex>& order_;
  std::optional<graph::Vertex> target_;
};

}  // namespace

bool shortest_paths(const graph::CsrGraph& g, graph::Vertex from, std::optional<graph::Vertex> target,
                    Direction direction, int max_hops, const std::function<bool(const graph::CsrEdge&)>& follow,
                    const std::function<bool(graph::Vertex, const std::vector<graph::CsrEdge>&)>& found) {
  std::unordered_map<graph::Vertex, Reached> reached;
  reached[from] = {};
  std::vector<graph::Vertex> order{from};
  WalkGraph walk{&g, direction, follow, [&](graph::Vertex v) { return reached[v].depth < max_hops; }};
  // White is 0: the vector starts with every vertex undiscovered.
  std::vector<boost::default_color_type> color(boost::num_vertices(g), boost::white_color);
  auto color_map =
      boost::make_iterator_property_map(color.begin(), boost::typed_identity_property_map<graph::Vertex>());
  boost::queue<graph::Vertex> queue;
  try {
    boost::breadth_first_visit(walk, from, queue, TreeRecorder(reached, order, target), color_map);
  } catch (const TargetFound&) {
  }
  for (graph::Vertex v : order) {
    if (target && v != *target) continue;
    std::vector<graph::CsrEdge> edges;
    for (graph::Vertex at = v; at != from;) {
      const graph::CsrEdge& e = reached[at].parent;
      edges.push_back(e);
      at = boost::source(e, g) == at ? boost::target(e, g) : boost::source(e, g);
    }
    std::reverse(edges.begin(), edges.end());
    if (!found(v, edges)) return false;
  }
  return true;
}

}  // namespace kg::query::cypher
