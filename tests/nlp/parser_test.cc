// The dependency parser: training on a toy treebank, model files, and the
// shipped model on news sentences and on every sentence of EWT dev.
#include <gtest/gtest.h>

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <set>
#include <tuple>
#include <sstream>
#include <string>
#include <unistd.h>

#include "ingest/nlp/conllu.h"
#include "ingest/nlp/nlp.h"
#include "ingest/nlp/parser.h"
#include "ingest/nlp/train/parser_training.h"
#include "ingest/nlp/train/text_file.h"

namespace kg::nlp {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& p, std::string_view content) {
  std::ofstream out(p, std::ios::binary);
  out << content;
}

fs::path temp_dir(std::string_view name) {
  fs::path dir = fs::temp_directory_path() / fmt::format("kg_parser_test_{}_{}", name, ::getpid());
  fs::create_directories(dir);
  return dir;
}

// A toy treebank written for this test (ID FORM LEMMA UPOS XPOS FEATS HEAD
// DEPREL DEPS MISC).
constexpr std::string_view kToyTreebank =
    "1\tAnna\tAnna\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\tmuseum\tmuseum\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tcouncil\tcouncil\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tapproved\tapprove\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\ta\ta\tDET\tDT\t_\t6\tdet\t_\t_\n"
    "5\tnew\tnew\tADJ\tJJ\t_\t6\tamod\t_\t_\n"
    "6\tbudget\tbudget\tNOUN\tNN\t_\t3\tobj\t_\t_\n"
    "7\ton\ton\tADP\tIN\t_\t8\tcase\t_\t_\n"
    "8\tFriday\tFriday\tPROPN\tNNP\t_\t3\tobl:tmod\t_\t_\n"
    "9\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "1\tTom\tTom\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
    "2\twill\twill\tAUX\tMD\t_\t3\taux\t_\t_\n"
    "3\tcall\tcall\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "4\tAnna\tAnna\tPROPN\tNNP\t_\t3\tobj\t_\t_\n"
    "5\tand\tand\tCCONJ\tCC\t_\t6\tcc\t_\t_\n"
    "6\tMary\tMary\tPROPN\tNNP\t_\t4\tconj\t_\t_\n"
    "\n";

train::ParserTrainingOptions toy_options(const Document& toy, const std::string& output) {
  train::ParserTrainingOptions o;
  o.treebanks = {&toy};
  o.output = output;
  o.epochs = 10;
  o.prune_below = 0.0f;
  return o;
}

// `parser` parses the toy treebank's sentences exactly as `toy` (their
// gold trees) has them.
void expect_parses_toy_treebank(const DependencyParser& parser, const Document& toy) {
  Result<Document> parsed = read_conllu(kToyTreebank, "toy");
  ASSERT_TRUE(parsed);
  for (Word& w : parsed->words) {
    w.head = -7;
    w.deprel = "";
  }
  parser.annotate(&*parsed);
  for (size_t i = 0; i < toy.words.size(); ++i) {
    EXPECT_EQ(parsed->words[i].head, toy.words[i].head) << toy.words[i].form;
    EXPECT_EQ(parsed->words[i].deprel, toy.words[i].deprel) << toy.words[i].form;
  }
}

TEST(ParserTraining, LearnsToyTreebankAndIsDeterministic) {
  const fs::path dir = temp_dir("toy");
  Result<Document> toy = read_conllu(kToyTreebank, "toy");
  ASSERT_TRUE(toy) << toy.status().message();
  const auto a = train::train_parser(toy_options(*toy, (dir / "a.kgm").string()));
  ASSERT_TRUE(a) << a.status().message();
  const auto b = train::train_parser(toy_options(*toy, (dir / "b.kgm").string()));
  ASSERT_TRUE(b) << b.status().message();
  EXPECT_EQ(read_file(dir / "a.kgm"), read_file(dir / "b.kgm")) << "same data and seed must give the same bytes";

  // The loaded model parses its own training sentences exactly.
  const auto loaded = DependencyParser::load_file((dir / "a.kgm").string());
  ASSERT_TRUE(loaded) << loaded.status().message();
  expect_parses_toy_treebank(*loaded, *toy);
  fs::remove_all(dir);
}

