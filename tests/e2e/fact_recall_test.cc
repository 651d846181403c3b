// kg eval facts: recall of a store against hand-written gold facts, on a
// gold file written here (the matching rules) and on the BBC dev set of
// tests/data (the recall floor; skipped without ../shared).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/nlp/cli_run.h"

namespace {

namespace fs = std::filesystem;
using kg::nlp::testing::run_kg;
using kg::nlp::testing::RunResult;
using kg::nlp::testing::TempDir;

std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

bool models_present() {
  const std::string dir = std::string(KG_SOURCE_DIR) + "/ingest/models";
  return fs::exists(dir + "/parser.kgm") && fs::exists(dir + "/ner.kgm");
}

TEST(EvalFacts, CountsAFactOnlyWhenBothNamesAndTheRelationMatch) {
  if (!models_present()) GTEST_SKIP() << "no trained models";
  TempDir dir("kg_eval_facts");
  const fs::path article = fs::path(KG_SOURCE_DIR) / "examples" / "keller-andrade-call.md";
  const std::string db = "--db " + quote(dir / "kg.db");
  ASSERT_EQ(run_kg(db + " ingest " + quote(article), dir).exit_code, 0);
  std::ofstream(dir / "gold.tsv") << "file\tsubject\trelation\tobject\tsymmetric\n"
                                     // stored once as Andrade -> Keller; "speak with" is symmetric
                                     "keller-andrade-call.md\tMartin Keller\tspeak with\tLucia Andrade\tno\n"
                                     // the right names, a relation nobody stated
                                     "keller-andrade-call.md\tMartin Keller\tsue\tLucia Andrade\tno\n"
                                     // an entity the article never names
                                     "keller-andrade-call.md\tMartin Keller\tspeak with\tNobody Else\tno\n";
  const RunResult r = run_kg(db + " eval facts --json --gold " + quote(dir / "gold.tsv"), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["gold"], 3);
  EXPECT_EQ(j["recalled"], 1) << r.out;
  EXPECT_EQ(j["files"]["keller-andrade-call.md"]["recalled"], 1) << r.out;
}

TEST(EvalFacts, AReversedPhraseCountsTheOtherWayRound) {
  if (!models_present()) GTEST_SKIP() << "no trained models";
  TempDir dir("kg_eval_facts_reversed");
  std::ofstream(dir / "race.txt") << "Kovac wins again\n\nMaja Lindqvist has finished second to Anna Kovac in two "
                                     "races.\n";
  const std::string db = "--db " + quote(dir / "kg.db");
  ASSERT_EQ(run_kg(db + " ingest " + quote(dir / "race.txt"), dir).exit_code, 0);
  // "finish second to" states "beat" with its arguments the other way round.
  std::ofstream(dir / "gold.tsv") << "file\tsubject\trelation\tobject\tsymmetric\n"
                                     "race.txt\tAnna Kovac\tbeat\tMaja Lindqvist\tno\n"
                                     "race.txt\tMaja Lindqvist\tbeat\tAnna Kovac\tno\n";
  const RunResult r = run_kg(db + " eval facts --json --errors --gold " + quote(dir / "gold.tsv"), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["recalled"], 1) << r.out;
  // The one missed is the third line: Lindqvist beat nobody.
  EXPECT_NE(r.err.find("gold.tsv:3: Maja Lindqvist · beat · Anna Kovac"), std::string::npos) << r.err;
}

TEST(EvalFacts, AMalformedGoldLineIsAOneLineErrorWithTheLine) {
  TempDir dir("kg_eval_facts_bad");
  std::ofstream(dir / "gold.tsv") << "file\tsubject\trelation\tobject\tsymmetric\nonly\tthree\tfields\n";
  const RunResult r = run_kg("--db " + quote(dir / "kg.db") + " eval facts --gold " + quote(dir / "gold.tsv"), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("gold.tsv:2: expected 5 tab-separated fields"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

// The floor is a little under what the current extractor measures on the dev
// set (0.46); issue 19 asks for 0.70. The dev set is no longer fully held
// out: some general patterns (roles in apposition, an organisation before a
// title, "urged X to", names inside an object, organisation names read in
// pieces, places after a comma, channels, positions before a name) were first
// seen among its misses, and each was then checked on the whole BBC corpus. The held-out set is the even-numbered articles the
// project is scored on.
constexpr double kDevRecallFloor = 0.44;

TEST(EvalFacts, BbcDevSetRecallFloor) {
  const fs::path bbc = fs::path(KG_SHARED_DATA) / "news" / "bbc";
  if (!fs::exists(bbc)) GTEST_SKIP() << bbc << " is absent (../shared/data not mounted)";
  if (!models_present()) GTEST_SKIP() << "no trained models";
  TempDir dir("kg_eval_facts_bbc");
  const fs::path gold = fs::path(KG_SOURCE_DIR) / "tests" / "data" / "bbc_dev_facts.tsv";
  std::set<std::string> files;
  std::ifstream in(gold);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) files.insert(line.substr(0, line.find('\t')));
  ASSERT_EQ(files.size(), 12u);
  std::string args = "--db " + quote(dir / "kg.db") + " ingest";
  for (const std::string& f : files) args += " " + quote(bbc / f);
  const RunResult ingest = run_kg(args, dir);
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  const RunResult r = run_kg("--db " + quote(dir / "kg.db") + " eval facts --json --gold " + quote(gold), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["gold"], 100);
  EXPECT_GE(j["recall"].get<double>(), kDevRecallFloor) << r.out;
}

}  // namespace
