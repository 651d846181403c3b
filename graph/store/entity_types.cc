// Entity type names.
#include <array>

#include "graph/store/store.h"

namespace kg::store {

namespace {

constexpr std::array<std::string_view, kEntityTypeCount> kTypeNames = {"PERSON", "ORG", "LOC", "MISC", "CONCEPT"};

}  // namespace

std::string_view entity_type_name(EntityType type) {
  const auto i = static_cast<size_t>(type);
  return i < kTypeNames.size() ? kTypeNames[i] : std::string_view("?");
}

std::optional<EntityType> parse_entity_type(std::string_view name) {
  for (size_t i = 0; i < kTypeNames.size(); ++i) {
    if (kTypeNames[i] == name) return static_cast<EntityType>(i);
  }
  return std::nullopt;
}

}  // namespace kg::store
