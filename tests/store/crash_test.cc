// Crash loop: a writer process is killed with SIGKILL at a random point of
// its own progress while it ingests articles, replaces some, removes some
// and bulk-loads triples. The kill points are the store's (base/kill_point.h:
// after every committed write, before a bulk load's ingestion, before the
// flush on close); the uninterrupted run counts them, and each round kills
// the writer at the Nth, N drawn from that count, so every round kills and
// no round depends on the machine's speed. After every kill `check` must
// pass, and running the workload again must complete the set with exactly
// the counts of an uninterrupted run.
//
// Rounds: KG_STRESS_ROUNDS (default 20; `make stress` runs 100).
#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <random>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/store/store_test_util.h"

namespace kg::store {
namespace {

using namespace kg::store::testing;

DocumentRecord article(int n, int version) {
  static const std::vector<std::string> people = {"Joe Biden",    "Vladimir Putin", "Olaf Scholz",  "Emmanuel Macron",
                                                  "Jake Sullivan", "Antony Blinken", "Xi Jinping",   "Rishi Sunak"};
  std::mt19937 r(static_cast<unsigned>(n * 31 + version));
  DocumentRecord d;
  d.id = fmt::format("articles/{:03}.txt", n);
  d.content_hash = fmt::format("{}#v{}", d.id, version);
  for (int i = 0; i < 6; ++i) d.sentences.push_back(fmt::format("Sentence {} of article {}.", i, n));
  for (int i = 0; i < 4; ++i) {
    const std::string& name = people[(n + i * 3 + version) % people.size()];
    d.entities.push_back({name, EntityType::kPerson, {{name.substr(name.find(' ') + 1), 1}}, 1 + static_cast<uint32_t>(r() % 3)});
  }
  for (int f = 0; f < 8; ++f) {
    d.facts.push_back(fact(static_cast<uint32_t>(r() % 4), static_cast<uint32_t>(r() % 4),
                           fmt::format("verb{}", r() % 6), static_cast<uint32_t>(r() % 6)));
  }
  return d;
}

// The workload; deterministic, and idempotent as a whole: run to the end
// from any state it left behind, it reaches the same final store.
std::string run_workload(const std::string& db, const std::string& tsv_a, const std::string& tsv_b) {
  OpenOptions o;
  o.mode = OpenOptions::Mode::kReadWrite;
  Result<std::unique_ptr<Store>> st = Store::open(db, o);
  if (!st) return st.status().message();
  Store& s = **st;
  for (int n = 0; n < 60; ++n) {
    if (Result<PutResult> r = s.put_document(article(n, 1)); !r) return r.status().message();
    if (n == 30) {
      if (Result<BulkLoadResult> r = s.load_triples(tsv_a); !r) return r.status().message();
    }
  }
  for (int n = 0; n < 20; ++n) {
    if (Result<PutResult> r = s.put_document(article(n, 2)); !r) return r.status().message();  // replaced content
  }
  for (int n = 40; n < 50; ++n) {
    Status removed = s.remove_document(fmt::format("articles/{:03}.txt", n));
    if (!removed.is_ok() && removed.code() != Status::Code::kNotFound) return removed.message();
  }
  if (Result<BulkLoadResult> r = s.load_triples(tsv_b); !r) return r.status().message();
  return "";
}

std::string triples(int lines, unsigned seed) {
  std::string text;
  std::mt19937 r(seed);
  for (int i = 0; i < lines; ++i) {
    text += fmt::format("Entity {:03}\trel_{}\tEntity {:03}\n", r() % 400, r() % 9, r() % 400);
  }
  return text;
}

// Lines of a file (0 when it does not exist).
size_t line_count(const std::string& path) {
  std::ifstream in(path);
  size_t n = 0;
  for (std::string line; std::getline(in, line);) ++n;
  return n;
}

TEST(StoreCrash, SigkillAtRandomKillPointsThenCheckAndReingest_crash) {
  TempDir tmp;
  const std::string tsv_a = tmp.sub("a.tsv"), tsv_b = tmp.sub("b.tsv");
  write_file(tsv_a, triples(20000, 1));
  write_file(tsv_b, triples(20000, 2));
  int rounds = 20;
  if (const char* env = std::getenv("KG_STRESS_ROUNDS"); env && std::atoi(env) > 0) rounds = std::atoi(env);

  // The uninterrupted run, in a child as well (same code path), counting
  // the kill points it passes.
  const std::string reference = tmp.sub("reference.db");
  const std::string points_log = tmp.sub("kill_points.log");
  const auto workload = [&](const std::string& db, const std::pair<std::string, std::string>& kill_env) {
    return spawn_self("StoreCrashWorkload.Run", {{"KG_CRASH_WORKLOAD", db + "|" + tsv_a + "|" + tsv_b}, kill_env});
  };
  const pid_t ref = workload(reference, {"KG_KILL_POINTS_LOG", points_log});
  ASSERT_GE(ref, 0);
  int status = 0;
  waitpid(ref, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  const size_t kill_points = line_count(points_log);
  // 60 + 20 articles, 10 removals, two bulk loads, the store's creation.
  ASSERT_GE(kill_points, 90u);
  Stats expected;
  {
    auto r = open_reader(reference);
    expected = *r->stats();
    expect_check_ok(*r);
  }
  ASSERT_GT(expected.documents, 0u);

  std::mt19937 rng(2024);
  for (int round = 0; round < rounds; ++round) {
    const size_t kill_at = 1 + rng() % kill_points;
    SCOPED_TRACE(fmt::format("round {}: killed at kill point {} of {}", round, kill_at, kill_points));
    const std::string db = tmp.sub(fmt::format("round{}.db", round));
    const pid_t child = workload(db, {"KG_KILL_AT", std::to_string(kill_at)});
    ASSERT_GE(child, 0);
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the writer was not killed";

    if (std::filesystem::exists(db + "/CURRENT")) {
      Result<std::unique_ptr<Store>> r = Store::open(db, {});
      if (r.is_ok()) {
        expect_check_ok(**r);
      } else {
        // Killed while creating the store: readers say so, the next writer finishes it.
        EXPECT_NE(r.status().message().find("not completely created"), std::string::npos) << r.status().message();
      }
    }
    const std::string error = run_workload(db, tsv_a, tsv_b);
    if (!error.empty()) {
      std::string files;
      for (const auto& e : std::filesystem::directory_iterator(db)) files += e.path().filename().string() + " ";
      FAIL() << error << "\nfiles: " << files;
    }
    auto r = open_reader(db);
    ASSERT_TRUE(r);
    const Stats got = *r->stats();
    EXPECT_EQ(got.documents, expected.documents);
    EXPECT_EQ(got.sentences, expected.sentences);
    EXPECT_EQ(got.entities, expected.entities);
    EXPECT_EQ(got.relations, expected.relations);
    EXPECT_EQ(got.edges, expected.edges);
    EXPECT_EQ(got.evidence, expected.evidence);
    EXPECT_EQ(got.aliases, expected.aliases);
    expect_check_ok(*r);
    std::error_code ec;
    std::filesystem::remove_all(db, ec);
    if (HasFailure()) return;
  }
}

// The writer half of the crash test: runs only when the test above starts it.
TEST(StoreCrashWorkload, Run) {
  const char* spec = std::getenv("KG_CRASH_WORKLOAD");
  if (!spec) GTEST_SKIP() << "the writer process of the crash test; runs only when the crash test starts it";
  const std::string s = spec;
  const size_t a = s.find('|'), b = s.find('|', a + 1);
  const std::string error = run_workload(s.substr(0, a), s.substr(a + 1, b - a - 1), s.substr(b + 1));
  if (!error.empty()) fmt::print(stderr, "workload: {}\n", error);
  std::_Exit(error.empty() ? 0 : 1);
}

}  // namespace
}  // namespace kg::store
