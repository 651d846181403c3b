// Writes that only RocksDB's write-ahead log held, lost with it (issue 21):
// a writer is killed (SIGKILL) at a chosen point of its ingest, then its newest log is
// zeroed, deleted or has 16 bytes flipped. Nothing may be lost silently:
// kg stats, kg check and kg ingest each refuse with one line naming the
// loss, and kg check --repair lists exactly the documents the store no
// longer holds, after which the store is writable and checks clean. A kill
// with the log intact loses nothing. Inputs are generated here.
#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/nlp/cli_run.h"

namespace {

namespace fs = std::filesystem;
using kg::nlp::testing::RunResult;
using kg::nlp::testing::run_kg;
using kg::nlp::testing::slurp;
using kg::nlp::testing::TempDir;

size_t lines_of(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

class WalLoss : public ::testing::Test {
 protected:
  WalLoss() : dir_("kg_wal_loss"), db_((dir_ / "kg.db").string()) {}

  RunResult kg(const std::string& args) { return run_kg("--db '" + db_ + "' " + args, dir_); }

  // What the journal of a killed writer names: batches confirmed as stored,
  // and at most one named before its write and never confirmed.
  struct Journaled {
    size_t stored = 0;
    size_t pending = 0;
    size_t named() const { return stored + pending; }
  };

  // Runs `kg ingest` of generated articles and lets it kill itself (SIGKILL)
  // at the `nth` time it reaches the kill point `point` (base/kill_point.h),
  // found by an uninterrupted run of the same ingest: the kill lands at the
  // same step of the writer's progress on any machine.
  Journaled ingest_and_kill(const std::string& point, size_t nth) {
    const fs::path articles = dir_ / "articles";
    fs::create_directories(articles);
    for (int i = 0; i < 12; ++i) {
      std::ofstream(articles / ("a" + std::to_string(i) + ".txt"))
          << "Talks in Bonn " << i << "\n\nAnna Schmidt" << i << " met Peter Lang" << i
          << " in Bonn on Monday. Schmidt" << i << " said the Bonn Group" << i << " will open an office in Paris.\n";
    }
    const std::string points_log = (dir_ / "points.log").string();
    fs::remove(points_log);
    fs::remove_all(dir_ / "reference.db");
    const RunResult reference = kg::testing::run_kg(
        {"--db", (dir_ / "reference.db").string(), "ingest", articles.string()}, {{"KG_KILL_POINTS_LOG", points_log}});
    EXPECT_EQ(reference.exit_code, 0) << reference.err;
    std::istringstream points(slurp(points_log));
    size_t kill_at = 0, seen = 0;
    for (std::string line; std::getline(points, line);) {
      ++kill_at;
      if (line == point && ++seen == nth) break;
    }
    EXPECT_EQ(seen, nth) << "the ingest passes '" << point << "' fewer times";
    const RunResult victim =
        kg::testing::run_kg({"--db", db_, "ingest", articles.string()}, {{"KG_KILL_AT", std::to_string(kill_at)}});
    EXPECT_EQ(victim.signal, SIGKILL) << "the ingest was not killed: " << victim.err;

    Journaled j;
    std::istringstream journal(slurp(fs::path(db_) / "KG_JOURNAL"));
    for (std::string line; std::getline(journal, line);) {
      if (line.find("\tstored\t") != std::string::npos) {
        ++j.stored;
      } else if (line.find("\tpending ") != std::string::npos) {
        ++j.pending;
      }
    }
    j.pending -= j.stored;  // every stored batch was named as pending first
    return j;
  }

  // The newest write-ahead log of the store (the one the killed writer used).
  fs::path newest_log() {
    fs::path newest;
    for (const auto& e : fs::directory_iterator(db_)) {
      if (e.path().extension() == ".log" && (newest.empty() || e.path().filename() > newest.filename())) {
        newest = e.path();
      }
    }
    return newest;
  }

  // Every command that reads or writes refuses with one line naming `message`.
  void expect_refused(const std::string& message) {
    std::ofstream(dir_ / "one.txt") << "Peace talks\n\nMaria Rossi met Jan Novak in Rome on Friday.\n";
    for (const std::string& args : {std::string("stats"), std::string("check"),
                                    "ingest '" + (dir_ / "one.txt").string() + "'"}) {
      SCOPED_TRACE(args);
      const RunResult r = kg(args);
      EXPECT_EQ(r.exit_code, 1) << r.out;
      EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
      EXPECT_NE(r.err.find("kg check --repair"), std::string::npos) << r.err;
      EXPECT_EQ(lines_of(r.err), 1u) << r.err;
    }
  }

  // kg check --repair lists the lost documents and leaves a clean, writable
  // store; returns how many it listed.
  size_t repair_and_count(size_t documents_journaled) {
    const RunResult r = kg("check --repair");
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("lost with the write-ahead log"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("kg check: ok"), std::string::npos) << r.out;
    const size_t listed = std::count(r.out.begin(), r.out.end(), '\n') - 2;  // heading and verdict
    const RunResult stats = kg("stats --json");
    EXPECT_EQ(stats.exit_code, 0) << stats.err;
    const auto documents = nlohmann::json::parse(stats.out).value("documents", uint64_t{0});
    EXPECT_EQ(documents + listed, documents_journaled) << r.out;  // kept + lost = what was stored
    const RunResult again = kg("ingest '" + (dir_ / "one.txt").string() + "'");
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(kg("check").exit_code, 0);
    return listed;
  }

  TempDir dir_;
  std::string db_;
};

constexpr const char* kBeforeWrite = "journalled, not yet written";
constexpr const char* kAfterWrite = "written, not yet confirmed in the journal";
constexpr const char* kCommitted = "committed write";

// Wherever the kill lands around a write, a writer whose log is intact has
// lost nothing: the store holds every batch confirmed in the journal, plus
// the one whose write finished just before the kill.
TEST_F(WalLoss, KilledWriterWithItsLogLosesNothing) {
  for (const char* point : {kBeforeWrite, kAfterWrite, kCommitted}) {
    SCOPED_TRACE(point);
    const Journaled j = ingest_and_kill(point, 5);
    EXPECT_EQ(j.stored, point == kCommitted ? 5u : 4u);
    EXPECT_EQ(j.pending, point == kCommitted ? 0u : 1u);
    const RunResult stats = kg("stats --json");
    ASSERT_EQ(stats.exit_code, 0) << stats.err;
    EXPECT_EQ(nlohmann::json::parse(stats.out).value("documents", uint64_t{0}),
              point == kBeforeWrite ? j.stored : j.named());
    const RunResult r = kg("check --repair");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("nothing was lost"), std::string::npos) << r.out;
    fs::remove_all(db_);
  }
}

TEST_F(WalLoss, DeletedLogIsReportedAndRepairListsEveryLostDocument) {
  const Journaled j = ingest_and_kill(kCommitted, 5);
  ASSERT_EQ(j.named(), 5u);
  fs::remove(newest_log());
  expect_refused("write-ahead log");
  EXPECT_EQ(repair_and_count(j.named()), 5u);  // nothing was flushed before the kill
}

// The document stored just before the kill, not yet confirmed in the
// journal, is lost with the log like the others and listed with them; so
// it is when it is the only write the log held.
TEST_F(WalLoss, ADocumentKilledBeforeItsConfirmationIsListedWhenTheLogIsLost) {
  for (size_t nth : {5u, 1u}) {
    SCOPED_TRACE(nth);
    const Journaled j = ingest_and_kill(kAfterWrite, nth);
    ASSERT_EQ(j.stored, nth - 1);
    ASSERT_EQ(j.pending, 1u);
    fs::remove(newest_log());
    expect_refused("write-ahead log");
    EXPECT_EQ(repair_and_count(j.named()), nth);
    fs::remove_all(db_);
  }
}

TEST_F(WalLoss, ZeroedLogIsReportedAndRepairListsEveryLostDocument) {
  const Journaled j = ingest_and_kill(kCommitted, 5);
  ASSERT_EQ(j.named(), 5u);
  const fs::path log = newest_log();
  const auto size = fs::file_size(log);
  std::ofstream(log, std::ios::binary | std::ios::trunc) << std::string(size, '\0');
  expect_refused("write-ahead log");
  EXPECT_EQ(repair_and_count(j.named()), 5u);
}

TEST_F(WalLoss, FlippedBytesInTheLogAreReportedAndRepairKeepsWhatIsBeforeThem) {
  const Journaled j = ingest_and_kill(kCommitted, 8);
  ASSERT_EQ(j.named(), 8u);
  const fs::path log = newest_log();
  std::string bytes = slurp(log);
  ASSERT_GT(bytes.size(), 64u);
  for (size_t i = 0; i < 16; ++i) bytes[bytes.size() / 2 + i] ^= '\xff';
  std::ofstream(log, std::ios::binary | std::ios::trunc) << bytes;
  expect_refused("write-ahead log");
  const size_t lost = repair_and_count(j.named());
  EXPECT_GE(lost, 1u);
  EXPECT_LT(lost, j.named());  // the documents before the damage are kept
}

}  // namespace
