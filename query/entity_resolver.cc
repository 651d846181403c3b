#include "query/entity_resolver.h"

#include <fmt/format.h>

#include "graph/identity/identity.h"
#include "query/query.h"

namespace kg::query {
namespace {

Status not_found(const NameArg& name, const std::string& detail) {
  // Names from command-line flags (line 0) have no position to show.
  const std::string where = name.line > 0 ? fmt::format("{}:{}: ", name.line, name.column) : "";
  return Status::not_found(fmt::format("{}no entity named \"{}\"{}", where, name.text, detail));
}

}  // namespace

Result<ResolvedEntity> resolve_entity(store::Store& store, const NameArg& name) {
  Result<std::vector<store::Entity>> found = identity::find_entities(store, name.text);
  if (!found) return found.status();
  if (!found->empty()) {
    ResolvedEntity r{found->front(), {}};
    r.others.assign(found->begin() + 1, found->end());
    return r;
  }
  Result<store::Stats> stats = store.stats();
  if (!stats) return stats.status();
  if (stats->entities == 0) return not_found(name, "; the store is empty (add articles with kg ingest)");
  Result<std::vector<store::Entity>> closest = identity::closest_entities(store, name.text, 5);
  if (!closest) return closest.status();
  if (closest->empty()) return not_found(name, "; nothing close either (try :top for the main entities)");
  std::vector<std::string> names;
  for (const store::Entity& e : *closest) names.push_back(fmt::format("{} ({})", e.name, store::entity_type_name(e.type)));
  return not_found(name, fmt::format("; closest: {}", fmt::join(names, ", ")));
}

Result<store::Entity> find_entity(store::Store& store, std::string_view name) {
  auto r = resolve_entity(store, NameArg{std::string(name), 0, 0});
  if (!r) return r.status();
  return r->entity;
}

}  // namespace kg::query
