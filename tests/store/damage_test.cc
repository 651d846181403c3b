// Damage and contention: another schema version, a second writer, missing or
// corrupt files, a full disk. Each gives a clear status, never a crash, and
// never a half-written document.
#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <rocksdb/db.h>
#include <rocksdb/env.h>
#include <rocksdb/file_system.h>
#include <sys/wait.h>
#include <unistd.h>

#include "graph/identity/identity.h"
#include "tests/store/store_test_util.h"

namespace kg::store {
namespace {

using namespace kg::store::testing;
namespace fs = std::filesystem;

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST(StoreDamage, AnotherSchemaVersionIsRefused) {
  TempDir tmp;
  const std::string db = tmp.sub("kg.db");
  { ASSERT_TRUE(open_writer(db)->put_document(call_article()).is_ok()); }
  {
    // Rewrite the version as a future kg would have written it.
    std::vector<std::string> names;
    ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), db, &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const std::string& n : names) families.emplace_back(n, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(rocksdb::DBOptions(), db, families, &handles, &raw).ok());
    const auto meta = std::find(names.begin(), names.end(), "meta") - names.begin();
    ASSERT_TRUE(raw->Put(rocksdb::WriteOptions(), handles[meta], "schema_version", std::string("\0\0\0\3", 4)).ok());
    for (auto* h : handles) raw->DestroyColumnFamilyHandle(h);
    delete raw;
  }
  for (auto mode : {OpenOptions::Mode::kReadOnly, OpenOptions::Mode::kReadWrite}) {
    OpenOptions o;
    o.mode = mode;
    Result<std::unique_ptr<Store>> st = Store::open(db, o);
    ASSERT_FALSE(st.is_ok());
    EXPECT_TRUE(st.status().is_user_error());
    EXPECT_TRUE(contains(st.status().message(), "schema version 3")) << st.status().message();
    EXPECT_TRUE(contains(st.status().message(), "reads schema version 2")) << st.status().message();
  }
}

TEST(StoreDamage, SecondWriterInThisProcessGetsTheLockError) {
  TempDir tmp;
  auto first = open_writer(tmp.sub("kg.db"));
  OpenOptions o;
  o.mode = OpenOptions::Mode::kReadWrite;
  Result<std::unique_ptr<Store>> second = Store::open(tmp.sub("kg.db"), o);
  ASSERT_FALSE(second.is_ok());
  EXPECT_EQ(second.status().code(), Status::Code::kLocked);
  EXPECT_TRUE(contains(second.status().message(), "store is locked by another kg process (pid"))
      << second.status().message();
  // Readers are never locked out, and see what the writer committed.
  ASSERT_TRUE(first->put_document(call_article()).is_ok());
  auto reader = open_reader(tmp.sub("kg.db"));
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->stats()->documents, 1u);
}

bool wait_for_file(const std::string& path) {
  for (int i = 0; i < 3000 && !fs::exists(path); ++i) usleep(10000);
  return fs::exists(path);
}

TEST(StoreDamage, SecondWriterProcessGetsTheHoldersPid) {
  TempDir tmp;
  const std::string db = tmp.sub("kg.db");
  const pid_t child = spawn_self("StoreLockHolder.Run", {{"KG_LOCK_HOLDER", db}});
  ASSERT_GE(child, 0);
  ASSERT_TRUE(wait_for_file(db + ".ready"));
  OpenOptions o;
  o.mode = OpenOptions::Mode::kReadWrite;
  Result<std::unique_ptr<Store>> second = Store::open(db, o);
  ASSERT_FALSE(second.is_ok());
  EXPECT_EQ(second.status().code(), Status::Code::kLocked);
  EXPECT_TRUE(contains(second.status().message(), fmt::format("(pid {})", child))) << second.status().message();
  {
    // A reader works while the writer runs (a secondary instance).
    Result<std::unique_ptr<Store>> reader = Store::open(db, {});
    ASSERT_TRUE(reader.is_ok()) << reader.status().message();
    Result<Stats> s = (*reader)->stats();
    ASSERT_TRUE(s.is_ok()) << s.status().message();
    EXPECT_EQ(s->documents, 1u);
    EXPECT_FALSE(identity::find_entities(**reader, "Joe Biden")->empty());
  }
  write_file(db + ".release", "");
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  // The lock goes with its process.
  EXPECT_TRUE(open_writer(db) != nullptr);
}

