// Session::execute on the hand-built store of sample_store.h; every
// expected row is read off that file's description.
#include <gtest/gtest.h>

#include "query/query.h"
#include "tests/query/sample_store.h"

namespace kg::query {
namespace {

using kg::testing::TempDir;

class ExecutorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    kg::testing::build_sample_store(dir_.file("kg.db"));
    store_ = kg::testing::open_read_only(dir_.file("kg.db"));
    ASSERT_NE(store_, nullptr);
  }

  QueryResult run(Session& session, std::string_view text) {
    auto command = parse_command(text);
    EXPECT_TRUE(command.is_ok()) << command.status().message();
    if (!command.is_ok()) return {};
    auto result = session.execute(*command);
    EXPECT_TRUE(result.is_ok()) << text << ": " << result.status().message();
    return result.is_ok() ? *result : QueryResult{};
  }

  Status fail(Session& session, std::string_view text) {
    auto command = parse_command(text);
    EXPECT_TRUE(command.is_ok()) << command.status().message();
    if (!command.is_ok()) return command.status();
    auto result = session.execute(*command);
    EXPECT_FALSE(result.is_ok()) << "expected " << text << " to fail";
    return result.status();
  }

  TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

std::string text(const Cell& c) { return std::holds_alternative<std::string>(c) ? std::get<std::string>(c) : "<not text>"; }
int64_t integer(const Cell& c) { return std::holds_alternative<int64_t>(c) ? std::get<int64_t>(c) : -999; }

// depth, name, type, relation, via of each row.
std::vector<std::string> neighbor_rows(const QueryResult& r) {
  std::vector<std::string> rows;
  if (r.tables.size() != 1) return rows;
  for (const auto& row : r.tables[0].rows) {
    rows.push_back(std::to_string(integer(row[0])) + " " + text(row[1]) + " " + text(row[2]) + " " + text(row[3]) +
                   " " + text(row[4]));
  }
  return rows;
}

const std::vector<std::string> kBidenDepth1 = {
    "1 Ukraine LOC <-[warn about]- Joe Biden",
    "1 Victoria Nuland PERSON -[mention]-> Joe Biden",
    "1 Vladimir Putin PERSON <-[speak with]- Joe Biden",
};

TEST_F(ExecutorTest, NeighborsOneShotRunsOnTheEntityGraphView) {
  Session session(*store_, SessionMode::kOneShot);
  const QueryResult r = run(session, ":neighbors biden");
  EXPECT_EQ(neighbor_rows(r), kBidenDepth1);
  EXPECT_TRUE(session.has_view());
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].key, "neighbors");
  EXPECT_EQ(r.tables[0].title, "Neighbours of Joe Biden within 1 hop: 3");
}

TEST_F(ExecutorTest, NeighborsDepthTwoIsTheSameFromStoreAndView) {
  std::vector<std::string> expected = kBidenDepth1;
  expected.push_back("2 Senate Foreign Relations Committee ORG <-[testify to]- Victoria Nuland");
  Session one_shot(*store_, SessionMode::kOneShot);
  EXPECT_EQ(neighbor_rows(run(one_shot, ":neighbors \"Joe Biden\" depth 2")), expected);
  Session interactive(*store_, SessionMode::kInteractive);
  EXPECT_EQ(neighbor_rows(run(interactive, ":neighbors \"Joe Biden\" depth 2")), expected);
  EXPECT_TRUE(interactive.has_view());
  // The other component stays out of reach at any depth.
  EXPECT_EQ(neighbor_rows(run(interactive, ":neighbors \"Jane Roe\" depth 5")),
            std::vector<std::string>{"1 Acme Corp ORG -[hire]-> Jane Roe"});
}

TEST_F(ExecutorTest, EntityShowsNamesAliasesAndRelations) {
  Session session(*store_, SessionMode::kOneShot);
  const QueryResult r = run(session, ":entity US PRESIDENT joe biden");
  ASSERT_EQ(r.tables.size(), 2u);
  const auto& info = r.tables[0].rows.at(0);
  EXPECT_EQ(text(info[1]), "Joe Biden");
  EXPECT_EQ(text(info[2]), "PERSON");
  EXPECT_EQ(integer(info[4]), 4);  // 3 out, 1 in
  EXPECT_EQ(text(info[5]), "Biden; US President Joe Biden");
  const auto& rel = r.tables[1].rows;
  ASSERT_EQ(rel.size(), 4u);
  // Best supported first: speak with has two sentences.
  EXPECT_EQ(text(rel[0][0]) + " " + text(rel[0][1]) + " " + text(rel[0][3]), "Joe Biden speak with Vladimir Putin");
  // Two people speaking: the schema's symmetric "meets", a relation between names.
  EXPECT_EQ(text(rel[0][2]), "meets");
  EXPECT_EQ(text(rel[0][6]), "relation");
  EXPECT_EQ(integer(rel[0][4]), 2);
  EXPECT_FALSE(session.has_view());
}

