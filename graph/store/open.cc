// Opening and closing a store: directory checks, the writer lock, column
// family options, the schema version, and the reader modes.
#include <fmt/format.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>
#include <rocksdb/transaction_log.h>
#include <rocksdb/utilities/options_util.h>
#include <unistd.h>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "base/try.h"
#include "graph/store/store_impl.h"
#include "graph/store/surname_folds.h"

namespace kg::store {

namespace fs = std::filesystem;

namespace {

// Files RocksDB keeps in a store directory; one of them without CURRENT
// means the store was damaged, not that the directory is someone else's.
bool looks_like_rocksdb_file(const std::string& name) {
  return name.starts_with("MANIFEST-") || name.starts_with("OPTIONS-") || name.ends_with(".sst") ||
         name.ends_with(".log") || name == "IDENTITY" || name == "LOCK" || name == "LOG" || name.starts_with("LOG.old") ||
         name.ends_with(".dbtmp");
}

std::shared_ptr<rocksdb::Cache> shared_block_cache() {
  static std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(64 << 20);
  return cache;
}

// Column family options. Keys are short fixed-width integers, so blocks
// compress well with delta-encoded keys; LZ4 costs little CPU to read and,
// measured on the 1M-triple benchmark file, ZSTD for the bottommost level
// brings the store under the size budget. Point-read families get a bloom
// filter (misses are common: "is this name known?"); scan-only families do not.
}  // namespace

rocksdb::ColumnFamilyOptions family_options(size_t family) {
  rocksdb::ColumnFamilyOptions o;
  rocksdb::BlockBasedTableOptions t;
  t.block_cache = shared_block_cache();
  t.block_size = 16 * 1024;
  t.format_version = 5;
  t.cache_index_and_filter_blocks = false;
  const bool point_reads = family != keys::kEvidence && family != keys::kSentences &&
                           family != keys::kDocEntities && family != keys::kEdgesIn;
  if (point_reads) t.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
  o.compression = rocksdb::kLZ4Compression;
  o.bottommost_compression = rocksdb::kZSTD;
  o.write_buffer_size = 32 << 20;
  o.level_compaction_dynamic_level_bytes = true;
  return o;
}

namespace {

std::vector<rocksdb::ColumnFamilyDescriptor> descriptors() {
  std::vector<rocksdb::ColumnFamilyDescriptor> d;
  for (size_t f = 0; f < keys::kFamilyCount; ++f) {
    d.emplace_back(std::string(keys::family_name(f)), family_options(f));
  }
  return d;
}

rocksdb::DBOptions db_options(const OpenOptions& options) {
  rocksdb::DBOptions o;
  o.create_if_missing = false;
  o.create_missing_column_families = false;
  o.max_open_files = -1;  // readers open every table file up front: safe against a writer's compactions
  // ... on one thread: RocksDB's default starts 16 threads per column family
  // to open them, about 200 thread starts that cost a point query ~100 ms of
  // its wall time for a store of a few dozen files.
  o.max_file_opening_threads = 1;
  o.keep_log_file_num = 3;
  o.max_background_jobs = 2;
  o.paranoid_checks = true;
  o.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  // Damage to the write-ahead log is reported, never skipped: RocksDB's
  // default (point-in-time recovery) stops replaying at the first bad record
  // and drops every document after it without a word. A writer flushes when
  // it closes (Impl::~Impl), so a log holds only what a killed writer left.
  o.wal_recovery_mode = rocksdb::WALRecoveryMode::kAbsoluteConsistency;
  // Every flush takes all families at one point, so table files never hold
  // one family's half of a batch whose other half only the log holds: then
  // meta "write_count" in them says exactly which batches a lost log took
  // (write_journal.h).
  o.atomic_flush = true;
  if (options.env) o.env = options.env;
  return o;
}

// RocksDB's own files in `dir` when they are only what a creation killed
// before writing CURRENT leaves (the first MANIFEST, IDENTITY, LOCK, empty
// logs, temp files); nullopt when anything says the store had data.
std::optional<std::vector<fs::path>> interrupted_creation(const std::string& dir) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name == "KG_LOCK" || name == kJournalFile) continue;
    const bool leftover = name == "MANIFEST-000001" || name == "IDENTITY" || name == "LOCK" || name == "LOG" ||
                          name.starts_with("LOG.old") || name.ends_with(".dbtmp") ||
                          (name.ends_with(".log") && entry.file_size(ec) == 0);
    if (!leftover) return std::nullopt;
    files.push_back(entry.path());
  }
  if (ec) return std::nullopt;
  return files;
}

