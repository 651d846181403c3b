#include "base/name_key.h"
#include "graph/store/document_change.h"

#include <algorithm>
#include <fmt/format.h>

#include "base/utf8.h"
#include "graph/store/entity_lookup.h"

namespace kg::store {

namespace {

rocksdb::Slice slice(const std::string& s) { return rocksdb::Slice(s); }

}  // namespace

Status validate_document(const DocumentRecord& doc) {
  if (doc.id.empty()) return Status::invalid_input("document without an id");
  const auto bad = [&](std::string what) { return Status::invalid_input(fmt::format("{}: {}", doc.id, what)); };
  if (utf8::first_invalid_byte(doc.id)) return bad("the document id is not valid UTF-8");
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    if (doc.entities[i].name.empty()) return bad(fmt::format("entity {} has an empty name", i));
    if (static_cast<size_t>(doc.entities[i].type) >= kEntityTypeCount) return bad(fmt::format("entity {} has no valid type", i));
  }
  for (size_t i = 0; i < doc.facts.size(); ++i) {
    const FactRecord& f = doc.facts[i];
    if (f.subject >= doc.entities.size() || f.object >= doc.entities.size()) {
      return bad(fmt::format("fact {} names entity {} but the document has {} entities", i,
                             std::max(f.subject, f.object), doc.entities.size()));
    }
    if (f.sentence >= doc.sentences.size()) {
      return bad(fmt::format("fact {} names sentence {} but the document has {} sentences", i, f.sentence,
                             doc.sentences.size()));
    }
    if (f.relation.empty()) return bad(fmt::format("fact {} has an empty relation", i));
    if (f.span_end < f.span_begin || f.span_end > doc.sentences[f.sentence].size()) {
      return bad(fmt::format("fact {} has span {}..{} outside its sentence", i, f.span_begin, f.span_end));
    }
  }
  return Status::ok();
}

DocumentChange::DocumentChange(Store::Impl& impl)
    : impl_(impl), next_(impl.next_ids), totals_(impl.totals), folds_(impl) {}

Status DocumentChange::remove(const DocumentInfo& info, bool keep_id) {
  const std::string doc_prefix = keys::id_key(info.number);
  Status bad;
  if (info.kind == DocumentKind::kTriples) {
    // A triples document has no sentence rows (see keys.h): its evidence is
    // found by one pass over the evidence family. Rare and bulk: acceptable.
    Status s = impl_.scan(keys::kEvidence, "", [&](std::string_view k, std::string_view) {
      keys::EvidenceKey key;
      if (!keys::EvidenceKey::decode(k, &key)) {
        bad = impl_.bad_record(keys::kEvidence, k);
        return false;
      }
      if (key.doc == info.number && evidence_removed_.insert(key).second) {
        EdgeDelta& d = edges_[key.edge];
        d.count -= 1;
        d.lost_evidence = true;
      }
      return true;
    });
    if (!s) return s;
    if (!bad) return bad;
  }
  Status s = impl_.scan(keys::kSentences, doc_prefix, [&](std::string_view k, std::string_view v) {
    keys::PairKey key;
    records::SentenceValue sentence;
    if (!keys::PairKey::decode(k, &key) || !records::decode(v, &sentence)) {
      bad = impl_.bad_record(keys::kSentences, k);
      return false;
    }
    for (const keys::EdgeKey& e : sentence.facts) {
      if (evidence_removed_.insert(keys::EvidenceKey{e, info.number, key.second}).second) {
        EdgeDelta& d = edges_[e];
        d.count -= 1;
        d.lost_evidence = true;
      }
    }
    batch_.Delete(impl_.family(keys::kSentences), rocksdb::Slice(k.data(), k.size()));
    --totals_.sentences;
    return true;
  });
  if (!s) return s;
  if (!bad) return bad;
  s = impl_.scan(keys::kDocEntities, doc_prefix, [&](std::string_view k, std::string_view v) {
    keys::PairKey key;
    records::MentionsValue mentions;
    if (!keys::PairKey::decode(k, &key) || !records::decode(v, &mentions)) {
      bad = impl_.bad_record(keys::kDocEntities, k);
      return false;
    }
    entities_[key.second].mentions -= mentions.mentions;
    for (const records::AliasCount& a : mentions.aliases) aliases_[{a.normalized, key.second}].count -= a.count;
    batch_.Delete(impl_.family(keys::kDocEntities), rocksdb::Slice(k.data(), k.size()));
    return true;
  });
  if (!s) return s;
  if (!bad) return bad;
  batch_.Delete(impl_.family(keys::kDocs), slice(doc_prefix));
  if (!info.content_hash.empty()) batch_.Delete(impl_.family(keys::kDocHash), slice(info.content_hash));
  if (!keep_id) {
    batch_.Delete(impl_.family(keys::kDocIds), slice(info.id));
    --totals_.documents;
  }
  return Status::ok();
}