TEST_F(ExecutorTest, UnknownEntityNamesTheClosest) {
  Session session(*store_, SessionMode::kOneShot);
  const Status s = fail(session, ":entity Jo Bidn");
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_EQ(s.message(), "1:9: no entity named \"Jo Bidn\"; closest: Joe Biden (PERSON)");
  const Status t = fail(session, ":path Ukraine Nulend");
  EXPECT_EQ(t.message(), "1:15: no entity named \"Nulend\"; closest: Victoria Nuland (PERSON)");
}

TEST_F(ExecutorTest, SourcesListsEvidenceWithDocuments) {
  Session session(*store_, SessionMode::kOneShot);
  const QueryResult r = run(session, ":sources Biden speak_with Putin");
  ASSERT_EQ(r.tables.size(), 1u);
  const auto& rows = r.tables[0].rows;
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(text(rows[0][0]), "call.txt");
  EXPECT_EQ(integer(rows[0][1]), 1);
  EXPECT_EQ(text(rows[0][3]), "Joe Biden spoke with Vladimir Putin on Tuesday.");
  EXPECT_EQ(text(rows[0][4]), "");
  EXPECT_EQ(text(rows[1][0]), "hearing.txt");
  EXPECT_EQ(integer(rows[1][1]), 2);
  EXPECT_EQ(text(rows[1][3]), "Nuland said Biden spoke with Putin.");
  EXPECT_EQ(text(rows[1][4]), "said by Victoria Nuland");
  EXPECT_FALSE(session.has_view());
}

TEST_F(ExecutorTest, SourcesTakeTheCanonicalRelationName) {
  Session session(*store_, SessionMode::kOneShot);
  // "speak with" between two people is the schema's "meets" (graph/schema).
  const QueryResult r = run(session, ":sources Biden meets Putin");
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].rows.size(), 2u);
  // A canonical name that nothing between them means is the usual miss.
  EXPECT_FALSE(fail(session, ":sources Biden acquires Putin").is_ok());
}

