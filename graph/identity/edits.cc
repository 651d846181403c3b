// Person-made edits as readers meet them (identity.h).
#include <fmt/format.h>

#include "graph/identity/identity.h"

namespace kg::identity {

Result<std::vector<store::EntityId>> edit_entities(store::Store& store, const store::Edit& edit) {
  std::vector<store::EntityId> out;
  for (const store::EntityRef& ref : edit.entities) {
    Result<std::optional<store::EntityId>> id = store.resolve(ref);
    if (!id) return id.status();
    if (*id) out.push_back(**id);
  }
  if (edit.kind == store::EditKind::kSplit) {  // the entity it made, named so in later edits
    Result<std::optional<store::EntityId>> made = store.resolve(store::EntityRef{edit.name, edit.type});
    if (!made) return made.status();
    if (*made) out.push_back(**made);
  }
  return out;
}

std::string describe_edit(const store::Edit& e) {
  const auto ref = [&](size_t i) {
    return i < e.entities.size()
               ? fmt::format("'{}' ({})", e.entities[i].name, store::entity_type_name(e.entities[i].type))
               : std::string("?");
  };
  switch (e.kind) {
    case store::EditKind::kMerge:
      return fmt::format("merge {} into {}{}", ref(1), ref(0), e.name.empty() ? "" : fmt::format(" as '{}'", e.name));
    case store::EditKind::kRename: return fmt::format("rename {} to '{}'", ref(0), e.name);
    case store::EditKind::kRetype:
      return fmt::format("retype {} as {}", ref(0), store::entity_type_name(e.type));
    case store::EditKind::kRetract:
      return fmt::format("retract {} '{}' {}{}", ref(0), e.relation, ref(1),
                         e.doc.empty() ? "" : fmt::format(" in '{}' sentence {}", e.doc, e.sentence + 1));
    case store::EditKind::kAssert:
      return fmt::format("assert {} '{}' {} from '{}'", ref(0), e.relation, ref(1), e.source);
    case store::EditKind::kSplit: {
      std::string what;
      for (const std::string& a : e.aliases) what += fmt::format("{}'{}'", what.empty() ? "alias " : ", ", a);
      for (const std::string& d : e.docs) what += fmt::format("{}'{}'", what.empty() ? "document " : ", ", d);
      return fmt::format("split {} off {} as '{}' ({})", what, ref(0), e.name, store::entity_type_name(e.type));
    }
  }
  return "?";
}

}  // namespace kg::identity
