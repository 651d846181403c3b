// The identity family (graph/store/surname_folds.h): the surname folds are
// stored rows kept in step with every write, which readers load instead of
// recomputing them; `kg check` compares them with a recomputation, and a
// store written before the family existed gets it from its next writer.
#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <rocksdb/db.h>
#include <string>
#include <vector>

#include "graph/identity/identity.h"
#include "tests/store/store_test_util.h"

namespace kg::store {
namespace {

using testing::open_reader;
using testing::open_writer;
using testing::TempDir;
using testing::write_file;

DocumentRecord one_entity(const std::string& id, const std::string& name, EntityType type,
                          std::vector<std::pair<std::string, uint32_t>> aliases) {
  DocumentRecord d;
  d.id = id;
  d.content_hash = "hash-" + id;
  d.sentences.push_back("A sentence written for the test.");
  uint32_t mentions = 0;
  for (const auto& [a, n] : aliases) mentions += n;
  d.entities.push_back(EntityRecord{name, type, std::move(aliases), mentions});
  return d;
}
DocumentRecord tony() { return one_entity("tony", "Tony Blair", EntityType::kPerson, {{"Tony Blair", 1}, {"Mr Blair", 2}}); }
DocumentRecord bare() { return one_entity("bare", "Blair", EntityType::kPerson, {{"Mr Blair", 1}, {"Blair", 1}}); }

// A store where "Blair" folds into "Tony Blair", closed.
void write_tony_and_bare(const std::string& db) {
  auto w = open_writer(db);
  ASSERT_NE(w, nullptr);
  ASSERT_TRUE(w->put_document(tony()).is_ok());
  ASSERT_TRUE(w->put_document(bare()).is_ok());
}

// The entities a reader sees named `name`.
std::vector<Entity> named(Store& s, const std::string& name) {
  std::vector<Entity> out;
  EXPECT_TRUE(s.for_each_entity([&](const Entity& e) {
                 if (e.name == name) out.push_back(e);
               }).is_ok());
  return out;
}

std::vector<std::string> check_problems(Store& s) {
  Result<CheckReport> report = s.check();
  EXPECT_TRUE(report.is_ok());
  return report ? report->problems : std::vector<std::string>{"check failed"};
}

// Raw RocksDB access to the identity family, as a damaged or older store would have it.
class RawIdentity {
 public:
  explicit RawIdentity(const std::string& db) {
    std::vector<std::string> names;
    EXPECT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), db, &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const std::string& n : names) families.emplace_back(n, rocksdb::ColumnFamilyOptions());
    rocksdb::DB* raw = nullptr;
    EXPECT_TRUE(rocksdb::DB::Open(rocksdb::DBOptions(), db, families, &handles_, &raw).ok());
    db_.reset(raw);
    identity_ = handles_[std::find(names.begin(), names.end(), "identity") - names.begin()];
  }
  ~RawIdentity() {
    for (auto* h : handles_) {
      if (h) db_->DestroyColumnFamilyHandle(h);
    }
  }
  // The keys of the rows of one kind ('p', 'o', 'r').
  std::vector<std::string> keys(char tag) {
    std::vector<std::string> out;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), identity_));
    for (it->Seek(std::string(1, tag)); it->Valid() && it->key()[0] == tag; it->Next()) out.push_back(it->key().ToString());
    return out;
  }
  void erase(const std::string& key) { EXPECT_TRUE(db_->Delete(rocksdb::WriteOptions(), identity_, key).ok()); }
  void drop_family() {
    EXPECT_TRUE(db_->DropColumnFamily(identity_).ok());
    EXPECT_TRUE(db_->DestroyColumnFamilyHandle(identity_).ok());
    std::replace(handles_.begin(), handles_.end(), identity_, static_cast<rocksdb::ColumnFamilyHandle*>(nullptr));
  }

 private:
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  std::unique_ptr<rocksdb::DB> db_;
  rocksdb::ColumnFamilyHandle* identity_ = nullptr;
};

TEST(IdentityRows, ReadersTakeTheFoldsFromTheStoredRows) {
  TempDir tmp;
  const std::string db = tmp.sub("kg.db");
  write_tony_and_bare(db);
  {
    RawIdentity raw(db);
    EXPECT_EQ(raw.keys('p').size(), 2u);  // both people under "blair"
    const std::vector<std::string> folds = raw.keys('r');
    ASSERT_EQ(folds.size(), 1u);          // Blair reads as Tony Blair
    raw.erase(folds.front());
  }
  auto r = open_reader(db);
  ASSERT_NE(r, nullptr);
  // Without its row the fold is gone for readers: they do not recompute it.
  EXPECT_EQ(named(*r, "Blair").size(), 1u);
  const std::vector<std::string> problems = check_problems(*r);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems.front().find("identity: row "), std::string::npos) << problems.front();
  EXPECT_NE(problems.front().find(" is missing"), std::string::npos) << problems.front();
}

