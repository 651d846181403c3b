// A JSONL batch larger than one reading block (4 MiB) goes through kg ingest
// a block at a time (issue 22, item 5): the same refusal, naming the file's
// line, and the same store as a batch of small files. Articles are generated
// here; the baseline extractor (an empty model directory) keeps it fast.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/nlp/cli_run.h"

namespace {

using kg::nlp::testing::RunResult;
using kg::nlp::testing::run_kg;
using kg::nlp::testing::TempDir;

class LargeBatch : public ::testing::Test {
 protected:
  LargeBatch() : dir_("kg_large_batch") {
    std::filesystem::create_directories(dir_ / "no-models");
    ::setenv("KG_MODELS", (dir_ / "no-models").c_str(), 1);
  }
  ~LargeBatch() override { ::unsetenv("KG_MODELS"); }

  RunResult kg(const std::string& db, const std::string& args) {
    return run_kg("--db '" + (dir_ / db).string() + "' " + args, dir_);
  }

  // `n` articles of about 5 KB, one a line; line `bad_line` (1-based, 0 for
  // none) has an unreadable date.
  std::string articles(int n, int bad_line) {
    std::string out;
    for (int i = 1; i <= n; ++i) {
      std::string text;
      for (int k = 0; k < 90; ++k) {
        text += "Report " + std::to_string(i) + " part " + std::to_string(k) + " says the port union met the council. ";
      }
      out += nlohmann::json({{"id", "a" + std::to_string(i)},
                             {"date", i == bad_line ? "someday" : "2024-02-0" + std::to_string(1 + i % 9)},
                             {"text", text}})
                 .dump() +
             "\n";
    }
    return out;
  }

  std::string file(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return "'" + (dir_ / name).string() + "'";
  }

  TempDir dir_;
};

TEST_F(LargeBatch, ABadLineDeepInALargeFileIsNamedAndNothingIsStored) {
  const std::string bytes = articles(1200, 1100);
  ASSERT_GT(bytes.size(), size_t{5} << 20);
  const std::string big = file("big.jsonl", bytes);
  const RunResult refused = kg("kg.db", "ingest -q " + big);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("big.jsonl:1100: unreadable date \"someday\""), std::string::npos) << refused.err;
  EXPECT_EQ(kg("kg.db", "stats --json").exit_code, 1) << "the refused batch created a store";

  const RunResult skipped = kg("kg.db", "ingest -q --skip-bad " + big);
  EXPECT_EQ(skipped.exit_code, 3) << skipped.err;
  EXPECT_NE(skipped.out.find("ingested 1199 articles"), std::string::npos) << skipped.out;
  const nlohmann::json stats = nlohmann::json::parse(kg("kg.db", "stats --json").out);
  EXPECT_EQ(stats["documents"], 1199);
}

TEST_F(LargeBatch, BlocksBuildTheStoreOneFileAtATimeBuilds) {
  const std::string bytes = articles(1000, 0);
  ASSERT_GT(bytes.size(), size_t{4} << 20);
  ASSERT_EQ(kg("big.db", "ingest -q " + file("big.jsonl", bytes)).exit_code, 0);
  // The same lines as many small files, read whole.
  std::string small_files;
  size_t begin = 0;
  for (int part = 0; begin < bytes.size(); ++part) {
    size_t end = bytes.find('\n', std::min(bytes.size() - 1, begin + 100000));
    end = end == std::string::npos ? bytes.size() : end + 1;
    small_files += " " + file("part" + std::to_string(100 + part) + ".jsonl", bytes.substr(begin, end - begin));
    begin = end;
  }
  ASSERT_EQ(kg("small.db", "ingest -q" + small_files).exit_code, 0);
  const RunResult a = kg("big.db", "stats --json"), b = kg("small.db", "stats --json");
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(nlohmann::json::parse(a.out)["documents"], 1000);
}

}  // namespace
