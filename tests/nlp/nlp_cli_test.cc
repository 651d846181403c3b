// kg nlp / kg eval ud / kg train on bad input, the UD scorer on small
// documents written here, and training determinism on a slice.
// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3.
#pragma GCC diagnostic ignored "-Wrestrict"
#include <filesystem>
#include <gtest/gtest.h>

#include "ingest/nlp/conllu.h"
#include "tests/nlp/cli_run.h"
#include "ingest/nlp/train/ud_eval.h"

namespace kg::nlp {
namespace {

using testing::run_kg;
using testing::slurp;
using testing::TempDir;

std::string quote(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

constexpr std::string_view kGold =
    "# newpar\n"
    "# text = Leaders can't agree.\n"
    "1\tLeaders\tleader\tNOUN\tNNS\tNumber=Plur\t4\tnsubj\t_\t_\n"
    "2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tca\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tagree\tagree\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# text = They left.\n"
    "1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct:x\t_\t_\n"
    "\n";

TEST(UdScorer, PerfectCopyScoresHundred) {
  auto gold = read_conllu(kGold, "gold");
  auto system = read_conllu(kGold, "system");
  ASSERT_TRUE(gold.is_ok() && system.is_ok());
  auto scores = train::score_ud(*gold, *system);
  ASSERT_TRUE(scores.is_ok()) << scores.status().message();
  for (const char* m : {"Tokens", "Sentences", "Words", "UPOS", "XPOS", "Lemmas", "UAS", "LAS"}) {
    ASSERT_NE(scores->find(m), nullptr) << m;
    EXPECT_DOUBLE_EQ(scores->find(m)->f1(), 100.0) << m;
  }
  EXPECT_EQ(scores->find("Tokens")->gold, 7u);  // "can't" is one token
  EXPECT_EQ(scores->find("Words")->gold, 8u);
}

TEST(UdScorer, CountsErrorsPerMetric) {
  // One sentence instead of two, "can't" split without a multiword token,
  // one wrong tag, one wrong lemma, one wrong head, one wrong label.
  const std::string system_text =
      "# text = Leaders can't agree. They left.\n"
      "1\tLeaders\tleader\tNOUN\tNNS\t_\t4\tnsubj\t_\t_\n"
      "2\tca\tcan\tAUX\tMD\t_\t4\taux\t_\tSpaceAfter=No\n"
      "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
      "4\tagree\tagree\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
      "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
      "6\tThey\tthey\tPRON\tPRP\t_\t7\tnsubj\t_\t_\n"
      "7\tleft\tleft\tADJ\tJJ\t_\t4\tparataxis\t_\tSpaceAfter=No\n"
      "8\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_\n"
      "\n";
  auto gold = read_conllu(kGold, "gold");
  auto system = read_conllu(system_text, "system");
  ASSERT_TRUE(gold.is_ok() && system.is_ok());
  auto s = train::score_ud(*gold, *system);
  ASSERT_TRUE(s.is_ok()) << s.status().message();
  // Tokens: gold 7 (can't whole), system 8 (ca, n't); 6 match.
  EXPECT_EQ(s->find("Tokens")->correct, 6u);
  EXPECT_EQ(s->find("Sentences")->correct, 0u);
  EXPECT_EQ(s->find("Words")->correct, 8u);  // ca and n't align inside the multiword region
  EXPECT_EQ(s->find("UPOS")->correct, 7u);
  EXPECT_EQ(s->find("Lemmas")->correct, 7u);
  // Heads: gold "Leaders" -> agree(4) matches; "left" is a root in gold but
  // not in the system, "They"->left ok, "." of sentence 2 ok.
  EXPECT_EQ(s->find("UAS")->correct, 7u);
  EXPECT_EQ(s->find("LAS")->correct, 7u);  // punct:x vs punct compare equal (universal part)
}

TEST(UdScorer, RefusesDifferentTexts) {
  auto gold = read_conllu(kGold, "gold");
  auto other = read_conllu("1\tSomething\t_\tX\t_\t_\t_\t_\t_\t_\n\n", "other");
  ASSERT_TRUE(gold.is_ok() && other.is_ok());
  auto s = train::score_ud(*gold, *other);
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.status().message().find("differ"), std::string::npos);
}

TEST(NlpCli, MalformedConlluGivesFileAndLine) {
  TempDir dir("kg_nlp_cli_bad");
  const auto bad = dir / "bad.conllu";
  std::ofstream(bad) << "# text = Hi there\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n2\tthere\tthere\n\n";
  auto r = run_kg("nlp --input conllu " + quote(bad), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.conllu:3:"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one-line error expected: " << r.err;

  r = run_kg("eval ud --gold " + quote(bad) + " --system " + quote(bad), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.conllu:3:"), std::string::npos) << r.err;

  std::ofstream(bad) << "1\tHi\thi\tNOPE\tUH\t_\t0\troot\t_\t_\n\n";
  r = run_kg("nlp --input conllu " + quote(bad), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.conllu:1:"), std::string::npos) << r.err;
}

TEST(NlpCli, MissingFilesAreUserErrors) {
  TempDir dir("kg_nlp_cli_missing");
  auto r = run_kg("nlp " + quote(dir / "nope.txt"), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nope.txt"), std::string::npos);
  r = run_kg("eval ud --gold " + quote(dir / "nope.conllu") + " --system x", dir);
  EXPECT_EQ(r.exit_code, 1);
}

TEST(NlpCli, AnnotatesRawTextIntoConllu) {
  TempDir dir("kg_nlp_cli_text");
  const auto text = dir / "article.txt";
  std::ofstream(text) << "Leaders can't agree.\n\nThey left on Monday.\n";
  auto r = run_kg("nlp --input text " + quote(text), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("# text = Leaders can't agree."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("# sent_id = 2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2-3\tcan't"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\tagree\tVERB\tVB\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("SpaceAfter=No"), std::string::npos) << r.out;
  auto back = read_conllu(r.out, "output");
  ASSERT_TRUE(back.is_ok()) << back.status().message();
  EXPECT_EQ(back->sentences.size(), 2u);
  EXPECT_TRUE(back->sentences[1].new_paragraph);
}

TEST(NlpCli, KeepTagsKeepsTheInputTagsAndParsesOverThem) {
  TempDir dir("kg_nlp_cli_keep_tags");
  const auto in = dir / "tagged.conllu";
  // "left" tagged as an adjective with an odd lemma: a tagger would not say
  // so, and --keep-tags must not overrule it. Heads and labels are cleared.
  std::ofstream(in) << "# text = They left.\n"
                       "1\tThey\tthey\tPRON\tPRP\tCase=Nom\t0\tdep\t_\t_\n"
                       "2\tleft\tleft-lemma\tADJ\tJJ\tDegree=Pos\t0\tdep\t_\tSpaceAfter=No\n"
                       "3\t.\t.\tPUNCT\t.\t_\t0\tdep\t_\t_\n\n";
  auto kept = run_kg("nlp --input conllu --keep-tags " + quote(in), dir);
  ASSERT_EQ(kept.exit_code, 0) << kept.err;
  auto doc = read_conllu(kept.out, "kept");
  ASSERT_TRUE(doc.is_ok()) << doc.status().message();
  ASSERT_EQ(doc->words.size(), 3u);
  EXPECT_EQ(doc->words[1].upos, UPos::ADJ);
  EXPECT_EQ(doc->words[1].xpos, "JJ");
  EXPECT_EQ(doc->words[1].lemma, "left-lemma");
  EXPECT_EQ(doc->words[1].feats, "Degree=Pos");
  int roots = 0;
  for (const Word& w : doc->words) {
    roots += w.head == -1 ? 1 : 0;
    EXPECT_NE(w.deprel, "dep") << w.form << ": the input's label was kept";
  }
  EXPECT_EQ(roots, 1);

  auto retagged = run_kg("nlp --input conllu " + quote(in), dir);
  ASSERT_EQ(retagged.exit_code, 0) << retagged.err;
  auto fresh = read_conllu(retagged.out, "retagged");
  ASSERT_TRUE(fresh.is_ok()) << fresh.status().message();
  EXPECT_EQ(fresh->words[1].upos, UPos::VERB);
  EXPECT_EQ(fresh->words[1].lemma, "leave");

  auto r = run_kg("nlp --keep-tags " + quote(in), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--keep-tags needs --input conllu"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one-line error expected: " << r.err;
}

TEST(NerEvalCli, ScoresAgainstGoldWithNerTags) {
  TempDir dir("ner_eval_kg");
  // Gold and system in the format `kg nlp` writes; the system misses Oslo.
  const std::string gold =
      "# text = Lily Allen left Oslo\n"
      "1\tLily\t_\tPROPN\tNNP\t_\t3\tnsubj\t_\tNER=B-PERSON\n"
      "2\tAllen\t_\tPROPN\tNNP\t_\t1\tflat\t_\tNER=L-PERSON\n"
      "3\tleft\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tOslo\t_\tPROPN\tNNP\t_\t3\tobj\t_\tNER=U-LOC\n"
      "\n";
  std::string system = gold;
  system.replace(system.find("NER=U-LOC"), 9, "_");
  std::ofstream(dir / "gold.conllu") << gold;
  std::ofstream(dir / "system.conllu") << system;
  for (const char* format : {"", " --gold-format kg"}) {
    const auto r = run_kg(std::string("eval ner --json") + format + " --gold " + quote(dir / "gold.conllu") +
                              " --system " + quote(dir / "system.conllu"),
                          dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("\"gold\": 2"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"correct\": 1"), std::string::npos) << r.out;
  }
  // Read as GUM, the same file has no Entity= annotation: no gold names.
  const auto gum = run_kg("eval ner --json --gold-format gum --gold " + quote(dir / "gold.conllu") +
                              " --system " + quote(dir / "system.conllu"),
                          dir);
  ASSERT_EQ(gum.exit_code, 0) << gum.err;
  EXPECT_EQ(gum.out.find("\"gold\": 2"), std::string::npos) << gum.out;
}

TEST(Training, SameDataSameBytes) {
  const std::string data = KG_SHARED_DATA;
  if (!std::filesystem::exists(data + "/ud/en_ewt-ud-train.conllu")) GTEST_SKIP() << "no ../shared/data at " << data;
  TempDir dir("kg_train_determinism");
  for (const char* out : {"a", "b"}) {
    std::filesystem::create_directories(dir / out);
    const auto r = run_kg("train --max-sentences 400 --data " + quote(data) + " --out " + quote(dir / out), dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  for (const char* file : {"tokenizer.kgm", "tagger.kgm", "lemmatizer.kgm"}) {
    const std::string a = slurp(dir / "a" / file), b = slurp(dir / "b" / file);
    EXPECT_FALSE(a.empty()) << file;
    EXPECT_TRUE(a == b) << file << " differs between two runs";
  }
}

TEST(Training, MissingDataIsAUserError) {
  TempDir dir("kg_train_missing");
  const auto r = run_kg("train --data " + quote(dir / "none") + " --out " + quote(dir.path()), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("en_ewt-ud-train.conllu"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kg::nlp
