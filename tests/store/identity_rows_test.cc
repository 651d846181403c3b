// The identity family (graph/store/surname_folds.h, type_folds.h): the
// surname and type folds are stored rows kept in step with every write,
// which readers load instead of recomputing them; `kg check` compares them
// with a recomputation, and a store written before the family (or its
// current layout) existed gets it from its next writer.
#include <gtest/gtest.h>

#include <rocksdb/db.h>
#include <algorithm>
#include <csignal>
#include <filesystem>
#include <set>
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
    meta_ = handles_[std::find(names.begin(), names.end(), "meta") - names.begin()];
  }
  ~RawIdentity() {
    for (auto* h : handles_) {
      if (h) db_->DestroyColumnFamilyHandle(h);
    }
  }
  // The keys of the rows of one kind ('p', 'n', 'r', 't').
  std::vector<std::string> keys(char tag) {
    std::vector<std::string> out;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), identity_));
    for (it->Seek(std::string(1, tag)); it->Valid() && it->key()[0] == tag; it->Next()) out.push_back(it->key().ToString());
    return out;
  }
  void erase(const std::string& key) { EXPECT_TRUE(db_->Delete(rocksdb::WriteOptions(), identity_, key).ok()); }
  void erase_meta(const std::string& key) { EXPECT_TRUE(db_->Delete(rocksdb::WriteOptions(), meta_, key).ok()); }
  void drop_family() {
    EXPECT_TRUE(db_->DropColumnFamily(identity_).ok());
    EXPECT_TRUE(db_->DestroyColumnFamilyHandle(identity_).ok());
    std::replace(handles_.begin(), handles_.end(), identity_, static_cast<rocksdb::ColumnFamilyHandle*>(nullptr));
  }

 private:
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  std::unique_ptr<rocksdb::DB> db_;
  rocksdb::ColumnFamilyHandle* identity_ = nullptr;
  rocksdb::ColumnFamilyHandle* meta_ = nullptr;
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