TEST_F(ExecutorTest, SourcesOfAMissingFactSaysWhatLinksThePair) {
  Session session(*store_, SessionMode::kOneShot);
  const Status s = fail(session, ":sources Biden meet Putin");
  EXPECT_NE(s.message().find("no fact Joe Biden -[meet]-> Vladimir Putin"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("Joe Biden -[speak with]-> Vladimir Putin (2)"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("Joe Biden -[warn]-> Vladimir Putin (1)"), std::string::npos) << s.message();
  const Status t = fail(session, ":sources Putin hire \"Acme Corp\"");
  EXPECT_EQ(t.message(), "no fact Vladimir Putin -[hire]-> Acme Corp: nothing links Vladimir Putin and Acme Corp");
}

TEST_F(ExecutorTest, PathFollowsEdgesBothWaysAndBuildsTheView) {
  Session session(*store_, SessionMode::kOneShot);
  const QueryResult r = run(session, ":path Ukraine Nuland");
  EXPECT_TRUE(session.has_view());
  ASSERT_EQ(r.tables.size(), 1u);
  const auto& rows = r.tables[0].rows;
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(text(rows[0][1]) + " " + text(rows[0][2]) + " " + text(rows[0][3]), "Ukraine <-[warn about]- Joe Biden");
  EXPECT_EQ(text(rows[1][1]) + " " + text(rows[1][2]) + " " + text(rows[1][3]), "Joe Biden <-[mention]- Victoria Nuland");
  const QueryResult none = run(session, ":path \"Jane Roe\" Putin");
  EXPECT_TRUE(none.tables.empty());
  EXPECT_EQ(none.message, "no path between Jane Roe and Vladimir Putin");
}

TEST_F(ExecutorTest, TopByDegreeAndPageRank) {
  Session session(*store_, SessionMode::kInteractive);
  const QueryResult r = run(session, ":top 3 by degree");
  ASSERT_EQ(r.tables.size(), 1u);
  const auto& rows = r.tables[0].rows;
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(text(rows[0][1]), "Joe Biden");
  EXPECT_EQ(integer(rows[0][3]), 4);
  EXPECT_EQ(text(rows[1][1]), "Vladimir Putin");  // degree 2, lower id than Nuland
  EXPECT_EQ(text(rows[2][1]), "Victoria Nuland");
  EXPECT_EQ(integer(rows[2][3]), 2);

  const QueryResult p = run(session, ":top");
  ASSERT_EQ(p.tables.size(), 1u);
  ASSERT_EQ(p.tables[0].rows.size(), 7u);  // fewer entities than the default 10
  ASSERT_EQ(p.tables[0].columns.back(), "pagerank");
  double previous = 2.0;
  for (const auto& row : p.tables[0].rows) {
    const double rank = std::get<double>(row[4]);
    EXPECT_LE(rank, previous);
    EXPECT_GT(rank, 0.0);
    previous = rank;
  }
}

TEST_F(ExecutorTest, ComponentsLargestFirstWithMembersByDegree) {
  Session session(*store_, SessionMode::kOneShot);
  const QueryResult r = run(session, ":components");
  ASSERT_EQ(r.tables.size(), 1u);
  const auto& rows = r.tables[0].rows;
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(integer(rows[0][1]), 5);
  EXPECT_EQ(text(rows[0][2]), "Joe Biden, Vladimir Putin, Victoria Nuland, Ukraine, Senate Foreign Relations Committee");
  EXPECT_EQ(integer(rows[1][1]), 2);
  EXPECT_EQ(text(rows[1][2]), "Acme Corp, Jane Roe");
}

TEST_F(ExecutorTest, StatsCountTheSampleStore) {
  Session session(*store_, SessionMode::kOneShot);
  const QueryResult r = run(session, ":stats");
  ASSERT_EQ(r.tables.size(), 1u);
  std::map<std::string, int64_t> value;
  for (const auto& row : r.tables[0].rows) value[text(row[0])] = integer(row[1]);
  EXPECT_EQ(value["documents"], 3);
  EXPECT_EQ(value["sentences"], 5);
  EXPECT_EQ(value["entities"], 7);
  EXPECT_EQ(value["entities PERSON"], 4);
  EXPECT_EQ(value["entities ORG"], 2);
  EXPECT_EQ(value["entities LOC"], 1);
  EXPECT_EQ(value["relations"], 6);
  EXPECT_EQ(value["edges"], 6);
  EXPECT_EQ(value["evidence"], 7);
}

TEST_F(ExecutorTest, ExportToTheScreenAndHelpAndQuit) {
  Session session(*store_, SessionMode::kOneShot);
  const QueryResult dot = run(session, ":export dot");
  EXPECT_EQ(dot.message.rfind("digraph", 0), 0u) << dot.message.substr(0, 40);
  EXPECT_NE(dot.message.find("speak with (2)"), std::string::npos);
  const QueryResult file = run(session, ":export json " + dir_.file("g.json"));
  EXPECT_EQ(file.message, "wrote " + dir_.file("g.json") + " (7 entities, 6 edges)");
  EXPECT_TRUE(std::filesystem::exists(dir_.file("g.json")));
  const QueryResult focused = run(session, ":export json " + dir_.file("f.json") + " focus Nuland");
  EXPECT_EQ(focused.message, "wrote " + dir_.file("f.json") + " (3 entities, 2 edges)");
  EXPECT_NE(run(session, ":help").message.find(":neighbors NAME [depth N]"), std::string::npos);
  EXPECT_TRUE(run(session, ":quit").quit);
}

TEST_F(ExecutorTest, EntityNamesForCompletionAreSorted) {
  Session session(*store_, SessionMode::kInteractive);
  const std::vector<std::string> expected = {"Acme Corp", "Jane Roe", "Joe Biden", "Senate Foreign Relations Committee",
                                             "Ukraine", "Victoria Nuland", "Vladimir Putin"};
  EXPECT_EQ(session.entity_names(), expected);
}

}  // namespace
}  // namespace kg::query
