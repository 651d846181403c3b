// Bulk load of TSV triples, with expected counts computed here from the
// lines themselves, independently of the store.
#include <gtest/gtest.h>

#include <array>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>
#include <sys/wait.h>

#include "graph/identity/identity.h"
#include "tests/store/store_test_util.h"

namespace kg::store {
namespace {

using namespace kg::store::testing;

struct Expected {
  uint64_t lines = 0, entities = 0, relations = 0, edges = 0;
};

// Counts what a TSV file holds, by a different route than the loader.
Expected count_tsv(const std::string& path) {
  std::ifstream in(path);
  std::set<std::string> names, relations;
  std::set<std::tuple<std::string, std::string, std::string>> edges;
  Expected e;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string s, r, o;
    std::getline(fields, s, '\t');
    std::getline(fields, r, '\t');
    std::getline(fields, o, '\t');
    names.insert(s);
    names.insert(o);
    relations.insert(r);
    edges.insert({s, r, o});
    ++e.lines;
  }
  e.entities = names.size();
  e.relations = relations.size();
  e.edges = edges.size();
  return e;
}

std::string synthetic_tsv(int lines, int names, int relations, unsigned seed) {
  std::string text = "# written by bulk_load_test\n";
  unsigned x = seed;
  const auto next = [&] { return x = x * 1103515245u + 12345u, (x >> 8); };
  for (int i = 0; i < lines; ++i) {
    const unsigned s = next() % names;
    unsigned o = next() % names;
    if (o == s) o = (o + 1) % names;
    text += fmt::format("Person {:04}\trel {}\tPerson {:04}\n", s, next() % relations, o);
  }
  return text;
}

void expect_counts(Store& store, const Expected& e) {
  Result<Stats> s = store.stats();
  ASSERT_TRUE(s.is_ok());
  EXPECT_EQ(s->documents, 1u);
  EXPECT_EQ(s->entities, e.entities);
  EXPECT_EQ(s->entities_by_type[static_cast<size_t>(EntityType::kMisc)], e.entities);
  EXPECT_EQ(s->relations, e.relations);
  EXPECT_EQ(s->edges, e.edges);
  EXPECT_EQ(s->evidence, e.lines);
}

TEST(BulkLoad, CountsMatchTheFileAndCheckPasses) {
  TempDir tmp;
  const std::string tsv = tmp.sub("triples.tsv");
  write_file(tsv, synthetic_tsv(5000, 300, 12, 5));
  const Expected expected = count_tsv(tsv);
  auto w = open_writer(tmp.sub("kg.db"));
  uint64_t progress_calls = 0;
  Result<BulkLoadResult> r = w->load_triples(tsv, [&](const BulkLoadProgress&) { ++progress_calls; });
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  EXPECT_EQ(r->outcome, PutOutcome::kAdded);
  EXPECT_EQ(r->lines, expected.lines);
  EXPECT_EQ(r->new_entities, expected.entities);
  EXPECT_EQ(r->new_edges, expected.edges);
  EXPECT_GT(progress_calls, 0u);
  expect_counts(*w, expected);
  expect_check_ok(*w);

  // Edge counts are the number of lines naming the edge.
  const EntityId a = identity::find_entities(*w, "Person 0001")->front().id;
  uint64_t lines_from_a = 0;
  std::ifstream in(tsv);
  for (std::string line; std::getline(in, line);) lines_from_a += line.starts_with("Person 0001\t");
  uint64_t counted = 0;
  Result<std::vector<Edge>> out = w->out_edges(a);
  ASSERT_TRUE(out.is_ok());
  for (const Edge& e : *out) counted += e.count;
  EXPECT_EQ(counted, lines_from_a);

  // The same file again changes nothing.
  Result<BulkLoadResult> again = w->load_triples(tsv);
  ASSERT_TRUE(again.is_ok());
  EXPECT_EQ(again->outcome, PutOutcome::kUnchanged);
  expect_counts(*w, expected);
}

TEST(BulkLoad, SurvivesReopenAndRemovesCleanly) {
  TempDir tmp;
  const std::string tsv = tmp.sub("t.tsv");
  write_file(tsv, synthetic_tsv(800, 60, 4, 9));
  const Expected expected = count_tsv(tsv);
  { ASSERT_TRUE(open_writer(tmp.sub("kg.db"))->load_triples(tsv).is_ok()); }
  {
    auto r = open_reader(tmp.sub("kg.db"));
    expect_counts(*r, expected);
    expect_check_ok(*r);
  }
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->remove_document(tsv).is_ok());
  Result<Stats> s = w->stats();
  EXPECT_EQ(s->documents, 0u);
  EXPECT_EQ(s->entities, 0u);
  EXPECT_EQ(s->edges, 0u);
  EXPECT_EQ(s->evidence, 0u);
  expect_check_ok(*w);
}

TEST(BulkLoad, ChangedFileReplacesThePreviousLoad) {
  TempDir tmp;
  const std::string tsv = tmp.sub("t.tsv");
  write_file(tsv, synthetic_tsv(500, 40, 3, 1));
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->load_triples(tsv).is_ok());
  write_file(tsv, synthetic_tsv(700, 50, 5, 2));
  Result<BulkLoadResult> r = w->load_triples(tsv);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  EXPECT_EQ(r->outcome, PutOutcome::kReplaced);
  expect_counts(*w, count_tsv(tsv));
  expect_check_ok(*w);
}