TEST(ParserTraining, CompactFeatureSetRoundTrips) {
  const fs::path dir = temp_dir("compact");
  Result<Document> toy = read_conllu(kToyTreebank, "toy");
  ASSERT_TRUE(toy);
  train::ParserTrainingOptions o = toy_options(*toy, (dir / "c.kgm").string());
  o.feature_set = ParserFeatureSet::kCompact;
  ASSERT_TRUE(train::train_parser(o));
  const auto loaded = DependencyParser::load_file((dir / "c.kgm").string());
  ASSERT_TRUE(loaded) << loaded.status().message();
  EXPECT_EQ(loaded->feature_set(), ParserFeatureSet::kCompact);
  fs::remove_all(dir);
}

TEST(ParserTraining, CoarseTagFeatureSetRoundTripsAndUnknownSetsAreRefused) {
  const fs::path dir = temp_dir("coarse");
  Result<Document> toy = read_conllu(kToyTreebank, "toy");
  ASSERT_TRUE(toy);
  train::ParserTrainingOptions o = toy_options(*toy, (dir / "c.kgm").string());
  o.feature_set = ParserFeatureSet::kCompactCoarse;
  const auto trained = train::train_parser(o);
  ASSERT_TRUE(trained) << trained.status().message();
  const auto loaded = DependencyParser::load_file(o.output);
  ASSERT_TRUE(loaded) << loaded.status().message();
  EXPECT_EQ(loaded->feature_set(), ParserFeatureSet::kCompactCoarse);
  expect_parses_toy_treebank(*loaded, *toy);

  // The same weights under a feature-set number this build does not know.
  const std::string unknown = (dir / "unknown.kgm").string();
  ModelWriter w(kParserModelKind, kParserModelVersion);
  w.put_strings(trained->labels());
  w.put<uint8_t>(kLastParserFeatureSet + 1);
  w.put<uint8_t>(0);  // no clusters
  trained->model().save(w);
  ASSERT_TRUE(w.save(unknown));
  const auto refused = DependencyParser::load_file(unknown);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.status().message().find(unknown), std::string::npos) << refused.status().message();
  fs::remove_all(dir);
}

// Clusters of the toy words, made up for this test: names under 00,
// determiners under 01, verbs under 1.
WordClusters toy_clusters() {
  std::vector<std::string> words = {"Anna", "Mary", "Tom", "the", "a", "visited", "approved", "call"};
  std::vector<ClusterPath> paths = {{0b000, 3}, {0b001, 3}, {0b001, 3}, {0b010, 3},
                                    {0b011, 3}, {0b10, 2},  {0b11, 2},  {0b11, 2}};
  return WordClusters(std::move(words), std::move(paths));
}

TEST(ParserTraining, ClusterFeaturesRoundTripWithTheirClusters) {
  const fs::path dir = temp_dir("clusters");
  Result<Document> toy = read_conllu(kToyTreebank, "toy");
  ASSERT_TRUE(toy);
  train::ParserTrainingOptions o = toy_options(*toy, (dir / "a.kgm").string());
  o.clusters = toy_clusters();
  ASSERT_TRUE(train::train_parser(o));
  o.output = (dir / "b.kgm").string();
  ASSERT_TRUE(train::train_parser(o));
  EXPECT_EQ(read_file(dir / "a.kgm"), read_file(dir / "b.kgm")) << "same data and seed must give the same bytes";

  const auto loaded = DependencyParser::load_file((dir / "a.kgm").string());
  ASSERT_TRUE(loaded) << loaded.status().message();
  ASSERT_NE(loaded->clusters(), nullptr);
  EXPECT_EQ(loaded->clusters()->size(), 8u);
  EXPECT_EQ(loaded->clusters()->path("Mary"), (ClusterPath{0b001, 3}));
  expect_parses_toy_treebank(*loaded, *toy);

  // Without clusters the model saves none.
  o.clusters = WordClusters();
  o.output = (dir / "c.kgm").string();
  ASSERT_TRUE(train::train_parser(o));
  const auto plain = DependencyParser::load_file(o.output);
  ASSERT_TRUE(plain) << plain.status().message();
  EXPECT_EQ(plain->clusters(), nullptr);
  fs::remove_all(dir);
}

