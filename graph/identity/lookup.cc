// Name to entity: the cross-document lookup and the "did you mean" ranking.
#include <algorithm>
#include <charconv>
#include <unordered_map>

#include "base/name_key.h"
#include "graph/identity/identity.h"

namespace kg::identity {
namespace {

// Whether `part` is inside `whole`, holds at least half of it and three
// letters: "blair" in "blairs", "tony blair" in "tony blairr"; not "ec" in
// "ecclestone", which made every one-letter name a suggestion for every name.
bool large_part_of(const std::string& part, const std::string& whole) {
  return part.size() >= 3 && part.size() * 2 >= whole.size() && whole.find(part) != std::string::npos;
}

// Scores how well `candidate` (a key) fits what was typed (a key); lower is
// closer: a whole-word containment ("putin" in "vladimir putin") is nearly
// a hit; then the start of a word; then one holding most of the other;
// otherwise the edit distance, if small for the length.
std::optional<double> closeness(const std::string& typed, const std::string& candidate) {
  if (typed.empty() || candidate.empty()) return std::nullopt;
  const std::string padded = " " + candidate + " ";
  if (padded.find(" " + typed + " ") != std::string::npos) return 0.5;
  // The start of one of its words, as one types it: "mour" for "jose mourinho".
  if (typed.size() >= 3 && padded.find(" " + typed) != std::string::npos) return 0.75;
  if (large_part_of(typed, candidate) || large_part_of(candidate, typed)) return 1.0;
  const size_t allowed = std::max<size_t>(2, typed.size() / 3);
  // The distance is at least the difference in length: past the allowance,
  // no table is filled. This keeps an unknown 128 KB name (13.7 s against
  // 205 entities) as cheap as the scan of the names.
  const size_t longer = std::max(typed.size(), candidate.size()), shorter = std::min(typed.size(), candidate.size());
  if (longer - shorter > allowed) return std::nullopt;
  // (Nor a distance as long as half the shorter name: "la" is no typo of "blai".)
  const size_t d = edit_distance(typed, candidate);
  if (d <= allowed && 2 * d <= shorter) return static_cast<double>(d);
  return std::nullopt;
}

// "#42" -> 42.
std::optional<store::EntityId> entity_id_of(std::string_view name) {
  if (name.size() < 2 || name[0] != '#') return std::nullopt;
  store::EntityId id = 0;
  const auto [end, ec] = std::from_chars(name.data() + 1, name.data() + name.size(), id);
  if (ec != std::errc() || end != name.data() + name.size() || id == 0) return std::nullopt;
  return id;
}

// Canonical names with this key: entities whose canonical form never went
// into the alias index (one scan; only when the index has nothing).
Result<std::vector<store::Entity>> by_canonical_name(store::Store& store, const std::string& key) {
  std::vector<store::Entity> out;
  Status s = store.for_each_entity([&](const store::Entity& e) {
    if (normalize_name(e.name) == key) out.push_back(e);
  });
  if (!s) return s;
  return out;
}

}  // namespace

std::string normalize_name(std::string_view name) { return names::name_key(name); }

Result<std::vector<store::Entity>> find_entities(store::Store& store, std::string_view name,
                                                 std::optional<store::EntityType> type) {
  const std::string key = normalize_name(name);
  Result<std::vector<store::Entity>> found = store.entities_with_alias_key(key);
  if (!found) return found.status();
  std::vector<store::Entity> out = std::move(*found);
  if (out.empty()) {
    found = by_canonical_name(store, key);
    if (!found) return found.status();
    out = std::move(*found);
  }
  if (out.empty()) {
    if (const std::optional<store::EntityId> id = entity_id_of(name)) {
      Result<std::optional<store::Entity>> e = store.entity(*id);
      if (!e) return e.status();
      if (*e) out.push_back(std::move(**e));
    }
  }
  if (type) std::erase_if(out, [&](const store::Entity& e) { return e.type != *type; });
  // An exact canonical name first, then the most mentioned; ties keep ascending id.
  // A named entity before a common-noun phrase of the same words ("Tories"
  // the party, not a CONCEPT node "Tories"), then the exact name, then the
  // most mentioned.
  std::stable_sort(out.begin(), out.end(), [&](const store::Entity& a, const store::Entity& b) {
    const bool na = a.type != store::EntityType::kConcept, nb = b.type != store::EntityType::kConcept;
    if (na != nb) return na;
    const bool ea = a.name == name, eb = b.name == name;
    if (ea != eb) return ea;
    return a.mentions > b.mentions;
  });
  return out;
}

Result<std::vector<store::Entity>> closest_entities(store::Store& store, std::string_view name, size_t limit) {
  const std::string typed = normalize_name(name);
  std::unordered_map<store::EntityId, double> best;  // entity -> its best score
  std::unordered_map<store::EntityId, store::Entity> entities;
  auto offer = [&](store::EntityId id, double score) {
    auto [it, inserted] = best.emplace(id, score);
    if (!inserted) it->second = std::min(it->second, score);
  };
  Status s = store.for_each_entity([&](const store::Entity& e) {
    if (auto c = closeness(typed, normalize_name(e.name))) offer(e.id, *c);
    entities.emplace(e.id, e);
  });
  if (!s) return s;
  s = store.for_each_alias([&](const store::Alias& a) {
    if (auto c = closeness(typed, a.normalized)) offer(a.entity, *c + 0.1);  // canonical names win ties
  });
  if (!s) return s;
  std::vector<std::pair<double, store::EntityId>> ranked;
  for (const auto& [id, score] : best) {
    if (entities.count(id)) ranked.emplace_back(score, id);
  }
  std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    const auto ma = entities.at(a.second).mentions, mb = entities.at(b.second).mentions;
    if (ma != mb) return ma > mb;
    return a.second < b.second;
  });
  std::vector<store::Entity> out;
  for (size_t i = 0; i < ranked.size() && i < limit; ++i) out.push_back(entities.at(ranked[i].second));
  return out;
}

}  // namespace kg::identity
