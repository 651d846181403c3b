// Reading the store: documents, entities, aliases, relations, edges, evidence.
#include <algorithm>
#include <fmt/format.h>

#include "graph/store/store_impl.h"

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

Result<std::optional<Entity>> Store::entity(EntityId id) {
  std::string value;
  const std::string key = keys::id_key(id);
  Result<bool> found = impl_->get(keys::kEntities, key, &value);
  if (!found) return found.status();
  if (!*found) return std::optional<Entity>();
  records::EntityValue v;
  if (!records::decode(value, &v)) return impl_->bad_record(keys::kEntities, key);
  return std::optional<Entity>(to_entity(id, std::move(v)));
}

Result<std::vector<Entity>> Store::find_entities(std::string_view name) {
  const std::string normalized = normalize_name(name);
  std::vector<EntityId> ids;
  Status s = impl_->scan(keys::kAliases, keys::AliasKey::prefix(normalized), [&](std::string_view k, std::string_view) {
    keys::AliasKey key;
    if (keys::AliasKey::decode(k, &key) && key.normalized == normalized) ids.push_back(key.entity);
    return true;
  });
  if (!s) return s;
  std::vector<Entity> out;
  for (EntityId id : ids) {
    Result<std::optional<Entity>> e = entity(id);
    if (!e) return e.status();
    if (*e) out.push_back(std::move(**e));
  }
  // An exact canonical name first, then the most mentioned.
  std::stable_sort(out.begin(), out.end(), [&](const Entity& a, const Entity& b) {
    const bool ea = a.name == name, eb = b.name == name;
    if (ea != eb) return ea;
    return a.mentions > b.mentions;
  });
  return out;
}

Result<std::vector<Alias>> Store::aliases_of(EntityId id) {
  // Aliases are keyed by name first; an entity's own aliases are found
  // through the documents that mention it (doc_entities), which are few.
  std::vector<Alias> out;
  std::vector<std::string> names;
  Status bad;
  Status s = impl_->scan(keys::kDocEntities, "", [&](std::string_view k, std::string_view v) {
    keys::PairKey key;
    if (!keys::PairKey::decode(k, &key)) {
      bad = impl_->bad_record(keys::kDocEntities, k);
      return false;
    }
    if (key.second != id) return true;
    records::MentionsValue m;
    if (!records::decode(v, &m)) {
      bad = impl_->bad_record(keys::kDocEntities, k);
      return false;
    }
    for (const records::AliasCount& a : m.aliases) names.push_back(a.normalized);
    return true;
  });
  if (!s) return s;
  if (!bad) return bad;
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::string value;
  for (const std::string& n : names) {
    const std::string key = keys::AliasKey{n, id}.encode();
    Result<bool> found = impl_->get(keys::kAliases, key, &value);
    if (!found) return found.status();
    if (!*found) continue;
    records::AliasValue a;
    if (!records::decode(value, &a)) return impl_->bad_record(keys::kAliases, key);
    out.push_back(Alias{n, std::move(a.surface), id, a.count});
  }
  std::stable_sort(out.begin(), out.end(), [](const Alias& a, const Alias& b) { return a.count > b.count; });
  return out;
}

Status Store::for_each_entity(const std::function<void(const Entity&)>& fn) {
  Status bad;
  Status s = impl_->scan(keys::kEntities, "", [&](std::string_view k, std::string_view v) {
    records::EntityValue e;
    if (k.size() != 4 || !records::decode(v, &e)) {
      bad = impl_->bad_record(keys::kEntities, k);
      return false;
    }
    fn(to_entity(keys::get_u32(k.data()), std::move(e)));
    return true;
  });
  return s ? bad : s;
}

Status Store::for_each_alias(const std::function<void(const Alias&)>& fn) {
  Status bad;
  Status s = impl_->scan(keys::kAliases, "", [&](std::string_view k, std::string_view v) {
    keys::AliasKey key;
    records::AliasValue a;
    if (!keys::AliasKey::decode(k, &key) || !records::decode(v, &a)) {
      bad = impl_->bad_record(keys::kAliases, k);
      return false;
    }
    fn(Alias{std::move(key.normalized), std::move(a.surface), key.entity, a.count});
    return true;
  });
  return s ? bad : s;
}

Result<std::optional<std::string>> Store::relation_name(RelationId id) {
  std::string value;
  Result<bool> found = impl_->get(keys::kRelations, keys::relation_id_key(id), &value);
  if (!found) return found.status();
  if (!*found) return std::optional<std::string>();
  return std::optional<std::string>(std::move(value));
}

Result<std::optional<RelationId>> Store::find_relation(std::string_view phrase) {
  std::string value;
  const std::string key = keys::relation_phrase_key(phrase);
  Result<bool> found = impl_->get(keys::kRelations, key, &value);
  if (!found) return found.status();
  if (!*found) return std::optional<RelationId>();
  if (value.size() != 4) return impl_->bad_record(keys::kRelations, key);
  return std::optional<RelationId>(keys::get_u32(value.data()));
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
  return s ? bad : s;
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

Result<std::vector<Edge>> Store::out_edges(EntityId id) { return scan_edges(*impl_, keys::kEdgesOut, id); }
Result<std::vector<Edge>> Store::in_edges(EntityId id) { return scan_edges(*impl_, keys::kEdgesIn, id); }

Result<std::optional<Edge>> Store::edge(EntityId subject, RelationId relation, EntityId object) {
  std::string value;
  const std::string key = keys::EdgeKey{subject, relation, object}.encode_out();
  Result<bool> found = impl_->get(keys::kEdgesOut, key, &value);
  if (!found) return found.status();
  if (!*found) return std::optional<Edge>();
  records::EdgeValue v;
  if (!records::decode(value, &v)) return impl_->bad_record(keys::kEdgesOut, key);
  return std::optional<Edge>(Edge{subject, relation, object, v.count, v.confidence});
}

Status Store::for_each_edge(const std::function<void(const Edge&)>& fn) {
  Status bad;
  Status s = impl_->scan(keys::kEdgesOut, "", [&](std::string_view k, std::string_view v) {
    keys::EdgeKey key;
    records::EdgeValue value;
    if (!keys::EdgeKey::decode_out(k, &key) || !records::decode(v, &value)) {
      bad = impl_->bad_record(keys::kEdgesOut, k);
      return false;
    }
    fn(Edge{key.subject, key.relation, key.object, value.count, value.confidence});
    return true;
  });
  return s ? bad : s;
}

Result<std::vector<Evidence>> Store::evidence(EntityId subject, RelationId relation, EntityId object) {
  std::vector<Evidence> out;
  Status bad;
  Status s = impl_->scan(keys::kEvidence, keys::EdgeKey{subject, relation, object}.encode_out(),
                         [&](std::string_view k, std::string_view v) {
                           keys::EvidenceKey key;
                           records::EvidenceValue value;
                           if (!keys::EvidenceKey::decode(k, &key) || !records::decode(v, &value)) {
                             bad = impl_->bad_record(keys::kEvidence, k);
                             return false;
                           }
                           out.push_back(Evidence{subject, relation, object, key.doc, key.sentence, value.span_begin,
                                                  value.span_end, value.confidence, value.negated, value.modal,
                                                  std::move(value.attribution)});
                           return true;
                         });
  if (!s) return s;
  if (!bad) return bad;
  return out;
}

Result<Stats> Store::stats() {
  if (Status s = refresh(); !s) return s;
  return impl_->totals;
}

}  // namespace kg::store
