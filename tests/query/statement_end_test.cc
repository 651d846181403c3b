// Where a REPL statement ends (StatementEnd): at a ';' outside strings, with
// each line read once however long the statement grows (issue 21: 300,000
// one-letter lines made the shell rescan the statement per line, 89 s).
#include <gtest/gtest.h>

#include <string>

#include "query/query.h"

namespace kg::query {
namespace {

TEST(StatementEnd, EndsAtASemicolonOutsideStrings) {
  StatementEnd end;
  EXPECT_FALSE(end.add_line("MATCH (a)"));
  EXPECT_TRUE(end.add_line("RETURN a;  "));
  end.reset();
  EXPECT_FALSE(end.add_line("MATCH (a {name: 'x;"));  // the ';' is inside a string
  EXPECT_FALSE(end.add_line("y'}) RETURN a"));
  EXPECT_TRUE(end.add_line(";"));
  end.reset();
  EXPECT_FALSE(end.add_line("RETURN \"a\\\";\""));  // escaped quote, then the string closes
  EXPECT_TRUE(end.add_line("  ;"));
  end.reset();
  EXPECT_FALSE(end.add_line("RETURN 'it''s'; 'open"));  // ends in an open string
}

TEST(StatementEnd, EachLineIsReadOnce) {
  StatementEnd end;
  uint64_t fed = 0;
  for (int i = 0; i < 300000; ++i) {
    ASSERT_FALSE(end.add_line("a"));
    ++fed;
  }
  const std::string last = "RETURN 1;";
  EXPECT_TRUE(end.add_line(last));
  fed += last.size();
  EXPECT_EQ(end.bytes_read(), fed);  // linear: no line is read twice
}

}  // namespace
}  // namespace kg::query
