// Crash loop on the real CLI: `kg ingest` (articles and --triples) and
// `kg remove` are killed with SIGKILL at a random point of their own
// progress; after each kill `kg check` must pass, and running the whole
// workload again must give the counts of an uninterrupted run
// (`kg stats --json`).
//
// The kill points are the store's (base/kill_point.h: after each committed
// write, before a bulk load's ingestion, before the flush on close). The
// uninterrupted run counts each step's points (KG_KILL_POINTS_LOG); a round
// runs the victim step with KG_KILL_AT=N, N drawn from that count, so every
// round kills its writer and none depends on the machine's speed.
//
// Rounds: KG_STRESS_ROUNDS (default 20; `make stress` runs 100).
#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/support.h"

namespace {

namespace fs = std::filesystem;
using kg::testing::RunResult;
using kg::testing::run_kg;
using kg::testing::TempDir;

std::string triples(int lines, unsigned seed) {
  std::string text;
  std::mt19937 r(seed);
  for (int i = 0; i < lines; ++i) {
    text += "Entity " + std::to_string(r() % 500) + "\trel_" + std::to_string(r() % 9) + "\tEntity " +
            std::to_string(r() % 500) + "\n";
  }
  return text;
}

size_t line_count(const std::string& text) {
  size_t n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

TEST(CliCrash, KillWritersAtRandomKillPointsThenCheckAndReingest_crash) {
  const TempDir tmp("kg-cli-crash");
  const std::string t1 = tmp.sub("t1.tsv"), t2 = tmp.sub("t2.tsv");
  kg::testing::write_file(t1, triples(30000, 1));
  kg::testing::write_file(t2, triples(30000, 2));
  const std::string examples = std::string(KG_SOURCE_DIR) + "/examples";
  std::vector<std::vector<std::string>> steps = {{"ingest", "--triples", t1}, {"remove", t1}, {"ingest", "--triples", t2}};
  if (fs::exists(examples)) steps.insert(steps.begin(), {"ingest", examples});
  steps.push_back({"ingest", "--triples", t1});
  const auto with_db = [](const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db});
    return args;
  };

  // The uninterrupted run, counting the kill points of each step.
  const std::string reference = tmp.sub("reference.db");
  std::vector<size_t> points;
  for (size_t i = 0; i < steps.size(); ++i) {
    const std::string log = tmp.sub("points" + std::to_string(i) + ".log");
    const RunResult r = run_kg(with_db(reference, steps[i]), {{"KG_KILL_POINTS_LOG", log}});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    points.push_back(line_count(kg::testing::slurp(log)));
    ASSERT_GT(points.back(), 0u) << "step " << i << " passed no kill point";
  }
  const RunResult ref_stats = run_kg(with_db(reference, {"stats", "--json"}));
  ASSERT_EQ(ref_stats.exit_code, 0) << ref_stats.err;
  const nlohmann::json expected = nlohmann::json::parse(ref_stats.out);
  ASSERT_GT(expected["evidence"].get<uint64_t>(), 0u);

  int rounds = 20;
  if (const char* env = std::getenv("KG_STRESS_ROUNDS"); env && std::atoi(env) > 0) rounds = std::atoi(env);
  std::mt19937 rng(99);
  for (int round = 0; round < rounds; ++round) {
    const std::string db = tmp.sub("round" + std::to_string(round) + ".db");
    const size_t victim = rng() % steps.size();
    const size_t kill_at = 1 + rng() % points[victim];
    SCOPED_TRACE("round " + std::to_string(round) + ": step " + std::to_string(victim) + " killed at kill point " +
                 std::to_string(kill_at) + " of " + std::to_string(points[victim]));
    for (size_t i = 0; i < victim; ++i) ASSERT_EQ(run_kg(with_db(db, steps[i])).exit_code, 0);
    const RunResult killed = run_kg(with_db(db, steps[victim]), {{"KG_KILL_AT", std::to_string(kill_at)}});
    ASSERT_EQ(killed.signal, SIGKILL) << "not killed: exit " << killed.exit_code << "\n" << killed.err;
    if (fs::exists(db + "/CURRENT")) {
      const RunResult check = run_kg(with_db(db, {"check"}));
      // A kill during the store's creation leaves nothing readers can open yet;
      // everything else must verify.
      if ((check.out + check.err).find("not completely created") == std::string::npos) {
        EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
      }
    }
    for (const auto& step : steps) {
      const RunResult r = run_kg(with_db(db, step));
      ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    }
    const RunResult check = run_kg(with_db(db, {"check"}));
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    const RunResult stats = run_kg(with_db(db, {"stats", "--json"}));
    ASSERT_EQ(stats.exit_code, 0) << stats.err;
    EXPECT_EQ(nlohmann::json::parse(stats.out), expected);
    fs::remove_all(db);
    if (HasFailure()) break;
  }
}

}  // namespace
