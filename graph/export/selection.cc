#include "graph/export/selection.h"

#include <algorithm>
#include <fmt/format.h>
#include <functional>
#include <queue>
#include <tuple>
#include <unordered_set>

#include "graph/algo/algo.h"

namespace kg::graph {
namespace {

constexpr size_t kLeftOutNamesShown = 5;

// The filters of a scope as a test on one edge of the view: its relation,
// its support, and both ends of an allowed type (focus entities always are).
class EdgeFilter {
 public:
  EdgeFilter(const View& view, const ExportScope& scope, const std::vector<Vertex>& focus,
             std::unordered_set<store::RelationId> relations)
      : graph_(view.graph()), min_count_(scope.min_count), relations_(std::move(relations)) {
    allowed_.assign(view.vertex_count(), scope.types.empty());
    if (!scope.types.empty()) {
      for (Vertex v = 0; v < allowed_.size(); ++v) {
        allowed_[v] = std::find(scope.types.begin(), scope.types.end(), view.vertex(v).type) != scope.types.end();
      }
    }
    for (Vertex f : focus) allowed_[f] = true;
  }

  bool allowed(Vertex v) const { return allowed_[v]; }

  bool operator()(const CsrEdge& e) const {
    const EdgeProps& p = graph_[e];
    return p.count >= min_count_ && allowed_[boost::source(e, graph_)] && allowed_[boost::target(e, graph_)] &&
           (relations_.empty() || relations_.count(p.relation));
  }

 private:
  const CsrGraph& graph_;
  uint32_t min_count_;
  std::unordered_set<store::RelationId> relations_;
  std::vector<bool> allowed_;
};

Result<std::vector<Vertex>> focus_vertices(const View& view, const ExportScope& scope) {
  std::vector<store::EntityId> ids = scope.more_focus;
  if (scope.focus) ids.insert(ids.begin(), *scope.focus);
  std::vector<Vertex> out;
  for (store::EntityId id : ids) {
    const std::optional<Vertex> v = view.vertex_of(id);
    if (!v) return Status::not_found(fmt::format("no entity with id {} in the graph", id));
    if (std::find(out.begin(), out.end(), *v) == out.end()) out.push_back(*v);
  }
  return out;
}

Result<std::unordered_set<store::RelationId>> relation_ids(const View& view, const ExportScope& scope) {
  std::unordered_set<store::RelationId> ids;
  for (const std::string& phrase : scope.relations) {
    const std::optional<store::RelationId> id = view.find_relation(phrase);
    if (!id) return Status::invalid_input(fmt::format("no relation \"{}\" in the store (see kg stats)", phrase));
    ids.insert(*id);
  }
  return ids;
}

// Calls fn(other end, edge) for every edge at v that `follow` accepts.
template <typename Fn>
void for_each_followed(const CsrGraph& g, Vertex v, const EdgeFilter& follow, Fn&& fn) {
  for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
    if (follow(*it)) fn(static_cast<Vertex>(boost::target(*it, g)), *it);
  }
  for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
    if (follow(*it)) fn(static_cast<Vertex>(boost::source(*it, g)), *it);
  }
}

// The cap with a focus: grows from the focus, each step taking the heaviest
// candidate adjacent to what is kept (ties: lower vertex), so the diagram
// stays connected to its focus.
std::vector<bool> grow_from_focus(const View& view, const EdgeFilter& follow, const std::vector<bool>& candidate,
                                  const std::vector<uint64_t>& weight, const std::vector<Vertex>& focus, size_t limit) {
  const auto lighter = [&](Vertex a, Vertex b) { return weight[a] != weight[b] ? weight[a] < weight[b] : a > b; };
  std::priority_queue<Vertex, std::vector<Vertex>, decltype(lighter)> frontier(lighter);
  std::vector<bool> kept(view.vertex_count(), false);
  size_t count = 0;
  auto keep = [&](Vertex v) {
    kept[v] = true;
    ++count;
    for_each_followed(view.graph(), v, follow, [&](Vertex w, const CsrEdge&) {
      if (candidate[w] && !kept[w]) frontier.push(w);
    });
  };
  for (Vertex f : focus) keep(f);
  while (count < limit && !frontier.empty()) {
    const Vertex v = frontier.top();
    frontier.pop();
    if (!kept[v]) keep(v);
  }
  return kept;
}

// The cap without a focus: the `limit` heaviest candidates.
std::vector<bool> heaviest(const std::vector<Vertex>& candidates, const std::vector<uint64_t>& weight, size_t limit) {
  std::vector<Vertex> order = candidates;
  std::stable_sort(order.begin(), order.end(), [&](Vertex a, Vertex b) { return weight[a] > weight[b]; });
  std::vector<bool> kept(weight.size(), false);
  for (size_t i = 0; i < order.size() && i < limit; ++i) kept[order[i]] = true;
  return kept;
}

