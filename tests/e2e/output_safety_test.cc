// What kg prints and writes cannot be turned against the user (issue 21):
// stored escape bytes never reach a terminal (query output, kg entity) or an
// error message, and `kg export -o` replaces its file whole or not at all.
// Inputs are generated here.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/nlp/cli_run.h"

namespace {

namespace fs = std::filesystem;
using kg::nlp::testing::RunResult;
using kg::nlp::testing::run_kg;
using kg::nlp::testing::slurp;
using kg::nlp::testing::TempDir;

const std::string kReplacement = "\xEF\xBF\xBD";

class OutputSafety : public ::testing::Test {
 protected:
  OutputSafety() : dir_("kg_output_safety"), db_((dir_ / "kg.db").string()) {}

  // `kg --db DB <args>` (args shell-quoted by the caller).
  RunResult kg(const std::string& args) { return run_kg("--db '" + db_ + "' " + args, dir_); }

  // run_kg runs "kg ARGS" through the shell with the output captured; with
  // ARGS starting "--version >/dev/null;" the rest of the line is a shell
  // script of its own (a pseudo-terminal, a file size limit).

  // `kg` on a pseudo-terminal (util-linux script), its output as the terminal got it.
  std::string kg_on_terminal(const std::string& args) {
    const std::string inner = std::string("'") + KG_BINARY + "' --db '" + db_ + "' " + args;
    std::string quoted = "'";
    for (char c : inner) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    quoted += "'";
    return run_kg("--version >/dev/null; script -qec " + quoted + " /dev/null", dir_).out;
  }

  std::string file(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return "'" + (dir_ / name).string() + "'";
  }

  TempDir dir_;
  std::string db_;
};

TEST_F(OutputSafety, ErrorMessagesReplaceStoredControlCharacters) {
  ASSERT_EQ(kg("ingest --triples " + file("evil.tsv", "Evil\x1b]0;owned\x07 Corp\tmeets\tBob Marsh\n")).exit_code, 0);
  const RunResult r = kg("query ':entity \"Evil\"'");  // the near miss is quoted in the message
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Evil" + kReplacement + "]0;owned" + kReplacement + " Corp"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos);
  EXPECT_EQ(r.err.find('\x07'), std::string::npos);
}

TEST_F(OutputSafety, TerminalsGetNoEscapeBytesFromStoredText) {
  if (!fs::exists("/usr/bin/script")) GTEST_SKIP() << "util-linux script is not installed (no pseudo-terminal to test on)";
  ASSERT_EQ(kg("ingest --quiet " + file("escape.txt", "Anna Schmidt met Peter Lang in Bonn.\x1b]0;owned\x07 Then they left.\n"))
                .exit_code,
            0);
  const std::string sources = "query ':sources \"Anna Schmidt\" meet \"Peter Lang\"'";
  // Into a pipe the stored bytes come out as stored (scripts get the data).
  EXPECT_NE(kg(sources).out.find("Bonn.\x1b]0;owned\x07"), std::string::npos);
  const std::string shown = kg_on_terminal(sources);
  EXPECT_NE(shown.find("Bonn." + kReplacement + "]0;owned" + kReplacement), std::string::npos) << shown;
  EXPECT_EQ(shown.find('\x1b'), std::string::npos);
  EXPECT_EQ(shown.find('\x07'), std::string::npos);

  ASSERT_EQ(kg("ingest --triples " + file("evil.tsv", "Evil\x1b[2J Corp\tmeets\tBob Marsh\n")).exit_code, 0);
  const std::string entity = kg_on_terminal("entity 'Bob Marsh'");
  EXPECT_NE(entity.find("Evil" + kReplacement + "[2J Corp"), std::string::npos) << entity;
  EXPECT_EQ(entity.find('\x1b'), std::string::npos);
}

TEST_F(OutputSafety, ExportReplacesItsFileWholeOrNotAtAll) {
  ASSERT_EQ(kg("ingest --quiet '" + std::string(KG_SOURCE_DIR) + "/examples'").exit_code, 0);
  const fs::path out = dir_ / "graph.json";
  const RunResult first = kg("export --format json -o '" + out.string() + "'");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::string complete = slurp(out);
  ASSERT_GT(complete.size(), 4096u);
  // A write that fails half way (a file size limit of 1 KB standing in for
  // a full disk): an error, and the old file as it was.
  const RunResult failed = run_kg("--version >/dev/null; trap '' XFSZ; ulimit -f 1; '" + std::string(KG_BINARY) +
                                      "' --db '" + db_ + "' export --format json -o '" + out.string() + "'",
                                  dir_);
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_NE(failed.err.find("the old file is unchanged"), std::string::npos) << failed.err;
  EXPECT_EQ(slurp(out), complete);
  // No temporary file is left behind, after the failure or a success.
  ASSERT_EQ(kg("export --format json -o '" + out.string() + "'").exit_code, 0);
  for (const auto& entry : fs::directory_iterator(dir_.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".kg-tmp-"), std::string::npos) << entry.path();
  }
  // -o naming a symlink replaces the link and leaves its target alone.
  const fs::path target = dir_ / "target.txt";
  std::ofstream(target) << "keep me\n";
  const fs::path link = dir_ / "link.json";
  fs::create_symlink(target, link);
  ASSERT_EQ(kg("export --format json -o '" + link.string() + "'").exit_code, 0);
  EXPECT_EQ(slurp(target), "keep me\n");
  EXPECT_FALSE(fs::is_symlink(link));
  EXPECT_EQ(slurp(link), complete);
}

}  // namespace
