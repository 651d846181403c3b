// What one pathological sentence may cost: its candidate propositions are
// capped (kMaxSentencePropositions) and counted, and the duplicate check
// over them is linear.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "tests/extract/trees.h"

namespace kg::extract {
namespace {

using testing::parse_rows;

// "N0 , N1 , ... and N<names-1> met ." with the names repeating every
// `distinct`: a reciprocal verb pairs every two conjoined subjects.
std::vector<std::string> listed_subjects_rows(size_t names, size_t distinct) {
  const std::string verb = std::to_string(2 * names);  // row of "met": the names and a comma before all but one
  std::vector<std::string> rows;
  for (size_t k = 0; k < names; ++k) {
    const std::string name = "Name" + std::to_string(k % distinct);
    if (k == 0) {
      rows.push_back(name + " " + name + " PROPN NNP " + verb + " nsubj U-PERSON");
    } else {
      rows.push_back(k + 1 == names ? "and and CCONJ CC " + std::to_string(rows.size() + 2) + " cc"
                                    : ", , PUNCT , " + std::to_string(rows.size() + 2) + " punct");
      rows.push_back(name + " " + name + " PROPN NNP 1 conj U-PERSON");
    }
  }
  rows.push_back("met meet VERB VBD 0 root");
  rows.push_back(". . PUNCT . " + verb + " punct");
  return rows;
}

// "subject relation argument" of each proposition, with how often it occurs.
std::map<std::string, int> fact_counts(const std::vector<Proposition>& props) {
  std::map<std::string, int> out;
  for (const Proposition& p : props) {
    std::string f = p.subject.text + " " + p.relation;
    for (const Argument& a : p.arguments) f += " " + a.text;
    ++out[f];
  }
  return out;
}

TEST(Budget, RepeatedPairsAreKeptOnce) {
  // 20 names, 5 distinct: 190 pairs (within the budget), 25 distinct facts
  // (every ordered pair of the five names, a name with itself included:
  // Name0 is subject 0 and 5).
  const std::vector<Proposition> props = Extractor().extract(parse_rows(listed_subjects_rows(20, 5)), 0);
  const std::map<std::string, int> facts = fact_counts(props);
  EXPECT_EQ(facts.size(), 25u);
  EXPECT_EQ(props.size(), 25u);
  for (const auto& [fact, count] : facts) EXPECT_EQ(count, 1) << fact;
  EXPECT_EQ(facts.count("Name4 meet with Name0"), 1u);
  EXPECT_EQ(facts.count("Name2 meet with Name2"), 1u);
}

TEST(Budget, ThousandsOfListedNamesStopAtTheBudgetAndCountTheRest) {
  // 3,000 names would pair into 4,498,500 propositions.
  const uint64_t dropped_before = propositions_over_budget();
  const std::vector<Proposition> props = Extractor().extract(parse_rows(listed_subjects_rows(3000, 3000)), 0);
  EXPECT_EQ(props.size(), kMaxSentencePropositions);
  EXPECT_EQ(propositions_over_budget() - dropped_before, 3000u * 2999u / 2 - kMaxSentencePropositions);
  // The first pairs are the ones kept.
  const std::map<std::string, int> facts = fact_counts(props);
  EXPECT_EQ(facts.count("Name0 meet with Name1"), 1u);
  EXPECT_EQ(facts.count("Name0 meet with Name256"), 1u);
  EXPECT_EQ(facts.count("Name0 meet with Name257"), 0u);
}

}  // namespace
}  // namespace kg::extract
