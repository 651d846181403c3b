// nlp_bench: the speed figures of issue 3 on the BBC news corpus.
//
//   nlp_bench [--corpus DIR] [--models DIR] [--runs 5]
//
// One thread. For each of `runs` passes over the whole corpus it times
// tokenize + split + tag + lemmatize (the stages of issue 3 only, whatever
// else the model directory holds), and the tokenizer + splitter alone; it
// reports the median pass as tokens per second (wall clock and CPU time of
// this process, the latter being what one core delivers on a shared
// machine), the median time to load the issue-3 models alone and every
// model in the directory, and the peak RSS.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

#include "ingest/nlp/ner.h"
#include "ingest/nlp/nlp.h"

namespace {

namespace fs = std::filesystem;
using namespace kg;

double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double wall_now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double median_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[v.size() / 2];
}

struct Pass {
  std::vector<double> wall, cpu;
  void add(double w, double c) {
    wall.push_back(w);
    cpu.push_back(c);
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = std::string(KG_MODEL_DIR) + "/../../../shared/data/news/bbc";
  std::string models = nlp::Pipeline::default_model_dir();
  int runs = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--corpus") corpus = argv[i + 1];
    else if (flag == "--models") models = argv[i + 1];
    else if (flag == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
  }
  if (!fs::exists(corpus)) {
    fmt::print("nlp_bench: skipped: corpus {} is absent\n", corpus);
    return 0;
  }
  std::vector<std::string> paths;
  for (const auto& e : fs::recursive_directory_iterator(corpus)) {
    if (e.is_regular_file() && e.path().extension() == ".txt") paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (const std::string& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    bytes += s.str().size();
    texts.push_back(std::move(s).str());
  }

  // Load time of the issue-3 stages alone (their three files linked into a
  // scratch directory, so the optional later stages are not loaded) and of
  // everything the model directory holds.
  const fs::path core_dir = fs::temp_directory_path() / fmt::format("kg_nlp_bench_{}", getpid());
  fs::create_directories(core_dir);
  for (std::string_view f : {nlp::kTokenizerModelFile, nlp::kTaggerModelFile, nlp::kLemmatizerModelFile}) {
    std::error_code ec;
    fs::create_symlink(fs::absolute(fs::path(models) / f), core_dir / f, ec);
  }
  auto time_load = [&](const std::string& dir, std::vector<double>* ms) {
    for (int r = 0; r < runs; ++r) {
      const double w0 = wall_now();
      Result<nlp::Pipeline> p = nlp::Pipeline::load(dir);
      if (!p) {
        fmt::print(stderr, "nlp_bench: {}\n", p.status().message());
        return false;
      }
      ms->push_back((wall_now() - w0) * 1e3);
    }
    return true;
  };
  std::vector<double> core_load_ms, load_ms;
  const bool loaded = time_load(core_dir.string(), &core_load_ms) && time_load(models, &load_ms);
  fs::remove_all(core_dir);
  if (!loaded) return 1;
  Result<nlp::Pipeline> pipeline = nlp::Pipeline::load(models);
  if (!pipeline) return 1;

  // The recognizer (issue 6), timed after the stages above when its model is there.
  std::unique_ptr<nlp::EntityRecognizer> recognizer;
  if (const std::string ner_path = models + "/" + std::string(nlp::kNerModelFile); fs::exists(ner_path)) {
    Result<nlp::EntityRecognizer> r = nlp::EntityRecognizer::load(ner_path);
    if (!r) {
      fmt::print(stderr, "nlp_bench: {}\n", r.status().message());
      return 1;
    }
    recognizer = std::make_unique<nlp::EntityRecognizer>(std::move(*r));
  }

  size_t tokens = 0, sentences = 0;
  Pass segment_pass, full_pass, ner_pass;
  for (int r = 0; r < runs; ++r) {
    tokens = sentences = 0;
    double w0 = wall_now(), c0 = cpu_now();
    for (const std::string& t : texts) {
      const nlp::Document doc = pipeline->segment(t);
      tokens += doc.words.size();
      sentences += doc.sentences.size();
    }
    segment_pass.add(wall_now() - w0, cpu_now() - c0);
    w0 = wall_now(), c0 = cpu_now();
    for (const std::string& t : texts) {
      nlp::Document doc = pipeline->segment(t);
      pipeline->tagger().tag(&doc);
      pipeline->lemmatizer().lemmatize(&doc);
    }
    full_pass.add(wall_now() - w0, cpu_now() - c0);
    if (!recognizer) continue;
    w0 = wall_now(), c0 = cpu_now();
    for (const std::string& t : texts) {
      nlp::Document doc = pipeline->segment(t);
      pipeline->tagger().tag(&doc);
      pipeline->lemmatizer().lemmatize(&doc);
      recognizer->annotate(&doc);
    }
    ner_pass.add(wall_now() - w0, cpu_now() - c0);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);

  auto row = [](std::string_view what, std::string_view value) { fmt::print("{:<52} {}\n", what, value); };
  row("corpus", fmt::format("{} files, {:.1f} MB, {} tokens, {} sentences", texts.size(), bytes / 1e6, tokens, sentences));
  row("runs (median reported)", fmt::format("{}", runs));
  row("tokenize+split+tag+lemmatize, tokens/s (CPU)", fmt::format("{:.0f}", tokens / median_of(full_pass.cpu)));
  row("tokenize+split+tag+lemmatize, tokens/s (wall)", fmt::format("{:.0f}", tokens / median_of(full_pass.wall)));
  if (recognizer) {
    row("tokenize+split+tag+lemmatize+ner, tokens/s (CPU)", fmt::format("{:.0f}", tokens / median_of(ner_pass.cpu)));
  }
  row("tokenize+split only, tokens/s (CPU)", fmt::format("{:.0f}", tokens / median_of(segment_pass.cpu)));
  row("model load, tokenizer+splitter+tagger+lemmatizer, ms", fmt::format("{:.1f}", median_of(core_load_ms)));
  row("model load, every model in the directory, ms", fmt::format("{:.1f}", median_of(load_ms)));
  row("peak RSS, MB", fmt::format("{:.1f}", usage.ru_maxrss / 1024.0));
  return 0;
}
