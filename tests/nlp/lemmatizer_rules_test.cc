// The lemmatizer's rules for words the treebank lookup does not cover,
// which keep it right when the tagger errs in a way the tag alone cannot
// show: proper-noun case by tag, capitalized names, short codes, nationality
// adjectives, decimal commas and the contracted "has". Each table gives the expected lemma with an empty model,
// so only the rules speak.
#include <gtest/gtest.h>

#include "ingest/nlp/lemmatizer.h"

namespace kg::nlp {
namespace {

struct Case {
  std::string_view form;
  UPos upos;
  std::string_view xpos;
  std::string_view lemma;
};

void expect_lemmas(const std::vector<Case>& cases) {
  const Lemmatizer lemmatizer{LemmatizerData{}};
  char buf[64];
  for (const Case& c : cases) {
    EXPECT_EQ(lemmatizer.lemma(c.form, c.upos, c.xpos, buf, sizeof(buf)), c.lemma)
        << c.form << " " << upos_name(c.upos) << "/" << c.xpos;
  }
}

TEST(LemmatizerRules, WordsTaggedNnpKeepTheirCaseWhateverTheirUpos) {
  expect_lemmas({
      {"Federal", UPos::ADJ, "NNP", "Federal"},
      {"Federal", UPos::ADJ, "JJ", "federal"},
      {"Flying", UPos::VERB, "NNP", "Flying"},
      {"Harbour", UPos::PROPN, "NNP", "Harbour"},
      {"Harbour", UPos::NOUN, "NN", "harbour"},
  });
}

TEST(LemmatizerRules, AllCapitalNamesAreTitleCasedButAcronymsKept) {
  expect_lemmas({
      {"KRAKOW", UPos::PROPN, "NNP", "Krakow"},
      {"OKONKWO", UPos::PROPN, "NNP", "Okonkwo"},
      {"NATO", UPos::PROPN, "NNP", "NATO"},   // four letters: an acronym
      {"UNHCR", UPos::PROPN, "NNP", "Unhcr"},  // five: read as a name (the rule's known cost)
      {"KRAKOW", UPos::NOUN, "NN", "krakow"},  // common nouns are lowercased
      {"B52BOMBER", UPos::PROPN, "NNP", "B52BOMBER"},  // not all letters
  });
}

TEST(LemmatizerRules, ShortLowercaseProperNounsAreCodesKeptAsWritten) {
  expect_lemmas({
      {"qx", UPos::PROPN, "NNP", "qx"},
      {"zt", UPos::ADJ, "NNP", "zt"},
      {"lyon", UPos::PROPN, "NNP", "Lyon"},
      {"oslo", UPos::PROPN, "NNP", "Oslo"},
  });
}

TEST(LemmatizerRules, NationalityAdjectivesAreCapitalizedButPartyWordsAreNot) {
  expect_lemmas({
      {"german", UPos::ADJ, "JJ", "German"},
      {"scottish", UPos::ADJ, "JJ", "Scottish"},
      {"Argentinian", UPos::ADJ, "JJ", "Argentinian"},
      {"jewish", UPos::ADJ, "JJ", "Jewish"},
      {"liberal", UPos::ADJ, "JJ", "liberal"},
      {"Conservative", UPos::ADJ, "JJ", "conservative"},
      {"western", UPos::ADJ, "JJ", "western"},
      {"german", UPos::NOUN, "NN", "german"},  // only adjectives: nouns go by the treebank
      {"green", UPos::ADJ, "JJ", "green"},
  });
}

TEST(LemmatizerRules, ADecimalCommaBecomesAPointAndThousandsSeparatorsGo) {
  expect_lemmas({
      {"7,5", UPos::NUM, "CD", "7.5"},
      {"3,40", UPos::NUM, "CD", "3.40"},
      {"1,400", UPos::NUM, "CD", "1400"},
      {"12,500,000", UPos::NUM, "CD", "12500000"},
      {"3,4,5", UPos::NUM, "CD", "345"},  // two commas: no decimal number
      {"7,5", UPos::NOUN, "NN", "7,5"},   // only numbers are rewritten
  });
}

TEST(LemmatizerRules, ContractedHasIsKnownByTheParticipleAfterIt) {
  struct Pair {
    std::string_view form, next;
    bool has;
  };
  const Pair pairs[] = {
      {"'s", "been", true},   {"'s", "Got", true},   {"\xE2\x80\x99s", "gotten", true}, {"'s", "had", true},
      {"'s", "raining", false}, {"'s", "done", false}, {"is", "been", false},           {"s", "been", false},
  };
  for (const Pair& p : pairs) EXPECT_EQ(is_contracted_has(p.form, p.next), p.has) << p.form << " " << p.next;
}

TEST(LemmatizerRules, LemmatizeTurnsBeIntoHaveBeforeBeen) {
  LemmatizerData data;
  data.strings = {"be"};
  data.exact.emplace(std::string("'s\x1fVBZ"), 0);
  const Lemmatizer lemmatizer(std::move(data));
  Document doc;
  const struct {
    std::string_view form;
    UPos upos;
    std::string_view xpos;
  } words[] = {{"she", UPos::PRON, "PRP"}, {"'s", UPos::AUX, "VBZ"}, {"been", UPos::AUX, "VBN"},
               {"it", UPos::PRON, "PRP"},  {"'s", UPos::AUX, "VBZ"}, {"late", UPos::ADJ, "JJ"}};
  for (const auto& w : words) {
    Word word;
    word.form = doc.intern(w.form);
    word.upos = w.upos;
    word.xpos = doc.intern(w.xpos);
    doc.words.push_back(word);
  }
  lemmatizer.lemmatize(&doc);
  EXPECT_EQ(doc.words[1].lemma, "have");
  EXPECT_EQ(doc.words[4].lemma, "be");
}

// lemmatize() remembers recent lemmas per thread; what one lemmatizer
// remembered must never answer for another with different data, and a
// repeated word must get the same lemma as its first occurrence.
TEST(LemmatizerRules, RememberedLemmasBelongToTheLemmatizerThatMadeThem) {
  const auto lemmatizer_saying = [](std::string lemma) {
    LemmatizerData data;
    data.strings = {std::move(lemma)};
    data.exact.emplace(std::string("Talks\x1fNNS"), 0);
    return Lemmatizer(std::move(data));
  };
  const Lemmatizer first = lemmatizer_saying("talk"), second = lemmatizer_saying("negotiation");
  const auto lemmas_by = [](const Lemmatizer& lemmatizer) {
    Document doc;
    for (int i = 0; i < 2; ++i) {
      Word word;
      word.form = doc.intern("Talks");
      word.upos = UPos::NOUN;
      word.xpos = doc.intern("NNS");
      doc.words.push_back(word);
    }
    lemmatizer.lemmatize(&doc);
    return std::vector<std::string>{std::string(doc.words[0].lemma), std::string(doc.words[1].lemma)};
  };
  const std::vector<std::string> talk = {"talk", "talk"}, negotiation = {"negotiation", "negotiation"};
  EXPECT_EQ(lemmas_by(first), talk);
  EXPECT_EQ(lemmas_by(second), negotiation);
  EXPECT_EQ(lemmas_by(first), talk);
}

}  // namespace
}  // namespace kg::nlp
