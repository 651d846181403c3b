// Sentence splitting of news prose with the shipped model. The sentences
// were written for this test.
#include "ingest/nlp/splitter.h"

#include <gtest/gtest.h>

#include "tests/nlp/pipeline_test_support.h"

namespace kg::nlp {
namespace {

std::vector<std::string> sentences_of(std::string_view text) {
  const Document doc = shipped_pipeline().segment(text);
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(s.text);
  return out;
}

struct SplitCase {
  const char* what;
  std::string text;
  std::vector<std::string> expected;
};

TEST(SentenceSplitter, SplitsNewsProse) {
  const std::vector<SplitCase> cases = {
      {"two plain sentences", "The talks lasted two hours. Neither side gave ground.",
       {"The talks lasted two hours.", "Neither side gave ground."}},
      {"quote ending in a comma stays with its speaker",
       "\"We will not back down again,\" Mr Sullivan said. The call ended at noon.",
       {"\"We will not back down again,\" Mr Sullivan said.", "The call ended at noon."}},
      {"quote ending a sentence",
       "He told reporters: \"The deal is off.\" Officials later denied it.",
       {"He told reporters: \"The deal is off.\"", "Officials later denied it."}},
      {"title abbreviations", "Mr. Biden spoke with Dr. Jones on Monday. They agreed to meet again.",
       {"Mr. Biden spoke with Dr. Jones on Monday.", "They agreed to meet again."}},
      {"U.S. inside a sentence", "Senior U.S. officials briefed the press on Tuesday. Russia did not respond.",
       {"Senior U.S. officials briefed the press on Tuesday.", "Russia did not respond."}},
      {"question and exclamation", "Will the sanctions work? Nobody knows! The markets fell anyway.",
       {"Will the sanctions work?", "Nobody knows!", "The markets fell anyway."}},
      {"headline and paragraphs", "Biden warns Putin over Ukraine\n\nThe US president spoke for two hours.\n\nThe Kremlin said little.",
       {"Biden warns Putin over Ukraine", "The US president spoke for two hours.", "The Kremlin said little."}},
      {"numbered list", "Three questions remain.\n\n1. Ukraine's fate\n\n2. The future of sanctions",
       {"Three questions remain.", "1. Ukraine's fate", "2. The future of sanctions"}},
      {"decimal number and month abbreviation", "Prices rose 4.5 percent on Dec. 3 after the vote. Analysts were surprised.",
       {"Prices rose 4.5 percent on Dec. 3 after the vote.", "Analysts were surprised."}},
  };
  for (const SplitCase& c : cases) EXPECT_EQ(sentences_of(c.text), c.expected) << c.what;
}

TEST(SentenceSplitter, InPunctuatedProseAWordRunningOnIntoACapitalEndsNoSentence) {
  // An article whose paragraphs end in stops: "French Open", "runner-up
  // Mia Holt" and "9 January" run on within their line.
  const std::string article =
      "Holt through in Dubai\n"
      "\n"
      "Mia Holt beat the 2003 French Open champion in straight sets.\n"
      "\n"
      "The London Marathon runner-up Mia Holt was banned until 9 January by her federation.\n"
      "\n"
      "She will appeal.\n";
  EXPECT_EQ(sentences_of(article),
            (std::vector<std::string>{"Holt through in Dubai",
                                      "Mia Holt beat the 2003 French Open champion in straight sets.",
                                      "The London Marathon runner-up Mia Holt was banned until 9 January by her "
                                      "federation.",
                                      "She will appeal."}));
  // Without stops (a chat log), a capital after a word may still start a sentence.
  const std::vector<std::string> chat = sentences_of("ok see you at noon Thanks again for the help");
  EXPECT_EQ(chat.size(), 2u);
}

TEST(SentenceSplitter, MarksParagraphStarts) {
  const Document doc = shipped_pipeline().segment("First paragraph here. Still the first.\n\nSecond one.");
  ASSERT_EQ(doc.sentences.size(), 3u);
  EXPECT_TRUE(doc.sentences[0].new_paragraph);
  EXPECT_TRUE(doc.sentences[0].new_document);
  EXPECT_FALSE(doc.sentences[1].new_paragraph);
  EXPECT_TRUE(doc.sentences[2].new_paragraph);
  EXPECT_FALSE(doc.sentences[2].new_document);
}

TEST(SentenceSplitter, NeverSplitsInsideAMultiwordToken) {
  const Document doc = shipped_pipeline().segment("They won't. We can't.");
  ASSERT_EQ(doc.sentences.size(), 2u);
  for (const Sentence& s : doc.sentences) {
    ASSERT_EQ(s.multiword.size(), 1u);
    EXPECT_LE(s.multiword[0].last, s.size() - 1);
  }
}

// A run of words with no sentence end is cut at the segmenter's budget
// (nlp::kMaxSentenceWords), never inside the clitics of one surface token,
// losing no word, and each cut sentence is counted once.
TEST(SentenceSplitter, CutsARunOnSentenceAtTheBudgetAndCountsIt) {
  // 23 words, then cycles of 39 words starting "they wo n't": word 1,000
  // (the budget's last) is "wo", so the first cut must move past "n't".
  static_assert(kMaxSentenceWords == 1000, "the cycle below is aligned for a budget of 1000");
  std::string text;
  for (int i = 0; i < 23; ++i) text += "Bonn ";
  size_t words = 23;
  for (int i = 0; words < 3 * kMaxSentenceWords + 500; ++i) {
    text += i % 7 == 0 ? "they won't " : "Anna met Peter in Bonn , ";
    words += i % 7 == 0 ? 3 : 6;
  }
  text += "and left.\n\nThe talks ended on Friday.\n";
  const uint64_t cut_before = sentences_cut_for_length();
  const Document doc = shipped_pipeline().segment(text);
  EXPECT_EQ(sentences_cut_for_length() - cut_before, 1u);
  ASSERT_EQ(doc.sentences.size(), 5u);  // four pieces, then the short sentence
  size_t total = 0;
  for (size_t i = 0; i < 4; ++i) {
    const Sentence& s = doc.sentences[i];
    total += s.size();
    EXPECT_LE(s.size(), kMaxSentenceWords + 1) << i;  // one more when a cut would split "wo|n't"
    for (const MultiwordToken& m : s.multiword) EXPECT_LE(m.last, s.size() - 1) << i;
  }
  EXPECT_EQ(doc.sentences[0].size(), kMaxSentenceWords + 1);
  EXPECT_EQ(total, words + 3);  // "and left ."
  EXPECT_EQ(doc.sentences[4].text, "The talks ended on Friday.");
  // Ordinary prose is never cut.
  shipped_pipeline().segment("Anna met Peter in Bonn. They won't stay.");
  EXPECT_EQ(sentences_cut_for_length() - cut_before, 1u);
}

}  // namespace
}  // namespace kg::nlp
