// graph/identity: which stored entity a name means. The one place that
// decides identity for readers and writers above the store.
//
// It owns the name key (normalize_name), the cross-document lookup from a
// name to stored entities, and the bounded "did you mean" suggestions. The
// store keeps rows only: its alias index is keyed by normalize_name, and
// the surname and type folds it applies on every read are the identity
// rules of graph/store/surname_folds.h and type_folds.h. Person-made edits (merge, split, rename,
// retype, retract; issue 25) are records of the store's edits family that the
// store applies over the folds on every read, so the entities found here
// are already the edited ones (a renamed entity is found by its new name).
// find_entities and closest_entities are the only ways a name becomes an
// entity id for queries, `kg entity`, exports and the REPL.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "graph/store/store.h"

namespace kg::identity {

// The key under which names are compared ("Mr. Biden's" -> "mr bidens",
// "Élysée" -> "elysee"); the store's alias index key.
std::string normalize_name(std::string_view name);

// Entities a name means: "#N" is entity N; otherwise every entity whose
// alias index holds the name's key (canonical names and aliases, bare
// surnames read as the person they fold into), else every entity whose
// canonical name has that key. With `type`, only entities of that type.
// Ranked: an entity named exactly so first, then the most mentioned, then
// ascending id.
Result<std::vector<store::Entity>> find_entities(store::Store& store, std::string_view name,
                                                 std::optional<store::EntityType> type = std::nullopt);

// "Did you mean": up to `limit` entities whose canonical name or an alias
// is close to `name` (whole-word containment first, then small edit
// distances), closest first, then most mentioned. One scan of the entities
// and aliases; a very long name costs no more than the scan.
Result<std::vector<store::Entity>> closest_entities(store::Store& store, std::string_view name, size_t limit);

// Person-made edits (store::Edit, issue 25) as readers meet them: the ids
// the entities an edit names read as now (those not stored left out; a
// split's includes the entity it made), and
// a one-line description ("merge 'Blair' (PERSON) into 'Tony Blair'
// (PERSON)") for kg history and :history.
Result<std::vector<store::EntityId>> edit_entities(store::Store& store, const store::Edit& edit);
std::string describe_edit(const store::Edit& edit);

// Optimal-string-alignment distance (Levenshtein plus adjacent
// transpositions) over bytes, case-insensitive for ASCII.
size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace kg::identity
