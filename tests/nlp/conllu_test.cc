#include "ingest/nlp/conllu.h"

#include <gtest/gtest.h>

namespace kg::nlp {
namespace {

// Written for this test: a two-sentence document with a multiword token.
constexpr std::string_view kSample =
    "# newdoc id = t1\n"
    "# sent_id = t1-1\n"
    "# text = Leaders spoke.\n"
    "1\tLeaders\tleader\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_\n"
    "2\tspoke\tspeak\tVERB\tVBD\tTense=Past\t0\troot\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# sent_id = t1-2\n"
    "# text = We can't.\n"
    "1\tWe\twe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
    "2\tca\tcan\tAUX\tMD\t_\t0\troot\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";

TEST(Conllu, ReadsWordsTreesAndMultiwordTokens) {
  auto doc = read_conllu(kSample, "sample");
  ASSERT_TRUE(doc.is_ok()) << doc.status().message();
  ASSERT_EQ(doc->sentences.size(), 2u);
  ASSERT_EQ(doc->words.size(), 7u);
  const Word& spoke = doc->words[1];
  EXPECT_EQ(spoke.form, "spoke");
  EXPECT_EQ(spoke.lemma, "speak");
  EXPECT_EQ(spoke.upos, UPos::VERB);
  EXPECT_EQ(spoke.head, -1);
  EXPECT_EQ(doc->words[0].head, 1);
  EXPECT_FALSE(spoke.space_after);
  EXPECT_EQ(doc->text().substr(spoke.begin, spoke.end - spoke.begin), "spoke");
  const Sentence& s2 = doc->sentences[1];
  EXPECT_TRUE(s2.new_paragraph == false);
  ASSERT_EQ(s2.multiword.size(), 1u);
  EXPECT_EQ(s2.multiword[0].form, "can't");
  const Word& ca = doc->words[s2.word_begin + 1];
  EXPECT_EQ(doc->text().substr(ca.begin, ca.end - ca.begin), "can't");
  DependencyTree tree(doc->words_of(s2));
  EXPECT_EQ(tree.root(), 1);
  EXPECT_EQ(tree.children(1).size(), 3u);
}

TEST(Conllu, WriteThenReadKeepsAnnotation) {
  auto doc = read_conllu(kSample, "sample");
  ASSERT_TRUE(doc.is_ok());
  const std::string written = write_conllu(*doc);
  auto again = read_conllu(written, "written");
  ASSERT_TRUE(again.is_ok()) << again.status().message();
  ASSERT_EQ(again->words.size(), doc->words.size());
  for (size_t i = 0; i < doc->words.size(); ++i) {
    EXPECT_EQ(again->words[i].form, doc->words[i].form);
    EXPECT_EQ(again->words[i].head, doc->words[i].head);
    EXPECT_EQ(again->words[i].deprel, doc->words[i].deprel);
    EXPECT_EQ(again->words[i].space_after, doc->words[i].space_after);
  }
  EXPECT_EQ(again->sentences[1].multiword.size(), 1u);
}

TEST(Conllu, MalformedInputNamesTheLine) {
  const auto bad_fields = read_conllu("# text = x\n1\tx\tx\tNOUN\n\n", "bad.conllu");
  ASSERT_FALSE(bad_fields.is_ok());
  EXPECT_EQ(bad_fields.status().message().rfind("bad.conllu:2:", 0), 0u) << bad_fields.status().message();
  const auto bad_head = read_conllu("1\tx\tx\tNOUN\tNN\t_\t7\tnsubj\t_\t_\n\n", "h.conllu");
  ASSERT_FALSE(bad_head.is_ok());
  const auto bad_upos = read_conllu("1\tx\tx\tNOUNY\tNN\t_\t0\troot\t_\t_\n\n", "u.conllu");
  ASSERT_FALSE(bad_upos.is_ok());
  EXPECT_NE(bad_upos.status().message().find("NOUNY"), std::string::npos);
}

// Found by conllu_fuzz: a token range that does not start at the next word
// ("2-2" before word 1) sent word 1 looking for the range's first word, which
// did not exist (a read before the start of the word list).
TEST(Conllu, TokenRangeMustStartAtTheNextWord) {
  const auto early = read_conllu("2-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n\n", "r.conllu");
  ASSERT_FALSE(early.is_ok());
  EXPECT_NE(early.status().message().find("token range '2-2' does not start at the next word (1)"), std::string::npos)
      << early.status().message();
  const auto backwards = read_conllu("1-0\tx\t_\t_\t_\t_\t_\t_\t_\t_\n1\tx\tx\tX\tX\t_\t0\troot\t_\t_\n\n", "b.conllu");
  ASSERT_FALSE(backwards.is_ok());
}

}  // namespace
}  // namespace kg::nlp
