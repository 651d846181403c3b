// kg ingest PATH... | kg ingest --triples FILE
//
// Every input is read and checked before the store is opened, so a bad file
// in a batch leaves the store exactly as it was (and does not create one).
#include <cstdio>
#include <fmt/format.h>
#include <string>
#include <unistd.h>
#include <vector>

#include "graph/store/store.h"
#include "ingest/pipeline.h"
#include "ingest/source/source.h"
#include "tools/kg/commands.h"

namespace kg::cli {
namespace {

struct IngestOptions {
  std::vector<std::string> paths;
  std::string triples;
  unsigned threads = 0;
  bool quiet = false;
};

// A progress line redrawn in place, only when stderr is a terminal.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled && isatty(STDERR_FILENO)) {}
  ~ProgressLine() { finish(); }
  void update(std::string_view what, size_t done, size_t total) {
    if (!enabled_) return;
    fmt::print(stderr, "\r{}: {}/{}", what, done, total);
    std::fflush(stderr);
    drawn_ = true;
  }
  void finish() {
    if (drawn_) fmt::print(stderr, "\r\033[K");
    drawn_ = false;
  }

 private:
  bool enabled_;
  bool drawn_ = false;
};

std::string plural(uint64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

void print_summary(const ingest::IngestSummary& s, std::string_view unit) {
  fmt::print("ingested {} ({} already in the store{}): {}, {}, {}{}\n", plural(s.articles, unit, fmt::format("{}s", unit)),
             s.unchanged, s.replaced ? fmt::format(", {} replaced", s.replaced) : "",
             plural(s.sentences, "sentence", "sentences"), plural(s.new_entities, "new entity", "new entities"),
             plural(s.facts, "fact", "facts"), s.extractor.empty() ? "" : fmt::format(" ({} extractor)", s.extractor));
}

Result<std::unique_ptr<store::Store>> open_for_writing(const std::string& db) {
  store::OpenOptions options;
  options.mode = store::OpenOptions::Mode::kReadWrite;
  return store::Store::open(db, options);
}

bool is_jsonl(const std::string& path) {
  if (path.ends_with(".jsonl") || path.ends_with(".json")) return true;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  int c;
  while ((c = std::fgetc(f)) != EOF && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
  }
  std::fclose(f);
  return c == '{';
}

int run_triples(const std::string& db, const IngestOptions& options) {
  ProgressLine progress(!options.quiet);
  if (is_jsonl(options.triples)) {
    // Every line is checked before the store is opened; the file is then
    // read again to commit, one record in memory at a time.
    Result<size_t> records = ingest::check_record_lines(options.triples);
    if (!records.is_ok()) return report(records.status());
    Result<std::unique_ptr<store::Store>> st = open_for_writing(db);
    if (!st.is_ok()) return report(st.status());
    ingest::PipelineOptions pipeline;
    pipeline.progress = [&](size_t done, size_t total) { progress.update("ingest", done, total); };
    Result<ingest::IngestSummary> summary = ingest::ingest_record_lines(**st, options.triples, *records, pipeline);
    progress.finish();
    if (!summary.is_ok()) return report(summary.status());
    print_summary(*summary, "article");
    return 0;
  }
  if (std::FILE* f = std::fopen(options.triples.c_str(), "rb")) {
    std::fclose(f);
  } else {
    return report(Status::not_found(fmt::format("{}: no such file or cannot be read", options.triples)));
  }
  Result<std::unique_ptr<store::Store>> st = open_for_writing(db);
  if (!st.is_ok()) return report(st.status());
  Result<store::BulkLoadResult> loaded =
      (*st)->load_triples(options.triples, [&](const store::BulkLoadProgress& p) {
        progress.update(p.phase, p.bytes_done, p.bytes_total);
      });
  progress.finish();
  if (!loaded.is_ok()) return report(loaded.status());
  if (loaded->outcome == store::PutOutcome::kUnchanged) {
    fmt::print("{}: already in the store, nothing changed\n", options.triples);
  } else {
    fmt::print("loaded {} from {}: {}, {}\n", plural(loaded->lines, "triple", "triples"), options.triples,
               plural(loaded->new_entities, "new entity", "new entities"),
               plural(loaded->new_edges, "new edge", "new edges"));
  }
  return 0;
}

int run_articles(const std::string& db, const IngestOptions& options) {
  std::vector<source::Document> docs;
  for (const std::string& path : options.paths) {
    Result<std::vector<source::Document>> read = source::read_path(path);
    if (!read.is_ok()) return report(read.status());
    for (source::Document& d : *read) docs.push_back(std::move(d));
  }
  Result<std::unique_ptr<store::Store>> st = open_for_writing(db);
  if (!st.is_ok()) return report(st.status());
  ProgressLine progress(!options.quiet);
  ingest::PipelineOptions pipeline;
  pipeline.threads = options.threads;
  pipeline.progress = [&](size_t done, size_t total) { progress.update("ingest", done, total); };
  Result<ingest::IngestSummary> summary = ingest::ingest_documents(**st, docs, pipeline);
  progress.finish();
  if (!summary.is_ok()) return report(summary.status());
  print_summary(*summary, "article");
  return 0;
}

}  // namespace

Subcommand add_ingest_command(CLI::App& kg, const GlobalOptions& global) {
  auto options = std::make_shared<IngestOptions>();
  Subcommand c;
  c.app = kg.add_subcommand("ingest", "add articles (files, directories, - for stdin) to the store");
  c.app->add_option("PATH", options->paths,
                    "articles: .txt .md .html .jsonl files, directories (read recursively), or - for stdin");
  c.app->add_option("--triples", options->triples,
                    "load pre-extracted facts instead: the document records of 'kg extract --format jsonl' "
                    "(committed exactly as 'kg ingest' of the same articles would), or TSV triples "
                    "(subject<TAB>relation<TAB>object)");
  c.app->add_option("--threads", options->threads, "extraction threads (default: one per core)");
  c.app->add_flag("-q,--quiet", options->quiet, "no progress line");
  c.run = [&global, options] {
    if (!options->triples.empty() && !options->paths.empty()) {
      return report(Status::invalid_input("give either PATH... or --triples FILE, not both"));
    }
    if (!options->triples.empty()) return run_triples(global.db, *options);
    if (options->paths.empty()) {
      return report(Status::invalid_input("nothing to ingest: give files, directories or - (see kg ingest --help)"));
    }
    return run_articles(global.db, *options);
  };
  return c;
}

}  // namespace kg::cli