TEST(ParserTraining, JackknifedTagsKeepEverySentenceAndTree) {
  const std::string data = KG_SHARED_DATA;
  if (!fs::exists(data + "/ud/en_ewt-ud-train.conllu")) GTEST_SKIP() << "no " << data << "/ud (../shared/data is absent)";
  train::TrainOptions o;
  o.data_dir = data;
  // Only read: the fold taggers' trainer may use models trained before it
  // (clusters).
  o.out_dir = Pipeline::default_model_dir();
  o.max_sentences = 60;
  const auto docs = train::read_parser_training_data(o, 3);
  ASSERT_TRUE(docs) << docs.status().message();
  ASSERT_EQ(docs->size(), 3u);

  // The gold sentences, by id, of the first 60 of each training file.
  std::map<std::string, std::vector<std::tuple<std::string, int, std::string, std::string>>> gold;
  for (const char* file : {"ud/en_ewt-ud-train.conllu", "ud/en_gum-cc-by-train.conllu"}) {
    const auto doc = train::read_treebank(o, file);
    ASSERT_TRUE(doc) << doc.status().message();
    for (const Sentence& s : doc->sentences) {
      auto& words = gold[std::string(s.sent_id)];
      for (const Word& w : doc->words_of(s)) words.emplace_back(w.form, w.head, w.deprel, w.xpos);
    }
  }
  ASSERT_EQ(gold.size(), 120u);
  std::set<std::string> seen;
  size_t words = 0, retagged = 0;
  for (const Document& doc : *docs) {
    for (const Sentence& s : doc.sentences) {
      ASSERT_TRUE(seen.insert(std::string(s.sent_id)).second) << s.sent_id << " twice";
      const auto it = gold.find(std::string(s.sent_id));
      ASSERT_NE(it, gold.end()) << s.sent_id;
      const auto sentence = doc.words_of(s);
      ASSERT_EQ(sentence.size(), it->second.size()) << s.sent_id;
      for (size_t i = 0; i < sentence.size(); ++i) {
        const auto& [form, head, deprel, xpos] = it->second[i];
        EXPECT_EQ(sentence[i].form, form);
        EXPECT_EQ(sentence[i].head, head);
        EXPECT_EQ(sentence[i].deprel, deprel);
        EXPECT_FALSE(sentence[i].xpos.empty());
        retagged += sentence[i].xpos != xpos;
        ++words;
      }
    }
  }
  EXPECT_EQ(seen.size(), 120u);
  // Taggers trained on 80 sentences and tagging the 40 others make errors;
  // gold tags copied through would make none.
  EXPECT_GT(retagged, words / 50) << retagged << " of " << words << " tags differ from gold";
}

TEST(ParserModel, LoadsVersionOneFilesWithoutClusters) {
  const fs::path dir = temp_dir("v1");
  Result<Document> toy = read_conllu(kToyTreebank, "toy");
  ASSERT_TRUE(toy);
  const auto trained = train::train_parser(toy_options(*toy, ""));
  ASSERT_TRUE(trained);
  // Version 1 layout: labels, feature set, weights (no clusters field).
  ModelWriter w(kParserModelKind, 1);
  w.put_strings(trained->labels());
  w.put<uint8_t>(static_cast<uint8_t>(trained->feature_set()));
  trained->model().save(w);
  ASSERT_TRUE(w.save((dir / "v1.kgm").string()));
  const auto loaded = DependencyParser::load_file((dir / "v1.kgm").string());
  ASSERT_TRUE(loaded) << loaded.status().message();
  EXPECT_EQ(loaded->clusters(), nullptr);
  EXPECT_EQ(loaded->labels(), trained->labels());
  fs::remove_all(dir);
}

TEST(ParserTraining, MissingTreebankIsAnErrorNamingTheFile) {
  train::TrainOptions o;
  o.data_dir = "/nonexistent/data";
  o.out_dir = "/nonexistent/models";
  const Status st = train::train_parser(o);
  ASSERT_FALSE(st);
  EXPECT_NE(st.message().find("/nonexistent/data/ud/en_ewt-ud-train.conllu"), std::string::npos) << st.message();

  EXPECT_FALSE(train::train_parser(train::ParserTrainingOptions{}));  // no treebank at all
}

