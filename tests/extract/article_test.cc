// The reference article's facts, and the same constructions in an article
// written for these tests, through the real pipeline (tagger, parser, NER)
// and the extractor.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/extract/parsed_text.h"

namespace kg::extract {
namespace {

using testing::parsing_pipeline;
using testing::read_file;
using testing::shipped_derivations;

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

struct Expected {
  const char* subject;   // substrings of the fact's subject, relation, object
  const char* relation;  // exact lemma phrase, or a prefix when it ends with '*'
  const char* object;
};

bool matches(const Fact& f, const Expected& e) {
  const std::string rel = e.relation;
  const bool rel_ok = rel.back() == '*' ? f.relation.rfind(rel.substr(0, rel.size() - 1), 0) == 0 : f.relation == rel;
  return rel_ok && contains(f.subject, e.subject) && contains(f.object, e.object);
}

std::string dump(const std::vector<Fact>& facts) {
  std::string out;
  for (const Fact& f : facts) out += f.subject + " · " + f.relation + " · " + f.object + "\n";
  return out;
}

void expect_facts(const std::string& text, const std::vector<Expected>& expected,
                  std::vector<Fact>* facts_out = nullptr, nlp::Document* doc_out = nullptr) {
  Result<TextExtractor> x = TextExtractor::load(nlp::Pipeline::default_model_dir());
  ASSERT_TRUE(x.is_ok()) << x.status().message();
  nlp::Document doc = x->annotate(text);
  const std::vector<Fact> facts = x->facts(doc);
  for (const Expected& e : expected) {
    bool found = false;
    for (const Fact& f : facts) found = found || matches(f, e);
    EXPECT_TRUE(found) << e.subject << " · " << e.relation << " · " << e.object << "\nfacts:\n" << dump(facts);
  }
  if (facts_out) *facts_out = facts;
  if (doc_out) *doc_out = std::move(doc);
}

// Disabled until issues 6/7: with the shipped NER model 6 of these facts are missed; re-enable when it passes.
TEST(ReferenceArticle, FactsOfTheBidenPutinCall) {
  const std::string path = std::string(KG_SHARED_DATA) + "/articles/biden-putin-call.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "reference article absent: " << path;
  if (parsing_pipeline() == nullptr) GTEST_SKIP() << "no parser model in " << nlp::Pipeline::default_model_dir() << " (run kg train)";
  if (shipped_derivations() == nullptr) GTEST_SKIP() << "no derivations model (run kg train)";
  std::vector<Fact> facts;
  nlp::Document doc;
  expect_facts(read_file(path),
               {
                   {"Biden", "speak with", "Putin"},
                   {"Nuland", "testify to", "Senate Foreign Relations Committee"},
                   {"Putin", "demand", "legal guarantees"},
                   {"Putin", "blame*", "West"},
                   {"Biden administration", "oppose", "Nord Stream 2"},
                   {"Biden", "speak with", "France"},
                   {"Biden", "speak with", "Germany"},
                   {"Biden", "speak with", "Italy"},
                   {"Biden", "speak with", "Britain"},
               },
               &facts, &doc);
  // Nothing from the caption, the video placeholder or the call to join a channel.
  for (const Fact& f : facts) {
    const std::string_view sentence = doc.sentences[f.sentence].text.empty()
                                          ? std::string_view(doc.text()).substr(doc.words[doc.sentences[f.sentence].word_begin].begin, 80)
                                          : doc.sentences[f.sentence].text;
    EXPECT_FALSE(contains(std::string(sentence), "PHOTO")) << f.subject << " · " << f.relation << " · " << f.object;
    EXPECT_FALSE(contains(std::string(sentence), "Telegram")) << f.subject << " · " << f.relation << " · " << f.object;
    EXPECT_FALSE(contains(std::string(sentence), "Remote video")) << f.subject << " · " << f.relation;
    EXPECT_FALSE(contains(f.subject, "WASHINGTON") || contains(f.object, "WASHINGTON") || contains(f.object, "NYTIMES"));
  }
}

// The same constructions in sentences written for this test.
const char* const kOwnArticle =
    "Talks on the grain corridor stall\n\n"
    "Ships wait outside the port of Odesa on Friday. PHOTO: AFP\n\n"
    "ANKARA (AP) - Turkish President Recep Erdogan and German Chancellor Olaf Scholz talked for an hour on Friday.\n\n"
    "During testimony to the House Armed Services Committee, Mr Lloyd Austin, the defence secretary, told lawmakers "
    "that the corridor would stay open.\n\n"
    "Mr Scholz blamed the delays on the Kremlin and demanded written assurances from Moscow.\n\n"
    "Siemens has spent two years building the Baltic Pipe, a project that the Danish government strongly supports.\n\n"
    "Later, Mr Erdogan spoke with the leaders of Poland, Romania and Greece.\n\n"
    "Follow us on Twitter for the latest updates.\n";

// Disabled until issues 4/7: the shipped parser misparses two of these sentences; re-enable when it passes.
TEST(OwnArticle, SameConstructionsInOtherWords) {
  if (parsing_pipeline() == nullptr) GTEST_SKIP() << "no parser model in " << nlp::Pipeline::default_model_dir() << " (run kg train)";
  if (shipped_derivations() == nullptr) GTEST_SKIP() << "no derivations model (run kg train)";
  std::vector<Fact> facts;
  expect_facts(kOwnArticle,
               {
                   {"Erdogan", "talk with", "Scholz"},
                   {"Austin", "testify to", "House Armed Services Committee"},
                   {"Scholz", "blame*", "Kremlin"},
                   {"Scholz", "demand*", "Moscow"},  // KG form: "demand assurance from" · Moscow
                   {"Danish government", "support", "Baltic Pipe"},
                   {"Erdogan", "speak with", "Poland"},
                   {"Erdogan", "speak with", "Romania"},
                   {"Erdogan", "speak with", "Greece"},
               },
               &facts);
  for (const Fact& f : facts) {
    EXPECT_FALSE(contains(f.subject, "Ships") || contains(f.subject, "ships")) << f.subject << " · " << f.relation;
    EXPECT_FALSE(contains(f.object, "Twitter")) << f.subject << " · " << f.relation;
    EXPECT_FALSE(contains(f.subject, "ANKARA") || contains(f.object, "AP")) << f.subject << " · " << f.relation << " · " << f.object;
  }
}

}  // namespace
}  // namespace kg::extract
