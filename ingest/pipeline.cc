#include "base/dates.h"
#include "ingest/pipeline.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

#include "ingest/near_duplicates.h"

#include "ingest/extract/extract.h"
#include "ingest/nlp/nlp.h"

namespace kg::ingest {
namespace {

// Gives an undated record the batch date, or the day of the run marked as such.
void date_record(store::DocumentRecord& record, const PipelineOptions& options) {
  if (!record.date.empty()) return;
  record.date = options.batch_date.empty() ? dates::today_date() : options.batch_date;
  record.date_is_ingest_date = options.batch_date.empty();
}

Status write_record(store::Store& store, store::DocumentRecord& record, const PipelineOptions& options,
                    IngestSummary& summary) {
  date_record(record, options);
  Result<store::PutResult> put = store.put_document(record);
  if (!put.is_ok()) return put.status();
  ++summary.articles;
  switch (put->outcome) {
    case store::PutOutcome::kUnchanged: ++summary.unchanged; return Status::ok();
    case store::PutOutcome::kReplaced: ++summary.replaced; break;
    case store::PutOutcome::kAdded: break;
  }
  summary.sentences += record.sentences.size();
  summary.facts += put->facts;
  return Status::ok();
}

Result<uint64_t> entity_count(store::Store& store) {
  Result<store::Stats> stats = store.stats();
  if (!stats.is_ok()) return stats.status();
  return stats->entities;
}

// Decides, before any extraction, which articles of one run go to the
// store: not a copy of an earlier article of the run (same content hash),
// not stored already under its id with the same hash, and (unless kept) not
// a near-copy of an earlier article of the run. Each article turned away is
// counted in the summary; stored articles are indexed as near-copy
// originals too, so a near-copy is turned away on every run alike.
class CopyFilter {
 public:
  CopyFilter(store::Store& store, bool keep_near_duplicates)
      : store_(store), keep_near_duplicates_(keep_near_duplicates) {}

  Result<bool> admit(const std::string& id, const std::string& hash, std::string_view text,
                     IngestSummary& summary) {
    const size_t number = ids_.size();
    if (!seen_.insert(hash).second) {
      ++summary.articles;
      ++summary.duplicates;
      return false;
    }
    Result<std::optional<store::DocumentInfo>> stored = store_.find_document(id);
    if (!stored.is_ok()) return stored.status();
    const bool unchanged = *stored && (*stored)->content_hash == hash;
    ids_.push_back(id);
    const std::optional<size_t> original = keep_near_duplicates_ ? std::nullopt : near_.find_or_add(text, number);
    if (original) near_copies_[ids_[*original]].push_back(id);
    const bool near_copy = original.has_value();
    if (!unchanged && !near_copy) return true;
    ++summary.articles;
    ++(unchanged ? summary.unchanged : summary.near_duplicates);
    return false;
  }

  // Records on each kept article the ids of its near-copies that were left
  // out; run once the batch is written, when every kept article is stored.
  // A kept article that is itself stored under another id (the same text
  // under two ids) has no document of its own to record them on.
  Status record_near_copies() {
    for (const auto& [kept, copies] : near_copies_) {
      Status s = store_.record_near_duplicates(kept, copies);
      if (!s.is_ok() && s.code() != Status::Code::kNotFound) return s;
    }
    return Status::ok();
  }