// A writer of `db` (in a process a test started) that has committed `docs`;
// null when anything failed.
std::unique_ptr<Store> writer_that_put(const char* db, const std::vector<DocumentRecord>& docs) {
  OpenOptions o;
  o.mode = OpenOptions::Mode::kReadWrite;
  Result<std::unique_ptr<Store>> st = Store::open(db, o);
  if (!st) return nullptr;
  for (const DocumentRecord& d : docs) {
    if (!(*st)->put_document(d).is_ok()) return nullptr;
  }
  return std::move(*st);
}

// The writer half of the test above: runs only when that test starts it.
TEST(StoreLockHolder, Run) {
  const char* db = std::getenv("KG_LOCK_HOLDER");
  if (!db) GTEST_SKIP() << "the lock-holding process of the lock test; runs only when that test starts it";
  std::unique_ptr<Store> st = writer_that_put(db, {call_article()});
  if (!st) std::_Exit(3);
  write_file(std::string(db) + ".ready", "");
  if (!wait_for_file(std::string(db) + ".release")) std::_Exit(4);
  st.reset();
  std::_Exit(0);
}

// Readers and writers alike refuse `db` as damaged, saying `what`.
void expect_every_open_finds_damage(const std::string& db, const std::string& what) {
  for (auto mode : {OpenOptions::Mode::kReadOnly, OpenOptions::Mode::kReadWrite}) {
    OpenOptions o;
    o.mode = mode;
    Result<std::unique_ptr<Store>> st = Store::open(db, o);
    ASSERT_FALSE(st.is_ok());
    EXPECT_EQ(st.status().code(), Status::Code::kCorruption);
    EXPECT_TRUE(contains(st.status().message(), what)) << st.status().message();
  }
}

TEST(StoreDamage, MissingCurrentFileIsReportedAsDamage) {
  TempDir tmp;
  const std::string db = tmp.sub("kg.db");
  { ASSERT_TRUE(open_writer(db)->put_document(call_article()).is_ok()); }
  fs::remove(fs::path(db) / "CURRENT");
  expect_every_open_finds_damage(db, "CURRENT file is missing");
}

TEST(StoreDamage, GarbledCurrentOrTruncatedManifestGivesAClearError) {
  for (const char* damage : {"current", "manifest"}) {
    TempDir tmp;
    const std::string db = tmp.sub("kg.db");
    { ASSERT_TRUE(open_writer(db)->put_document(call_article()).is_ok()); }
    if (std::string(damage) == "current") {
      write_file(db + "/CURRENT", "MANIFEST-999999\n");
    } else {
      for (const auto& e : fs::directory_iterator(db)) {
        if (e.path().filename().string().starts_with("MANIFEST-")) fs::resize_file(e.path(), 20);
      }
    }
    Result<std::unique_ptr<Store>> st = Store::open(db, {});
    ASSERT_FALSE(st.is_ok()) << damage;
    EXPECT_TRUE(st.status().is_user_error());
    EXPECT_TRUE(contains(st.status().message(), db)) << st.status().message();
    EXPECT_FALSE(st.status().message().empty());
  }
}

