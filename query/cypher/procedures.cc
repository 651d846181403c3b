// CALL kg.*: the graph algorithms of graph/algo as procedures. Whole-graph
// results (PageRank, components) are computed once per statement and kept
// in a ProcedureCache, since a CALL may run once per input row.
#include <fmt/format.h>

#include "graph/algo/algo.h"
#include "query/cypher/engine.h"
#include "query/entity_resolver.h"

namespace kg::query::cypher {

const std::vector<ProcedureInfo>& procedures() {
  static const std::vector<ProcedureInfo> kProcedures = {
      {"kg.pagerank", {}, {"node", "score"}, "PageRank of every node (damping 0.85, ranks sum to 1)"},
      {"kg.components", {}, {"node", "component", "size"}, "the weakly connected component of every node"},
      {"kg.degree", {}, {"node", "degree", "in_degree", "out_degree"}, "the number of edges at every node"},
      {"kg.khop", {"start", "depth"}, {"node", "depth"},
       "every node within depth hops of start (a node or a name), either way"},
      {"kg.betweenness", {"max_nodes"}, {"node", "score"},
       "Brandes betweenness centrality of every node (directed shortest paths; refused above max_nodes, "
       "default 20000)",
       1},
  };
  return kProcedures;
}

namespace {

Result<graph::Vertex> start_vertex(const Value& start, const graph::View& view, store::Store& store, Where where) {
  if (const auto* node = std::get_if<NodeRef>(&start.data)) return node->vertex;
  if (const auto* name = std::get_if<std::string>(&start.data)) {
    auto found = resolve_entity(store, NameArg{*name, where.line, where.column});
    if (!found) return found.status();
    if (auto v = view.vertex_of(found->entity.id)) return *v;
    return error_at(where, fmt::format("{} is not in the entity graph", found->entity.name));
  }
  return error_at(where, "kg.khop() starts at a node or a name");
}

}  // namespace

Status call_procedure(const CallClause& call, const std::vector<Value>& args, Where where, const graph::View& view,
                      store::Store& store, ProcedureCache& cache,
                      const std::function<bool(std::vector<Value>)>& emit) {
  const graph::Vertex n = static_cast<graph::Vertex>(view.vertex_count());
  if (call.procedure == "kg.pagerank") {
    if (!cache.pagerank) cache.pagerank = graph::pagerank(view);
    for (graph::Vertex v = 0; v < n; ++v) {
      if (!emit({Value{NodeRef{v}}, Value{(*cache.pagerank)[v]}})) break;
    }
  } else if (call.procedure == "kg.components") {
    if (!cache.components) cache.components = graph::connected_components(view);
    const graph::Components& c = *cache.components;
    for (graph::Vertex v = 0; v < n; ++v) {
      const uint32_t id = c.component[v];
      if (!emit({Value{NodeRef{v}}, Value{int64_t{id}}, Value{int64_t{c.sizes[id]}}})) break;
    }
  } else if (call.procedure == "kg.degree") {
    for (graph::Vertex v = 0; v < n; ++v) {
      const auto in = graph::degree(view, v, graph::Direction::kIn);
      const auto out = graph::degree(view, v, graph::Direction::kOut);
      if (!emit({Value{NodeRef{v}}, Value{int64_t{in + out}}, Value{int64_t{in}}, Value{int64_t{out}}})) break;
    }
  } else if (call.procedure == "kg.khop") {
    const auto* depth = std::get_if<int64_t>(&args[1].data);
    if (!depth || *depth < 1 || *depth > kMaxHops) {
      return error_at(call.args[1]->where, fmt::format("kg.khop() takes a depth from 1 to {}", kMaxHops));
    }
    if (args[0].is_null()) return Status::ok();  // from an OPTIONAL MATCH that found nothing
    auto from = start_vertex(args[0], view, store, call.args[0]->where);
    if (!from) return from.status();
    for (const graph::Reached& r : graph::k_hop(view, *from, static_cast<uint32_t>(*depth))) {
      if (!emit({Value{NodeRef{r.vertex}}, Value{int64_t{r.depth}}})) break;
    }
  } else if (call.procedure == "kg.betweenness") {
    int64_t limit = kBetweennessMaxNodes;
    if (!args.empty()) {
      const auto* given = std::get_if<int64_t>(&args[0].data);
      if (!given || *given < 1) {
        return error_at(call.args[0]->where, "kg.betweenness() takes a node limit, a positive integer");
      }
      limit = *given;
    }
    if (static_cast<int64_t>(n) > limit) {
      return error_at(where, fmt::format("kg.betweenness() refused: the graph has {} nodes, over the limit of {} "
                                         "(Brandes' algorithm walks every edge once per node, so this may take very "
                                         "long); to run it anyway, raise the limit: CALL kg.betweenness({})",
                                         n, limit, n));
    }
    if (!cache.betweenness) cache.betweenness = graph::betweenness(view);
    for (graph::Vertex v = 0; v < n; ++v) {
      if (!emit({Value{NodeRef{v}}, Value{(*cache.betweenness)[v]}})) break;
    }
  } else {
    return error_at(where, fmt::format("unknown procedure '{}'", call.procedure));
  }
  return Status::ok();
}

}  // namespace kg::query::cypher
