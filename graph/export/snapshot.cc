// Reading what an export shows: selected on the view (selection.h), then
// names, aliases and evidence read from the store for what was selected.
#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>
#include <unordered_set>

#include "graph/export/export.h"
#include "graph/export/selection.h"

namespace kg::graph {
namespace {

using store::EntityId;
using store::RelationId;

// Every read below returns Result/Status; these turn a failed one into an
// early return of its Status.
#define KG_EXPORT_TRY(var, expr)             \
  auto var = (expr);                         \
  if (!var) return var.status()

// Caches the ids and dates of documents, which repeat across evidence.
class NameCache {
 public:
  explicit NameCache(store::Store& store) : store_(store) {}

  struct Doc {
    std::string id, date;
  };

  Result<Doc> document(store::DocNo number) {
    if (auto it = documents_.find(number); it != documents_.end()) return it->second;
    KG_EXPORT_TRY(info, store_.document(number));
    if (!info->has_value()) return Status::corruption(fmt::format("evidence names document {} that does not exist", number));
    documents_.emplace(number, Doc{(*info)->id, (*info)->date});
    return Doc{(*info)->id, (*info)->date};
  }

 private:
  store::Store& store_;
  std::unordered_map<store::DocNo, Doc> documents_;
};

// Surface forms other than the canonical name itself, most frequent first.
std::vector<std::string> alias_surfaces(std::vector<store::Alias> aliases, const std::string& canonical) {
  std::stable_sort(aliases.begin(), aliases.end(),
                   [](const store::Alias& a, const store::Alias& b) { return a.count > b.count; });
  std::vector<std::string> out;
  for (const store::Alias& a : aliases) {
    if (a.surface.empty() || a.surface == canonical || std::find(out.begin(), out.end(), a.surface) != out.end()) {
      continue;
    }
    out.push_back(a.surface);
  }
  return out;
}

// Above this many entities, mentions and aliases come from two sequential
// scans of the store rather than a lookup per entity.
constexpr size_t kScanAbove = 2000;

// Name and type from the view; mentions and aliases from the store.
Status add_nodes(store::Store& store, const View& view, const Selection& selection, GraphSnapshot& graph) {
  std::unordered_map<EntityId, size_t> index;
  for (Vertex v : selection.vertices) {
    const VertexProps& p = view.vertex(v);
    index.emplace(p.entity, graph.nodes.size());
    graph.nodes.push_back(ExportNode{p.entity, p.name, p.type, {}, 0});
  }
  if (graph.nodes.size() <= kScanAbove) {
    for (ExportNode& node : graph.nodes) {
      KG_EXPORT_TRY(entity, store.entity(node.id));
      if (entity->has_value()) node.mentions = (*entity)->mentions;
      KG_EXPORT_TRY(aliases, store.aliases_of(node.id));
      node.aliases = alias_surfaces(std::move(*aliases), node.name);
    }
    return Status::ok();
  }
  Status s = store.for_each_entity([&](const store::Entity& e) {
    if (auto it = index.find(e.id); it != index.end()) graph.nodes[it->second].mentions = e.mentions;
  });
  if (!s) return s;
  std::unordered_map<EntityId, std::vector<store::Alias>> aliases;
  s = store.for_each_alias([&](const store::Alias& a) {
    if (index.count(a.entity)) aliases[a.entity].push_back(a);
  });
  if (!s) return s;
  for (auto& [id, list] : aliases) {
    ExportNode& node = graph.nodes[index.at(id)];
    node.aliases = alias_surfaces(std::move(list), node.name);
  }
  return Status::ok();
}

Status add_evidence(store::Store& store, NameCache& names, RelationId relation, const ExportScope& scope,
                    ExportEdge& out) {
  KG_EXPORT_TRY(evidence, store.evidence(out.source, relation, out.target));
  out.evidence_total = evidence->size();
  for (const store::Evidence& ev : *evidence) {
    if (ev.asserted_by != 0) {  // no document: what a person asserted, and where from
      if (scope.max_evidence_per_edge == 0 || out.evidence.size() < scope.max_evidence_per_edge) {
        out.evidence.push_back(ExportEvidence{"", 0, "", ev.asserted_by, ev.source});
      }
      continue;
    }
    KG_EXPORT_TRY(doc, names.document(ev.doc));
    // Every piece dates the fact, the ones past the cap too (as Store::fact_dates).
    if (!doc->date.empty() && (out.first_seen.empty() || doc->date < out.first_seen)) out.first_seen = doc->date;
    if (doc->date > out.last_seen) out.last_seen = doc->date;
    if (scope.max_evidence_per_edge != 0 && out.evidence.size() >= scope.max_evidence_per_edge) continue;
    ExportEvidence x;
    x.doc = std::move(doc->id);
    x.sentence = ev.sentence + 1;
    KG_EXPORT_TRY(text, store.sentence_text(ev.doc, ev.sentence));
    if (text->has_value()) x.text = std::move(**text);
    out.evidence.push_back(std::move(x));
  }
  return Status::ok();
}

}  // namespace

ExportScope diagram_scope() {
  ExportScope scope;
  for (size_t t = 0; t < store::kEntityTypeCount; ++t) {
    const auto type = static_cast<store::EntityType>(t);
    if (schema::is_named(type)) scope.types.push_back(type);
  }
  scope.drop_isolated = true;
  scope.max_nodes = kDiagramMaxNodes;
  scope.max_evidence_per_edge = 1;
  return scope;
}

Result<GraphSnapshot> collect_snapshot(store::Store& store, const ExportScope& scope) {
  // Named types only (diagrams, --types PERSON,...) means the entity graph,
  // whose plain relations are the only ones drawn; otherwise everything,
  // statements and qualified relations included.
  const bool named_only = !scope.types.empty() && std::all_of(scope.types.begin(), scope.types.end(), schema::is_named);
  KG_EXPORT_TRY(view, View::build(store, named_only ? ViewScope::kEntityGraph : ViewScope::kAll));
  KG_EXPORT_TRY(selection, select_for_export(*view, scope));
  GraphSnapshot graph;
  for (Vertex f : selection->focus) graph.focus.push_back(view->vertex(f).entity);
  graph.left_out = std::move(selection->left_out);
  if (Status s = add_nodes(store, *view, *selection, graph); !s) return s;
  NameCache names(store);
  const CsrGraph& g = view->graph();
  for (const CsrEdge& e : selection->edges) {
    ExportEdge out;
    out.source = view->vertex(static_cast<Vertex>(boost::source(e, g))).entity;
    out.target = view->vertex(static_cast<Vertex>(boost::target(e, g))).entity;
    out.relation = view->relation_name(g[e].relation);
    out.count = g[e].count;
    out.confidence = g[e].confidence;
    if (scope.with_evidence) {
      if (Status s = add_evidence(store, names, g[e].relation, scope, out); !s) return s;
    }
    graph.edges.push_back(std::move(out));
  }
  Result<std::vector<store::Edit>> edits = store.edits();
  if (!edits) return edits.status();
  graph.edits = std::move(*edits);
  return graph;
}

bool better_parent(const StoreReached& a, const StoreReached& b) {
  if (a.count != b.count) return a.count > b.count;
  if (a.parent != b.parent) return a.parent < b.parent;
  if (a.forward != b.forward) return a.forward;
  return a.relation < b.relation;
}

Result<std::vector<StoreReached>> store_neighbourhood(store::Store& store, EntityId start, uint32_t max_depth) {
  std::vector<StoreReached> result;
  std::unordered_set<EntityId> seen = {start};
  std::vector<EntityId> frontier = {start};
  for (uint32_t depth = 1; depth <= max_depth && !frontier.empty(); ++depth) {
    // Entities first reached at this depth, with their best parent edge.
    std::unordered_map<EntityId, StoreReached> level;
    auto consider = [&](EntityId from, EntityId to, const store::Edge& e, bool forward) {
      if (seen.count(to)) return;
      StoreReached cand{to, depth, from, e.relation, forward, e.count};
      auto [it, inserted] = level.emplace(to, cand);
      if (!inserted && better_parent(cand, it->second)) it->second = cand;
    };
    for (EntityId u : frontier) {
      KG_EXPORT_TRY(out, store.out_edges(u));
      for (const store::Edge& e : *out) consider(u, e.object, e, true);
      KG_EXPORT_TRY(in, store.in_edges(u));
      for (const store::Edge& e : *in) consider(u, e.subject, e, false);
    }
    frontier.clear();
    for (const auto& [id, r] : level) frontier.push_back(id);
    std::sort(frontier.begin(), frontier.end());
    for (EntityId id : frontier) {
      seen.insert(id);
      result.push_back(level.at(id));
    }
  }
  return result;
}

#undef KG_EXPORT_TRY

}  // namespace kg::graph