TEST(BulkLoad, TriplesMeetEntitiesOfArticles) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->put_document(call_article()).is_ok());
  const std::string tsv = tmp.sub("t.tsv");
  write_file(tsv, "Joe Biden\tmeet\tEmmanuel Macron\nVladimir Putin\tcall\tJoe Biden\n");
  ASSERT_TRUE(w->load_triples(tsv).is_ok());
  Result<std::vector<Entity>> biden = identity::find_entities(*w, "Joe Biden");
  ASSERT_EQ(biden->size(), 1u);
  EXPECT_EQ(biden->front().type, EntityType::kPerson);  // the only candidate: the article's person
  EXPECT_EQ(biden->front().mentions, 4u);               // 2 in the article, 2 in the file
  EXPECT_EQ(w->stats()->entities, 4u);                  // Biden, Putin, Kremlin, Macron
  expect_check_ok(*w);
  ASSERT_TRUE(w->remove_document(tsv).is_ok());
  EXPECT_EQ(identity::find_entities(*w, "Joe Biden")->front().mentions, 2u);
  EXPECT_TRUE(identity::find_entities(*w, "Emmanuel Macron")->empty());
  expect_check_ok(*w);
}

TEST(BulkLoad, MalformedLinesNameFileAndLineAndWriteNothing) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  const std::array<std::pair<std::string, std::string>, 4> cases = {{
      {"A\tknows\tB\nA knows B\n", ":2: expected 3 tab-separated fields (subject, relation, object), found 1"},
      {"A\tknows\tB\nC\tknows\tD\textra\n", ":2: expected 3 tab-separated fields (subject, relation, object), found 4"},
      {"# comment\n\nA\t\tB\n", ":3: empty relation"},
      {"A\tknows\tB\n\xff\xfe\tknows\tC\n", ":2: invalid UTF-8"},
  }};
  for (const auto& [text, message] : cases) {
    const std::string tsv = tmp.sub("bad.tsv");
    write_file(tsv, text);
    Result<BulkLoadResult> r = w->load_triples(tsv);
    ASSERT_FALSE(r.is_ok());
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
    EXPECT_EQ(r.status().message(), tsv + message);
  }
  Result<BulkLoadResult> missing = w->load_triples(tmp.sub("none.tsv"));
  ASSERT_FALSE(missing.is_ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(w->stats()->documents, 0u);
  EXPECT_EQ(w->stats()->entities, 0u);
  expect_check_ok(*w);
}

TEST(BulkLoad, SmallGenKgFile) {
  const std::string gen = std::string(KG_SOURCE_DIR) + "/../shared/tools/gen-kg";
  if (!std::filesystem::exists(gen)) GTEST_SKIP() << "../shared/tools/gen-kg is absent";
  TempDir tmp;
  const std::string tsv = tmp.sub("gen.tsv");
  const std::string cmd = fmt::format("python3 '{}' --triples 3000 --seed 42 > '{}'", gen, tsv);
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const Expected expected = count_tsv(tsv);
  ASSERT_EQ(expected.lines, 3000u);
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->load_triples(tsv).is_ok());
  expect_counts(*w, expected);
  expect_check_ok(*w);
}

// A writer that stores a document, loads `KG_BULK_KILLED_WRITER`.tsv, stores
// a second document and is killed before it closes: runs only when the
// test below starts it.
TEST(BulkLoadKilledWriter, Run) {
  const char* db = std::getenv("KG_BULK_KILLED_WRITER");
  if (!db) GTEST_SKIP() << "the killed writer of BulkLoadWal; runs only when that test starts it";
  const std::unique_ptr<Store> w = open_writer(db);
  if (!w || !w->put_document(call_article()).is_ok() || !w->load_triples(std::string(db) + ".tsv").is_ok() ||
      !w->put_document(hearing_article()).is_ok()) {
    std::_Exit(3);
  }
  std::raise(SIGKILL);
}

// The load is a journalled write like the others (write_journal.h): with
// the write-ahead log deleted after it, the store keeps the load (its table
// files are in the MANIFEST), refuses to open naming the one write the log
// alone held, and kg check --repair's open lists exactly that write.
TEST(BulkLoadWal, ALogLostAfterALoadLosesOnlyTheWriteItAloneHeldAndSaysSo) {
  TempDir tmp;
  const std::string db = tmp.sub("kg.db");
  write_file(db + ".tsv", synthetic_tsv(200, 30, 3, 7));
  const pid_t child = spawn_self("BulkLoadKilledWriter.Run", {{"KG_BULK_KILLED_WRITER", db}});
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "status " << status;
  const std::string journal = kg::testing::slurp(std::filesystem::path(db) / "KG_JOURNAL");
  EXPECT_NE(journal.find("\tloading " + db + ".tsv\n"), std::string::npos) << journal;
  for (const auto& e : std::filesystem::directory_iterator(db)) {
    if (e.path().extension() == ".log") std::filesystem::remove(e.path());
  }

  Result<std::unique_ptr<Store>> refused = Store::open(db, {});
  ASSERT_FALSE(refused.is_ok());
  const std::string message = refused.status().message();
  EXPECT_NE(message.find("lost its last 1 write ('storing document news/hearing.txt')"), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;

  OpenOptions repair;
  repair.mode = OpenOptions::Mode::kReadWrite;
  repair.accept_lost_writes = true;
  Result<std::unique_ptr<Store>> repaired = Store::open(db, repair);
  ASSERT_TRUE(repaired.is_ok()) << repaired.status().message();
  EXPECT_EQ((*repaired)->lost_writes(), std::vector<std::string>{"storing document news/hearing.txt"});
  EXPECT_EQ((*repaired)->stats()->documents, 2u);  // the first document and the load
  expect_check_ok(**repaired);
}

}  // namespace
}  // namespace kg::store