Status check_directory(const std::string& dir, bool must_exist, bool* fresh) {
  std::error_code ec;
  *fresh = false;
  if (!fs::exists(dir, ec)) {
    if (must_exist) return Status::not_found(fmt::format("no store at {} (create one with 'kg ingest')", dir));
    fs::create_directories(dir, ec);
    if (ec) return Status::io_error(fmt::format("{}: cannot create the store directory: {}", dir, ec.message()));
    *fresh = true;
    return Status::ok();
  }
  if (!fs::is_directory(dir, ec)) return Status::invalid_input(fmt::format("{} is not a directory", dir));
  if (fs::exists(fs::path(dir) / "CURRENT", ec)) return Status::ok();
  bool empty = true, rocks = false;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name == "KG_LOCK" || name == kJournalFile) continue;
    empty = false;
    rocks = rocks || looks_like_rocksdb_file(name);
  }
  if (ec) return Status::io_error(fmt::format("{}: cannot list the directory: {}", dir, ec.message()));
  if (rocks) {
    if (interrupted_creation(dir)) {
      if (must_exist) {
        return Status::invalid_input(fmt::format("{}: the store was not completely created (interrupted); any kg "
                                                 "command that writes (kg ingest) finishes it",
                                                 dir));
      }
      *fresh = true;  // the writer clears the leftovers once it holds the lock
      return Status::ok();
    }
    return Status::corruption(fmt::format(
        "{}: the store is damaged: its CURRENT file is missing (restore it from a backup or re-ingest into a new store)",
        dir));
  }
  if (!empty) return Status::invalid_input(fmt::format("{} is not a kg store (it holds other files)", dir));
  if (must_exist) return Status::not_found(fmt::format("no store at {} (create one with 'kg ingest')", dir));
  *fresh = true;
  return Status::ok();
}

// Whether the RocksDB database in `dir` has every kg column family (true),
// only some of them (false: a creation was interrupted), or others too
// (someone else's database: an error).
Result<bool> has_all_families(const std::string& dir, const rocksdb::DBOptions& options) {
  std::vector<std::string> names;
  rocksdb::Status rs = rocksdb::DB::ListColumnFamilies(options, dir, &names);
  if (!rs.ok()) {
    const std::string msg = rs.ToString();
    if (rs.IsCorruption()) {
      return Status::corruption(fmt::format("{}: the store is damaged ({}); restore it from a backup or re-ingest "
                                            "into a new store", dir, msg));
    }
    return Status::io_error(fmt::format("{}: cannot open the store: {}", dir, msg));
  }
  size_t ours = 0;
  for (const std::string& n : names) {
    bool known = false;
    for (size_t f = 0; f < keys::kFamilyCount; ++f) known = known || keys::family_name(f) == n;
    if (!known) return Status::invalid_input(fmt::format("{} is a RocksDB database but not a kg store", dir));
    ++ours;
  }
  return ours == keys::kFamilyCount;
}

// Whether a store that RocksDB refused as corrupt opens when its write-ahead
// log may be cut at the first bad record: then the damage is in the log.
// Read-only, so the damaged log stays for whoever repairs the store.
bool only_the_log_is_damaged(const std::string& dir, rocksdb::DBOptions options) {
  options.wal_recovery_mode = rocksdb::WALRecoveryMode::kPointInTimeRecovery;
  options.info_log_level = rocksdb::InfoLogLevel::ERROR_LEVEL;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  const rocksdb::Status s = rocksdb::DB::OpenForReadOnly(options, dir, descriptors(), &handles, &raw);
  for (auto* h : handles) {
    if (raw) raw->DestroyColumnFamilyHandle(h);
  }
  delete raw;
  return s.ok();
}

