#include "base/utf8.h"

#include <gtest/gtest.h>

#include "base/status.h"

namespace kg {
namespace {

struct Utf8Case {
  std::string_view name;
  std::string text;
  std::optional<size_t> first_invalid;
};

TEST(Utf8, FindsFirstInvalidByte) {
  const std::vector<Utf8Case> cases = {
      {"ascii", "Mr Biden spoke.", std::nullopt},
      {"two-byte", "Zelensky \xC3\xA9t\xC3\xA9", std::nullopt},
      {"three-byte curly quote", "\xE2\x80\x9CGood\xE2\x80\x9D", std::nullopt},
      {"four-byte emoji", "ok \xF0\x9F\x98\x80", std::nullopt},
      {"lone continuation", "ab\x80" "cd", 2},
      {"truncated at end", "ab\xE2\x80", 2},
      {"overlong slash", "a\xC0\xAF", 1},
      {"overlong three-byte", "a\xE0\x80\xAF", 1},
      {"surrogate", "a\xED\xA0\x80", 1},
      {"above U+10FFFF", "a\xF4\x90\x80\x80", 1},
      {"invalid lead byte", "abc\xFF", 3},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(utf8::first_invalid_byte(c.text), c.first_invalid) << c.name;
  }
}

TEST(Utf8, RepairReplacesEachBadByteAndCounts) {
  size_t replaced = 0;
  const std::string out = utf8::repair("a\xFF" "b\xE2\x80", &replaced);
  EXPECT_EQ(replaced, 3u);
  EXPECT_EQ(out, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_FALSE(utf8::first_invalid_byte(out).has_value());
  EXPECT_EQ(utf8::repair("clean \xC3\xA9", &replaced), "clean \xC3\xA9");
  EXPECT_EQ(replaced, 0u);
}

TEST(Utf8, RecognisesBinaryData) {
  EXPECT_TRUE(utf8::looks_binary(std::string("PK\x03\x04\0\0", 6)));
  EXPECT_TRUE(utf8::looks_binary(std::string(100, '\x01')));
  EXPECT_FALSE(utf8::looks_binary("Headline\n\nBody text\twith a tab.\r\n"));
  EXPECT_FALSE(utf8::looks_binary(""));
  // A NUL far past the first kilobytes still makes the text binary.
  EXPECT_TRUE(utf8::looks_binary(std::string(100000, 'a') + std::string(1, '\0') + "b"));
}

TEST(Utf8, ByteOrderMarkIsDropped) {
  EXPECT_EQ(utf8::without_bom("\xEF\xBB\xBF" "Anna"), "Anna");
  EXPECT_EQ(utf8::without_bom("Anna\xEF\xBB\xBF"), "Anna\xEF\xBB\xBF");  // only a leading one
  EXPECT_EQ(utf8::without_bom("\xEF\xBB"), "\xEF\xBB");
}

TEST(Utf8, FindsControlCharacters) {
  EXPECT_EQ(utf8::first_control_character("tab\tnewline\ncr\r"), std::nullopt);
  EXPECT_EQ(utf8::first_control_character("ab\x1b[31m"), 2u);
  EXPECT_EQ(utf8::first_control_character(std::string("a\0b", 3)), 1u);
  EXPECT_EQ(utf8::first_control_character("del\x7f"), 3u);
  EXPECT_EQ(utf8::first_control_character("caf\xC3\xA9"), std::nullopt);
}

TEST(Utf8, PrintableReplacesEveryTerminalControl) {
  const std::string kReplacement = "\xEF\xBF\xBD";
  EXPECT_EQ(utf8::printable("a\x1b]0;title\x07" "b"), "a" + kReplacement + "]0;title" + kReplacement + "b");
  EXPECT_EQ(utf8::printable("carriage\rreturn\x7f"), "carriage" + kReplacement + "return" + kReplacement);
  // U+009B is a one-character CSI on some terminals; U+00A0 and accents stay.
  EXPECT_EQ(utf8::printable("x\xC2\x9B" "y\xC2\xA0" "caf\xC3\xA9"), "x" + kReplacement + "y\xC2\xA0" "caf\xC3\xA9");
  EXPECT_EQ(utf8::printable("bad\xFF" "byte"), "bad" + kReplacement + "byte");
  EXPECT_EQ(utf8::printable("tabs\tand\nlines stay"), "tabs\tand\nlines stay");
}

TEST(Status, CarriesCodeMessageAndExitClass) {
  EXPECT_TRUE(Status::ok().is_ok());
  const Status s = Status::invalid_input("a.txt: empty file");
  EXPECT_FALSE(s.is_ok());
  EXPECT_EQ(s.message(), "a.txt: empty file");
  EXPECT_TRUE(s.is_user_error());
  EXPECT_FALSE(Status::internal("bug").is_user_error());
}

TEST(Result, HoldsValueOrStatus) {
  Result<int> good(7);
  ASSERT_TRUE(good.is_ok());
  EXPECT_EQ(*good, 7);
  EXPECT_TRUE(good.status().is_ok());
  Result<int> bad(Status::not_found("no such entity"));
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace kg
