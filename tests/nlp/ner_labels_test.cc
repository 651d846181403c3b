// BILOU labels, spans, titles, gazetteer, corpus readers and the span
// scorer of the entity recognizer, on sentences written for these tests.
#include <gtest/gtest.h>

#include "ingest/nlp/ner.h"
#include "ingest/nlp/ner_corpus.h"
#include "ingest/nlp/ner_gazetteer.h"
#include "ingest/nlp/ner_history.h"
#include "ingest/nlp/ner_labels.h"
#include "ingest/nlp/ner_titles.h"
#include "ingest/nlp/train/ner_eval.h"

namespace kg::nlp {
namespace {

// Words of an IOB2 text with every tag O, for tests that need only forms.
NerCorpus words_of(const std::string& sentence) {
  std::string content;
  size_t start = 0;
  int id = 1;
  while (start < sentence.size()) {
    size_t space = sentence.find(' ', start);
    if (space == std::string::npos) space = sentence.size();
    content += std::to_string(id++) + "\t" + sentence.substr(start, space - start) + "\tO\n";
    start = space + 1;
  }
  auto corpus = read_iob2(content, "test.iob2");
  EXPECT_TRUE(corpus.is_ok()) << corpus.status().message();
  return std::move(corpus).value();
}

TEST(NerLabels, SpansRoundTripThroughLabels) {
  const std::vector<EntitySpan> spans = {{0, 2, EntityType::kPerson}, {3, 4, EntityType::kLoc},
                                         {5, 8, EntityType::kOrg}};
  std::vector<int> labels;
  labels_from_spans(9, spans, &labels);
  EXPECT_EQ(bilou_label_name(labels[0]), "B-PERSON");
  EXPECT_EQ(bilou_label_name(labels[1]), "L-PERSON");
  EXPECT_EQ(bilou_label_name(labels[2]), "");
  EXPECT_EQ(bilou_label_name(labels[3]), "U-LOC");
  EXPECT_EQ(bilou_label_name(labels[6]), "I-ORG");
  EXPECT_EQ(spans_from_labels(labels), spans);
}

TEST(NerLabels, TransitionsFollowBilou) {
  const int b_per = bilou_label(EntityType::kPerson, BilouPosition::kBegin);
  const int l_per = bilou_label(EntityType::kPerson, BilouPosition::kLast);
  const int l_org = bilou_label(EntityType::kOrg, BilouPosition::kLast);
  const int u_loc = bilou_label(EntityType::kLoc, BilouPosition::kUnit);
  EXPECT_TRUE(bilou_transition_allowed(0, b_per));
  EXPECT_TRUE(bilou_transition_allowed(b_per, l_per));
  EXPECT_FALSE(bilou_transition_allowed(b_per, l_org));
  EXPECT_FALSE(bilou_transition_allowed(b_per, 0));
  EXPECT_FALSE(bilou_transition_allowed(0, l_per));
  EXPECT_TRUE(bilou_transition_allowed(l_per, u_loc));
}

TEST(NerLabels, WordTagsReadAsBilouOrBio) {
  NerCorpus c = words_of("Angela Merkel visited Paris");
  auto words = c.doc.words_of(c.doc.sentences[0]);
  words[0].ner = "B-PER";
  words[1].ner = "I-PER";
  words[3].ner = "U-LOC";
  const std::vector<EntitySpan> expected = {{0, 2, EntityType::kPerson}, {3, 4, EntityType::kLoc}};
  EXPECT_EQ(entity_spans(words), expected);
  set_entity_tags(&c.doc, c.doc.sentences[0], expected);
  EXPECT_EQ(words[1].ner, "L-PERSON");
  EXPECT_EQ(words[2].ner, "");
}

TEST(NerGazetteer, MarksLongestPhrases) {
  NerCorpus c = words_of("the mayor of New York met Mr Smith");
  std::vector<GazetteerMark> marks;
  Gazetteer::builtin().mark(c.doc.words_of(c.doc.sentences[0]), &marks);
  EXPECT_TRUE(marks[3].phrase_classes & kGazCity);
  EXPECT_EQ(marks[3].phrase_position, 1);
  EXPECT_EQ(marks[4].phrase_position, 3);
  EXPECT_TRUE(marks[6].word_classes & kGazHonorific);
  EXPECT_EQ(marks[5].word_classes, 0);
}

struct TitleCase {
  std::string sentence;
  uint32_t person_begin, person_end;
  uint32_t title_begin;  // == person_begin when no title is expected
};

TEST(NerTitles, FoundBeforePersonNames) {
  const std::vector<TitleCase> cases = {
      {"US President Joe Biden spoke", 2, 4, 0},
      {"Mr Putin was firm", 1, 2, 0},
      {"he met Secretary of State Antony Blinken", 5, 7, 2},
      {"the former Prime Minister Theresa May said", 4, 6, 1},
      {"National Security Adviser Jake Sullivan said", 3, 5, 0},
      {"Ms Victoria Nuland testified", 1, 3, 0},
      {"reporters asked Jake Sullivan", 2, 4, 2},
  };
  for (const TitleCase& tc : cases) {
    NerCorpus c = words_of(tc.sentence);
    const std::vector<EntitySpan> people = {{tc.person_begin, tc.person_end, EntityType::kPerson}};
    const auto titles = find_titles(c.doc.words_of(c.doc.sentences[0]), people);
    if (tc.title_begin == tc.person_begin) {
      EXPECT_TRUE(titles.empty()) << tc.sentence;
      continue;
    }
    ASSERT_EQ(titles.size(), 1u) << tc.sentence;
    EXPECT_EQ(titles[0], (TitleSpan{tc.title_begin, tc.person_begin, 0})) << tc.sentence;
  }
}

TEST(NerTitles, StrippedFromTheStartOfANameSpan) {
  NerCorpus c = words_of("President Joe Biden");
  auto words = c.doc.words_of(c.doc.sentences[0]);
  std::vector<GazetteerMark> marks;
  Gazetteer::builtin().mark(words, &marks);
  EXPECT_EQ(name_begin_after_title(words, marks, 0, 3), 1u);
  NerCorpus plain = words_of("Joe Biden");
  auto plain_words = plain.doc.words_of(plain.doc.sentences[0]);
  Gazetteer::builtin().mark(plain_words, &marks);
  EXPECT_EQ(name_begin_after_title(plain_words, marks, 0, 2), 0u);
}

// The spans left after EntityRecognizer::tidy_spans of `predicted` over
// the words of `sentence`.
std::vector<EntitySpan> after_title_split(const std::string& sentence, const std::vector<EntitySpan>& predicted) {
  NerCorpus c = words_of(sentence);
  auto words = c.doc.words_of(c.doc.sentences[0]);
  std::vector<int> labels;
  labels_from_spans(words.size(), predicted, &labels);
  EntityRecognizer::tidy_spans(words, &labels);
  return spans_from_labels(labels);
}

TEST(NerTitles, GreetingsAndJobTitlesAreCutFromPredictedSpans) {
  // A greeting opens the name of the person addressed, whatever type was guessed.
  EXPECT_EQ(after_title_split("Dear Mr. Lavorato ,", {{0, 3, EntityType::kMisc}}),
            (std::vector<EntitySpan>{{2, 3, EntityType::kPerson}}));
  EXPECT_EQ(after_title_split("Hello Louise", {{0, 2, EntityType::kLoc}}),
            (std::vector<EntitySpan>{{1, 2, EntityType::kPerson}}));
  EXPECT_EQ(after_title_split("Thanks Rich Smith !", {{0, 3, EntityType::kPerson}}),
            (std::vector<EntitySpan>{{1, 3, EntityType::kPerson}}));
  // A greeting and a title alone name nobody.
  EXPECT_TRUE(after_title_split("Dear Sir ,", {{0, 2, EntityType::kPerson}}).empty());
  // Office words before a name.
  EXPECT_EQ(after_title_split("Baptist Pastor Stephen Jones spoke", {{0, 4, EntityType::kPerson}}),
            (std::vector<EntitySpan>{{2, 4, EntityType::kPerson}}));
  EXPECT_EQ(after_title_split("Agency Administrator Mike Griffin said", {{1, 4, EntityType::kPerson}}),
            (std::vector<EntitySpan>{{2, 4, EntityType::kPerson}}));
  // A company named with a title word keeps its name.
  EXPECT_EQ(after_title_split("General Motors said", {{0, 2, EntityType::kOrg}}),
            (std::vector<EntitySpan>{{0, 2, EntityType::kOrg}}));
  // A span without greeting or title is left alone.
  EXPECT_EQ(after_title_split("Louise Smith called", {{0, 2, EntityType::kPerson}}),
            (std::vector<EntitySpan>{{0, 2, EntityType::kPerson}}));
}

TEST(NerTitles, EdgePunctuationIsCutAndOrganizationWordsMakeAnOrg) {
  NerCorpus c = words_of("the National Security Council \" said");
  auto words = c.doc.words_of(c.doc.sentences[0]);
  words[4].upos = UPos::PUNCT;
  std::vector<int> labels;
  labels_from_spans(words.size(), std::vector<EntitySpan>{{1, 5, EntityType::kMisc}}, &labels);
  EntityRecognizer::tidy_spans(words, &labels);
  EXPECT_EQ(spans_from_labels(labels), (std::vector<EntitySpan>{{1, 4, EntityType::kOrg}}));
  // A lowercase common word is no name's end; the organization word then decides.
  NerCorpus d = words_of("a top State Department official said");
  auto dwords = d.doc.words_of(d.doc.sentences[0]);
  dwords[4].upos = UPos::NOUN;
  labels_from_spans(dwords.size(), std::vector<EntitySpan>{{2, 5, EntityType::kPerson}}, &labels);
  EntityRecognizer::tidy_spans(dwords, &labels);
  EXPECT_EQ(spans_from_labels(labels), (std::vector<EntitySpan>{{2, 4, EntityType::kOrg}}));
  // A person's name that ends like an organization keeps its type.
  EXPECT_EQ(after_title_split("Emily Post wrote", {{0, 2, EntityType::kPerson}}),
            (std::vector<EntitySpan>{{0, 2, EntityType::kPerson}}));
  // Function words end no name; name particles belong to the name.
  NerCorpus e = words_of("Peder and I met Osama bin Laden");
  auto ewords = e.doc.words_of(e.doc.sentences[0]);
  ewords[1].upos = UPos::CCONJ;
  ewords[2].upos = UPos::PRON;
  ewords[4].upos = UPos::PROPN;
  labels_from_spans(ewords.size(), std::vector<EntitySpan>{{0, 3, EntityType::kPerson}, {6, 7, EntityType::kPerson}},
                    &labels);
  EntityRecognizer::tidy_spans(ewords, &labels);
  EXPECT_EQ(spans_from_labels(labels),
            (std::vector<EntitySpan>{{0, 1, EntityType::kPerson}, {4, 7, EntityType::kPerson}}));
  // Without an organization word at its end a MISC span stays MISC.
  EXPECT_EQ(after_title_split("the Cold War ended", {{1, 3, EntityType::kMisc}}),
            (std::vector<EntitySpan>{{1, 3, EntityType::kMisc}}));
}

TEST(NerTitles, TwoPeopleJoinedByAConjunctionAreTwoNames) {
  // "Joe Biden and Russia President Vladimir Putin": two people, the second
  // with his title cut; an organization keeps its inner "and".
  NerCorpus c = words_of("Joe Biden and Russia President Vladimir Putin spoke");
  auto words = c.doc.words_of(c.doc.sentences[0]);
  words[2].upos = UPos::CCONJ;
  std::vector<int> labels;
  labels_from_spans(words.size(), std::vector<EntitySpan>{{0, 7, EntityType::kPerson}}, &labels);
  EntityRecognizer::tidy_spans(words, &labels);
  EXPECT_EQ(spans_from_labels(labels),
            (std::vector<EntitySpan>{{0, 2, EntityType::kPerson}, {5, 7, EntityType::kPerson}}));
  NerCorpus o = words_of("Procter and Gamble said");
  auto owords = o.doc.words_of(o.doc.sentences[0]);
  owords[1].upos = UPos::CCONJ;
  labels_from_spans(owords.size(), std::vector<EntitySpan>{{0, 3, EntityType::kOrg}}, &labels);
  EntityRecognizer::tidy_spans(owords, &labels);
  EXPECT_EQ(spans_from_labels(labels), (std::vector<EntitySpan>{{0, 3, EntityType::kOrg}}));
}

// The spans after EntityRecognizer::trim_and_add_places of `predicted`
// over the first sentence of `c`.
std::vector<EntitySpan> after_trim(const NerCorpus& c, std::vector<EntitySpan> predicted) {
  auto words = c.doc.words_of(c.doc.sentences[0]);
  std::vector<GazetteerMark> marks;
  Gazetteer::builtin().mark(words, &marks);
  EntityRecognizer::trim_and_add_places(words, marks, &predicted);
  return predicted;
}

// The same over `sentence`, whose words are tagged PROPN where `proper`
// says so (NOUN elsewhere).
std::vector<EntitySpan> after_places_and_orgs(const std::string& sentence, const std::vector<bool>& proper,
                                              const std::vector<EntitySpan>& predicted) {
  NerCorpus c = words_of(sentence);
  for (size_t i = 0; i < c.doc.words.size() && i < proper.size(); ++i) {
    c.doc.words[i].upos = proper[i] ? UPos::PROPN : UPos::NOUN;
  }
  return after_trim(c, predicted);
}

TEST(NerGazetteer, WellKnownOrganizationsLeftOutOrCutShortAreOrganizations) {
  // Left outside every span: found, whole, as an ORG.
  EXPECT_EQ(after_places_and_orgs("Shares in Reuters rose", {false, false, true, false}, {}),
            (std::vector<EntitySpan>{{2, 3, EntityType::kOrg}}));
  EXPECT_EQ(after_places_and_orgs("the European Union said", {false, false, true, false}, {}),
            (std::vector<EntitySpan>{{1, 3, EntityType::kOrg}}));
  // A span inside the name grows to the whole name and becomes an ORG.
  EXPECT_EQ(after_places_and_orgs("the European Union said", {false, false, true, false}, {{2, 3, EntityType::kLoc}}),
            (std::vector<EntitySpan>{{1, 3, EntityType::kOrg}}));
  // A name that only starts like a listed one is left alone, and so is a
  // lowercase word or one whose last word is no proper noun.
  EXPECT_EQ(after_places_and_orgs("Chelsea Clinton spoke", {true, true, false}, {{0, 2, EntityType::kPerson}}),
            (std::vector<EntitySpan>{{0, 2, EntityType::kPerson}}));
  EXPECT_TRUE(after_places_and_orgs("shares in reuters rose", {false, false, true, false}, {}).empty());
  EXPECT_TRUE(after_places_and_orgs("Shares in Reuters rose", {false, false, false, false}, {}).empty());
  // A name would not swallow a neighbouring span: both are left as they are.
  EXPECT_EQ(after_places_and_orgs("the European Union said", {false, true, true, false},
                                  {{1, 2, EntityType::kMisc}, {2, 3, EntityType::kLoc}}),
            (std::vector<EntitySpan>{{1, 2, EntityType::kMisc}, {2, 3, EntityType::kLoc}}));
}

TEST(NerGazetteer, NumberedNamesAreMiscAndGivenNamesTakeTheSurnameAfterThem) {
  NerCorpus c = words_of("building the Nord Stream 2 pipeline");
  auto words = c.doc.words_of(c.doc.sentences[0]);
  for (Word& w : words) w.upos = UPos::NOUN;
  words[2].upos = words[3].upos = UPos::PROPN;
  words[4].upos = UPos::NUM;
  EXPECT_EQ(after_trim(c, {{2, 5, EntityType::kOrg}}), (std::vector<EntitySpan>{{2, 5, EntityType::kMisc}}));

  // "Vladimir" ends a person's span, "Putin" is left out: the name goes on.
  EXPECT_EQ(after_places_and_orgs("President Vladimir Putin spoke", {true, true, true, false},
                                  {{1, 2, EntityType::kPerson}}),
            (std::vector<EntitySpan>{{1, 3, EntityType::kPerson}}));
  // Not over a span of its own, nor from a surname, nor onto a lowercase word.
  EXPECT_EQ(after_places_and_orgs("Vladimir Putin spoke", {true, true, false},
                                  {{0, 1, EntityType::kPerson}, {1, 2, EntityType::kLoc}}),
            (std::vector<EntitySpan>{{0, 1, EntityType::kPerson}, {1, 2, EntityType::kLoc}}));
  EXPECT_EQ(after_places_and_orgs("Putin Vladimir spoke", {true, true, false}, {{0, 1, EntityType::kPerson}}),
            (std::vector<EntitySpan>{{0, 1, EntityType::kPerson}}));
  EXPECT_EQ(after_places_and_orgs("told Vladimir yesterday", {false, true, true}, {{1, 2, EntityType::kPerson}}),
            (std::vector<EntitySpan>{{1, 2, EntityType::kPerson}}));
}

// The words of `sentence` with their UPOS given one per word in `tags`.
NerCorpus tagged_words(const std::string& sentence, const std::vector<UPos>& tags) {
  NerCorpus c = words_of(sentence);
  for (size_t i = 0; i < c.doc.words.size() && i < tags.size(); ++i) c.doc.words[i].upos = tags[i];
  return c;
}

TEST(NerSpans, LowercaseWordsNeitherStartNorInterruptCapitalizedNames) {
  using enum UPos;
  const auto after = after_trim;
  // A leading preposition, conjunction or common noun is cut off...
  const NerCorpus named = tagged_words("named the man as Tariq Ahmed Dar", {VERB, DET, NOUN, ADP, PROPN, PROPN, PROPN});
  EXPECT_EQ(after(named, {{3, 7, EntityType::kPerson}}), (std::vector<EntitySpan>{{4, 7, EntityType::kPerson}}));
  const NerCorpus czar = tagged_words("czar Richard Clarke spoke", {NOUN, PROPN, PROPN, VERB});
  EXPECT_EQ(after(czar, {{0, 3, EntityType::kMisc}}), (std::vector<EntitySpan>{{1, 3, EntityType::kMisc}}));
  // ... but not a name particle, nor from a name written all in lowercase.
  const NerCorpus laden = tagged_words("Osama bin Laden", {PROPN, PROPN, PROPN});
  EXPECT_EQ(after(laden, {{1, 3, EntityType::kPerson}}), (std::vector<EntitySpan>{{1, 3, EntityType::kPerson}}));
  const NerCorpus deli = tagged_words("mazzoni deli", {PROPN, NOUN});
  EXPECT_EQ(after(deli, {{0, 2, EntityType::kLoc}}), (std::vector<EntitySpan>{{0, 2, EntityType::kLoc}}));
  // A person's name stops at a lowercase word inside it.
  const NerCorpus from = tagged_words("Prof. Sheridan Titman from Zorbia", {PROPN, PROPN, PROPN, ADP, PROPN});
  EXPECT_EQ(after(from, {{1, 5, EntityType::kPerson}}), (std::vector<EntitySpan>{{1, 3, EntityType::kPerson}}));
  // Other names may hold one ("Bank of America").
  const NerCorpus bank = tagged_words("Bank of America", {PROPN, ADP, PROPN});
  EXPECT_EQ(after(bank, {{0, 3, EntityType::kOrg}}), (std::vector<EntitySpan>{{0, 3, EntityType::kOrg}}));
}

TEST(NerSpans, FirmNamesJoinAtAmpersandsAndTakeTheirLegalForm) {
  auto after = [](const std::string& sentence, std::vector<EntitySpan> predicted) {
    NerCorpus c = words_of(sentence);
    EntityRecognizer::join_firm_names(c.doc.words_of(c.doc.sentences[0]), &predicted);
    return predicted;
  };
  // Both sides of "&" join, whatever they were read as, with the legal form
  // after the comma (read as a name of its own or not).
  EXPECT_EQ(after("Holland & Hart , LLP said",
                  {{0, 1, EntityType::kLoc}, {2, 3, EntityType::kPerson}, {4, 5, EntityType::kMisc}}),
            (std::vector<EntitySpan>{{0, 5, EntityType::kOrg}}));
  EXPECT_EQ(after("at Procter & Gamble", {{1, 2, EntityType::kPerson}}),
            (std::vector<EntitySpan>{{1, 4, EntityType::kOrg}}));
  // "Inc ." with the full stop split off keeps it.
  EXPECT_EQ(after("First Union Securities , Inc .", {{0, 3, EntityType::kMisc}}),
            (std::vector<EntitySpan>{{0, 6, EntityType::kOrg}}));
  // Lowercase words around "&", a comma before anything else, and a name
  // with no span nearby are left alone.
  EXPECT_EQ(after("salt & pepper", {}), (std::vector<EntitySpan>{}));
  EXPECT_EQ(after("Smith , Jones", {{0, 1, EntityType::kPerson}}),
            (std::vector<EntitySpan>{{0, 1, EntityType::kPerson}}));
  EXPECT_EQ(after("Smith & Co", {}), (std::vector<EntitySpan>{}));
}

TEST(NerSpans, CalendarWordsAndCommonWordsInCapitalsNameNothing) {
  StringSet common;
  common.insert("performance");
  common.insert("us");
  const EntityRecognizer recognizer(std::move(common), AveragedPerceptron(kBilouLabelCount));
  auto after = [&](const std::string& sentence, std::vector<EntitySpan> predicted) {
    NerCorpus c = words_of(sentence);
    auto words = c.doc.words_of(c.doc.sentences[0]);
    EntityRecognizer::SentenceKeys keys;
    recognizer.sentence_keys(words, &keys);
    EntityRecognizer::drop_non_names(words, keys, &predicted);
    return predicted;
  };
  EXPECT_EQ(after("EY4096.1 PERFORMANCE 01-Feb-02", {{1, 2, EntityType::kLoc}}), (std::vector<EntitySpan>{}));
  EXPECT_EQ(after("see you saturday", {{2, 3, EntityType::kLoc}}), (std::vector<EntitySpan>{}));
  // A month that is also a given name stays, and so does a longer name.
  EXPECT_EQ(after("April said", {{0, 1, EntityType::kPerson}}), (std::vector<EntitySpan>{{0, 1, EntityType::kPerson}}));
  EXPECT_EQ(after("Black Friday", {{0, 2, EntityType::kMisc}}), (std::vector<EntitySpan>{{0, 2, EntityType::kMisc}}));
  // Not a word the training text writes in lowercase, not a short one, not
  // one written as a name, not one on a word list.
  EXPECT_EQ(after("SOUTER joined", {{0, 1, EntityType::kPerson}}),
            (std::vector<EntitySpan>{{0, 1, EntityType::kPerson}}));
  EXPECT_EQ(after("the US said", {{1, 2, EntityType::kLoc}}), (std::vector<EntitySpan>{{1, 2, EntityType::kLoc}}));
  EXPECT_EQ(after("Performance Inc", {{0, 2, EntityType::kOrg}}),
            (std::vector<EntitySpan>{{0, 2, EntityType::kOrg}}));
}

TEST(NerGazetteer, GivenNamesFromSeveralLanguages) {
  for (std::string_view name : {"Catriona", "Natasha", "Winston", "Stacey", "Priya", "Mikhail", "Yusuf", "Ingrid"}) {
    EXPECT_NE(Gazetteer::builtin().word_classes(name) & kGazFirstName, 0) << name;
  }
  // Names that also start company names are not listed.
  EXPECT_EQ(Gazetteer::builtin().word_classes("Morgan") & kGazFirstName, 0);
  EXPECT_NE(Gazetteer::builtin().word_classes("dear") & kGazGreeting, 0);
}

TEST(NerHistory, CountsTheLabelsOfEachFormInTheDocument) {
  NerCorpus c = words_of("Catriona Smith met Paris Hilton in Paris");
  auto words = c.doc.words_of(c.doc.sentences[0]);
  std::vector<int> labels;
  labels_from_spans(words.size(),
                    std::vector<EntitySpan>{{0, 2, EntityType::kPerson}, {3, 5, EntityType::kPerson},
                                            {6, 7, EntityType::kLoc}},
                    &labels);
  PredictionHistory history;
  history.record(words, labels);
  const PredictionHistory::Counts* paris = history.find("Paris");
  ASSERT_NE(paris, nullptr);
  EXPECT_EQ((*paris)[0], 0);
  EXPECT_EQ((*paris)[1 + static_cast<size_t>(EntityType::kPerson)], 1);
  EXPECT_EQ((*paris)[1 + static_cast<size_t>(EntityType::kLoc)], 1);
  // Lowercase words outside entities are not recorded; capitalized ones are.
  EXPECT_EQ(history.find("met"), nullptr);
  labels.assign(words.size(), 0);
  history.record(words, labels);
  EXPECT_EQ((*history.find("Catriona"))[0], 1);
  history.clear();
  EXPECT_EQ(history.find("Catriona"), nullptr);
}

// A GUM-style sentence written for this test: "Senator Mary Smith visited
// the Bank of Ohio in Dayton on Monday ."
constexpr std::string_view kGumSentence =
    "# sent_id = t-1\n"
    "# text = Senator Mary Smith visited the Bank of Ohio in Dayton on Monday.\n"
    "1\tSenator\tSenator\tPROPN\tNNP\t_\t3\tcompound\t_\tEntity=(1-person-new-sssss-cf1-3-coref-Mary_Smith\n"
    "2\tMary\tMary\tPROPN\tNNP\t_\t3\tflat\t_\t_\n"
    "3\tSmith\tSmith\tPROPN\tNNP\t_\t4\tnsubj\t_\tEntity=1)\n"
    "4\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\tEntity=(2-organization-new-sssss-cf2-2-sgl\n"
    "6\tBank\tBank\tPROPN\tNNP\t_\t4\tobj\t_\t_\n"
    "7\tof\tof\tADP\tIN\t_\t8\tcase\t_\t_\n"
    "8\tOhio\tOhio\tPROPN\tNNP\t_\t6\tnmod\t_\tEntity=(3-place-new-sssss-cf3-1-sgl-Ohio)2)\n"
    "9\tin\tin\tADP\tIN\t_\t10\tcase\t_\t_\n"
    "10\tDayton\tDayton\tPROPN\tNNP\t_\t4\tobl\t_\tEntity=(4-place-new-sssss-cf4-1-sgl-Dayton,_Ohio)\n"
    "11\ton\ton\tADP\tIN\t_\t12\tcase\t_\t_\n"
    "12\tMonday\tMonday\tPROPN\tNNP\t_\t4\tobl\t_\tEntity=(5-time-new-sssss-cf5-1-sgl)|SpaceAfter=No\n"
    "13\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\tEntity=(6-abstract-new-sssss-cf6-1-sgl)\n"
    "\n";

// The named-entity spans read_gum_entities finds in `conllu`, one sentence;
// empty (after a failed expectation) when it is malformed or holds more.
std::vector<EntitySpan> gum_spans(std::string_view conllu) {
  auto corpus = read_gum_entities(conllu, "gum.conllu");
  EXPECT_TRUE(corpus.is_ok()) << corpus.status().message();
  if (!corpus.is_ok()) return {};
  EXPECT_EQ(corpus->entities.size(), 1u);
  return corpus->entities.size() == 1 ? corpus->entities[0] : std::vector<EntitySpan>{};
}

TEST(NerCorpus, GumNamedMentionsBecomeFlatSpans) {
  // The title is cut off, the nested place inside the bank is dropped,
  // the time and the non-proper mention are not named entities.
  const std::vector<EntitySpan> expected = {
      {1, 3, EntityType::kPerson}, {5, 8, EntityType::kOrg}, {9, 10, EntityType::kLoc}};
  EXPECT_EQ(gum_spans(kGumSentence), expected);
}

TEST(NerCorpus, GumCoordinationsAreTheirPartsAndInnerTitlesAreCut) {
  // "NASA Administrator Charles Bolden met officials in Khartoum and Juba ."
  constexpr std::string_view kSentence =
      "# sent_id = t-2\n"
      "1\tNASA\tNASA\tPROPN\tNNP\t_\t4\tcompound\t_\t"
      "Entity=(1-person-new-sssss-cf1-4-sgl(2-organization-new-sssss-cf2-1-sgl-NASA)\n"
      "2\tAdministrator\tadministrator\tPROPN\tNNP\t_\t4\tcompound\t_\t_\n"
      "3\tCharles\tCharles\tPROPN\tNNP\t_\t4\tcompound\t_\t_\n"
      "4\tBolden\tBolden\tPROPN\tNNP\t_\t5\tnsubj\t_\tEntity=1)\n"
      "5\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "6\tofficials\tofficial\tNOUN\tNNS\t_\t5\tobj\t_\t_\n"
      "7\tin\tin\tADP\tIN\t_\t8\tcase\t_\t_\n"
      "8\tKhartoum\tKhartoum\tPROPN\tNNP\t_\t5\tobl\t_\t"
      "Entity=(3-place-new-sssss-cf3-1-sgl(4-place-new-sssss-cf4-1-sgl-Khartoum)\n"
      "9\tand\tand\tCCONJ\tCC\t_\t10\tcc\t_\t_\n"
      "10\tJuba\tJuba\tPROPN\tNNP\t_\t8\tconj\t_\tEntity=(5-place-new-sssss-cf5-1-sgl-Juba)3)\n"
      "11\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n"
      "\n";
  // The person's name without the office before it, the agency on its own,
  // and two places, not one "Khartoum and Juba".
  const std::vector<EntitySpan> expected = {{0, 1, EntityType::kOrg},
                                            {2, 4, EntityType::kPerson},
                                            {7, 8, EntityType::kLoc},
                                            {9, 10, EntityType::kLoc}};
  EXPECT_EQ(gum_spans(kSentence), expected);
}

TEST(NerCorpus, GumNamesBuiltOfNamesStayWholeAndNestedWordsNameNoOuterMention) {
  // "U.S. President Donald Trump 's policies worried the United Nations
  // Industrial Development Organization ."
  constexpr std::string_view kSentence =
      "# sent_id = t-3\n"
      "1\tU.S.\tU.S.\tPROPN\tNNP\t_\t3\tcompound\t_\tEntity=(1-abstract-new-nnnnn-cf1-1,2,4,6-sgl"
      "(2-person-new-sssss-cf2-1,2,3,4-coref-Donald_Trump(3-place-new-sssss-cf3-1-sgl-United_States)\n"
      "2\tPresident\tPresident\tPROPN\tNNP\t_\t3\tcompound\t_\t_\n"
      "3\tDonald\tDonald\tPROPN\tNNP\t_\t6\tnmod:poss\t_\t_\n"
      "4\tTrump\tTrump\tPROPN\tNNP\t_\t3\tflat\t_\t_\n"
      "5\t's\t's\tPART\tPOS\t_\t3\tcase\t_\tEntity=2)\n"
      "6\tpolicies\tpolicy\tNOUN\tNNS\t_\t7\tnsubj\t_\tEntity=1)\n"
      "7\tworried\tworry\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "8\tthe\tthe\tDET\tDT\t_\t13\tdet\t_\tEntity=(4-organization-new-sssss-cf4-6-sgl-UNIDO\n"
      "9\tUnited\tUnited\tPROPN\tNNP\t_\t13\tcompound\t_\tEntity=(5-organization-new-sssss-cf5-1,2-sgl-United_Nations\n"
      "10\tNations\tNations\tPROPN\tNNPS\t_\t9\tflat\t_\tEntity=5)\n"
      "11\tIndustrial\tIndustrial\tPROPN\tNNP\t_\t12\tcompound\t_\tEntity=(6-abstract-new-sssss-cf6-1,2-sgl\n"
      "12\tDevelopment\tDevelopment\tPROPN\tNNP\t_\t13\tcompound\t_\tEntity=6)\n"
      "13\tOrganization\tOrganization\tPROPN\tNNP\t_\t7\tobj\t_\tEntity=4)\n"
      "14\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_\n"
      "\n";
  // The policies are no name though their minspan lists "U.S." and "Trump"
  // (words of the nested place and person); the organization holds two
  // names but no conjunction, so it is one name, not a list.
  const std::vector<EntitySpan> expected = {
      {0, 1, EntityType::kLoc}, {2, 4, EntityType::kPerson}, {8, 13, EntityType::kOrg}};
  EXPECT_EQ(gum_spans(kSentence), expected);
}

TEST(NerCorpus, GumTitlesAloneNameNobodyAndTheirComplementsAreNoPartOfTheName) {
  // "Minister of Education Stefania Giannini thanked Madam Speaker ."
  constexpr std::string_view kSentence =
      "# sent_id = t-4\n"
      "1\tMinister\tMinister\tPROPN\tNNP\t_\t6\tnsubj\t_\t"
      "Entity=(1-person-new-sssss-cf1-1,3,4,5-sgl-Stefania_Giannini\n"
      "2\tof\tof\tADP\tIN\t_\t3\tcase\t_\t_\n"
      "3\tEducation\tEducation\tPROPN\tNNP\t_\t1\tnmod\t_\tEntity=(2-abstract-new-sssss-cf2-1-sgl)\n"
      "4\tStefania\tStefania\tPROPN\tNNP\t_\t1\tflat\t_\t_\n"
      "5\tGiannini\tGiannini\tPROPN\tNNP\t_\t4\tflat\t_\tEntity=1)\n"
      "6\tthanked\tthank\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "7\tMadam\tMadam\tPROPN\tNNP\t_\t8\tcompound\t_\tEntity=(3-person-new-sssss-cf3-1,2-sgl\n"
      "8\tSpeaker\tSpeaker\tPROPN\tNNP\t_\t6\tobj\t_\tEntity=3)\n"
      "9\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_\n"
      "\n";
  // The first head gives the title alone; the name is further on, after the
  // title's complement. "Madam Speaker" is an office.
  const std::vector<EntitySpan> expected = {{2, 3, EntityType::kMisc}, {3, 5, EntityType::kPerson}};
  EXPECT_EQ(gum_spans(kSentence), expected);
}

TEST(NerCorpus, MalformedEntityIsAnErrorNamingTheSentence) {
  std::string bad(kGumSentence);
  bad.replace(bad.find("Entity=1)"), 9, "Entity=9)");
  auto corpus = read_gum_entities(bad, "gum.conllu");
  ASSERT_FALSE(corpus.is_ok());
  EXPECT_NE(corpus.status().message().find("gum.conllu: sentence t-1, word 3"), std::string::npos)
      << corpus.status().message();
}

TEST(NerCorpus, Iob2SpansAndErrors) {
  auto corpus = read_iob2("# text = a\n1\tLily\tB-PER\n2\tAllen\tI-PER\n3\tsang\tO\n\n1\tin\tO\n2\tOslo\tB-LOC\n",
                          "t.iob2");
  ASSERT_TRUE(corpus.is_ok()) << corpus.status().message();
  ASSERT_EQ(corpus->entities.size(), 2u);
  EXPECT_EQ(corpus->entities[0], (std::vector<EntitySpan>{{0, 2, EntityType::kPerson}}));
  EXPECT_EQ(corpus->entities[1], (std::vector<EntitySpan>{{1, 2, EntityType::kLoc}}));
  EXPECT_EQ(corpus->doc.sentences[1].text, "in Oslo");

  auto bad = read_iob2("1\tLily\tB-PER\n2\tAllen\tX-PER\n", "t.iob2");
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().message(), "t.iob2:2: unknown IOB2 tag 'X-PER' (expected O, B-TYPE or I-TYPE)");
}

TEST(NerCorpus, Iob2NewdocMarksDocumentStarts) {
  auto corpus = read_iob2(
      "# newdoc id = a\n# sent_id = a-1\n1\tHi\tO\n\n1\tBye\tO\n\n# newdoc id = b\n1\tOslo\tB-LOC\n", "t.iob2");
  ASSERT_TRUE(corpus.is_ok()) << corpus.status().message();
  ASSERT_EQ(corpus->doc.sentences.size(), 3u);
  EXPECT_TRUE(corpus->doc.sentences[0].new_document);
  EXPECT_FALSE(corpus->doc.sentences[1].new_document);
  EXPECT_TRUE(corpus->doc.sentences[2].new_document);
}

TEST(NerCorpus, SystemConlluTagsAreRead) {
  const std::string system =
      "# text = Lily Allen sang\n"
      "1\tLily\t_\t_\t_\t_\t_\t_\t_\tNER=B-PERSON\n"
      "2\tAllen\t_\t_\t_\t_\t_\t_\t_\tNER=L-PERSON\n"
      "3\tsang\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
  auto corpus = read_ner_conllu(system, "s.conllu");
  ASSERT_TRUE(corpus.is_ok()) << corpus.status().message();
  EXPECT_EQ(corpus->entities[0], (std::vector<EntitySpan>{{0, 2, EntityType::kPerson}}));
}

TEST(NerEval, SentencesAlignByWordsNotOrder) {
  auto gold = read_iob2("1\tLily\tB-PER\n2\tAllen\tI-PER\n\n1\tin\tO\n2\tOslo\tB-LOC\n\n1\tat\tO\n2\tIBM\tB-ORG\n",
                        "g.iob2");
  // The system has the sentences in another order, finds Oslo as an ORG,
  // misses IBM and has a sentence the gold lacks.
  auto system = read_iob2("1\tin\tO\n2\tOslo\tB-ORG\n\n1\tLily\tB-PER\n2\tAllen\tI-PER\n\n1\tat\tO\n2\tIBM\tO\n\n"
                          "1\textra\tB-PER\n",
                          "s.iob2");
  ASSERT_TRUE(gold.is_ok() && system.is_ok());
  const train::NerScores s = train::score_entities(*gold, *system);
  EXPECT_EQ(s.overall.gold, 3u);
  EXPECT_EQ(s.overall.system, 3u);
  EXPECT_EQ(s.overall.correct, 1u);
  EXPECT_EQ(s.by_type[static_cast<size_t>(EntityType::kPerson)].correct, 1u);
  EXPECT_EQ(s.by_type[static_cast<size_t>(EntityType::kPerson)].system, 2u);
  EXPECT_EQ(s.unmatched_system, 1u);
  EXPECT_EQ(s.unmatched_gold, 0u);
  EXPECT_NEAR(s.overall.f1(), 100.0 / 3, 1e-9);
}

TEST(NerEval, ErrorsListEachMatchedSentencesMissedAndSpuriousSpans) {
  auto gold = read_iob2("1\tLily\tB-PER\n2\tAllen\tI-PER\n\n1\tin\tO\n2\tOslo\tB-LOC\n\n1\tat\tO\n2\tIBM\tB-ORG\n",
                        "g.iob2");
  auto system = read_iob2("1\tin\tO\n2\tOslo\tB-ORG\n\n1\tLily\tB-PER\n2\tAllen\tI-PER\n\n1\tat\tO\n2\tIBM\tO\n",
                          "s.iob2");
  ASSERT_TRUE(gold.is_ok() && system.is_ok());
  std::vector<train::SentenceErrors> errors;
  train::score_entities(*gold, *system, &errors);
  // The Lily Allen sentence is right and not listed; the others are, in
  // system order, pointing at their gold sentences.
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].gold_sentence, 1u);
  EXPECT_EQ(errors[0].missed, (std::vector<EntitySpan>{{1, 2, EntityType::kLoc}}));
  EXPECT_EQ(errors[0].spurious, (std::vector<EntitySpan>{{1, 2, EntityType::kOrg}}));
  EXPECT_EQ(errors[1].gold_sentence, 2u);
  EXPECT_EQ(errors[1].missed, (std::vector<EntitySpan>{{1, 2, EntityType::kOrg}}));
  EXPECT_TRUE(errors[1].spurious.empty());
}

TEST(NerEval, ErrorsListSentencesOnlyOneSideHas) {
  auto gold = read_iob2("1\tLily\tB-PER\n2\tAllen\tI-PER\n\n1\tin\tO\n2\tOslo\tB-LOC\n", "g.iob2");
  auto system = read_iob2("1\tLily\tB-PER\n2\tAllen\tI-PER\n\n1\tin\tO\n2\tOs\tB-LOC\n3\tlo\tO\n", "s.iob2");
  ASSERT_TRUE(gold.is_ok() && system.is_ok());
  std::vector<train::SentenceErrors> errors;
  const train::NerScores scores = train::score_entities(*gold, *system, &errors);
  EXPECT_EQ(scores.unmatched_gold, 1u);
  EXPECT_EQ(scores.unmatched_system, 1u);
  // The system's "in Os lo" first (system order), then gold's "in Oslo".
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].gold_sentence, train::SentenceErrors::kNone);
  EXPECT_EQ(errors[0].system_sentence, 1u);
  EXPECT_EQ(errors[0].spurious, (std::vector<EntitySpan>{{1, 2, EntityType::kLoc}}));
  EXPECT_EQ(errors[1].gold_sentence, 1u);
  EXPECT_EQ(errors[1].system_sentence, train::SentenceErrors::kNone);
  EXPECT_EQ(errors[1].missed, (std::vector<EntitySpan>{{1, 2, EntityType::kLoc}}));
}

}  // namespace
}  // namespace kg::nlp
