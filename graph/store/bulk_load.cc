// Bulk load of TSV triples: one document per file, written as sorted table
// files and ingested into all column families in one atomic step.
//
// Why SST ingestion: a 1M-line file becomes about 5M rows; building them in
// memory, sorting them, and handing RocksDB finished table files skips the
// WAL, the memtables and the first compactions that a WriteBatch path would
// pay for. IngestExternalFiles records the files of every family in one
// MANIFEST edit, so a crash leaves the whole file loaded or not at all.
//
// Counts stay consistent with put_document: each line is one evidence row of
// sentence (line - 1); each occurrence of a name is one mention and one use
// of its alias; existing edges, entities and aliases get their counts added.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <future>
#include <rocksdb/sst_file_writer.h>
#include <unordered_map>

#include "base/utf8.h"
#include "base/name_key.h"
#include "base/try.h"
#include "graph/store/entity_lookup.h"
#include "graph/store/store_impl.h"
#include "graph/store/surname_folds.h"

namespace kg::store {

namespace fs = std::filesystem;

namespace {

struct Triple {
  uint32_t subject, relation, object;  // local indexes, then stored ids
  uint32_t sentence;                   // line - 1
};

std::string content_hash(std::string_view data) {
  uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a, 64 bit
  for (unsigned char c : data) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return fmt::format("fnv1a64:{:016x}:{}", h, data.size());
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec || fs::is_directory(path, ec)) return Status::invalid_input(fmt::format("{}: not a regular file", path));
  std::string data(size, '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  if (static_cast<uint64_t>(in.gcount()) != size) return Status::io_error(fmt::format("{}: short read", path));
  return data;
}

// The parsed file: distinct names and relations (views into the file) and
// the triples naming them by index.
struct ParsedFile {
  std::vector<std::string_view> names, relations;
  std::vector<Triple> triples;
  uint32_t lines = 0;
};

// 1-based line of byte `offset` of `data`.
size_t line_of(std::string_view data, size_t offset) {
  return 1 + std::count(data.begin(), data.begin() + static_cast<ptrdiff_t>(offset), '\n');
}

// A subject or object whose name normalises to nothing ("!!!", "???",
// spaces) would merge with every other such name into one entity.
Status check_name(std::string_view name, const char* role, const std::string& path, uint32_t line) {
  if (!names::name_key(name).empty()) return Status::ok();
  return Status::invalid_input(
      fmt::format("{}:{}: the {} \"{}\" has no letters or digits, so it names no entity", path, line, role, name));
}

Result<ParsedFile> parse(const std::string& path, std::string_view file_data, const BulkLoadProgressFn& progress) {
  // A byte order mark is no part of the first subject. Offsets below are
  // within `data`; line numbers are the same either way.
  const std::string_view data = utf8::without_bom(file_data);
  if (auto bad = utf8::first_invalid_byte(data)) {
    return Status::invalid_input(fmt::format("{}:{}: invalid UTF-8", path, line_of(data, *bad)));
  }
  if (const size_t nul = data.find('\0'); nul != std::string_view::npos) {
    return Status::invalid_input(fmt::format("{}:{}: NUL byte (binary data, not TSV text)", path, line_of(data, nul)));
  }
  ParsedFile out;
  std::unordered_map<std::string_view, uint32_t> name_index, relation_index;
  name_index.reserve(data.size() / 100);
  const auto intern = [](std::unordered_map<std::string_view, uint32_t>& index, std::vector<std::string_view>& list,
                         std::string_view s) {
    auto [it, inserted] = index.try_emplace(s, static_cast<uint32_t>(list.size()));
    if (inserted) list.push_back(s);
    return it->second;
  };
  out.triples.reserve(data.size() / 30);
  size_t pos = 0;
  uint32_t line = 0;
  size_t next_report = 0;
  while (pos < data.size()) {
    ++line;
    const char* start = data.data() + pos;
    const char* nl = static_cast<const char*>(std::memchr(start, '\n', data.size() - pos));
    size_t len = nl ? static_cast<size_t>(nl - start) : data.size() - pos;
    pos += len + (nl ? 1 : 0);
    std::string_view text(start, len);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.empty() || text[0] == '#') continue;
    const size_t t1 = text.find('\t');
    const size_t t2 = t1 == std::string_view::npos ? t1 : text.find('\t', t1 + 1);
    if (t2 == std::string_view::npos || text.find('\t', t2 + 1) != std::string_view::npos) {
      const size_t fields = 1 + std::count(text.begin(), text.end(), '\t');
      return Status::invalid_input(fmt::format(
          "{}:{}: expected 3 tab-separated fields (subject, relation, object), found {}", path, line, fields));
    }
    const std::string_view s = text.substr(0, t1), r = text.substr(t1 + 1, t2 - t1 - 1), o = text.substr(t2 + 1);
    if (s.empty() || r.empty() || o.empty()) {
      return Status::invalid_input(
          fmt::format("{}:{}: empty {}", path, line, s.empty() ? "subject" : r.empty() ? "relation" : "object"));
    }
    if (Status bad = check_name(s, "subject", path, line); !bad.is_ok()) return bad;
    if (Status bad = check_name(o, "object", path, line); !bad.is_ok()) return bad;
    out.triples.push_back({intern(name_index, out.names, s), intern(relation_index, out.relations, r),
                           intern(name_index, out.names, o), line - 1});
    if (progress && pos >= next_report) {
      progress({"reading", pos, data.size(), line});
      next_report = pos + (4 << 20);
    }
  }
  if (out.triples.empty()) {
    return Status::invalid_input(
        fmt::format("{}: no triples (the file is empty or holds only blank and comment lines)", path));
  }
  out.lines = line;
  return out;
}

// Writes one family's rows (already sorted) to a table file.
class TableFile {
 public:
  TableFile(const std::string& dir, size_t family) : family_(family), path_(fmt::format("{}/{}.sst", dir, keys::family_name(family))) {
    rocksdb::Options options(rocksdb::DBOptions(), family_options(family));
    options.compression = rocksdb::kZSTD;  // SstFileWriter uses bottommost_compression anyway: these files land there
    writer_ = std::make_unique<rocksdb::SstFileWriter>(rocksdb::EnvOptions(), options);
  }
  rocksdb::Status open() { return writer_->Open(path_); }
  rocksdb::Status put(std::string_view k, std::string_view v) {
    ++rows_;
    return writer_->Put(rocksdb::Slice(k.data(), k.size()), rocksdb::Slice(v.data(), v.size()));
  }
  rocksdb::Status erase(std::string_view k) {
    ++rows_;
    return writer_->Delete(rocksdb::Slice(k.data(), k.size()));
  }
  rocksdb::Status finish() { return writer_->Finish(); }
  size_t family() const { return family_; }
  const std::string& path() const { return path_; }
  uint64_t rows() const { return rows_; }

