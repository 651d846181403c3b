// The CaRB dev floor: `kg extract --format carb` on the benchmark's dev
// sentences, scored by ../shared/tools/carb-score. Skipped without
// ../shared or without the trained models.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fmt/format.h>

#include "tests/extract/parsed_text.h"

namespace kg::extract {
namespace {

std::string run(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  pclose(p);
  return out;
}

TEST(CarbDev, ReachesTheFloor) {
  const std::string shared = KG_SHARED_DATA;
  const std::string dev = shared + "/carb/dev.txt", gold = shared + "/carb/dev-gold.tsv";
  const std::string scorer = shared + "/../tools/carb-score";
  if (!std::filesystem::exists(dev) || !std::filesystem::exists(scorer)) GTEST_SKIP() << "CaRB dev data absent under " << shared;
  if (testing::parsing_pipeline() == nullptr) GTEST_SKIP() << "no parser model (run kg train)";
  const std::string system = ::testing::TempDir() + "/carb-dev.tsv";
  ASSERT_EQ(std::system(fmt::format("'{}' extract --format carb '{}' > '{}'", KG_BINARY, dev, system).c_str()), 0);
  const std::string report = run(fmt::format("'{}' --gold '{}' --system '{}' --json", scorer, gold, system));
  const nlohmann::json score = nlohmann::json::parse(report, nullptr, false);
  ASSERT_FALSE(score.is_discarded()) << report;
  // dev.txt holds 641 sentences, the gold 638: three lines can never pair.
  EXPECT_LE(score.value("unmatched_sentences", 99), 3);
  EXPECT_GE(score.value("f1", 0.0), 0.50) << report;
  EXPECT_GE(score.value("auc", 0.0), 0.28) << report;
  std::remove(system.c_str());
}

}  // namespace
}  // namespace kg::extract
