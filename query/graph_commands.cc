// Whole-graph commands: :top, :components (on the view), :stats (store
// counters) and :export (graph/export).
#include <algorithm>
#include <fmt/format.h>
#include <sstream>
#include <unordered_map>

#include "graph/algo/algo.h"
#include "graph/export/export.h"
#include "query/entity_resolver.h"
#include "query/executor.h"

namespace kg::query {
namespace {

// :components lists this many components; the rest are summarised.
constexpr size_t kComponentRows = 20;
// Members named per component, most connected first.
constexpr size_t kMembersShown = 5;

}  // namespace

Result<QueryResult> run_top(ExecContext& ctx, const TopCommand& cmd) {
  auto view = ctx.view();
  if (!view) return view.status();
  const graph::View& g = **view;
  std::vector<double> degree(g.vertex_count());
  for (graph::Vertex v = 0; v < degree.size(); ++v) degree[v] = graph::degree(g, v);
  std::vector<double> rank;
  if (cmd.by == TopCommand::By::kPageRank) rank = graph::pagerank(g, 20, graph::Direction::kBoth);
  const std::vector<graph::Vertex> top =
      graph::top_vertices(cmd.by == TopCommand::By::kPageRank ? rank : degree, static_cast<size_t>(cmd.limit));

  QueryResult result;
  Table table{"top",
              fmt::format("Top {} by {}", top.size(), cmd.by == TopCommand::By::kPageRank ? "PageRank" : "degree"),
              {"rank", "name", "type", "degree"},
              {}};
  if (cmd.by == TopCommand::By::kPageRank) table.columns.push_back("pagerank");
  int64_t n = 0;
  for (graph::Vertex v : top) {
    std::vector<Cell> row = {++n, g.vertex(v).name, std::string(store::entity_type_name(g.vertex(v).type)),
                             static_cast<int64_t>(degree[v])};
    if (cmd.by == TopCommand::By::kPageRank) row.push_back(rank[v]);
    table.rows.push_back(std::move(row));
  }
  result.tables.push_back(std::move(table));
  return result;
}

Result<QueryResult> run_components(ExecContext& ctx, const ComponentsCommand&) {
  auto view = ctx.view();
  if (!view) return view.status();
  const graph::View& g = **view;
  const graph::Components cc = graph::connected_components(g);
  std::vector<uint32_t> order(cc.count);
  for (uint32_t c = 0; c < cc.count; ++c) order[c] = c;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return cc.sizes[a] > cc.sizes[b]; });
  if (order.size() > kComponentRows) order.resize(kComponentRows);

  std::unordered_map<uint32_t, std::vector<graph::Vertex>> members;
  for (uint32_t c : order) members[c];
  for (graph::Vertex v = 0; v < cc.component.size(); ++v) {
    if (auto it = members.find(cc.component[v]); it != members.end()) it->second.push_back(v);
  }
  QueryResult result;
  Table table{"components", fmt::format("{} connected component{} (edges taken both ways)", cc.count, cc.count == 1 ? "" : "s"),
              {"component", "size", "members"}, {}};
  int64_t n = 0;
  for (uint32_t c : order) {
    std::vector<graph::Vertex>& vs = members[c];
    std::stable_sort(vs.begin(), vs.end(),
                     [&](graph::Vertex a, graph::Vertex b) { return graph::degree(g, a) > graph::degree(g, b); });
    std::vector<std::string> names;
    for (size_t i = 0; i < vs.size() && i < kMembersShown; ++i) names.push_back(g.vertex(vs[i]).name);
    std::string shown = fmt::format("{}", fmt::join(names, ", "));
    if (vs.size() > kMembersShown) shown += fmt::format(", ... ({} more)", vs.size() - kMembersShown);
    table.rows.push_back({++n, static_cast<int64_t>(cc.sizes[c]), std::move(shown)});
  }
  result.tables.push_back(std::move(table));
  if (cc.count > kComponentRows) result.message = fmt::format("showing the {} largest of {} components", kComponentRows, cc.count);
  return result;
}

Result<QueryResult> run_stats(ExecContext& ctx, const StatsCommand&) {
  auto stats = ctx.store.stats();
  if (!stats) return stats.status();
  QueryResult result;
  Table table{"stats", fmt::format("Store {}", ctx.store.dir()), {"measure", "value"}, {}};
  auto row = [&](std::string name, uint64_t value) { table.rows.push_back({std::move(name), static_cast<int64_t>(value)}); };
  row("documents", stats->documents);
  row("sentences", stats->sentences);
  row("entities", stats->entities);
  for (size_t t = 0; t < store::kEntityTypeCount; ++t) {
    row(fmt::format("entities {}", store::entity_type_name(static_cast<store::EntityType>(t))), stats->entities_by_type[t]);
  }
  row("aliases", stats->aliases);
  row("relations", stats->relations);
  row("edges", stats->edges);
  row("evidence", stats->evidence);
  result.tables.push_back(std::move(table));
  return result;
}

Result<QueryResult> run_export(ExecContext& ctx, const ExportCommand& cmd) {
  const auto format = graph::parse_export_format(cmd.format);
  if (!format) return Status::invalid_input(fmt::format("unknown export format '{}'", cmd.format));
  // The same defaults as kg export: the entity graph, and for diagrams its
  // readable form (no isolated entities, a node cap, one sentence per arrow).
  const bool diagram = *format == graph::ExportFormat::kDot || *format == graph::ExportFormat::kSvg ||
                       *format == graph::ExportFormat::kPng;
  graph::ExportScope scope = graph::diagram_scope();
  if (!diagram) {
    const std::vector<store::EntityType> named = scope.types;
    scope = graph::ExportScope{};
    scope.types = named;
    scope.with_evidence = *format == graph::ExportFormat::kJson;
  }
  if (cmd.focus) {
    auto focus = resolve_entity(ctx.store, *cmd.focus);
    if (!focus) return focus.status();
    scope.focus = focus->entity.id;
    scope.depth = static_cast<uint32_t>(cmd.depth);
  }
  auto snapshot = graph::collect_snapshot(ctx.store, scope);
  if (!snapshot) return snapshot.status();
  std::ostringstream text;
  std::vector<std::string> written;
  if (Status s = graph::write_export(*snapshot, *format, cmd.file, text, &written); !s) return s;
  QueryResult result;
  if (cmd.file.empty()) {
    result.message = text.str();
  } else {
    result.message = fmt::format("wrote {} ({} entities, {} edges)", fmt::join(written, ", "), snapshot->nodes.size(),
                                 snapshot->edges.size());
  }
  return result;
}

}  // namespace kg::query
