// The journal of unflushed writes (graph/store/write_journal.h): entries
// read back in order, a line torn by a kill ignored, a damaged line refused,
// and lost() keeping exactly the entries above the stored write count.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "graph/store/write_journal.h"

namespace kg::store {
namespace {

namespace fs = std::filesystem;

class WriteJournalTest : public ::testing::Test {
 protected:
  WriteJournalTest() : dir_(fs::temp_directory_path() / ("kg_journal_" + std::to_string(::getpid()))) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~WriteJournalTest() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(WriteJournalTest, AppendsReadBackAndClear) {
  auto none = WriteJournal::read(dir_.string());
  ASSERT_TRUE(none.is_ok());
  EXPECT_TRUE(none->empty());
  auto journal = WriteJournal::open(dir_.string());
  ASSERT_TRUE(journal.is_ok()) << journal.status().message();
  EXPECT_TRUE((*journal)->append_pending(7, 12, 4096, "storing document a.txt"));
  EXPECT_TRUE((*journal)->append_stored(7, "storing document a.txt"));
  EXPECT_TRUE((*journal)->append_pending(8, 12, 8192, "storing document b\tc\n.txt"));  // control characters become '?'
  EXPECT_TRUE((*journal)->append_stored(8, "storing document b\tc\n.txt"));
  auto entries = WriteJournal::read(dir_.string());
  ASSERT_TRUE(entries.is_ok());
  ASSERT_EQ(entries->size(), 2u);  // one entry per batch
  EXPECT_TRUE((*entries)[0].stored);
  EXPECT_TRUE((*entries)[1].stored);
  EXPECT_EQ((*entries)[0].sequence, 7u);
  EXPECT_EQ((*entries)[1].what, "storing document b?c?.txt");
  const auto lost = WriteJournal::lost(*entries, 7);
  ASSERT_EQ(lost.size(), 1u);
  EXPECT_EQ(lost[0].sequence, 8u);
  EXPECT_TRUE(WriteJournal::lost(*entries, 8).empty());
  ASSERT_TRUE((*journal)->clear().is_ok());
  EXPECT_TRUE(WriteJournal::read(dir_.string())->empty());
}

// A batch named only as pending had its write cut short. As the last entry
// just above what the store recovered, it is lost only if it reached the
// log (the log grew past the size named, or is gone); further up, the log
// lost more than it, and it is listed with the rest.
TEST_F(WriteJournalTest, APendingLastBatchIsLostOnlyIfItReachedTheLog) {
  std::ofstream(dir_ / kJournalFile) << "4\tpending 7 100\tstoring document a\n4\tstored\tstoring document a\n"
                                        "5\tpending 7 180\tstoring document b\n";
  const auto inspected = [&](size_t log_size) {
    if (log_size > 0) std::ofstream(dir_ / "000007.log") << std::string(log_size, 'x');
    auto entries = WriteJournal::read(dir_.string());
    EXPECT_TRUE(entries.is_ok());
    WriteJournal::inspect_log(dir_.string(), &*entries);
    return *entries;
  };
  const std::vector<WriteJournal::Entry> not_reached = inspected(180);
  ASSERT_EQ(not_reached.size(), 2u);
  EXPECT_TRUE(not_reached[0].stored);
  EXPECT_FALSE(not_reached[1].stored);
  EXPECT_FALSE(not_reached[1].reached_log);
  EXPECT_EQ(not_reached[1].what, "storing document b");
  EXPECT_TRUE(WriteJournal::lost(not_reached, 5).empty());  // b was written and recovered
  EXPECT_TRUE(WriteJournal::lost(not_reached, 4).empty());  // the kill came before b was written
  const auto both = WriteJournal::lost(not_reached, 3);     // the log lost a, so b may be lost too
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[1].what, "storing document b");

  const std::vector<WriteJournal::Entry> grown = inspected(260);  // b reached the log, which lost it
  EXPECT_TRUE(grown[1].reached_log);
  EXPECT_TRUE(WriteJournal::lost(grown, 5).empty());
  EXPECT_EQ(WriteJournal::lost(grown, 4).size(), 1u);
  fs::remove(dir_ / "000007.log");
  const std::vector<WriteJournal::Entry> gone = inspected(0);  // a deleted log may have held b
  EXPECT_TRUE(gone[1].reached_log);
  EXPECT_EQ(WriteJournal::lost(gone, 4).size(), 1u);
}

// A stored line with no pending line before it is what a writer of an older
// kg left (it named a batch only once written), and so is a two-field line.
TEST_F(WriteJournalTest, LinesOfOlderWritersReadAsStored) {
  std::ofstream(dir_ / kJournalFile) << "4\tstoring document a\n5\tstored\tloading t.tsv\n";
  auto entries = WriteJournal::read(dir_.string());
  ASSERT_TRUE(entries.is_ok());
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_TRUE((*entries)[0].stored);
  EXPECT_EQ((*entries)[0].what, "storing document a");
  EXPECT_EQ(WriteJournal::lost(*entries, 4).size(), 1u);
}

TEST_F(WriteJournalTest, TornLastLineIsIgnoredAndADamagedLineRefused) {
  std::ofstream(dir_ / kJournalFile) << "1\tstoring document a\n2\tstoring docu";
  auto entries = WriteJournal::read(dir_.string());
  ASSERT_TRUE(entries.is_ok());
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ((*entries)[0].what, "storing document a");
  std::ofstream(dir_ / kJournalFile) << "1\tstoring document a\nx2\tstoring document b\n";
  auto damaged = WriteJournal::read(dir_.string());
  ASSERT_FALSE(damaged.is_ok());
  EXPECT_NE(damaged.status().message().find("line 2 is not a journal entry"), std::string::npos);
  std::ofstream(dir_ / kJournalFile) << "1\tstoring document a\n2\tpending 3\tstoring document b\n";
  auto bad_stage = WriteJournal::read(dir_.string());
  ASSERT_FALSE(bad_stage.is_ok());
  EXPECT_NE(bad_stage.status().message().find("line 2 is not a journal entry"), std::string::npos);
}

}  // namespace
}  // namespace kg::store