Result<EntityId> DocumentChange::resolve_entity(const EntityRecord& record, const std::string& normalized) {
  const auto pending = created_entities_.find({normalized, record.type});
  if (pending != created_entities_.end()) return pending->second;
  Result<std::optional<EntityId>> stored = find_stored_entity(impl_, normalized, record.type);
  if (!stored) return stored.status();
  if (*stored) return **stored;
  const EntityId id = next_.entity++;
  created_entities_[{normalized, record.type}] = id;
  EntityDelta& d = entities_[id];
  d.created = true;
  d.created_value = records::EntityValue{record.type, 0, record.name};
  return id;
}

Result<RelationId> DocumentChange::resolve_relation(const std::string& phrase) {
  const auto pending = created_relations_.find(phrase);
  if (pending != created_relations_.end()) return pending->second;
  std::string value;
  Result<bool> found = impl_.get(keys::kRelations, keys::relation_phrase_key(phrase), &value);
  if (!found) return found.status();
  if (*found) {
    if (value.size() != 4) return impl_.bad_record(keys::kRelations, keys::relation_phrase_key(phrase));
    return keys::get_u32(value.data());
  }
  const RelationId id = next_.relation++;
  created_relations_[phrase] = id;
  batch_.Put(impl_.family(keys::kRelations), slice(keys::relation_phrase_key(phrase)), slice(keys::id_key(id)));
  batch_.Put(impl_.family(keys::kRelations), slice(keys::relation_id_key(id)), slice(phrase));
  ++totals_.relations;
  return id;
}