// A hyphenated surname is one word: "Potts" is no short form of Rodney
// Hylton-Potts, and "Kilroy-Silk" alone is Robert Kilroy-Silk.
TEST(IdentityRows, AHyphenatedSurnameFoldsOnlyWhole) {
  TempDir tmp;
  const std::string db = tmp.sub("kg.db");
  {
    auto w = open_writer(db);
    ASSERT_NE(w, nullptr);
    for (const DocumentRecord& d :
         {one_entity("rodney", "Rodney Hylton-Potts", EntityType::kPerson, {{"Rodney Hylton-Potts", 1}}),
          one_entity("potts", "Potts", EntityType::kPerson, {{"Potts", 1}}),
          one_entity("robert", "Robert Kilroy-Silk", EntityType::kPerson, {{"Robert Kilroy-Silk", 2}}),
          one_entity("kilroy", "Kilroy-Silk", EntityType::kPerson, {{"Mr Kilroy-Silk", 1}})}) {
      ASSERT_TRUE(w->put_document(d).is_ok());
    }
  }
  auto r = open_reader(db);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(named(*r, "Potts").size(), 1u) << "Potts folded into Rodney Hylton-Potts";
  EXPECT_TRUE(named(*r, "Kilroy-Silk").empty()) << "Kilroy-Silk did not fold into Robert Kilroy-Silk";
  EXPECT_TRUE(check_problems(*r).empty());
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
  // The person and the organisation are one name group (type_folds.h), not Old Greens.
  ASSERT_EQ(named(*w, "Greens").size(), 1u);
  EXPECT_EQ(named(*w, "Greens").front().mentions, 3u);
  EXPECT_EQ(named(*w, "Old Greens").front().mentions, 1u);
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
      kg::testing::run_kg({"--db", db, "ingest", tmp.sub("one.txt")},
                          {{"KG_KILL_AT", "3"}});  // the fill's third point: written and confirmed
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

// ---------------------------------------------------------------------------
// Type folds (graph/store/type_folds.h): one name, typed differently from
// article to article, is one entity to readers.

// An article naming `name` (typed `type`, `mentions` times) with one fact
// `name` `relation` `other` (an ORG).
DocumentRecord typed_fact(const std::string& id, const std::string& name, EntityType type, uint32_t mentions,
                          const std::string& relation, const std::string& other) {
  DocumentRecord d = one_entity(id, name, type, {{name, mentions}});
  d.entities.push_back(EntityRecord{other, EntityType::kOrg, {{other, 1}}, 1});
  d.facts.push_back(testing::fact(0, 1, relation, 0));
  return d;
}

// The facts readers see leaving the only entity named `name`, as "relation object".
std::set<std::string> facts_of(Store& s, const std::string& name) {
  std::set<std::string> out;
  const std::vector<Entity> entities = named(s, name);
  EXPECT_EQ(entities.size(), 1u) << name;
  if (entities.size() != 1) return out;
  Result<std::vector<Edge>> edges = s.out_edges(entities.front().id);
  EXPECT_TRUE(edges.is_ok());
  for (const Edge& e : edges ? *edges : std::vector<Edge>()) {
    Result<std::optional<std::string>> relation = s.relation_name(e.relation);
    Result<std::optional<Entity>> object = s.entity(e.object);
    EXPECT_TRUE(relation.is_ok() && *relation && object.is_ok() && *object);
    if (relation && *relation && object && *object) out.insert(**relation + " " + (**object).name);
  }
  return out;
}

DocumentRecord boerse_as_person() {
  return typed_fact("person", "Deutsche Boerse", EntityType::kPerson, 1, "buy", "LSE");
}
DocumentRecord boerse_as_org() {
  return typed_fact("org", "Deutsche Boerse", EntityType::kOrg, 3, "bid for", "Euronext");
}

TEST(TypeFolds, ANameTypedTwoWaysIsOneEntityWhateverTheOrderAndUntilADocumentGoes) {
  for (const bool person_first : {true, false}) {
    SCOPED_TRACE(person_first ? "PERSON first" : "ORG first");
    TempDir tmp;
    auto w = open_writer(tmp.sub("kg.db"));
    ASSERT_NE(w, nullptr);
    const std::vector<DocumentRecord> docs = person_first ? std::vector{boerse_as_person(), boerse_as_org()}
                                                          : std::vector{boerse_as_org(), boerse_as_person()};
    for (const DocumentRecord& d : docs) {
      ASSERT_TRUE(w->put_document(d).is_ok());
      EXPECT_TRUE(check_problems(*w).empty());
    }
    const std::vector<Entity> boerse = named(*w, "Deutsche Boerse");
    ASSERT_EQ(boerse.size(), 1u);
    EXPECT_EQ(boerse.front().type, EntityType::kOrg);
    EXPECT_EQ(boerse.front().mentions, 4u);
    EXPECT_EQ(facts_of(*w, "Deutsche Boerse"), (std::set<std::string>{"bid for Euronext", "buy LSE"}));
    Result<Stats> stats = w->stats();
    ASSERT_TRUE(stats.is_ok());
    EXPECT_EQ(stats->entities, 3u);
    EXPECT_EQ(stats->entities_by_type[static_cast<size_t>(EntityType::kPerson)], 0u);

    ASSERT_TRUE(w->remove_document("org").is_ok());
    ASSERT_EQ(named(*w, "Deutsche Boerse").size(), 1u);
    EXPECT_EQ(named(*w, "Deutsche Boerse").front().type, EntityType::kPerson) << "its own type again";
    EXPECT_EQ(facts_of(*w, "Deutsche Boerse"), std::set<std::string>{"buy LSE"});
    EXPECT_TRUE(check_problems(*w).empty());
    ASSERT_TRUE(w->put_document(boerse_as_org()).is_ok());
    EXPECT_EQ(named(*w, "Deutsche Boerse").size(), 1u) << "re-ingested: folded again";
    EXPECT_TRUE(check_problems(*w).empty());
  }
}

// The type readers see for a group of mentions by type, one document per type.
EntityType group_type(const std::string& name, const std::vector<std::pair<EntityType, uint32_t>>& mentions) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  for (const auto& [type, n] : mentions) {
    EXPECT_TRUE(w->put_document(one_entity(std::string(entity_type_name(type)), name, type, {{name, n}})).is_ok());
  }
  EXPECT_TRUE(check_problems(*w).empty());
  const std::vector<Entity> entities = named(*w, name);
  EXPECT_EQ(entities.size(), 1u);
  return entities.empty() ? EntityType::kConcept : entities.front().type;
}

