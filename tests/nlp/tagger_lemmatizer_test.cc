// Tagger and lemmatizer regression on a small fixed set of sentences
// written for this test, plus the lemmatizer's lookup order on data built
// here.
#include "ingest/nlp/lemmatizer.h"
#include "ingest/nlp/tagger.h"

#include <gtest/gtest.h>

#include "tests/nlp/pipeline_test_support.h"

namespace kg::nlp {
namespace {

struct Expected {
  std::string_view form;
  UPos upos;
  std::string_view xpos;
  std::string_view lemma;
};

void expect_words(std::string_view text, const std::vector<Expected>& expected) {
  const Document doc = shipped_pipeline().annotate(text);
  for (const Expected& e : expected) {
    const Word* found = nullptr;
    for (const Word& w : doc.words) {
      if (w.form == e.form) {
        found = &w;
        break;
      }
    }
    ASSERT_NE(found, nullptr) << e.form << " in: " << text;
    EXPECT_EQ(upos_name(found->upos), upos_name(e.upos)) << e.form << " in: " << text;
    EXPECT_EQ(found->xpos, e.xpos) << e.form << " in: " << text;
    EXPECT_EQ(found->lemma, e.lemma) << e.form << " in: " << text;
  }
}

TEST(Tagger, TagsAndLemmatizesNewsSentences) {
  expect_words("The leaders spoke on Tuesday and told reporters that the deal guarantees peace.",
               {{"leaders", UPos::NOUN, "NNS", "leader"},
                {"spoke", UPos::VERB, "VBD", "speak"},
                {"Tuesday", UPos::PROPN, "NNP", "Tuesday"},
                {"told", UPos::VERB, "VBD", "tell"},
                {"reporters", UPos::NOUN, "NNS", "reporter"},
                {"guarantees", UPos::VERB, "VBZ", "guarantee"},
                {"the", UPos::DET, "DT", "the"},
                {".", UPos::PUNCT, ".", "."}});
  expect_words("Russia has been massing troops near the border, officials said.",
               {{"Russia", UPos::PROPN, "NNP", "Russia"},
                {"has", UPos::AUX, "VBZ", "have"},
                {"been", UPos::AUX, "VBN", "be"},
                {"massing", UPos::VERB, "VBG", "mass"},
                {"officials", UPos::NOUN, "NNS", "official"},
                {"said", UPos::VERB, "VBD", "say"}});
  expect_words("She didn't think the sanctions were better than talks.",
               {{"did", UPos::AUX, "VBD", "do"},
                {"n't", UPos::PART, "RB", "not"},
                {"were", UPos::AUX, "VBD", "be"},
                {"better", UPos::ADJ, "JJR", "good"},
                {"She", UPos::PRON, "PRP", "she"}});
}

TEST(Tagger, AnOccupationAfterToBeforeAFullNameIsANoun) {
  // The statistical tagger reads these as infinitives; a verb stays one.
  expect_words("He lost to compatriot Andy Murray.",
               {{"to", UPos::ADP, "IN", "to"}, {"compatriot", UPos::NOUN, "NN", "compatriot"}});
  expect_words("He worked as an assistant to sculptor Henry Moore.", {{"sculptor", UPos::NOUN, "NN", "sculptor"}});
  expect_words("Ireland were indebted to skipper Brian O'Driscoll, who set up two tries.",
               {{"skipper", UPos::NOUN, "NN", "skipper"}});
  expect_words("They want to meet Andy Murray.", {{"meet", UPos::VERB, "VB", "meet"}});
}

TEST(Tagger, PrepositionsThatAreNothingElseStayPrepositions) {
  expect_words("UKIP lost its main donor Paul Sykes amid the row over the leadership.",
               {{"amid", UPos::ADP, "IN", "amid"}});
}

TEST(Tagger, ACapitalisedNounInsideANameIsAProperNoun) {
  expect_words("Euronext has approached the London Stock Exchange about a bid.",
               {{"Stock", UPos::PROPN, "NNP", "Stock"}});
  expect_words("Shares fell on the London stock market.", {{"stock", UPos::NOUN, "NN", "stock"}});
}

TEST(Tagger, AParticipleInATitleIsAnAdjective) {
  expect_words("Brian McBride, managing director of T-Mobile, said so.",
               {{"managing", UPos::ADJ, "JJ", "managing"}, {"director", UPos::NOUN, "NN", "director"}});
  expect_words("The firm is managing costs well.", {{"managing", UPos::VERB, "VBG", "manage"}});
  expect_words("Eric Tveter, chief operating officer of Telewest, said so.",
               {{"operating", UPos::ADJ, "JJ", "operating"}});
}

TEST(Tagger, SetsMorphologicalFeatures) {
  const Document doc = shipped_pipeline().annotate(std::string_view("The ministers were told to wait."));
  auto feats_of = [&](std::string_view form) {
    for (const Word& w : doc.words) {
      if (w.form == form) return std::string(w.feats);
    }
    return std::string("<missing>");
  };
  EXPECT_NE(feats_of("ministers").find("Number=Plur"), std::string::npos);
  EXPECT_NE(feats_of("told").find("VerbForm=Part"), std::string::npos);
  EXPECT_NE(feats_of("were").find("Tense=Past"), std::string::npos);
  EXPECT_NE(feats_of("wait").find("VerbForm=Inf"), std::string::npos);
}

// A two-class tagger whose weights make every word `cls`. Only the first
// two features of each word (bias and word, which depend on its form alone)
// get weights, so a partial score remembered for the wrong tagger would
// decide the tag.
Tagger tagger_that_says(int cls, std::span<const Word> words) {
  TaggerLexicon lexicon;
  lexicon.classes = {TagClass{UPos::NOUN, "NN"}, TagClass{UPos::VERB, "VB"}};
  lexicon.feats_strings = {""};
  lexicon.class_feats = {0, 0};
  Tagger keyer(lexicon, AveragedPerceptron(2));
  std::vector<Tagger::WordKeys> keys;
  keyer.word_keys(words, &keys);
  AveragedPerceptron model(2);
  std::vector<uint64_t> feats;
  for (size_t i = 0; i < words.size(); ++i) {
    feats.clear();
    Tagger::features(keys, i, -1, -1, &feats);
    model.update(std::span<const uint64_t>(feats).first(2), cls, 1 - cls);
  }
  model.finish_training();
  return Tagger(std::move(lexicon), std::move(model));
}

// The tagger remembers the scores of recent word forms per thread; what one
// tagger remembered must never answer for another with other weights.
TEST(Tagger, RememberedScoresBelongToTheTaggerThatMadeThem) {
  std::vector<Word> words(2);
  words[0].form = "Talks";
  words[1].form = "resume";
  const Tagger nouns = tagger_that_says(0, words), verbs = tagger_that_says(1, words);
  std::vector<int> classes;
  nouns.predict(words, &classes);
  EXPECT_EQ(classes, (std::vector<int>{0, 0}));
  verbs.predict(words, &classes);
  EXPECT_EQ(classes, (std::vector<int>{1, 1}));
  nouns.predict(words, &classes);
  EXPECT_EQ(classes, (std::vector<int>{0, 0}));
}

TEST(Lemmatizer, LooksUpThenWordnetThenSuffixRules) {
  LemmatizerData data;
  data.strings = {"speak", "", "y", "goose"};
  data.wordnet.emplace(std::string("spoke\x1fv"), 0);
  data.rules.emplace(std::string("NNS\x1fs"), (1u << 24) | 1);    // -s -> ""
  data.rules.emplace(std::string("NNS\x1fies"), (3u << 24) | 2);  // -ies -> -y
  data.exact.emplace(std::string("geese\x1fNNS"), 3);
  const Lemmatizer lemmatizer(std::move(data));
  char buf[64];
  auto lemma = [&](std::string_view form, UPos upos, std::string_view xpos) {
    return std::string(lemmatizer.lemma(form, upos, xpos, buf, sizeof(buf)));
  };
  EXPECT_EQ(lemma("spoke", UPos::VERB, "VBD"), "speak");
  EXPECT_EQ(lemma("geese", UPos::NOUN, "NNS"), "goose");
  EXPECT_EQ(lemma("Leaders", UPos::NOUN, "NNS"), "leader");
  EXPECT_EQ(lemma("countries", UPos::NOUN, "NNS"), "country");
  EXPECT_EQ(lemma("Kremlin", UPos::PROPN, "NNP"), "Kremlin");
  EXPECT_EQ(lemma("The", UPos::DET, "DT"), "the");
  EXPECT_EQ(lemma("spoke", UPos::NOUN, "NN"), "spoke");  // WordNet's verb list does not apply to nouns
}

TEST(Lemmatizer, UnseenVerbsAreCheckedAgainstWordnetVerbs) {
  LemmatizerData data;
  data.strings = {"", "provoke", "smell", "stop", "carry", "glow"};
  data.rules.emplace(std::string("VBD\x1f" "ed"), (2u << 24) | 0);  // -ed -> "" (wrong for provoked)
  data.rules.emplace(std::string("VBN\x1f" "ed"), (2u << 24) | 0);
  data.rules.emplace(std::string("VBG\x1fing"), (3u << 24) | 0);
  for (uint32_t i = 1; i < data.strings.size(); ++i) data.wordnet.emplace(data.strings[i] + "\x1fV", i);
  const Lemmatizer lemmatizer(std::move(data));
  char buf[64];
  auto lemma = [&](std::string_view form, std::string_view xpos) {
    return std::string(lemmatizer.lemma(form, UPos::VERB, xpos, buf, sizeof(buf)));
  };
  EXPECT_EQ(lemma("provoked", "VBN"), "provoke");
  EXPECT_EQ(lemma("Provoking", "VBG"), "provoke");
  EXPECT_EQ(lemma("smelled", "VBD"), "smell");
  EXPECT_EQ(lemma("stopped", "VBD"), "stop");
  EXPECT_EQ(lemma("carries", "VBZ"), "carry");
  EXPECT_EQ(lemma("glowed", "VBD"), "glow");      // the rule's result is a verb: kept
  EXPECT_EQ(lemma("frobbed", "VBD"), "frobb");    // no WordNet verb: the rule's result stays
  // A prefix WordNet does not list: the verb after the hyphen, prefix kept.
  EXPECT_EQ(lemma("re-provoked", "VBD"), "re-provoke");
  EXPECT_EQ(lemma("co-carries", "VBZ"), "co-carry");
  EXPECT_EQ(lemma("re-stopped", "VBN"), "re-stop");
}

TEST(Lemmatizer, AddressesKeepTheirForm) {
  const Lemmatizer lemmatizer{LemmatizerData{}};
  char buf[64];
  EXPECT_EQ(lemmatizer.lemma("news.example.org", UPos::PROPN, "ADD", buf, sizeof(buf)), "news.example.org");
  EXPECT_EQ(lemmatizer.lemma("ipod2", UPos::PROPN, "NNP", buf, sizeof(buf)), "ipod2");
  EXPECT_EQ(lemmatizer.lemma("chicago", UPos::PROPN, "NNP", buf, sizeof(buf)), "Chicago");
}

}  // namespace
}  // namespace kg::nlp
