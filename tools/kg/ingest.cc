// kg ingest PATH... | kg ingest --triples FILE
//
// Every input is read and checked before the store is opened, so a bad file
// in a batch leaves the store exactly as it was (and does not create one).
#include <cstdio>
#include <fmt/format.h>
#include <string>
#include <unistd.h>
#include <vector>

#include "base/dates.h"
#include "graph/store/store.h"
#include "ingest/pipeline.h"
#include "ingest/source/source.h"
#include "tools/kg/commands.h"
#include "tools/kg/progress.h"

namespace kg::cli {
namespace {

// The exit status of a --skip-bad run that skipped inputs: the good ones are
// in the store, so it is neither success (0) nor a refused batch (1).
constexpr int kExitSomeSkipped = 3;

// At most this many skipped names are listed on one line; the rest are counted.
constexpr size_t kSkippedNamesShown = 5;

struct IngestOptions {
  std::vector<std::string> paths;
  std::string triples;
  unsigned threads = 0;
  bool quiet = false;
  bool skip_bad = false;
  bool keep_duplicates = false;
  std::string encoding = "utf8";
  std::string progress = "auto";
  std::string date;  // --date, YYYY-MM-DD once checked
};

ProgressStyle progress_style(const IngestOptions& options) {
  ProgressStyle style = ProgressStyle::kAuto;
  parse_progress_style(options.progress, &style);  // checked before the command runs
  return options.quiet ? ProgressStyle::kNone : style;
}

std::string plural(uint64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

void print_summary(const ingest::IngestSummary& s, std::string_view unit) {
  std::string copies;
  if (s.duplicates) copies += fmt::format(", {} inside this batch", plural(s.duplicates, "duplicate", "duplicates"));
  if (s.near_duplicates) {
    copies += fmt::format(", {} left out", plural(s.near_duplicates, "near-duplicate", "near-duplicates"));
  }
  fmt::print("ingested {} ({} already in the store{}{}): {}, {}, {}{}\n",
             plural(s.articles, unit, fmt::format("{}s", unit)), s.unchanged, copies,
             s.replaced ? fmt::format(", {} replaced", s.replaced) : "",
             plural(s.sentences, "sentence", "sentences"), plural(s.new_entities, "new entity", "new entities"),
             plural(s.facts, "fact", "facts"), s.extractor.empty() ? "" : fmt::format(" ({} extractor)", s.extractor));
  print_budget_notes("kg ingest", s.sentences_cut, s.sentences_over_budget, s.propositions_over_budget);
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
  if (is_jsonl(options.triples)) {
    // Every line is checked before the store is opened; the file is then
    // read again to commit, one record in memory at a time.
    Result<size_t> records = ingest::check_record_lines(options.triples);
    if (!records.is_ok()) return report(records.status());
    Result<std::unique_ptr<store::Store>> st = open_for_writing(db);
    if (!st.is_ok()) return report(st.status());
    Progress progress(progress_style(options), "records", "record");
    ingest::PipelineOptions pipeline;
    pipeline.keep_near_duplicates = options.keep_duplicates;
    pipeline.batch_date = options.date;
    pipeline.progress = [&](size_t done, size_t total) { progress.update(done, total); };
    Result<ingest::IngestSummary> summary = ingest::ingest_record_lines(**st, options.triples, *records, pipeline);
    progress.finish(summary.is_ok() ? summary->articles : 0);
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
  Progress progress(progress_style(options), "bytes", "byte");
  uint64_t bytes = 0;
  Result<store::BulkLoadResult> loaded =
      (*st)->load_triples(options.triples, [&](const store::BulkLoadProgress& p) {
        progress.update(p.bytes_done, p.bytes_total);
        bytes = p.bytes_total;
      });
  progress.finish(loaded.is_ok() ? bytes : 0);
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

// What the check of a batch found: the good inputs and how many articles
// they hold, and the inputs left out. The articles themselves are not kept
// (but standard input's, which cannot be read twice): the ingest reads the
// good inputs again a group at a time, so memory stays bounded on any batch.
struct Batch {
  std::vector<std::string> good;               // inputs to ingest, in order
  std::vector<source::Document> stdin_docs;    // "-", read once
  size_t articles = 0;                         // in the good inputs
  std::vector<source::SkippedFile> not_articles;  // by name, in a directory walk
  std::vector<Status> bad;                        // refused, in input order
  size_t inputs = 0;  // inputs read, good and bad (files, and each line of a JSONL file)
};

// Checks every input named by `paths`, keeping going after a bad one so that
// the refusal can say how many there are.
Batch check_batch(const std::vector<std::string>& paths, const source::ReadOptions& read) {
  Batch batch;
  for (const std::string& path : paths) {
    Result<source::InputList> list = source::list_inputs(path);
    if (!list.is_ok()) {
      ++batch.inputs;
      batch.bad.push_back(list.status());
      continue;
    }
    std::move(list->skipped.begin(), list->skipped.end(), std::back_inserter(batch.not_articles));
    for (const std::string& input : list->inputs) {
      const size_t bad_before = batch.bad.size();
      size_t articles = 0;
      Status status = source::read_input_groups(input, read, &batch.bad, [&](std::vector<source::Document>&& docs) {
        articles += docs.size();
        if (input == "-") std::move(docs.begin(), docs.end(), std::back_inserter(batch.stdin_docs));
        return Status::ok();
      });
      if (!status.is_ok()) {
        batch.bad.resize(bad_before);  // the whole input is bad, not only some of its lines
        ++batch.inputs;
        batch.bad.push_back(status);
        continue;
      }
      // A JSONL line is an input of its own: one bad line does not cost the file.
      batch.inputs += articles + (batch.bad.size() - bad_before);
      batch.articles += articles;
      batch.good.push_back(input);
    }
  }
  return batch;
}

// Reads the good inputs again, a group at a time, into the run. Small
// inputs (one article per file) are gathered into groups of about
// `read.group_bytes`, so that every extraction thread has work: a group of
// one article keeps all but one idle.
Status ingest_batch(const Batch& batch, const source::ReadOptions& read, ingest::ArticleIngest& run) {
  std::vector<source::Document> pending;
  size_t pending_bytes = 0;
  auto flush = [&]() -> Status {
    if (pending.empty()) return Status::ok();
    Status s = run.add(pending);
    pending.clear();
    pending_bytes = 0;
    return s;
  };
  for (const std::string& input : batch.good) {
    if (input == "-") {
      if (Status s = flush(); !s.is_ok()) return s;
      if (Status s = run.add(batch.stdin_docs); !s.is_ok()) return s;
      continue;
    }
    std::vector<Status> bad_lines;  // found and listed by check_batch already
    Status s = source::read_input_groups(input, read, &bad_lines, [&](std::vector<source::Document>&& docs) {
      for (source::Document& d : docs) {
        pending_bytes += d.text.size();
        pending.push_back(std::move(d));
      }
      return pending_bytes >= read.group_bytes ? flush() : Status::ok();
    });
    if (!s.is_ok()) return s;
  }
  return flush();
}

// "skipped 1 file: bbc/README.TXT (not an article)", at most
// kSkippedNamesShown names and then a count of the others.
std::string not_articles_line(const std::vector<source::SkippedFile>& skipped) {
  std::string line = fmt::format("skipped {}:", plural(skipped.size(), "file", "files"));
  for (size_t i = 0; i < skipped.size() && i < kSkippedNamesShown; ++i) {
    line += fmt::format("{} {} ({})", i ? "," : "", skipped[i].path, skipped[i].reason);
  }
  if (skipped.size() > kSkippedNamesShown) line += fmt::format(" and {} more", skipped.size() - kSkippedNamesShown);
  return line;
}

// The default for a batch with bad inputs: refuse it all, in one line that
// names the first bad input and says how to go on.
int refuse_batch(const Batch& batch) {
  const Status& first = batch.bad.front();
  const size_t good = batch.inputs - batch.bad.size();
  std::string hint;
  if (batch.inputs > 1) {
    hint = fmt::format("; batch refused, nothing ingested: {} of {} inputs {} bad", batch.bad.size(), batch.inputs,
                       batch.bad.size() == 1 ? "is" : "are");
  }
  if (good > 0) hint += fmt::format(" (--skip-bad ingests the other {})", good);
  fmt::print(stderr, "kg: error: {}{}\n", first.message(), hint);
  return first.is_user_error() ? 1 : 2;
}

int run_articles(const std::string& db, const IngestOptions& options) {
  source::ReadOptions read;
  if (Result<source::Encoding> e = source::parse_encoding(options.encoding); e.is_ok()) {
    read.encoding = *e;
  } else {
    return report(e.status());
  }
  const Batch batch = check_batch(options.paths, read);
  if (!batch.bad.empty() && (!options.skip_bad || batch.articles == 0)) return refuse_batch(batch);
  Result<std::unique_ptr<store::Store>> st = open_for_writing(db);
  if (!st.is_ok()) return report(st.status());
  Progress progress(progress_style(options), "articles", "article");
  ingest::PipelineOptions pipeline;
  pipeline.threads = options.threads;
  pipeline.keep_near_duplicates = options.keep_duplicates;
  pipeline.batch_date = options.date;
  size_t extracted = 0;
  pipeline.progress = [&](size_t done, size_t total) {
    progress.update(done, total);
    extracted = done;
  };
  Result<std::unique_ptr<ingest::ArticleIngest>> run = ingest::ArticleIngest::start(**st, batch.articles, pipeline);
  if (!run.is_ok()) return report(run.status());
  Status ingested = ingest_batch(batch, read, **run);
  Result<ingest::IngestSummary> summary = ingested.is_ok() ? (*run)->finish() : Result<ingest::IngestSummary>(ingested);
  progress.finish(extracted);
  if (!summary.is_ok()) return report(summary.status());
  print_summary(*summary, "article");
  if (!batch.not_articles.empty()) fmt::print("{}\n", not_articles_line(batch.not_articles));
  if (batch.bad.empty()) return 0;
  for (const Status& bad : batch.bad) fmt::print(stderr, "kg: skipped: {}\n", bad.message());
  fmt::print(stderr, "kg: skipped {} of {} (exit status {})\n", batch.bad.size(),
             plural(batch.inputs, "input", "inputs"), kExitSomeSkipped);
  return kExitSomeSkipped;
}

}  // namespace

Subcommand add_ingest_command(CLI::App& kg, const GlobalOptions& global) {
  auto options = std::make_shared<IngestOptions>();
  Subcommand c;
  c.app = kg.add_subcommand("ingest", "add articles (files, directories, - for stdin) to the store");
  c.app->add_option("PATH", options->paths,
                    "articles: .txt .md .markdown .html .htm .jsonl files (extension in any case), directories "
                    "(read recursively: those files, but not README*, LICENSE*, COPYING*, NOTICE*; the others "
                    "are listed as skipped), or - for stdin");
  c.app->footer(
      "Exit status: 0 all ingested; 1 refused (bad input or arguments; nothing ingested); 2 internal error; "
      "3 --skip-bad skipped some inputs and ingested the others.");
  c.app->add_option("--triples", options->triples,
                    "load pre-extracted facts instead: the document records of 'kg extract --format jsonl' "
                    "(committed exactly as 'kg ingest' of the same articles would), or TSV triples "
                    "(subject<TAB>relation<TAB>object)");
  c.app->add_option("--threads", options->threads, "extraction threads (default: one per core)");
  c.app->add_flag("-q,--quiet", options->quiet, "no progress on stderr (same as --progress=none)");
  c.app->add_option("--progress", options->progress,
                    "auto (a line redrawn on a terminal, else none), line, plain (a line every 5 s, for logs) "
                    "or none; each but none ends with the throughput");
  c.app->add_flag("--skip-bad", options->skip_bad,
                  "ingest the good inputs of a batch with bad ones, list the bad ones on stderr and exit with "
                  "status 3 (default: refuse the whole batch, exit 1)");
  c.app->add_flag("--keep-duplicates", options->keep_duplicates,
                  "store near-duplicates too (by default an article whose text nearly equals an earlier one of the "
                  "batch, such as the same story under another title, is not stored)");
  c.app->add_option("--encoding", options->encoding,
                    "how to read text that is not valid UTF-8: utf8 (refuse it; the default), latin1, cp1252, or "
                    "auto (charset detected by libuchardet); valid UTF-8 is always read as it is");
  c.app->add_option("--date", options->date,
                    "the date of the articles that carry none (YYYY-MM-DD); without it they take the day of the "
                    "ingest, marked as such");
  c.run = [&global, options] {
    if (!options->date.empty()) {
      const std::optional<std::string> date = dates::normalize_date(options->date);
      if (!date) {
        return report(Status::invalid_input(
            fmt::format("--date {}: not a day of the calendar (write YYYY-MM-DD)", options->date)));
      }
      options->date = *date;
    }
    if (ProgressStyle style; !parse_progress_style(options->progress, &style)) {
      return report(Status::invalid_input(
          fmt::format("unknown progress style \"{}\": use auto, line, plain or none", options->progress)));
    }
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