TEST(TypeFolds, AOneWordNameIsAPersonOnlyWhenNineTenthsOfItsMentionsSaySo) {
  EXPECT_EQ(group_type("Chelsea", {{EntityType::kPerson, 147}, {EntityType::kOrg, 37}, {EntityType::kMisc, 4}}),
            EntityType::kOrg);
  EXPECT_EQ(group_type("Hewitt", {{EntityType::kPerson, 9}, {EntityType::kLoc, 1}}), EntityType::kPerson);
  EXPECT_EQ(group_type("England", {{EntityType::kLoc, 583}, {EntityType::kPerson, 2}}), EntityType::kLoc);
  // Two words: the majority.
  EXPECT_EQ(group_type("Lleyton Hewitt", {{EntityType::kPerson, 6}, {EntityType::kLoc, 4}}), EntityType::kPerson);
}

TEST(TypeFolds, AConceptIsNeverFolded) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->put_document(one_entity("org", "Growth", EntityType::kOrg, {{"Growth", 1}})).is_ok());
  ASSERT_TRUE(w->put_document(one_entity("misc", "Growth", EntityType::kMisc, {{"Growth", 1}})).is_ok());
  ASSERT_TRUE(w->put_document(one_entity("concept", "growth", EntityType::kConcept, {{"growth", 3}})).is_ok());
  ASSERT_EQ(named(*w, "Growth").size(), 1u) << "the two names, one";
  EXPECT_EQ(named(*w, "Growth").front().mentions, 2u);
  ASSERT_EQ(named(*w, "growth").size(), 1u) << "the concept, apart";
  EXPECT_EQ(named(*w, "growth").front().mentions, 3u);
  EXPECT_TRUE(check_problems(*w).empty());
}

// A name group whose members fold by surname, and one whose target does.
TEST(TypeFolds, ComposeWithSurnameFoldsIntoOneEntityEach) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->put_document(tony()).is_ok());  // PERSON Tony Blair, 3 mentions
  ASSERT_TRUE(w->put_document(bare()).is_ok());  // PERSON Blair, 2: folds into Tony Blair
  ASSERT_TRUE(w->put_document(one_entity("misc", "Tony Blair", EntityType::kMisc, {{"Tony Blair", 1}})).is_ok());
  ASSERT_EQ(named(*w, "Tony Blair").size(), 1u);
  EXPECT_EQ(named(*w, "Tony Blair").front().type, EntityType::kPerson);
  EXPECT_EQ(named(*w, "Tony Blair").front().mentions, 6u);
  EXPECT_TRUE(named(*w, "Blair").empty());
  EXPECT_TRUE(check_problems(*w).empty());
  // A LOC of more mentions becomes the group's target: the PERSON it
  // replaces still takes "Blair" along, to the one entity of the group.
  ASSERT_TRUE(w->put_document(one_entity("loc", "Tony Blair", EntityType::kLoc, {{"Tony Blair", 7}})).is_ok());
  ASSERT_EQ(named(*w, "Tony Blair").size(), 1u);
  EXPECT_EQ(named(*w, "Tony Blair").front().mentions, 13u);
  EXPECT_TRUE(named(*w, "Blair").empty());
  Result<Stats> stats = w->stats();
  ASSERT_TRUE(stats.is_ok());
  EXPECT_EQ(stats->entities, 1u);
  // A bare surname in a group of its own reads as the group's target, which
  // folds by surname: "Mr Blair" the person and "Mr Blair" the other name
  // both read as Tony Blair.
  ASSERT_TRUE(w->put_document(one_entity("mr", "Mr Blair", EntityType::kPerson, {{"Mr Blair", 2}})).is_ok());
  ASSERT_TRUE(w->put_document(one_entity("mr-misc", "Mr Blair", EntityType::kMisc, {{"Mr Blair", 1}})).is_ok());
  EXPECT_TRUE(named(*w, "Mr Blair").empty());
  ASSERT_EQ(named(*w, "Tony Blair").size(), 1u);
  EXPECT_EQ(named(*w, "Tony Blair").front().mentions, 16u);
  EXPECT_TRUE(check_problems(*w).empty());
}