TEST(IdentityRows, AStoreWithoutTheFamilyGetsItFromItsNextWriter) {
  TempDir tmp;
  const std::string db = tmp.sub("kg.db");
  write_tony_and_bare(db);
  { RawIdentity(db).drop_family(); }
  OpenOptions read_only;
  Result<std::unique_ptr<Store>> refused = Store::open(db, read_only);
  ASSERT_FALSE(refused.is_ok());
  EXPECT_TRUE(refused.status().is_user_error());
  EXPECT_NE(refused.status().message().find("written by an older kg; any kg command that writes (kg ingest) finishes it"),
            std::string::npos)
      << refused.status().message();
  { ASSERT_NE(open_writer(db), nullptr); }
  auto r = open_reader(db);
  ASSERT_NE(r, nullptr);
  EXPECT_TRUE(named(*r, "Blair").empty()) << "folded again";
  const std::vector<Entity> tony_blair = named(*r, "Tony Blair");
  ASSERT_EQ(tony_blair.size(), 1u);
  EXPECT_EQ(tony_blair.front().mentions, 5u);
  EXPECT_TRUE(check_problems(*r).empty());
}

TEST(IdentityRows, AnOrganisationArrivingLaterUnfoldsTheSurnameAndItsRemovalRefolds) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->put_document(one_entity("old", "Old Greens", EntityType::kPerson, {{"Old Greens", 1}})).is_ok());
  ASSERT_TRUE(w->put_document(one_entity("bare", "Greens", EntityType::kPerson, {{"Greens", 2}})).is_ok());
  EXPECT_TRUE(named(*w, "Greens").empty());
  ASSERT_TRUE(w->put_document(one_entity("party", "Greens", EntityType::kOrg, {{"Greens", 1}})).is_ok());
  EXPECT_EQ(named(*w, "Greens").size(), 2u) << "the organisation and the person, apart";
  EXPECT_TRUE(check_problems(*w).empty());
  ASSERT_TRUE(w->remove_document("party").is_ok());
  EXPECT_TRUE(named(*w, "Greens").empty());
  ASSERT_EQ(named(*w, "Old Greens").size(), 1u);
  EXPECT_EQ(named(*w, "Old Greens").front().mentions, 3u);
  EXPECT_TRUE(check_problems(*w).empty());
}

TEST(IdentityRows, ABulkLoadKeepsTheRowsInStep) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->put_document(tony()).is_ok());
  ASSERT_TRUE(w->put_document(bare()).is_ok());
  // "Blair" joins the stored bare person (its only alias match): one more mention for Tony Blair.
  write_file(tmp.sub("blair.tsv"), "Blair\tvisit\tGlasgow\n");
  ASSERT_TRUE(w->load_triples(tmp.sub("blair.tsv")).is_ok());
  ASSERT_EQ(named(*w, "Tony Blair").size(), 1u);
  EXPECT_EQ(named(*w, "Tony Blair").front().mentions, 6u);
  EXPECT_TRUE(check_problems(*w).empty());
  ASSERT_TRUE(w->remove_document(tmp.sub("blair.tsv")).is_ok());
  EXPECT_EQ(named(*w, "Tony Blair").front().mentions, 5u);
  EXPECT_TRUE(check_problems(*w).empty());
}

// The writer that fills the family of an older store journals the fill like
// every write: killed right after it, with its write-ahead log deleted, the
// store is refused in one line naming the lost fill (not read as a store
// without folds), and kg check --repair lists it; its writer fills again.
TEST(IdentityRows, AFillLostWithTheLogIsReportedAndRepairFillsAgain) {
  TempDir tmp;
  const std::string db = tmp.sub("kg.db");
  write_tony_and_bare(db);
  { RawIdentity(db).drop_family(); }
  write_file(tmp.sub("one.txt"), "Talks\n\nMaria Rossi met Jan Novak in Rome on Friday.\n");
  const kg::testing::RunResult killed =
      kg::testing::run_kg({"--db", db, "ingest", tmp.sub("one.txt")}, {{"KG_KILL_AT", "1"}});
  ASSERT_EQ(killed.signal, SIGKILL) << killed.err;
  const std::string journal = kg::testing::slurp(std::filesystem::path(db) / "KG_JOURNAL");
  ASSERT_NE(journal.find("\tfilling the identity index\n"), std::string::npos) << journal;
  for (const auto& e : std::filesystem::directory_iterator(db)) {
    if (e.path().extension() == ".log") std::filesystem::remove(e.path());
  }

  const kg::testing::RunResult stats = kg::testing::run_kg({"--db", db, "stats"});
  EXPECT_EQ(stats.exit_code, 1);
  EXPECT_NE(stats.err.find("lost its last 1 write ('filling the identity index')"), std::string::npos) << stats.err;
  EXPECT_EQ(std::count(stats.err.begin(), stats.err.end(), '\n'), 1) << stats.err;

  const kg::testing::RunResult repair = kg::testing::run_kg({"--db", db, "check", "--repair"});
  EXPECT_EQ(repair.exit_code, 0) << repair.err;
  EXPECT_NE(repair.out.find("filling the identity index"), std::string::npos) << repair.out;
  auto r = open_reader(db);
  ASSERT_NE(r, nullptr);
  EXPECT_TRUE(named(*r, "Blair").empty()) << "folded again";
  EXPECT_TRUE(check_problems(*r).empty());
}

}  // namespace
}  // namespace kg::store
