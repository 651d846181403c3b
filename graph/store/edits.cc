// Person-made edits (issue 25): their records and how readers apply them.
//
// How edits are applied. An edit is a row of the edits family, keyed by its
// number, naming entities by their stored canonical name and type. Nothing
// else is written: the extracted rows stay as ingest left them. When a
// reader first needs the identity map (Store::Impl::surname_folds), the
// surname folds are loaded from the identity family and the active edits are
// applied over them in number order: a merge makes every stored entity that
// read as the absorbed one read as the kept one (one more source -> target
// entry, exactly like a fold), a rename or retype sets what the kept id
// shows, a retraction hides a fact or one evidence row under the ends it
// reads as. Every public read of the Store goes through that map, so pages,
// queries, the graph view and the exports all see the same edited graph, and
// a write (ingest, removal, bulk load, another edit) drops the map so the
// next read rebuilds it from the rows as they are then.
#include <algorithm>
#include <set>
#include <unordered_set>
#include <fmt/format.h>
#include <unordered_map>
#include <rocksdb/write_batch.h>

#include "base/name_key.h"
#include "graph/store/entity_lookup.h"
#include "graph/store/store_impl.h"
#include "graph/store/surname_folds.h"

namespace kg::store {

std::string_view edit_kind_name(EditKind kind) {
  switch (kind) {
    case EditKind::kMerge: return "merge";
    case EditKind::kRename: return "rename";
    case EditKind::kRetype: return "retype";
    case EditKind::kRetract: return "retract";
    case EditKind::kSplit: return "split";
    case EditKind::kAssert: return "assert";
  }
  return "?";
}

namespace {

Result<std::vector<Edit>> load_edits(const Store::Impl& impl) {
  std::vector<Edit> out;
  Status bad;
  Status s = impl.scan(keys::kEdits, "", [&](std::string_view k, std::string_view v) {
    Edit e;
    if (k.size() != 4 || !records::decode(v, &e)) {
      bad = impl.bad_record(keys::kEdits, k);
      return false;
    }
    e.number = keys::get_u32(k.data());
    out.push_back(std::move(e));
    return true;
  });
  if (!s) return s;
  if (!bad) return bad;
  if (impl.held_edits) {  // inside edit_together: the edits not yet written read as stored
    for (const Edit& held : *impl.held_edits) {
      const auto at = std::lower_bound(out.begin(), out.end(), held.number,
                                       [](const Edit& e, uint32_t number) { return e.number < number; });
      if (at != out.end() && at->number == held.number) {
        *at = held;
      } else {
        out.insert(at, held);
      }
    }
  }
  return out;
}

Result<std::optional<records::EntityValue>> stored_entity(const Store::Impl& impl, EntityId id) {
  std::string value;
  const std::string key = keys::id_key(id);
  Result<bool> found = impl.get(keys::kEntities, key, &value);
  if (!found) return found.status();
  if (!*found) return std::optional<records::EntityValue>();
  records::EntityValue v;
  if (!records::decode(value, &v)) return impl.bad_record(keys::kEntities, key);
  return std::optional<records::EntityValue>(std::move(v));
}

// The stored id an edit's entity names now, before any identity map.
Result<std::optional<EntityId>> stored_id(const Store::Impl& impl, const EntityRef& ref) {
  return find_stored_entity(impl, names::name_key(ref.name), ref.type);
}

// A merge over the map: everything that reads as `absorbed` reads as `kept`.
// A split's entity has no stored row: its mentions are counted from the rows
// it took, once every edit is in (finish_splits).
Status merge_into(const Store::Impl& impl, SurnameFolds& f, EntityId kept, EntityId absorbed) {
  uint64_t absorbed_mentions = 0;
  if (!f.split_entities.count(absorbed)) {
    Result<std::optional<records::EntityValue>> row = stored_entity(impl, absorbed);
    if (!row) return row.status();
    if (!*row) return Status::ok();
    f.source_type[absorbed] = (*row)->type;
    absorbed_mentions = (*row)->mentions;
  }
  const std::vector<EntityId> moving = f.members(absorbed);
  for (EntityId m : moving) f.target_of[m] = kept;
  std::vector<EntityId>& into = f.sources_of[kept];
  into.insert(into.end(), moving.begin(), moving.end());
  std::sort(into.begin(), into.end());
  f.sources_of.erase(absorbed);
  uint64_t& mentions = f.folded_mentions[kept];
  mentions += absorbed_mentions;
  if (const auto it = f.folded_mentions.find(absorbed); it != f.folded_mentions.end()) {
    mentions += it->second;
    f.folded_mentions.erase(it);
  }
  f.renamed.erase(absorbed);
  f.retyped.erase(absorbed);
  return Status::ok();
}

// The document numbers of document ids (those not stored left out).
Result<std::set<DocNo>> doc_numbers(const Store::Impl& impl, const std::vector<std::string>& ids) {
  std::set<DocNo> out;
  std::string value;
  for (const std::string& id : ids) {
    Result<bool> found = impl.get(keys::kDocIds, id, &value);
    if (!found) return found.status();
    if (*found && value.size() == 4) out.insert(keys::get_u32(value.data()));
  }
  return out;
}

// A split over the map: the rows of the stored entities reading as `from`
// whose document is one of the edit's, or called it one of the edit's
// aliases, read as the split's entity. A document's mentions of one entity
// are not divided further: the article's reader resolved them as one.
Status apply_split(const Store::Impl& impl, SurnameFolds& f, const Edit& e, EntityId from) {
  const EntityId id = e.made;
  const std::vector<EntityId> candidates = f.stored_members(from);
  std::unordered_set<EntityId> unloaded;
  for (EntityId c : candidates) {
    if (!f.rows_of.count(c)) unloaded.insert(c);
  }
  for (EntityId c : unloaded) f.rows_of[c];  // loaded, even when it has no row
  if (!unloaded.empty()) {
    Status s = for_each_mention_row(impl, unloaded, [&](DocNo doc, EntityId entity, const records::MentionsValue& m) {
      f.rows_of[entity][doc] = m;
    });
    if (!s) return s;
  }
  Result<std::set<DocNo>> docs = doc_numbers(impl, e.docs);
  if (!docs) return docs.status();
  std::set<std::string> alias_keys;
  for (const std::string& a : e.aliases) alias_keys.insert(names::name_key(a));
  SurnameFolds::SplitEntity& made = f.split_entities[id];
  made.name = e.name;
  made.type = e.type;
  for (EntityId c : candidates) {
    for (const auto& [doc, m] : f.rows_of[c]) {
      if (f.reads_as(c, doc) != from) continue;
      const bool called = std::any_of(m.aliases.begin(), m.aliases.end(),
                                      [&](const records::AliasCount& a) { return alias_keys.count(a.normalized); });
      if (!called && !docs->count(doc)) continue;
      f.moved[{c, doc}] = id;
      f.divided.insert(c);
      made.sources.insert(c);
    }
  }
  f.renamed[id] = e.name;
  f.retyped[id] = e.type;
  f.split_named.emplace(std::pair(names::name_key(e.name), e.type), id);
  return Status::ok();
}

// Once every edit is in: the mentions splits moved, by the entities they
// read as now, and the entities left without a mention.
Status finish_splits(const Store::Impl& impl, SurnameFolds& f) {
  for (EntityId s : f.divided) {
    for (const auto& [doc, m] : f.rows_of[s]) {
      const EntityId from = f.canonical(s), to = f.reads_as(s, doc);
      if (from == to) continue;
      f.split_mentions[from] -= m.mentions;
      f.split_mentions[to] += m.mentions;
    }
  }
  for (const auto& [id, made] : f.split_entities) f.split_mentions.try_emplace(f.canonical(id), 0);
  for (const auto& [id, delta] : f.split_mentions) {
    if (f.canonical(id) != id) continue;
    int64_t total = delta;
    if (const auto it = f.folded_mentions.find(id); it != f.folded_mentions.end()) total += it->second;
    if (!f.split_entities.count(id)) {
      Result<std::optional<records::EntityValue>> row = stored_entity(impl, id);
      if (!row) return row.status();
      if (*row) total += (*row)->mentions;
    }
    if (total <= 0) f.emptied.insert(id);
  }
  return Status::ok();
}

// The id an edit's entity names, as the map reads it so far: a stored
// entity, else the entity an earlier split made under that name and type.
Result<std::optional<EntityId>> edit_entity_id(const Store::Impl& impl, const SurnameFolds& f, const EntityRef& ref) {
  Result<std::optional<EntityId>> id = stored_id(impl, ref);
  if (!id || *id) return id;
  const auto it = f.split_named.find({names::name_key(ref.name), ref.type});
  if (it == f.split_named.end()) return std::optional<EntityId>();
  return std::optional<EntityId>(it->second);
}

// A retraction or an assertion, applied once every merge is in.
struct PendingFact {
  EntityId subject, object;
  RelationId relation;
  std::optional<std::pair<DocNo, uint32_t>> evidence;  // a retraction of one piece of evidence
  const Edit* assertion = nullptr;                      // an assertion: its edit
};

// A relation phrase's id: stored, or given to a phrase only assertions use.
Result<std::optional<RelationId>> relation_id(const Store::Impl& impl, const SurnameFolds& f, const std::string& phrase) {
  std::string value;
  Result<bool> rel = impl.get(keys::kRelations, keys::relation_phrase_key(phrase), &value);
  if (!rel) return rel.status();
  if (*rel && value.size() == 4) return std::optional<RelationId>(keys::get_u32(value.data()));
  if (const auto it = f.asserted_relation_ids.find(phrase); it != f.asserted_relation_ids.end()) {
    return std::optional<RelationId>(it->second);
  }
  return std::optional<RelationId>();
}

}  // namespace

Status for_each_mention_row(const Store::Impl& impl, const std::unordered_set<EntityId>& ids,
                            const std::function<void(DocNo, EntityId, const records::MentionsValue&)>& fn) {
  Status bad;
  Status s = impl.scan(keys::kDocEntities, "", [&](std::string_view k, std::string_view v) {
    keys::PairKey key;
    if (!keys::PairKey::decode(k, &key)) {
      bad = impl.bad_record(keys::kDocEntities, k);
      return false;
    }
    if (!ids.count(key.second)) return true;
    records::MentionsValue m;
    if (!records::decode(v, &m)) {
      bad = impl.bad_record(keys::kDocEntities, k);
      return false;
    }
    fn(key.first, key.second, m);
    return true;
  });
  return s ? bad : s;
}

namespace {

// Applies one active edit over the map; a retraction or an assertion waits in `pending`.
Status apply_edit(const Store::Impl& impl, SurnameFolds& f, const Edit& e, std::vector<std::string>* dangling,
                  std::vector<PendingFact>& pending) {
  std::vector<EntityId> ids;
  for (const EntityRef& ref : e.entities) {
    Result<std::optional<EntityId>> id = edit_entity_id(impl, f, ref);
    if (!id) return id.status();
    if (!*id) {
      if (dangling) {
        dangling->push_back(fmt::format("edit {} ({}) names {} ({}), which is not stored", e.number,
                                        edit_kind_name(e.kind), ref.name, entity_type_name(ref.type)));
      }
      return Status::ok();
    }
    ids.push_back(f.canonical(**id));
  }
  if (ids.empty()) return Status::ok();
  if (e.kind == EditKind::kMerge && ids.size() == 2) {
    if (ids[0] != ids[1]) {
      if (Status s = merge_into(impl, f, ids[0], ids[1]); !s) return s;
    }
    if (!e.name.empty()) f.renamed[ids[0]] = e.name;
  } else if (e.kind == EditKind::kRename) {
    f.renamed[ids[0]] = e.name;
  } else if (e.kind == EditKind::kRetype) {
    f.retyped[ids[0]] = e.type;
  } else if (e.kind == EditKind::kSplit) {
    return apply_split(impl, f, e, ids[0]);
  } else if (e.kind == EditKind::kAssert && ids.size() == 2) {
    Result<std::optional<RelationId>> rel = relation_id(impl, f, e.relation);
    if (!rel) return rel.status();
    if (!*rel) {
      rel = std::optional<RelationId>(e.made);
      f.asserted_relation_ids.emplace(e.relation, **rel);
      f.asserted_relation_names.emplace(**rel, e.relation);
    }
    pending.push_back(PendingFact{ids[0], ids[1], **rel, std::nullopt, &e});
  } else if (e.kind == EditKind::kRetract && ids.size() == 2) {
    Result<std::optional<RelationId>> rel = relation_id(impl, f, e.relation);
    if (!rel) return rel.status();
    if (!*rel) return Status::ok();
    PendingFact r{ids[0], ids[1], **rel, std::nullopt};
    std::string value;
    if (!e.doc.empty()) {
      Result<bool> doc = impl.get(keys::kDocIds, e.doc, &value);
      if (!doc) return doc.status();
      if (!*doc || value.size() != 4) return Status::ok();
      r.evidence = std::pair(keys::get_u32(value.data()), e.sentence);
    }
    pending.push_back(r);
  }
  return Status::ok();
}

// What is settled once every edit is in: retractions and assertions (they name facts by the
// ends they read as after every merge), the keys of new names, and what
// splits moved. Run again after one more edit, it gives what a full
// rebuild would.
Status finish_edits(const Store::Impl& impl, SurnameFolds& f, const std::vector<PendingFact>& pending) {
  for (const PendingFact& r : pending) {
    const keys::EdgeKey fact{f.canonical(r.subject), r.relation, f.canonical(r.object)};
    if (r.assertion) {
      Evidence ev;
      ev.subject = fact.subject, ev.relation = fact.relation, ev.object = fact.object;
      ev.asserted_by = r.assertion->number;
      ev.source = r.assertion->source;
      f.asserted[fact].push_back(std::move(ev));
    } else if (!r.evidence) {
      f.retracted.insert(fact);
    } else {
      f.retracted_evidence.insert(keys::EvidenceKey{fact, r.evidence->first, r.evidence->second});
      f.thinned.insert(fact);
    }
  }
  f.renamed_keys.clear();
  for (const auto& [id, name] : f.renamed) f.renamed_keys[names::name_key(name)].push_back(id);
  f.split_mentions.clear();
  f.emptied.clear();
  return finish_splits(impl, f);
}

// When any split is active, the document rows of every stored entity the
// edits name, and of the bare surnames folded into them, are read in one
// scan: the entities a split can divide are among them (merges join only
// entities edits name), so applying the splits scans no more.
Status prefetch_rows(const Store::Impl& impl, SurnameFolds& f, const std::vector<Edit>& edits) {
  if (std::none_of(edits.begin(), edits.end(), [](const Edit& e) { return !e.undone && e.kind == EditKind::kSplit; })) {
    return Status::ok();
  }
  std::unordered_set<EntityId> ids;
  for (const Edit& e : edits) {
    if (e.undone) continue;
    for (const EntityRef& ref : e.entities) {
      Result<std::optional<EntityId>> id = stored_id(impl, ref);
      if (!id) return id.status();
      if (!*id) continue;
      for (EntityId m : f.members(f.canonical(**id))) ids.insert(m);
    }
  }
  for (EntityId id : ids) f.rows_of[id];
  return for_each_mention_row(impl, ids, [&](DocNo doc, EntityId entity, const records::MentionsValue& m) {
    f.rows_of[entity][doc] = m;
  });
}

}  // namespace

Status apply_edits(const Store::Impl& impl, SurnameFolds* folds, std::vector<std::string>* dangling) {
  Result<std::vector<Edit>> edits = load_edits(impl);
  if (!edits) return edits.status();
  if (Status s = prefetch_rows(impl, *folds, *edits); !s) return s;
  std::vector<PendingFact> pending;
  for (const Edit& e : *edits) {
    if (e.undone) continue;
    if (Status s = apply_edit(impl, *folds, e, dangling, pending); !s) return s;
  }
  return finish_edits(impl, *folds, pending);
}

Result<SurnameFolds> with_edit(const Store::Impl& impl, const Edit& edit) {
  Result<std::shared_ptr<const SurnameFolds>> now = impl.surname_folds();
  if (!now) return now.status();
  SurnameFolds f = **now;
  std::vector<PendingFact> retractions;
  if (Status s = apply_edit(impl, f, edit, nullptr, retractions); !s) return s;
  if (Status s = finish_edits(impl, f, retractions); !s) return s;
  return f;
}

Status check_edits(const Store::Impl& impl, std::vector<std::string>* problems) {
  Result<SurnameFolds> folds = load_surname_folds(impl);
  if (!folds) return folds.status();
  if (Status s = apply_edits(impl, &*folds, problems); !s) return s;
  Result<std::vector<Edit>> edits = load_edits(impl);
  if (!edits) return edits.status();
  std::unordered_map<EntityId, EntityId> parent;  // union-find over stored ids joined by merges
  const auto root = [&](EntityId id) {
    while (parent.count(id) && parent[id] != id) id = parent[id];
    return id;
  };
  for (const Edit& e : *edits) {
    const auto made = folds->split_entities.find(e.made);
    if (!e.undone && e.kind == EditKind::kSplit && made != folds->split_entities.end() && made->second.sources.empty()) {
      problems->push_back(fmt::format("edit {} (split) moves no mention of {} ({}) now", e.number,
                                      e.entities.at(0).name, entity_type_name(e.entities.at(0).type)));
    }
    if (e.undone || e.kind != EditKind::kMerge || e.entities.size() != 2) continue;
    Result<std::optional<EntityId>> a = edit_entity_id(impl, *folds, e.entities[0]);
    if (!a) return a.status();
    Result<std::optional<EntityId>> b = edit_entity_id(impl, *folds, e.entities[1]);
    if (!b) return b.status();
    if (!*a || !*b) continue;  // reported above
    const EntityId ra = root(**a), rb = root(**b);
    if (ra == rb) {
      problems->push_back(fmt::format("edit {} (merge) joins {} and {}, which earlier merges joined already (a cycle)",
                                      e.number, e.entities[0].name, e.entities[1].name));
      continue;
    }
    parent[rb] = ra;
  }
  return Status::ok();
}

Result<std::optional<EntityId>> Store::resolve(const EntityRef& ref) {
  Result<std::shared_ptr<const SurnameFolds>> folds = impl_->surname_folds();
  if (!folds) return folds.status();
  Result<std::optional<EntityId>> id = edit_entity_id(*impl_, **folds, ref);
  if (!id || !*id) return id;
  return std::optional<EntityId>((*folds)->canonical(**id));
}

Result<std::optional<EntityRef>> Store::stored_ref(EntityId id) {
  Result<std::shared_ptr<const SurnameFolds>> folds = impl_->surname_folds();
  if (!folds) return folds.status();
  const EntityId canonical = (*folds)->canonical(id);
  if (const auto it = (*folds)->split_entities.find(canonical); it != (*folds)->split_entities.end()) {
    return std::optional<EntityRef>(EntityRef{it->second.name, it->second.type});
  }
  Result<std::optional<records::EntityValue>> row = stored_entity(*impl_, canonical);
  if (!row) return row.status();
  if (!*row) return std::optional<EntityRef>();
  return std::optional<EntityRef>(EntityRef{(*row)->name, (*row)->type});
}

Result<std::vector<Edit>> Store::edits() { return load_edits(*impl_); }

namespace {

// `next`: the counters with the id the edit took (nullopt: it took none).
Status write_edit(Store::Impl& impl, const Edit& edit, std::string_view doing,
                  const std::optional<records::NextIds>& next = std::nullopt) {
  if (impl.held_edits) {  // inside edit_together: written with the others, or not at all
    std::vector<Edit>& held = *impl.held_edits;
    const auto same = std::find_if(held.begin(), held.end(), [&](const Edit& e) { return e.number == edit.number; });
    if (same != held.end()) {
      *same = edit;
    } else {
      held.push_back(edit);
    }
    if (next) impl.next_ids = *next;
    impl.folds.reset();
    return Status::ok();
  }
  rocksdb::WriteBatch batch;
  batch.Put(impl.family(keys::kEdits), keys::id_key(edit.number), records::encode(edit));
  if (next) batch.Put(impl.family(keys::kMeta), std::string(keys::kNextIdsKey), records::encode(*next));
  // Synced: an edit is done or not done, whatever happens next; through the
  // journal like every other write, so a lost log cannot drop it unseen.
  if (Status s = impl.write(batch, doing, /*sync=*/true); !s) return s;
  if (next) impl.next_ids = *next;
  impl.folds.reset();
  return Status::ok();
}

// What a split must be before it is recorded: it names aliases the entity
// has or documents that mention it, gives the new entity a name no stored
// entity of its type has, moves some mention and leaves some.
Status check_split(Store& store, const Store::Impl& impl, const Edit& edit, EntityId from) {
  Result<std::optional<Entity>> entity = store.entity(from);
  if (!entity) return entity.status();
  const std::string shown = fmt::format("'{}'", (*entity)->name);
  if (edit.aliases.empty() == edit.docs.empty()) return Status::invalid_input("a split takes aliases or documents, not both");
  if (names::name_key(edit.name).empty()) return Status::invalid_input("the new entity's name is empty");
  Result<std::shared_ptr<const SurnameFolds>> folds = impl.surname_folds();
  if (!folds) return folds.status();
  Result<std::optional<EntityId>> taken = edit_entity_id(impl, **folds, EntityRef{edit.name, edit.type});
  if (!taken) return taken.status();
  Result<std::vector<Entity>> same_name = store.entities_with_alias_key(names::name_key(edit.name));
  if (!same_name) return same_name.status();
  if (*taken || std::any_of(same_name->begin(), same_name->end(), [&](const Entity& e) {
        return e.type == edit.type && names::name_key(e.name) == names::name_key(edit.name);
      })) {
    return Status::invalid_input(fmt::format("an entity named '{}' ({}) exists already: merge into it, or give another --name",
                                             edit.name, entity_type_name(edit.type)));
  }
  // Tried on a copy of the map: what it would move and what it would leave.
  Result<SurnameFolds> trial = with_edit(impl, edit);
  if (!trial) return trial.status();
  const EntityId made = edit.made;
  std::set<std::string> called;  // what the documents of `from`, before the split, call it
  std::set<DocNo> mentioned;
  for (EntityId member : trial->stored_members(from)) {
    for (const auto& [doc, m] : trial->rows_of[member]) {
      const EntityId reader = trial->reads_as(member, doc);
      if (reader != from && reader != made) continue;
      mentioned.insert(doc);
      for (const records::AliasCount& a : m.aliases) called.insert(a.normalized);
    }
  }
  for (const std::string& a : edit.aliases) {
    if (!called.count(names::name_key(a))) return Status::invalid_input(fmt::format("{} has no alias '{}'", shown, a));
  }
  for (const std::string& d : edit.docs) {
    Result<std::set<DocNo>> number = doc_numbers(impl, {d});
    if (!number) return number.status();
    if (number->empty() || !mentioned.count(*number->begin())) {
      return Status::invalid_input(fmt::format("{} is not mentioned in document '{}'", shown, d));
    }
  }
  if (trial->emptied.count(from)) {
    return Status::invalid_input(fmt::format("the split would move every mention of {}; nothing would be left", shown));
  }
  return Status::ok();
}

}  // namespace

Result<uint32_t> Store::add_edit(Edit edit, const std::vector<EntityId>& ids) {
  if (Status s = impl_->ensure_writable(); !s) return s;
  edit.entities.clear();
  std::vector<EntityId> shown;
  for (EntityId id : ids) {
    Result<std::optional<Entity>> e = entity(id);
    if (!e) return e.status();
    if (!*e) return Status::invalid_input(fmt::format("no entity #{}", id));
    Result<std::optional<EntityRef>> ref = stored_ref(id);
    if (!ref) return ref.status();
    if (!*ref) return Status::invalid_input(fmt::format("no entity #{}", id));
    edit.entities.push_back(std::move(**ref));
    shown.push_back((*e)->id);
  }
  if (edit.kind == EditKind::kMerge && shown.size() == 2 && shown[0] == shown[1]) {
    return Status::invalid_input(fmt::format("cannot merge an entity with itself (#{})", shown[0]));
  }
  if (edit.kind == EditKind::kRetract) {
    Result<std::optional<RelationId>> rel = find_relation(edit.relation);
    if (!rel) return rel.status();
    Result<std::vector<Evidence>> rows = *rel ? evidence(shown.at(0), **rel, shown.at(1)) : std::vector<Evidence>();
    if (!rows) return rows.status();
    if (rows->empty()) return Status::invalid_input(fmt::format("no fact '{}' between these entities", edit.relation));
    if (!edit.doc.empty()) {
      Result<std::optional<DocumentInfo>> doc = find_document(edit.doc);
      if (!doc) return doc.status();
      const bool held = *doc && std::any_of(rows->begin(), rows->end(), [&](const Evidence& ev) {
        return ev.doc == (*doc)->number && ev.sentence == edit.sentence;
      });
      if (!held) {
        return Status::invalid_input(
            fmt::format("the fact has no evidence in document '{}' sentence {} (counted from 1)", edit.doc,
                        edit.sentence + 1));
      }
    }
  }
  Result<std::vector<Edit>> all = load_edits(*impl_);
  if (!all) return all.status();
  edit.number = all->empty() ? 1 : all->back().number + 1;
  edit.undone = false;
  // A split's entity takes the next entity id; an assertion the next
  // relation id, which its phrase reads under while no document uses it.
  std::optional<records::NextIds> next;
  edit.made = 0;
  if (edit.kind == EditKind::kSplit || edit.kind == EditKind::kAssert) {
    next = impl_->next_ids;
    edit.made = edit.kind == EditKind::kSplit ? next->entity++ : next->relation++;
  }
  if (edit.kind == EditKind::kSplit) {
    if (Status s = check_split(*this, *impl_, edit, shown.at(0)); !s) return s;
  }
  if (edit.kind == EditKind::kAssert) {
    if (edit.relation.empty() || edit.source.empty()) return Status::invalid_input("an assertion needs a relation and a source");
    for (const Edit& e : *all) {
      if (!e.undone && e.kind == EditKind::kAssert && e.entities == edit.entities && e.relation == edit.relation &&
          e.source == edit.source) {
        return Status::invalid_input(fmt::format("this fact is asserted with this source already (edit {})", e.number));
      }
    }
  }
  if (Status s = write_edit(*impl_, edit, "recording an edit", next); !s) return s;
  return edit.number;
}

Status Store::undo_edit(uint32_t number, std::string_view who, std::string_view when) {
  if (Status s = impl_->ensure_writable(); !s) return s;
  std::string value;
  Result<bool> found = impl_->get(keys::kEdits, keys::id_key(number), &value);
  if (!found) return found.status();
  if (!*found) return Status::not_found(fmt::format("no edit {}", number));
  Edit edit;
  if (!records::decode(value, &edit)) return impl_->bad_record(keys::kEdits, keys::id_key(number));
  edit.number = number;
  if (edit.undone) return Status::invalid_input(fmt::format("edit {} is already undone", number));
  edit.undone = true;
  edit.undone_by = who;
  edit.undone_when = when;
  return write_edit(*impl_, edit, "undoing an edit");
}

Status Store::edit_together(const std::function<Status()>& record) {
  if (Status s = impl_->ensure_writable(); !s) return s;
  if (impl_->held_edits) return Status::internal("edit_together does not nest");
  const records::NextIds next_before = impl_->next_ids;
  impl_->held_edits.emplace();
  Status s = record();
  std::vector<Edit> held = std::move(*impl_->held_edits);
  impl_->held_edits.reset();
  impl_->folds.reset();
  if (s && !held.empty()) {
    rocksdb::WriteBatch batch;
    for (const Edit& e : held) batch.Put(impl_->family(keys::kEdits), keys::id_key(e.number), records::encode(e));
    batch.Put(impl_->family(keys::kMeta), std::string(keys::kNextIdsKey), records::encode(impl_->next_ids));
    s = impl_->write(batch, "recording edits", /*sync=*/true);  // synced and journalled, as write_edit
  }
  if (!s) impl_->next_ids = next_before;  // nothing held was written
  return s;
}

}  // namespace kg::store
