// names_inside: which names hang on a common noun, read off a parse written
// here by hand in CoNLL-U (heads and labels as the UD guidelines give them).
#include <gtest/gtest.h>

#include <string>

#include "ingest/object_names.h"
#include "tests/ingest/hand_parse.h"

namespace kg::ingest {
namespace {

// One sentence parsed by hand, with the words whose 1-based ids are in
// `named` tagged as one PERSON/ORG name by the recognizer.
nlp::Document parse(const std::string& rows, std::initializer_list<int> named) {
  nlp::Document d = hand_parse(rows);
  for (int w : named) d.words[static_cast<size_t>(w - 1)].ner = "I-ORG";
  return d;
}

TEST(NamesInside, AModifierWithItsPrepositionJoinsTheRelation) {
  // "bought a stake in AOL Europe" ("in" on the name's first word)
  const nlp::Document d = parse("bought VERB 0 root;a DET 3 det;stake NOUN 1 obj;in ADP 5 case;AOL PROPN 6 compound;"
                                "Europe PROPN 3 nmod",
                                {5, 6});
  const auto names = names_inside(d.words_of(d.sentences[0]), 2);
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0].word, 5u);
  EXPECT_EQ(names[0].relation, "stake in");
  EXPECT_TRUE(names[0].modifier);
}

TEST(NamesInside, APossessorBehindATitleIsTheOwner) {
  // "backed Chancellor Gordon Brown's report"
  const nlp::Document d = parse("backed VERB 0 root;Chancellor PROPN 6 nmod:poss;Gordon PROPN 2 flat;"
                                "Brown PROPN 2 flat;'s PART 2 case;report NOUN 1 obj",
                                {3, 4});
  const auto names = names_inside(d.words_of(d.sentences[0]), 5);
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0].word, 2u);
  EXPECT_EQ(names[0].relation, "report of");
  EXPECT_FALSE(names[0].modifier);
}

TEST(NamesInside, OnlyAClassifierNounLetsTheNameStandForThePhrase) {
  // "the Odeon cinema chain" is Odeon; "the Google shares" are not Google.
  const nlp::Document chain = parse("the DET 4 det;Odeon PROPN 4 compound;cinema NOUN 4 compound;chain NOUN 0 root", {2});
  const auto names = names_inside(chain.words_of(chain.sentences[0]), 3);
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0].word, 1u);
  EXPECT_EQ(names[0].relation, "");
  const nlp::Document shares = parse("the DET 3 det;Google PROPN 3 compound;shares NOUN 0 root", {2});
  EXPECT_TRUE(names_inside(shares.words_of(shares.sentences[0]), 2).empty());
}

TEST(ClassifiedName, AnOrganisationsKindNotAWorkOrANationality) {
  // "the Mecca Bingo chain" is Mecca Bingo; "the BBC series" is a work the
  // BBC made; "the South Korean bank" is a bank of that country.
  const nlp::Document chain =
      parse("the DET 4 det;Mecca PROPN 4 compound;Bingo PROPN 4 compound;chain NOUN 0 root", {});
  EXPECT_EQ(classified_name(chain.words_of(chain.sentences[0]), 3), 1);
  const nlp::Document series = parse("the DET 3 det;BBC PROPN 3 compound;series NOUN 0 root", {2});
  EXPECT_EQ(classified_name(series.words_of(series.sentences[0]), 2), -1);
  const nlp::Document bank = parse("the DET 4 det;South PROPN 4 compound;Korean PROPN 4 compound;bank NOUN 0 root", {});
  EXPECT_EQ(classified_name(bank.words_of(bank.sentences[0]), 3), -1);
}

TEST(NamesInside, AnUntaggedProperNounIsACandidateTheResolverJudges) {
  // "the Pinewood studio" with "Pinewood" left untagged by the recognizer
  // (the parse here gives each word its form as lemma).
  const nlp::Document d = parse("the DET 3 det;Pinewood PROPN 3 compound;studio NOUN 0 root", {});
  const auto names = names_inside(d.words_of(d.sentences[0]), 2);
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0].word, 1u);
}

TEST(NamesInside, HalfOfAHyphenatedWordIsNoNoun) {
  // "the FBI's crime-fighting tools" misparsed with "fighting" as the owned noun
  const nlp::Document d = parse("used VERB 0 root;the DET 3 det;FBI PROPN 7 nmod:poss;'s PART 3 case;crime NOUN 7 "
                                "compound;- PUNCT 7 punct;fighting NOUN 1 obj;tools NOUN 7 conj",
                                {3});
  EXPECT_TRUE(names_inside(d.words_of(d.sentences[0]), 6).empty());
}

TEST(NamesInside, AnUntaggedWordOrAnUnlistedPrepositionGivesNothing) {
  // "a plan for growth" (no name), "a stake despite Europe" (no such relation)
  const nlp::Document plain = parse("a DET 2 det;plan NOUN 0 root;for ADP 4 case;growth NOUN 2 nmod", {});
  EXPECT_TRUE(names_inside(plain.words_of(plain.sentences[0]), 1).empty());
  const nlp::Document odd = parse("a DET 2 det;stake NOUN 0 root;despite ADP 4 case;Europe PROPN 2 nmod", {4});
  EXPECT_TRUE(names_inside(odd.words_of(odd.sentences[0]), 1).empty());
}

}  // namespace
}  // namespace kg::ingest