Status DocumentChange::add(const DocumentRecord& doc, DocNo number, bool new_document, uint64_t* facts) {
  // Entities: resolve each, then sum what this document says about each
  // stored entity (two records of one document may be one stored entity).
  std::vector<EntityId> ids(doc.entities.size());
  std::map<EntityId, records::MentionsValue> mentions;
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const EntityRecord& record = doc.entities[i];
    const std::string normalized = names::name_key(record.name);
    Result<EntityId> id = resolve_entity(record, normalized);
    if (!id) return id.status();
    ids[i] = *id;
    records::MentionsValue& m = mentions[*id];
    m.mentions += std::max<uint32_t>(record.mentions, 1);
    const auto add_alias = [&](const std::string& surface, uint32_t count) {
      std::string norm = names::name_key(surface);
      for (records::AliasCount& a : m.aliases) {
        if (a.normalized == norm) {
          a.count += count;
          return;
        }
      }
      m.aliases.push_back({std::move(norm), surface, count});
    };
    bool canonical_listed = false;
    for (const auto& [surface, count] : record.aliases) {
      if (surface.empty()) continue;
      add_alias(surface, std::max<uint32_t>(count, 1));
      canonical_listed = canonical_listed || names::name_key(surface) == normalized;
    }
    // The canonical name is always an alias: the entity is found by it.
    if (!canonical_listed) add_alias(record.name, 1);
  }
  for (auto& [id, m] : mentions) {
    entities_[id].mentions += m.mentions;
    for (const records::AliasCount& a : m.aliases) {
      AliasDelta& d = aliases_[{a.normalized, id}];
      d.count += a.count;
      if (d.surface.empty()) d.surface = a.surface;
    }
    batch_.Put(impl_.family(keys::kDocEntities), slice(keys::PairKey{number, id}.encode()), slice(records::encode(m)));
  }

  // Facts: one evidence row per (edge, sentence); a fact repeated within one
  // sentence is one piece of evidence (the better confidence is kept).
  std::vector<records::SentenceValue> sentences(doc.sentences.size());
  std::map<keys::EvidenceKey, records::EvidenceValue> evidence;
  for (const FactRecord& f : doc.facts) {
    Result<RelationId> relation = resolve_relation(f.relation);
    if (!relation) return relation.status();
    const keys::EvidenceKey key{{ids[f.subject], *relation, ids[f.object]}, number, f.sentence};
    records::EvidenceValue value{f.span_begin, f.span_end, std::clamp(f.confidence, 0.0f, 1.0f), f.negated, f.modal,
                                 f.attribution};
    auto [it, inserted] = evidence.emplace(key, value);
    if (!inserted && value.confidence > it->second.confidence) it->second = value;
  }
  for (const auto& [key, value] : evidence) {
    sentences[key.sentence].facts.push_back(key.edge);
    EdgeDelta& d = edges_[key.edge];
    d.count += 1;
    d.best_added = std::max(d.best_added, value.confidence);
    evidence_added_[key] = value;
  }
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    sentences[i].text = doc.sentences[i];
    batch_.Put(impl_.family(keys::kSentences), slice(keys::PairKey{number, static_cast<uint32_t>(i)}.encode()),
               slice(records::encode(sentences[i])));
  }
  totals_.sentences += doc.sentences.size();

  DocumentInfo info;
  info.number = number;
  info.id = doc.id;
  info.title = doc.title;
  info.url = doc.url;
  info.date = doc.date;
  info.date_is_ingest_date = doc.date_is_ingest_date;
  info.source = doc.source;
  info.content_hash = doc.content_hash;
  info.sentence_count = static_cast<uint32_t>(doc.sentences.size());
  info.fact_count = static_cast<uint32_t>(evidence.size());
  info.kind = DocumentKind::kArticle;
  batch_.Put(impl_.family(keys::kDocs), slice(keys::id_key(number)), slice(records::encode(info)));
  batch_.Put(impl_.family(keys::kDocIds), slice(doc.id), slice(keys::id_key(number)));
  if (!doc.content_hash.empty()) {
    batch_.Put(impl_.family(keys::kDocHash), slice(doc.content_hash), slice(keys::id_key(number)));
  }
  if (new_document) ++totals_.documents;
  *facts = evidence.size();
  return Status::ok();
}

Status DocumentChange::commit_edges() {
  std::string value;
  for (const auto& [edge, delta] : edges_) {
    const std::string out_key = edge.encode_out();
    Result<bool> found = impl_.get(keys::kEdgesOut, out_key, &value);
    if (!found) return found.status();
    records::EdgeValue old;
    if (*found && !records::decode(value, &old)) return impl_.bad_record(keys::kEdgesOut, out_key);
    const int64_t count = int64_t{old.count} + delta.count;
    if (count < 0) {
      return Status::corruption(fmt::format("{}: the store is damaged: edge {} has fewer evidence rows than its "
                                            "documents name; run 'kg check'",
                                            impl_.dir, hex(out_key)));
    }
    if (count == 0) {
      if (*found) {
        batch_.Delete(impl_.family(keys::kEdgesOut), slice(out_key));
        batch_.Delete(impl_.family(keys::kEdgesIn), slice(edge.encode_in()));
        --totals_.edges;
      }
      continue;
    }
    float best = delta.best_added;
    if (delta.lost_evidence) {
      // Some evidence went: the best confidence is that of what remains.
      Status s = impl_.scan(keys::kEvidence, out_key, [&](std::string_view k, std::string_view v) {
        keys::EvidenceKey key;
        records::EvidenceValue ev;
        if (keys::EvidenceKey::decode(k, &key) && !evidence_removed_.count(key) && !evidence_added_.count(key) &&
            records::decode(v, &ev)) {
          best = std::max(best, ev.confidence);
        }
        return true;
      });
      if (!s) return s;
    } else if (*found) {
      best = std::max(best, old.confidence);
    }
    const std::string encoded = records::encode(records::EdgeValue{static_cast<uint32_t>(count), best});
    batch_.Put(impl_.family(keys::kEdgesOut), slice(out_key), slice(encoded));
    batch_.Put(impl_.family(keys::kEdgesIn), slice(edge.encode_in()), slice(encoded));
    if (!*found) ++totals_.edges;
  }
  for (const keys::EvidenceKey& key : evidence_removed_) {
    if (!evidence_added_.count(key)) {
      batch_.Delete(impl_.family(keys::kEvidence), slice(key.encode()));
      --totals_.evidence;
    }
  }
  for (const auto& [key, value] : evidence_added_) {
    batch_.Put(impl_.family(keys::kEvidence), slice(key.encode()), slice(records::encode(value)));
    if (!evidence_removed_.count(key)) ++totals_.evidence;
  }
  return Status::ok();
}