TEST(ParserModel, RefusesMissingDamagedAndForeignFiles) {
  const fs::path dir = temp_dir("bad");
  const std::string missing = (dir / "none.kgm").string();
  auto r = DependencyParser::load_file(missing);
  ASSERT_FALSE(r);
  EXPECT_NE(r.status().message().find(missing), std::string::npos) << r.status().message();

  const std::string garbage = (dir / "garbage.kgm").string();
  write_file(garbage, "this is not a model file");
  r = DependencyParser::load_file(garbage);
  ASSERT_FALSE(r);
  EXPECT_NE(r.status().message().find(garbage), std::string::npos) << r.status().message();

  // A valid container of another kind.
  const std::string foreign = (dir / "foreign.kgm").string();
  ModelWriter w("tagger", kParserModelVersion);
  w.put<uint32_t>(0);
  ASSERT_TRUE(w.save(foreign));
  r = DependencyParser::load_file(foreign);
  ASSERT_FALSE(r);
  EXPECT_NE(r.status().message().find(foreign), std::string::npos) << r.status().message();

  // The right kind with a truncated payload.
  const std::string truncated = (dir / "truncated.kgm").string();
  ModelWriter t(kParserModelKind, kParserModelVersion);
  t.put<uint64_t>(3);
  ASSERT_TRUE(t.save(truncated));
  r = DependencyParser::load_file(truncated);
  ASSERT_FALSE(r);
  EXPECT_NE(r.status().message().find(truncated), std::string::npos) << r.status().message();
  fs::remove_all(dir);
}

// The shipped models: the pipeline's tagger and the parser.
class ShippedParser : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string dir = Pipeline::default_model_dir();
    auto pipeline = Pipeline::load(dir);
    ASSERT_TRUE(pipeline) << pipeline.status().message();
    pipeline_ = new Pipeline(std::move(*pipeline));
    auto parser = DependencyParser::load_file(fmt::format("{}/{}", dir, kParserModelFile));
    ASSERT_TRUE(parser) << parser.status().message();
    parser_ = new DependencyParser(std::move(*parser));
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    delete parser_;
    pipeline_ = nullptr;
    parser_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(pipeline_, nullptr);
    ASSERT_NE(parser_, nullptr);
  }

  // Annotates `text`, which must be one sentence.
  static Document parse(std::string_view text) {
    Document doc = pipeline_->annotate(text);
    parser_->annotate(&doc);
    return doc;
  }

  static Pipeline* pipeline_;
  static DependencyParser* parser_;
};
Pipeline* ShippedParser::pipeline_ = nullptr;
DependencyParser* ShippedParser::parser_ = nullptr;

// Index of the word with this form in the document, or -1.
int find_word(const Document& doc, std::string_view form) {
  for (size_t i = 0; i < doc.words.size(); ++i) {
    if (doc.words[i].form == form) return static_cast<int>(i);
  }
  return -1;
}

// The word that stands for the whole name `i` belongs to: UD attaches the
// parts of a name (Joe <-flat- Biden) to its first word, which carries the
// name's relation to the rest of the sentence.
int name_head(const Document& doc, int i) {
  while (i >= 0 && doc.words[i].deprel == "flat") i = doc.words[i].head;
  return i;
}

// Asserts the arc head -label-> dep between the words (or the names they
// belong to) given by form, in a single-sentence document.
::testing::AssertionResult has_arc(const Document& doc, std::string_view head, std::string_view label,
                                   std::string_view dep) {
  const int h = find_word(doc, head), d = find_word(doc, dep);
  if (h < 0 || d < 0) return ::testing::AssertionFailure() << "missing word " << (h < 0 ? head : dep);
  const int hn = name_head(doc, h), dn = name_head(doc, d);
  if (dn < 0) return ::testing::AssertionFailure() << dep << " is the root";
  const Word& w = doc.words[dn];
  if (w.head == hn && w.deprel == label) return ::testing::AssertionSuccess();
  const std::string actual_head = w.head < 0 ? "ROOT" : std::string(doc.words[w.head].form);
  return ::testing::AssertionFailure() << "expected " << doc.words[hn].form << " -" << label << "-> "
                                       << w.form << ", got " << actual_head << " -" << w.deprel << "-> " << w.form;
}