 private:
  store::Store& store_;
  const bool keep_near_duplicates_;
  std::unordered_set<std::string> seen_;
  std::vector<std::string> ids_;  // the ids of the articles given numbers, by number
  std::map<std::string, std::vector<std::string>> near_copies_;  // kept id -> ids left out as its near-copies
  NearDuplicateIndex near_;
};

// The words of a record's sentences: what the near-copy test reads.
std::string record_text(const store::DocumentRecord& record) {
  std::string text;
  for (const std::string& sentence : record.sentences) text.append(sentence).append(" ");
  return text;
}

}  // namespace

// The state of one run of ingest_documents, fed a group of articles at a time.
struct ArticleIngest::State {
  State(store::Store& st, const PipelineOptions& opts, RecordBuilder&& b)
      : store(st), options(opts), builder(std::move(b)), filter(st, opts.keep_near_duplicates) {}
  store::Store& store;
  const PipelineOptions options;
  const RecordBuilder builder;
  CopyFilter filter;
  IngestSummary summary;
  uint64_t entities_before = 0, cut_before = 0, over_budget_before = 0, dropped_before = 0;
  size_t total = 0;    // articles in the whole run (the progress total)
  size_t handled = 0;  // articles given so far, stored or turned away
};

Result<std::unique_ptr<ArticleIngest>> ArticleIngest::start(store::Store& store, size_t total,
                                                             const PipelineOptions& options) {
  Result<uint64_t> before = entity_count(store);
  if (!before.is_ok()) return before.status();
  // Loaded once per run and shared read-only by the workers.
  Result<RecordBuilder> builder = RecordBuilder::load(options.model_dir);
  if (!builder.is_ok()) return builder.status();
  auto state = std::make_unique<State>(store, options, std::move(*builder));
  state->entities_before = *before;
  state->cut_before = nlp::sentences_cut_for_length();
  state->over_budget_before = nlp::sentences_over_budget();
  state->dropped_before = extract::propositions_over_budget();
  state->total = total;
  state->summary.extractor = state->builder.extractor();
  return std::unique_ptr<ArticleIngest>(new ArticleIngest(std::move(state)));
}

ArticleIngest::ArticleIngest(std::unique_ptr<State> state) : state_(std::move(state)) {}
ArticleIngest::~ArticleIngest() = default;

Status ArticleIngest::add(const std::vector<source::Document>& docs) {
  State& st = *state_;
  std::vector<size_t> todo;  // the indexes of the documents to extract, in input order
  for (size_t i = 0; i < docs.size(); ++i) {
    Result<bool> admitted = st.filter.admit(docs[i].id, docs[i].content_hash, docs[i].text, st.summary);
    if (!admitted.is_ok()) return admitted.status();
    if (*admitted) todo.push_back(i);
  }
  const size_t turned_away = docs.size() - todo.size();

  // Workers fill slots; the writer (this thread) takes them in input order.
  // At most `window` records wait in memory, so a large group does not hold
  // every record at once.
  const unsigned threads =
      std::max(1u, st.options.threads ? st.options.threads : std::thread::hardware_concurrency());
  const size_t window = size_t{threads} * 4;
  const size_t total = todo.size();
  std::vector<std::optional<store::DocumentRecord>> slots(total);
  std::mutex mu;
  std::condition_variable ready, room;
  size_t next_to_build = 0;
  size_t written = 0;
  bool stop = false;

  const auto work = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock lock(mu);
        room.wait(lock, [&] { return stop || next_to_build >= total || next_to_build < written + window; });
        if (stop || next_to_build >= total) return;
        i = next_to_build++;
      }
      store::DocumentRecord record = st.builder.build(docs[todo[i]]);
      {
        std::lock_guard lock(mu);
        slots[i] = std::move(record);
      }
      ready.notify_all();
    }
  };

  Status failure;
  {
    std::vector<std::jthread> workers;
    for (unsigned t = 0; t < std::min<size_t>(threads, total); ++t) workers.emplace_back(work);
    for (size_t i = 0; i < total; ++i) {
      store::DocumentRecord record;
      {
        std::unique_lock lock(mu);
        ready.wait(lock, [&] { return slots[i].has_value(); });
        record = std::move(*slots[i]);
        slots[i].reset();
      }
      failure = write_record(st.store, record, st.options, st.summary);
      {
        std::lock_guard lock(mu);
        written = i + 1;
        if (!failure.is_ok()) stop = true;
      }
      room.notify_all();
      if (!failure.is_ok()) break;
      if (st.options.progress) st.options.progress(st.handled + turned_away + i + 1, st.total);
    }
  }  // workers join here
  st.handled += docs.size();
  return failure;
}

Result<IngestSummary> ArticleIngest::finish() {
  State& st = *state_;
  if (Status s = st.filter.record_near_copies(); !s.is_ok()) return s;
  st.summary.sentences_cut = nlp::sentences_cut_for_length() - st.cut_before;
  st.summary.sentences_over_budget = nlp::sentences_over_budget() - st.over_budget_before;
  st.summary.propositions_over_budget = extract::propositions_over_budget() - st.dropped_before;
  Result<uint64_t> after = entity_count(st.store);
  if (!after.is_ok()) return after.status();
  st.summary.new_entities = *after - std::min(*after, st.entities_before);
  return st.summary;
}

Result<IngestSummary> ingest_documents(store::Store& store, const std::vector<source::Document>& docs,
                                       const PipelineOptions& options) {
  Result<std::unique_ptr<ArticleIngest>> run = ArticleIngest::start(store, docs.size(), options);
  if (!run.is_ok()) return run.status();
  if (Status s = (*run)->add(docs); !s.is_ok()) return s;
  return (*run)->finish();
}

Result<IngestSummary> ingest_record_lines(store::Store& store, const std::string& path, size_t records,
                                          const PipelineOptions& options) {
  Result<uint64_t> before = entity_count(store);
  if (!before.is_ok()) return before.status();
  IngestSummary summary;
  CopyFilter filter(store, options.keep_near_duplicates);
  bool first = true;
  Status read = read_record_lines(path, [&](store::DocumentRecord&& record, std::string_view extractor) {
    if (first) summary.extractor = extractor;
    if (summary.extractor != extractor) summary.extractor.clear();  // a mixed merge names no one extractor
    first = false;
    Result<bool> admitted = filter.admit(record.id, record.content_hash, record_text(record), summary);
    if (!admitted.is_ok()) return admitted.status();
    if (!*admitted) return Status::ok();
    if (Status s = write_record(store, record, options, summary); !s.is_ok()) return s;
    if (options.progress) options.progress(summary.articles, records);
    return Status::ok();
  });
  if (!read.is_ok()) return read;
  if (Status s = filter.record_near_copies(); !s.is_ok()) return s;
  Result<uint64_t> after = entity_count(store);
  if (!after.is_ok()) return after.status();
  summary.new_entities = *after - std::min(*after, *before);
  return summary;
}

}  // namespace kg::ingest