// Compares the journal, as read before RocksDB opened the store, with what
// the store holds (write_journal.h) and leaves the writer with an empty
// journal of its own. Journaled writes above the stored write count were
// lost with the write-ahead log: the open fails naming them, unless
// `accept_lost` (kg check --repair) keeps them in impl.lost_writes and lets
// the store go on without them.
Status settle_journal(Store::Impl& impl, const Result<std::vector<WriteJournal::Entry>>& entries, bool accept_lost) {
  if (impl.secondary) return Status::ok();  // the running writer appends to it
  std::string value;
  Result<bool> found = impl.get(keys::kMeta, keys::kWriteCountKey, &value);
  if (!found) return found.status();
  if (*found && std::from_chars(value.data(), value.data() + value.size(), impl.write_count).ptr !=
                    value.data() + value.size()) {
    return impl.bad_record(keys::kMeta, keys::kWriteCountKey);
  }
  if (!entries) return entries.status();
  const std::vector<WriteJournal::Entry> lost = WriteJournal::lost(*entries, impl.write_count);
  if (!lost.empty() && !accept_lost) {
    return Status::corruption(fmt::format(
        "{}: the store lost its last {} write{} ('{}'{}): the write-ahead log of a kg process that did not close is "
        "missing or damaged; nothing was changed; 'kg check --repair' lists what was lost and makes the store "
        "writable again",
        impl.dir, lost.size(), lost.size() == 1 ? "" : "s", lost.front().what, lost.size() > 1 ? " and after" : ""));
  }
  for (const WriteJournal::Entry& e : lost) impl.lost_writes.push_back(e.what);
  if (!impl.writable()) return Status::ok();
  Result<std::unique_ptr<WriteJournal>> journal = WriteJournal::open(impl.dir);
  if (!journal) return journal.status();
  impl.journal = std::move(*journal);
  // What the log replayed goes into table files before the journal that
  // names it is emptied: from here on the log is not needed for it. An
  // empty journal is still truncated, in case a kill left a torn line that
  // the next append would run into.
  return entries->empty() ? impl.journal->clear() : impl.flush_all();
}

// The journal with its last write's log inspected, before RocksDB opens
// the store (write_journal.h).
Result<std::vector<WriteJournal::Entry>> read_journal(const std::string& dir) {
  Result<std::vector<WriteJournal::Entry>> entries = WriteJournal::read(dir);
  if (entries) WriteJournal::inspect_log(dir, &*entries);
  return entries;
}

}  // namespace

std::string hex(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) out += fmt::format("{:02x}", c);
  return out;
}

Store::Impl::~Impl() {
  if (db) {
    // Everything goes into table files before the writer lets go, so no
    // reader replays a long log and a damaged log can cost nothing that was
    // committed before a clean close. A failure leaves the log in place,
    // which the next open replays (or reports as damaged).
    if (writable() && !secondary && !write_failed) {
      kill_point("closing, log not yet flushed");
      db->FlushWAL(/*sync=*/true).PermitUncheckedError();
      (void)flush_all();  // on failure the journal stays, naming what the log must replay
    }
    for (auto* h : cf) {
      if (h) db->DestroyColumnFamilyHandle(h);
    }
    db->Close();
    db.reset();
  }
  if (!secondary_dir.empty()) {
    std::error_code ec;
    fs::remove_all(secondary_dir, ec);
  }
}

Status Store::Impl::flush_all() {
  std::vector<rocksdb::ColumnFamilyHandle*> families;
  for (auto* h : cf) {
    if (h) families.push_back(h);
  }
  rocksdb::FlushOptions flush;
  flush.wait = true;
  if (Status s = convert(db->Flush(flush, families), "flushing"); !s) return s;
  return journal ? journal->clear() : Status::ok();
}

