// The colon-command front end: what valid lines mean, and where malformed
// ones are reported (LINE:COLUMN counted by hand from the strings).
#include <gtest/gtest.h>

#include "query/query.h"

namespace kg::query {
namespace {

template <typename T>
T parse_as(std::string_view text) {
  auto r = parse_command(text);
  EXPECT_TRUE(r.is_ok()) << r.status().message();
  if (!r.is_ok()) return T{};
  EXPECT_TRUE(std::holds_alternative<T>(*r)) << "wrong command kind for " << text;
  if (!std::holds_alternative<T>(*r)) return T{};
  return std::get<T>(*r);
}

std::string error_of(std::string_view text, int line = 1) {
  auto r = parse_command(text, line);
  EXPECT_FALSE(r.is_ok()) << "expected an error for: " << text;
  return r.is_ok() ? "" : r.status().message();
}

TEST(ParserTest, NeighborsWithQuotedNameAndDepth) {
  auto c = parse_as<NeighborsCommand>(":neighbors \"Joe Biden\" depth 2");
  EXPECT_EQ(c.name.text, "Joe Biden");
  EXPECT_EQ(c.name.column, 12);
  EXPECT_EQ(c.depth, 2);
}

TEST(ParserTest, NeighborsJoinsBareWordsAndDefaultsToDepthOne) {
  auto c = parse_as<NeighborsCommand>(":neighbors Joe Biden");
  EXPECT_EQ(c.name.text, "Joe Biden");
  EXPECT_EQ(c.depth, 1);
  auto d = parse_as<NeighborsCommand>("  :NEIGHBORS 'Vladimir Putin' DEPTH 3");
  EXPECT_EQ(d.name.text, "Vladimir Putin");
  EXPECT_EQ(d.depth, 3);
}

TEST(ParserTest, EntityTakesTheRestOfTheLine) {
  auto c = parse_as<EntityCommand>(":entity US President Joe Biden");
  EXPECT_EQ(c.name.text, "US President Joe Biden");
  auto e = parse_as<EntityCommand>(":entity \"O'Brien \\\"Jr\\\"\"");
  EXPECT_EQ(e.name.text, "O'Brien \"Jr\"");
  auto f = parse_as<EntityCommand>(":entity O'Brien");
  EXPECT_EQ(f.name.text, "O'Brien");
}

TEST(ParserTest, PathAndSources) {
  auto p = parse_as<PathCommand>(":path \"Joe Biden\" Nuland");
  EXPECT_EQ(p.from.text, "Joe Biden");
  EXPECT_EQ(p.to.text, "Nuland");
  EXPECT_EQ(p.to.column, 19);
  auto s = parse_as<SourcesCommand>(":sources Biden speak_with Putin");
  EXPECT_EQ(s.subject.text, "Biden");
  EXPECT_EQ(s.relation, "speak with");
  EXPECT_EQ(s.object.text, "Putin");
  auto q = parse_as<SourcesCommand>(":sources Nuland \"testify to\" \"Senate Foreign Relations Committee\"");
  EXPECT_EQ(q.relation, "testify to");
  EXPECT_EQ(q.object.text, "Senate Foreign Relations Committee");
}

TEST(ParserTest, TopExportHelpQuitAndFriends) {
  auto t = parse_as<TopCommand>(":top");
  EXPECT_EQ(t.limit, 10);
  EXPECT_EQ(t.by, TopCommand::By::kPageRank);
  auto u = parse_as<TopCommand>(":top 5 by degree");
  EXPECT_EQ(u.limit, 5);
  EXPECT_EQ(u.by, TopCommand::By::kDegree);
  auto x = parse_as<ExportCommand>(":export JSON out/graph.json");
  EXPECT_EQ(x.format, "json");
  EXPECT_EQ(x.file, "out/graph.json");
  auto y = parse_as<ExportCommand>(":export dot");
  EXPECT_EQ(y.file, "");
  auto z = parse_as<ExportCommand>(":export svg out.svg focus Joe Biden depth 2");
  EXPECT_EQ(z.file, "out.svg");
  ASSERT_TRUE(z.focus.has_value());
  EXPECT_EQ(z.focus->text, "Joe Biden");
  EXPECT_EQ(z.depth, 2);
  auto w = parse_as<ExportCommand>(":export dot focus Putin");
  EXPECT_EQ(w.file, "");
  EXPECT_EQ(w.focus->text, "Putin");
  EXPECT_EQ(w.depth, 1);
  EXPECT_EQ(parse_as<HelpCommand>(":help :path").topic, "path");
  EXPECT_EQ(parse_as<HelpCommand>(":help").topic, "");
  parse_as<QuitCommand>(":q");
  parse_as<QuitCommand>(":exit");
  parse_as<ComponentsCommand>(":components");
  parse_as<StatsCommand>(":stats");
}

TEST(ParserTest, DepthErrorsPointAtTheToken) {
  EXPECT_EQ(error_of(":neighbors \"Joe Biden\" depth x"),
            "1:30: expected a number after 'depth', found 'x' (usage: :neighbors NAME [depth N])");
  EXPECT_EQ(error_of(":neighbors Biden depth"),
            "1:23: expected a number after 'depth', found end of line (usage: :neighbors NAME [depth N])");
  EXPECT_EQ(error_of(":neighbors Biden depth 0"), "1:24: 'depth' must be a number from 1 to 10");
  EXPECT_EQ(error_of(":neighbors Biden depth 2 extra"),
            "1:26: unexpected 'extra' (usage: :neighbors NAME [depth N])");
}

TEST(ParserTest, EntityTakesAPeriodAndATimeline) {
  auto c = parse_as<EntityCommand>(":entity Joe Biden from 2024-01-01 to \"March 5, 2024\" timeline");
  EXPECT_EQ(c.name.text, "Joe Biden");
  EXPECT_EQ(c.from, "2024-01-01");
  EXPECT_EQ(c.to, "2024-03-05");
  EXPECT_TRUE(c.timeline);
  auto d = parse_as<EntityCommand>(":entity Putin to 2024-12-31");
  EXPECT_EQ(d.name.text, "Putin");
  EXPECT_EQ(d.from, "");
  EXPECT_EQ(d.to, "2024-12-31");
  EXPECT_FALSE(d.timeline);
  EXPECT_EQ(error_of(":entity Putin from 2024-13-45"),
            "1:20: '2024-13-45' is not a day of the calendar (write YYYY-MM-DD after 'from')");
  EXPECT_EQ(error_of(":entity Putin from"),
            "1:19: expected a day (YYYY-MM-DD) after 'from', found end of line (usage: :entity NAME [from DAY] [to DAY] "
            "[timeline])");
  EXPECT_NE(error_of(":entity Putin from 2024-05-01 to 2024-04-01").find("'from 2024-05-01' is after 'to 2024-04-01'"),
            std::string::npos);
}

TEST(ParserTest, ArgumentErrors) {
  EXPECT_EQ(error_of(":path Biden"), "1:12: expected the second entity name, found end of line (usage: :path A B)");
  EXPECT_EQ(error_of(":path Joe Biden Putin").substr(0, 44), "1:17: unexpected 'Putin': :path takes two na");
  EXPECT_EQ(error_of(":entity"), "1:8: expected an entity name, found end of line (usage: :entity NAME [from DAY] [to DAY] [timeline])");
  EXPECT_EQ(error_of(":top x", 3), "3:6: unexpected 'x' (usage: :top [N] [by pagerank|degree])");
  EXPECT_EQ(error_of(":top 3 by size"),
            "1:11: expected 'pagerank' or 'degree' after 'by', found 'size' (usage: :top [N] [by pagerank|degree])");
  EXPECT_EQ(error_of(":export pdf"), "1:9: unknown export format 'pdf'; use one of dot, svg, png, graphml, json, csv, nt");
  EXPECT_EQ(error_of(":export dot focus"),
            "1:18: expected an entity name after 'focus', found end of line (usage: :export FORMAT [FILE] [focus NAME [depth N]])");
  EXPECT_EQ(error_of(":stats now"), "1:8: unexpected 'now' (usage: :stats)");
}

TEST(ParserTest, LexicalErrors) {
  EXPECT_EQ(error_of(":entity \"Joe Biden"), "1:9: unterminated string: add the closing \"");
  EXPECT_EQ(error_of(":entity Biden; drop"), "1:14: unexpected character ';'");
  EXPECT_EQ(error_of(":entity \"a\\nb\""), "1:11: unknown escape '\\n' in a quoted name (use \\\" \\' or \\\\)");
  // Columns count characters, not bytes: "Zelenskyï" has a two-byte letter.
  EXPECT_EQ(error_of(":neighbors Zelenskyï depth y"),
            "1:28: expected a number after 'depth', found 'y' (usage: :neighbors NAME [depth N])");
}

TEST(ParserTest, UnknownCommandsSuggestTheClosest) {
  EXPECT_EQ(error_of(":nieghbors Biden"), "1:2: unknown command ':nieghbors'; did you mean ':neighbors'? (type :help for the list)");
  EXPECT_EQ(error_of(":pth a b"), "1:2: unknown command ':pth'; did you mean ':path'? (type :help for the list)");
  EXPECT_EQ(error_of(":frobnicate"), "1:2: unknown command ':frobnicate' (type :help for the list)");
  EXPECT_EQ(error_of(":"), "1:2: expected a command name after ':', found end of line (type :help for the list)");
}

TEST(ParserTest, NonColonLinesAreCypher) {
  auto c = parse_as<CypherCommand>("MATCH (n) RETURN n");
  ASSERT_NE(c.query, nullptr);
  EXPECT_EQ(c.query->clauses.at(0).match.patterns.size(), 1u);
  EXPECT_EQ(error_of("   MATCH (n)"), "1:13: expected WHERE, MATCH, OPTIONAL MATCH, UNWIND, CALL, WITH or RETURN, found end of query");
  EXPECT_EQ(error_of("   ").substr(0, 16), "1:1: empty query");
}

TEST(ParserTest, HelpListsEveryCommandAndCypher) {
  const std::string help = help_text("");
  for (const char* usage : {":entity NAME", ":neighbors NAME [depth N]", ":path A B", ":sources A REL B", ":top [N]",
                            ":components", ":stats", ":export FORMAT [FILE] [focus NAME [depth N]]", ":help", ":quit"}) {
    EXPECT_NE(help.find(usage), std::string::npos) << usage;
  }
  EXPECT_NE(help.find("MATCH (a:PERSON {name: 'Joe Biden'})"), std::string::npos);
  EXPECT_NE(help_text("path").find(":path A B"), std::string::npos);
}

// The caret sits under the column the message names, counted in code
// points ("Sergeï" is 6 wide); a message without a position stays as it is.
TEST(ParserTest, CaretUnderTheErrorColumn) {
  const std::string text = "MATCH (a {name: 'Sergeï'})\nRETURN a.age";
  EXPECT_EQ(with_caret("2:8: unknown property 'age'", text), "2:8: unknown property 'age'\n  RETURN a.age\n         ^");
  EXPECT_EQ(with_caret("1:26: x", text), "1:26: x\n  MATCH (a {name: 'Sergeï'})\n                           ^");
  EXPECT_EQ(with_caret("no position", text), "no position");
  EXPECT_EQ(with_caret("7:1: past the end", text), "7:1: past the end");
}

}  // namespace
}  // namespace kg::query
