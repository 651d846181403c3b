#include "ingest/nlp/word_clusters.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fmt/format.h>

#include "ingest/nlp/model_io.h"
#include "ingest/nlp/train/clusters_train.h"
#include "ingest/nlp/train/trainers.h"

namespace kg {
namespace {

using nlp::ClusterPath;
using nlp::WordClusters;

std::string temp_path(std::string_view name) {
  return (std::filesystem::temp_directory_path() / fmt::format("kg_clusters_test_{}_{}", name, ::getpid())).string();
}

ClusterPath path_of(std::string_view bits) {
  ClusterPath p;
  for (char c : bits) p.bits = (p.bits << 1) | (c == '1' ? 1u : 0u), ++p.length;
  return p;
}

// Sentences "DET NOUN VERB ADV ." over every combination, so nouns, verbs,
// determiners and adverbs each share all their contexts.
train::ClusterCorpus toy_corpus() {
  const std::vector<std::string_view> dets = {"the", "a", "this", "every"};
  const std::vector<std::string_view> nouns = {"cat", "dog", "bird", "horse", "fox"};
  const std::vector<std::string_view> verbs = {"ran", "sat", "slept", "ate", "jumped"};
  const std::vector<std::string_view> advs = {"quickly", "slowly", "today"};
  train::ClusterCorpus corpus;
  for (auto d : dets)
    for (auto n : nouns)
      for (auto v : verbs)
        for (auto a : advs) {
          const std::vector<std::string_view> sentence = {d, n, v, a, "."};
          corpus.add_sentence(sentence);
        }
  return corpus;
}

TEST(ClusterPath, PrefixCommonPrefixAndKey) {
  const ClusterPath p = path_of("101100");
  EXPECT_TRUE(p.known());
  EXPECT_EQ(p.to_string(), "101100");
  EXPECT_EQ(p.prefix(4).to_string(), "1011");
  EXPECT_EQ(p.prefix(1).to_string(), "1");
  EXPECT_EQ(p.prefix(20), p);  // shorter than asked: the whole path
  EXPECT_FALSE(p.prefix(0).known());
  EXPECT_EQ(p.common_prefix(path_of("101011")), 3);
  EXPECT_EQ(p.common_prefix(path_of("1011")), 4);
  EXPECT_EQ(p.common_prefix(path_of("0")), 0);
  EXPECT_EQ(p.common_prefix(p), 6);
  EXPECT_EQ(p.common_prefix(ClusterPath::none()), 0);
  EXPECT_FALSE(ClusterPath::none().known());
  EXPECT_FALSE(ClusterPath::none().prefix(6).known());
  // Keys tell apart paths that differ only in length ("0" vs "00") and none.
  EXPECT_NE(path_of("0").key(), path_of("00").key());
  EXPECT_NE(path_of("0").key(), ClusterPath::none().key());
  EXPECT_NE(p.prefix(4).key(), p.prefix(6).key());
}

TEST(WordClusters, LookupPolicy) {
  const WordClusters clusters({"the", "Apple", "apple", "0000", "0.0", "US"},
                              {path_of("00"), path_of("010"), path_of("011"), path_of("10"), path_of("110"),
                               path_of("111")});
  EXPECT_EQ(clusters.size(), 6u);
  EXPECT_EQ(clusters.path("the"), path_of("00"));
  EXPECT_EQ(clusters.path("The"), path_of("00"));    // lowercase fallback
  EXPECT_EQ(clusters.path("THE"), path_of("00"));
  EXPECT_EQ(clusters.path("Apple"), path_of("010"));  // exact form wins over lowercase
  EXPECT_EQ(clusters.path("APPLE"), path_of("011"));
  EXPECT_EQ(clusters.path("1984"), path_of("10"));    // digits -> 0
  EXPECT_EQ(clusters.path("3.5"), path_of("110"));
  EXPECT_EQ(clusters.path("US"), path_of("111"));
  EXPECT_FALSE(clusters.path("us").known());          // no uppercase fallback
  EXPECT_FALSE(clusters.path("zebra").known());
  EXPECT_FALSE(clusters.path("").known());
  EXPECT_FALSE(clusters.path(std::string(200, 'A')).known());
  EXPECT_FALSE(clusters.path("12345").known());       // "00000" is not "0000"
}

TEST(WordClusters, NormalizeDigits) {
  char buf[8];
  EXPECT_EQ(WordClusters::normalize_digits("a1b22", buf), "a0b00");
  EXPECT_EQ(WordClusters::normalize_digits("words", buf), "words");
  EXPECT_EQ(WordClusters::normalize_digits("123456789", buf), "");  // does not fit
}

TEST(WordClusters, ModelRoundTrip) {
  const WordClusters clusters({"x", "Y", "0z"}, {path_of("0"), path_of("10"), path_of("1101")});
  const std::string path = temp_path("roundtrip");
  ASSERT_TRUE(clusters.save_file(path).is_ok());
  Result<WordClusters> loaded = WordClusters::load_file(path);
  ASSERT_TRUE(loaded) << loaded.status().message();
  ASSERT_EQ(loaded->size(), 3u);
  EXPECT_EQ(loaded->words()[2], "0z");
  EXPECT_EQ(loaded->path("x"), path_of("0"));
  EXPECT_EQ(loaded->path("Y"), path_of("10"));
  EXPECT_FALSE(loaded->path("y").known());  // no uppercase fallback
  EXPECT_EQ(loaded->path("9z"), path_of("1101"));
  std::filesystem::remove(path);
}

TEST(WordClusters, TruncatedFileIsRefusedNamingIt) {
  const WordClusters clusters({"x", "y"}, {path_of("0"), path_of("1")});
  const std::string path = temp_path("truncated");
  ASSERT_TRUE(clusters.save_file(path).is_ok());
  std::filesystem::resize_file(path, std::filesystem::file_size(path) - 5);
  Result<WordClusters> loaded = WordClusters::load_file(path);
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.status().message().find(path), std::string::npos) << loaded.status().message();
  std::filesystem::remove(path);
}

TEST(WordClusters, WrongKindIsRefused) {
  const std::string path = temp_path("kind");
  nlp::ModelWriter out("tagger", nlp::kClustersModelVersion);
  ASSERT_TRUE(out.save(path).is_ok());
  Result<WordClusters> loaded = WordClusters::load_file(path);
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.status().message().find(path), std::string::npos) << loaded.status().message();
  std::filesystem::remove(path);
}

