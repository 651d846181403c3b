// :neighbors and :path, both on the session's CSR view of the entity graph
// (named entities and the plain relations between them; graph/view.h).
#include <algorithm>
#include <fmt/format.h>
#include <cstdint>
#include <optional>

#include "graph/algo/algo.h"
#include "graph/export/export.h"
#include "graph/schema/schema.h"
#include "query/entity_resolver.h"
#include "query/executor.h"

namespace kg::query {
namespace {

// One reached entity, whichever way it was found.
struct NeighborRow {
  std::string name;
  store::EntityType type = store::EntityType::kMisc;
  uint32_t depth = 0;
  std::string via;       // the entity it was reached from
  std::string relation;  // of the edge between via and it
  bool from_via = true;  // the edge points via -> it
};

Result<std::vector<NeighborRow>> neighbors_by_view(const graph::View& view, graph::Vertex start, uint32_t depth) {
  const std::vector<graph::Reached> reached = graph::k_hop(view, start, depth);
  constexpr uint32_t kUnreached = UINT32_MAX;
  std::vector<uint32_t> depth_of(view.vertex_count(), kUnreached);
  std::vector<std::vector<graph::Vertex>> levels(depth + 1);
  depth_of[start] = 0;
  levels[0].push_back(start);
  std::vector<size_t> index_of(view.vertex_count(), 0);  // position in `reached`
  for (size_t i = 0; i < reached.size(); ++i) {
    depth_of[reached[i].vertex] = reached[i].depth;
    levels[reached[i].depth].push_back(reached[i].vertex);
    index_of[reached[i].vertex] = i;
  }
  // k_hop gives distances only. Parents come from walking each level's
  // edges once more, as the BFS did (the last level's edges are never
  // read), keeping the best edge by the store walk's rule.
  std::vector<std::optional<graph::StoreReached>> parent(reached.size());
  std::vector<graph::Vertex> parent_vertex(reached.size(), 0);
  for (uint32_t level = 1; level <= depth; ++level) {
    for (graph::Vertex u : levels[level - 1]) {
      for (const graph::Neighbor& n : graph::neighbors(view, u)) {
        if (depth_of[n.vertex] != level) continue;
        const size_t i = index_of[n.vertex];
        // n.outgoing means u -> n.vertex: the edge points away from the parent.
        const graph::StoreReached cand{view.vertex(n.vertex).entity, level, view.vertex(u).entity, n.edge.relation,
                                       n.outgoing, n.edge.count};
        if (!parent[i] || graph::better_parent(cand, *parent[i])) {
          parent[i] = cand;
          parent_vertex[i] = u;
        }
      }
    }
  }
  std::vector<NeighborRow> rows;
  rows.reserve(reached.size());
  for (size_t i = 0; i < reached.size(); ++i) {
    const graph::VertexProps& v = view.vertex(reached[i].vertex);
    NeighborRow row{v.name, v.type, reached[i].depth, "", "", true};
    if (parent[i]) {
      row.via = view.vertex(parent_vertex[i]).name;
      row.relation = view.relation_name(parent[i]->relation);
      row.from_via = parent[i]->forward;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<graph::Vertex> vertex_in_view(const graph::View& view, const store::Entity& e) {
  auto v = view.vertex_of(e.id);
  if (v) return *v;
  if (!schema::is_named(e.type)) {
    return Status::invalid_input(fmt::format(
        "\"{}\" is a concept (a common-noun phrase), not a node of the entity graph; :entity \"{}\" shows its facts",
        e.name, e.name));
  }
  return Status::corruption(fmt::format("entity {} ({}) is in the store but not in the graph view", e.id, e.name));
}

}  // namespace

Result<QueryResult> run_neighbors(ExecContext& ctx, const NeighborsCommand& cmd) {
  auto resolved = resolve_entity(ctx.store, cmd.name);
  if (!resolved) return resolved.status();
  const store::Entity& start = resolved->entity;
  const uint32_t depth = static_cast<uint32_t>(cmd.depth);

  // Neighbourhoods run on the entity graph (graph/view.h), never through a
  // common-noun phrase.
  auto view = ctx.view();
  if (!view) return view.status();
  auto v = vertex_in_view(**view, start);
  if (!v) return v.status();
  Result<std::vector<NeighborRow>> rows = neighbors_by_view(**view, *v, depth);
  if (!rows) return rows.status();
  std::sort(rows->begin(), rows->end(), [](const NeighborRow& a, const NeighborRow& b) {
    if (a.depth != b.depth) return a.depth < b.depth;
    return a.name < b.name;
  });
  QueryResult result;
  Table table{"neighbors",
              fmt::format("Neighbours of {} within {} hop{}: {}", start.name, depth, depth == 1 ? "" : "s", rows->size()),
              {"depth", "name", "type", "relation", "via"},
              {}};
  for (const NeighborRow& r : *rows) {
    // Read left to right: NAME <-[rel]- VIA when the edge points at NAME.
    table.rows.push_back({static_cast<int64_t>(r.depth), r.name, std::string(store::entity_type_name(r.type)),
                          arrow(r.relation, !r.from_via), r.via});
  }
  result.tables.push_back(std::move(table));
  return result;
}

Result<QueryResult> run_path(ExecContext& ctx, const PathCommand& cmd) {
  auto from = resolve_entity(ctx.store, cmd.from);
  if (!from) return from.status();
  auto to = resolve_entity(ctx.store, cmd.to);
  if (!to) return to.status();
  auto view = ctx.view();
  if (!view) return view.status();
  const graph::View& g = **view;
  auto a = vertex_in_view(g, from->entity);
  if (!a) return a.status();
  auto b = vertex_in_view(g, to->entity);
  if (!b) return b.status();

  QueryResult result;
  const auto path = graph::shortest_path(g, *a, *b);
  if (!path) {
    result.message = fmt::format("no path between {} and {}", from->entity.name, to->entity.name);
    return result;
  }
  Table table{"path",
              fmt::format("Path from {} to {}: {} hop{}", from->entity.name, to->entity.name, path->size(),
                          path->size() == 1 ? "" : "s"),
              {"step", "from", "relation", "to", "count"},
              {}};
  int64_t step = 0;
  for (const graph::PathStep& s : *path) {
    table.rows.push_back({++step, g.vertex(s.from).name, arrow(g.relation_name(s.edge.relation), s.forward),
                          g.vertex(s.to).name, static_cast<int64_t>(s.edge.count)});
  }
  result.tables.push_back(std::move(table));
  if (path->empty()) result.message = fmt::format("{} is the same entity as {}", cmd.from.text, cmd.to.text);
  return result;
}

}  // namespace kg::query
