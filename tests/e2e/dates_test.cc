// Facts know when they were reported (issue 22, item 3), and a near-copy left
// out is recorded on the article kept (item 2). Articles are generated here
// with dates; every check goes through the kg binary.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "base/dates.h"
#include "tests/nlp/cli_run.h"

namespace {

using kg::nlp::testing::RunResult;
using kg::nlp::testing::run_kg;
using kg::nlp::testing::TempDir;

// Three dated reports and one undated: Biden meets Putin in January and in
// March; Biden praises Macron in March; Scholz welcomes Macron, undated.
constexpr const char* kArticles =
    R"({"id":"jan","date":"2024-01-05","title":"Talks","text":"Joe Biden met Vladimir Putin in Geneva on Monday. The two leaders spoke for hours about the war in Ukraine."}
{"id":"mar","date":"March 3, 2024","title":"More talks","text":"Joe Biden met Vladimir Putin again in Vienna. Joe Biden praised Emmanuel Macron for his efforts."}
{"id":"undated","title":"Visit","text":"Emmanuel Macron visited Berlin. Olaf Scholz welcomed Emmanuel Macron at the chancellery on Friday evening."}
)";

class Dates : public ::testing::Test {
 protected:
  Dates() : dir_("kg_dates"), db_((dir_ / "kg.db").string()) {}

  RunResult kg(const std::string& args) { return run_kg("--db '" + db_ + "' " + args, dir_); }

  std::string file(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return "'" + (dir_ / name).string() + "'";
  }

