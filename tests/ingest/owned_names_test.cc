// possessed_names and owned_names: names an owner's "'s" or possessive
// pronoun stands before, read off a parse written here by hand.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/owned_names.h"
#include "tests/ingest/hand_parse.h"

namespace kg::ingest {
namespace {

// The names found, one a line: "owner word > name word (noun)".
std::vector<std::string> found(const std::vector<OwnedName>& names) {
  std::vector<std::string> out;
  for (const OwnedName& n : names) out.push_back(fmt::format("{} > {} ({})", n.owner_word, n.name_word, n.noun));
  return out;
}

TEST(PossessedNames, ANameWrittenWholeAfterTheOwner) {
  // "the BBC's Louisa Lim in Beijing says": the place after her is no part of her name.
  const nlp::Document d = hand_parse(
      "the DET 2 det;BBC PROPN 4 nmod:poss U-ORG;'s PART 2 case;Louisa PROPN 8 nsubj B-PERSON;"
      "Lim PROPN 4 flat L-PERSON;in ADP 7 case;Beijing PROPN 4 nmod U-LOC;says VERB 0 root");
  EXPECT_EQ(found(possessed_names(d.words_of(d.sentences[0]))), (std::vector<std::string>{"1 > 4 ()"}));
}

TEST(PossessedNames, NotATitleCutAtItsFirstSmallWord) {
  // "Ironclad's Sadly in Anger tour": the recognizer took "Sadly" alone.
  const nlp::Document d =
      hand_parse("Ironclad PROPN 6 nmod:poss U-ORG;'s PART 1 case;Sadly PROPN 6 compound U-MISC;in ADP 5 case;"
                 "Anger PROPN 3 nmod;tour NOUN 7 nsubj;ended VERB 0 root");
  EXPECT_TRUE(possessed_names(d.words_of(d.sentences[0])).empty());
}

TEST(OwnedNames, APersonsCompanyInApposition) {
  // "for his company, Opera Nova."
  const nlp::Document d = hand_parse("for ADP 3 case;his PRON 3 nmod:poss;company NOUN 0 root;, PUNCT 5 punct;"
                                     "Opera PROPN 3 appos B-ORG;Nova PROPN 5 flat L-ORG;. PUNCT 3 punct");
  EXPECT_EQ(found(owned_names(d.words_of(d.sentences[0]))), (std::vector<std::string>{"1 > 5 (company)"}));
}

TEST(OwnedNames, ANameBetweenItsOwnerAndTheOwnersNoun) {
  // "sold its Yugansk unit to Rosneft"
  const nlp::Document unit = hand_parse(
      "sold VERB 0 root;its PRON 4 nmod:poss;Yugansk PROPN 4 compound U-ORG;unit NOUN 1 obj;"
      "to ADP 6 case;Rosneft PROPN 1 obl U-ORG");
  EXPECT_EQ(found(owned_names(unit.words_of(unit.sentences[0]))), (std::vector<std::string>{"1 > 2 (unit)"}));
  // "its US subsidiary" names a place, and "its Sony business model" a model.
  const nlp::Document place =
      hand_parse("sold VERB 0 root;its PRON 4 nmod:poss;US PROPN 4 compound U-LOC;subsidiary NOUN 1 obj");
  EXPECT_TRUE(owned_names(place.words_of(place.sentences[0])).empty());
  const nlp::Document model = hand_parse(
      "changed VERB 0 root;its PRON 5 nmod:poss;Sony PROPN 5 compound U-ORG;business NOUN 5 compound;model NOUN 1 obj");
  EXPECT_TRUE(owned_names(model.words_of(model.sentences[0])).empty());
}

}  // namespace
}  // namespace kg::ingest
