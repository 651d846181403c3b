// graph/view: the in-memory graph the queries and algorithms run on.
//
// A View is a Boost.Graph compressed_sparse_row_graph (bidirectionalS: both
// out- and in-edges) built from the store in two sequential scans: entities
// (vertex properties) and edges_out (edges, already sorted by subject). It is
// a snapshot: later writes to the store are not seen; build a new View.
//
// Vertices are dense indexes 0..n-1 in ascending entity id order; edges keep
// the relation id, support count and best confidence of the stored edge.
// The view is built from the store's reads, so a bare surname the store
// folds into a person (store.h) is no vertex of its own: its edges are that
// person's.
// By default the view is the *entity graph*: named entities (every type but
// CONCEPT) and the plain relations between them. Statements (an entity and a
// common-noun phrase) and qualified relations (negated, modal, conditional,
// hedged: stored with a qualifier first, "not meet", "could attack") stay in
// the store for entity pages and evidence, but no neighbourhood, path,
// ranking or component runs through them. ViewScope::kAll keeps everything.
// Algorithms on it live in graph/algo/algo.h.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "graph/schema/schema.h"
#include "graph/store/store.h"

namespace kg::graph {

struct VertexProps {
  store::EntityId entity = 0;
  // The entity's mention count (folds applied, as Store::entity reads it),
  // saturating; kept here, where a 1-hop filter on it finds it with the
  // vertex (it fills what was padding).
  uint32_t mentions = 0;
  std::string name;
  store::EntityType type = store::EntityType::kMisc;
};

struct EdgeProps {
  store::RelationId relation = 0;
  uint32_t count = 0;
  float confidence = 0.0f;
};

using CsrGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, VertexProps, EdgeProps,
                                                    boost::no_property, uint32_t, uint32_t>;
using Vertex = uint32_t;
using CsrEdge = boost::graph_traits<CsrGraph>::edge_descriptor;

enum class ViewScope : uint8_t { kEntityGraph, kAll };

// True for a stored relation phrase that carries a qualifier ("not be",
// "could attack", "if meet", "almost take"): no plain fact of the graph.
bool is_qualified_relation(std::string_view phrase);

class View {
 public:
  // Scans the store; kCorruption/kIOError from the store pass through.
  static Result<View> build(store::Store& store, ViewScope scope = ViewScope::kEntityGraph);

  const CsrGraph& graph() const { return graph_; }
  size_t vertex_count() const { return boost::num_vertices(graph_); }
  size_t edge_count() const { return boost::num_edges(graph_); }

  const VertexProps& vertex(Vertex v) const { return graph_[v]; }
  const EdgeProps& edge(const CsrEdge& e) const { return graph_[e]; }
  std::optional<Vertex> vertex_of(store::EntityId id) const;

  // Vertices named `name`: exact canonical-name matches first; when there are
  // none, vertices whose normalised canonical name matches; most connected first.
  std::vector<Vertex> find(std::string_view name) const;

  // "" for an unknown id.
  const std::string& relation_name(store::RelationId id) const;
  // The canonical relation of an edge (graph/schema), or "" for an open one.
  std::string_view canonical_name(const CsrEdge& e) const;
  std::optional<store::RelationId> find_relation(std::string_view phrase) const;

 private:
  CsrGraph graph_;
  std::vector<Vertex> vertex_of_entity_;                  // indexed by entity id; kNoVertex when absent
  std::vector<std::string> relation_names_;               // indexed by relation id
  std::unordered_map<std::string, std::vector<Vertex>> by_normalized_name_;
};

}  // namespace kg::graph
