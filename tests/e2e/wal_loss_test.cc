// Writes that only RocksDB's write-ahead log held, lost with it (issue 21):
// a writer is killed (SIGKILL) while it ingests, then its newest log is
// zeroed, deleted or has 16 bytes flipped. Nothing may be lost silently:
// kg stats, kg check and kg ingest each refuse with one line naming the
// loss, and kg check --repair lists exactly the documents the store no
// longer holds, after which the store is writable and checks clean. A kill
// with the log intact loses nothing. Inputs are generated here.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
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

  // Starts `kg ingest` of many generated articles and kills it with SIGKILL
  // once its journal names at least `committed` stored documents; returns
  // how many documents the journal names.
  size_t ingest_and_kill(size_t committed) {
    const fs::path articles = dir_ / "articles";
    fs::create_directories(articles);
    for (int i = 0; i < 400; ++i) {
      std::ofstream(articles / ("a" + std::to_string(i) + ".txt"))
          << "Talks in Bonn " << i << "\n\nAnna Schmidt" << i << " met Peter Lang" << i
          << " in Bonn on Monday. Schmidt" << i << " said the Bonn Group" << i << " will open an office in Paris.\n";
    }
    const fs::path journal = fs::path(db_) / "KG_JOURNAL";
    const pid_t child = fork();
    if (child == 0) {
      freopen("/dev/null", "w", stdout);
      freopen("/dev/null", "w", stderr);
      execl(KG_BINARY, KG_BINARY, "--db", db_.c_str(), "ingest", articles.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (std::chrono::steady_clock::now() < deadline && lines_of(slurp(journal)) < committed) {
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    EXPECT_TRUE(WIFSIGNALED(status)) << "the ingest ended before it was killed";
    return lines_of(slurp(journal));
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

TEST_F(WalLoss, KilledWriterWithItsLogLosesNothing) {
  const size_t journaled = ingest_and_kill(5);
  ASSERT_GE(journaled, 5u);
  const RunResult stats = kg("stats --json");
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_EQ(nlohmann::json::parse(stats.out).value("documents", uint64_t{0}), journaled);
  const RunResult r = kg("check --repair");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("nothing was lost"), std::string::npos) << r.out;
}

TEST_F(WalLoss, DeletedLogIsReportedAndRepairListsEveryLostDocument) {
  const size_t journaled = ingest_and_kill(5);
  ASSERT_GE(journaled, 5u);
  fs::remove(newest_log());
  expect_refused("write-ahead log");
  EXPECT_EQ(repair_and_count(journaled), journaled);  // nothing was flushed before the kill
}

TEST_F(WalLoss, ZeroedLogIsReportedAndRepairListsEveryLostDocument) {
  const size_t journaled = ingest_and_kill(5);
  ASSERT_GE(journaled, 5u);
  const fs::path log = newest_log();
  const auto size = fs::file_size(log);
  std::ofstream(log, std::ios::binary | std::ios::trunc) << std::string(size, '\0');
  expect_refused("write-ahead log");
  EXPECT_EQ(repair_and_count(journaled), journaled);
}

TEST_F(WalLoss, FlippedBytesInTheLogAreReportedAndRepairKeepsWhatIsBeforeThem) {
  const size_t journaled = ingest_and_kill(8);
  ASSERT_GE(journaled, 8u);
  const fs::path log = newest_log();
  std::string bytes = slurp(log);
  ASSERT_GT(bytes.size(), 64u);
  for (size_t i = 0; i < 16; ++i) bytes[bytes.size() / 2 + i] ^= '\xff';
  std::ofstream(log, std::ios::binary | std::ios::trunc) << bytes;
  expect_refused("write-ahead log");
  const size_t lost = repair_and_count(journaled);
  EXPECT_GE(lost, 1u);
  EXPECT_LT(lost, journaled);  // the documents before the damage are kept
}

}  // namespace
