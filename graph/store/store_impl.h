// The inside of a Store (private to graph/store): the RocksDB handles and the
// small helpers every part of the store uses to read and to turn RocksDB
// statuses into kg statuses.
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <rocksdb/db.h>
#include <rocksdb/env.h>
#include <string>
#include <string_view>

#include "base/kill_point.h"
#include "graph/store/keys.h"
#include "graph/store/records.h"
#include "graph/store/store.h"
#include "graph/store/store_lock.h"
#include "graph/store/write_journal.h"

namespace kg::store {

struct SurnameFolds;

struct Store::Impl {
  std::string dir;
  OpenOptions::Mode mode = OpenOptions::Mode::kReadOnly;
  bool secondary = false;      // a RocksDB secondary instance (a writer was running at open)
  std::string secondary_dir;   // its private directory, removed on close
  std::unique_ptr<StoreLock> lock;  // held by the writer only
  std::unique_ptr<rocksdb::Env> owned_env;
  std::unique_ptr<rocksdb::DB> db;
  std::array<rocksdb::ColumnFamilyHandle*, keys::kFamilyCount> cf{};

  // The writer's copies of meta "next_ids" and "totals"; every write batch
  // stores the updated values, so they never run ahead of what is committed.
  records::NextIds next_ids;
  Stats totals;

  // Bare-surname folds (surname_folds.h): loaded from the identity family by
  // the first read that needs them, dropped by every write and refresh. Like
  // the rest of a Store, not for use from several threads at once.
  mutable std::shared_ptr<const SurnameFolds> folds;
  // Inside Store::edit_together: the edits recorded or undone so far, by
  // number, not yet written; they read as if stored (over a stored edit of
  // the same number).
  std::optional<std::vector<Edit>> held_edits;
  Result<std::shared_ptr<const SurnameFolds>> surname_folds() const;

  ~Impl();

  rocksdb::ColumnFamilyHandle* family(size_t f) const { return cf[f]; }
  bool writable() const { return mode == OpenOptions::Mode::kReadWrite; }
  Status ensure_writable() const;  // kInvalidInput on a read-only store

  // RocksDB status -> kg status, with the store directory and what was being done.
  Status convert(const rocksdb::Status& s, std::string_view doing) const;

  // convert() for the status of a write. A failed write leaves RocksDB's log
  // writer in an error state in which flushing or syncing it trips an
  // assertion of Debian's librocksdb (writable_file_writer.h
  // sync_without_flush_called_); the writer then closes without flushing,
  // and the next open replays the log.
  Status written(const rocksdb::Status& s, std::string_view doing) {
    if (!s.ok()) write_failed = true;
    return convert(s, doing);
  }
  bool write_failed = false;

  // Writes `batch` with meta "write_count" one higher, naming that count
  // and `doing` ("storing document X": what losing it would cost) in the
  // journal before and after the write (write_journal.h). Every batch that only the write-ahead log
  // holds until the next flush goes through here.
  Status write(rocksdb::WriteBatch& batch, std::string_view doing, bool sync = false);
  uint64_t write_count = 0;  // meta "write_count" as last written or read
  // Confirms in the journal that the write `count` (`doing`) is stored;
  // then the kill point "committed write".
  Status journaled(uint64_t count, std::string_view doing);

  // The writer's journal of unflushed writes; emptied after each full flush.
  std::unique_ptr<WriteJournal> journal;
  // Writes the journal names that the store does not hold (kept only when
  // OpenOptions::accept_lost_writes let the open go on).
  std::vector<std::string> lost_writes;
  // Flushes every family to table files (the write-ahead log is then no
  // longer needed) and empties the journal.
  Status flush_all();

  // Point read: true and *value when the key exists.
  Result<bool> get(size_t family, std::string_view key, std::string* value) const;

  // Calls fn(key, value) for every key starting with `prefix` ("" = all), in
  // key order; fn returns false to stop. Iteration errors become statuses.
  Status scan(size_t family, std::string_view prefix,
              const std::function<bool(std::string_view key, std::string_view value)>& fn) const;

  // Loads meta next_ids/totals into the copies above.
  Status load_meta();

  // Status::corruption for a record that does not decode.
  Status bad_record(size_t family, std::string_view key) const;
};

// The RocksDB options of each column family (open.cc); the bulk loader
// writes its table files with the same ones.
rocksdb::ColumnFamilyOptions family_options(size_t family);

// Where the bulk loader writes table files before ingesting them; a crash
// can leave it behind, and the next writer removes it.
inline constexpr const char* kBulkLoadTempDir = "bulk-load.tmp";

// Reads TSV triples as load_triples does, storing nothing (bulk_load.cc;
// the fuzz target tools/fuzz/tsv_fuzz.cc drives it).
Status check_triples(std::string_view data, const std::string& path);

// Hex of a key for messages.
std::string hex(std::string_view bytes);

}  // namespace kg::store
