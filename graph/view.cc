#include "graph/view.h"

#include <algorithm>
#include <limits>

#include "graph/identity/identity.h"

namespace kg::graph {

namespace {
constexpr Vertex kNoVertex = std::numeric_limits<Vertex>::max();
}

bool is_qualified_relation(std::string_view phrase) {
  const std::string_view first = phrase.substr(0, phrase.find(' '));
  if (first == phrase) return false;
  for (std::string_view q : {"not", "if", "almost", "reportedly", "can", "could", "may", "might", "must", "shall", "should",
                             "would", "ought"}) {
    if (first == q) return true;
  }
  return false;
}

Result<View> View::build(store::Store& store, ViewScope scope) {
  View view;
  std::vector<VertexProps> vertices;
  const bool entity_graph = scope == ViewScope::kEntityGraph;
  std::vector<bool> stored;  // by entity id: exists in the store (with or without a vertex)
  Status s = store.for_each_entity([&](const store::Entity& e) {
    if (e.id >= stored.size()) stored.resize(e.id + 1 + e.id / 4, false);
    stored[e.id] = true;
    if (entity_graph && !schema::is_named(e.type)) return;
    if (e.id >= view.vertex_of_entity_.size()) view.vertex_of_entity_.resize(e.id + 1 + e.id / 4, kNoVertex);
    view.vertex_of_entity_[e.id] = static_cast<Vertex>(vertices.size());
    const auto mentions = static_cast<uint32_t>(std::min<uint64_t>(e.mentions, UINT32_MAX));
    vertices.push_back(VertexProps{e.id, mentions, e.name, e.type});
  });
  if (!s) return s;
  s = store.for_each_relation([&](store::RelationId id, std::string_view phrase) {
    if (id >= view.relation_names_.size()) view.relation_names_.resize(id + 1);
    view.relation_names_[id] = std::string(phrase);
  });
  if (!s) return s;
  std::vector<std::pair<Vertex, Vertex>> ends;
  std::vector<EdgeProps> props;
  Status dangling;
  s = store.for_each_edge([&](const store::Edge& e) {
    const std::optional<Vertex> from = view.vertex_of(e.subject), to = view.vertex_of(e.object);
    const auto exists = [&](store::EntityId id) { return id < stored.size() && stored[id]; };
    if (!exists(e.subject) || !exists(e.object)) {
      if (dangling) {
        dangling = Status::corruption(
            "the store is damaged: an edge names an entity that does not exist; run 'kg check'");
      }
      return;
    }
    // The entity graph leaves out statements (their concept end has no
    // vertex) and qualified relations.
    if (!from || !to || (entity_graph && is_qualified_relation(view.relation_name(e.relation)))) return;
    ends.emplace_back(*from, *to);
    props.push_back(EdgeProps{e.relation, e.count, e.confidence});
  });
  if (!s) return s;
  if (!dangling) return dangling;
  // Edges arrive sorted by source; the multi-pass constructor sorts in-edges
  // by counting sort, linear in the edge count.
  view.graph_ = CsrGraph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), props.begin(),
                         static_cast<uint32_t>(vertices.size()));
  for (Vertex v = 0; v < vertices.size(); ++v) {
    view.by_normalized_name_[identity::normalize_name(vertices[v].name)].push_back(v);
    view.graph_[v] = std::move(vertices[v]);
  }
  return view;
}

std::optional<Vertex> View::vertex_of(store::EntityId id) const {
  if (id >= vertex_of_entity_.size() || vertex_of_entity_[id] == kNoVertex) return std::nullopt;
  return vertex_of_entity_[id];
}

std::vector<Vertex> View::find(std::string_view name) const {
  const auto it = by_normalized_name_.find(identity::normalize_name(name));
  if (it == by_normalized_name_.end()) return {};
  std::vector<Vertex> exact, similar;
  for (Vertex v : it->second) (graph_[v].name == name ? exact : similar).push_back(v);
  std::vector<Vertex>& out = exact.empty() ? similar : exact;
  const auto degree = [&](Vertex v) { return boost::out_degree(v, graph_) + boost::in_degree(v, graph_); };
  std::stable_sort(out.begin(), out.end(), [&](Vertex a, Vertex b) { return degree(a) > degree(b); });
  return out;
}

std::string_view View::canonical_name(const CsrEdge& e) const {
  const std::optional<schema::Canonical> c =
      schema::canonical_relation(relation_name(graph_[e].relation), graph_[boost::source(e, graph_)].type,
                                 graph_[boost::target(e, graph_)].type);
  return c ? c->kind->name : std::string_view();
}

const std::string& View::relation_name(store::RelationId id) const {
  static const std::string kUnknown;
  return id < relation_names_.size() ? relation_names_[id] : kUnknown;
}

std::optional<store::RelationId> View::find_relation(std::string_view phrase) const {
  for (store::RelationId id = 0; id < relation_names_.size(); ++id) {
    if (!relation_names_[id].empty() && relation_names_[id] == phrase) return id;
  }
  return std::nullopt;
}

}  // namespace kg::graph
