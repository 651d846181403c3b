#include "base/name_key.h"
#include "graph/store/entity_lookup.h"

#include <vector>

namespace kg::store {

Result<std::optional<EntityId>> find_stored_entity(const Store::Impl& impl, std::string_view normalized,
                                                   std::optional<EntityType> type) {
  struct Candidate {
    EntityId id;
    uint64_t uses;
    EntityType type;
    bool canonical;  // the entity's own name normalises to `normalized`
  };
  std::vector<Candidate> candidates;
  Status s = impl.scan(keys::kAliases, keys::AliasKey::prefix(normalized), [&](std::string_view k, std::string_view v) {
    keys::AliasKey key;
    records::AliasValue value;
    if (keys::AliasKey::decode(k, &key) && key.normalized == normalized && records::decode(v, &value)) {
      candidates.push_back({key.entity, value.count, EntityType::kMisc, false});
    }
    return true;
  });
  if (!s) return s;
  if (candidates.empty()) return std::optional<EntityId>();
  std::string value;
  for (Candidate& c : candidates) {
    Result<bool> found = impl.get(keys::kEntities, keys::id_key(c.id), &value);
    if (!found) return found.status();
    records::EntityValue entity;
    if (!*found || !records::decode(value, &entity)) return impl.bad_record(keys::kEntities, keys::id_key(c.id));
    c.type = entity.type;
    c.canonical = names::name_key(entity.name) == normalized;
  }
  if (!type && candidates.size() == 1) return std::optional<EntityId>(candidates[0].id);
  if (type) {
    // Unambiguous matches only; the result does not depend on alias counts,
    // which depend on the order documents arrived in.
    // Only an entity of that type whose canonical name is this name: a
    // short form ("Blair") an earlier article listed as an alias of a full
    // name is not enough, or the entities would depend on which article came
    // first (a "Blair" article before any "Tony Blair" one has nothing to join).
    std::optional<EntityId> only_canonical;
    size_t canonical = 0;
    for (const Candidate& c : candidates) {
      if (c.type == *type && c.canonical) ++canonical, only_canonical = c.id;
    }
    if (canonical == 1) return only_canonical;
    return std::optional<EntityId>();
  }
  const EntityType wanted = EntityType::kMisc;
  std::optional<Candidate> best;
  for (const Candidate& c : candidates) {  // ascending id: the first of equal uses wins
    if (c.type == wanted && (!best || c.uses > best->uses)) best = c;
  }
  return best ? std::optional<EntityId>(best->id) : std::optional<EntityId>();
}

}  // namespace kg::store
