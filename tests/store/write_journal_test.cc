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
  EXPECT_TRUE((*journal)->append(7, "storing document a.txt"));
  EXPECT_TRUE((*journal)->append(8, "storing document b\tc\n.txt"));  // control characters become '?'
  auto entries = WriteJournal::read(dir_.string());
  ASSERT_TRUE(entries.is_ok());
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[0].sequence, 7u);
  EXPECT_EQ((*entries)[1].what, "storing document b?c?.txt");
  const auto lost = WriteJournal::lost(*entries, 7);
  ASSERT_EQ(lost.size(), 1u);
  EXPECT_EQ(lost[0].sequence, 8u);
  EXPECT_TRUE(WriteJournal::lost(*entries, 8).empty());
  ASSERT_TRUE((*journal)->clear().is_ok());
  EXPECT_TRUE(WriteJournal::read(dir_.string())->empty());
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
}

}  // namespace
}  // namespace kg::store
