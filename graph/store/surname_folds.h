// Bare-surname folding (private to graph/store; issue 8).
//
// The store joins a document's entity to a stored one only on identical
// canonical name and type (entity_lookup.h), so an article that says only
// "Mr Blair" keeps a PERSON entity "Blair" beside "Tony Blair". Folding
// reads such an entity as part of the full-name person it can only mean:
//
//   a PERSON entity whose canonical name, leading honorifics dropped, is one
//   token (the *bare* entity) folds into the PERSON entity whose canonical
//   name has two or more tokens, the last one that same token, when exactly
//   one such person is gender-compatible with it; and neither name holds a
//   lowercase word (a recognizer span that ran on: "v Chelsea"), and the
//   surname is not also the name of a stored organisation, place or other
//   name ("Chelsea", "Labour": the person reading may be the recognizer's
//   mistake).
//
// Gender comes from the honorific aliases the store keeps ("Mr Blair",
// "Mrs Blair"), weighted by their uses: a full name is male or female by
// the majority of its honorific uses (unknown on a tie); a bare entity whose
// honorific aliases disagree ("Mr Blair" from one article, "Mrs Blair" from
// another: two people under one surname) never folds. Compatible: either
// gender unknown, or both the same. So "Brown" with Gordon Brown and Nick
// Brown stored stays on its own, and "Mrs Blair" does not become Tony Blair.
//
// Nothing is written: the folds are a function of the stored entities and
// aliases only, computed when a reader first needs them and dropped at every
// write and refresh. They therefore cannot depend on the order the
// documents arrived in, and removing or re-ingesting a document makes a fold
// appear or disappear with nothing to repair. Every public read of the Store
// (entities, aliases, edges, evidence, stats) applies them; the raw rows,
// the writer's entity lookup and `kg check` do not.
#pragma once

#include <unordered_map>
#include <vector>

#include "graph/store/store_impl.h"

namespace kg::store {

struct SurnameFolds {
  std::unordered_map<EntityId, EntityId> target_of;                // bare entity -> full-name person
  std::unordered_map<EntityId, std::vector<EntityId>> sources_of;  // full-name person -> bare entities, ascending
  std::unordered_map<EntityId, uint64_t> folded_mentions;          // full-name person -> its bare entities' mentions

  bool empty() const { return target_of.empty(); }
  bool folded(EntityId id) const { return target_of.count(id) != 0; }
  // The entity `id` reads as: its target when folded, else itself.
  EntityId canonical(EntityId id) const {
    const auto it = target_of.find(id);
    return it == target_of.end() ? id : it->second;
  }
  // The stored entities that read as `id` (a canonical id): itself first,
  // then the bare entities folded into it.
  std::vector<EntityId> members(EntityId id) const;
};

// Scans the entities family and the honorific prefixes of the alias index.
Result<SurnameFolds> compute_surname_folds(const Store::Impl& impl);

}  // namespace kg::store
