// The recognizer's figures (issue 6) with the shipped models: news sentences
// written for the project with their expected entities, the reference
// article's entities, and the accuracy floors on held-out data measured
// end to end with `kg nlp` and `kg eval ner`. Tests that need ../shared/data
// skip when it is absent.
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "ingest/nlp/ner.h"
#include "ingest/nlp/ner_labels.h"
#include "ingest/nlp/ner_titles.h"
#include "tests/nlp/cli_run.h"
#include "tests/nlp/pipeline_test_support.h"

namespace kg::nlp {
namespace {

using testing::run_kg;
using testing::TempDir;

const std::string kShared = KG_SHARED_DATA;

bool ner_model_shipped() {
  return std::filesystem::exists(std::string(KG_SOURCE_DIR) + "/ingest/models/" + std::string(kNerModelFile));
}

// The words [begin, end) joined by spaces.
std::string join_words(std::span<const Word> words, uint32_t begin, uint32_t end) {
  std::string out;
  for (uint32_t i = begin; i < end; ++i) {
    if (i > begin) out.push_back(' ');
    out.append(words[i].form);
  }
  return out;
}

// "Joe Biden/PERSON" for every entity the shipped pipeline finds in `text`.
std::set<std::string> entities_of(std::string_view text) {
  const Document doc = shipped_pipeline().annotate(text);
  std::set<std::string> found;
  for (const Sentence& s : doc.sentences) {
    const auto words = doc.words_of(s);
    for (const EntitySpan& e : entity_spans(words)) {
      found.insert(join_words(words, e.begin, e.end) + "/" + std::string(entity_type_name(e.type)));
    }
  }
  return found;
}

struct NewsCase {
  std::string text;
  std::vector<std::string> expected;  // "name/TYPE"
};

// Spans tidied after decoding: a country the model left out is a place,
// and a name does not start with "and" (the model read "and Nato").
TEST(NerRegression, CountriesLeftOutAreFoundAndConjunctionsStripped) {
  if (!ner_model_shipped()) GTEST_SKIP() << "ingest/models has no ner model (run 'kg train')";
  const std::set<std::string> talks =
      entities_of("The European Union and Nato said on Friday that Russia had moved more troops towards Ukraine.");
  EXPECT_TRUE(talks.contains("Nato/ORG"));
  EXPECT_FALSE(talks.contains("and Nato/ORG"));
  const std::set<std::string> council =
      entities_of("The United Nations Security Council met in New York after China and India objected.");
  EXPECT_TRUE(council.contains("China/LOC"));
  EXPECT_TRUE(council.contains("India/LOC"));
  EXPECT_TRUE(entities_of("Mr Johnson told the House of Commons that Britain would send aid to Kenya.")
                  .contains("Britain/LOC"));
}

// A person's name touching "-" and a capitalised word takes the word in
// (words are joined with spaces here),
// unless the document names a person with it ("Blair-Brown" beside Gordon
// Brown is two people).
TEST(NerRegression, HyphenatedSurnamesAreWhole) {
  if (!ner_model_shipped()) GTEST_SKIP() << "ingest/models has no ner model (run 'kg train')";
  const std::set<std::string> kilroy = entities_of("Robert Kilroy-Silk quit the party. Mr Kilroy-Silk said so.");
  EXPECT_TRUE(kilroy.contains("Robert Kilroy - Silk/PERSON")) << ::testing::PrintToString(kilroy);
  EXPECT_FALSE(kilroy.contains("Robert Kilroy/PERSON")) << ::testing::PrintToString(kilroy);
  const std::set<std::string> feud =
      entities_of("Gordon Brown spoke on Monday. The Blair-Brown feud went on all week.");
  EXPECT_FALSE(feud.contains("Blair - Brown/PERSON")) << ::testing::PrintToString(feud);
  // The second word written after the first without the hyphen is the same
  // name, no other person ("Kilroy Silk has my vote").
  const std::set<std::string> reader = entities_of(
      "Mr Kilroy-Silk quit the party on Friday. One reader wrote that Kilroy Silk has his vote. Mr Kilroy-Silk "
      "thanked him.");
  EXPECT_FALSE(reader.contains("Kilroy/PERSON")) << ::testing::PrintToString(reader);
}

// Capitalised words after "the" that end in an organisation's word are one
// organisation, and those ending in an event's word (after "the", a
// possessive or "the" and a year) one event, whatever the model made of
// their words; a country's name and a run of one name are left alone.
TEST(NerRegression, ProperNounsEndingInAnOrganisationOrEventWordAreOneName) {
  if (!ner_model_shipped()) GTEST_SKIP() << "ingest/models has no ner model (run 'kg train')";
  const std::set<std::string> ballet = entities_of(
      "She helped launch the Vic Wells Ballet and then, with Anton Dolin, the Markova-Dolin Ballet of 1935-37.");
  EXPECT_TRUE(ballet.contains("Vic Wells Ballet/ORG")) << ::testing::PrintToString(ballet);
  EXPECT_TRUE(ballet.contains("Markova - Dolin Ballet/ORG")) << ::testing::PrintToString(ballet);
  EXPECT_TRUE(ballet.contains("Anton Dolin/PERSON")) << ::testing::PrintToString(ballet);
  const std::set<std::string> union_ = entities_of("Gorbachev led the Soviet Union until 1991.");
  EXPECT_FALSE(union_.contains("Soviet Union/ORG")) << ::testing::PrintToString(union_);
  const std::set<std::string> meeting =
      entities_of("At last week's Birmingham Grand Prix, Piet Hendriks beat the European Indoor Championships winner.");
  EXPECT_TRUE(meeting.contains("Birmingham Grand Prix/MISC")) << ::testing::PrintToString(meeting);
  EXPECT_TRUE(meeting.contains("European Indoor Championships/MISC")) << ::testing::PrintToString(meeting);
}

// A particle opening the second of two people's names touching each other
// makes them one ("Louis | van Gaal").
TEST(NerRegression, ANameParticleJoinsTheGivenNameBeforeIt) {
  if (!ner_model_shipped()) GTEST_SKIP() << "ingest/models has no ner model (run 'kg train')";
  const std::set<std::string> coach = entities_of("Barcelona coach Louis van Gaal left.");
  EXPECT_TRUE(coach.contains("Louis van Gaal/PERSON")) << ::testing::PrintToString(coach);
  EXPECT_FALSE(coach.contains("Louis/PERSON")) << ::testing::PrintToString(coach);
  // The surname after the particle left untagged, and "as" no particle there.
  const std::set<std::string> fiat = entities_of("Workers shouted at Fiat chairman Luca di Montezemolo on Tuesday.");
  EXPECT_TRUE(fiat.contains("Luca di Montezemolo/PERSON")) << ::testing::PrintToString(fiat);
  const std::set<std::string> blair = entities_of("They backed Tony Blair as Prime Minister.");
  EXPECT_FALSE(blair.contains("Tony Blair as Prime/PERSON")) << ::testing::PrintToString(blair);
}

TEST(NerRegression, NewsSentences) {
  if (!ner_model_shipped()) GTEST_SKIP() << "ingest/models has no ner model (run 'kg train')";
  const std::vector<NewsCase> cases = {
      {"German Chancellor Olaf Scholz flew to Paris on Monday to meet President Emmanuel Macron.",
       {"Olaf Scholz/PERSON", "Paris/LOC", "Emmanuel Macron/PERSON"}},
      {"The European Union and Nato said on Friday that Russia had moved more troops towards Ukraine.",
       {"European Union/ORG", "Nato/ORG", "Russia/LOC", "Ukraine/LOC"}},
      {"Shares in Microsoft rose after the company said its cloud business had grown in Japan.",
       {"Microsoft/ORG", "Japan/LOC"}},
      {"Mr Johnson told the House of Commons that Britain would send aid to Kenya.",
       {"Johnson/PERSON", "House of Commons/ORG", "Britain/LOC", "Kenya/LOC"}},
      {"Senator Elizabeth Warren criticised the Federal Reserve in Washington.",
       {"Elizabeth Warren/PERSON", "Federal Reserve/ORG", "Washington/LOC"}},
      {"The United Nations Security Council met in New York after China and India objected.",
       {"United Nations Security Council/ORG", "New York/LOC", "China/LOC", "India/LOC"}},
  };
  for (const NewsCase& c : cases) {
    const std::set<std::string> found = entities_of(c.text);
    for (const std::string& e : c.expected) EXPECT_TRUE(found.contains(e)) << e << " not found in: " << c.text;
  }
}

// An organization's name the model reads in pieces is joined: a place and a
// MISC around "for", a proper noun it left out before the organization; a
// weekday before one is no part of it.
TEST(NerRegression, OrganisationNamesReadInPiecesAreJoined) {
  if (!ner_model_shipped()) GTEST_SKIP() << "ingest/models has no ner model (run 'kg train')";
  const std::set<std::string> found = entities_of(
      "Carl Emmerson, from the Institute for Fiscal Studies, told reporters. David Page, of Investec Securities, "
      "said so.");
  EXPECT_TRUE(found.contains("Institute for Fiscal Studies/ORG")) << ::testing::PrintToString(found);
  EXPECT_TRUE(found.contains("Investec Securities/ORG")) << ::testing::PrintToString(found);
  const std::set<std::string> office =
      entities_of("Jan Egeland, head of the UN Office for the Coordination of Humanitarian Affairs, said so.");
  EXPECT_TRUE(office.contains("UN Office for the Coordination of Humanitarian Affairs/ORG"))
      << ::testing::PrintToString(office);
  const std::set<std::string> weekday = entities_of("On Tuesday Labour chairman Ian McCartney said so.");
  EXPECT_FALSE(weekday.contains("Tuesday Labour/ORG")) << ::testing::PrintToString(weekday);
}

TEST(NerRegression, WhatANameIsWrittenBeforeItIsNoPartOfIt) {
  if (!ner_model_shipped()) GTEST_SKIP() << "ingest/models has no ner model (run 'kg train')";
  const std::set<std::string> found = entities_of(
      "Leisure group Rank could unveil plans to sell its media business.\n\nAdvisors Goldman Sachs are understood "
      "to have valued the unit.");
  EXPECT_TRUE(found.contains("Rank/ORG")) << ::testing::PrintToString(found);
  EXPECT_TRUE(std::none_of(found.begin(), found.end(), [](const std::string& e) { return e.starts_with("Advisors"); }))
      << ::testing::PrintToString(found);
  EXPECT_TRUE(std::any_of(found.begin(), found.end(), [](const std::string& e) {
    return e.starts_with("Goldman Sachs/");
  })) << ::testing::PrintToString(found);
}

TEST(NerRegression, ABroadcastersChannelIsOneName) {
  if (!ner_model_shipped()) GTEST_SKIP() << "ingest/models has no ner model (run 'kg train')";
  const std::set<std::string> found = entities_of(
      "He told BBC Radio 4's Today programme that it was good.\n\nShe said on Radio 5 Live that Channel 4 would "
      "win.");
  EXPECT_TRUE(found.contains("BBC Radio 4/ORG")) << ::testing::PrintToString(found);
  EXPECT_TRUE(found.contains("Radio 5 Live/ORG")) << ::testing::PrintToString(found);
  EXPECT_TRUE(found.contains("Channel 4/ORG")) << ::testing::PrintToString(found);
  const std::set<std::string> news = entities_of("Carl Emmerson told BBC News: \"He thinks it will be fine.\"");
  EXPECT_TRUE(news.contains("BBC News/ORG")) << ::testing::PrintToString(news);
}

// A body's name ending in "Committee", "Commission", "Office" is one name
// with the capitalised words before it, "and" between two of them
// included; a building's name keeps the model's reading.
TEST(NerRegression, ABodysNameIsOneName) {
  if (!ner_model_shipped()) GTEST_SKIP() << "ingest/models has no ner model (run 'kg train')";
  const std::set<std::string> found = entities_of(
      "Talking to the House Budget Committee she urged restraint.\n\nThe Equal Employment Opportunity "
      "Commission sued the bakery.\n\nNora Lind, head of the Public and Commercial Services Union, said no.");
  EXPECT_TRUE(found.contains("House Budget Committee/ORG")) << ::testing::PrintToString(found);
  EXPECT_TRUE(found.contains("Equal Employment Opportunity Commission/ORG")) << ::testing::PrintToString(found);
  EXPECT_TRUE(found.contains("Public and Commercial Services Union/ORG")) << ::testing::PrintToString(found);
  const std::set<std::string> possessive = entities_of("The Bank of England's Monetary Policy Committee met.");
  EXPECT_TRUE(possessive.contains("Monetary Policy Committee/ORG")) << ::testing::PrintToString(possessive);
}

// So is a firm's name ending in a plural such as "Managers" or "Securities".
TEST(NerRegression, AFirmsNameEndingInAPluralIsOneName) {
  if (!ner_model_shipped()) GTEST_SKIP() << "ingest/models has no ner model (run 'kg train')";
  const std::set<std::string> found = entities_of(
      "Ola Brandt, chief investment officer of Caledonian Investment Managers, told Reuters.\n\nPer Lind, an "
      "analyst at Nordic Asset Managers, said so.");
  EXPECT_TRUE(found.contains("Caledonian Investment Managers/ORG")) << ::testing::PrintToString(found);
  EXPECT_TRUE(found.contains("Nordic Asset Managers/ORG")) << ::testing::PrintToString(found);
  const std::set<std::string> systems =
      entities_of("\"Consumers are wary,\" said Per Lind, managing director of Email Systems.");
  EXPECT_TRUE(systems.contains("Email Systems/ORG")) << ::testing::PrintToString(systems);
}

TEST(NerRegression, TitlesAreNotPartOfNamesButAreFound) {
  if (!ner_model_shipped()) GTEST_SKIP() << "ingest/models has no ner model (run 'kg train')";
  const Document doc = shipped_pipeline().annotate("US President Joe Biden spoke with Mr Putin.");
  ASSERT_EQ(doc.sentences.size(), 1u);
  const auto words = doc.words_of(doc.sentences[0]);
  const std::vector<EntitySpan> entities = entity_spans(words);
  const std::vector<TitleSpan> titles = find_titles(words, entities);
  std::set<std::string> found;
  for (const TitleSpan& t : titles) {
    const EntitySpan& e = entities[t.entity];
    found.insert(join_words(words, t.begin, t.end) + " -> " + join_words(words, e.begin, e.end));
  }
  EXPECT_TRUE(found.contains("US President -> Joe Biden"));
  EXPECT_TRUE(found.contains("Mr -> Putin"));
  // A title's remit after "for" belongs to the title.
  const Document remit = shipped_pipeline().annotate("The spokeswoman for women Sandra Gidley said so.");
  ASSERT_EQ(remit.sentences.size(), 1u);
  const auto remit_words = remit.words_of(remit.sentences[0]);
  const std::vector<EntitySpan> remit_entities = entity_spans(remit_words);
  std::set<std::string> remit_found;
  for (const TitleSpan& t : find_titles(remit_words, remit_entities)) {
    const EntitySpan& e = remit_entities[t.entity];
    remit_found.insert(join_words(remit_words, t.begin, t.end) + " -> " + join_words(remit_words, e.begin, e.end));
  }
  EXPECT_TRUE(remit_found.contains("spokeswoman for women -> Sandra Gidley")) << ::testing::PrintToString(remit_found);
}

TEST(NerReferenceArticle, EveryListedEntityIsFoundWithItsType) {
  const std::string path = kShared + "/articles/biden-putin-call.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no ../shared/data: " << path << " is absent";
  if (!ner_model_shipped()) GTEST_SKIP() << "ingest/models has no ner model (run 'kg train')";
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const std::set<std::string> found = entities_of(text.str());
  const std::vector<std::string> expected = {
      "Joe Biden/PERSON",      "Vladimir Putin/PERSON", "Jake Sullivan/PERSON",
      "Victoria Nuland/PERSON", "Kremlin/ORG",          "White House/ORG",
      "Nato/ORG",              "State Department/ORG",  "Treasury Department/ORG",
      "National Security Council/ORG", "Senate Foreign Relations Committee/ORG", "Congress/ORG",
      "Ukraine/LOC",           "Russia/LOC",            "Germany/LOC",
      "France/LOC",            "Italy/LOC",             "Britain/LOC",
      "Europe/LOC",            "Washington/LOC",        "Brussels/LOC",
  };
  for (const std::string& e : expected) EXPECT_TRUE(found.contains(e)) << e;
}

std::string quote(const std::string& p) { return "'" + p + "'"; }

// `kg nlp --input conllu` over `gold_words` (gold tokens, predicted tags and
// entities), scored by `kg eval ner --json` against `gold_entities`.
nlohmann::json ner_scores(const std::string& gold_words, const std::string& gold_entities, const TempDir& dir) {
  auto r = run_kg("nlp --input conllu " + quote(gold_words), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string system = (dir / "system.conllu").string();
  std::ofstream(system, std::ios::binary) << r.out;
  r = run_kg("eval ner --json --gold " + quote(gold_entities) + " --system " + quote(system), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

TEST(NerFloors, UnerEwtTest) {
  const std::string uner = kShared + "/uner/en_ewt-ud-test.iob2";
  const std::string ewt = kShared + "/ud/en_ewt-ud-test.conllu";
  if (!std::filesystem::exists(uner)) GTEST_SKIP() << "no ../shared/data: " << uner << " is absent";
  if (!ner_model_shipped()) GTEST_SKIP() << "ingest/models has no ner model (run 'kg train')";
  TempDir dir("kg_ner_uner");
  const nlohmann::json s = ner_scores(ewt, uner, dir);
  // 3 of the 2,077 UNER sentences find no kg sentence with the same words
  // (not yet investigated); more would mean the alignment broke.
  EXPECT_LE(s["unmatched_gold_sentences"].get<int>(), 3);
  // Regression floor: the shipped models' measured figure (72.11), rounded down.
  // Issue 6's target is 72; it is not reached yet (the issue stays open).
  EXPECT_GE(s["PERSON+ORG+LOC"]["f1"].get<double>(), 71.5);
  // Regression floor: the shipped models' measured figure (80.91), rounded down.
  // Issue 6's target is 85; it is not reached yet (the issue stays open).
  EXPECT_GE(s["PERSON"]["f1"].get<double>(), 80.5);
}

TEST(NerFloors, GumTestNamedMentions) {
  const std::string gum = kShared + "/ud/en_gum-cc-by-test.conllu";
  if (!std::filesystem::exists(gum)) GTEST_SKIP() << "no ../shared/data: " << gum << " is absent";
  if (!ner_model_shipped()) GTEST_SKIP() << "ingest/models has no ner model (run 'kg train')";
  TempDir dir("kg_ner_gum");
  const nlohmann::json s = ner_scores(gum, gum, dir);
  // Regression floor: the shipped models' measured figure (64.09, with the
  // gold read as ner_corpus.h says: a coordination of names read as its
  // names, a name made of names kept whole, titles and their complements
  // cut from names, a title alone no name), rounded down. (It was 64.21
  // before hyphenated surnames were joined: this reading of the gold keeps
  // "Al" of "President Al-Nasser", so the whole name now counts as a miss.)
  // Issue 6's target is 70; it is not reached yet (the issue stays open).
  EXPECT_GE(s["overall"]["f1"].get<double>(), 64.0);
}

}  // namespace
}  // namespace kg::nlp