  void ingest(const std::string& args) {
    const RunResult r = kg("ingest -q " + args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  // The exported edge `relation` leaving the entity named `source`.
  nlohmann::json exported_edge(const std::string& source, const std::string& relation) {
    const RunResult r = kg("export --format json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const nlohmann::json graph = nlohmann::json::parse(r.out);
    uint64_t id = 0;
    for (const auto& n : graph["nodes"]) {
      if (n["name"] == source) id = n["id"];
    }
    for (const auto& e : graph["edges"]) {
      if (e["source"] == id && e["relation"] == relation) return e;
    }
    ADD_FAILURE() << "no edge " << source << " " << relation << " in " << r.out;
    return {};
  }

  nlohmann::json documents() {
    const RunResult r = kg("stats --documents --json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }

  // Runs `args`, expects one line on stderr holding `message`, exit 1 and the same store.
  void expect_refused(const std::string& args, const std::string& message) {
    SCOPED_TRACE(args);
    const std::string before = kg("stats --documents --json").out + kg("export --format json").out;
    const RunResult r = kg(args);
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(kg("stats --documents --json").out + kg("export --format json").out, before);
  }

  TempDir dir_;
  std::string db_;
};

TEST_F(Dates, ExportGivesFirstAndLastSeenAndRemovalMovesThem) {
  ingest(file("a.jsonl", kArticles));
  nlohmann::json meet = exported_edge("Joe Biden", "meet");
  EXPECT_EQ(meet["first_seen"], "2024-01-05");
  EXPECT_EQ(meet["last_seen"], "2024-03-03");  // "March 3, 2024" read as a day
  ASSERT_EQ(kg("remove jan").exit_code, 0);
  meet = exported_edge("Joe Biden", "meet");
  EXPECT_EQ(meet["first_seen"], "2024-03-03");
  EXPECT_EQ(meet["last_seen"], "2024-03-03");
}

TEST_F(Dates, EntityBetweenTwoDaysAndTimeline) {
  ingest(file("a.jsonl", kArticles));
  // Only January: the meeting, not the March praise.
  RunResult r = kg("entity 'Joe Biden' --from 2024-01-01 --to 2024-01-31");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Vladimir Putin"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Emmanuel Macron"), std::string::npos) << r.out;
  // From February: both (the meeting was reported again in March).
  r = kg("entity 'Joe Biden' --from 2024-02-01 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json page = nlohmann::json::parse(r.out);
  ASSERT_EQ(page["out"].size(), 2u) << r.out;
  for (const auto& e : page["out"]) EXPECT_EQ(e["last_seen"], "2024-03-03");
  // The timeline: the meeting (first seen in January) before the praise, with its days.
  r = kg("entity 'Joe Biden' --timeline");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const size_t meeting = r.out.find("2024-01-05..2024-03-03 -> meet");
  const size_t praise = r.out.find("2024-03-03             -> praise");
  ASSERT_NE(meeting, std::string::npos) << r.out;
  ASSERT_NE(praise, std::string::npos) << r.out;
  EXPECT_LT(meeting, praise);
}

TEST_F(Dates, ReplEntityTakesAPeriod) {
  ingest(file("a.jsonl", kArticles));
  RunResult r = kg("query --format json ':entity Joe Biden from 2024-03-01 to 2024-03-31'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Emmanuel Macron"), std::string::npos) << r.out;
  r = kg("query --format json ':entity Joe Biden to 2024-01-31'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("Emmanuel Macron"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Vladimir Putin"), std::string::npos) << r.out;
  r = kg("query ':entity Joe Biden from 2024-02-30'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("'2024-02-30' is not a day of the calendar"), std::string::npos) << r.err;
}

TEST_F(Dates, UndatedArticlesTakeTheIngestDayMarkedOrTheBatchDate) {
  ingest(file("a.jsonl", kArticles));
  for (const auto& d : documents()) {
    if (d["id"] == "undated") {
      EXPECT_EQ(d["date"], kg::dates::today_date());
      EXPECT_TRUE(d["date_is_ingest_date"].get<bool>());
    } else {
      EXPECT_FALSE(d["date_is_ingest_date"].get<bool>()) << d;
    }
  }
  ingest("--date 2023-07-14 " + file("b.txt", "Budget vote\n\nAnna Schmidt met Peter Lang in Bonn on Tuesday.\n"));
  bool found = false;
  for (const auto& d : documents()) {
    if (d["title"] != "Budget vote") continue;
    found = true;
    EXPECT_EQ(d["date"], "2023-07-14");
    EXPECT_FALSE(d["date_is_ingest_date"].get<bool>());
  }
  EXPECT_TRUE(found);
  // An article's own date wins over --date.
  ingest("--date 2023-07-14 " + file("c.md", "---\ntitle: Dated\ndate: 2022-02-02\n---\nLucy Morris met Paul Stewart.\n"));
  for (const auto& d : documents()) {
    if (d["title"] != "Dated") continue;
    EXPECT_EQ(d["date"], "2022-02-02");
  }
}

TEST_F(Dates, BadDatesAreRefusedAndTheStoreIsUnchanged) {
  ingest(file("a.jsonl", kArticles));
  const std::string good = file("good.txt", "Anna Schmidt met Peter Lang in Bonn.\n");
  expect_refused("ingest --date 2024-13-45 " + good, "--date 2024-13-45: not a day of the calendar");
  expect_refused("ingest " + file("bad.jsonl", R"({"id":"x","date":"next Tuesday","text":"Zoe Ball met Bob Marsh."})"),
                 "bad.jsonl:1: unreadable date \"next Tuesday\"");
  expect_refused("ingest " + file("bad.md", "---\ndate: 2024-02-30\n---\nZoe Ball met Bob Marsh.\n"),
                 "bad.md: unreadable date \"2024-02-30\"");
  expect_refused("entity 'Joe Biden' --from 2024-00-10", "--from 2024-00-10: not a day of the calendar");
  expect_refused("entity 'Joe Biden' --from 2024-05-01 --to 2024-04-01", "--from 2024-05-01 is after --to 2024-04-01");
}

TEST_F(Dates, NearCopiesAreRecordedOnTheKeptArticle) {
  const std::string body =
      "The port workers of Mombasa went on strike on Monday over pay and safety. Union leader Grace Wanjiru said "
      "the strike would last until the harbour authority agreed to talks. Ships waited outside the harbour.";
  const std::string batch = file("copies.jsonl", nlohmann::json({{"id", "first"}, {"title", "Strike"}, {"text", body}}).dump() +
                                                     "\n" +
                                                     nlohmann::json({{"id", "second"}, {"title", "Port strike"},
                                                                     {"text", body + " More soon."}}).dump() + "\n");
  ingest(batch);
  nlohmann::json docs = documents();
  ASSERT_EQ(docs.size(), 1u) << docs;
  EXPECT_EQ(docs[0]["id"], "first");
  EXPECT_EQ(docs[0]["near_duplicates"], nlohmann::json::array({"second"}));
  const RunResult listing = kg("stats --documents");
  EXPECT_NE(listing.out.find("near-copies: second"), std::string::npos) << listing.out;
  // Running the batch again records nothing twice.
  ingest(batch);
  EXPECT_EQ(documents()[0]["near_duplicates"], nlohmann::json::array({"second"}));

  // --keep-duplicates turns the detection off: both stored, no near-copy recorded.
  const std::string kept_db = (dir_ / "kept.db").string();
  const RunResult r = run_kg("--db '" + kept_db + "' ingest -q --keep-duplicates " + batch, dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  docs = nlohmann::json::parse(run_kg("--db '" + kept_db + "' stats --documents --json", dir_).out);
  ASSERT_EQ(docs.size(), 2u) << docs;
  for (const auto& d : docs) EXPECT_TRUE(d["near_duplicates"].empty()) << d;
}

}  // namespace