 private:
  size_t family_;
  std::string path_;
  std::unique_ptr<rocksdb::SstFileWriter> writer_;
  uint64_t rows_ = 0;
};

}  // namespace

Status check_triples(std::string_view data, const std::string& path) {
  Result<ParsedFile> parsed = parse(path, data, {});
  return parsed ? Status::ok() : parsed.status();
}

Result<BulkLoadResult> Store::load_triples(const std::string& path, const BulkLoadProgressFn& progress) {
  Impl& impl = *impl_;
  KG_TRY(impl.ensure_writable());
  Result<std::string> file = read_file(path);
  if (!file) return file.status();
  const std::string_view data = *file;
  const std::string hash = content_hash(data);

  BulkLoadResult result;
  Result<std::optional<DocumentInfo>> existing = find_document(path);
  if (!existing) return existing.status();
  if (*existing && (*existing)->content_hash == hash) {
    result.outcome = PutOutcome::kUnchanged;
    result.number = (*existing)->number;
    result.lines = (*existing)->fact_count;
    return result;
  }
  {
    std::string value;
    Result<bool> found = impl.get(keys::kDocHash, hash, &value);
    if (!found) return found.status();
    if (*found && value.size() == 4) {
      Result<std::optional<DocumentInfo>> other = document(keys::get_u32(value.data()));
      if (!other) return other.status();
      if (*other) {
        result.outcome = PutOutcome::kUnchanged;
        result.number = (*other)->number;
        result.lines = (*other)->fact_count;
        result.duplicate_of = (*other)->id;
        return result;
      }
    }
  }

  Result<ParsedFile> parsed = parse(path, data, progress);
  if (!parsed) return parsed.status();
  ParsedFile& pf = *parsed;

  // Changed content under the same id: the previous load goes first, in its
  // own commit (a crash between the two leaves the file simply not loaded;
  // loading it again completes it).
  if (*existing) {
    KG_TRY(remove_document(path));
    result.outcome = PutOutcome::kReplaced;
  }

  records::NextIds next = impl.next_ids;
  Stats totals = impl.totals;
  const DocNo number = next.doc++;
  result.number = number;

  // Names -> entity ids. Names that normalise alike are one entity, as in a document.
  if (progress) progress({"resolving", data.size(), data.size(), pf.lines});
  const bool store_has_entities = totals.entities > 0;
  std::vector<EntityId> entity_of(pf.names.size());
  std::vector<std::string> normalized(pf.names.size());
  std::unordered_map<std::string_view, EntityId> by_normalized;
  by_normalized.reserve(pf.names.size());
  std::vector<EntityId> created;
  for (size_t i = 0; i < pf.names.size(); ++i) {
    normalized[i] = names::name_key(pf.names[i]);
    auto it = by_normalized.find(normalized[i]);
    if (it != by_normalized.end()) {
      entity_of[i] = it->second;
      continue;
    }
    std::optional<EntityId> id;
    if (store_has_entities) {
      Result<std::optional<EntityId>> stored = find_stored_entity(impl, normalized[i], std::nullopt);
      if (!stored) return stored.status();
      id = *stored;
    }
    if (!id) {
      id = next.entity++;
      created.push_back(*id);
    }
    entity_of[i] = *id;
    by_normalized.emplace(normalized[i], *id);
  }
  std::vector<RelationId> relation_of(pf.relations.size());
  std::vector<std::pair<RelationId, std::string_view>> new_relations;
  for (size_t i = 0; i < pf.relations.size(); ++i) {
    Result<std::optional<RelationId>> stored = find_relation(pf.relations[i]);
    if (!stored) return stored.status();
    if (*stored) {
      relation_of[i] = **stored;
    } else {
      relation_of[i] = next.relation++;
      new_relations.emplace_back(relation_of[i], pf.relations[i]);
    }
  }

  // Mentions and alias uses per name occurrence.
  std::vector<uint32_t> uses_of_name(pf.names.size(), 0);
  for (const Triple& t : pf.triples) {
    ++uses_of_name[t.subject];
    ++uses_of_name[t.object];
  }
  std::map<EntityId, records::MentionsValue> mentions;
  for (size_t i = 0; i < pf.names.size(); ++i) {
    records::MentionsValue& m = mentions[entity_of[i]];
    m.mentions += uses_of_name[i];
    bool merged = false;
    for (records::AliasCount& a : m.aliases) {
      if (a.normalized == normalized[i]) {
        a.count += uses_of_name[i];
        merged = true;
      }
    }
    if (!merged) m.aliases.push_back({normalized[i], std::string(pf.names[i]), uses_of_name[i]});
  }

  if (progress) progress({"sorting", data.size(), data.size(), pf.lines});
  // Sentences are in line order already; evidence is sorted by edge then line.
  for (Triple& t : pf.triples) {
    t.subject = entity_of[t.subject];
    t.relation = relation_of[t.relation];
    t.object = entity_of[t.object];
  }
  std::vector<Triple> evidence = pf.triples;
  std::sort(evidence.begin(), evidence.end(), [](const Triple& a, const Triple& b) {
    if (a.subject != b.subject) return a.subject < b.subject;
    if (a.relation != b.relation) return a.relation < b.relation;
    if (a.object != b.object) return a.object < b.object;
    return a.sentence < b.sentence;
  });
  struct EdgeRow {
    keys::EdgeKey key;
    records::EdgeValue value;
  };
  std::vector<EdgeRow> edges;
  for (const Triple& t : evidence) {
    const keys::EdgeKey key{t.subject, t.relation, t.object};
    if (edges.empty() || edges.back().key != key) edges.push_back({key, {0, 1.0f}});
    ++edges.back().value.count;
  }
  const bool store_has_edges = totals.edges > 0;
  std::string value;
  uint64_t new_edges = 0;
  for (EdgeRow& e : edges) {
    bool found_edge = false;
    if (store_has_edges) {
      Result<bool> found = impl.get(keys::kEdgesOut, e.key.encode_out(), &value);
      if (!found) return found.status();
      records::EdgeValue old;
      if (*found) {
        if (!records::decode(value, &old)) return impl.bad_record(keys::kEdgesOut, e.key.encode_out());
        e.value.count += old.count;
        e.value.confidence = std::max(e.value.confidence, old.confidence);
        found_edge = true;
      }
    }
    if (!found_edge) ++new_edges;
  }

  // Entities (new and updated) and aliases (new and updated).
  std::vector<std::pair<EntityId, records::EntityValue>> entity_rows;
  std::vector<std::pair<std::string, std::string>> alias_rows;
  uint64_t new_aliases = 0;
  FoldIndexChange folds(impl);  // the identity rows these entities and aliases imply
  std::vector<bool> is_created(next.entity, false);
  for (EntityId id : created) is_created[id] = true;
  for (const auto& [id, m] : mentions) {
    records::EntityValue entity;
    if (is_created[id]) {
      // the first name of the file seen for this entity is its canonical name
      entity = records::EntityValue{EntityType::kMisc, 0, m.aliases.front().surface};
      ++totals.entities;
      ++totals.entities_by_type[static_cast<size_t>(EntityType::kMisc)];
    } else {
      Result<bool> found = impl.get(keys::kEntities, keys::id_key(id), &value);
      if (!found) return found.status();
      if (!*found || !records::decode(value, &entity)) return impl.bad_record(keys::kEntities, keys::id_key(id));
    }
    std::optional<records::EntityValue> before;
    if (!is_created[id]) before = entity;
    entity.mentions += m.mentions;
    folds.entity(id, before, entity);
    entity_rows.emplace_back(id, std::move(entity));
    for (const records::AliasCount& a : m.aliases) {
      folds.alias(a.normalized, id, a.count);
      std::string key = keys::AliasKey{a.normalized, id}.encode();
      records::AliasValue alias{0, a.surface};
      if (!is_created[id]) {
        Result<bool> found = impl.get(keys::kAliases, key, &value);
        if (!found) return found.status();
        if (*found && !records::decode(value, &alias)) return impl.bad_record(keys::kAliases, key);
        if (!*found) ++new_aliases;
      } else {
        ++new_aliases;
      }
      alias.count += a.count;
      alias_rows.emplace_back(std::move(key), records::encode(alias));
    }
  }
  std::sort(alias_rows.begin(), alias_rows.end());
  Result<FoldIndexChange::Rows> identity_rows = folds.rows();
  if (!identity_rows) return identity_rows.status();

  DocumentInfo info;
  info.number = number;
  info.id = path;
  info.title = fs::path(path).filename().string();
  info.source = "triples";
  info.content_hash = hash;
  info.sentence_count = pf.lines;
  info.fact_count = static_cast<uint32_t>(pf.triples.size());
  info.kind = DocumentKind::kTriples;

  totals.documents += 1;
  totals.relations += new_relations.size();
  totals.edges += new_edges;
  totals.evidence += pf.triples.size();
  totals.aliases += new_aliases;

  // This load is one more counted write, like a WriteBatch through Store::Impl::write.
  const uint64_t write_count = impl.write_count + 1;

  // Table files, one per family, each written in key order.
  if (progress) progress({"writing", data.size(), data.size(), pf.lines});
  const std::string tmp = (fs::path(impl.dir) / kBulkLoadTempDir).string();
  std::error_code ec;
  fs::remove_all(tmp, ec);
  fs::create_directories(tmp, ec);
  if (ec) return Status::io_error(fmt::format("{}: cannot create {}: {}", impl.dir, tmp, ec.message()));
  struct Cleanup {
    std::string dir;
    ~Cleanup() {
      std::error_code e;
      fs::remove_all(dir, e);
    }
  } cleanup{tmp};

  // Two writer threads (the machine has two cores): the evidence file, the
  // biggest, in one; the edge files and the small ones in the other.
  std::vector<EdgeRow> edges_in = edges;
  std::sort(edges_in.begin(), edges_in.end(), [](const EdgeRow& a, const EdgeRow& b) {
    if (a.key.object != b.key.object) return a.key.object < b.key.object;
    if (a.key.relation != b.key.relation) return a.key.relation < b.key.relation;
    return a.key.subject < b.key.subject;
  });
  std::vector<std::pair<std::string, std::string>> relation_rows;
  for (const auto& [id, phrase] : new_relations) {
    relation_rows.emplace_back(keys::relation_id_key(id), std::string(phrase));
    relation_rows.emplace_back(keys::relation_phrase_key(phrase), keys::id_key(id));
  }
  std::sort(relation_rows.begin(), relation_rows.end());

  std::vector<std::unique_ptr<TableFile>> files;
  for (size_t family : {keys::kEvidence, keys::kEdgesOut, keys::kEdgesIn, keys::kDocEntities, keys::kEntities,
                        keys::kAliases, keys::kRelations, keys::kDocs, keys::kDocIds, keys::kDocHash, keys::kMeta,
                        keys::kIdentity}) {
    files.push_back(std::make_unique<TableFile>(tmp, family));
  }
  const auto table_of = [&](size_t family) -> TableFile& {
    for (auto& f : files) {
      if (f->family() == family) return *f;
    }
    std::abort();  // every family above has a file
  };
  const auto write_evidence = [&]() -> rocksdb::Status {
    TableFile& f = table_of(keys::kEvidence);
    rocksdb::Status s = f.open();
    const std::string ev = records::encode(records::EvidenceValue{});
    for (size_t i = 0; s.ok() && i < evidence.size(); ++i) {
      const Triple& t = evidence[i];
      s = f.put(keys::EvidenceKey{{t.subject, t.relation, t.object}, number, t.sentence}.encode(), ev);
    }
    return s.ok() ? f.finish() : s;
  };
  const auto write_rest = [&]() -> rocksdb::Status {
    rocksdb::Status s;
    const auto rows = [&](size_t family, const auto& list, const auto& key_of, const auto& value_of) {
      if (!s.ok()) return;
      TableFile& f = table_of(family);
      if (list.empty()) return;
      s = f.open();
      for (auto it = list.begin(); s.ok() && it != list.end(); ++it) s = f.put(key_of(*it), value_of(*it));
      if (s.ok()) s = f.finish();
    };
    const auto edge_value = [](const EdgeRow& e) { return records::encode(e.value); };
    rows(keys::kEdgesOut, edges, [](const EdgeRow& e) { return e.key.encode_out(); }, edge_value);
    rows(keys::kEdgesIn, edges_in, [](const EdgeRow& e) { return e.key.encode_in(); }, edge_value);
    rows(keys::kDocEntities, mentions, [&](const auto& m) { return keys::PairKey{number, m.first}.encode(); },
         [](const auto& m) { return records::encode(m.second); });
    rows(keys::kEntities, entity_rows, [](const auto& e) { return keys::id_key(e.first); },
         [](const auto& e) { return records::encode(e.second); });
    const auto first = [](const auto& kv) { return kv.first; };
    const auto second = [](const auto& kv) { return kv.second; };
    rows(keys::kAliases, alias_rows, first, second);
    rows(keys::kRelations, relation_rows, first, second);
    if (s.ok() && !identity_rows->empty()) {
      TableFile& f = table_of(keys::kIdentity);
      s = f.open();
      for (auto it = identity_rows->begin(); s.ok() && it != identity_rows->end(); ++it) {
        s = it->second ? f.put(it->first, *it->second) : f.erase(it->first);
      }
      if (s.ok()) s = f.finish();
    }
    using Rows = std::vector<std::pair<std::string, std::string>>;
    rows(keys::kDocs, Rows{{keys::id_key(number), records::encode(info)}}, first, second);
    rows(keys::kDocIds, Rows{{path, keys::id_key(number)}}, first, second);
    rows(keys::kDocHash, Rows{{hash, keys::id_key(number)}}, first, second);
    rows(keys::kMeta, Rows{{std::string(keys::kNextIdsKey), records::encode(next)},
                           {std::string(keys::kTotalsKey), records::encode(totals)},
                           {std::string(keys::kWriteCountKey), fmt::format("{}", write_count)}},
         first, second);
    return s;
  };
  std::future<rocksdb::Status> evidence_done = std::async(std::launch::async, write_evidence);
  rocksdb::Status rs = write_rest();
  const rocksdb::Status evidence_status = evidence_done.get();
  if (rs.ok()) rs = evidence_status;
  std::vector<rocksdb::IngestExternalFileArg> args;
  for (auto& f : files) {
    if (f->rows() == 0) continue;
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = impl.family(f->family());
    arg.external_files = {f->path()};
    arg.options.move_files = true;
    args.push_back(std::move(arg));
  }
  KG_TRY(impl.convert(rs, fmt::format("writing table files for {}", path)));
  if (progress) progress({"ingesting", data.size(), data.size(), pf.lines});
  // Writes that only the log holds go to table files first: the write
  // count this load carries must never cover a write the log alone holds.
  KG_TRY(impl.flush_all());
  kill_point("table files written, not yet ingested");
  const std::string doing = fmt::format("loading {}", path);
  KG_TRY(impl.written(impl.db->IngestExternalFiles(args), doing));
  // Journalled like every other write (Store::Impl::write): its count is
  // in the meta table file it ingested. The MANIFEST edit that ingested
  // the files makes them durable without the log, so this entry is never
  // reported lost; it keeps the journal a complete list of what changed
  // since the last flush.
  impl.write_count = write_count;
  KG_TRY(impl.journaled(write_count, doing));
  impl.next_ids = next;
  impl.totals = totals;
  impl.folds.reset();
  result.lines = pf.triples.size();
  result.new_entities = created.size();
  result.new_edges = new_edges;
  return result;
}

}  // namespace kg::store