TEST(TypeFolds, EditsApplyOverThem) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->put_document(one_entity("org", "Chelsea", EntityType::kOrg, {{"Chelsea", 2}})).is_ok());
  ASSERT_TRUE(w->put_document(one_entity("person", "Chelsea", EntityType::kPerson, {{"Chelsea", 1}})).is_ok());
  ASSERT_TRUE(w->put_document(one_entity("fc", "Chelsea FC", EntityType::kOrg, {{"Chelsea FC", 1}})).is_ok());
  ASSERT_EQ(named(*w, "Chelsea").size(), 1u);
  const EntityId chelsea = named(*w, "Chelsea").front().id;
  Edit retype;
  retype.kind = EditKind::kRetype;
  retype.type = EntityType::kMisc;
  ASSERT_TRUE(w->add_edit(retype, {chelsea}).is_ok());
  ASSERT_EQ(named(*w, "Chelsea").size(), 1u);
  EXPECT_EQ(named(*w, "Chelsea").front().type, EntityType::kMisc) << "a retype wins over the group's type";

  Edit merge;
  merge.kind = EditKind::kMerge;
  ASSERT_TRUE(w->add_edit(merge, {named(*w, "Chelsea FC").front().id, chelsea}).is_ok());
  EXPECT_TRUE(named(*w, "Chelsea").empty());
  EXPECT_EQ(named(*w, "Chelsea FC").front().mentions, 4u);
  // More PERSON mentions make the person the group's target: the merge,
  // which named the organisation, still takes the whole group.
  ASSERT_TRUE(w->put_document(one_entity("more", "Chelsea", EntityType::kPerson, {{"Chelsea", 5}})).is_ok());
  EXPECT_TRUE(named(*w, "Chelsea").empty());
  ASSERT_EQ(named(*w, "Chelsea FC").size(), 1u);
  EXPECT_EQ(named(*w, "Chelsea FC").front().mentions, 9u);
  EXPECT_TRUE(check_problems(*w).empty());
}

TEST(TypeFolds, ABulkLoadKeepsTheRowsInStep) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->put_document(boerse_as_person()).is_ok());
  ASSERT_TRUE(w->put_document(boerse_as_org()).is_ok());
  // Two stored entities have the name: the triple's is a new MISC one.
  write_file(tmp.sub("boerse.tsv"), "Deutsche Boerse\tmerge with\tEuronext\n");
  ASSERT_TRUE(w->load_triples(tmp.sub("boerse.tsv")).is_ok());
  ASSERT_EQ(named(*w, "Deutsche Boerse").size(), 1u);
  EXPECT_EQ(named(*w, "Deutsche Boerse").front().mentions, 5u);
  EXPECT_EQ(facts_of(*w, "Deutsche Boerse"),
            (std::set<std::string>{"bid for Euronext", "buy LSE", "merge with Euronext"}));
  EXPECT_TRUE(check_problems(*w).empty());
  ASSERT_TRUE(w->remove_document(tmp.sub("boerse.tsv")).is_ok());
  EXPECT_EQ(named(*w, "Deutsche Boerse").front().mentions, 4u);
  EXPECT_TRUE(check_problems(*w).empty());
}

// A store whose identity rows predate type folds (no identity_version) is
// refused by readers and rebuilt by its next writer.
TEST(TypeFolds, AStoreOfTheOlderLayoutIsRebuiltByItsNextWriter) {
  TempDir tmp;
  const std::string db = tmp.sub("kg.db");
  {
    auto w = open_writer(db);
    ASSERT_TRUE(w->put_document(boerse_as_person()).is_ok());
    ASSERT_TRUE(w->put_document(boerse_as_org()).is_ok());
  }
  {
    RawIdentity raw(db);
    ASSERT_EQ(raw.keys('n').size(), 4u);
    ASSERT_EQ(raw.keys('t').size(), 1u);
    for (const std::string& k : raw.keys('n')) raw.erase(k);
    for (const std::string& k : raw.keys('t')) raw.erase(k);
    raw.erase_meta("identity_version");
  }
  Result<std::unique_ptr<Store>> refused = Store::open(db, {});
  ASSERT_FALSE(refused.is_ok());
  EXPECT_NE(refused.status().message().find("identity index was written by an older kg"), std::string::npos)
      << refused.status().message();
  { ASSERT_NE(open_writer(db), nullptr); }
  auto r = open_reader(db);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(named(*r, "Deutsche Boerse").size(), 1u);
  EXPECT_TRUE(check_problems(*r).empty());
}

}  // namespace
}  // namespace kg::store