Status DocumentChange::commit_entities() {
  std::string value;
  for (const auto& [id, delta] : entities_) {
    const std::string key = keys::id_key(id);
    records::EntityValue entity;
    bool existed = false;
    if (delta.created) {
      entity = delta.created_value;
    } else {
      Result<bool> found = impl_.get(keys::kEntities, key, &value);
      if (!found) return found.status();
      if (!*found || !records::decode(value, &entity)) return impl_.bad_record(keys::kEntities, key);
      existed = true;
    }
    const int64_t mentions = static_cast<int64_t>(entity.mentions) + delta.mentions;
    if (mentions < 0) {
      return Status::corruption(fmt::format(
          "{}: the store is damaged: entity {} has fewer mentions than its documents name; run 'kg check'", impl_.dir,
          id));
    }
    const size_t type = static_cast<size_t>(entity.type);
    std::optional<records::EntityValue> before;
    if (existed) before = entity;
    std::optional<records::EntityValue> after;
    if (mentions > 0) {
      after = entity;
      after->mentions = static_cast<uint64_t>(mentions);
    }
    folds_.entity(id, before, after);
    if (mentions == 0) {
      if (existed) {
        batch_.Delete(impl_.family(keys::kEntities), slice(key));
        --totals_.entities;
        --totals_.entities_by_type[type];
      }
      continue;
    }
    if (mentions == static_cast<int64_t>(entity.mentions) && existed) continue;
    entity.mentions = static_cast<uint64_t>(mentions);
    batch_.Put(impl_.family(keys::kEntities), slice(key), slice(records::encode(entity)));
    if (!existed) {
      ++totals_.entities;
      ++totals_.entities_by_type[type];
    }
  }
  return Status::ok();
}

Status DocumentChange::commit_aliases() {
  std::string value;
  for (const auto& [name_and_id, delta] : aliases_) {
    if (delta.count == 0) continue;
    folds_.alias(name_and_id.first, name_and_id.second, delta.count);
    const std::string key = keys::AliasKey{name_and_id.first, name_and_id.second}.encode();
    Result<bool> found = impl_.get(keys::kAliases, key, &value);
    if (!found) return found.status();
    records::AliasValue alias;
    if (*found && !records::decode(value, &alias)) return impl_.bad_record(keys::kAliases, key);
    const int64_t count = static_cast<int64_t>(alias.count) + delta.count;
    if (count < 0) {
      return Status::corruption(
          fmt::format("{}: the store is damaged: alias '{}' has fewer uses than its documents name; run 'kg check'",
                      impl_.dir, name_and_id.first));
    }
    if (count == 0) {
      if (*found) {
        batch_.Delete(impl_.family(keys::kAliases), slice(key));
        --totals_.aliases;
      }
      continue;
    }
    if (!*found) {
      alias.surface = delta.surface;
      ++totals_.aliases;
    }
    alias.count = static_cast<uint64_t>(count);
    batch_.Put(impl_.family(keys::kAliases), slice(key), slice(records::encode(alias)));
  }
  return Status::ok();
}

Status DocumentChange::commit(std::string_view doing) {
  if (Status s = commit_edges(); !s) return s;
  if (Status s = commit_entities(); !s) return s;
  if (Status s = commit_aliases(); !s) return s;
  Result<FoldIndexChange::Rows> identity = folds_.rows();
  if (!identity) return identity.status();
  for (const auto& [key, value] : *identity) {
    if (value) {
      batch_.Put(impl_.family(keys::kIdentity), slice(key), slice(*value));
    } else {
      batch_.Delete(impl_.family(keys::kIdentity), slice(key));
    }
  }
  batch_.Put(impl_.family(keys::kMeta), slice(std::string(keys::kNextIdsKey)), slice(records::encode(next_)));
  batch_.Put(impl_.family(keys::kMeta), slice(std::string(keys::kTotalsKey)), slice(records::encode(totals_)));
  // Not synced: a killed process loses nothing the kernel has (the WAL is
  // written before Write returns); a power cut may lose the last documents,
  // but recovery stops at a batch boundary, so never half of one.
  if (Status s = impl_.write(batch_, doing); !s) return s;
  impl_.next_ids = next_;
  impl_.totals = totals_;
  impl_.folds.reset();
  return Status::ok();
}