TEST(StoreDamage, GarbledTableFileIsFoundByCheck) {
  TempDir tmp;
  const std::string db = tmp.sub("kg.db");
  const std::string tsv = tmp.sub("t.tsv");
  std::string text;
  for (int i = 0; i < 3000; ++i) text += fmt::format("Entity {}\tknows\tEntity {}\n", i % 97, (i * 7) % 89 + 100);
  write_file(tsv, text);
  { ASSERT_TRUE(open_writer(db)->load_triples(tsv).is_ok()); }
  // Garble the middle of the biggest table file (the evidence).
  fs::path biggest;
  for (const auto& e : fs::directory_iterator(db)) {
    if (e.path().extension() == ".sst" && (biggest.empty() || e.file_size() > fs::file_size(biggest))) biggest = e.path();
  }
  ASSERT_FALSE(biggest.empty());
  {
    std::fstream f(biggest, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(fs::file_size(biggest) / 3));
    const std::string junk(64, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  Result<std::unique_ptr<Store>> st = Store::open(db, {});
  if (!st.is_ok()) {
    EXPECT_EQ(st.status().code(), Status::Code::kCorruption) << st.status().message();
    return;
  }
  Result<CheckReport> r = (*st)->check();
  if (!r.is_ok()) {
    EXPECT_EQ(r.status().code(), Status::Code::kCorruption) << r.status().message();
    return;
  }
  ASSERT_FALSE(r->ok());
  bool damaged = false;
  for (const std::string& p : r->problems) damaged = damaged || contains(p, "damaged") || contains(p, "orrupt");
  EXPECT_TRUE(damaged) << r->problems.front();
}

TEST(StoreDamage, DirectoryOfOtherFilesIsNotAStore) {
  TempDir tmp;
  fs::create_directories(tmp.sub("notes"));
  write_file(tmp.sub("notes/todo.txt"), "buy milk\n");
  OpenOptions o;
  o.mode = OpenOptions::Mode::kReadWrite;
  Result<std::unique_ptr<Store>> st = Store::open(tmp.sub("notes"), o);
  ASSERT_FALSE(st.is_ok());
  EXPECT_TRUE(contains(st.status().message(), "is not a kg store")) << st.status().message();
}

// A file system whose writes fail with "no space" once `full` is set.
class FullDisk : public rocksdb::FileSystemWrapper {
 public:
  explicit FullDisk(std::shared_ptr<rocksdb::FileSystem> base) : FileSystemWrapper(std::move(base)) {}
  const char* Name() const override { return "FullDisk"; }
  std::atomic<bool> full{false};

  rocksdb::IOStatus NewWritableFile(const std::string& f, const rocksdb::FileOptions& o,
                                    std::unique_ptr<rocksdb::FSWritableFile>* r, rocksdb::IODebugContext* d) override {
    if (full) return rocksdb::IOStatus::NoSpace("No space left on device");
    rocksdb::IOStatus s = target()->NewWritableFile(f, o, r, d);
    if (s.ok()) *r = std::make_unique<File>(std::move(*r), this);
    return s;
  }

 private:
  class File : public rocksdb::FSWritableFileOwnerWrapper {
   public:
    File(std::unique_ptr<rocksdb::FSWritableFile>&& t, FullDisk* disk) : FSWritableFileOwnerWrapper(std::move(t)), disk_(disk) {}
    rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& o, rocksdb::IODebugContext* d) override {
      if (disk_->full) return rocksdb::IOStatus::NoSpace("No space left on device");
      return FSWritableFileOwnerWrapper::Append(data, o, d);
    }
    rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& o,
                             const rocksdb::DataVerificationInfo& v, rocksdb::IODebugContext* d) override {
      if (disk_->full) return rocksdb::IOStatus::NoSpace("No space left on device");
      return FSWritableFileOwnerWrapper::Append(data, o, v, d);
    }

   private:
    FullDisk* disk_;
  };
};

TEST(StoreDamage, FullDiskLosesTheWholeDocumentAndSaysSo) {
  TempDir tmp;
  const std::string db = tmp.sub("kg.db");
  auto disk = std::make_shared<FullDisk>(rocksdb::FileSystem::Default());
  std::unique_ptr<rocksdb::Env> env = rocksdb::NewCompositeEnv(disk);
  {
    OpenOptions o;
    o.mode = OpenOptions::Mode::kReadWrite;
    o.env = env.get();
    Result<std::unique_ptr<Store>> st = Store::open(db, o);
    ASSERT_TRUE(st.is_ok()) << st.status().message();
    ASSERT_TRUE((*st)->put_document(call_article()).is_ok());
    disk->full = true;
    Result<PutResult> put = (*st)->put_document(hearing_article());
    ASSERT_FALSE(put.is_ok());
    EXPECT_EQ(put.status().code(), Status::Code::kIOError);
    EXPECT_TRUE(contains(put.status().message(), "disk full")) << put.status().message();
    // A bulk load fails the same way.
    write_file(tmp.sub("t.tsv"), "A\tknows\tB\n");
    Result<BulkLoadResult> load = (*st)->load_triples(tmp.sub("t.tsv"));
    EXPECT_FALSE(load.is_ok());
    disk->full = false;
  }
  auto r = open_reader(db);
  ASSERT_TRUE(r);
  EXPECT_TRUE(*r->find_document("news/call.txt"));
  EXPECT_FALSE(*r->find_document("news/hearing.txt"));
  EXPECT_EQ(r->stats()->documents, 1u);
  expect_check_ok(*r);
}

