// Type folding (private to graph/store).
//
// The store joins a document's entity to a stored one only on identical
// canonical name and type (entity_lookup.h), and the recognizer types one
// name differently from article to article: "Chelsea" is a PERSON in 147
// mentions, an ORG in 37 and a MISC in 4, so one club became three nodes.
// Folding reads such entities as one:
//
//   the entities of the named types (PERSON, ORG, LOC, MISC) whose
//   canonical names have the same name key (names::name_key) form a *name
//   group*; every member reads as the one with the most mentions (ties: the
//   lowest id), the group's *target*. CONCEPT entities are never folded
//   (a noun phrase, not a name the recognizer typed).
//
// The type readers see for the group is decided by all its mentions
// (group_type): the type with the most of them, except that a one-word name
// reads as PERSON only when PERSON holds at least 90% of them (else the
// other type with the most mentions). A one-word name is where the
// recognizer most often calls a club, a firm or a country a person
// ("Chelsea", "Euronext"), and a real surname alone is rarely anything
// else. A person-made retype edit still wins: edits apply after the folds.
//
// Like surname folds (surname_folds.h), the folds of one name key are a
// function of that key's 'n' rows in the identity family, recomputed by
// FoldIndexChange for the keys a write touches and stored as 't' rows (one
// per member that is not the target, carrying the group's type). How they
// compose with surname folds is said where the map is loaded
// (load_surname_folds).
#pragma once

#include <map>
#include <string_view>

#include "graph/store/records.h"

namespace kg::store {

// PERSON, ORG, LOC and MISC: the types whose entities type folding joins.
bool folds_by_type(EntityType type);

// The type folds of one name group (`group`: its members by id, all of
// name key `name_key`): each member but the target -> a kTypeFold row.
std::map<EntityId, records::ReadsAs> type_folds_of(std::string_view name_key,
                                                   const std::map<EntityId, records::NamedFacts>& group);

}  // namespace kg::store