Status Store::Impl::write(rocksdb::WriteBatch& batch, std::string_view doing, bool sync) {
  const uint64_t count = write_count + 1;
  batch.Put(cf[keys::kMeta], rocksdb::Slice(keys::kWriteCountKey.data(), keys::kWriteCountKey.size()),
            fmt::format("{}", count));
  // Named before it can be in the store (write_journal.h), so that no
  // stored batch is ever missing from the journal, with where the log stood
  // (log 0 when RocksDB cannot say: no such log, so a cut-short write
  // counts as one that may have reached it).
  uint64_t log_number = 0, log_size = 0;
  if (std::unique_ptr<rocksdb::LogFile> log; journal && db->GetCurrentWalFile(&log).ok() && log) {
    log_number = log->LogNumber();
    log_size = log->SizeFileBytes();
  }
  if (journal && !journal->append_pending(count, log_number, log_size, doing)) {
    return Status::io_error(
        fmt::format("{}: cannot add {} to {} (the list of unflushed writes): {}; nothing of it "
                    "was written",
                    dir, doing, kJournalFile, std::strerror(errno)));
  }
  kill_point("journalled, not yet written");
  rocksdb::WriteOptions options;
  options.sync = sync;
  if (Status s = written(db->Write(options, &batch), doing); !s) return s;
  kill_point("written, not yet confirmed in the journal");
  write_count = count;
  return journaled(count, doing);
}

Status Store::Impl::journaled(uint64_t count, std::string_view doing) {
  if (journal && !journal->append_stored(count, doing)) {
    return Status::io_error(fmt::format("{}: {} is stored, but it could not be added to {} (the list of unflushed "
                                        "writes): {}", dir, doing, kJournalFile, std::strerror(errno)));
  }
  kill_point("committed write");
  return Status::ok();
}

Status Store::Impl::convert(const rocksdb::Status& s, std::string_view doing) const {
  if (s.ok()) return Status::ok();
  const std::string msg = s.ToString();
  if (s.IsNoSpace() || msg.find("No space left") != std::string::npos) {
    return Status::io_error(fmt::format("{}: disk full while {}; nothing of it was written ({})", dir, doing, msg));
  }
  if (s.IsCorruption()) {
    return Status::corruption(fmt::format("{}: the store is damaged ({}): {}; run 'kg check'", dir, doing, msg));
  }
  if (s.IsIOError() || s.IsPathNotFound()) {
    if (msg.find("lock") != std::string::npos && msg.find("LOCK") != std::string::npos) {
      return Status::locked(fmt::format("{}: store is locked by another process ({})", dir, msg));
    }
    return Status::io_error(fmt::format("{}: I/O error while {}: {}", dir, doing, msg));
  }
  if (s.IsInvalidArgument() || s.IsNotSupported()) {
    return Status::corruption(fmt::format("{}: cannot open the store ({}): {}", dir, doing, msg));
  }
  return Status::internal(fmt::format("{}: unexpected RocksDB error while {}: {}", dir, doing, msg));
}

Status Store::Impl::bad_record(size_t family, std::string_view key) const {
  return Status::corruption(fmt::format("{}: the store is damaged: malformed record in {} at key {}; run 'kg check'",
                                        dir, keys::family_name(family), hex(key)));
}

Result<bool> Store::Impl::get(size_t family, std::string_view key, std::string* value) const {
  const rocksdb::Status s = db->Get(rocksdb::ReadOptions(), cf[family], rocksdb::Slice(key.data(), key.size()), value);
  if (s.IsNotFound()) return false;
  if (!s.ok()) return convert(s, fmt::format("reading {}", keys::family_name(family)));
  return true;
}

Status Store::Impl::scan(size_t family, std::string_view prefix,
                         const std::function<bool(std::string_view, std::string_view)>& fn) const {
  rocksdb::ReadOptions ro;
  std::string upper = keys::prefix_successor(prefix);
  rocksdb::Slice upper_slice(upper);
  if (!prefix.empty() && !upper.empty()) ro.iterate_upper_bound = &upper_slice;
  ro.total_order_seek = true;
  if (prefix.empty()) ro.fill_cache = false;  // full scans would evict the useful blocks
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(ro, cf[family]));
  for (it->Seek(rocksdb::Slice(prefix.data(), prefix.size())); it->Valid(); it->Next()) {
    const rocksdb::Slice k = it->key();
    if (!k.starts_with(rocksdb::Slice(prefix.data(), prefix.size()))) break;
    const rocksdb::Slice v = it->value();
    if (!fn(std::string_view(k.data(), k.size()), std::string_view(v.data(), v.size()))) break;
  }
  return convert(it->status(), fmt::format("reading {}", keys::family_name(family)));
}

