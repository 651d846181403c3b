// The accuracy floors of issue 3, measured end to end with the project's own
// commands on held-out data (EWT test, GUM news test documents). Skipped
// when ../shared/data is absent.
// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3.
#pragma GCC diagnostic ignored "-Wrestrict"
#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/nlp/cli_run.h"

namespace kg::nlp {
namespace {

using testing::run_kg;
using testing::TempDir;

const std::string kEwtTest = std::string(KG_SHARED_DATA) + "/ud/en_ewt-ud-test.conllu";
const std::string kGumTest = std::string(KG_SHARED_DATA) + "/ud/en_gum-cc-by-test.conllu";

std::string quote(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// `kg eval ud --json` of `system` against `gold`.
nlohmann::json evaluate(const std::string& gold, const std::filesystem::path& system, const TempDir& dir) {
  const auto r = run_kg("eval ud --json --gold " + quote(gold) + " --system " + quote(system), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

// Annotates the raw text rebuilt from `gold` and scores it.
nlohmann::json evaluate_from_raw_text(const std::string& gold, const TempDir& dir) {
  const auto text = dir / "raw.txt";
  auto r = run_kg("eval ud --gold " + quote(gold) + " --write-text " + quote(text), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto system = dir / "system_raw.conllu";
  r = run_kg("nlp --input text " + quote(text), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::ofstream(system, std::ios::binary) << r.out;
  return evaluate(gold, system, dir);
}

TEST(UdFloors, EwtTestWithGoldTokenization) {
  if (!std::filesystem::exists(kEwtTest)) GTEST_SKIP() << "no ../shared/data: " << kEwtTest << " is absent";
  TempDir dir("kg_ud_gold");
  const auto r = run_kg("nlp --input conllu " + quote(kEwtTest), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto system = dir / "system_gold.conllu";
  std::ofstream(system, std::ios::binary) << r.out;
  const nlohmann::json s = evaluate(kEwtTest, system, dir);
  EXPECT_DOUBLE_EQ(s["Words"]["f1"].get<double>(), 100.0);
  EXPECT_GE(s["UPOS"]["f1"].get<double>(), 95.5);
  // Issue 3's floors; the shipped models measure 95.03 and 97.50.
  EXPECT_GE(s["XPOS"]["f1"].get<double>(), 95.0);
  EXPECT_GE(s["Lemmas"]["f1"].get<double>(), 97.5);
}

TEST(UdFloors, EwtTestFromRawText) {
  if (!std::filesystem::exists(kEwtTest)) GTEST_SKIP() << "no ../shared/data: " << kEwtTest << " is absent";
  TempDir dir("kg_ud_raw");
  const nlohmann::json s = evaluate_from_raw_text(kEwtTest, dir);
  EXPECT_GE(s["Tokens"]["f1"].get<double>(), 99.0);
  EXPECT_GE(s["Sentences"]["f1"].get<double>(), 85.0);
  EXPECT_GE(s["UPOS"]["f1"].get<double>(), 94.5);
}

TEST(UdFloors, GumNewsSentencesFromRawText) {
  if (!std::filesystem::exists(kGumTest)) GTEST_SKIP() << "no ../shared/data: " << kGumTest << " is absent";
  TempDir dir("kg_ud_gum_news");
  // The news documents of GUM test, copied into the temp dir only.
  std::istringstream in(testing::slurp(kGumTest));
  std::string line, news;
  bool keep = false;
  while (std::getline(in, line)) {
    if (line.starts_with("# newdoc")) keep = line.find("GUM_news_") != std::string::npos;
    if (keep) news += line + "\n";
  }
  ASSERT_FALSE(news.empty()) << "no GUM_news_ documents in " << kGumTest;
  const auto gold = dir / "gum_news.conllu";
  std::ofstream(gold, std::ios::binary) << news;
  const nlohmann::json s = evaluate_from_raw_text(gold.string(), dir);
  EXPECT_GE(s["Sentences"]["f1"].get<double>(), 90.0);
}

}  // namespace
}  // namespace kg::nlp
