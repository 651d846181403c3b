// Bare-surname folding (private to graph/store; issue 8), and the identity
// map readers see: the surname folds, the type folds of type_folds.h (one
// name typed differently in different articles) and person-made edits.
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
// The folds are a function of the stored entities and aliases only, and
// the rule looks at one surname at a time: what decides the folds of
// "blair" is the PERSON entities whose names end in "blair" and whether
// "blair" is an organisation's, place's or other name (its 'n' rows). So
// they are kept in the identity family (keys.h) and every write recomputes
// exactly the surnames it touched (FoldIndexChange), in the same batch as
// the rows it changes, and the type folds of exactly the name keys it
// touched: the folds never depend on the order the documents arrived in,
// removing or re-ingesting a document makes a fold appear or disappear, and
// a reader loads them with one scan of the 'r' and 't' rows, however big
// the store (load_surname_folds says how the two kinds compose).
// Every public read of the Store (entities, aliases, edges, evidence, stats)
// applies them; the raw rows, the writer's entity lookup and `kg check` do
// not (`kg check` compares the identity rows with a recomputation).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/store/store_impl.h"

namespace kg::store {

struct SurnameFolds {
  std::unordered_map<EntityId, EntityId> target_of;                // bare entity -> full-name person
  std::unordered_map<EntityId, std::vector<EntityId>> sources_of;  // full-name person -> bare entities, ascending
  std::unordered_map<EntityId, uint64_t> folded_mentions;          // full-name person -> its bare entities' mentions

  // Person-made edits (edits.cc), applied over the folds in edit order when
  // they are loaded: a merge is one more source -> target entry above.
  std::unordered_map<EntityId, EntityType> source_type;   // each source above -> its stored type
  std::unordered_map<EntityId, std::string> renamed;      // canonical id -> the name readers see
  std::unordered_map<EntityId, EntityType> retyped;       // canonical id -> the type readers see (group type, edits)
  std::unordered_map<std::string, std::vector<EntityId>> renamed_keys;  // name key of a new name -> ids
  std::set<keys::EdgeKey> retracted;             // facts (readers' ends) no one reads
  std::set<keys::EvidenceKey> retracted_evidence;  // evidence rows (readers' ends) no one reads
  std::set<keys::EdgeKey> thinned;               // facts with some evidence retracted: counted from the rest

  // Splits (edits.cc): mention rows (stored entity, document) that read as
  // a split's entity instead of their entity's. A stored entity with any
  // such row is *divided*: its entity-level rows (mentions, alias counts,
  // edges) are read from its document rows, kept here, and its evidence.
  struct SplitEntity {
    std::string name;
    EntityType type = EntityType::kMisc;
    std::set<EntityId> sources;  // the stored entities whose rows it took
  };
  std::map<EntityId, SplitEntity> split_entities;       // split id -> its entity, ascending
  std::map<std::pair<EntityId, DocNo>, EntityId> moved;  // (stored entity, document) -> split id
  std::unordered_map<EntityId, std::map<DocNo, records::MentionsValue>> rows_of;  // divided and loaded entities
  std::unordered_set<EntityId> divided;
  std::unordered_map<EntityId, int64_t> split_mentions;  // canonical id -> mentions splits moved in or out
  std::unordered_set<EntityId> emptied;                  // canonical ids splits left without a mention
  std::map<std::pair<std::string, EntityType>, EntityId> split_named;  // (name key, type) -> split id

  // Assertions (edits.cc): facts people added, by the ends they read as,
  // each piece of evidence one assert edit; relation phrases only they use.
  std::map<keys::EdgeKey, std::vector<Evidence>> asserted;
  std::map<std::string, RelationId> asserted_relation_ids;
  std::map<RelationId, std::string> asserted_relation_names;