// Well-formed container, inconsistent payloads: one path short; a path
// with bits beyond its length; a word twice.
TEST(WordClusters, MalformedPayloadIsRefused) {
  const std::string path = temp_path("malformed");
  const std::vector<std::string> two_words = {"x", "y"};
  const std::vector<std::string> same_word = {"x", "x"};
  struct Case {
    const std::vector<std::string>* words;
    std::vector<uint64_t> bits;
    std::vector<uint8_t> lengths;
  };
  const std::vector<Case> cases = {
      {&two_words, {0}, {1}},
      {&two_words, {0, 4}, {1, 1}},
      {&two_words, {0, 1}, {1, 0}},
      {&same_word, {0, 1}, {1, 1}},
  };
  for (const Case& c : cases) {
    nlp::ModelWriter out(nlp::kClustersModelKind, nlp::kClustersModelVersion);
    out.put_strings(*c.words);
    out.put_array<uint64_t>(c.bits);
    out.put_array<uint8_t>(c.lengths);
    ASSERT_TRUE(out.save(path).is_ok());
    Result<WordClusters> loaded = WordClusters::load_file(path);
    ASSERT_FALSE(loaded);
    EXPECT_EQ(loaded.status().message(), path + ": malformed clusters model");
  }
  std::filesystem::remove(path);
}

TEST(BrownClusters, DistributionallySimilarWordsShareLongPrefixes) {
  const train::ClusterCorpus corpus = toy_corpus();
  const WordClusters clusters = train::brown_clusters(corpus, {.clusters = 8, .min_count = 1});
  ASSERT_EQ(clusters.size(), 18u);
  const std::vector<std::string> nouns = {"cat", "dog", "bird", "horse", "fox"};
  const std::vector<std::string> verbs = {"ran", "sat", "slept", "ate", "jumped"};
  for (const auto& n1 : nouns) {
    ASSERT_TRUE(clusters.path(n1).known()) << n1;
    for (const auto& n2 : nouns) {
      for (const auto& v : verbs) {
        EXPECT_GT(clusters.path(n1).common_prefix(clusters.path(n2)), clusters.path(n1).common_prefix(clusters.path(v)))
            << n1 << " " << n2 << " " << v << ": " << clusters.path(n1).to_string() << " "
            << clusters.path(n2).to_string() << " " << clusters.path(v).to_string();
      }
    }
  }
  EXPECT_GT(clusters.path("the").common_prefix(clusters.path("a")), clusters.path("the").common_prefix(clusters.path("cat")));
  EXPECT_FALSE(clusters.path("zebra").known());
}

