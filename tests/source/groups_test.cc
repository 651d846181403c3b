// read_input_groups: a JSONL file larger than ReadOptions::group_bytes is
// read a block of whole lines at a time, with the same articles, the same
// line numbers in errors and the same refusals as reading it whole.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "ingest/source/source.h"

namespace kg::source {
namespace {

namespace fs = std::filesystem;

class Groups : public ::testing::Test {
 protected:
  Groups() : dir_(fs::temp_directory_path() / ("kg_groups_" + std::to_string(::getpid()))) {
    fs::create_directories(dir_);
  }
  ~Groups() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& bytes) {
    std::ofstream((dir_ / name).string(), std::ios::binary) << bytes;
    return (dir_ / name).string();
  }

  // Every group read_input_groups hands over, with blocks of `group_bytes`.
  Status read(const std::string& path, size_t group_bytes, std::vector<std::vector<Document>>* groups,
              std::vector<Status>* bad = nullptr) {
    ReadOptions options;
    options.group_bytes = group_bytes;
    return read_input_groups(path, options, bad, [&](std::vector<Document>&& docs) {
      groups->push_back(std::move(docs));
      return Status::ok();
    });
  }

  fs::path dir_;
};

std::string lines(int n) {
  std::string out = "\xEF\xBB\xBF";  // a byte order mark, skipped
  for (int i = 1; i <= n; ++i) {
    out += "{\"id\":\"a" + std::to_string(i) + "\",\"date\":\"2024-01-0" + std::to_string(1 + i % 9) +
           "\",\"text\":\"Article number " + std::to_string(i) + " says Anna Schmidt met Peter Lang.\"}\n";
    if (i % 7 == 0) out += "\n";  // blank lines are skipped and still counted
  }
  return out;
}

TEST_F(Groups, BlocksGiveTheArticlesOfTheWholeFile) {
  const std::string path = write("many.jsonl", lines(50));
  const Result<std::vector<Document>> whole = read_input(path);
  ASSERT_TRUE(whole.is_ok()) << whole.status().message();
  std::vector<std::vector<Document>> groups;
  ASSERT_TRUE(read(path, 300, &groups).is_ok());
  EXPECT_GT(groups.size(), 5u);
  std::vector<Document> joined;
  for (auto& g : groups) joined.insert(joined.end(), g.begin(), g.end());
  ASSERT_EQ(joined.size(), whole->size());
  for (size_t i = 0; i < joined.size(); ++i) {
    EXPECT_EQ(joined[i].id, (*whole)[i].id);
    EXPECT_EQ(joined[i].text, (*whole)[i].text);
    EXPECT_EQ(joined[i].date, (*whole)[i].date);
  }
  // A file under the block size is one group.
  groups.clear();
  ASSERT_TRUE(read(path, 1 << 20, &groups).is_ok());
  EXPECT_EQ(groups.size(), 1u);
}

TEST_F(Groups, ErrorsNameTheLineOfTheFile) {
  std::string text = lines(40);
  text += "{\"id\":\"bad\",\"date\":\"2024-13-45\",\"text\":\"Zoe Ball met Bob Marsh.\"}\n";
  const std::string path = write("bad.jsonl", text);
  const size_t bad_line = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  std::vector<std::vector<Document>> groups;
  const Status s = read(path, 256, &groups);
  ASSERT_FALSE(s.is_ok());
  EXPECT_EQ(s.message(), path + ":" + std::to_string(bad_line) +
                             ": unreadable date \"2024-13-45\" (write YYYY-MM-DD, an ISO 8601 time, or \"5 March 2024\")");
  // With a list of bad lines, the others are read and that one is listed.
  std::vector<Status> bad;
  groups.clear();
  ASSERT_TRUE(read(path, 256, &groups, &bad).is_ok());
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_EQ(bad[0].message().rfind(path + ":" + std::to_string(bad_line) + ": ", 0), 0u) << bad[0].message();
  size_t articles = 0;
  for (const auto& g : groups) articles += g.size();
  EXPECT_EQ(articles, 40u);
}

TEST_F(Groups, ABinaryBlockRefusesTheFile) {
  std::string text = lines(30);
  text += std::string("{\"text\":\"x\0y\"}\n", 15);
  const std::string path = write("binary.jsonl", text);
  std::vector<std::vector<Document>> groups;
  const Status s = read(path, 200, &groups);
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("binary data"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace kg::source
