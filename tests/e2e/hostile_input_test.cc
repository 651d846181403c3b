// Inputs built to make kg's cost explode (issue 21), run through the kg
// binary: each must finish with the facts of its ordinary part, and what a
// per-sentence budget left out is said on stderr. No timing is asserted; the
// inputs are generated here.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/nlp/cli_run.h"

namespace {

using kg::nlp::testing::run_kg;
using kg::nlp::testing::TempDir;

std::string shell_quoted(const std::string& s) { return "'" + s + "'"; }

std::string write(const TempDir& dir, const std::string& name, const std::string& text) {
  const std::string path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// Names the recognizer knows as people: 16 first names x 16 surnames.
std::vector<std::string> people() {
  const std::vector<std::string> firsts = {"Anna",  "Peter", "Maria", "John", "David", "Sarah", "Laura", "Thomas",
                                           "James", "Emma",  "Paul",  "Lucy", "Mark",  "Helen", "Simon", "Clara"};
  const std::vector<std::string> lasts = {"Schmidt", "Lang",   "Keller", "Brown",  "Wilson",  "Taylor",
                                          "Moore",   "Walker", "Hughes", "Turner", "Parker",  "Evans",
                                          "Collins", "Stewart", "Morris", "Rogers"};
  std::vector<std::string> out;
  for (const std::string& f : firsts) {
    for (const std::string& l : lasts) out.push_back(f + " " + l);
  }
  return out;
}

size_t occurrences(const std::string& text, const std::string& word) {
  size_t n = 0;
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++n;
  return n;
}

// The story sentence every input below ends with, and its fact in kg extract's tsv.
constexpr const char* kStory = "Anna Schmidt met Peter Lang in Bonn.\n";
constexpr const char* kStoryFact = "Anna Schmidt\tmeet\tPeter Lang";

// kg extract (tsv) of `text` saved as `name`: it must finish and find the story's fact.
kg::nlp::testing::RunResult extract_with_story(const std::string& name, const std::string& text) {
  TempDir dir("kg_hostile_" + name);
  auto r = run_kg("extract " + shell_quoted(write(dir, name, text + kStory)), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(kStoryFact), std::string::npos) << r.out.substr(0, 2000);
  return r;
}

TEST(HostileInput, RunOnSentenceIsLeftUnparsedAndCounted) {
  // One "sentence" of 40,000 words nesting 10,000 clauses (190 KB).
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "Mr Smith said that ";
  const auto r = extract_with_story("runon.txt", text + "\n\n");
  // Cut into 40 pieces of 1,000 words (nlp::kMaxSentenceWords), each over the parser's budget.
  EXPECT_NE(r.err.find("1 sentence(s) over 1000 words cut into pieces"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("40 sentence(s) over 400 words left unparsed"), std::string::npos) << r.err;
}

TEST(HostileInput, RunOnSentenceIsCutAndTheIngestSummarySaysSo) {
  // One "sentence" of 25,000 words, no full stop: a paragraph without a sentence end.
  const std::vector<std::string> names = people();
  std::string text;
  for (int i = 0; i < 5000; ++i) text += names[i % names.size()] + " and " + names[(i + 7) % names.size()] + " ";
  TempDir dir("kg_hostile_ingest_runon");
  const std::string db = (dir / "kg.db").string();
  const std::string input = write(dir, "runon.txt", text + "\n\n" + kStory);
  const auto r = run_kg("--db " + shell_quoted(db) + " ingest " + shell_quoted(input), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("kg ingest: 1 sentence(s) over 1000 words cut into pieces"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kg ingest: 25 sentence(s) over 400 words left unparsed"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("ingested 1 article"), std::string::npos) << r.out;
}

TEST(HostileInput, ListOfThousandsOfNamesIsCut) {
  const std::vector<std::string> names = people();
  // 3,000 comma-separated names before one reciprocal verb (63 KB).
  std::string text;
  for (int i = 0; i < 3000; ++i) text += names[i % names.size()] + ", ";
  const auto r = extract_with_story("list.txt", text + "and Anna Schmidt met.\n\n");
  EXPECT_NE(r.err.find("left unparsed"), std::string::npos) << r.err;
}

TEST(HostileInput, MegabyteOfShortLines) {
  // 100,000 short one-sentence lines in one paragraph (1.4 MB), then the story sentence.
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "Line " + std::to_string(i) + " here.\n";
  extract_with_story("lines.txt", text);
}

TEST(HostileInput, ThousandsOfOneSentenceParagraphsResolveEveryName) {
  TempDir dir("kg_hostile_paragraphs");
  const std::vector<std::string> names = people();
  std::string text;
  const size_t paragraphs = 3000;
  for (size_t i = 0; i < paragraphs; ++i) {
    text += names[i % names.size()] + " met " + names[(i * 7 + 3) % names.size()] + " in Bonn.\n\n";
  }
  const auto r = run_kg("extract --format jsonl " + shell_quoted(write(dir, "paragraphs.txt", text)), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json record = nlohmann::json::parse(r.out);
  EXPECT_EQ(record["sentences"].size(), paragraphs);
  size_t checked = 0;
  for (const auto& e : record["entities"]) {
    const std::string name = e["name"];
    if (name == "Bonn") {
      EXPECT_EQ(e["mentions"], paragraphs);
      ++checked;
    }
    if (name == "Anna Schmidt") {
      EXPECT_EQ(e["mentions"], occurrences(text, name));
      ++checked;
    }
  }
  EXPECT_EQ(checked, 2u);
  EXPECT_GT(record["facts"].size(), paragraphs / 2);
}

TEST(HostileInput, UnknownHugeEntityNameIsAnErrorWithoutSuggestions) {
  TempDir dir("kg_hostile_name");
  const std::string db = (dir / "kg.db").string();
  ASSERT_EQ(run_kg("--db " + shell_quoted(db) + " ingest --quiet " + shell_quoted(std::string(KG_SOURCE_DIR) + "/examples"), dir)
                .exit_code,
            0);
  // 120 KB: near the kernel's limit for one argument.
  std::string name;
  while (name.size() < 120000) name += "Kx";
  for (const std::string& command : std::vector<std::string>{"entity " + shell_quoted(name), "query " + shell_quoted(":entity \"" + name + "\"")}) {
    const auto r = run_kg("--db " + shell_quoted(db) + " " + command, dir);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("no entity named \"KxKx"), std::string::npos) << r.err.substr(0, 200);
    EXPECT_EQ(r.err.find("closest"), std::string::npos);
  }
  // A near miss still gets its suggestion.
  const auto near = run_kg("--db " + shell_quoted(db) + " query " + shell_quoted(":entity \"Martin Keler\""), dir);
  EXPECT_EQ(near.exit_code, 1);
  EXPECT_NE(near.err.find("closest: Martin Keller"), std::string::npos) << near.err;
}

}  // namespace
