#include "query/entity_resolver.h"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>

#include "query/edit_distance.h"
#include "query/query.h"

namespace kg::query {
namespace {

// A candidate for "closest names": lower score is closer.
struct Suggestion {
  double score = 0;
  store::EntityId id = 0;
};

// Scores how well `candidate` (normalised) fits what was typed (normalised):
// a whole-word containment ("putin" in "vladimir putin") is nearly a hit;
// otherwise the edit distance, if small for the length.
std::optional<double> closeness(const std::string& typed, const std::string& candidate) {
  if (typed.empty() || candidate.empty()) return std::nullopt;
  const std::string padded = " " + candidate + " ";
  if (padded.find(" " + typed + " ") != std::string::npos) return 0.5;
  if (candidate.find(typed) != std::string::npos || typed.find(candidate) != std::string::npos) return 1.0;
  const size_t allowed = std::max<size_t>(2, typed.size() / 3);
  // The distance is at least the difference in length: past the allowance,
  // no table is filled. This keeps an unknown 128 KB name (13.7 s against
  // 205 entities) as cheap as the scan of the names.
  const size_t longer = std::max(typed.size(), candidate.size()), shorter = std::min(typed.size(), candidate.size());
  if (longer - shorter > allowed) return std::nullopt;
  const size_t d = edit_distance(typed, candidate);
  if (d <= allowed) return static_cast<double>(d);
  return std::nullopt;
}

Status not_found(const NameArg& name, const std::string& detail) {
  // Names from command-line flags (line 0) have no position to show.
  const std::string where = name.line > 0 ? fmt::format("{}:{}: ", name.line, name.column) : "";
  return Status::not_found(fmt::format("{}no entity named \"{}\"{}", where, name.text, detail));
}

}  // namespace

Result<ResolvedEntity> resolve_entity(store::Store& store, const NameArg& name) {
  auto found = store.find_entities(name.text);
  if (!found) return found.status();
  if (!found->empty()) {
    ResolvedEntity r{found->front(), {}};
    r.others.assign(found->begin() + 1, found->end());
    return r;
  }

  // Nothing in the alias index: one scan of canonical names catches
  // entities whose canonical form never went into the index, and collects
  // the near misses for the error message at the same time.
  const std::string typed = store::normalize_name(name.text);
  std::vector<store::Entity> exact;
  std::unordered_map<store::EntityId, Suggestion> best;
  std::unordered_map<store::EntityId, store::Entity> entities;
  auto offer = [&](store::EntityId id, double score) {
    auto [it, inserted] = best.emplace(id, Suggestion{score, id});
    if (!inserted) it->second.score = std::min(it->second.score, score);
  };
  Status s = store.for_each_entity([&](const store::Entity& e) {
    const std::string n = store::normalize_name(e.name);
    if (n == typed) exact.push_back(e);
    else if (auto c = closeness(typed, n)) offer(e.id, *c);
    entities.emplace(e.id, e);
  });
  if (!s) return s;
  if (!exact.empty()) {
    std::stable_sort(exact.begin(), exact.end(),
                     [](const store::Entity& a, const store::Entity& b) { return a.mentions > b.mentions; });
    ResolvedEntity r{exact.front(), {}};
    r.others.assign(exact.begin() + 1, exact.end());
    return r;
  }
  s = store.for_each_alias([&](const store::Alias& a) {
    if (auto c = closeness(typed, a.normalized)) offer(a.entity, *c + 0.1);  // canonical names win ties
  });
  if (!s) return s;
  if (entities.empty()) return not_found(name, "; the store is empty (add articles with kg ingest)");

  std::vector<Suggestion> ranked;
  for (const auto& [id, sug] : best) {
    if (entities.count(id)) ranked.push_back(sug);
  }
  std::sort(ranked.begin(), ranked.end(), [&](const Suggestion& a, const Suggestion& b) {
    if (a.score != b.score) return a.score < b.score;
    const auto ma = entities.at(a.id).mentions, mb = entities.at(b.id).mentions;
    if (ma != mb) return ma > mb;
    return a.id < b.id;
  });
  if (ranked.empty()) return not_found(name, "; nothing close either (try :top for the main entities)");
  std::vector<std::string> names;
  for (size_t i = 0; i < ranked.size() && i < 5; ++i) {
    const store::Entity& e = entities.at(ranked[i].id);
    names.push_back(fmt::format("{} ({})", e.name, store::entity_type_name(e.type)));
  }
  return not_found(name, fmt::format("; closest: {}", fmt::join(names, ", ")));
}

Result<store::Entity> find_entity(store::Store& store, std::string_view name) {
  auto r = resolve_entity(store, NameArg{std::string(name), 0, 0});
  if (!r) return r.status();
  return r->entity;
}

}  // namespace kg::query
