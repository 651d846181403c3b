// Tokenizer conventions of UD English-EWT, one table row per convention,
// run through the shipped model (its learned abbreviation and hyphen lists
// are part of the behaviour under test). Every sentence here was written for
// this test.
#include "ingest/nlp/tokenizer.h"

#include <gtest/gtest.h>

#include "ingest/nlp/nlp.h"
#include "tests/nlp/pipeline_test_support.h"

namespace kg::nlp {
namespace {

const Pipeline& shipped() { return shipped_pipeline(); }

// Tokens separated by spaces; pieces of one multiword token joined by '|'.
std::string render(std::string_view text, const std::vector<Token>& tokens) {
  std::string out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    out += text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    if (i + 1 < tokens.size()) out += tokens[i].has(Token::kJoinNext) ? "|" : " ";
  }
  return out;
}

struct TokenCase {
  const char* convention;
  std::string text;
  std::string expected;
};

TEST(Tokenizer, FollowsEwtConventions) {
  const std::vector<TokenCase> cases = {
      {"n't clitic", "Officials don't expect a deal.", "Officials do|n't expect a deal ."},
      {"can't", "Moscow can't accept that", "Moscow ca|n't accept that"},
      {"won't", "Kyiv won't yield", "Kyiv wo|n't yield"},
      {"possessive 's", "Biden's call lasted an hour", "Biden|'s call lasted an hour"},
      {"'re", "we're ready", "we|'re ready"},
      {"'ll and 've", "They'll say we've lost", "They|'ll say we|'ve lost"},
      {"I'm", "I'm sure", "I|'m sure"},
      {"curly apostrophe", "Putin\u2019s aides didn\u2019t", "Putin|\u2019s aides did|n\u2019t"},
      {"cannot", "It cannot last", "It can|not last"},
      {"gonna", "we're gonna win", "we|'re gon|na win"},
      {"plural possessive", "the leaders' talks", "the leaders|' talks"},
      {"sentence punctuation", "Really? Yes! No; maybe: fine.", "Really ? Yes ! No ; maybe : fine ."},
      {"commas", "Kyiv, Moscow and Minsk", "Kyiv , Moscow and Minsk"},
      {"ellipsis", "Wait... what", "Wait ... what"},
      {"brackets", "(the White House) [sic]", "( the White House ) [ sic ]"},
      {"straight quotes", "\"We will act,\" he said.", "\" We will act , \" he said ."},
      {"curly quotes", "\u201cWe will act,\u201d he said.", "\u201c We will act , \u201d he said ."},
      {"single quotes", "a 'serious' warning", "a ' serious ' warning"},
      {"hyphenated compound split", "a well-known, long-term plan", "a well - known , long - term plan"},
      {"hyphen prefix kept", "send an e-mail to co-workers", "send an e-mail to co-workers"},
      {"number with hyphen and word", "a 5-year deal", "a 5 - year deal"},
      {"title abbreviation", "Mr. Biden met Dr. Smith", "Mr. Biden met Dr. Smith"},
      {"month abbreviation", "on Dec. 7 at noon", "on Dec. 7 at noon"},
      {"letter-dot abbreviation", "U.S. officials and the U.N. envoy", "U.S. officials and the U.N. envoy"},
      {"Nato is a word", "Nato allies met", "Nato allies met"},
      {"thousands separator", "1,400 troops", "1,400 troops"},
      {"decimal", "rates rose 4.25 points", "rates rose 4.25 points"},
      {"ISO date", "on 2021-12-07 they spoke", "on 2021-12-07 they spoke"},
      {"time", "at 10:30 GMT", "at 10:30 GMT"},
      {"currency", "a $40 fee and \u00a35", "a $ 40 fee and \u00a3 5"},
      {"percent", "up 3% today", "up 3 % today"},
      {"URL", "See https://example.org/news?id=7.", "See https://example.org/news?id=7 ."},
      {"www URL", "at www.example.com, today", "at www.example.com , today"},
      {"e-mail address", "write to press.office@example.org now", "write to press.office@example.org now"},
      {"emoticon", "great news :) really", "great news :) really"},
      {"sad emoticon", "no deal :(", "no deal :("},
      {"dash between words", "Russia\u2014again\u2014denied it", "Russia \u2014 again \u2014 denied it"},
      {"double hyphen", "Russia--again", "Russia -- again"},
      {"slash between words", "and/or", "and / or"},
      {"short slash abbreviation", "w/o delay", "w/o delay"},
  };
  std::vector<Token> tokens;
  for (const TokenCase& c : cases) {
    shipped().tokenizer().tokenize(c.text, &tokens);
    EXPECT_EQ(render(c.text, tokens), c.expected) << c.convention;
  }
}

TEST(Tokenizer, TokensKeepTheirOffsets) {
  const std::string text = "  \u201cWe can't,\u201d said\tMr. Sullivan.\n\nNext  paragraph";
  std::vector<Token> tokens;
  shipped().tokenizer().tokenize(text, &tokens);
  ASSERT_GE(tokens.size(), 10u);
  std::string rebuilt;
  size_t previous_end = 0;
  for (const Token& t : tokens) {
    ASSERT_LT(t.begin, t.end);
    ASSERT_LE(t.end, text.size());
    EXPECT_GE(t.begin, previous_end);
    previous_end = t.end;
    rebuilt += text.substr(t.begin, t.end - t.begin);
  }
  std::string without_space;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\t') without_space += c;
  }
  EXPECT_EQ(rebuilt, without_space);
  // The token after the blank line starts a paragraph; "said" follows a tab.
  const Token& next = tokens[tokens.size() - 2];
  EXPECT_EQ(text.substr(next.begin, next.end - next.begin), "Next");
  EXPECT_TRUE(next.has(Token::kParagraphBefore));
  EXPECT_TRUE(tokens[0].has(Token::kParagraphBefore));
  EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "ca");
  EXPECT_FALSE(tokens[2].has(Token::kSpaceAfter));  // glued to "n't"
  EXPECT_TRUE(tokens[2].has(Token::kJoinNext));
  EXPECT_TRUE(tokens[1].has(Token::kSpaceAfter));
}

TEST(Tokenizer, RepairsInvalidUtf8AndCountsIt) {
  AnnotateStats stats;
  const std::string text = "Caf\xC3 opened \xFF\xFE today.";
  Document doc = shipped().segment(text, &stats);
  EXPECT_EQ(stats.repaired_sequences, 3u);
  ASSERT_FALSE(doc.words.empty());
  EXPECT_EQ(doc.words.front().form, "Caf\xEF\xBF\xBD");
  EXPECT_EQ(doc.words.back().form, ".");
  for (const Word& w : doc.words) EXPECT_EQ(doc.text().substr(w.begin, w.end - w.begin), w.form);
}

TEST(Tokenizer, EmptyAndWhitespaceOnlyTextGiveNoTokens) {
  std::vector<Token> tokens = {Token{}};
  shipped().tokenizer().tokenize("", &tokens);
  EXPECT_TRUE(tokens.empty());
  shipped().tokenizer().tokenize(" \n\t \u00a0", &tokens);
  EXPECT_TRUE(tokens.empty());
  Document doc = shipped().annotate(std::string_view("  \n"));
  EXPECT_TRUE(doc.sentences.empty());
}

}  // namespace
}  // namespace kg::nlp
