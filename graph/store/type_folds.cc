#include "graph/store/type_folds.h"

#include <array>
#include <optional>

namespace kg::store {

bool folds_by_type(EntityType type) { return type != EntityType::kConcept; }

namespace {

using Group = std::map<EntityId, records::NamedFacts>;

// The member with the most mentions; ties: the lowest id (the map's order).
EntityId target_of(const Group& group) {
  auto best = group.begin();
  for (auto it = group.begin(); it != group.end(); ++it) {
    if (it->second.mentions > best->second.mentions) best = it;
  }
  return best->first;
}

struct TypeMentions {
  std::array<uint64_t, kEntityTypeCount> mentions{};
  std::array<bool, kEntityTypeCount> held{};  // some member has the type
  uint64_t total = 0;
};

TypeMentions count_by_type(const Group& group) {
  TypeMentions out;
  for (const auto& [id, facts] : group) {
    const size_t t = static_cast<size_t>(facts.type);
    out.mentions[t] += facts.mentions;
    out.held[t] = true;
    out.total += facts.mentions;
  }
  return out;
}

// The held type with the most mentions (PERSON left out unless
// `with_person`); ties: the target's type, then the first in EntityType's order.
std::optional<EntityType> most_mentioned(const TypeMentions& counts, EntityType target_type, bool with_person) {
  std::optional<EntityType> best;
  const auto key = [&](EntityType t) { return std::pair(counts.mentions[static_cast<size_t>(t)], t == target_type); };
  for (size_t t = 0; t < kEntityTypeCount; ++t) {
    const auto type = static_cast<EntityType>(t);
    if (!counts.held[t] || (!with_person && type == EntityType::kPerson)) continue;
    if (!best || key(type) > key(*best)) best = type;
  }
  return best;
}

// What holds: the group reads as the type most of its mentions give it,
// unless the name is one word and that type is PERSON with under 90% of
// the mentions: then it reads as the other type with the most mentions
// ("Chelsea", PERSON in 147 of 188 mentions, reads as ORG; "England", LOC
// in 583 of 585, as LOC; "Lleyton Hewitt", two words, as the PERSON 94 of
// 95 mentions say).
EntityType group_type(std::string_view name_key, const Group& group, EntityType target_type) {
  const TypeMentions counts = count_by_type(group);
  const EntityType top = *most_mentioned(counts, target_type, /*with_person=*/true);
  const bool one_word = name_key.find(' ') == std::string_view::npos;
  const uint64_t person = counts.mentions[static_cast<size_t>(EntityType::kPerson)];
  if (top != EntityType::kPerson || !one_word || person * 10 >= counts.total * 9) return top;
  return most_mentioned(counts, target_type, /*with_person=*/false).value_or(top);
}

}  // namespace

std::map<EntityId, records::ReadsAs> type_folds_of(std::string_view name_key, const Group& group) {
  std::map<EntityId, records::ReadsAs> out;
  if (group.size() < 2) return out;
  const EntityId target = target_of(group);
  const EntityType type = group_type(name_key, group, group.at(target).type);
  for (const auto& [id, facts] : group) {
    if (id != target)
      out[id] = records::ReadsAs{target, records::ReadsAsKind::kTypeFold, facts.mentions, facts.type, type};
  }
  return out;
}

}  // namespace kg::store