// Key arcs of news sentences, as parsed by the shipped parser and its tree
// repairs.
TEST_F(ShippedParser, NewsRegressionSet) {
  {
    const Document doc = parse(
        "US President Joe Biden and Russian President Vladimir Putin spoke for two hours on Tuesday.");
    EXPECT_TRUE(has_arc(doc, "spoke", "nsubj", "Biden"));
    EXPECT_TRUE(has_arc(doc, "Biden", "conj", "Putin"));
    EXPECT_TRUE(has_arc(doc, "spoke", "obl", "hours"));
  }
  {
    const Document doc = parse(
        "During testimony to the Senate Foreign Relations Committee on Tuesday, Ms Victoria Nuland told "
        "senators that the pipeline would be suspended.");
    EXPECT_TRUE(has_arc(doc, "told", "nsubj", "Nuland"));
    EXPECT_TRUE(has_arc(doc, "told", "ccomp", "suspended"));
    EXPECT_TRUE(has_arc(doc, "suspended", "nsubj:pass", "pipeline"));
    EXPECT_TRUE(has_arc(doc, "testimony", "nmod", "Committee"));
  }
  {
    const Document doc = parse("The company said on Monday that its profits had fallen sharply.");
    EXPECT_TRUE(has_arc(doc, "said", "nsubj", "company"));
    EXPECT_TRUE(has_arc(doc, "said", "ccomp", "fallen"));
    EXPECT_TRUE(has_arc(doc, "fallen", "nsubj", "profits"));
  }
  {
    const Document doc = parse("The minister was criticised by opposition leaders.");
    EXPECT_TRUE(has_arc(doc, "criticised", "nsubj:pass", "minister"));
    EXPECT_TRUE(has_arc(doc, "criticised", "aux:pass", "was"));
  }
  {
    const Document doc = parse("Prime Minister Tony Blair will visit Washington next week.");
    EXPECT_TRUE(has_arc(doc, "visit", "nsubj", "Blair"));
    EXPECT_TRUE(has_arc(doc, "visit", "obj", "Washington"));
  }
  {
    const Document doc = parse("The firm, which makes mobile phones, reported record sales in Europe.");
    EXPECT_TRUE(has_arc(doc, "reported", "nsubj", "firm"));
    EXPECT_TRUE(has_arc(doc, "firm", "acl:relcl", "makes"));
    EXPECT_TRUE(has_arc(doc, "reported", "obj", "sales"));
  }
}

// Checks that the words of `s` form one tree: one root labelled "root",
// every other head inside the sentence, no cycles.
::testing::AssertionResult well_formed(const Document& doc, const Sentence& s) {
  const auto words = doc.words_of(s);
  const int n = static_cast<int>(words.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    const int h = words[i].head;
    if (h == -1) {
      ++roots;
      if (words[i].deprel != "root") return ::testing::AssertionFailure() << "root word labelled " << words[i].deprel;
      continue;
    }
    if (h < 0 || h >= n || h == i) return ::testing::AssertionFailure() << "word " << i << " has head " << h;
    if (words[i].deprel.empty() || words[i].deprel == "root") {
      return ::testing::AssertionFailure() << "word " << i << " labelled '" << words[i].deprel << "'";
    }
    int x = i, steps = 0;
    while (x != -1 && steps <= n) {
      x = words[x].head;
      ++steps;
    }
    if (x != -1) return ::testing::AssertionFailure() << "cycle through word " << i;
  }
  if (roots != 1) return ::testing::AssertionFailure() << roots << " roots";
  return ::testing::AssertionSuccess();
}

TEST_F(ShippedParser, OwnSentencesAreTrees) {
  const Document doc = parse(
      "Talks resumed. \"We are not there yet,\" she said, adding that more work - perhaps weeks of it - was "
      "needed!!! Why? Because... well. 42 U.S. officials, 3.5% of staff; see https://example.org/a?b=c. "
      "A. B. C. D.");
  ASSERT_GE(doc.sentences.size(), 3u);
  for (const Sentence& s : doc.sentences) EXPECT_TRUE(well_formed(doc, s)) << s.text;
}

TEST_F(ShippedParser, EveryEwtDevSentenceIsATree) {
  const std::string path = std::string(KG_SHARED_DATA) + "/ud/en_ewt-ud-dev.conllu";
  if (!fs::exists(path)) GTEST_SKIP() << "no " << path << " (../shared/data is absent)";
  Result<std::string> content = train::read_whole_file(path);
  ASSERT_TRUE(content) << content.status().message();
  Result<Document> doc = read_conllu(*content, path);
  ASSERT_TRUE(doc) << doc.status().message();
  for (Word& w : doc->words) {
    w.head = -5;
    w.deprel = "";
  }
  pipeline_->annotate(&*doc);  // predicted tags on gold tokens
  parser_->annotate(&*doc);
  size_t bad = 0;
  for (const Sentence& s : doc->sentences) {
    const auto ok = well_formed(*doc, s);
    if (!ok) {
      ++bad;
      ADD_FAILURE() << s.sent_id << ": " << ok.message();
    }
  }
  EXPECT_EQ(bad, 0u);
  EXPECT_EQ(doc->sentences.size(), 2001u);
}

}  // namespace
}  // namespace kg::nlp