Status Store::Impl::load_meta() {
  std::string value;
  Result<bool> found = get(keys::kMeta, keys::kNextIdsKey, &value);
  if (!found) return found.status();
  if (!*found || !records::decode(value, &next_ids)) return bad_record(keys::kMeta, keys::kNextIdsKey);
  found = get(keys::kMeta, keys::kTotalsKey, &value);
  if (!found) return found.status();
  if (!*found || !records::decode(value, &totals)) return bad_record(keys::kMeta, keys::kTotalsKey);
  return Status::ok();
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

const std::string& Store::dir() const { return impl_->dir; }
bool Store::read_only() const { return !impl_->writable(); }
const std::vector<std::string>& Store::lost_writes() const { return impl_->lost_writes; }

Result<std::unique_ptr<Store>> Store::open(const std::string& dir, const OpenOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  impl->mode = options.mode;
  const bool writer = options.mode == OpenOptions::Mode::kReadWrite;

  bool fresh = false;
  KG_TRY(check_directory(dir, !writer || !options.create_if_missing, &fresh));

  rocksdb::DBOptions dbo = db_options(options);
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::Status rs;
  Result<std::vector<WriteJournal::Entry>> journal_entries = std::vector<WriteJournal::Entry>{};
  if (writer) {
    Result<std::unique_ptr<StoreLock>> lock = StoreLock::acquire(dir);
    if (!lock) return lock.status();
    impl->lock = std::move(*lock);
    std::error_code ec;
    fs::remove_all(fs::path(dir) / kBulkLoadTempDir, ec);  // left by a load that was killed
    if (fresh && !fs::exists(fs::path(dir) / "CURRENT", ec)) {
      // Leftovers of a creation that was killed before CURRENT existed.
      std::optional<std::vector<fs::path>> leftovers = interrupted_creation(dir);
      if (!leftovers) return Status::corruption(fmt::format("{}: the store changed while it was being opened", dir));
      for (const fs::path& p : *leftovers) fs::remove(p, ec);
    }
    bool unfinished = false;
    if (!fresh) {
      Result<bool> complete = has_all_families(dir, dbo);
      if (!complete) return complete.status();
      unfinished = !*complete;
    }
    dbo.create_if_missing = fresh;
    // A creation killed half-way leaves some families; the writer finishes it.
    dbo.create_missing_column_families = fresh || unfinished;
    // kg check --repair: replay the log up to its first bad record; the
    // journal says what was beyond it.
    if (options.accept_lost_writes) dbo.wal_recovery_mode = rocksdb::WALRecoveryMode::kPointInTimeRecovery;
    journal_entries = read_journal(dir);
    rocksdb::DB* raw = nullptr;
    rs = rocksdb::DB::Open(dbo, dir, descriptors(), &handles, &raw);
    impl->db.reset(raw);
  } else {
    dbo.info_log_level = rocksdb::InfoLogLevel::ERROR_LEVEL;
    Result<bool> complete = has_all_families(dir, dbo);
    if (!complete) return complete.status();
    if (!*complete) {
      return Status::invalid_input(fmt::format(
          "{}: the store was not completely created (interrupted) or was written by an older kg; any kg command "
          "that writes (kg ingest) finishes it",
          dir));
    }
    rocksdb::DB* raw = nullptr;
    if (StoreLock::holder(dir)) {
      // A writer is running: a secondary instance follows its MANIFEST and WAL.
      std::string tmpl = (fs::temp_directory_path() / "kg-reader-XXXXXX").string();
      if (!mkdtemp(tmpl.data())) return Status::io_error(fmt::format("cannot create a temporary directory: {}", tmpl));
      impl->secondary_dir = tmpl;
      impl->secondary = true;
      // The writer may be half-way through appending a record to the log
      // this instance follows: a torn tail is the normal state here.
      dbo.wal_recovery_mode = rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords;
      rs = rocksdb::DB::OpenAsSecondary(dbo, dir, impl->secondary_dir, descriptors(), &handles, &raw);
      if (rs.ok()) rs = raw->TryCatchUpWithPrimary();
    } else {
      journal_entries = read_journal(dir);
      rs = rocksdb::DB::OpenForReadOnly(dbo, dir, descriptors(), &handles, &raw);
    }
    impl->db.reset(raw);
  }
  if (!rs.ok()) {
    for (auto* h : handles) delete h;
    handles.clear();
    impl->db.reset();
    if (rs.IsInvalidArgument() && rs.ToString().find("olumn famil") != std::string::npos) {
      return Status::invalid_input(
          fmt::format("{} is not a kg schema v{} store ({})", dir, kSchemaVersion, rs.ToString()));
    }
    if (rs.IsCorruption() && !impl->secondary && only_the_log_is_damaged(dir, dbo)) {
      return Status::corruption(fmt::format(
          "{}: the store is damaged: its write-ahead log (the last writes of a kg process that did not close) does "
          "not replay ({}); nothing was changed; 'kg check --repair' keeps what the log holds up to the damage and lists "
          "what is lost",
          dir, rs.ToString()));
    }
    return impl->convert(rs, "opening");
  }
  for (size_t f = 0; f < handles.size() && f < keys::kFamilyCount; ++f) impl->cf[f] = handles[f];
  if (Status s = settle_journal(*impl, journal_entries, writer && options.accept_lost_writes); !s) return s;

  std::string version;
  Result<bool> found = impl->get(keys::kMeta, keys::kSchemaVersionKey, &version);
  if (!found) return found.status();
  if (!*found && writer && !fresh) {
    // Created, but killed before its first write: finish it, provided meta
    // is really empty (never overwrite the counters of a damaged store).
    bool meta_empty = true;
    Status s = impl->scan(keys::kMeta, "", [&](std::string_view, std::string_view) { return meta_empty = false; });
    if (!s) return s;
    fresh = meta_empty;
  }
  if (fresh) {
    rocksdb::WriteBatch batch;
    std::string version;
    keys::put_u32(version, kSchemaVersion);
    batch.Put(impl->cf[keys::kMeta], std::string(keys::kSchemaVersionKey), version);
    batch.Put(impl->cf[keys::kMeta], std::string(keys::kNextIdsKey), records::encode(impl->next_ids));
    batch.Put(impl->cf[keys::kMeta], std::string(keys::kTotalsKey), records::encode(impl->totals));
    batch.Put(impl->cf[keys::kMeta], std::string(keys::kIdentityVersionKey), identity_version_value());
    rocksdb::WriteOptions wo;
    wo.sync = true;
    kill_point("store files created, schema not yet written");
    KG_TRY(impl->written(impl->db->Write(wo, &batch), "creating the store"));
    kill_point("schema written");  // not journalled: a lost creation is finished by the next writer
  }

  found = impl->get(keys::kMeta, keys::kSchemaVersionKey, &version);
  if (!found) return found.status();
  if (!*found) {
    bool meta_empty = true;
    Status s = impl->scan(keys::kMeta, "", [&](std::string_view, std::string_view) { return meta_empty = false; });
    if (!s) return s;
    if (meta_empty) {
      return Status::invalid_input(fmt::format(
          "{}: the store was not completely created (interrupted); any kg command that writes (kg ingest) finishes it",
          dir));
    }
    return Status::invalid_input(fmt::format("{} is not a kg store (no schema version)", dir));
  }
  if (version.size() != 4) return impl->bad_record(keys::kMeta, keys::kSchemaVersionKey);
  const uint32_t stored = keys::get_u32(version.data());
  if (stored != kSchemaVersion) {
    return Status::invalid_input(fmt::format(
        "{}: the store has schema version {} but this kg reads schema version {}; use the kg release that "
        "wrote it, or re-ingest the articles into a new store",
        dir, stored, kSchemaVersion));
  }
  KG_TRY(impl->load_meta());
  if (writer) {
    // A store written before the identity family existed, or before its
    // rows had this layout: derive its rows now.
    KG_TRY(fill_identity_rows_if_missing(*impl));
  } else {
    Result<bool> current = identity_rows_current(*impl);
    if (!current) return current.status();
    if (!*current) {
      return Status::invalid_input(fmt::format(
          "{}: the store's identity index was written by an older kg; any kg command that writes (kg ingest) "
          "rebuilds it",
          dir));
    }
  }
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Status Store::refresh() {
  if (!impl_->secondary) return Status::ok();
  KG_TRY(impl_->convert(impl_->db->TryCatchUpWithPrimary(), "catching up with the writer"));
  impl_->folds.reset();
  return impl_->load_meta();
}

}  // namespace kg::store