  bool empty() const { return target_of.empty() && divided.empty() && asserted.empty(); }
  // Its rows read as others' (a folded or merged entity), or some do (divided).
  bool remapped(EntityId id) const { return target_of.count(id) != 0 || divided.count(id) != 0; }
  // The entity what stored entity `id` says in document `doc` reads as.
  EntityId reads_as(EntityId id, DocNo doc) const {
    if (divided.count(id)) {
      if (const auto it = moved.find({id, doc}); it != moved.end()) return canonical(it->second);
    }
    return canonical(id);
  }
  // The stored entities some of whose rows read as `id` (a canonical id).
  std::vector<EntityId> stored_members(EntityId id) const;
  // Shown to readers: not folded away, and (after splits) still mentioned.
  bool shown(EntityId id) const { return !folded(id) && !emptied.count(id); }
  bool hides_facts() const { return !retracted.empty() || !thinned.empty(); }
  // An entity row as readers see it: renamed, retyped.
  Entity dress(Entity e) const {
    if (const auto it = renamed.find(e.id); it != renamed.end()) e.name = it->second;
    if (const auto it = retyped.find(e.id); it != retyped.end()) e.type = it->second;
    return e;
  }
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

// Loads the folds from the identity family's 'r' rows.
Result<SurnameFolds> load_surname_folds(const Store::Impl& impl);

// Applies the active edits (edits family) over loaded folds; the edits that
// name an entity not stored now are described in `dangling` when given.
Status apply_edits(const Store::Impl& impl, SurnameFolds* folds, std::vector<std::string>* dangling = nullptr);

// The map readers have now with `edit` applied after the others: what it
// would do if it were recorded (add_edit tries a split so).
Result<SurnameFolds> with_edit(const Store::Impl& impl, const Edit& edit);

// Calls fn(document, entity, mentions) for each doc_entities row of an
// entity in `ids`. The family is keyed by document first, so this is one
// full scan, whatever the number of ids.
Status for_each_mention_row(const Store::Impl& impl, const std::unordered_set<EntityId>& ids,
                            const std::function<void(DocNo, EntityId, const records::MentionsValue&)>& fn);

// `kg check` of the edits: every active edit names stored entities, and the
// merges form no cycle (a merge of two entities earlier merges already
// joined). One line per problem.
Status check_edits(const Store::Impl& impl, std::vector<std::string>* problems);

// The identity rows one write changes. The writer tells it every entity row
// it writes or deletes and every alias count it changes; rows() then gives
// the identity rows to put (a value) or delete (nullopt), in key order, to
// be written in the same batch (or table files) as those changes.
class FoldIndexChange {
 public:
  // `from_scratch`: read the identity family as empty (a rebuild, or `kg
  // check` recomputing what the rows should be).
  explicit FoldIndexChange(const Store::Impl& impl, bool from_scratch = false);

  // An entity row as it was (nullopt: it did not exist) and as it will be
  // (nullopt: deleted). The name and type of an entity never change.
  void entity(EntityId id, const std::optional<records::EntityValue>& before,
              const std::optional<records::EntityValue>& after);
  // `delta` more (or fewer) uses of alias `normalized` of entity `id`.
  void alias(std::string_view normalized, EntityId id, int64_t delta);

  using Rows = std::map<std::string, std::optional<std::string>>;
  Result<Rows> rows();

 private:
  Status apply_entities();
  // The 'n' row of a named entity, when it appears, goes or its mentions change.
  Status named_row(EntityId id, const std::optional<records::EntityValue>& before,
                   const std::optional<records::EntityValue>& after);
  // The rows under `prefix` as this change leaves them (the stored ones
  // under the ones it writes), by entity; `ever` gains every entity with
  // such a row before or after the change.
  Result<std::map<EntityId, std::string>> rows_under(const std::string& prefix, std::set<EntityId>* ever) const;
  // Puts or deletes the fold rows (key_of(id)) of the entities `ever` so that they say `folds`.
  Status write_folds(const std::set<EntityId>& ever, const std::map<EntityId, records::ReadsAs>& folds,
                     std::string (*key_of)(EntityId));
  Status refold(const std::string& surname);
  Status refold_types(const std::string& name_key);

  const Store::Impl& impl_;
  bool from_scratch_;
  std::map<EntityId, std::pair<std::optional<records::EntityValue>, std::optional<records::EntityValue>>> entities_;
  std::map<EntityId, std::pair<int64_t, int64_t>> gender_deltas_;  // entity -> (male, female) alias uses
  std::set<std::string> touched_;                                  // surnames to recompute
  std::set<std::string> name_groups_;                              // name keys whose type folds to recompute
  Rows rows_;
};

// Every identity row of the stored entities and aliases, computed from them.
Result<FoldIndexChange::Rows> compute_identity_rows(const Store::Impl& impl);

// Writes the identity rows when the family is empty but entities exist (a
// store written before the family existed), or rewrites them all when they
// are of an older layout (meta "identity_version", keys.h). Writer only.
Status fill_identity_rows_if_missing(Store::Impl& impl);

// Whether the identity rows are of this kg's layout (readers refuse others).
Result<bool> identity_rows_current(const Store::Impl& impl);
// The meta "identity_version" value of this kg's layout.
std::string identity_version_value();

}  // namespace kg::store
