// Accuracy floors of the shipped parser on held-out data (EWT test, never
// seen in training or tuning): gold tokenization, tags predicted by the
// shipped tagger, CoNLL 2018 UAS/LAS (punctuation included).
#include <gtest/gtest.h>

#include <filesystem>
#include <fmt/format.h>
#include <string>

#include "ingest/nlp/nlp.h"
#include "ingest/nlp/parser.h"
#include "ingest/nlp/conllu.h"
#include "ingest/nlp/train/text_file.h"
#include "ingest/nlp/train/ud_eval.h"

namespace kg::nlp {
namespace {

TEST(ParserAccuracy, EwtTestWithPredictedTagsMeetsFloors) {
  const std::string path = std::string(KG_SHARED_DATA) + "/ud/en_ewt-ud-test.conllu";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path << " (../shared/data is absent)";
  const std::string dir = Pipeline::default_model_dir();
  auto pipeline = Pipeline::load(dir);
  ASSERT_TRUE(pipeline) << pipeline.status().message();
  auto parser = DependencyParser::load_file(fmt::format("{}/{}", dir, kParserModelFile));
  ASSERT_TRUE(parser) << parser.status().message();

  Result<std::string> content = train::read_whole_file(path);
  ASSERT_TRUE(content) << content.status().message();
  Result<Document> gold = read_conllu(*content, path);
  Result<Document> system = read_conllu(*content, path);
  ASSERT_TRUE(gold && system);
  // Keep only the gold tokenization: tags, lemmas and trees are predicted.
  for (Word& w : system->words) {
    w.upos = UPos::X;
    w.xpos = "";
    w.feats = "";
    w.lemma = "";
    w.head = -1;
    w.deprel = "";
  }
  pipeline->annotate(&*system);
  parser->annotate(&*system);
  const auto scores = train::score_ud(*gold, *system);
  ASSERT_TRUE(scores) << scores.status().message();
  const train::UdMetric* uas = scores->find("UAS");
  const train::UdMetric* las = scores->find("LAS");
  ASSERT_TRUE(uas && las);
  EXPECT_EQ(uas->gold, 25094u);
  // Regression floor: the shipped models' measured figure (85.12), rounded
  // down. Issue 4's target is UAS 87.5; it is not reached yet (the issue
  // stays open).
  EXPECT_GE(uas->f1(), 85.1);
  // Regression floor: the shipped models' measured figure (82.30), rounded
  // down. Issue 4's target is LAS 84.0; it is not reached yet (the issue
  // stays open).
  EXPECT_GE(las->f1(), 82.2);
  std::printf("EWT test, gold tokens, predicted tags: UAS %.2f LAS %.2f\n", uas->f1(), las->f1());
}

TEST(ParserAccuracy, EwtTestFromRawTextMeetsFloor) {
  const std::string path = std::string(KG_SHARED_DATA) + "/ud/en_ewt-ud-test.conllu";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path << " (../shared/data is absent)";
  auto pipeline = Pipeline::load(Pipeline::default_model_dir());
  ASSERT_TRUE(pipeline) << pipeline.status().message();
  ASSERT_GT(pipeline->later_stage_count(), 0u) << "the pipeline did not load the parser";
  Result<std::string> content = train::read_whole_file(path);
  ASSERT_TRUE(content) << content.status().message();
  Result<Document> gold = read_conllu(*content, path);
  ASSERT_TRUE(gold) << gold.status().message();
  // Tokens, sentences, tags and trees all predicted by the shipped pipeline.
  const Document system = pipeline->annotate(train::ud_raw_text(*gold));
  const auto scores = train::score_ud(*gold, system);
  ASSERT_TRUE(scores) << scores.status().message();
  const train::UdMetric* las = scores->find("LAS");
  ASSERT_NE(las, nullptr);
  // Regression floor: the shipped models' measured figure (80.32), rounded
  // down; above issue 4's target of LAS 80.0.
  EXPECT_GE(las->f1(), 80.3);
  std::printf("EWT test from raw text: UAS %.2f LAS %.2f\n", scores->find("UAS")->f1(), las->f1());
}

}  // namespace
}  // namespace kg::nlp