Status Store::Impl::ensure_writable() const {
  if (writable()) return Status::ok();
  return Status::invalid_input(fmt::format("{}: the store is open read-only", dir));
}

Result<PutResult> Store::put_document(const DocumentRecord& doc) {
  Impl& impl = *impl_;
  if (Status s = impl.ensure_writable(); !s) return s;
  if (Status s = validate_document(doc); !s) return s;
  Result<std::optional<DocumentInfo>> existing = find_document(doc.id);
  if (!existing) return existing.status();
  PutResult result;
  if (*existing && (*existing)->content_hash == doc.content_hash && !doc.content_hash.empty()) {
    result.outcome = PutOutcome::kUnchanged;
    result.number = (*existing)->number;
    result.facts = (*existing)->fact_count;
    return result;
  }
  if (!doc.content_hash.empty()) {
    std::string value;
    Result<bool> found = impl.get(keys::kDocHash, doc.content_hash, &value);
    if (!found) return found.status();
    if (*found && value.size() == 4 && (!*existing || keys::get_u32(value.data()) != (*existing)->number)) {
      Result<std::optional<DocumentInfo>> other = document(keys::get_u32(value.data()));
      if (!other) return other.status();
      if (*other) {
        result.outcome = PutOutcome::kUnchanged;
        result.number = (*other)->number;
        result.facts = (*other)->fact_count;
        result.duplicate_of = (*other)->id;
        return result;
      }
    }
  }
  DocumentChange change(impl);
  if (*existing) {
    if (Status s = change.remove(**existing, /*keep_id=*/true); !s) return s;
    result.outcome = PutOutcome::kReplaced;
    result.number = (*existing)->number;
  } else {
    result.outcome = PutOutcome::kAdded;
    result.number = change.take_doc_number();
  }
  if (Status s = change.add(doc, result.number, !*existing, &result.facts); !s) return s;
  if (Status s = change.commit(fmt::format("storing document {}", doc.id)); !s) return s;
  return result;
}

Status Store::record_near_duplicates(std::string_view doc_id, const std::vector<std::string>& others) {
  Impl& impl = *impl_;
  if (Status s = impl.ensure_writable(); !s) return s;
  Result<std::optional<DocumentInfo>> existing = find_document(doc_id);
  if (!existing) return existing.status();
  if (!*existing) return Status::not_found(fmt::format("{}: no document '{}' in the store", impl.dir, doc_id));
  DocumentInfo info = std::move(**existing);
  const size_t before = info.near_duplicates.size();
  for (const std::string& id : others) {
    if (std::find(info.near_duplicates.begin(), info.near_duplicates.end(), id) == info.near_duplicates.end()) {
      info.near_duplicates.push_back(id);
    }
  }
  if (info.near_duplicates.size() == before) return Status::ok();
  rocksdb::WriteBatch batch;
  batch.Put(impl.family(keys::kDocs), keys::id_key(info.number), records::encode(info));
  return impl.write(batch, fmt::format("recording near-duplicates of {}", doc_id));
}

Status Store::remove_document(std::string_view doc_id) {
  Impl& impl = *impl_;
  if (Status s = impl.ensure_writable(); !s) return s;
  Result<std::optional<DocumentInfo>> existing = find_document(doc_id);
  if (!existing) return existing.status();
  if (!*existing) return Status::not_found(fmt::format("{}: no document '{}' in the store", impl.dir, doc_id));
  DocumentChange change(impl);
  if (Status s = change.remove(**existing, /*keep_id=*/false); !s) return s;
  return change.commit(fmt::format("removing document {}", doc_id));
}

}  // namespace kg::store
