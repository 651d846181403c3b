// Reading what an export shows out of the store: the whole graph in a few
// sequential scans, or a focus neighbourhood by prefix scans.
#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>
#include <unordered_set>

#include "graph/export/export.h"

namespace kg::graph {
namespace {

using store::EntityId;
using store::RelationId;

// Every read below returns Result/Status; these turn a failed one into an
// early return of its Status.
#define KG_EXPORT_TRY(var, expr)             \
  auto var = (expr);                         \
  if (!var) return var.status()

// Caches the names of relations and documents, which repeat across edges.
class NameCache {
 public:
  explicit NameCache(store::Store& store) : store_(store) {}

  Result<std::string> relation(RelationId id) {
    if (auto it = relations_.find(id); it != relations_.end()) return it->second;
    KG_EXPORT_TRY(name, store_.relation_name(id));
    if (!name->has_value()) return Status::corruption(fmt::format("edge names relation {} that does not exist", id));
    relations_.emplace(id, **name);
    return **name;
  }

  Result<std::string> document(store::DocNo number) {
    if (auto it = documents_.find(number); it != documents_.end()) return it->second;
    KG_EXPORT_TRY(info, store_.document(number));
    if (!info->has_value()) return Status::corruption(fmt::format("evidence names document {} that does not exist", number));
    documents_.emplace(number, (*info)->id);
    return (*info)->id;
  }

 private:
  store::Store& store_;
  std::unordered_map<RelationId, std::string> relations_;
  std::unordered_map<store::DocNo, std::string> documents_;
};

// Surface forms other than the canonical name itself, most frequent first.
std::vector<std::string> alias_surfaces(std::vector<store::Alias> aliases, const std::string& canonical) {
  std::stable_sort(aliases.begin(), aliases.end(),
                   [](const store::Alias& a, const store::Alias& b) { return a.count > b.count; });
  std::vector<std::string> out;
  for (const store::Alias& a : aliases) {
    if (a.surface == canonical || std::find(out.begin(), out.end(), a.surface) != out.end()) continue;
    out.push_back(a.surface);
  }
  return out;
}

Status add_edge(store::Store& store, NameCache& names, const store::Edge& e, const ExportScope& scope,
                GraphSnapshot& graph) {
  ExportEdge out;
  out.source = e.subject;
  out.target = e.object;
  KG_EXPORT_TRY(relation, names.relation(e.relation));
  out.relation = std::move(*relation);
  out.count = e.count;
  out.confidence = e.confidence;
  if (scope.with_evidence) {
    KG_EXPORT_TRY(evidence, store.evidence(e.subject, e.relation, e.object));
    out.evidence_total = evidence->size();
    for (const store::Evidence& ev : *evidence) {
      if (scope.max_evidence_per_edge != 0 && out.evidence.size() >= scope.max_evidence_per_edge) break;
      ExportEvidence x;
      KG_EXPORT_TRY(doc, names.document(ev.doc));
      x.doc = std::move(*doc);
      x.sentence = ev.sentence + 1;
      KG_EXPORT_TRY(text, store.sentence_text(ev.doc, ev.sentence));
      if (text->has_value()) x.text = std::move(**text);
      out.evidence.push_back(std::move(x));
    }
  }
  graph.edges.push_back(std::move(out));
  return Status::ok();
}

Result<GraphSnapshot> collect_whole(store::Store& store, const ExportScope& scope) {
  GraphSnapshot graph;
  std::unordered_map<EntityId, size_t> index;
  Status s = store.for_each_entity([&](const store::Entity& e) {
    index.emplace(e.id, graph.nodes.size());
    graph.nodes.push_back(ExportNode{e.id, e.name, e.type, {}, e.mentions});
  });
  if (!s) return s;
  std::unordered_map<EntityId, std::vector<store::Alias>> aliases;
  s = store.for_each_alias([&](const store::Alias& a) { aliases[a.entity].push_back(a); });
  if (!s) return s;
  for (ExportNode& node : graph.nodes) {
    if (auto it = aliases.find(node.id); it != aliases.end()) node.aliases = alias_surfaces(std::move(it->second), node.name);
  }
  std::vector<store::Edge> edges;
  s = store.for_each_edge([&](const store::Edge& e) { edges.push_back(e); });
  if (!s) return s;
  NameCache names(store);
  for (const store::Edge& e : edges) {
    if (!index.count(e.subject) || !index.count(e.object)) {
      return Status::corruption(fmt::format("edge {} -> {} names an entity that does not exist (run kg check)",
                                            e.subject, e.object));
    }
    if (Status st = add_edge(store, names, e, scope, graph); !st) return st;
  }
  return graph;
}

Result<GraphSnapshot> collect_focus(store::Store& store, const ExportScope& scope) {
  const EntityId start = *scope.focus;
  KG_EXPORT_TRY(reached, store_neighbourhood(store, start, scope.depth));
  std::vector<EntityId> ids = {start};
  for (const StoreReached& r : *reached) ids.push_back(r.entity);
  std::sort(ids.begin(), ids.end());
  const std::unordered_set<EntityId> members(ids.begin(), ids.end());

  GraphSnapshot graph;
  NameCache names(store);
  for (EntityId id : ids) {
    KG_EXPORT_TRY(entity, store.entity(id));
    if (!entity->has_value()) return Status::not_found(fmt::format("no entity with id {}", id));
    KG_EXPORT_TRY(aliases, store.aliases_of(id));
    const store::Entity& e = **entity;
    graph.nodes.push_back(ExportNode{e.id, e.name, e.type, alias_surfaces(std::move(*aliases), e.name), e.mentions});
  }
  // out_edges come sorted by (relation, object); the snapshot promises
  // (source, relation, target), which the per-source loop in id order keeps.
  for (EntityId id : ids) {
    KG_EXPORT_TRY(out, store.out_edges(id));
    for (const store::Edge& e : *out) {
      if (!members.count(e.object)) continue;
      if (Status st = add_edge(store, names, e, scope, graph); !st) return st;
    }
  }
  return graph;
}

}  // namespace

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

Result<GraphSnapshot> collect_snapshot(store::Store& store, const ExportScope& scope) {
  if (scope.focus) return collect_focus(store, scope);
  return collect_whole(store, scope);
}

#undef KG_EXPORT_TRY

}  // namespace kg::graph
