// Reading the store: documents, entities, aliases, relations, edges, evidence.
//
// Every read here presents the graph with surname and type folds applied
// (surname_folds.h, type_folds.h): a folded entity never appears by its own id; its
// mentions, aliases, edges and evidence read as those of its target. With no
// folds each read is the plain scan it always was.
#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>
#include <unordered_set>

#include "base/name_key.h"
#include "graph/store/store_impl.h"
#include "graph/store/surname_folds.h"

namespace kg::store {

namespace {

Entity to_entity(EntityId id, records::EntityValue&& v) {
  return Entity{id, std::move(v.name), v.type, v.mentions};
}

}  // namespace

Result<std::optional<DocumentInfo>> Store::find_document(std::string_view doc_id) {
  std::string value;
  Result<bool> found = impl_->get(keys::kDocIds, doc_id, &value);
  if (!found) return found.status();
  if (!*found) return std::optional<DocumentInfo>();
  if (value.size() != 4) return impl_->bad_record(keys::kDocIds, doc_id);
  Result<std::optional<DocumentInfo>> info = document(keys::get_u32(value.data()));
  if (info && !*info) return impl_->bad_record(keys::kDocIds, doc_id);  // names a missing document
  return info;
}

Result<std::optional<DocumentInfo>> Store::document(DocNo number) {
  std::string value;
  const std::string key = keys::id_key(number);
  Result<bool> found = impl_->get(keys::kDocs, key, &value);
  if (!found) return found.status();
  if (!*found) return std::optional<DocumentInfo>();
  DocumentInfo info;
  if (!records::decode(value, &info)) return impl_->bad_record(keys::kDocs, key);
  return std::optional<DocumentInfo>(std::move(info));
}

Status Store::for_each_document(const std::function<void(const DocumentInfo&)>& fn) {
  Status bad;
  Status s = impl_->scan(keys::kDocs, "", [&](std::string_view k, std::string_view v) {
    DocumentInfo info;
    if (!records::decode(v, &info)) {
      bad = impl_->bad_record(keys::kDocs, k);
      return false;
    }
    fn(info);
    return true;
  });
  return s ? bad : s;
}

Result<std::optional<std::string>> Store::sentence_text(DocNo number, uint32_t sentence) {
  std::string value;
  const std::string key = keys::PairKey{number, sentence}.encode();
  Result<bool> found = impl_->get(keys::kSentences, key, &value);
  if (!found) return found.status();
  if (!*found) return std::optional<std::string>();
  records::SentenceValue v;
  if (!records::decode(value, &v)) return impl_->bad_record(keys::kSentences, key);
  return std::optional<std::string>(std::move(v.text));
}

namespace {

Result<std::optional<Entity>> raw_entity(const Store::Impl& impl, EntityId id) {
  std::string value;
  const std::string key = keys::id_key(id);
  Result<bool> found = impl.get(keys::kEntities, key, &value);
  if (!found) return found.status();
  if (!*found) return std::optional<Entity>();
  records::EntityValue v;
  if (!records::decode(value, &v)) return impl.bad_record(keys::kEntities, key);
  return std::optional<Entity>(to_entity(id, std::move(v)));
}

// The normalised alias names each of `ids` holds, through doc_entities (the
// alias index is keyed by name first).
Status alias_names_of(const Store::Impl& impl, const std::unordered_set<EntityId>& ids,
                      std::map<EntityId, std::set<std::string>>* names) {
  return for_each_mention_row(impl, ids, [&](DocNo, EntityId entity, const records::MentionsValue& m) {
    for (const records::AliasCount& a : m.aliases) (*names)[entity].insert(a.normalized);
  });
}

// An entity row (a canonical id's) as readers see it: with the mentions
// folds, merges and splits moved to it; renamed, retyped.
Entity present(const SurnameFolds& f, Entity e) {
  if (const auto it = f.folded_mentions.find(e.id); it != f.folded_mentions.end()) e.mentions += it->second;
  if (const auto it = f.split_mentions.find(e.id); it != f.split_mentions.end()) {
    e.mentions = static_cast<uint64_t>(static_cast<int64_t>(e.mentions) + it->second);
  }
  return f.dress(std::move(e));
}

// The entities a split made that readers see (not merged away, mentioned), ascending id.
std::vector<Entity> split_entities_shown(const SurnameFolds& f) {
  std::vector<Entity> out;
  for (const auto& [id, made] : f.split_entities) {
    if (f.canonical(id) == id && f.shown(id)) out.push_back(present(f, Entity{id, made.name, made.type, 0}));
  }
  return out;
}

// What stored entity `id` is called in each document, with the documents'
// uses, by the entity each document's mentions read as (a divided entity).
void call_readers(const SurnameFolds& f, EntityId id, std::string_view normalized,
                  const std::function<void(EntityId reader, const records::AliasCount&)>& fn) {
  for (const auto& [doc, m] : f.rows_of.at(id)) {
    for (const records::AliasCount& a : m.aliases) {
      if (a.normalized == normalized) fn(f.reads_as(id, doc), a);
    }
  }
}

}  // namespace

Result<std::optional<Entity>> Store::entity(EntityId id) {
  Result<std::shared_ptr<const SurnameFolds>> folds = impl_->surname_folds();
  if (!folds) return folds.status();
  const SurnameFolds& f = **folds;
  const EntityId canonical = f.canonical(id);
  if (!f.shown(canonical)) return std::optional<Entity>();
  if (const auto made = f.split_entities.find(canonical); made != f.split_entities.end()) {
    return std::optional<Entity>(present(f, Entity{canonical, made->second.name, made->second.type, 0}));
  }
  Result<std::optional<Entity>> e = raw_entity(*impl_, canonical);
  if (!e || !*e) return e;
  return std::optional<Entity>(present(f, std::move(**e)));
}

Result<std::vector<Entity>> Store::entities_with_alias_key(std::string_view normalized) {
  std::vector<EntityId> ids;
  Status s = impl_->scan(keys::kAliases, keys::AliasKey::prefix(normalized), [&](std::string_view k, std::string_view) {
    keys::AliasKey key;
    if (keys::AliasKey::decode(k, &key) && key.normalized == normalized) ids.push_back(key.entity);
    return true;
  });
  if (!s) return s;
  Result<std::shared_ptr<const SurnameFolds>> folds = impl_->surname_folds();
  if (!folds) return folds.status();
  std::vector<EntityId> stored = std::move(ids);
  ids.clear();
  for (EntityId id : stored) {
    if (!(*folds)->divided.count(id)) {
      ids.push_back((*folds)->canonical(id));
      continue;
    }
    call_readers(**folds, id, normalized, [&](EntityId reader, const records::AliasCount&) { ids.push_back(reader); });
  }
  // A renamed entity is found by its new name too.
  if (const auto it = (*folds)->renamed_keys.find(std::string(normalized)); it != (*folds)->renamed_keys.end()) {
    ids.insert(ids.end(), it->second.begin(), it->second.end());
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<Entity> out;
  for (EntityId id : ids) {
    Result<std::optional<Entity>> e = entity(id);
    if (!e) return e.status();
    if (*e) out.push_back(std::move(**e));
  }
  return out;  // ascending id; graph/identity ranks them
}

Result<std::vector<Alias>> Store::aliases_of(EntityId id) {
  // Aliases are keyed by name first; an entity's own aliases are found
  // through the documents that mention it (doc_entities), which are few.
  // A folded entity's aliases join its target's: counts add up, and the
  // target's first surface form of a name is kept.
  Result<std::shared_ptr<const SurnameFolds>> folds = impl_->surname_folds();
  if (!folds) return folds.status();
  const SurnameFolds& f = **folds;
  const EntityId canonical = f.canonical(id);
  const std::vector<EntityId> members = f.stored_members(canonical);
  std::map<EntityId, std::set<std::string>> names;
  if (Status s = alias_names_of(*impl_, {members.begin(), members.end()}, &names); !s) return s;
  std::map<std::string, Alias> merged;  // by normalised name: the output's order before sorting by count
  std::string value;
  for (EntityId member : members) {
    if (f.divided.count(member)) {  // counted from the documents whose mentions read as `canonical`
      for (const auto& [doc, m] : f.rows_of.at(member)) {
        if (f.reads_as(member, doc) != canonical) continue;
        for (const records::AliasCount& a : m.aliases) {
          merged.try_emplace(a.normalized, Alias{a.normalized, a.surface, canonical, 0}).first->second.count += a.count;
        }
      }
      continue;
    }
    for (const std::string& n : names[member]) {
      const std::string key = keys::AliasKey{n, member}.encode();
      Result<bool> found = impl_->get(keys::kAliases, key, &value);
      if (!found) return found.status();
      if (!*found) continue;
      records::AliasValue a;
      if (!records::decode(value, &a)) return impl_->bad_record(keys::kAliases, key);
      auto [it, inserted] = merged.try_emplace(n, Alias{n, std::move(a.surface), canonical, 0});
      it->second.count += a.count;
    }
  }
  std::vector<Alias> out;
  for (auto& [n, a] : merged) out.push_back(std::move(a));
  std::stable_sort(out.begin(), out.end(), [](const Alias& a, const Alias& b) { return a.count > b.count; });
  return out;
}

Result<std::vector<std::pair<DocNo, uint32_t>>> Store::documents_of(EntityId id) {
  Result<std::shared_ptr<const SurnameFolds>> folds = impl_->surname_folds();
  if (!folds) return folds.status();
  const EntityId canonical = (*folds)->canonical(id);
  const std::vector<EntityId> members = (*folds)->stored_members(canonical);
  std::map<DocNo, uint32_t> mentions;
  Status s = for_each_mention_row(*impl_, {members.begin(), members.end()},
                                  [&](DocNo doc, EntityId entity, const records::MentionsValue& m) {
                                    if ((*folds)->reads_as(entity, doc) == canonical) mentions[doc] += m.mentions;
                                  });
  if (!s) return s;
  return std::vector<std::pair<DocNo, uint32_t>>(mentions.begin(), mentions.end());
}

Status Store::for_each_entity(const std::function<void(const Entity&)>& fn) {
  Result<std::shared_ptr<const SurnameFolds>> folds = impl_->surname_folds();
  if (!folds) return folds.status();
  const SurnameFolds& f = **folds;
  Status bad;
  Status s = impl_->scan(keys::kEntities, "", [&](std::string_view k, std::string_view v) {
    records::EntityValue e;
    if (k.size() != 4 || !records::decode(v, &e)) {
      bad = impl_->bad_record(keys::kEntities, k);
      return false;
    }
    const EntityId id = keys::get_u32(k.data());
    if (f.shown(id)) fn(present(f, to_entity(id, std::move(e))));
    return true;
  });
  if (!s || !bad) return s ? bad : s;
  for (const Entity& e : split_entities_shown(f)) fn(e);  // their ids lie above every stored one
  return Status::ok();
}

Status Store::for_each_alias(const std::function<void(const Alias&)>& fn) {
  Result<std::shared_ptr<const SurnameFolds>> folds = impl_->surname_folds();
  if (!folds) return folds.status();
  const SurnameFolds& f = **folds;
  // The rows of one name are adjacent (key: name, entity); with folds they
  // are gathered per name and merged per entity they read as.
  std::vector<Alias> same_name;
  const auto flush = [&] {
    if (same_name.empty()) return;
    std::map<EntityId, Alias> merged;
    for (Alias& a : same_name) {
      if (f.divided.count(a.entity)) {  // the uses go where each document's mentions read
        call_readers(f, a.entity, a.normalized, [&](EntityId reader, const records::AliasCount& use) {
          merged.try_emplace(reader, Alias{a.normalized, a.surface, reader, 0}).first->second.count += use.count;
        });
        continue;
      }
      const EntityId target = f.canonical(a.entity);
      auto [it, inserted] = merged.try_emplace(target, Alias{a.normalized, a.surface, target, 0});
      if (a.entity == target) it->second.surface = a.surface;  // the target's own surface form wins
      it->second.count += a.count;
    }
    for (const auto& [target, a] : merged) fn(a);
    same_name.clear();
  };
  Status bad;
  Status s = impl_->scan(keys::kAliases, "", [&](std::string_view k, std::string_view v) {
    keys::AliasKey key;
    records::AliasValue a;
    if (!keys::AliasKey::decode(k, &key) || !records::decode(v, &a)) {
      bad = impl_->bad_record(keys::kAliases, k);
      return false;
    }
    Alias alias{std::move(key.normalized), std::move(a.surface), key.entity, a.count};
    if (f.empty()) {
      fn(alias);
      return true;
    }
    if (!same_name.empty() && same_name.front().normalized != alias.normalized) flush();
    same_name.push_back(std::move(alias));
    return true;
  });
  if (s && bad) flush();
  return s ? bad : s;
}

Result<std::optional<std::string>> Store::relation_name(RelationId id) {
  std::string value;
  Result<bool> found = impl_->get(keys::kRelations, keys::relation_id_key(id), &value);
  if (!found) return found.status();
  if (*found) return std::optional<std::string>(std::move(value));
  Result<std::shared_ptr<const SurnameFolds>> folds = impl_->surname_folds();
  if (!folds) return folds.status();
  const auto it = (*folds)->asserted_relation_names.find(id);  // a phrase only assertions use
  if (it == (*folds)->asserted_relation_names.end()) return std::optional<std::string>();
  return std::optional<std::string>(it->second);
}

Result<std::optional<RelationId>> Store::find_relation(std::string_view phrase) {
  std::string value;
  const std::string key = keys::relation_phrase_key(phrase);
  Result<bool> found = impl_->get(keys::kRelations, key, &value);
  if (!found) return found.status();
  if (*found) {
    if (value.size() != 4) return impl_->bad_record(keys::kRelations, key);
    return std::optional<RelationId>(keys::get_u32(value.data()));
  }
  Result<std::shared_ptr<const SurnameFolds>> folds = impl_->surname_folds();
  if (!folds) return folds.status();
  const auto it = (*folds)->asserted_relation_ids.find(std::string(phrase));
  if (it == (*folds)->asserted_relation_ids.end()) return std::optional<RelationId>();
  return std::optional<RelationId>(it->second);
}

Status Store::for_each_relation(const std::function<void(RelationId, std::string_view)>& fn) {
  Status bad;
  Status s = impl_->scan(keys::kRelations, std::string(1, keys::kRelationIdTag),
                         [&](std::string_view k, std::string_view v) {
                           if (k.size() != 5) {
                             bad = impl_->bad_record(keys::kRelations, k);
                             return false;
                           }
                           fn(keys::get_u32(k.data() + 1), v);
                           return true;
                         });
  if (!s || !bad) return s ? bad : s;
  Result<std::shared_ptr<const SurnameFolds>> folds = impl_->surname_folds();
  if (!folds) return folds.status();
  for (const auto& [id, phrase] : (*folds)->asserted_relation_names) fn(id, phrase);  // ids above every stored one
  return Status::ok();
}

namespace {

Result<std::vector<Edge>> scan_edges(const Store::Impl& impl, size_t family, EntityId id) {
  std::vector<Edge> out;
  Status bad;
  const bool outgoing = family == keys::kEdgesOut;
  Status s = impl.scan(family, keys::id_key(id), [&](std::string_view k, std::string_view v) {
    keys::EdgeKey key;
    records::EdgeValue value;
    const bool ok = outgoing ? keys::EdgeKey::decode_out(k, &key) : keys::EdgeKey::decode_in(k, &key);
    if (!ok || !records::decode(v, &value)) {
      bad = impl.bad_record(family, k);
      return false;
    }
    out.push_back(Edge{key.subject, key.relation, key.object, value.count, value.confidence});
    return true;
  });
  if (!s) return s;
  if (!bad) return bad;
  return out;
}

}  // namespace

namespace {

// Adds one stored edge to a consolidated one: evidence rows add up, the best
// confidence wins.
void add_edge(Edge& into, const Edge& raw) {
  into.confidence = into.count == 0 ? raw.confidence : std::max(into.confidence, raw.confidence);
  into.count += raw.count;
}

// Adds the assertions of a fact (readers' ends) to its edge: one piece of
// evidence each, confidence 1.
void add_asserted(const SurnameFolds& f, const keys::EdgeKey& fact, Edge& into) {
  const auto it = f.asserted.find(fact);
  if (it == f.asserted.end()) return;
  for (const Evidence& ev : it->second) add_edge(into, Edge{fact.subject, fact.relation, fact.object, 1, ev.confidence});
}

Result<std::vector<Evidence>> raw_evidence(const Store::Impl& impl, EntityId subject, RelationId relation,
                                           EntityId object) {
  std::vector<Evidence> out;
  Status bad;
  Status s = impl.scan(keys::kEvidence, keys::EdgeKey{subject, relation, object}.encode_out(),
                       [&](std::string_view k, std::string_view v) {
                         keys::EvidenceKey key;
                         records::EvidenceValue value;
                         if (!keys::EvidenceKey::decode(k, &key) || !records::decode(v, &value)) {
                           bad = impl.bad_record(keys::kEvidence, k);
                           return false;
                         }
                         out.push_back(Evidence{subject, relation, object, key.doc, key.sentence, value.span_begin,
                                                value.span_end, value.confidence, value.negated, value.modal,
                                                std::move(value.attribution), 0, ""});
                         return true;
                       });
  if (!s) return s;
  if (!bad) return bad;
  return out;
}

// The edges readers see in one stored edge row: under the ends it reads as,
// or, when an end is divided by a split, per document from its evidence.
Status shown_in_row(const Store::Impl& impl, const SurnameFolds& f, const Edge& raw,
                    const std::function<void(const Edge&)>& fn) {
  if (!f.divided.count(raw.subject) && !f.divided.count(raw.object)) {
    fn(Edge{f.canonical(raw.subject), raw.relation, f.canonical(raw.object), raw.count, raw.confidence});
    return Status::ok();
  }
  Result<std::vector<Evidence>> rows = raw_evidence(impl, raw.subject, raw.relation, raw.object);
  if (!rows) return rows.status();
  std::map<std::pair<EntityId, EntityId>, Edge> by_ends;
  for (const Evidence& ev : *rows) {
    const std::pair ends(f.reads_as(raw.subject, ev.doc), f.reads_as(raw.object, ev.doc));
    Edge& into = by_ends.try_emplace(ends, Edge{ends.first, raw.relation, ends.second, 0, 0.0f}).first->second;
    add_edge(into, Edge{raw.subject, raw.relation, raw.object, 1, ev.confidence});
  }
  for (const auto& [ends, e] : by_ends) fn(e);
  return Status::ok();
}

// The evidence of a fact as readers see it: gathered from every stored
// entity that reads as either end, less what edits retract.
Result<std::vector<Evidence>> shown_evidence(const Store::Impl& impl, const SurnameFolds& f, EntityId subject,
                                             RelationId relation, EntityId object) {
  const EntityId s = f.canonical(subject), o = f.canonical(object);
  std::vector<Evidence> out;
  const keys::EdgeKey fact{s, relation, o};
  if (f.retracted.count(fact)) return out;
  const bool thinned = f.thinned.count(fact) != 0;
  for (EntityId ms : f.stored_members(s)) {
    for (EntityId mo : f.stored_members(o)) {
      Result<std::vector<Evidence>> raw = raw_evidence(impl, ms, relation, mo);
      if (!raw) return raw.status();
      for (Evidence& ev : *raw) {
        if (f.reads_as(ms, ev.doc) != s || f.reads_as(mo, ev.doc) != o) continue;  // moved by a split
        if (thinned && f.retracted_evidence.count(keys::EvidenceKey{fact, ev.doc, ev.sentence})) continue;
        ev.subject = s;
        ev.object = o;
        out.push_back(std::move(ev));
      }
    }
  }
  if (const auto it = f.asserted.find(fact); it != f.asserted.end()) {
    out.insert(out.end(), it->second.begin(), it->second.end());  // document 0: first after sorting
  }
  std::stable_sort(out.begin(), out.end(), [](const Evidence& a, const Evidence& b) {
    return std::pair(a.doc, a.sentence) < std::pair(b.doc, b.sentence);
  });
  return out;
}

// A consolidated edge after retractions: gone when retracted or when every
// piece of its evidence is; a thinned one counted from the evidence left.
Result<std::optional<Edge>> after_retractions(const Store::Impl& impl, const SurnameFolds& f, Edge e) {
  if (!f.hides_facts()) return std::optional<Edge>(e);
  const keys::EdgeKey fact{e.subject, e.relation, e.object};
  if (f.retracted.count(fact)) return std::optional<Edge>();
  if (!f.thinned.count(fact)) return std::optional<Edge>(e);
  Result<std::vector<Evidence>> rows = shown_evidence(impl, f, e.subject, e.relation, e.object);
  if (!rows) return rows.status();
  if (rows->empty()) return std::optional<Edge>();
  e.count = static_cast<uint32_t>(rows->size());
  e.confidence = 0.0f;
  for (const Evidence& ev : *rows) e.confidence = std::max(e.confidence, ev.confidence);
  return std::optional<Edge>(e);
}

// Keeps the edges readers see, in order.
Status drop_retracted(const Store::Impl& impl, const SurnameFolds& f, std::vector<Edge>* edges) {
  if (!f.hides_facts()) return Status::ok();
  std::vector<Edge> kept;
  for (const Edge& e : *edges) {
    Result<std::optional<Edge>> shown = after_retractions(impl, f, e);
    if (!shown) return shown.status();
    if (*shown) kept.push_back(**shown);
  }
  *edges = std::move(kept);
  return Status::ok();
}

// The consolidated edges at one end (`outgoing`: leaving `id`), sorted by
// (relation, other end).
Result<std::vector<Edge>> folded_edges(const Store::Impl& impl, EntityId id, bool outgoing) {
  Result<std::shared_ptr<const SurnameFolds>> folds = impl.surname_folds();
  if (!folds) return folds.status();
  const SurnameFolds& f = **folds;
  const size_t family = outgoing ? keys::kEdgesOut : keys::kEdgesIn;
  const EntityId canonical = f.canonical(id);
  if (f.empty()) {
    Result<std::vector<Edge>> plain = scan_edges(impl, family, canonical);
    if (!plain) return plain;
    if (Status s = drop_retracted(impl, f, &*plain); !s) return s;
    return plain;
  }
  std::map<std::pair<RelationId, EntityId>, Edge> merged;
  for (EntityId member : f.stored_members(canonical)) {
    Result<std::vector<Edge>> raw = scan_edges(impl, family, member);
    if (!raw) return raw.status();
    for (const Edge& e : *raw) {
      Status s = shown_in_row(impl, f, e, [&](const Edge& shown) {
        if ((outgoing ? shown.subject : shown.object) != canonical) return;  // a split's, or its source's
        Edge& into = merged.try_emplace({e.relation, outgoing ? shown.object : shown.subject},
                                        Edge{shown.subject, shown.relation, shown.object, 0, 0.0f})
                         .first->second;
        add_edge(into, shown);
      });
      if (!s) return s;
    }
  }
  for (const auto& [fact, pieces] : f.asserted) {
    if ((outgoing ? fact.subject : fact.object) != canonical) continue;
    Edge& into = merged.try_emplace({fact.relation, outgoing ? fact.object : fact.subject},
                                    Edge{fact.subject, fact.relation, fact.object, 0, 0.0f})
                     .first->second;
    add_asserted(f, fact, into);
  }
  std::vector<Edge> out;
  out.reserve(merged.size());
  for (const auto& [key, e] : merged) out.push_back(e);
  if (Status s = drop_retracted(impl, f, &out); !s) return s;
  return out;
}

// The stored edges with a remapped end (folded, merged or divided), under
// the ends they read as; with `raw_rows`, how many stored edges they are.
Result<std::map<keys::EdgeKey, Edge>> edges_of_folded(const Store::Impl& impl, const SurnameFolds& f,
                                                      uint64_t* raw_rows) {
  std::map<keys::EdgeKey, Edge> out;
  uint64_t rows = 0;
  std::set<EntityId> remapped(f.divided.begin(), f.divided.end());
  for (const auto& [bare, target] : f.target_of) remapped.insert(bare);
  for (const EntityId id : remapped) {
    for (const size_t family : {keys::kEdgesOut, keys::kEdgesIn}) {
      Result<std::vector<Edge>> raw = scan_edges(impl, family, id);
      if (!raw) return raw.status();
      for (const Edge& e : *raw) {
        // An edge between two remapped entities is met from both; count it from its subject.
        if (family == keys::kEdgesIn && f.remapped(e.subject)) continue;
        ++rows;
        Status s = shown_in_row(impl, f, e, [&](const Edge& shown) {
          const keys::EdgeKey key{shown.subject, shown.relation, shown.object};
          add_edge(out.try_emplace(key, Edge{key.subject, key.relation, key.object, 0, 0.0f}).first->second, shown);
        });
        if (!s) return s;
      }
    }
  }
  if (raw_rows) *raw_rows = rows;
  return out;
}

}  // namespace

Result<std::vector<Edge>> Store::out_edges(EntityId id) { return folded_edges(*impl_, id, true); }
Result<std::vector<Edge>> Store::in_edges(EntityId id) { return folded_edges(*impl_, id, false); }

namespace {

// The stored edges of every pair of entities reading as the ends, summed
// (retractions not applied); count 0 when there are none.
Result<Edge> consolidated_edge(const Store::Impl& impl, const SurnameFolds& f, EntityId subject, RelationId relation,
                               EntityId object) {
  const EntityId s = f.canonical(subject), o = f.canonical(object);
  Edge sum{s, relation, o, 0, 0.0f};
  std::string value;
  for (EntityId ms : f.stored_members(s)) {
    for (EntityId mo : f.stored_members(o)) {
      const std::string key = keys::EdgeKey{ms, relation, mo}.encode_out();
      Result<bool> found = impl.get(keys::kEdgesOut, key, &value);
      if (!found) return found.status();
      if (!*found) continue;
      records::EdgeValue v;
      if (!records::decode(value, &v)) return impl.bad_record(keys::kEdgesOut, key);
      Status st = shown_in_row(impl, f, Edge{ms, relation, mo, v.count, v.confidence}, [&](const Edge& shown) {
        if (shown.subject == s && shown.object == o) add_edge(sum, shown);
      });
      if (!st) return st;
    }
  }
  add_asserted(f, keys::EdgeKey{s, relation, o}, sum);
  return sum;
}

// What edits change in the totals: retyped and merged entities, retracted
// facts and evidence (a few point reads per edit).
Status subtract_edits(const Store::Impl& impl, const SurnameFolds& f, Stats* stats) {
  for (const auto& [id, type] : f.retyped) {
    std::string value;
    Result<bool> found = impl.get(keys::kEntities, keys::id_key(id), &value);
    if (!found) return found.status();
    records::EntityValue e;
    if (!*found || !records::decode(value, &e)) continue;
    --stats->entities_by_type[static_cast<size_t>(e.type)];
    ++stats->entities_by_type[static_cast<size_t>(type)];
  }
  std::set<keys::EdgeKey> facts = f.retracted;
  facts.insert(f.thinned.begin(), f.thinned.end());
  for (const keys::EdgeKey& fact : facts) {
    Result<Edge> all = consolidated_edge(impl, f, fact.subject, fact.relation, fact.object);
    if (!all) return all.status();
    if (all->count == 0) continue;
    Result<std::optional<Edge>> shown = after_retractions(impl, f, *all);
    if (!shown) return shown.status();
    stats->edges -= !*shown;
    stats->evidence -= all->count - (*shown ? (*shown)->count : 0);
  }
  return Status::ok();
}

}  // namespace

Result<std::optional<Edge>> Store::edge(EntityId subject, RelationId relation, EntityId object) {
  Result<std::shared_ptr<const SurnameFolds>> folds = impl_->surname_folds();
  if (!folds) return folds.status();
  Result<Edge> sum = consolidated_edge(*impl_, **folds, subject, relation, object);
  if (!sum) return sum.status();
  if (sum->count == 0) return std::optional<Edge>();
  return after_retractions(*impl_, **folds, *sum);
}

Status Store::for_each_edge(const std::function<void(const Edge&)>& fn) {
  Result<std::shared_ptr<const SurnameFolds>> folds = impl_->surname_folds();
  if (!folds) return folds.status();
  const SurnameFolds& f = **folds;
  // The few edges with a folded end are gathered first, under the ends they
  // read as, and merged into the one sorted scan of the others.
  Result<std::map<keys::EdgeKey, Edge>> folded = edges_of_folded(*impl_, f, nullptr);
  if (!folded) return folded.status();
  for (const auto& [fact, pieces] : f.asserted) {
    add_asserted(f, fact, folded->try_emplace(fact, Edge{fact.subject, fact.relation, fact.object, 0, 0.0f}).first->second);
  }
  auto next = folded->begin();
  Status bad;
  const auto show = [&](const Edge& e) {
    if (!f.hides_facts()) return fn(e);
    Result<std::optional<Edge>> shown = after_retractions(*impl_, f, e);
    if (!shown) {
      bad = shown.status();
    } else if (*shown) {
      fn(**shown);
    }
  };
  Status s = impl_->scan(keys::kEdgesOut, "", [&](std::string_view k, std::string_view v) {
    keys::EdgeKey key;
    records::EdgeValue value;
    if (!keys::EdgeKey::decode_out(k, &key) || !records::decode(v, &value)) {
      bad = impl_->bad_record(keys::kEdgesOut, k);
      return false;
    }
    if (f.remapped(key.subject) || f.remapped(key.object)) return true;
    for (; next != folded->end() && next->first < key; ++next) show(next->second);
    Edge e{key.subject, key.relation, key.object, value.count, value.confidence};
    if (next != folded->end() && next->first == key) {
      add_edge(e, next->second);
      ++next;
    }
    show(e);
    return bad.is_ok();
  });
  if (!s) return s;
  if (!bad) return bad;
  for (; next != folded->end() && bad; ++next) show(next->second);
  return bad;
}

Result<std::vector<Evidence>> Store::evidence(EntityId subject, RelationId relation, EntityId object) {
  Result<std::shared_ptr<const SurnameFolds>> folds = impl_->surname_folds();
  if (!folds) return folds.status();
  return shown_evidence(*impl_, **folds, subject, relation, object);
}

Result<FactDates> Store::fact_dates(EntityId subject, RelationId relation, EntityId object) {
  Result<std::vector<Evidence>> rows = evidence(subject, relation, object);
  if (!rows) return rows.status();
  FactDates out;
  DocNo last_doc = 0;  // rows are sorted by document: read each document once
  for (const Evidence& ev : *rows) {
    if (ev.doc == last_doc) continue;
    last_doc = ev.doc;
    Result<std::optional<DocumentInfo>> info = document(ev.doc);
    if (!info) return info.status();
    if (*info && !(*info)->date.empty()) out.dates.push_back((*info)->date);
  }
  std::sort(out.dates.begin(), out.dates.end());
  out.dates.erase(std::unique(out.dates.begin(), out.dates.end()), out.dates.end());
  return out;
}

Result<Stats> Store::stats() {
  if (Status s = refresh(); !s) return s;
  Stats stats = impl_->totals;
  Result<std::shared_ptr<const SurnameFolds>> folds = impl_->surname_folds();
  if (!folds) return folds.status();
  const SurnameFolds& f = **folds;
  // Assertions add evidence, an edge when no document reports the fact, and
  // the relation phrases only they use.
  for (const auto& [fact, pieces] : f.asserted) {
    stats.evidence += pieces.size();
    Result<Edge> all = consolidated_edge(*impl_, f, fact.subject, fact.relation, fact.object);
    if (!all) return all.status();
    stats.edges += all->count == pieces.size();
  }
  stats.relations += f.asserted_relation_names.size();
  if (Status s = subtract_edits(*impl_, f, &stats); !s) return s;
  if (f.empty()) return stats;
  // The totals count stored rows; a folded or merged entity, and the edges
  // and alias rows that merge with its target's, are not seen by readers;
  // a split adds an entity, and takes one away when it moves every mention.
  for (const auto& [source, target] : f.target_of) stats.entities -= !f.split_entities.count(source);
  for (const auto& [source, type] : f.source_type) --stats.entities_by_type[static_cast<size_t>(type)];
  for (const Entity& e : split_entities_shown(f)) {
    ++stats.entities;
    ++stats.entities_by_type[static_cast<size_t>(e.type)];
  }
  for (EntityId id : f.emptied) {
    if (f.split_entities.count(id)) continue;
    Result<std::optional<Entity>> row = raw_entity(*impl_, id);
    if (!row) return row.status();
    if (!*row) continue;
    --stats.entities;
    --stats.entities_by_type[static_cast<size_t>(f.dress(**row).type)];
  }
  uint64_t folded_rows = 0;
  Result<std::map<keys::EdgeKey, Edge>> folded = edges_of_folded(*impl_, f, &folded_rows);
  if (!folded) return folded.status();
  uint64_t shown = folded->size();
  std::string value;
  for (const auto& [key, e] : *folded) {
    Result<bool> found = impl_->get(keys::kEdgesOut, key.encode_out(), &value);  // merges with a stored edge
    if (!found) return found.status();
    shown -= *found && !f.remapped(key.subject) && !f.remapped(key.object);
  }
  stats.edges -= folded_rows - shown;
  std::unordered_set<EntityId> remapped(f.divided.begin(), f.divided.end());
  for (const auto& [bare, target] : f.target_of) remapped.insert(bare);
  std::map<EntityId, std::set<std::string>> names;
  if (Status s = alias_names_of(*impl_, remapped, &names); !s) return s;
  std::set<std::pair<std::string, EntityId>> merged;
  uint64_t alias_rows = 0;
  for (const auto& [bare, set] : names) {
    for (const std::string& n : set) {
      Result<bool> found = impl_->get(keys::kAliases, keys::AliasKey{n, bare}.encode(), &value);
      if (!found) return found.status();
      if (!*found) continue;
      ++alias_rows;
      if (!f.divided.count(bare)) {
        merged.emplace(n, f.canonical(bare));
        continue;
      }
      call_readers(f, bare, n, [&](EntityId reader, const records::AliasCount&) { merged.emplace(n, reader); });
    }
  }
  uint64_t new_rows = merged.size();
  for (const auto& [n, target] : merged) {
    Result<bool> found = impl_->get(keys::kAliases, keys::AliasKey{n, target}.encode(), &value);
    if (!found) return found.status();
    new_rows -= *found && !f.remapped(target);
  }
  stats.aliases -= alias_rows - new_rows;
  return stats;
}

}  // namespace kg::store
