// Result formatting and tab completion, on hand-written inputs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "query/completion.h"
#include "query/result.h"

namespace kg::query {
namespace {

QueryResult sample() {
  QueryResult r;
  Table t{"people", "People", {"name", "age", "score"}, {}};
  t.rows.push_back({std::string("Zoë"), int64_t{7}, 0.5});
  t.rows.push_back({std::string("Bob\tTab"), int64_t{12}, std::monostate{}});
  r.tables.push_back(std::move(t));
  return r;
}

TEST(FormatTest, TableAlignsByCharactersAndRightAlignsNumbers) {
  const std::string expected =
      "People\n"
      " name     age  score\n"
      " -------  ---  -----\n"
      " Zoë        7    0.5\n"
      " Bob\tTab   12\n";
  EXPECT_EQ(format_result(sample(), OutputFormat::kTable), expected);
}

TEST(FormatTest, TsvEscapesTabs) {
  EXPECT_EQ(format_result(sample(), OutputFormat::kTsv), "name\tage\tscore\nZoë\t7\t0.5\nBob\\tTab\t12\t\n");
}

TEST(FormatTest, JsonKeepsTypes) {
  QueryResult r = sample();
  r.message = "note";
  const auto doc = nlohmann::json::parse(format_result(r, OutputFormat::kJson));
  EXPECT_EQ(doc["people"][0]["name"], "Zoë");
  EXPECT_EQ(doc["people"][0]["age"], 7);
  EXPECT_EQ(doc["people"][0]["score"], 0.5);
  EXPECT_TRUE(doc["people"][1]["score"].is_null());
  EXPECT_EQ(doc["message"], "note");
}

// Found by the Kuzu conformance suite: JSON printed true as "true" and a
// collect() as the text "[a, b]".
TEST(FormatTest, JsonKeepsBooleansAndLists) {
  QueryResult r;
  r.tables.push_back({"rows", "", {"flag", "names"}, {{Cell{true}, Cell{CellList{Cell{std::string("a")}, Cell{int64_t{2}}, Cell{}}}}}});
  const auto line = nlohmann::json::parse(format_result(r, OutputFormat::kJsonl));
  EXPECT_EQ(line["flag"], true);
  EXPECT_EQ(line["names"], nlohmann::json::parse(R"(["a", 2, null])"));
  EXPECT_EQ(format_result(r, OutputFormat::kCsv), "flag,names\ntrue,\"[a, 2, null]\"\n");
}

TEST(FormatTest, EmptyTableSaysNone) {
  QueryResult r;
  r.tables.push_back(Table{"x", "Nothing here", {"a"}, {}});
  EXPECT_EQ(format_result(r, OutputFormat::kTable), "Nothing here\n  (none)\n");
}

const std::vector<std::string> kNames = {"Joe Biden", "Jake Sullivan", "Putin", "Vladimir Putin"};

TEST(CompletionTest, CommandNames) {
  Completion c = complete_line(":ne", kNames);
  EXPECT_EQ(c.start, 0u);
  EXPECT_EQ(c.candidates, std::vector<std::string>{":neighbors"});
  c = complete_line(":s", kNames);
  EXPECT_EQ(c.candidates, (std::vector<std::string>{":sources", ":stats"}));
  EXPECT_EQ(common_prefix(c.candidates), ":s");
}

TEST(CompletionTest, EntityNamesQuotedWhenTheyHoldSpaces) {
  Completion c = complete_line(":neighbors jo", kNames);
  EXPECT_EQ(c.start, 11u);
  EXPECT_EQ(c.candidates, std::vector<std::string>{"\"Joe Biden\""});
  // Any word of the name may start the match.
  c = complete_line(":path \"Joe Biden\" put", kNames);
  EXPECT_EQ(c.start, 18u);
  EXPECT_EQ(c.candidates, (std::vector<std::string>{"Putin", "\"Vladimir Putin\""}));
  // Inside an open quote the quote is part of the word being replaced.
  c = complete_line(":entity \"Ja", kNames);
  EXPECT_EQ(c.start, 8u);
  EXPECT_EQ(c.candidates, std::vector<std::string>{"\"Jake Sullivan\""});
}

TEST(CompletionTest, FormatsAfterExportAndCommandsAfterHelp) {
  EXPECT_EQ(complete_line(":export g", kNames).candidates, std::vector<std::string>{"graphml"});
  EXPECT_TRUE(complete_line(":export dot out", kNames).candidates.empty());
  EXPECT_EQ(complete_line(":help pa", kNames).candidates, std::vector<std::string>{"path"});
  EXPECT_TRUE(complete_line(":top 5", kNames).candidates.empty());
}

const CypherVocabulary kVocabulary = {{"LOC", "ORG", "PERSON"}, {"meets", "speak_with", "`warn, about`", "warn_about"}};

TEST(CompletionTest, CypherKeywordsInTheCaseTyped) {
  Completion c = complete_line("MAT", kNames, kVocabulary);
  EXPECT_EQ(c.start, 0u);
  EXPECT_EQ(c.candidates, std::vector<std::string>{"MATCH"});
  c = complete_line("match (a) ret", kNames, kVocabulary);
  EXPECT_EQ(c.start, 10u);
  EXPECT_EQ(c.candidates, std::vector<std::string>{"return"});
  EXPECT_EQ(complete_line("MATCH (a) WHERE a.name STARTS WITH 'x' O", kNames, kVocabulary).candidates,
            (std::vector<std::string>{"OPTIONAL", "OR", "ORDER"}));
  // A property or a parameter is not guessed.
  EXPECT_TRUE(complete_line("MATCH (a) RETURN a.na", kNames, kVocabulary).candidates.empty());
  EXPECT_TRUE(complete_line("MATCH (a {name: $wh", kNames, kVocabulary).candidates.empty());
}

TEST(CompletionTest, CypherLabelsAndRelationTypesByBracket) {
  Completion c = complete_line("MATCH (a:PE", kNames, kVocabulary);
  EXPECT_EQ(c.start, 9u);
  EXPECT_EQ(c.candidates, std::vector<std::string>{"PERSON"});
  EXPECT_EQ(complete_line("MATCH (:", kNames, kVocabulary).candidates, kVocabulary.labels);
  c = complete_line("MATCH (a:PERSON)-[r:wa", kNames, kVocabulary);
  EXPECT_EQ(c.start, 20u);
  EXPECT_EQ(c.candidates, std::vector<std::string>{"warn_about"});
  // After '|' another type; a closed node before the bracket does not count.
  EXPECT_EQ(complete_line("MATCH (a {name: 'X'})-[:meets|sp", kNames, kVocabulary).candidates,
            std::vector<std::string>{"speak_with"});
  EXPECT_EQ(complete_line("MATCH (a)-[r]->(b:O", kNames, kVocabulary).candidates, std::vector<std::string>{"ORG"});
}

TEST(CompletionTest, CypherEntityNamesInsideQuotes) {
  Completion c = complete_line("MATCH (a {name: 'vlad", kNames, kVocabulary);
  EXPECT_EQ(c.start, 16u);
  EXPECT_EQ(c.candidates, std::vector<std::string>{"'Vladimir Putin'"});
  // The quote typed is the quote closed; any word of the name may match.
  EXPECT_EQ(complete_line("MATCH (a) WHERE a.name = \"put", kNames, kVocabulary).candidates,
            (std::vector<std::string>{"\"Putin\"", "\"Vladimir Putin\""}));
  // A closed string is no longer completed as a name.
  EXPECT_EQ(complete_line("MATCH (a {name: 'Putin'}) RET", kNames, kVocabulary).candidates,
            std::vector<std::string>{"RETURN"});
}

}  // namespace
}  // namespace kg::query
