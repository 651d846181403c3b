// extract_bench: how much the extraction layer adds to the pipeline
// (issue 7: no more than 10%), on the BBC news corpus.
//
//   extract_bench [--corpus DIR] [--articles N] [--runs 3]
//
// One thread. Annotates N articles with the full pipeline (tokenize ... parse,
// NER), then runs the extractor (ingest/extract) over the annotated
// documents; both as the median CPU time of `runs` passes. Prints both times,
// the propositions and facts found, and extraction's share of the total.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/extract/extract.h"
#include "ingest/nlp/nlp.h"

namespace {

namespace fs = std::filesystem;
using namespace kg;

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double median_cpu(int runs, const std::function<void()>& fn) {
  std::vector<double> v;
  for (int r = 0; r < runs; ++r) {
    const double c0 = cpu_seconds();
    fn();
    v.push_back(cpu_seconds() - c0);
  }
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

std::vector<std::string> read_corpus(const std::string& dir, size_t limit) {
  std::vector<std::string> paths;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".txt" && e.path().filename() != "README.TXT") {
      paths.push_back(e.path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  // Every k-th file, so that a sample spans all five sections.
  const size_t step = limit == 0 || paths.size() <= limit ? 1 : paths.size() / limit;
  std::vector<std::string> texts;
  for (size_t i = 0; i < paths.size() && (limit == 0 || texts.size() < limit); i += step) {
    std::ifstream in(paths[i], std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    texts.push_back(s.str());
  }
  return texts;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = std::string(KG_MODEL_DIR) + "/../../../shared/data/news/bbc";
  size_t articles = 300;
  int runs = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--corpus") corpus = argv[i + 1];
    else if (flag == "--articles") articles = std::stoul(argv[i + 1]);
    else if (flag == "--runs") runs = std::stoi(argv[i + 1]);
    else {
      fmt::print(stderr, "extract_bench: unknown flag {} (--corpus DIR, --articles N, --runs N)\n", flag);
      return 1;
    }
  }
  if (!fs::exists(corpus)) {
    fmt::print(stderr, "extract_bench: corpus {} not found; skipping\n", corpus);
    return 0;
  }
  Result<nlp::Pipeline> pipeline = nlp::Pipeline::load(nlp::Pipeline::default_model_dir());
  if (!pipeline.is_ok()) {
    fmt::print(stderr, "extract_bench: {}\n", pipeline.status().message());
    return 1;
  }
  Result<extract::Derivations> derivations = extract::Derivations::load(extract::default_derivations_path());
  const extract::Extractor extractor(extract::ExtractOptions{}, derivations.is_ok() ? &*derivations : nullptr);
  const std::vector<std::string> texts = read_corpus(corpus, articles);
  std::vector<nlp::Document> docs;
  const double nlp_s = median_cpu(runs, [&] {
    docs.clear();
    for (const std::string& t : texts) docs.push_back(pipeline->annotate(t));
  });
  size_t props = 0, facts = 0, sentences = 0;
  const double extract_s = median_cpu(runs, [&] {
    props = facts = sentences = 0;
    for (const nlp::Document& d : docs) {
      sentences += d.sentences.size();
      props += extractor.extract_all(d).size();
      facts += extract::extract_facts(d, extractor).size();
    }
  });
  // extract_facts runs the extractor again; half the loop is one extraction pass.
  const double one_pass = extract_s / 2;
  fmt::print("articles {}  sentences {}  propositions {}  graph facts {}\n", texts.size(), sentences, props, facts);
  fmt::print("pipeline (tokenize..parse, NER) CPU s   {:.3f}\n", nlp_s);
  fmt::print("extraction CPU s                        {:.3f}\n", one_pass);
  fmt::print("extraction share of pipeline time       {:.1f}%\n", 100.0 * one_pass / (nlp_s + one_pass));
  return 0;
}
