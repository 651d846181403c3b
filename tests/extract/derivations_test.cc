#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "ingest/extract/extract.h"
#include "tools/train/derivations_train.h"

namespace kg::extract {
namespace {

const char* const kWordNet = "/usr/share/wordnet";

TEST(Derivations, CompiledFromWordNetKeepsEventNounsOnly) {
  if (!std::filesystem::exists(std::string(kWordNet) + "/data.noun")) GTEST_SKIP() << "WordNet (wordnet-base) is not installed";
  Result<Derivations> d = train::compile_derivations(kWordNet);
  ASSERT_TRUE(d.is_ok()) << d.status().message();
  EXPECT_EQ(d->verb_of("testimony"), "testify");
  EXPECT_EQ(d->verb_of("meeting"), "meet");
  EXPECT_EQ(d->verb_of("demand"), "demand");
  // A verb tagged text uses beats a coinage with a longer common stem.
  EXPECT_EQ(d->verb_of("speech"), "speak");
  EXPECT_EQ(d->verb_of("reference"), "refer");
  // Role nouns are people, not events: "the leaders of France" is no "lead".
  EXPECT_EQ(d->verb_of("leader"), "");
  EXPECT_EQ(d->verb_of("adviser"), "");
  EXPECT_GT(d->size(), 3000u);
}

TEST(Derivations, SaveLoadRoundTripAndDamagedFile) {
  const std::string path = testing::TempDir() + "/derivations.model";
  Derivations d;
  d.add("testimony", "testify");
  d.add("invasion", "invade");
  ASSERT_TRUE(d.save(path).is_ok());
  Result<Derivations> back = Derivations::load(path);
  ASSERT_TRUE(back.is_ok()) << back.status().message();
  EXPECT_EQ(back->size(), 2u);
  EXPECT_EQ(back->verb_of("invasion"), "invade");
  EXPECT_EQ(back->verb_of("pipeline"), "");

  // Flip one payload byte: the checksum refuses the file, naming it.
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(30);
    f.put('#');
  }
  Result<Derivations> damaged = Derivations::load(path);
  ASSERT_FALSE(damaged.is_ok());
  EXPECT_NE(damaged.status().message().find(path), std::string::npos) << damaged.status().message();
  EXPECT_FALSE(Derivations::load(path + ".missing").is_ok());
  std::remove(path.c_str());
}

TEST(Derivations, MissingWordNetIsAClearError) {
  Result<Derivations> d = train::compile_derivations("/nonexistent/wordnet");
  ASSERT_FALSE(d.is_ok());
  EXPECT_NE(d.status().message().find("/nonexistent/wordnet/data.noun"), std::string::npos);
}

}  // namespace
}  // namespace kg::extract
