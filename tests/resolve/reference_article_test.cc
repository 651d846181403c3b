// The reference article and the GUM coreference floor, on the shipped
// models and ../shared/data; both skip, saying why, where either is absent.
#include <gtest/gtest.h>

#include <array>
#include <map>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ingest/nlp/nlp.h"
#include "ingest/resolve/resolve.h"

namespace kg::resolve {
namespace {

const std::string kShared = KG_SHARED_DATA;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool models_present() {
  return std::filesystem::exists(std::filesystem::path(nlp::Pipeline::default_model_dir()) / "ner.kgm");
}

// Disabled until issues 6/8: passes with the development models, fails with the shipped NER model; re-enable when it passes.
TEST(ReferenceArticle, OnePersonEntityPerPersonWithShortFormsAsAliases) {
  const std::string path = kShared + "/articles/biden-putin-call.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path << " (../shared/data is absent)";
  if (!models_present()) GTEST_SKIP() << "no trained models in " << nlp::Pipeline::default_model_dir();
  Result<nlp::Pipeline> pipeline = nlp::Pipeline::load(nlp::Pipeline::default_model_dir());
  ASSERT_TRUE(pipeline) << pipeline.status().message();
  const nlp::Document doc = pipeline->annotate(read_file(path));
  const DocumentEntities e = resolve_document(doc);

  std::map<std::string, const Cluster*> people;
  for (const Cluster& c : e.clusters) {
    if (c.type != nlp::EntityType::kPerson) continue;
    EXPECT_TRUE(people.emplace(c.name, &c).second) << "two PERSON entities named " << c.name;
  }
  for (const char* name : {"Joe Biden", "Vladimir Putin", "Jake Sullivan", "Victoria Nuland"}) {
    EXPECT_TRUE(people.count(name)) << name;
  }
  for (const char* name : {"Mr Biden", "Biden", "Mr Putin", "Putin", "the Russian leader", "Mr Sullivan"}) {
    EXPECT_FALSE(people.count(name)) << "a separate entity named " << name;
  }
  const auto has_alias = [&](const char* person, const char* alias) {
    if (!people.count(person)) return false;
    for (const auto& [a, n] : people[person]->aliases) {
      if (a == alias) return true;
    }
    return false;
  };
  EXPECT_TRUE(has_alias("Joe Biden", "Mr Biden"));
  EXPECT_TRUE(has_alias("Vladimir Putin", "Mr Putin"));
  EXPECT_TRUE(has_alias("Jake Sullivan", "Mr Sullivan"));

  // "the Russian leader" and "he" (in "which he said was building up")
  // are Vladimir Putin.
  size_t leader = 0, leader_putin = 0;
  for (const Mention& m : e.mentions) {
    if (m.kind != MentionKind::kDescription || m.text != "the Russian leader") continue;
    ++leader;
    leader_putin += m.cluster >= 0 && e.clusters[m.cluster].name == "Vladimir Putin";
  }
  EXPECT_EQ(leader, 2u);
  EXPECT_EQ(leader_putin, 2u);
  bool found_he = false;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const auto words = doc.words_of(doc.sentences[s]);
    for (uint32_t w = 1; w + 1 < words.size(); ++w) {
      if (words[w].form == "he" && words[w - 1].form == "which" && words[w + 1].form == "said") {
        found_he = true;
        const int32_t c = e.cluster_at(s, w);
        ASSERT_GE(c, 0);
        EXPECT_EQ(e.clusters[c].name, "Vladimir Putin");
      }
    }
  }
  EXPECT_TRUE(found_he);

  // Titles split off as facts.
  bool biden_president = false;
  for (const TitleFact& t : e.titles) {
    biden_president = biden_president || (e.clusters[t.cluster].name == "Joe Biden" && t.title == "US President");
  }
  EXPECT_TRUE(biden_president);
}

// CoNLL F1 >= 55 on en_gum-cc-by-test, restricted as the issue says
// (tools/train/coref_eval.h), with kg's own annotation of the gold words.
TEST(GumCoreference, ConllF1Floor) {
  const std::string gold = kShared + "/ud/en_gum-cc-by-test.conllu";
  if (!std::filesystem::exists(gold)) GTEST_SKIP() << "no " << gold << " (../shared/data is absent)";
  if (!models_present()) GTEST_SKIP() << "no trained models in " << nlp::Pipeline::default_model_dir();
  if (!std::filesystem::exists(KG_BINARY)) GTEST_SKIP() << "no kg binary at " << KG_BINARY << " (make build)";
  const std::string command = std::string(KG_BINARY) + " eval coref --json --gold '" + gold + "'";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  std::array<char, 4096> buf;
  while (size_t n = fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
  ASSERT_EQ(pclose(pipe), 0) << out;
  const nlohmann::json j = nlohmann::json::parse(out);
  EXPECT_GE(j.at("conll_f1").get<double>(), 55.0) << out;
}

}  // namespace
}  // namespace kg::resolve
