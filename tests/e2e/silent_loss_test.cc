// Inputs that used to be stored wrongly without a word (issue 21): names
// that normalise to nothing, a byte order mark, an empty TSV file, NUL bytes
// past the first block, control characters in JSONL. Each bad one is a
// one-line error naming the file (and line), exit 1, and the store is
// unchanged; the BOM is skipped. Inputs are generated here.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/nlp/cli_run.h"

namespace {

using kg::nlp::testing::RunResult;
using kg::nlp::testing::run_kg;
using kg::nlp::testing::TempDir;

class SilentLoss : public ::testing::Test {
 protected:
  SilentLoss() : dir_("kg_silent_loss"), db_((dir_ / "kg.db").string()) {}

  void SetUp() override {
    const RunResult r = kg("ingest --triples " + file("seed.tsv", "Anna Schmidt\tmeets\tPeter Lang\n"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  // `kg --db DB <args>` (args shell-quoted by the caller).
  RunResult kg(const std::string& args) { return run_kg("--db '" + db_ + "' " + args, dir_); }

  // Writes `bytes` to a file in the test directory; its quoted path.
  std::string file(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return "'" + (dir_ / name).string() + "'";
  }

  std::string stats() { return kg("stats --json").out; }

  // Runs `args`, expects a one-line error holding `message`, exit 1 and the same store.
  void expect_refused(const std::string& args, const std::string& message) {
    SCOPED_TRACE(args);
    const std::string before = stats();
    const RunResult r = kg(args);
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(stats(), before);
  }

  TempDir dir_;
  std::string db_;
};

TEST_F(SilentLoss, TripleNamesWithoutLettersOrDigitsAreRefused) {
  for (const std::string name : {"!!!", "???", "...", "   "}) {
    expect_refused("ingest --triples " + file("marks.tsv", "Zoe Ball\tmeets\tAnna Schmidt\n" + name + "\tmeets\tPeter Lang\n"),
                   "marks.tsv:2: the subject \"" + name + "\" has no letters or digits");
    expect_refused("ingest --triples " + file("marks.tsv", "Zoe Ball\tmeets\t" + name + "\n"),
                   "marks.tsv:1: the object \"" + name + "\" has no letters or digits");
  }
}

TEST_F(SilentLoss, EmptyTripleFileSaysSo) {
  expect_refused("ingest --triples " + file("empty.tsv", ""), "empty.tsv: no triples");
  expect_refused("ingest --triples " + file("comments.tsv", "# nothing yet\n\n"), "comments.tsv: no triples");
}

TEST_F(SilentLoss, NulBytesAnywhereAreRefused) {
  std::string long_text;
  while (long_text.size() < 20000) long_text += "Anna Schmidt met Peter Lang in Bonn. ";
  expect_refused("ingest " + file("late-nul.txt", long_text + std::string(1, '\0') + "Zoe Ball met Bob Marsh.\n"),
                 "late-nul.txt: binary data");
  std::string triples;
  for (int i = 0; i < 1000; ++i) triples += "Zoe Ball\tmeets\tName" + std::to_string(i) + "\n";
  expect_refused("ingest --triples " + file("late-nul.tsv", triples + "Bob\tme" + std::string(1, '\0') + "ets\tZoe\n"),
                 "late-nul.tsv:1001: NUL byte");
}

TEST_F(SilentLoss, ControlCharactersInJsonlFieldsAreRefused) {
  const std::string good = R"({"text": "Anna Schmidt met Peter Lang in Bonn."})";
  expect_refused("ingest " + file("escape.jsonl", good + "\n" + R"({"text": "Anna \u001b[31mSchmidt met Bob."})" + "\n"),
                 "escape.jsonl:2: field \"text\" holds control character U+001B at byte 6");  // counting from 1
  expect_refused("ingest " + file("bell.jsonl", R"({"text": "Anna met Bob.", "title": "a\u0007b"})" "\n"),
                 "bell.jsonl:1: field \"title\" holds control character U+0007");
  expect_refused("ingest " + file("nul.jsonl", R"({"text": "Anna met Bob.", "id": "x\u0000y"})" "\n"),
                 "nul.jsonl:1: field \"id\" holds control character U+0000");
  // Tab, newline and carriage return stay allowed.
  const RunResult ok = kg("ingest --quiet " + file("ok.jsonl", R"({"text": "Zoe Ball met Bob Marsh.\r\n\tThen she left."})" "\n"));
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

TEST_F(SilentLoss, ByteOrderMarkIsSkipped) {
  const std::string bom = "\xEF\xBB\xBF";
  ASSERT_EQ(kg("ingest --triples " + file("bom.tsv", bom + "Zoe Ball\tmeets\tPeter Lang\n")).exit_code, 0);
  ASSERT_EQ(kg("ingest --quiet " + file("bom.txt", bom + "Clara Rogers met Simon Evans in Bonn.\n")).exit_code, 0);
  ASSERT_EQ(kg("ingest --quiet " + file("bom.jsonl", bom + R"({"text": "Helen Turner met Mark Walker in Bonn."})" "\n"))
                .exit_code,
            0);
  for (const std::string name : {"Zoe Ball", "Clara Rogers", "Helen Turner"}) {
    const RunResult r = kg("entity --json '" + name + "'");
    ASSERT_EQ(r.exit_code, 0) << name << ": " << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["name"], name);
  }
  // A record file from kg extract, saved with a BOM by an editor.
  const RunResult record = run_kg("extract --format jsonl " + file("story.txt", "Lucy Morris met Paul Stewart in Bonn.\n"), dir_);
  ASSERT_EQ(record.exit_code, 0) << record.err;
  EXPECT_EQ(kg("ingest --triples " + file("records.jsonl", bom + record.out)).exit_code, 0);
  EXPECT_EQ(kg("entity 'Lucy Morris'").exit_code, 0);
}

}  // namespace
