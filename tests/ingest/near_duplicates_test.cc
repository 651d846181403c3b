// Near-duplicate detection: the same text with small edits is found, other
// texts are not, and short texts are left to the exact content hash.
#include <gtest/gtest.h>

#include <string>

#include "ingest/near_duplicates.h"

namespace kg::ingest {
namespace {

// 40 sentences with no repeated five-word run, ~400 words.
std::string story(const std::string& who) {
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += who + " met envoy number " + std::to_string(i) + " in room " + std::to_string(300 + i) +
            " before lunch. ";
  }
  return text;
}

TEST(NearDuplicates, SmallEditsAreFoundAndOtherTextsAreNot) {
  NearDuplicateIndex index;
  const std::string original = story("Lena Ortiz");
  EXPECT_EQ(index.find_or_add(original, 7), std::nullopt);
  // Case and punctuation are not words; one changed figure is a small edit.
  std::string edited = original;
  edited.replace(edited.find("room 312"), 8, "room 999");
  EXPECT_EQ(index.find_or_add("LENA ORTIZ, " + edited.substr(11), 8), std::optional<size_t>(7));
  EXPECT_EQ(index.find_or_add(story("Paul Weiss"), 9), std::nullopt);
  // Paul Weiss's story was added: a copy of it names it, not the first.
  EXPECT_EQ(index.find_or_add(story("Paul Weiss"), 10), std::optional<size_t>(9));
}

// ~400 words sharing no five-word run with story().
std::string harvest_report() {
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += "Wheat in field " + std::to_string(i) + " grew to " + std::to_string(500 + i) + " millimetres by June. ";
  }
  return text;
}

TEST(NearDuplicates, ResemblanceFollowsTheShareOfSharedShingles) {
  const std::string text = story("Lena Ortiz");
  const auto a = NearDuplicateIndex::signature(text);
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(NearDuplicateIndex::resemblance(*a, *a), 1.0);
  const auto other = NearDuplicateIndex::signature(harvest_report());
  ASSERT_TRUE(other.has_value());
  EXPECT_LT(NearDuplicateIndex::resemblance(*a, *other), 0.1);
  // The second half replaced: about a third of the union is shared (1/2 / 3/2).
  const std::string half_text = text.substr(0, text.size() / 2) + " " + harvest_report().substr(0, text.size() / 2);
  const auto half = NearDuplicateIndex::signature(half_text);
  ASSERT_TRUE(half.has_value());
  const double r = NearDuplicateIndex::resemblance(*a, *half);
  EXPECT_GT(r, 0.15);
  EXPECT_LT(r, 0.55);
}

TEST(NearDuplicates, ShortTextsHaveNoSignature) {
  EXPECT_FALSE(NearDuplicateIndex::signature("Lena Ortiz phoned Paul Weiss in Berlin on Monday.").has_value());
  NearDuplicateIndex index;
  EXPECT_EQ(index.find_or_add("Lena Ortiz phoned Paul Weiss.", 1), std::nullopt);
  EXPECT_EQ(index.find_or_add("Lena Ortiz phoned Paul Weiss.", 2), std::nullopt);
}

}  // namespace
}  // namespace kg::ingest
