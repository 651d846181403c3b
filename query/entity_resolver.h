// Which stored entity a typed name means. Private to query/.
#pragma once

#include <vector>

#include "base/status.h"
#include "graph/store/store.h"
#include "query/command.h"

namespace kg::query {

struct ResolvedEntity {
  store::Entity entity;                // the best match: most mentioned
  std::vector<store::Entity> others;   // other entities the same name fits
};

// identity::find_entities, with the query language's errors: when nothing
// matches, kNotFound "LINE:COL: no entity named "X"; closest: A, B, C"
// (identity::closest_entities).
Result<ResolvedEntity> resolve_entity(store::Store& store, const NameArg& name);

}  // namespace kg::query
