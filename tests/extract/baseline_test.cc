// The baseline extractor: sentence splits, names, titles, surname merging,
// types and words-between facts, on sentences written for these tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "ingest/extract/baseline.h"

namespace kg::extract {
namespace {

std::vector<std::string> sentences_of(std::string_view text) {
  std::vector<std::string> out;
  for (const TextSpan& s : split_sentences_baseline(text)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

const BaselineEntity* find(const BaselineExtraction& x, std::string_view name) {
  for (const BaselineEntity& e : x.entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

// "subject | relation | object" of every fact, for compact expectations.
std::vector<std::string> facts_of(const BaselineExtraction& x) {
  std::vector<std::string> out;
  for (const BaselineFact& f : x.facts) {
    out.push_back(x.entities[f.subject].name + " | " + f.relation + " | " + x.entities[f.object].name);
  }
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

TEST(BaselineSentences, SplitsAtTerminalPunctuationBeforeCapitals) {
  EXPECT_EQ(sentences_of("The vote passed. Critics were angry! Was it fair? Yes."),
            (std::vector<std::string>{"The vote passed.", "Critics were angry!", "Was it fair?", "Yes."}));
}

TEST(BaselineSentences, KeepsAbbreviationsInitialsAndDecimals) {
  EXPECT_EQ(sentences_of("Mr. Okafor met Dr. Lind in the U.S. on Friday. John F. Adams paid 3.5 million."),
            (std::vector<std::string>{"Mr. Okafor met Dr. Lind in the U.S. on Friday.",
                                      "John F. Adams paid 3.5 million."}));
}

TEST(BaselineSentences, QuotesStayWithTheirSentenceAndParagraphsBreak) {
  EXPECT_EQ(sentences_of("\"We will win.\" She left.\n\nA heading without a stop\n\nNext paragraph."),
            (std::vector<std::string>{"\"We will win.\"", "She left.", "A heading without a stop", "Next paragraph."}));
  EXPECT_EQ(sentences_of("no capital after. so one sentence"), (std::vector<std::string>{"no capital after. so one sentence"}));
}

TEST(BaselineNames, TitlesAreSplitOffAndBecomeFacts) {
  const BaselineExtraction x = extract_baseline("Portuguese Prime Minister Rui Amaral visited Oslo on Monday.");
  const BaselineEntity* person = find(x, "Rui Amaral");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->type, "PERSON");
  const BaselineEntity* title = find(x, "Portuguese Prime Minister");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->type, "TITLE");
  const auto facts = facts_of(x);
  EXPECT_TRUE(has(facts, "Rui Amaral | have title | Portuguese Prime Minister"));
  EXPECT_TRUE(has(facts, "Rui Amaral | visited | Oslo"));
  const BaselineEntity* oslo = find(x, "Oslo");
  ASSERT_NE(oslo, nullptr);
  EXPECT_EQ(oslo->type, "LOC");
  EXPECT_EQ(find(x, "Monday"), nullptr);  // weekdays are not names
}

TEST(BaselineNames, HonorificSurnameMeetsTheFullNameWithinAnArticle) {
  const BaselineExtraction x = extract_baseline(
      "Vera Halonen leads the talks. Officials said Ms Halonen would stay. Halonen declined to comment.");
  const BaselineEntity* vera = find(x, "Vera Halonen");
  ASSERT_NE(vera, nullptr);
  EXPECT_EQ(vera->mentions, 3u);
  EXPECT_EQ(vera->type, "PERSON");
  EXPECT_EQ(find(x, "Halonen"), nullptr);
  const auto& aliases = vera->aliases;
  EXPECT_TRUE(std::any_of(aliases.begin(), aliases.end(), [](const auto& a) { return a.first == "Ms Halonen"; }));
  EXPECT_TRUE(std::none_of(x.facts.begin(), x.facts.end(), [](const BaselineFact& f) { return f.relation == "have title"; }))
      << "Ms is an honorific, not a role";
}

TEST(BaselineNames, AmbiguousSurnameStaysApart) {
  const BaselineExtraction x =
      extract_baseline("Anna Berg met Tomas Berg in Vienna. Berg said nothing.");
  EXPECT_NE(find(x, "Anna Berg"), nullptr);
  EXPECT_NE(find(x, "Tomas Berg"), nullptr);
  EXPECT_NE(find(x, "Berg"), nullptr);  // could be either: not merged
}

TEST(BaselineNames, OrganisationsPlacesAndClauseOpeners) {
  const BaselineExtraction x = extract_baseline(
      "The Senate Finance Committee questioned the Bank of Canada. After the hearing, critics left. "
      "Critics called it a farce.");
  const BaselineEntity* committee = find(x, "Senate Finance Committee");
  ASSERT_NE(committee, nullptr);
  EXPECT_EQ(committee->type, "ORG");
  const BaselineEntity* bank = find(x, "Bank of Canada");
  ASSERT_NE(bank, nullptr);
  EXPECT_EQ(bank->type, "ORG");
  EXPECT_EQ(find(x, "The Senate Finance Committee"), nullptr);
  EXPECT_EQ(find(x, "After"), nullptr);
  EXPECT_EQ(find(x, "Critics"), nullptr);  // also written in lowercase in the article
  EXPECT_TRUE(has(facts_of(x), "Senate Finance Committee | questioned | Bank of Canada"));
}

TEST(BaselineNames, TitleAloneAndDemonymAloneAreNotNames) {
  const BaselineExtraction x = extract_baseline("The President thanked Swedish farmers.");
  EXPECT_TRUE(x.entities.empty());
}

TEST(BaselineFacts, NegationAndModalityAreFlagsNotWords) {
  const BaselineExtraction x =
      extract_baseline("Lena Ortiz did not meet Paul Weiss. Lena Ortiz could visit Kenya.");
  ASSERT_EQ(x.facts.size(), 2u);
  EXPECT_EQ(x.facts[0].relation, "meet");
  EXPECT_TRUE(x.facts[0].negated);
  EXPECT_FALSE(x.facts[0].modal);
  EXPECT_EQ(x.facts[1].relation, "visit");
  EXPECT_TRUE(x.facts[1].modal);
  EXPECT_FALSE(x.facts[1].negated);
  EXPECT_EQ(x.facts[1].sentence, 1u);
}

TEST(BaselineFacts, NoFactAcrossPunctuationCoordinationOrReportedSpeech) {
  const BaselineExtraction x = extract_baseline(
      "Lena Ortiz, a lawyer, joined Paul Weiss. Lena Ortiz and Paul Weiss spoke. "
      "Lena Ortiz said Paul Weiss would resign.");
  EXPECT_TRUE(x.facts.empty()) << facts_of(x).front();
}

TEST(BaselineFacts, PossessiveBecomesHave) {
  const BaselineExtraction x = extract_baseline("Lena Ortiz's deputy Paul Weiss resigned.");
  EXPECT_TRUE(has(facts_of(x), "Lena Ortiz | have deputy | Paul Weiss"));
}

TEST(BaselineFacts, SpanCoversBothNamesWithinTheSentence) {
  const BaselineExtraction x = extract_baseline("It rained. Lena Ortiz phoned Paul Weiss today.");
  ASSERT_EQ(x.facts.size(), 1u);
  const BaselineFact& f = x.facts[0];
  EXPECT_EQ(f.sentence, 1u);
  EXPECT_EQ(x.sentences[1].substr(f.span_begin, f.span_end - f.span_begin), "Lena Ortiz phoned Paul Weiss");
}

TEST(BaselineFacts, IsDeterministic) {
  const std::string text = "Lena Ortiz phoned Paul Weiss. Weiss thanked Ortiz. Ortiz visited Brazil.";
  const BaselineExtraction a = extract_baseline(text);
  const BaselineExtraction b = extract_baseline(text);
  EXPECT_EQ(facts_of(a), facts_of(b));
  EXPECT_EQ(facts_of(a), (std::vector<std::string>{"Lena Ortiz | phoned | Paul Weiss", "Paul Weiss | thanked | Lena Ortiz",
                                                   "Lena Ortiz | visited | Brazil"}));
}

}  // namespace
}  // namespace kg::extract
