// `kg check`: every invariant of schema v2, verified by full scans.
//
// Each family is scanned once into compact sorted vectors, then the vectors
// are compared with merge joins, so memory stays proportional to the number
// of rows (about 40 bytes per evidence row) and time to one pass per family.
#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "graph/store/store_impl.h"
#include "graph/store/surname_folds.h"

namespace kg::store {

namespace {

constexpr size_t kMaxProblems = 100;

class CheckRun {
 public:
  CheckRun(Store::Impl& impl, CheckReport& report) : impl_(impl), report_(report) {}

  Status run();

 private:
  template <typename... Args>
  void problem(fmt::format_string<Args...> f, Args&&... args) {
    if (report_.problems.size() >= kMaxProblems) {
      report_.truncated = true;
      return;
    }
    report_.problems.push_back(fmt::format(f, std::forward<Args>(args)...));
  }
  // Scans a family, counting rows; a row that does not decode is a problem.
  Status scan(size_t family, const std::function<bool(std::string_view, std::string_view)>& fn) {
    return impl_.scan(family, "", [&](std::string_view k, std::string_view v) {
      ++report_.records;
      if (!fn(k, v)) problem("{}: malformed record at key {}", keys::family_name(family), hex(k));
      return true;
    });
  }

  Status read_meta();
  Status check_documents();
  Status check_relations();
  Status check_entities_and_mentions();
  Status check_edges_and_evidence();
  Status check_identity();
  Status check_edit_records() {
    std::vector<std::string> found;
    if (Status s = check_edits(impl_, &found); !s) return s;
    for (const std::string& p : found) problem("edits: {}", p);
    return Status::ok();
  }
  void check_totals();