// Sum of the support counts of each vertex's followed edges inside `member`;
// `edges` (when given) receives those edges, each once.
std::vector<uint64_t> weighted_degree(const View& view, const EdgeFilter& follow, const std::vector<Vertex>& vertices,
                                      const std::vector<bool>& member, std::vector<CsrEdge>* edges) {
  const CsrGraph& g = view.graph();
  std::vector<uint64_t> weight(view.vertex_count(), 0);
  for (Vertex v : vertices) {
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
      const Vertex t = static_cast<Vertex>(boost::target(*it, g));
      if (!member[t] || !follow(*it)) continue;
      weight[v] += g[*it].count;
      weight[t] += g[*it].count;
      if (edges) edges->push_back(*it);
    }
  }
  return weight;
}

std::vector<Vertex> members_of(const std::vector<Vertex>& vertices, const std::vector<bool>& member) {
  std::vector<Vertex> out;
  for (Vertex v : vertices) {
    if (member[v]) out.push_back(v);
  }
  return out;
}

}  // namespace

Result<Selection> select_for_export(const View& view, const ExportScope& scope) {
  Selection out;
  Result<std::vector<Vertex>> focus = focus_vertices(view, scope);
  if (!focus) return focus.status();
  out.focus = std::move(*focus);
  Result<std::unordered_set<store::RelationId>> relations = relation_ids(view, scope);
  if (!relations) return relations.status();
  const EdgeFilter follow(view, scope, out.focus, std::move(*relations));
  const size_t n = view.vertex_count();

  // Candidates: the focus neighbourhood under the filters, or every allowed vertex.
  std::vector<bool> candidate(n, false);
  if (!out.focus.empty()) {
    for (Vertex f : out.focus) candidate[f] = true;
    for (const Reached& r : k_hop(view, out.focus, scope.depth, Direction::kBoth, std::cref(follow))) candidate[r.vertex] = true;
  } else {
    for (Vertex v = 0; v < n; ++v) candidate[v] = follow.allowed(v);
  }
  std::vector<Vertex> candidates;
  for (Vertex v = 0; v < n; ++v) {
    if (candidate[v]) candidates.push_back(v);
  }
  std::vector<bool> is_focus(n, false);
  for (Vertex f : out.focus) is_focus[f] = true;
  std::vector<CsrEdge> candidate_edges;
  const std::vector<uint64_t> weight = weighted_degree(view, follow, candidates, candidate, &candidate_edges);
  if (scope.drop_isolated) {
    for (Vertex v : candidates) candidate[v] = weight[v] > 0 || is_focus[v];
    candidates = members_of(candidates, candidate);
  }

  std::vector<bool> kept = candidate;
  if (scope.max_nodes != 0 && candidates.size() > scope.max_nodes) {
    kept = out.focus.empty() ? heaviest(candidates, weight, scope.max_nodes)
                             : grow_from_focus(view, follow, candidate, weight, out.focus, scope.max_nodes);
  }
  out.vertices = members_of(candidates, kept);
  const std::vector<uint64_t> kept_weight = weighted_degree(view, follow, out.vertices, kept, &out.edges);
  if (scope.drop_isolated && out.vertices.size() < candidates.size()) {
    // The cap can cut an entity's every edge; it is then dropped as well.
    for (Vertex v : out.vertices) kept[v] = kept_weight[v] > 0 || is_focus[v];
    out.vertices = members_of(out.vertices, kept);
  }

  std::vector<Vertex> left = candidates;
  left.erase(std::remove_if(left.begin(), left.end(), [&](Vertex v) { return kept[v]; }), left.end());
  std::stable_sort(left.begin(), left.end(), [&](Vertex a, Vertex b) { return weight[a] > weight[b]; });
  out.left_out.nodes = left.size();
  out.left_out.edges = candidate_edges.size() - out.edges.size();
  for (size_t i = 0; i < left.size() && i < kLeftOutNamesShown; ++i) out.left_out.most_connected.push_back(view.vertex(left[i]).name);

  const CsrGraph& g = view.graph();
  std::sort(out.edges.begin(), out.edges.end(), [&](const CsrEdge& a, const CsrEdge& b) {
    return std::tuple(boost::source(a, g), g[a].relation, boost::target(a, g)) <
           std::tuple(boost::source(b, g), g[b].relation, boost::target(b, g));
  });
  return out;
}

}  // namespace kg::graph
