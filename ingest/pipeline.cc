#include "ingest/pipeline.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "ingest/article_facts.h"
#include "ingest/extract/baseline.h"
#include "ingest/extract/extract.h"
#include "ingest/nlp/nlp.h"

namespace kg::ingest {
namespace {

store::EntityType entity_type_of(const std::string& baseline_type) {
  if (baseline_type == "TITLE") return store::EntityType::kConcept;  // a role noun phrase
  return store::parse_entity_type(baseline_type).value_or(store::EntityType::kMisc);
}

Status write_record(store::Store& store, const store::DocumentRecord& record, IngestSummary& summary) {
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

}  // namespace

store::DocumentRecord build_record(const source::Document& doc) {
  extract::BaselineExtraction x = extract::extract_baseline(doc.text);
  store::DocumentRecord record = record_for(doc);
  record.sentences = std::move(x.sentences);
  record.entities.reserve(x.entities.size());
  for (extract::BaselineEntity& e : x.entities) {
    store::EntityRecord r;
    r.name = std::move(e.name);
    r.type = entity_type_of(e.type);
    r.aliases = std::move(e.aliases);
    r.mentions = e.mentions;
    record.entities.push_back(std::move(r));
  }
  record.facts.reserve(x.facts.size());
  for (extract::BaselineFact& f : x.facts) {
    store::FactRecord r;
    r.subject = f.subject;
    r.object = f.object;
    r.relation = std::move(f.relation);
    r.sentence = f.sentence;
    r.span_begin = f.span_begin;
    r.span_end = f.span_end;
    r.confidence = f.confidence;
    r.negated = f.negated;
    r.modal = f.modal;
    record.facts.push_back(std::move(r));
  }
  return record;
}

Result<IngestSummary> ingest_documents(store::Store& store, const std::vector<source::Document>& docs,
                                       const PipelineOptions& options) {
  Result<uint64_t> before = entity_count(store);
  if (!before.is_ok()) return before.status();
  // Loaded once per run and shared read-only by the workers. No parser model
  // means the models were never trained: the baseline runs. A model that is
  // there but unreadable is an error, not a silent fallback.
  const Result<extract::TextExtractor> models =
      extract::TextExtractor::load(options.model_dir.empty() ? nlp::Pipeline::default_model_dir() : options.model_dir);
  if (!models.is_ok() && models.status().code() != Status::Code::kNotFound) return models.status();

  // Workers fill slots; the writer (this thread) takes them in input order.
  // At most `window` records wait in memory, so a large batch does not hold
  // every record at once.
  const unsigned threads = std::max(1u, options.threads ? options.threads : std::thread::hardware_concurrency());
  const size_t window = size_t{threads} * 4;
  std::vector<std::optional<store::DocumentRecord>> slots(docs.size());
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
        room.wait(lock, [&] { return stop || next_to_build >= docs.size() || next_to_build < written + window; });
        if (stop || next_to_build >= docs.size()) return;
        i = next_to_build++;
      }
      store::DocumentRecord record = models.is_ok() ? build_parsed_record(*models, docs[i]) : build_record(docs[i]);
      {
        std::lock_guard lock(mu);
        slots[i] = std::move(record);
      }
      ready.notify_all();
    }
  };

  IngestSummary summary;
  summary.extractor = models.is_ok() ? "parser" : "baseline";
  Status failure;
  {
    std::vector<std::jthread> workers;
    for (unsigned t = 0; t < std::min<size_t>(threads, std::max<size_t>(docs.size(), 1)); ++t) {
      workers.emplace_back(work);
    }
    for (size_t i = 0; i < docs.size(); ++i) {
      store::DocumentRecord record;
      {
        std::unique_lock lock(mu);
        ready.wait(lock, [&] { return slots[i].has_value(); });
        record = std::move(*slots[i]);
        slots[i].reset();
      }
      failure = write_record(store, record, summary);
      {
        std::lock_guard lock(mu);
        written = i + 1;
        if (!failure.is_ok()) stop = true;
      }
      room.notify_all();
      if (!failure.is_ok()) break;
      if (options.progress) options.progress(i + 1, docs.size());
    }
  }  // workers join here
  if (!failure.is_ok()) return failure;

  Result<uint64_t> after = entity_count(store);
  if (!after.is_ok()) return after.status();
  summary.new_entities = *after - std::min(*after, *before);
  return summary;
}

Result<IngestSummary> ingest_records(store::Store& store, const std::vector<store::DocumentRecord>& records,
                                     const PipelineOptions& options) {
  Result<uint64_t> before = entity_count(store);
  if (!before.is_ok()) return before.status();
  IngestSummary summary;
  for (size_t i = 0; i < records.size(); ++i) {
    if (Status s = write_record(store, records[i], summary); !s.is_ok()) return s;
    if (options.progress) options.progress(i + 1, records.size());
  }
  Result<uint64_t> after = entity_count(store);
  if (!after.is_ok()) return after.status();
  summary.new_entities = *after - std::min(*after, *before);
  return summary;
}

}  // namespace kg::ingest