  Store::Impl& impl_;
  CheckReport& report_;
  records::NextIds next_;
  Stats totals_;
  Stats rows_;
  std::unordered_map<DocNo, DocumentInfo> docs_;
  std::unordered_map<DocNo, uint32_t> sentence_rows_;  // per document
  std::vector<keys::EvidenceKey> sentence_facts_;      // evidence named by sentences rows
  std::unordered_set<RelationId> relations_;
  std::unordered_map<EntityId, uint64_t> entity_mentions_;  // stored entity -> its mention count
};

Status CheckRun::read_meta() {
  std::string value;
  Result<bool> found = impl_.get(keys::kMeta, keys::kNextIdsKey, &value);
  if (!found) return found.status();
  if (!*found || !records::decode(value, &next_)) problem("meta: next_ids is missing or malformed");
  found = impl_.get(keys::kMeta, keys::kTotalsKey, &value);
  if (!found) return found.status();
  if (!*found || !records::decode(value, &totals_)) problem("meta: totals are missing or malformed");
  return Status::ok();
}

Status CheckRun::check_documents() {
  Status s = scan(keys::kDocs, [&](std::string_view k, std::string_view v) {
    DocumentInfo info;
    if (k.size() != 4 || !records::decode(v, &info)) return false;
    if (info.number != keys::get_u32(k.data())) problem("docs: document {} stores number {}", keys::get_u32(k.data()), info.number);
    if (info.number >= next_.doc) problem("docs: document number {} is not below the counter {}", info.number, next_.doc);
    docs_[info.number] = std::move(info);
    return true;
  });
  if (!s) return s;
  rows_.documents = docs_.size();
  uint64_t id_rows = 0;
  s = scan(keys::kDocIds, [&](std::string_view k, std::string_view v) {
    if (v.size() != 4) return false;
    ++id_rows;
    const auto it = docs_.find(keys::get_u32(v.data()));
    if (it == docs_.end()) problem("doc_ids: '{}' names missing document {}", k, keys::get_u32(v.data()));
    else if (it->second.id != k) problem("doc_ids: '{}' names document {} whose id is '{}'", k, it->first, it->second.id);
    return true;
  });
  if (!s) return s;
  if (id_rows != docs_.size()) problem("doc_ids: {} rows for {} documents", id_rows, docs_.size());
  s = scan(keys::kDocHash, [&](std::string_view k, std::string_view v) {
    if (v.size() != 4) return false;
    const auto it = docs_.find(keys::get_u32(v.data()));
    if (it == docs_.end()) problem("doc_hash: hash {} names missing document {}", hex(k), keys::get_u32(v.data()));
    else if (it->second.content_hash != k) problem("doc_hash: hash {} names document '{}' with another hash", hex(k), it->second.id);
    return true;
  });
  if (!s) return s;
  s = scan(keys::kSentences, [&](std::string_view k, std::string_view v) {
    keys::PairKey key;
    records::SentenceValue sentence;
    if (!keys::PairKey::decode(k, &key) || !records::decode(v, &sentence)) return false;
    ++rows_.sentences;
    const auto it = docs_.find(key.first);
    if (it == docs_.end()) {
      problem("sentences: sentence {} of missing document {}", key.second, key.first);
    } else if (key.second >= it->second.sentence_count) {
      problem("sentences: document '{}' has {} sentences but a row for sentence {}", it->second.id,
              it->second.sentence_count, key.second);
    }
    ++sentence_rows_[key.first];
    for (const keys::EdgeKey& e : sentence.facts) sentence_facts_.push_back(keys::EvidenceKey{e, key.first, key.second});
    return true;
  });
  if (!s) return s;
  for (const auto& [number, info] : docs_) {
    const uint32_t rows = sentence_rows_.count(number) ? sentence_rows_[number] : 0;
    // A triples document keeps no sentence rows (its lines are its sentences).
    const uint32_t expected = info.kind == DocumentKind::kTriples ? 0 : info.sentence_count;
    if (rows != expected) {
      problem("docs: document '{}' says {} sentences, the store holds {}", info.id, info.sentence_count, rows);
    }
  }
  std::sort(sentence_facts_.begin(), sentence_facts_.end());
  return Status::ok();
}

Status CheckRun::check_relations() {
  std::unordered_map<RelationId, std::string> by_id;
  std::unordered_map<std::string, RelationId> by_phrase;
  Status s = scan(keys::kRelations, [&](std::string_view k, std::string_view v) {
    if (k.empty()) return false;
    if (k[0] == keys::kRelationIdTag && k.size() == 5) {
      by_id[keys::get_u32(k.data() + 1)] = std::string(v);
      return true;
    }
    if (k[0] == keys::kRelationPhraseTag && v.size() == 4) {
      by_phrase[std::string(k.substr(1))] = keys::get_u32(v.data());
      return true;
    }
    return false;
  });
  if (!s) return s;
  for (const auto& [id, phrase] : by_id) {
    relations_.insert(id);
    if (id >= next_.relation) problem("relations: id {} is not below the counter {}", id, next_.relation);
    const auto it = by_phrase.find(phrase);
    if (it == by_phrase.end() || it->second != id) problem("relations: id {} ('{}') has no matching phrase row", id, phrase);
  }
  for (const auto& [phrase, id] : by_phrase) {
    const auto it = by_id.find(id);
    if (it == by_id.end() || it->second != phrase) problem("relations: phrase '{}' names id {} without a matching id row", phrase, id);
  }
  rows_.relations = by_id.size();
  return Status::ok();
}

Status CheckRun::check_entities_and_mentions() {
  Status s = scan(keys::kEntities, [&](std::string_view k, std::string_view v) {
    records::EntityValue e;
    if (k.size() != 4 || !records::decode(v, &e)) return false;
    const EntityId id = keys::get_u32(k.data());
    if (id >= next_.entity) problem("entities: id {} is not below the counter {}", id, next_.entity);
    if (e.mentions == 0) problem("entities: entity {} ('{}') has no mentions but was kept", id, e.name);
    entity_mentions_[id] = e.mentions;
    ++rows_.entities;
    ++rows_.entities_by_type[static_cast<size_t>(e.type)];
    return true;
  });
  if (!s) return s;
  std::unordered_map<EntityId, uint64_t> mentioned;
  std::map<std::pair<std::string, EntityId>, uint64_t> alias_uses;
  s = scan(keys::kDocEntities, [&](std::string_view k, std::string_view v) {
    keys::PairKey key;
    records::MentionsValue m;
    if (!keys::PairKey::decode(k, &key) || !records::decode(v, &m)) return false;
    if (!docs_.count(key.first)) problem("doc_entities: mentions of entity {} by missing document {}", key.second, key.first);
    if (!entity_mentions_.count(key.second)) problem("doc_entities: document {} mentions missing entity {}", key.first, key.second);
    mentioned[key.second] += m.mentions;
    for (const records::AliasCount& a : m.aliases) alias_uses[{a.normalized, key.second}] += a.count;
    return true;
  });
  if (!s) return s;
  for (const auto& [id, mentions] : entity_mentions_) {
    const uint64_t expected = mentioned.count(id) ? mentioned[id] : 0;
    if (mentions != expected) problem("entities: entity {} counts {} mentions, its documents {}", id, mentions, expected);
  }
  s = scan(keys::kAliases, [&](std::string_view k, std::string_view v) {
    keys::AliasKey key;
    records::AliasValue a;
    if (!keys::AliasKey::decode(k, &key) || !records::decode(v, &a)) return false;
    ++rows_.aliases;
    if (!entity_mentions_.count(key.entity)) problem("aliases: '{}' names missing entity {}", key.normalized, key.entity);
    const auto it = alias_uses.find({key.normalized, key.entity});
    const uint64_t expected = it == alias_uses.end() ? 0 : it->second;
    if (a.count != expected) {
      problem("aliases: '{}' of entity {} counts {} uses, its documents {}", key.normalized, key.entity, a.count, expected);
    }
    if (it != alias_uses.end()) alias_uses.erase(it);
    return true;
  });
  if (!s) return s;
  for (const auto& [name_and_id, uses] : alias_uses) {
    if (uses > 0) problem("aliases: '{}' of entity {} is used by documents but missing", name_and_id.first, name_and_id.second);
  }
  return Status::ok();
}

Status CheckRun::check_edges_and_evidence() {
  struct Row {
    keys::EdgeKey key;
    records::EdgeValue value;
  };
  std::vector<Row> out;
  Status s = scan(keys::kEdgesOut, [&](std::string_view k, std::string_view v) {
    Row r;
    if (!keys::EdgeKey::decode_out(k, &r.key) || !records::decode(v, &r.value)) return false;
    out.push_back(r);
    return true;
  });
  if (!s) return s;
  rows_.edges = out.size();
  std::vector<Row> in;
  s = scan(keys::kEdgesIn, [&](std::string_view k, std::string_view v) {
    Row r;
    if (!keys::EdgeKey::decode_in(k, &r.key) || !records::decode(v, &r.value)) return false;
    in.push_back(r);
    return true;
  });
  if (!s) return s;
  std::sort(in.begin(), in.end(), [](const Row& a, const Row& b) { return a.key < b.key; });
  const auto edge_name = [](const keys::EdgeKey& e) { return fmt::format("({}, {}, {})", e.subject, e.relation, e.object); };
  size_t i = 0, j = 0;
  while (i < out.size() || j < in.size()) {
    if (j == in.size() || (i < out.size() && out[i].key < in[j].key)) {
      problem("edges_in: edge {} of edges_out has no mirror", edge_name(out[i].key));
      ++i;
    } else if (i == out.size() || in[j].key < out[i].key) {
      problem("edges_out: edge {} of edges_in has no mirror", edge_name(in[j].key));
      ++j;
    } else {
      if (out[i].value.count != in[j].value.count || out[i].value.confidence != in[j].value.confidence) {
        problem("edges_in: edge {} differs from edges_out", edge_name(out[i].key));
      }
      ++i, ++j;
    }
  }
  in.clear();
  in.shrink_to_fit();

  // Evidence, sorted like edges_out: group rows by edge and compare.
  size_t edge_index = 0;
  size_t fact_index = 0;
  uint32_t group_count = 0;
  float group_best = 0.0f;
  std::optional<keys::EdgeKey> group;
  std::unordered_map<DocNo, uint32_t> facts_per_doc;
  const auto close_group = [&] {
    if (!group) return;
    while (edge_index < out.size() && out[edge_index].key < *group) {
      problem("edges_out: edge {} has no evidence", edge_name(out[edge_index].key));
      ++edge_index;
    }
    if (edge_index < out.size() && out[edge_index].key == *group) {
      const records::EdgeValue& v = out[edge_index].value;
      if (v.count != group_count) problem("edges_out: edge {} counts {} but has {} evidence rows", edge_name(*group), v.count, group_count);
      if (v.confidence != group_best) problem("edges_out: edge {} has confidence {} but its best evidence {}", edge_name(*group), v.confidence, group_best);
      ++edge_index;
    } else {
      problem("evidence: {} rows for edge {} which does not exist", group_count, edge_name(*group));
    }
  };
  s = scan(keys::kEvidence, [&](std::string_view k, std::string_view v) {
    keys::EvidenceKey key;
    records::EvidenceValue value;
    if (!keys::EvidenceKey::decode(k, &key) || !records::decode(v, &value)) return false;
    ++rows_.evidence;
    if (!group || *group != key.edge) {
      close_group();
      group = key.edge;
      group_count = 0;
      group_best = 0.0f;
    }
    ++group_count;
    group_best = std::max(group_best, value.confidence);
    if (!docs_.count(key.doc)) problem("evidence: row {} names missing document {}", edge_name(key.edge), key.doc);
    ++facts_per_doc[key.doc];
    if (!relations_.count(key.edge.relation)) problem("evidence: row {} names missing relation {}", edge_name(key.edge), key.edge.relation);
    if (!entity_mentions_.count(key.edge.subject)) problem("evidence: row {} names missing entity {}", edge_name(key.edge), key.edge.subject);
    if (!entity_mentions_.count(key.edge.object)) problem("evidence: row {} names missing entity {}", edge_name(key.edge), key.edge.object);
    const auto doc = docs_.find(key.doc);
    if (doc != docs_.end() && doc->second.kind == DocumentKind::kTriples) {
      if (key.sentence >= doc->second.sentence_count) {
        problem("evidence: row {} names line {} of '{}', which has {} lines", edge_name(key.edge), key.sentence + 1,
                doc->second.id, doc->second.sentence_count);
      }
      return true;
    }
    // The sentence must exist and list this fact (they are sorted alike).
    while (fact_index < sentence_facts_.size() && sentence_facts_[fact_index] < key) {
      const auto& f = sentence_facts_[fact_index++];
      problem("sentences: sentence {} of document {} lists fact {} without evidence", f.sentence, f.doc, edge_name(f.edge));
    }
    if (fact_index < sentence_facts_.size() && sentence_facts_[fact_index] == key) ++fact_index;
    else problem("evidence: row {} names sentence {} of document {}, which does not list it", edge_name(key.edge), key.sentence, key.doc);
    return true;
  });
  if (!s) return s;
  close_group();
  for (; edge_index < out.size(); ++edge_index) problem("edges_out: edge {} has no evidence", edge_name(out[edge_index].key));
  for (; fact_index < sentence_facts_.size(); ++fact_index) {
    const auto& f = sentence_facts_[fact_index];
    problem("sentences: sentence {} of document {} lists fact {} without evidence", f.sentence, f.doc, edge_name(f.edge));
  }
  for (const auto& [number, info] : docs_) {
    const uint32_t n = facts_per_doc.count(number) ? facts_per_doc[number] : 0;
    if (n != info.fact_count) problem("docs: document '{}' says {} facts, the store holds {}", info.id, info.fact_count, n);
  }
  return Status::ok();
}

// The identity family is derived: it must equal what the entities and
// aliases give when recomputed from scratch.
Status CheckRun::check_identity() {
  Result<FoldIndexChange::Rows> expected = compute_identity_rows(impl_);
  if (!expected) return expected.status();
  auto want = expected->begin();
  const auto skip_deletions = [&] {
    while (want != expected->end() && !want->second) ++want;
  };
  skip_deletions();
  Status s = scan(keys::kIdentity, [&](std::string_view k, std::string_view v) {
    for (; want != expected->end() && want->first < k; ++want, skip_deletions()) {
      problem("identity: row {} is missing", hex(want->first));
    }
    if (want == expected->end() || want->first != k) {
      problem("identity: row {} follows from no entity or alias", hex(k));
    } else {
      if (*want->second != v) problem("identity: row {} differs from its entities and aliases", hex(k));
      ++want;
      skip_deletions();
    }
    return true;
  });
  if (!s) return s;
  for (; want != expected->end(); ++want, skip_deletions()) problem("identity: row {} is missing", hex(want->first));
  return Status::ok();
}

void CheckRun::check_totals() {
  const auto compare = [&](std::string_view what, uint64_t stored, uint64_t counted) {
    if (stored != counted) problem("meta: totals say {} {}, the store holds {}", stored, what, counted);
  };
  compare("documents", totals_.documents, rows_.documents);
  compare("sentences", totals_.sentences, rows_.sentences);
  compare("entities", totals_.entities, rows_.entities);
  compare("relations", totals_.relations, rows_.relations);
  compare("edges", totals_.edges, rows_.edges);
  compare("evidence rows", totals_.evidence, rows_.evidence);
  compare("aliases", totals_.aliases, rows_.aliases);
  for (size_t t = 0; t < kEntityTypeCount; ++t) {
    compare(fmt::format("{} entities", entity_type_name(static_cast<EntityType>(t))), totals_.entities_by_type[t],
            rows_.entities_by_type[t]);
  }
}

Status CheckRun::run() {
  if (Status s = impl_.convert(impl_.db->VerifyChecksum(), "verifying checksums"); !s) {
    if (s.code() != Status::Code::kCorruption) return s;
    problem("{}", s.message());
  }
  using Step = Status (CheckRun::*)();
  for (Step step : {&CheckRun::read_meta, &CheckRun::check_documents, &CheckRun::check_relations,
                    &CheckRun::check_entities_and_mentions, &CheckRun::check_edges_and_evidence,
                    &CheckRun::check_identity, &CheckRun::check_edit_records}) {
    Status s = (this->*step)();
    if (!s) {
      if (s.code() != Status::Code::kCorruption) return s;
      problem("{}", s.message());
      return Status::ok();
    }
  }
  check_totals();
  return Status::ok();
}

}  // namespace

Result<CheckReport> Store::check() {
  if (Status s = refresh(); !s) return s;
  CheckReport report;
  CheckRun run(*impl_, report);
  if (Status s = run.run(); !s) return s;
  return report;
}

}  // namespace kg::store
