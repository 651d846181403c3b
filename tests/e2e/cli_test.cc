// The kg command line end to end, in a temporary directory: ingest the
// examples, read them back (stats, entity, export, extract), and every
// bad-input case (one-line message, exit 1, store unchanged).
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/support.h"

namespace {

namespace fs = std::filesystem;

struct Outcome {
  int exit_code = -1;
  std::string out, err;
};

using kg::testing::slurp;
// Quoted for /bin/sh.
std::string quote(const std::string& s) { return kg::testing::shell_quote(s); }

size_t count_lines(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

class CliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = fs::temp_directory_path() / ("kg_e2e_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
    // One store with the examples, shared by the read-only tests.
    examples_db_ = (root_ / "examples.db").string();
    const Outcome r = kg(examples_db_, {"ingest", "--quiet", std::string(KG_SOURCE_DIR) + "/examples"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    first_ingest_out_ = r.out;
  }
  static void TearDownTestSuite() { fs::remove_all(root_); }

  // Runs kg with `args` (and optional stdin bytes) and captures everything.
  static Outcome kg(const std::string& db, const std::vector<std::string>& args, const std::string* input = nullptr) {
    static int counter = 0;
    const fs::path out = root_ / ("out" + std::to_string(++counter));
    const fs::path err = root_ / ("err" + std::to_string(counter));
    std::string cmd = quote(KG_BINARY);
    // Appended piecewise: `" " + quote(a)` trips GCC 12's -Wrestrict false positive at -O3.
    if (!db.empty()) cmd.append(" --db ").append(quote(db));
    for (const std::string& a : args) cmd.append(" ").append(quote(a));
    if (input) {
      const fs::path in = root_ / ("in" + std::to_string(counter));
      std::ofstream(in, std::ios::binary) << *input;
      cmd += " < " + quote(in.string());
    } else {
      cmd += " < /dev/null";
    }
    cmd += " > " + quote(out.string()) + " 2> " + quote(err.string());
    const int status = std::system(cmd.c_str());
    Outcome r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }

  static std::string write(const std::string& name, const std::string& bytes) {
    const fs::path p = root_ / "inputs" / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  static nlohmann::json stats_of(const std::string& db) {
    const Outcome r = kg(db, {"stats", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }

  // The bad-input contract: exit 1, exactly one line on stderr containing
  // `message`, nothing on stdout, and the examples store exactly as before.
  static void expect_refused(const std::vector<std::string>& args, const std::string& message,
                             const std::string* input = nullptr) {
    const nlohmann::json before = stats_of(examples_db_);
    const Outcome r = kg(examples_db_, args, input);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(count_lines(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << "stderr: " << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(stats_of(examples_db_), before);
    // A fresh store is not even created.
    const std::string fresh = (root_ / "never-created.db").string();
    const Outcome f = kg(fresh, args, input);
    EXPECT_EQ(f.exit_code, 1);
    EXPECT_FALSE(fs::exists(fresh));
  }

  static void expect_record_path_matches_ingest(const std::string& name, const std::vector<std::string>& ingest_args,
                                                const std::vector<std::string>& articles);

  static fs::path root_;
  static std::string examples_db_;
  static std::string first_ingest_out_;
};

fs::path CliTest::root_;
std::string CliTest::examples_db_;
std::string CliTest::first_ingest_out_;

TEST_F(CliTest, IngestingTheExamplesReportsWhatItFound) {
  EXPECT_TRUE(first_ingest_out_.starts_with("ingested 5 articles (0 already in the store): ")) << first_ingest_out_;
  const nlohmann::json s = stats_of(examples_db_);
  EXPECT_EQ(s["documents"], 5);
  EXPECT_GT(s["sentences"].get<int>(), 50);
  EXPECT_GT(s["entities"].get<int>(), 20);
  EXPECT_GT(s["edges"].get<int>(), 10);
  EXPECT_GT(s["evidence"].get<int>(), 10);
  EXPECT_GT(s["entities_by_type"]["PERSON"].get<int>(), 5);
  EXPECT_GT(s["entities_by_type"]["ORG"].get<int>(), 3);
  EXPECT_GT(s["entities_by_type"]["LOC"].get<int>(), 3);
}

TEST_F(CliTest, IngestingAgainChangesNothing) {
  const nlohmann::json before = stats_of(examples_db_);
  const Outcome r = kg(examples_db_, {"ingest", "--quiet", std::string(KG_SOURCE_DIR) + "/examples"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("ingested 5 articles (5 already in the store): 0 sentences")) << r.out;
  EXPECT_EQ(stats_of(examples_db_), before);
}

// Disabled until issue 6: the shipped NER tags Keller as ORG and splits Lucia Andrade; re-enable when it passes.
TEST_F(CliTest, EntityFindsAPersonBySurname) {
  const Outcome r = kg(examples_db_, {"entity", "Keller"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("Martin Keller (PERSON, ")) << r.out;
  // The baseline keeps the surface verb ("spoke with"); the parser-based
  // extractor its lemma phrase ("speak with").
  EXPECT_TRUE(r.out.find("spoke with") != std::string::npos || r.out.find("speak with") != std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Lucia Andrade"), std::string::npos) << r.out;

  const Outcome j = kg(examples_db_, {"entity", "martin keller", "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  const nlohmann::json e = nlohmann::json::parse(j.out);
  EXPECT_EQ(e["name"], "Martin Keller");
  EXPECT_EQ(e["type"], "PERSON");
  EXPECT_GE(e["degree"].get<int>(), 3);
  bool title = false, call = false;
  for (const auto& edge : e["out"]) {
    title |= edge["relation"] == "have title" && edge["object"] == "German Chancellor";
    call |= (edge["relation"] == "spoke with" || edge["relation"] == "speak with") && edge["object"] == "Lucia Andrade";
  }
  // "speak with" is symmetric, stored once in name order: Andrade -> Keller.
  for (const auto& edge : e["in"]) {
    call |= edge["relation"] == "speak with" && edge["subject"] == "Lucia Andrade";
  }
  EXPECT_TRUE(title) << j.out;
  EXPECT_TRUE(call) << j.out;
}

TEST_F(CliTest, UnknownEntityIsAUserError) {
  const Outcome r = kg(examples_db_, {"entity", "Nobody Anywhere"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no entity named \"Nobody Anywhere\""), std::string::npos) << r.err;
  EXPECT_EQ(count_lines(r.err), 1u);
}

TEST_F(CliTest, DotExportIsAcceptedByGraphviz) {
  const std::string dot = (root_ / "graph.dot").string();
  const Outcome r = kg(examples_db_, {"export", "--format", "dot", "-o", dot});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = slurp(dot);
  EXPECT_NE(text.find("digraph"), std::string::npos);
  EXPECT_NE(text.find("Martin Keller"), std::string::npos);
  if (std::system("command -v dot > /dev/null 2>&1") != 0) GTEST_SKIP() << "graphviz 'dot' is not installed";
  const std::string svg = (root_ / "graph.svg").string();
  const int status = std::system(("dot -Tsvg " + quote(dot) + " -o " + quote(svg) + " 2>/dev/null").c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_NE(slurp(svg).find("<svg"), std::string::npos);
}

TEST_F(CliTest, JsonExportParsesAndHoldsTheExamples) {
  const Outcome r = kg(examples_db_, {"export", "--format", "json", "--all"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json g = nlohmann::json::parse(r.out);
  ASSERT_TRUE(g["nodes"].is_array());
  ASSERT_TRUE(g["edges"].is_array());
  EXPECT_EQ(g["nodes"].size(), stats_of(examples_db_)["entities"].get<size_t>());
  EXPECT_EQ(g["edges"].size(), stats_of(examples_db_)["edges"].get<size_t>());
}

TEST_F(CliTest, StdinIsAnArticle) {
  const std::string db = (root_ / "stdin.db").string();
  const std::string text = "Dutch Finance Minister Karin Mol met Lars Eik in Oslo. Mol thanked Lars Eik.\n";
  const Outcome r = kg(db, {"ingest", "--quiet", "-"}, &text);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("ingested 1 article (0 already in the store): 2 sentences")) << r.out;
  const Outcome e = kg(db, {"entity", "Mol", "--json"});
  ASSERT_EQ(e.exit_code, 0) << e.err;
  EXPECT_EQ(nlohmann::json::parse(e.out)["name"], "Karin Mol");
}

// `kg extract --format jsonl` prints one record line per article; its tsv
// prints the same records' facts by name, so the two formats agree.
TEST_F(CliTest, ExtractTsvListsTheFactsOfTheJsonlRecords) {
  const std::string examples = std::string(KG_SOURCE_DIR) + "/examples";
  const Outcome x = kg("", {"extract", "--format", "jsonl", examples});
  ASSERT_EQ(x.exit_code, 0) << x.err;
  std::string facts_by_name;
  size_t lines = 0;
  std::istringstream in(x.out);
  for (std::string line; std::getline(in, line); ++lines) {
    const nlohmann::json r = nlohmann::json::parse(line);
    EXPECT_EQ(r["kg_record"], 1) << line;
    EXPECT_TRUE(r["extractor"] == "baseline" || r["extractor"] == "parser") << line;
    for (const nlohmann::json& f : r["facts"]) {
      facts_by_name += r["entities"][f["subject"].get<size_t>()]["name"].get<std::string>() + '\t' +
                       f["relation"].get<std::string>() + '\t' +
                       r["entities"][f["object"].get<size_t>()]["name"].get<std::string>() + '\n';
    }
  }
  EXPECT_EQ(lines, 5u);
  EXPECT_GT(count_lines(facts_by_name), 10u);
  const Outcome tsv = kg("", {"extract", "--format", "tsv", examples});
  ASSERT_EQ(tsv.exit_code, 0) << tsv.err;
  EXPECT_EQ(tsv.out, facts_by_name);
}

// Sets an environment variable for the kg runs of one test.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) { ::setenv(name, value.c_str(), 1); }
  ~ScopedEnv() { ::unsetenv(name_); }

 private:
  const char* name_;
};

// What makes two stores the same graph for a reader: the JSON export and the stats.
std::string graph_and_stats(const std::string& db) {
  std::string both;
  for (const std::vector<std::string>& args : {std::vector<std::string>{"export", "--format", "json", "--all"},
                                               std::vector<std::string>{"stats"}}) {
    std::string cmd = quote(KG_BINARY) + " --db " + quote(db);
    for (const std::string& a : args) cmd.append(" ").append(quote(a));
    const fs::path out = fs::path(db).parent_path() / (fs::path(db).filename().string() + ".out");
    EXPECT_EQ(std::system((cmd + " > " + quote(out.string())).c_str()), 0) << cmd;
    both += slurp(out);
  }
  return both;
}

// The scale-out recipe builds the store `kg ingest` builds: `kg extract
// --format jsonl` of the articles, in one run or in two shards, then
// `kg ingest --triples` of the lines gives the same export, stats and summary.
void CliTest::expect_record_path_matches_ingest(const std::string& name, const std::vector<std::string>& ingest_args,
                                                const std::vector<std::string>& articles) {
  const auto with = [](std::vector<std::string> head, const std::vector<std::string>& tail) {
    head.insert(head.end(), tail.begin(), tail.end());
    return head;
  };
  const std::string direct = (root_ / (name + "-ingest.db")).string();
  const Outcome a = kg(direct, with({"ingest", "--quiet"}, ingest_args));
  ASSERT_EQ(a.exit_code, 0) << a.err;
  const std::string expected = graph_and_stats(direct);

  const Outcome x = kg("", with({"extract", "--format", "jsonl"}, articles));
  ASSERT_EQ(x.exit_code, 0) << x.err;
  const std::string one_run = (root_ / (name + "-one-run.db")).string();
  const Outcome b = kg(one_run, {"ingest", "--quiet", "--triples", write(name + ".jsonl", x.out)});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_EQ(b.out, a.out);
  EXPECT_EQ(graph_and_stats(one_run), expected);

  // Extraction is a pure function of each article: the shards' lines are the one run's, split.
  const auto middle = articles.begin() + static_cast<std::ptrdiff_t>(articles.size() / 2);
  const Outcome x1 = kg("", with({"extract", "--format", "jsonl"}, {articles.begin(), middle}));
  const Outcome x2 = kg("", with({"extract", "--format", "jsonl"}, {middle, articles.end()}));
  ASSERT_EQ(x1.exit_code, 0) << x1.err;
  ASSERT_EQ(x2.exit_code, 0) << x2.err;
  EXPECT_EQ(x1.out + x2.out, x.out);
  const std::string shards = (root_ / (name + "-shards.db")).string();
  for (const auto& [shard, lines] : {std::pair{"shard-1", x1.out}, std::pair{"shard-2", x2.out}}) {
    const Outcome r = kg(shards, {"ingest", "--quiet", "--triples", write(name + "-" + shard + ".jsonl", lines)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  EXPECT_EQ(graph_and_stats(shards), expected);

  // Same documents, same content: ingesting the articles now changes nothing.
  const Outcome again = kg(shards, with({"ingest", "--quiet"}, ingest_args));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(again.out.find(" already in the store): 0 sentences, 0 new entities, 0 facts") != std::string::npos)
      << again.out;
  EXPECT_EQ(graph_and_stats(shards), expected);
}

// The files of a directory, sorted: how `kg ingest DIR` orders them.
std::vector<std::string> sorted_files(const fs::path& dir, size_t at_most = SIZE_MAX) {
  std::vector<std::string> files;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file()) files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  if (files.size() > at_most) files.resize(at_most);
  return files;
}

TEST_F(CliTest, ExtractedRecordsIngestToTheSameStoreAsTheExamples) {
  const std::string examples = std::string(KG_SOURCE_DIR) + "/examples";
  expect_record_path_matches_ingest("examples", {examples}, sorted_files(examples));
}

// The baseline (no parser model) goes through the same record path.
TEST_F(CliTest, BaselineRecordsIngestToTheSameStoreAsTheExamples) {
  const fs::path no_models = root_ / "no-models";
  fs::create_directories(no_models);
  const ScopedEnv models("KG_MODELS", no_models.string());
  const std::string examples = std::string(KG_SOURCE_DIR) + "/examples";
  const Outcome x = kg("", {"extract", "--format", "jsonl", examples + "/port-strike.txt"});
  EXPECT_NE(x.out.find("\"extractor\":\"baseline\""), std::string::npos) << x.out;
  expect_record_path_matches_ingest("baseline", {examples}, sorted_files(examples));
}

TEST_F(CliTest, ExtractedRecordsIngestToTheSameStoreOnBbcPolitics) {
  const fs::path politics = fs::path(KG_SHARED_DATA) / "news" / "bbc" / "politics";
  if (!fs::is_directory(politics)) GTEST_SKIP() << politics.string() << " is absent (../shared/data not mounted)";
  const std::vector<std::string> articles = sorted_files(politics, 100);
  ASSERT_EQ(articles.size(), 100u);
  expect_record_path_matches_ingest("bbc", articles, articles);
}

// Disabled until issue 6/7: the parser path names the node 'Brazilian Lucia Andrade'; re-enable when it passes.
TEST_F(CliTest, ExtractTsvHasThreeFieldsAndLoadsAsTriples) {
  const Outcome x = kg("", {"extract", std::string(KG_SOURCE_DIR) + "/examples/keller-andrade-call.md"});
  ASSERT_EQ(x.exit_code, 0) << x.err;
  std::istringstream in(x.out);
  size_t lines = 0;
  for (std::string line; std::getline(in, line); ++lines) {
    EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 2) << line;
  }
  ASSERT_GT(lines, 5u);
  // Either extractor finds the call; the relation's wording is theirs.
  EXPECT_NE(x.out.find("Martin Keller\t"), std::string::npos) << x.out;
  EXPECT_NE(x.out.find("\tLucia Andrade\n"), std::string::npos) << x.out;
  const std::string tsv = write("call.tsv", x.out);
  const std::string db = (root_ / "tsv.db").string();
  const Outcome r = kg(db, {"ingest", "--quiet", "--triples", tsv});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(stats_of(db)["evidence"].get<size_t>(), lines);
}

TEST_F(CliTest, CarbFormatHasSentenceConfidenceRelationArguments) {
  const std::string input = "Lena Ortiz phoned Paul Weiss on Monday.\nNothing here.\n";
  const Outcome x = kg("", {"extract", "--format", "carb"}, &input);
  ASSERT_EQ(x.exit_code, 0) << x.err;
  // sentence, confidence, relation, arg1, arg2: every line about the one
  // sentence that has a fact.
  std::istringstream in(x.out);
  size_t lines = 0;
  for (std::string line; std::getline(in, line); ++lines) {
    std::vector<std::string> fields;
    std::istringstream cols(line);
    for (std::string f; std::getline(cols, f, '\t');) fields.push_back(f);
    ASSERT_GE(fields.size(), 5u) << line;
    EXPECT_EQ(fields[0], "Lena Ortiz phoned Paul Weiss on Monday.");
    const double confidence = std::stod(fields[1]);
    EXPECT_GT(confidence, 0.0);
    EXPECT_LE(confidence, 1.0);
    EXPECT_NE(fields[2], "");
  }
  EXPECT_GE(lines, 1u);
  EXPECT_NE(x.out.find("\tLena Ortiz\t"), std::string::npos) << x.out;
}

// --- bad input ---------------------------------------------------------------

TEST_F(CliTest, MissingPathIsRefused) {
  const std::string path = (root_ / "inputs" / "missing.txt").string();
  expect_refused({"ingest", path}, path + ": no such file or directory");
}

TEST_F(CliTest, EmptyFileIsRefused) {
  const std::string path = write("empty.txt", "");
  expect_refused({"ingest", path}, path + ": empty file, nothing to ingest");
}

TEST_F(CliTest, BinaryFileIsRefused) {
  const std::string path = write("blob.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16));
  expect_refused({"ingest", path}, path + ": binary data, not text");
}

TEST_F(CliTest, InvalidUtf8IsRefusedWithTheByte) {
  const std::string path = write("latin1.md", "# Title\n\nS\xe3o Paulo votes.\n");
  expect_refused({"ingest", path}, path + ": invalid UTF-8 at byte 11 (counting from 1); for legacy text give "
                                          "--encoding latin1, cp1252 or auto");
}

TEST_F(CliTest, ExplicitFileWithAnotherExtensionIsRefused) {
  const std::string path = write("parties.csv", "name,party\nBlair,Labour\n");
  expect_refused({"ingest", path}, path + ": not an article extension (kg reads .txt .md .markdown .html .htm .jsonl)");
}

TEST_F(CliTest, UnknownEncodingAndProgressStyleAreRefused) {
  const std::string good = write("fine.txt", "Lena Ortiz phoned Paul Weiss.\n");
  expect_refused({"ingest", "--encoding", "ebcdic", good}, "unknown encoding \"ebcdic\"");
  expect_refused({"ingest", "--progress", "fancy", good}, "unknown progress style \"fancy\": use auto, line, plain or none");
}

TEST_F(CliTest, MalformedJsonlIsRefusedWithTheLine) {
  const std::string path = write("bad.jsonl", "{\"text\": \"Fine.\"}\n{\"text\": }\n");
  expect_refused({"ingest", path}, path + ":2: malformed JSON: ");
}

TEST_F(CliTest, HugeFileIsRefusedBeforeReading) {
  const std::string path = write("huge.txt", "x");
  fs::resize_file(path, (size_t{64} << 20) + 1);  // sparse: costs no disk
  expect_refused({"ingest", path}, path + ": 64.0 MiB is over the limit of 64.0 MiB per input");
}

TEST_F(CliTest, OneBadFileRefusesTheWholeBatch) {
  const std::string good = write("good.txt", "Lena Ortiz phoned Paul Weiss.\n");
  const std::string bad = write("bad.txt", "");
  expect_refused({"ingest", good, bad}, bad + ": empty file, nothing to ingest; batch refused, nothing ingested: "
                                              "1 of 2 inputs is bad (--skip-bad ingests the other 1)");
}

// --skip-bad commits the good inputs, lists each bad one on stderr and exits
// 3: neither success nor a refused batch.
TEST_F(CliTest, SkipBadIngestsTheGoodInputsAndExitsThree) {
  const std::string db = (root_ / "skip-bad.db").string();
  const std::string good = write("skip/good.txt", "Lena Ortiz phoned Paul Weiss in Berlin.\n");
  const std::string empty = write("skip/empty.txt", "");
  const std::string latin1 = write("skip/latin1.txt", "Caf\xe9 owners met Paul Weiss.\n");
  const Outcome r = kg(db, {"ingest", "--quiet", "--skip-bad", good, empty, latin1});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(r.out.starts_with("ingested 1 article (0 already in the store): ")) << r.out;
  EXPECT_EQ(r.err, "kg: skipped: " + empty + ": empty file, nothing to ingest\n" + "kg: skipped: " + latin1 +
                       ": invalid UTF-8 at byte 4 (counting from 1); for legacy text give --encoding latin1, cp1252 "
                       "or auto\n" + "kg: skipped 2 of 3 inputs (exit status 3)\n");
  EXPECT_EQ(stats_of(db)["documents"], 1);
  const Outcome help = kg("", {"ingest", "--help"});
  EXPECT_NE(help.out.find("3 --skip-bad skipped some inputs and ingested the others"), std::string::npos) << help.out;
  // Nothing good: nothing to go on with, the batch is refused as before.
  expect_refused({"ingest", "--skip-bad", empty}, empty + ": empty file");
}

// Each JSONL line is an article: --skip-bad skips the bad line, not the file.
TEST_F(CliTest, SkipBadSkipsOneJsonlLineNotTheFile) {
  const std::string path = write("skip/feed.jsonl",
                                 "{\"text\": \"Lena Ortiz phoned Paul Weiss.\"}\n{\"text\": }\n"
                                 "{\"text\": \"Paul Weiss flew to Berlin on Monday.\"}\n");
  expect_refused({"ingest", path}, path + ":2: malformed JSON: ");
  expect_refused({"ingest", path}, "; batch refused, nothing ingested: 1 of 3 inputs is bad (--skip-bad ingests the "
                                   "other 2)");
  const std::string db = (root_ / "skip-jsonl.db").string();
  const Outcome r = kg(db, {"ingest", "--quiet", "--skip-bad", path});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(r.out.starts_with("ingested 2 articles (0 already in the store): ")) << r.out;
  EXPECT_TRUE(r.err.starts_with("kg: skipped: " + path + ":2: malformed JSON: ")) << r.err;
  EXPECT_TRUE(r.err.ends_with("\nkg: skipped 1 of 3 inputs (exit status 3)\n")) << r.err;
  EXPECT_EQ(stats_of(db)["documents"], 2);
}

// A directory walk takes the article extensions in any case, leaves out
// licence-like files and other extensions, and says so on stdout.
TEST_F(CliTest, DirectoryWalkReportsWhatItSkipped) {
  const std::string db = (root_ / "walk.db").string();
  write("walk/sport/001.TXT", "Lena Ortiz phoned Paul Weiss in Berlin.\n");
  write("walk/README.TXT", "Derek Greene wrote this dataset's notes.\n");
  write("walk/figures.csv", "a,b\n");
  const Outcome r = kg(db, {"ingest", "--quiet", (root_ / "inputs" / "walk").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("ingested 1 article (0 already in the store): ")) << r.out;
  const std::string dir = (root_ / "inputs" / "walk").string();
  EXPECT_NE(r.out.find("\nskipped 2 files: " + dir + "/README.TXT (not an article), " + dir +
                       "/figures.csv (not an article extension)\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(stats_of(db)["documents"], 1);
}

TEST_F(CliTest, Latin1FileIsReadWithEncodingLatin1OrAuto) {
  // Long enough for libuchardet to be sure: accented French words.
  std::string text = "Hausse des pr\xe9l\xe8vements\n\n";
  for (int i = 0; i < 8; ++i) text += "Le minist\xe8re a annonc\xe9 une r\xe9" "forme tr\xe8s d\xe9" "battue \xe0 l'\xe9t\xe9. ";
  const std::string path = write("french-latin1.txt", text);
  expect_refused({"ingest", path}, ": invalid UTF-8 at byte 14 (counting from 1); for legacy text give --encoding");
  for (const std::string encoding : {"latin1", "auto"}) {
    const std::string db = (root_ / ("latin1-" + encoding + ".db")).string();
    const Outcome r = kg(db, {"ingest", "--quiet", "--encoding", encoding, path});
    ASSERT_EQ(r.exit_code, 0) << encoding << ": " << r.err;
    EXPECT_TRUE(r.out.starts_with("ingested 1 article (0 already in the store): ")) << r.out;
    EXPECT_EQ(stats_of(db)["documents"], 1);
  }
  // The map step of the scale-out recipe reads it alike.
  const Outcome x = kg("", {"extract", "--format", "jsonl", "--encoding", "latin1", path});
  ASSERT_EQ(x.exit_code, 0) << x.err;
  EXPECT_NE(x.out.find("\"title\":\"Hausse des pr\u00e9l\u00e8vements\""), std::string::npos) << x.out;
}

// The BBC corpus's one latin-1 article (a pound sign as 0xa3).
TEST_F(CliTest, BbcLatin1ArticleIsReadWithEncodingAuto) {
  const fs::path article = fs::path(KG_SHARED_DATA) / "news/bbc/sport/199.txt";
  if (!fs::exists(article)) GTEST_SKIP() << article.string() << " is absent (../shared/data not mounted)";
  expect_refused({"ingest", article.string()}, "invalid UTF-8 at byte 258 (counting from 1)");
  const Outcome r = kg((root_ / "bbc-199.db").string(), {"ingest", "--quiet", "--encoding", "auto", article.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("ingested 1 article (0 already in the store): ")) << r.out;
}

// Copies inside one batch are not "already in the store", and are not
// extracted twice.
TEST_F(CliTest, DuplicatesInsideABatchAreCountedAsSuch) {
  const std::string db = (root_ / "dups.db").string();
  const std::string a = write("dups/a.txt", "Lena Ortiz phoned Paul Weiss in Berlin.\n");
  const std::string b = write("dups/b.txt", "Lena Ortiz phoned Paul Weiss in Berlin.\n");
  const std::string c = write("dups/c.md", "Lena Ortiz  phoned Paul Weiss\nin Berlin.\n");  // same words, rewrapped
  const Outcome r = kg(db, {"ingest", "--quiet", a, b, c});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("ingested 3 articles (0 already in the store, 2 duplicates inside this batch): 1 "
                                "sentence"))
      << r.out;
  const Outcome again = kg(db, {"ingest", "--quiet", a, b, c});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(again.out.starts_with("ingested 3 articles (1 already in the store, 2 duplicates inside this batch): 0 "
                                    "sentences"))
      << again.out;
  EXPECT_EQ(stats_of(db)["documents"], 1);
}

// The same story under another title with one figure changed is stored
// once, by `kg ingest` of the articles and of their records alike;
// --keep-duplicates stores both.
TEST_F(CliTest, NearDuplicatesAreStoredOnceUnlessKept) {
  std::string body;
  for (int i = 0; i < 30; ++i) {
    body += "Minister Lena Ortiz" + std::to_string(i) + " met delegate Paul Weiss" + std::to_string(i) +
            " in Berlin on day " + std::to_string(100 + i) + ". ";
  }
  std::string edited = body;
  edited.replace(edited.find("day 117"), 7, "day 999");
  const std::string a = write("near/a.txt", "Ortiz meets Weiss\n\n" + body + "\n");
  const std::string b = write("near/b.txt", "Weiss and Ortiz talk in Berlin\n\n" + edited + "\n");
  const Outcome direct = kg((root_ / "near.db").string(), {"ingest", "--quiet", a, b});
  ASSERT_EQ(direct.exit_code, 0) << direct.err;
  EXPECT_TRUE(direct.out.starts_with("ingested 2 articles (0 already in the store, 1 near-duplicate left out): "))
      << direct.out;
  EXPECT_EQ(stats_of((root_ / "near.db").string())["documents"], 1);

  const Outcome x = kg("", {"extract", "--format", "jsonl", a, b});
  ASSERT_EQ(x.exit_code, 0) << x.err;
  const Outcome records = kg((root_ / "near-records.db").string(),
                             {"ingest", "--quiet", "--triples", write("near.jsonl", x.out)});
  ASSERT_EQ(records.exit_code, 0) << records.err;
  EXPECT_EQ(records.out, direct.out);

  const Outcome kept = kg((root_ / "near-kept.db").string(), {"ingest", "--quiet", "--keep-duplicates", a, b});
  ASSERT_EQ(kept.exit_code, 0) << kept.err;
  EXPECT_TRUE(kept.out.starts_with("ingested 2 articles (0 already in the store): ")) << kept.out;
  EXPECT_EQ(stats_of((root_ / "near-kept.db").string())["documents"], 2);
}

// On a terminal (a pseudo-terminal from util-linux's `script`) the progress
// line is redrawn in place and the throughput line replaces it.
TEST_F(CliTest, ProgressOnATerminalIsOneRedrawnLine) {
  if (std::system("command -v script > /dev/null 2>&1") != 0) GTEST_SKIP() << "util-linux 'script' is not installed";
  const std::string path = write("tty.txt", "Lena Ortiz phoned Paul Weiss in Berlin.\n");
  const std::string db = (root_ / "tty.db").string();
  const fs::path out = root_ / "tty.out";
  const std::string inner = quote(KG_BINARY) + " --db " + quote(db) + " ingest " + quote(path);
  const std::string cmd = "script -qec " + quote(inner) + " /dev/null < /dev/null > " + quote(out.string());
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const std::string screen = slurp(out);
  EXPECT_TRUE(screen.starts_with("\r\033[Kkg: 1/1 articles  ")) << screen;
  EXPECT_NE(screen.find("/s  elapsed "), std::string::npos) << screen;
  EXPECT_NE(screen.find("\r\033[Kkg: 1 article in "), std::string::npos) << screen;
  EXPECT_NE(screen.find("ingested 1 article (0 already in the store)"), std::string::npos) << screen;
}

// --progress=plain writes for logs (stderr is a file here), -q writes nothing.
TEST_F(CliTest, ProgressPlainReportsThroughputAndQuietNothing) {
  const std::string path = write("progress.txt", "Lena Ortiz phoned Paul Weiss in Berlin.\n");
  const Outcome plain = kg((root_ / "progress-plain.db").string(), {"ingest", "--progress=plain", path});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_TRUE(plain.err.starts_with("kg: 1/1 articles  ")) << plain.err;
  EXPECT_NE(plain.err.find("\nkg: 1 article in "), std::string::npos) << plain.err;
  EXPECT_NE(plain.err.find(" articles/s\n"), std::string::npos) << plain.err;
  const Outcome quiet = kg((root_ / "progress-quiet.db").string(), {"ingest", "-q", "--progress=plain", path});
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.err, "");
  // Not a terminal and no --progress: nothing either.
  const Outcome auto_style = kg((root_ / "progress-auto.db").string(), {"ingest", path});
  ASSERT_EQ(auto_style.exit_code, 0) << auto_style.err;
  EXPECT_EQ(auto_style.err, "");
}

TEST_F(CliTest, EmptyStdinIsRefused) {
  const std::string nothing;
  expect_refused({"ingest", "-"}, "-: empty input, nothing to ingest", &nothing);
}

// Every field of a record line is checked: one line naming the file, the
// line and the field, exit 1, the store untouched.
TEST_F(CliTest, MalformedRecordLinesAreRefusedWithTheField) {
  const std::string text = "Lena Ortiz phoned Paul Weiss on Monday. Ortiz thanked Weiss.\n";
  const Outcome x = kg("", {"extract", "--format", "jsonl"}, &text);
  ASSERT_EQ(x.exit_code, 0) << x.err;
  const nlohmann::json good = nlohmann::json::parse(x.out);
  ASSERT_FALSE(good["facts"].empty()) << x.out;
  ASSERT_FALSE(good["entities"][0]["aliases"].empty()) << x.out;
  const std::string sentence_bytes = std::to_string(good["sentences"][0].get<std::string>().size());
  struct Case {
    std::string pointer;      // the field changed
    nlohmann::json value;     // its new value; null: the field removed
    std::string message;      // after "FILE:2: "
  };
  const std::vector<Case> cases = {
      {"/kg_record", nullptr, "missing field \"kg_record\" (not a record line of 'kg extract --format jsonl')"},
      {"/kg_record", 2, "kg_record 2 is not a record format this kg reads (it reads 1)"},
      {"/colour", "red", "colour: unknown field"},
      {"/extractor", "magic", "extractor: must be \"parser\" or \"baseline\""},
      {"/id", "", "id: must not be empty"},
      {"/id", 5, "id: must be a string"},
      {"/content_hash", nullptr, "content_hash: missing field"},
      {"/sentences", "one", "sentences: must be a list"},
      {"/sentences/0", 3, "sentences[0]: must be a string"},
      {"/entities/0", 7, "entities[0]: must be a JSON object"},
      {"/entities/0/name", "", "entities[0].name: must not be empty"},
      {"/entities/0/type", "ANIMAL", "entities[0].type: must be PERSON, ORG, LOC, MISC or CONCEPT"},
      {"/entities/0/type", 5, "entities[0].type: must be a string"},
      {"/entities/0/mentions", -1, "entities[0].mentions: must be an integer from 0 to 4294967295"},
      {"/entities/0/mentions", 4294967296u, "entities[0].mentions: must be an integer from 0 to 4294967295"},
      {"/entities/0/mentions", 2.5, "entities[0].mentions: must be an integer from 0 to 4294967295"},
      {"/entities/0/aliases/0", nlohmann::json::array({"Ortiz"}), "entities[0].aliases[0]: must be [non-empty text, count]"},
      {"/entities/0/aliases/0/1", -3, "entities[0].aliases[0]: must be an integer from 0 to 4294967295"},
      {"/facts/0/subject", 999, "facts[0].subject: 999 is out of range: the line has"},
      {"/facts/0/object", "Weiss", "facts[0].object: must be an integer from 0 to 4294967295"},
      {"/facts/0/sentence", 40, "facts[0].sentence: 40 is out of range: the line has 2 sentences"},
      {"/facts/0/relation", nullptr, "facts[0].relation: missing field"},
      {"/facts/0/span", nlohmann::json::array({0}), "facts[0].span: must be [begin, end]"},
      {"/facts/0/span", nlohmann::json::array({5, 2}), "facts[0].span: 5..2 is outside sentence 0"},
      {"/facts/0/span/1", 100000, "facts[0].span: 0..100000 is outside sentence 0 (" + sentence_bytes + " bytes)"},
      {"/facts/0/confidence", 1.5, "facts[0].confidence: must be a number from 0 to 1"},
      {"/facts/0/confidence", "high", "facts[0].confidence: must be a number from 0 to 1"},
      {"/facts/0/negated", "no", "facts[0].negated: must be true or false"},
      {"/facts/0/attribution", nullptr, "facts[0].attribution: missing field"},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    SCOPED_TRACE(c.pointer + " = " + c.value.dump());
    nlohmann::json bad = good;
    const nlohmann::json::json_pointer at(c.pointer);
    if (c.pointer == "/facts/0/sentence" || c.pointer == "/facts/0/span/1") bad["facts"][0]["span"] = {0, 0};
    if (c.value.is_null()) {
      bad[at.parent_pointer()].erase(at.back());
    } else {
      bad[at] = c.value;
    }
    const std::string path = write("bad-record-" + std::to_string(i) + ".jsonl", x.out + bad.dump() + "\n");
    expect_refused({"ingest", "--triples", path}, path + ":2: " + c.message);
  }
}

TEST_F(CliTest, RecordFilesThatHoldNoRecordsAreRefused) {
  const std::string malformed = write("malformed-records.jsonl", "{\"kg_record\": 1,\n");
  expect_refused({"ingest", "--triples", malformed}, malformed + ":1: malformed JSON: ");
  const std::string array = write("array-records.jsonl", "\n[1, 2]\n");
  expect_refused({"ingest", "--triples", array}, array + ":2: must be a JSON object");
  // A line of the triple format before kg_record 1.
  const std::string old = write("old-triples.jsonl", "{\"doc\": \"d\", \"subject\": \"A\", \"relation\": "
                                                     "\"meet\", \"object\": \"B\"}\n");
  expect_refused({"ingest", "--triples", old}, old + ":1: missing field \"kg_record\"");
  // A number no double holds is malformed JSON, not an internal error.
  const std::string huge = write("huge-confidence.jsonl", "{\"kg_record\": 1, \"confidence\": 1e999999}\n");
  expect_refused({"ingest", "--triples", huge}, huge + ":1: malformed JSON: ");
  const std::string blank = write("blank-records.jsonl", "\n \n");
  expect_refused({"ingest", "--triples", blank}, blank + ": no records in this file");
}

// --- hostile input: a clean exit (0 or 1), never a signal ---------------------

std::string repeat(const std::string& piece, size_t times) {
  std::string out;
  for (size_t i = 0; i < times; ++i) out += piece;
  return out;
}

TEST_F(CliTest, DeeplyNestedHtmlIsReadByIngestExtractAndStdin) {
  const std::string page = "<p>Anna Schmidt met Peter Lang in Bonn.</p>" + repeat("<h1>", 20000) + "x";
  const std::string path = write("nested-headings.html", page);
  const std::string db = (root_ / "nested-html.db").string();
  const Outcome ingest = kg(db, {"ingest", "--quiet", path});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  EXPECT_TRUE(ingest.out.starts_with("ingested 1 article")) << ingest.out;
  const Outcome from_stdin = kg(db, {"ingest", "--quiet", "-"}, &page);
  EXPECT_EQ(from_stdin.exit_code, 0) << from_stdin.err;
  const Outcome extract = kg("", {"extract", "--format", "jsonl", path});
  ASSERT_EQ(extract.exit_code, 0) << extract.err;
  EXPECT_NE(extract.out.find("Peter Lang"), std::string::npos);
}

TEST_F(CliTest, HundredThousandTitleTagsAreACleanRefusal) {
  const std::string page = repeat("<title>", 100000);
  const std::string path = write("titles.html", page);
  expect_refused({"ingest", path}, path + ": no article text");
  expect_refused({"ingest", "-"}, "-: no article text", &page);
  const Outcome extract = kg("", {"extract", "--format", "jsonl", path});
  EXPECT_EQ(extract.exit_code, 1) << extract.err;
  EXPECT_EQ(count_lines(extract.err), 1u) << extract.err;
}

TEST_F(CliTest, HtmlNestedTooDeepIsRefusedWithTheDepth) {
  const std::string path = write("divs.html", repeat("<div>", 200000) + "Anna Schmidt met Peter Lang.");
  expect_refused({"ingest", path}, path + ": HTML nested 200000 elements deep");
}

// --- JSON of the wrong type: a user error naming the line, never exit 2 ------

TEST_F(CliTest, JsonlNumberOutOfRangeIsRefusedWithTheLine) {
  const std::string path = write("huge-number.jsonl", "{\"text\": \"Anna met Peter.\", \"n\": 1e999999}\n");
  expect_refused({"ingest", path}, path + ":1: malformed JSON: ");
}

TEST_F(CliTest, JsonlIdBeyondInt64IsKeptAsWritten) {
  const std::string path =
      write("big-id.jsonl", "{\"text\": \"Anna Schmidt met Peter Lang.\", \"id\": 18446744073709551615}\n");
  const Outcome x = kg("", {"extract", "--format", "jsonl", path});
  ASSERT_EQ(x.exit_code, 0) << x.err;
  EXPECT_NE(x.out.find("\"18446744073709551615\""), std::string::npos) << x.out;
  EXPECT_EQ(x.out.find("\"-1\""), std::string::npos) << x.out;
}

}  // namespace
