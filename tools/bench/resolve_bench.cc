// resolve_bench: what coreference adds to the pipeline's time (issue 8: no
// more than 10%) and what entity resolution makes of a news corpus.
//
//   resolve_bench [--corpus DIR] [--articles N] [--store DIR] [--top K]
//
// One thread. Annotates N articles of the BBC corpus (0 = all) with the full
// NLP pipeline, resolves each (ingest/resolve), and times both in CPU
// seconds. Then writes each article's entities into a fresh store (--store,
// default a temporary directory, removed afterwards) through the store's
// cross-article matching, and prints the PERSON count, the K people with the
// most aliases, and how "Blair" and "Brown" were resolved.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "graph/identity/identity.h"
#include "graph/store/store.h"
#include "ingest/nlp/nlp.h"
#include "ingest/resolve/resolve.h"

namespace {

namespace fs = std::filesystem;
using namespace kg;

double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void print_person(store::Store& s, const std::string& name) {
  Result<std::vector<store::Entity>> found = identity::find_entities(s, name);
  if (!found) return;
  for (const store::Entity& e : *found) {
    if (e.type != store::EntityType::kPerson) continue;
    std::string aliases;
    if (Result<std::vector<store::Alias>> a = s.aliases_of(e.id)) {
      for (const store::Alias& x : *a) aliases += fmt::format("{}{} ({})", aliases.empty() ? "" : ", ", x.surface, x.count);
    }
    fmt::print("  '{}' -> #{} {} [{} mentions]: {}\n", name, e.id, e.name, e.mentions, aliases);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = std::string(KG_MODEL_DIR) + "/../../../shared/data/news/bbc";
  std::string store_dir;
  size_t articles = 0;
  size_t top = 15;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--corpus") corpus = argv[i + 1];
    else if (flag == "--articles") articles = std::stoul(argv[i + 1]);
    else if (flag == "--store") store_dir = argv[i + 1];
    else if (flag == "--top") top = std::stoul(argv[i + 1]);
    else {
      fmt::print(stderr, "resolve_bench: unknown flag {} (--corpus DIR, --articles N, --store DIR, --top K)\n", flag);
      return 1;
    }
  }
  if (!fs::exists(corpus)) {
    fmt::print(stderr, "resolve_bench: corpus {} not found; skipping\n", corpus);
    return 0;
  }
  Result<nlp::Pipeline> pipeline = nlp::Pipeline::load(nlp::Pipeline::default_model_dir());
  if (!pipeline) {
    fmt::print(stderr, "resolve_bench: {}\n", pipeline.status().message());
    return 1;
  }
  std::vector<std::string> paths;
  for (const auto& e : fs::recursive_directory_iterator(corpus)) {
    if (e.is_regular_file() && e.path().extension() == ".txt" && e.path().filename() != "README.TXT") {
      paths.push_back(e.path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  if (articles != 0 && paths.size() > articles) paths.resize(articles);

  const bool temporary = store_dir.empty();
  if (temporary) store_dir = (fs::temp_directory_path() / fmt::format("kg-resolve-bench-{}", getpid())).string();
  store::OpenOptions options;
  options.mode = store::OpenOptions::Mode::kReadWrite;
  Result<std::unique_ptr<store::Store>> st = store::Store::open(store_dir, options);
  if (!st) {
    fmt::print(stderr, "resolve_bench: {}\n", st.status().message());
    return 1;
  }
  store::Store& s = **st;

  double nlp_s = 0, resolve_s = 0;
  size_t words = 0, clusters = 0;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    double t0 = cpu_now();
    const nlp::Document doc = pipeline->annotate(text.str());
    double t1 = cpu_now();
    const resolve::DocumentEntities entities = resolve::resolve_document(doc);
    double t2 = cpu_now();
    nlp_s += t1 - t0;
    resolve_s += t2 - t1;
    words += doc.words.size();
    clusters += entities.clusters.size();
    store::DocumentRecord record;
    record.id = path;
    record.content_hash = fmt::format("{:016x}", std::hash<std::string>{}(text.str()));
    for (const nlp::Sentence& sentence : doc.sentences) record.sentences.emplace_back(sentence.text);
    for (const resolve::Cluster& c : entities.clusters) record.entities.push_back(resolve::entity_record(c));
    if (Result<store::PutResult> put = s.put_document(record); !put) {
      fmt::print(stderr, "resolve_bench: {}: {}\n", path, put.status().message());
      return 2;
    }
  }
  fmt::print("articles {}  words {}  document entities {}\n", paths.size(), words, clusters);
  fmt::print("NLP pipeline (tokenize .. parse, NER) CPU s  {:.3f}\n", nlp_s);
  fmt::print("coreference (resolve_document) CPU s         {:.3f}\n", resolve_s);
  fmt::print("coreference share of NLP + coreference       {:.2f}%\n", 100.0 * resolve_s / (nlp_s + resolve_s));

  Result<store::Stats> stats = s.stats();
  if (stats) {
    fmt::print("store entities {}  PERSON {}  ORG {}  LOC {}  MISC {}  aliases {}\n", stats->entities,
               stats->entities_by_type[0], stats->entities_by_type[1], stats->entities_by_type[2],
               stats->entities_by_type[3], stats->aliases);
  }
  struct Person {
    store::Entity entity;
    size_t aliases = 0;
  };
  std::vector<Person> people;
  (void)s.for_each_entity([&](const store::Entity& e) {
    if (e.type == store::EntityType::kPerson) people.push_back({e, 0});
  });
  for (Person& p : people) {
    if (Result<std::vector<store::Alias>> a = s.aliases_of(p.entity.id)) p.aliases = a->size();
  }
  std::stable_sort(people.begin(), people.end(), [](const Person& a, const Person& b) {
    return a.aliases != b.aliases ? a.aliases > b.aliases : a.entity.mentions > b.entity.mentions;
  });
  fmt::print("largest alias sets (PERSON):\n");
  for (size_t i = 0; i < std::min(top, people.size()); ++i) {
    std::string aliases;
    if (Result<std::vector<store::Alias>> a = s.aliases_of(people[i].entity.id)) {
      for (const store::Alias& x : *a) aliases += fmt::format("{}{} ({})", aliases.empty() ? "" : ", ", x.surface, x.count);
    }
    fmt::print("  {} [{} mentions, {} aliases]: {}\n", people[i].entity.name, people[i].entity.mentions,
               people[i].aliases, aliases);
  }
  fmt::print("checks:\n");
  for (const char* name : {"Tony Blair", "Mr Blair", "Blair", "Gordon Brown", "Nick Brown", "Mr Brown", "Brown"}) {
    print_person(s, name);
  }
  st->reset();
  if (temporary) fs::remove_all(store_dir);
  return 0;
}