TEST(BrownClusters, WindowSmallerThanWordClassesStillSeparatesThem) {
  // With a window of 4 the 18 words must share clusters: each class ends up
  // in one cluster (same path), and classes differ.
  const WordClusters clusters = train::brown_clusters(toy_corpus(), {.clusters = 4, .min_count = 1});
  EXPECT_EQ(clusters.path("cat"), clusters.path("fox"));
  EXPECT_EQ(clusters.path("ran"), clusters.path("jumped"));
  EXPECT_NE(clusters.path("cat"), clusters.path("ran"));
}

TEST(BrownClusters, MinCountAndDigitsAndDeterminism) {
  train::ClusterCorpus corpus = toy_corpus();
  const std::vector<std::string_view> rare = {"in", "1999", "a", "zebra", "ran", "."};
  const std::vector<std::string_view> rare2 = {"in", "2004", "the", "cat", "sat", "."};
  corpus.add_sentence(rare);
  corpus.add_sentence(rare2);
  const train::BrownOptions options{.clusters = 8, .min_count = 2};
  const WordClusters first = train::brown_clusters(corpus, options);
  const WordClusters second = train::brown_clusters(corpus, options);
  EXPECT_FALSE(first.path("zebra").known());  // seen once
  EXPECT_TRUE(first.path("in").known());
  EXPECT_TRUE(first.path("1066").known());    // "1999" and "2004" count as "0000"
  EXPECT_EQ(first.path("1066"), first.path("0000"));
  ASSERT_EQ(first.size(), second.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first.words()[i], second.words()[i]);
    EXPECT_EQ(first.paths()[i], second.paths()[i]);
  }
}

TEST(TrainClusters, MissingInputsAreNamed) {
  const std::filesystem::path dir = temp_path("train");
  std::filesystem::create_directories(dir);
  train::TrainOptions options;
  options.data_dir = (dir / "data").string();
  options.out_dir = dir.string();
  // No tokenizer model in the output directory.
  Status st = train::train_clusters(options);
  ASSERT_FALSE(st.is_ok());
  EXPECT_NE(st.message().find((dir / "tokenizer.kgm").string()), std::string::npos) << st.message();
  // A tokenizer model, but no news articles.
  const std::string tokenizer = std::string(KG_SOURCE_DIR) + "/ingest/models/tokenizer.kgm";
  if (std::filesystem::exists(tokenizer)) {
    std::filesystem::copy_file(tokenizer, dir / "tokenizer.kgm");
    st = train::train_clusters(options);
    ASSERT_FALSE(st.is_ok());
    EXPECT_EQ(st.message(), options.data_dir + "/news/bbc: no news articles (*/*.txt) to cluster");
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "clusters.kgm"));
  std::filesystem::remove_all(dir);
}

// The shipped model (kg train --only clusters) on news-like words.
TEST(ShippedClusters, NewsWordsClusterSensibly) {
  const std::string path = std::string(KG_SOURCE_DIR) + "/ingest/models/" + std::string(nlp::kClustersModelFile);
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is absent (run 'kg train --only clusters')";
  Result<WordClusters> clusters = WordClusters::load_file(path);
  ASSERT_TRUE(clusters) << clusters.status().message();
  EXPECT_GT(clusters->size(), 10000u);
  auto common = [&](std::string_view a, std::string_view b) {
    return clusters->path(a).common_prefix(clusters->path(b));
  };
  for (std::string_view w : {"Monday", "Tuesday", "said", "the", "company", "government", "London", "2005"})
    EXPECT_TRUE(clusters->path(w).known()) << w;
  EXPECT_GE(common("Monday", "Friday"), common("Monday", "said") + 6);
  EXPECT_GT(common("Monday", "Tuesday"), common("Monday", "said"));
  EXPECT_GE(common("said", "says"), common("said", "company") + 4);
  EXPECT_GE(common("company", "firm"), common("company", "said") + 4);
  EXPECT_GE(common("he", "she"), common("he", "government") + 4);
  EXPECT_EQ(clusters->path("2004"), clusters->path("1999"));
}

}  // namespace
}  // namespace kg
