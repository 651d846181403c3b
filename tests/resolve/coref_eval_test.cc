// The coreference scorer (tools/train/coref_eval.h) on entities whose scores
// were worked out by hand, and on a small CoNLL-U text written for the test.
#include <gtest/gtest.h>

#include "ingest/nlp/conllu.h"
#include "tools/train/coref_eval.h"

namespace kg::train {
namespace {

// Mentions a..i as keys 1..9.
constexpr uint64_t a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8, i = 9;

TEST(CorefScorer, MetricsMatchHandComputedValues) {
  const KeyedEntities gold = {{a, b, c}, {d, e, f, g}};
  const KeyedEntities system = {{a, b}, {c, d}, {f, g, h, i}};
  CorefScores s;
  add_coref_scores(gold, system, &s);
  // MUC: links kept 1 + 1 of 2 + 3 gold links; 1 + 0 + 1 of 1 + 1 + 3 system links.
  EXPECT_NEAR(s.muc.recall(), 40.0, 1e-9);
  EXPECT_NEAR(s.muc.precision(), 40.0, 1e-9);
  // B3: recall (2/3 + 2/3 + 1/3 + 1/4 + 0 + 2/4 + 2/4) / 7, precision (1 + 1 + 1/2 + 1/2 + 1/2 + 1/2) / 8.
  EXPECT_NEAR(s.b3.recall(), 100.0 * (35.0 / 12.0) / 7.0, 1e-9);
  EXPECT_NEAR(s.b3.precision(), 50.0, 1e-9);
  // CEAF-e: best alignment {a,b,c}-{a,b} (0.8) and {d,e,f,g}-{f,g,h,i} (0.5).
  EXPECT_NEAR(s.ceafe.recall(), 65.0, 1e-4);
  EXPECT_NEAR(s.ceafe.precision(), 100.0 * 1.3 / 3.0, 1e-4);
  EXPECT_NEAR(s.conll_f1(), (s.muc.f1() + s.b3.f1() + s.ceafe.f1()) / 3.0, 1e-12);
}

TEST(CorefScorer, IdenticalClusteringsScoreOneHundred) {
  const KeyedEntities gold = {{a, b, c}, {d, e}, {f}};
  CorefScores s;
  add_coref_scores(gold, gold, &s);
  EXPECT_NEAR(s.muc.f1(), 100.0, 1e-9);
  EXPECT_NEAR(s.b3.f1(), 100.0, 1e-9);
  EXPECT_NEAR(s.ceafe.f1(), 100.0, 1e-4);
}

// Written for this test: three sentences, one document.
constexpr std::string_view kGold =
    "# newdoc id = test\n"
    "# text = Maria Lopez met the mayor.\n"
    "1\tMaria\tMaria\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=(1-person-new\n"
    "2\tLopez\tLopez\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)\n"
    "3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\tEntity=(2-person-new\n"
    "5\tmayor\tmayor\tNOUN\tNN\t_\t3\tobj\t_\tEntity=2)|SpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# text = She thanked him.\n"
    "1\tShe\tshe\tPRON\tPRP\tPronType=Prs|Person=3\t2\tnsubj\t_\tEntity=(1-person-giv)\n"
    "2\tthanked\tthank\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\thim\the\tPRON\tPRP\tPronType=Prs|Person=3\t2\tobj\t_\tEntity=(2-person-giv)|SpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# text = The Town Hall closed.\n"
    "1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\tEntity=(3-place-new\n"
    "2\tTown\tTown\tPROPN\tNNP\t_\t3\tcompound\t_\t_\n"
    "3\tHall\tHall\tPROPN\tNNP\t_\t4\tnsubj\t_\tEntity=3)\n"
    "4\tclosed\tclose\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n";

std::string with_misc(std::string_view conllu, const std::vector<std::string>& misc_per_word) {
  std::string out;
  size_t word = 0, start = 0;
  while (start < conllu.size()) {
    size_t end = conllu.find('\n', start);
    const std::string_view line = conllu.substr(start, end - start);
    if (!line.empty() && line[0] != '#') {
      out += line.substr(0, line.rfind('\t') + 1);
      out += misc_per_word[word++];
    } else {
      out += line;
    }
    out += '\n';
    start = end + 1;
  }
  return out;
}

TEST(CorefScorer, ReadsBracketsAndRestrictsToNamesAndPronouns) {
  Result<nlp::Document> gold = nlp::read_conllu(kGold, "gold");
  ASSERT_TRUE(gold) << gold.status().message();
  Result<std::vector<CorefDocument>> docs = read_entity_annotation(*gold, "gold");
  ASSERT_TRUE(docs) << docs.status().message();
  ASSERT_EQ(docs->size(), 1u);
  ASSERT_EQ((*docs)[0].entities.size(), 3u);
  EXPECT_EQ((*docs)[0].entities[0].size(), 2u);
  EXPECT_EQ((*docs)[0].entities[0][0].begin, 0u);
  EXPECT_EQ((*docs)[0].entities[0][0].end, 2u);
  EXPECT_EQ((*docs)[0].entities[2][0].type, "place");

  // A system that links "She" to Maria Lopez, leaves "him" alone and finds
  // "Town Hall" without its article: every scored mention right.
  const std::string system_text = with_misc(
      kGold, {"Entity=(7-person", "Entity=7)", "_", "_", "_", "_", "Entity=(7-person)", "_", "Entity=(8-person)", "_",
              "_", "Entity=(9-place", "Entity=9)", "_", "_"});
  Result<nlp::Document> system = nlp::read_conllu(system_text, "system");
  ASSERT_TRUE(system) << system.status().message();
  Result<CorefScores> s = score_coreference(*gold, *system);
  ASSERT_TRUE(s) << s.status().message();
  // "the mayor" is no name: gold keeps Maria Lopez + She, him, Town Hall.
  EXPECT_EQ(s->gold_mentions, 4u);
  EXPECT_EQ(s->system_mentions, 4u);
  EXPECT_EQ(s->matched_mentions, 4u);
  EXPECT_NEAR(s->conll_f1(), 100.0, 1e-4);

  CorefEvalOptions no_singletons;
  no_singletons.singletons = false;
  Result<CorefScores> t = score_coreference(*gold, *system, no_singletons);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->gold_mentions, 2u) << "only Maria Lopez has two scored mentions";
}

TEST(CorefScorer, UnbalancedBracketsAreErrorsWithTheirPlace) {
  const std::string broken = with_misc(
      kGold, {"Entity=(7-person", "_", "_", "_", "_", "_", "_", "_", "_", "_", "_", "_", "_", "_", "_"});
  Result<nlp::Document> doc = nlp::read_conllu(broken, "sys.conllu");
  ASSERT_TRUE(doc);
  Result<std::vector<CorefDocument>> docs = read_entity_annotation(*doc, "sys.conllu");
  ASSERT_FALSE(docs);
  EXPECT_EQ(docs.status().message(), "sys.conllu: sentence 1: entity '7' is not closed within its sentence");
}

TEST(CorefScorer, DifferentWordsAreRefused) {
  Result<nlp::Document> gold = nlp::read_conllu(kGold, "gold");
  ASSERT_TRUE(gold);
  const std::string shorter(kGold.substr(0, kGold.find("# text = The Town")));
  Result<nlp::Document> system = nlp::read_conllu(shorter, "system");
  ASSERT_TRUE(system);
  Result<CorefScores> s = score_coreference(*gold, *system);
  ASSERT_FALSE(s);
  EXPECT_NE(s.status().message().find("gold has 3 sentences, system 2"), std::string::npos);
}

}  // namespace
}  // namespace kg::train