// --- the write-ahead log: flushed on close, damage reported ----------------

// The store's write-ahead log files (RocksDB's *.log).
std::vector<fs::path> wal_files(const std::string& db) {
  std::vector<fs::path> logs;
  for (const auto& e : fs::directory_iterator(db)) {
    if (e.path().extension() == ".log") logs.push_back(e.path());
  }
  return logs;
}

uintmax_t wal_bytes(const std::string& db) {
  uintmax_t total = 0;
  for (const fs::path& p : wal_files(db)) total += fs::file_size(p);
  return total;
}

TEST(StoreWal, CleanCloseLeavesNothingToReplay) {
  TempDir tmp;
  const std::string db = tmp.sub("kg.db");
  {
    auto w = open_writer(db);
    ASSERT_TRUE(w->put_document(call_article()).is_ok());
    ASSERT_TRUE(w->put_document(hearing_article()).is_ok());
    EXPECT_GT(wal_bytes(db), 0u);  // while open, the documents are in the log
  }
  EXPECT_EQ(wal_bytes(db), 0u);
  // Even with the log gone, nothing is lost.
  for (const fs::path& p : wal_files(db)) fs::remove(p);
  auto r = open_reader(db);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->stats()->documents, 2u);
  expect_check_ok(*r);
}

// A writer that commits two documents and is killed before it closes, so
// they live only in the write-ahead log: runs only when a test starts it.
TEST(StoreKilledWriter, Run) {
  const char* db = std::getenv("KG_KILLED_WRITER");
  if (!db) GTEST_SKIP() << "the killed writer of the log tests; runs only when those tests start it";
  const std::unique_ptr<Store> st = writer_that_put(db, {call_article(), hearing_article()});
  if (!st) std::_Exit(3);
  std::raise(SIGKILL);
}

// A store whose writer was killed after committing two documents.
std::string store_of_killed_writer(const TempDir& tmp) {
  const std::string db = tmp.sub("kg.db");
  const pid_t child = spawn_self("StoreKilledWriter.Run", {{"KG_KILLED_WRITER", db}});
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "status " << status;
  EXPECT_GT(wal_bytes(db), 0u);
  return db;
}

// Every way of opening the store, and the kg binary, report the damage in
// one line; nothing is replayed half-way.
void expect_log_damage_reported(const std::string& db) {
  expect_every_open_finds_damage(db, db + ": the store is damaged: its write-ahead log");
  const std::string err = db + ".err";
  const std::string cmd = fmt::format("'{}' --db '{}' stats > /dev/null 2> '{}'", KG_BINARY, db, err);
  const int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  std::ifstream in(err);
  std::string first, second;
  std::getline(in, first);
  EXPECT_TRUE(contains(first, "write-ahead log")) << first;
  EXPECT_FALSE(std::getline(in, second)) << second;
  // The damaged log is still there for whoever repairs the store.
  EXPECT_GT(wal_bytes(db), 0u);
}

TEST(StoreWal, KilledWriterLosesNothing) {
  TempDir tmp;
  const std::string db = store_of_killed_writer(tmp);
  auto r = open_reader(db);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->stats()->documents, 2u);
  expect_check_ok(*r);
}

TEST(StoreWal, FlippedBytesInTheLogAreReported) {
  TempDir tmp;
  const std::string db = store_of_killed_writer(tmp);
  for (const fs::path& log : wal_files(db)) {
    const uintmax_t size = fs::file_size(log);
    if (size < 64) continue;
    std::fstream f(log, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 2));
    f.write("\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00", 16);
  }
  expect_log_damage_reported(db);
}

TEST(StoreWal, TruncatedLogIsReported) {
  TempDir tmp;
  const std::string db = store_of_killed_writer(tmp);
  for (const fs::path& log : wal_files(db)) {
    const uintmax_t size = fs::file_size(log);
    if (size > 0) fs::resize_file(log, size - 10);
  }
  expect_log_damage_reported(db);
}

}  // namespace
}  // namespace kg::store
