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
Status merge_into(const Store::Impl& impl, SurnameFolds& f, EntityId kept, EntityId absorbed) {
  Result<std::optional<records::EntityValue>> row = stored_entity(impl, absorbed);
  if (!row) return row.status();
  if (!*row) return Status::ok();
  const std::vector<EntityId> moving = f.members(absorbed);
  f.source_type[absorbed] = (*row)->type;
  for (EntityId m : moving) f.target_of[m] = kept;
  std::vector<EntityId>& into = f.sources_of[kept];
  into.insert(into.end(), moving.begin(), moving.end());
  std::sort(into.begin(), into.end());
  f.sources_of.erase(absorbed);
  uint64_t& mentions = f.folded_mentions[kept];
  mentions += (*row)->mentions;
  if (const auto it = f.folded_mentions.find(absorbed); it != f.folded_mentions.end()) {
    mentions += it->second;
    f.folded_mentions.erase(it);
  }
  f.renamed.erase(absorbed);
  f.retyped.erase(absorbed);
  return Status::ok();
}

struct PendingRetraction {
  EntityId subject, object;
  RelationId relation;
  std::optional<std::pair<DocNo, uint32_t>> evidence;
};

}  // namespace

Status apply_edits(const Store::Impl& impl, SurnameFolds* folds, std::vector<std::string>* dangling) {
  Result<std::vector<Edit>> edits = load_edits(impl);
  if (!edits) return edits.status();
  SurnameFolds& f = *folds;
  std::vector<PendingRetraction> retractions;
  for (const Edit& e : *edits) {
    if (e.undone) continue;
    std::vector<EntityId> ids;
    for (const EntityRef& ref : e.entities) {
      Result<std::optional<EntityId>> id = stored_id(impl, ref);
      if (!id) return id.status();
      if (!*id) {
        if (dangling) {
          dangling->push_back(fmt::format("edit {} ({}) names {} ({}), which is not stored", e.number,
                                          edit_kind_name(e.kind), ref.name, entity_type_name(ref.type)));
        }
        break;
      }
      ids.push_back(f.canonical(**id));
    }
    if (ids.size() != e.entities.size() || ids.empty()) continue;
    if (e.kind == EditKind::kMerge && ids.size() == 2) {
      if (ids[0] != ids[1]) {
        if (Status s = merge_into(impl, f, ids[0], ids[1]); !s) return s;
      }
      if (!e.name.empty()) f.renamed[ids[0]] = e.name;
    } else if (e.kind == EditKind::kRename) {
      f.renamed[ids[0]] = e.name;
    } else if (e.kind == EditKind::kRetype) {
      f.retyped[ids[0]] = e.type;
    } else if (e.kind == EditKind::kRetract && ids.size() == 2) {
      std::string value;
      Result<bool> rel = impl.get(keys::kRelations, keys::relation_phrase_key(e.relation), &value);
      if (!rel) return rel.status();
      if (!*rel || value.size() != 4) continue;
      PendingRetraction r{ids[0], ids[1], keys::get_u32(value.data()), std::nullopt};
      if (!e.doc.empty()) {
        Result<bool> doc = impl.get(keys::kDocIds, e.doc, &value);
        if (!doc) return doc.status();
        if (!*doc || value.size() != 4) continue;
        r.evidence = std::pair(keys::get_u32(value.data()), e.sentence);
      }
      retractions.push_back(r);
    }
  }
  // Retractions name facts by the ends they read as once every merge is in.
  for (const PendingRetraction& r : retractions) {
    const keys::EdgeKey fact{f.canonical(r.subject), r.relation, f.canonical(r.object)};
    if (!r.evidence) {
      f.retracted.insert(fact);
    } else {
      f.retracted_evidence.insert(keys::EvidenceKey{fact, r.evidence->first, r.evidence->second});
      f.thinned.insert(fact);
    }
  }
  for (const auto& [id, name] : f.renamed) f.renamed_keys[names::name_key(name)].push_back(id);
  return Status::ok();
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
    if (e.undone || e.kind != EditKind::kMerge || e.entities.size() != 2) continue;
    Result<std::optional<EntityId>> a = stored_id(impl, e.entities[0]);
    if (!a) return a.status();
    Result<std::optional<EntityId>> b = stored_id(impl, e.entities[1]);
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
  Result<std::optional<EntityId>> id = stored_id(*impl_, ref);
  if (!id || !*id) return id;
  Result<std::shared_ptr<const SurnameFolds>> folds = impl_->surname_folds();
  if (!folds) return folds.status();
  return std::optional<EntityId>((*folds)->canonical(**id));
}

Result<std::optional<EntityRef>> Store::stored_ref(EntityId id) {
  Result<std::shared_ptr<const SurnameFolds>> folds = impl_->surname_folds();
  if (!folds) return folds.status();
  Result<std::optional<records::EntityValue>> row = stored_entity(*impl_, (*folds)->canonical(id));
  if (!row) return row.status();
  if (!*row) return std::optional<EntityRef>();
  return std::optional<EntityRef>(EntityRef{(*row)->name, (*row)->type});
}

Result<std::vector<Edit>> Store::edits() { return load_edits(*impl_); }

namespace {

Status write_edit(Store::Impl& impl, const Edit& edit, std::string_view doing) {
  rocksdb::WriteBatch batch;
  batch.Put(impl.family(keys::kEdits), keys::id_key(edit.number), records::encode(edit));
  // Synced: an edit is done or not done, whatever happens next; through the
  // journal like every other write, so a lost log cannot drop it unseen.
  if (Status s = impl.write(batch, doing, /*sync=*/true); !s) return s;
  impl.folds.reset();
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
  if (Status s = write_edit(*impl_, edit, "recording an edit"); !s) return s;
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

}  // namespace kg::store
