// Finding a document's entity again among the stored entities (private to
// graph/store). Schema v1 rule, kept in this one place so that a smarter
// resolver (issue 8) replaces exactly this:
//
//   candidates = entities whose alias index holds the normalised name;
//   with a type:    the candidate of that type whose canonical name is this
//                   name, else none. A document entity is named by its
//                   longest name (the resolver joined its short forms), so
//                   an article that only says "Blair" gives an entity
//                   "Blair" whether or not a "Tony Blair" article (with
//                   "Blair" among its aliases) came before: the entities do
//                   not depend on ingest order, and a bare surname that fits
//                   several stored people ("Brown": Gordon Brown, Nick
//                   Brown) is never guessed (issue 8). Readers see such a
//                   bare surname folded into the one person it can mean
//                   (surname_folds.h), which leaves these rows as they are;
//   without a type (TSV triples, which carry none): the only candidate, else
//                   the MISC candidate with the most uses, else none.
#pragma once

#include <optional>
#include <string_view>

#include "graph/store/store_impl.h"

namespace kg::store {

Result<std::optional<EntityId>> find_stored_entity(const Store::Impl& impl, std::string_view normalized,
                                                   std::optional<EntityType> type);

}  // namespace kg::store
