// parser_bench: the speed figures of issue 4 on the BBC news corpus.
//
//   parser_bench [--corpus DIR] [--models DIR] [--runs 3]
//
// One thread. Reports the median over `runs` passes of: the full pipeline
// from raw text to parsed sentences (tokenize, split, tag, lemmatize, parse,
// and whatever later stages the model directory holds), the parser alone on
// pre-tagged documents, and the time to load the parser model and the whole
// pipeline. Rates are given per wall-clock second and per CPU second of this
// process (the latter is what one core delivers when the machine is shared).
// Peak RSS is that of the whole run.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <vector>

#include "ingest/nlp/nlp.h"
#include "ingest/nlp/parser.h"

namespace {

namespace fs = std::filesystem;
using namespace kg;
using Clock = std::chrono::steady_clock;

struct Timing {
  double wall_s = 0;
  double cpu_s = 0;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[v.size() / 2];
}

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Median wall and CPU time of `runs` calls of fn.
Timing measure(int runs, const std::function<void()>& fn) {
  std::vector<double> wall, cpu;
  for (int r = 0; r < runs; ++r) {
    const auto w0 = Clock::now();
    const double c0 = cpu_seconds();
    fn();
    cpu.push_back(cpu_seconds() - c0);
    wall.push_back(std::chrono::duration<double>(Clock::now() - w0).count());
  }
  return {median(wall), median(cpu)};
}

std::vector<std::string> read_corpus(const std::string& dir) {
  std::vector<std::string> paths;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".txt") paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const std::string& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    texts.push_back(s.str());
  }
  return texts;
}

void line(std::string_view what, std::string_view value) { fmt::print("{:<44} {}\n", what, value); }

}  // namespace

int main(int argc, char** argv) {
  // The repository's ../shared/data, found from the model directory the build recorded.
  std::string corpus = (fs::path(KG_MODEL_DIR) / "../../../shared/data/news/bbc").lexically_normal().string();
  std::string models = nlp::Pipeline::default_model_dir();
  int runs = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (flag == "--corpus") corpus = argv[i + 1];
    else if (flag == "--models") models = argv[i + 1];
    else if (flag == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
    else {
      fmt::print(stderr, "parser_bench: unknown flag {}\n", flag);
      return 1;
    }
  }
  if (!fs::is_directory(corpus)) {
    fmt::print("parser_bench: skipped: no corpus at {} (../shared/data is absent)\n", corpus);
    return 0;
  }
  const std::vector<std::string> texts = read_corpus(corpus);
  const std::string parser_path = fmt::format("{}/{}", models, nlp::kParserModelFile);

  const Timing parser_load = measure(runs, [&] {
    auto p = nlp::DependencyParser::load_file(parser_path);
    if (!p) {
      fmt::print(stderr, "parser_bench: {}\n", p.status().message());
      std::exit(2);
    }
  });
  const Timing pipeline_load = measure(runs, [&] {
    auto p = nlp::Pipeline::load(models);
    if (!p) {
      fmt::print(stderr, "parser_bench: {}\n", p.status().message());
      std::exit(2);
    }
  });
  auto pipeline = nlp::Pipeline::load(models);
  auto parser = nlp::DependencyParser::load_file(parser_path);
  if (!pipeline || !parser) return 2;

  // The pipeline runs the parser itself once it is one of its stages;
  // until then the bench adds it, so the figure is always raw text -> trees.
  const bool pipeline_parses = [&] {
    const nlp::Document d = pipeline->annotate("The bench checks whether the pipeline parses.");
    return !d.words.empty() && !d.words[0].deprel.empty();
  }();

  size_t tokens = 0, sentences = 0;
  const Timing full = measure(runs, [&] {
    tokens = sentences = 0;
    for (const std::string& t : texts) {
      nlp::Document doc = pipeline->annotate(t);
      if (!pipeline_parses) parser->annotate(&doc);
      tokens += doc.words.size();
      sentences += doc.sentences.size();
    }
  });

  std::vector<nlp::Document> tagged;
  for (const std::string& t : texts) tagged.push_back(pipeline->annotate(t));
  const Timing parse_only = measure(runs, [&] {
    for (nlp::Document& doc : tagged) parser->annotate(&doc);
  });

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  line("corpus", fmt::format("{} articles, {} sentences, {} tokens", texts.size(), sentences, tokens));
  line("parser model load (median)", fmt::format("{:.0f} ms wall, {:.0f} ms CPU   [floor < 200 ms]",
                                                 parser_load.wall_s * 1e3, parser_load.cpu_s * 1e3));
  line("all models load (median)", fmt::format("{:.0f} ms wall, {:.0f} ms CPU", pipeline_load.wall_s * 1e3,
                                               pipeline_load.cpu_s * 1e3));
  line(pipeline_parses ? "full pipeline, raw text -> trees" : "full pipeline (+ parser), raw text -> trees",
       fmt::format("{:.0f} tokens/s wall, {:.0f} tokens/s CPU   [floor >= 40000]", tokens / full.wall_s,
                   tokens / full.cpu_s));
  line("parser alone, tagged text", fmt::format("{:.0f} tokens/s wall, {:.0f} tokens/s CPU", tokens / parse_only.wall_s,
                                                tokens / parse_only.cpu_s));
  line("peak RSS", fmt::format("{:.0f} MB", usage.ru_maxrss / 1024.0));
  return 0;
}
