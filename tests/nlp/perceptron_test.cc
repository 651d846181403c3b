#include "ingest/nlp/perceptron.h"

#include <cstdio>
#include <filesystem>
#include <gtest/gtest.h>

namespace kg::nlp {
namespace {

// A separable toy problem: the class is decided by which of three marker
// features is present; a noise feature appears everywhere.
std::vector<uint64_t> features_for(int cls) {
  return {FeatureKey(1).add(static_cast<uint64_t>(cls)).key(), FeatureKey(2).add("noise").key()};
}

AveragedPerceptron train_toy() {
  AveragedPerceptron p(3);
  for (int epoch = 0; epoch < 5; ++epoch) {
    for (int cls = 0; cls < 3; ++cls) {
      const auto f = features_for(cls);
      p.update(f, cls, p.predict(f));
    }
  }
  p.finish_training();
  return p;
}

TEST(FeatureKey, IsDeterministicAndOrderSensitive) {
  EXPECT_EQ(FeatureKey(3).add("a").add("b").key(), FeatureKey(3).add("a").add("b").key());
  EXPECT_NE(FeatureKey(3).add("a").add("b").key(), FeatureKey(3).add("b").add("a").key());
  EXPECT_NE(FeatureKey(3).add("a").key(), FeatureKey(4).add("a").key());
  EXPECT_NE(FeatureKey(3).add("a").key(), 0u);
}

TEST(AveragedPerceptron, LearnsSeparableProblem) {
  const AveragedPerceptron p = train_toy();
  ASSERT_TRUE(p.frozen());
  for (int cls = 0; cls < 3; ++cls) EXPECT_EQ(p.predict(features_for(cls)), cls);
}

TEST(AveragedPerceptron, RespectsAllowedClasses) {
  const AveragedPerceptron p = train_toy();
  const bool allowed[3] = {true, false, true};
  EXPECT_NE(p.predict(features_for(1), allowed), 1);
}

TEST(AveragedPerceptron, SaveLoadRoundTripGivesSameScores) {
  const AveragedPerceptron p = train_toy();
  const std::string path = (std::filesystem::temp_directory_path() / "kg_perceptron_test.model").string();
  ModelWriter w("toy", 1);
  p.save(w);
  ASSERT_TRUE(w.save(path).is_ok());

  auto r = ModelReader::open(path, "toy", 1);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  AveragedPerceptron q;
  ASSERT_TRUE(q.load(*r));
  EXPECT_TRUE(r->finish().is_ok());
  for (int cls = 0; cls < 3; ++cls) {
    float a[3] = {0, 0, 0}, b[3] = {0, 0, 0};
    p.add_scores(features_for(cls), a);
    q.add_scores(features_for(cls), b);
    for (int c = 0; c < 3; ++c) EXPECT_FLOAT_EQ(a[c], b[c]);
  }
  std::remove(path.c_str());
}

// Two runs that saw the toy data in different orders: their mean scores
// every feature with the mean of what each run, frozen alone, scores it.
TEST(AveragedPerceptron, MeanOfRunsScoresTheMeanOfTheirWeights) {
  std::vector<AveragedPerceptron> runs(2, AveragedPerceptron(3));
  for (int epoch = 0; epoch < 3; ++epoch) {
    for (int k = 0; k < 3; ++k) {
      const int forward = k, backward = 2 - k;
      runs[0].update(features_for(forward), forward, runs[0].predict(features_for(forward)));
      runs[1].update(features_for(backward), backward, runs[1].predict(features_for(backward)));
    }
  }
  const AveragedPerceptron mean = AveragedPerceptron::mean_of(runs, 0.0f);
  ASSERT_TRUE(mean.frozen());
  std::vector<AveragedPerceptron> alone = runs;
  for (AveragedPerceptron& a : alone) a.finish_training(0.0f);
  bool runs_differ = false;
  for (int cls = 0; cls < 3; ++cls) {
    float m[3] = {0, 0, 0}, a[3] = {0, 0, 0}, b[3] = {0, 0, 0};
    mean.add_scores(features_for(cls), m);
    alone[0].add_scores(features_for(cls), a);
    alone[1].add_scores(features_for(cls), b);
    for (int c = 0; c < 3; ++c) {
      EXPECT_NEAR(m[c], (a[c] + b[c]) / 2, 1e-6f) << "class " << cls << ", score " << c;
      runs_differ = runs_differ || a[c] != b[c];
    }
    EXPECT_EQ(mean.predict(features_for(cls)), cls);
  }
  EXPECT_TRUE(runs_differ);  // else the test would not tell a mean from either run
}

// A frozen model keeps rows with many classes dense and the others sparse;
// either way a feature must score exactly the (class, weight) pairs it was
// saved with. Twelve classes, where a feature's row length depends on how
// many classes it co-occurs with, give rows of both kinds.
TEST(AveragedPerceptron, DenseAndSparseRowsScoreTheirSavedWeights) {
  constexpr int kClasses = 12;
  AveragedPerceptron p(kClasses);
  const auto features_of = [](int cls, int round) {
    return std::vector<uint64_t>{FeatureKey(1).add(static_cast<uint64_t>(cls)).key(),
                                 FeatureKey(2).add(static_cast<uint64_t>(cls / 6)).key(),
                                 FeatureKey(3).add(static_cast<uint64_t>(round % 4)).key(),
                                 FeatureKey(4).key()};
  };
  for (int round = 0; round < 40; ++round) {
    for (int cls = 0; cls < kClasses; ++cls) {
      const auto f = features_of(cls, round);
      p.update(f, cls, p.predict(f));
    }
  }
  p.finish_training();
  const std::string path = (std::filesystem::temp_directory_path() / "kg_perceptron_rows.model").string();
  ModelWriter w("toy", 1);
  p.save(w);
  ASSERT_TRUE(w.save(path).is_ok());
  auto r = ModelReader::open(path, "toy", 1);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  int32_t n_classes = 0;
  std::vector<uint64_t> keys;
  std::vector<uint32_t> lengths;
  std::vector<uint16_t> classes;
  std::vector<float> weights;
  ASSERT_TRUE(r->get(&n_classes) && r->get_array(&keys) && r->get_array(&lengths) && r->get_array(&classes) &&
              r->get_array(&weights));
  std::remove(path.c_str());
  ASSERT_EQ(n_classes, kClasses);
  bool saw_dense = false, saw_sparse = false;
  size_t at = 0;
  for (size_t k = 0; k < keys.size(); ++k) {
    saw_dense |= lengths[k] * 4 >= kClasses;
    saw_sparse |= lengths[k] * 4 < kClasses;
    float expected[kClasses] = {}, got[kClasses] = {};
    for (uint32_t i = 0; i < lengths[k]; ++i, ++at) expected[classes[at]] = weights[at];
    p.add_scores(std::span<const uint64_t>(&keys[k], 1), got);
    for (int c = 0; c < kClasses; ++c) EXPECT_EQ(got[c], expected[c]) << "feature " << k << ", class " << c;
  }
  EXPECT_TRUE(saw_dense);
  EXPECT_TRUE(saw_sparse);
  EXPECT_EQ(p.weight_count(), weights.size());
}

TEST(ModelReader, RefusesWrongKindVersionAndDamage) {
  const std::string path = (std::filesystem::temp_directory_path() / "kg_model_io_test.model").string();
  ModelWriter w("toy", 2);
  w.put<uint32_t>(42);
  ASSERT_TRUE(w.save(path).is_ok());
  EXPECT_FALSE(ModelReader::open(path, "other", 2).is_ok());
  EXPECT_FALSE(ModelReader::open(path, "toy", 3).is_ok());
  {
    std::FILE* f = std::fopen(path.c_str(), "r+b");
    ASSERT_NE(f, nullptr);
    std::fseek(f, 14, SEEK_SET);
    std::fputc('X', f);
    std::fclose(f);
  }
  const auto damaged = ModelReader::open(path, "toy", 2);
  ASSERT_FALSE(damaged.is_ok());
  EXPECT_NE(damaged.status().message().find("checksum"), std::string::npos);
  EXPECT_FALSE(ModelReader::open(path + ".missing", "toy", 2).is_ok());
  std::remove(path.c_str());
}

// Found by model_fuzz: a count of 2^59 in a valid container made the
// lemmatizer reserve a table of that size (an allocation abort). A count is
// now refused when the rest of the payload cannot hold that many items.
TEST(ModelReader, CountLargerThanThePayloadIsRefused) {
  ModelWriter w("toy", 1);
  w.put<uint64_t>(uint64_t{1} << 59);
  w.put<uint32_t>(7);
  auto r = ModelReader::from_bytes(w.bytes(), "toy.kgm", "toy", 1);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  uint64_t n = 0;
  EXPECT_FALSE(r->get_count(&n, 4));
  EXPECT_FALSE(r->finish().is_ok());
  ModelWriter fits("toy", 1);
  fits.put<uint64_t>(2);
  fits.put<uint32_t>(7);
  fits.put<uint32_t>(8);
  auto ok = ModelReader::from_bytes(fits.bytes(), "toy.kgm", "toy", 1);
  ASSERT_TRUE(ok.is_ok());
  EXPECT_TRUE(ok->get_count(&n, 4));
  EXPECT_EQ(n, 2u);
}

}  // namespace
}  // namespace kg::nlp
