// The kg_ingest library: from source documents to committed store documents.
//
//   source::Document -> RecordBuilder -> store::DocumentRecord -> Store::put_document
//                                     \-> record line (kg extract --format jsonl)
//                                          -> record line reader (kg ingest --triples) -/
//
// One builder makes every article's record: the trained stages (nlp ->
// extract -> resolve) when the model directory has a parser model, else the
// baseline extractor. A record written as a line and read back is the record
// that was built, field for field, so extracting on many machines and merging
// gives the store one `kg ingest` of the same articles gives.
//
// The extraction stages are pure, so they run on worker threads; the calling
// thread is the single writer and commits documents in input order, one
// WriteBatch each, so a run is reproducible and a crash leaves every article
// fully in or fully out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "graph/store/store.h"
#include "ingest/source/source.h"

namespace kg::extract {
class TextExtractor;
}

namespace kg::ingest {

// What one run changed.
struct IngestSummary {
  uint64_t articles = 0;    // documents handed to the store
  uint64_t unchanged = 0;   // of them, already stored with the same content
  uint64_t duplicates = 0;  // of them, the same content as an earlier article of this batch
  uint64_t near_duplicates = 0;  // of them, nearly the same text as an earlier article of this batch
  uint64_t replaced = 0;    // of them, stored before with different content
  uint64_t sentences = 0;   // in the added or replaced documents
  uint64_t facts = 0;       // evidence rows of the added or replaced documents
  uint64_t new_entities = 0;  // entities the store did not have before
  std::string extractor;      // "parser" (trained models) or "baseline" (no parser model)
  // Sentences cut into pieces for being longer than the segmenter's
  // budget (nlp::kMaxSentenceWords).
  uint64_t sentences_cut = 0;
  // Sentences left unparsed, so without facts, for being longer than the
  // parser's per-sentence budget (nlp::kMaxParsedWords).
  uint64_t sentences_over_budget = 0;
  // Candidate facts dropped past the per-sentence budget
  // (extract::kMaxSentencePropositions).
  uint64_t propositions_over_budget = 0;
};

struct PipelineOptions {
  unsigned threads = 0;  // extraction workers; 0 = one per core
  std::string model_dir;  // "" = nlp::Pipeline::default_model_dir()
  // false: an article whose text nearly equals an earlier one of the batch
  // (MinHash resemblance of word 5-shingles >= 0.9: a new title, a figure
  // corrected) is not stored, so that its facts are not counted twice.
  bool keep_near_duplicates = false;
  // The date of articles that carry none (YYYY-MM-DD, as `kg ingest --date`
  // gives it). "" = the day of the run, and the document is marked
  // date_is_ingest_date.
  std::string batch_date;
  // Called by the writer after each document: (done, total).
  std::function<void(size_t, size_t)> progress;
};

// The store record of one article: its sentences, entities and facts as the
// baseline extractor sees them. Pure; safe on any thread.
store::DocumentRecord build_record(const source::Document& doc);

// Builds the record of an article the way every command does. Immutable once
// loaded; build() is pure and safe to call from many threads at once.
class RecordBuilder {
 public:
  // `model_dir` "" means nlp::Pipeline::default_model_dir(). A directory
  // without a parser model gives the baseline; a model that is there but
  // unreadable is an error, not a silent fallback.
  static Result<RecordBuilder> load(const std::string& model_dir = "");

  store::DocumentRecord build(const source::Document& doc) const;
  std::string_view extractor() const;  // "parser" (trained models) or "baseline"

 private:
  RecordBuilder() = default;
  std::shared_ptr<const extract::TextExtractor> parsed_;  // null: the baseline
};

// Extracts and commits articles (see the file comment), given a group at a
// time, so that a batch of any size is read and ingested in bounded memory:
// start(), add() each group in input order, finish(). Stops at the first
// store error; the documents committed before it stay committed. Articles
// the store already holds under their id with the same content hash, and
// copies of an earlier article of the run (same hash) or, unless
// options.keep_near_duplicates, near-copies, are counted and skipped before
// any extraction, so re-ingesting a corpus costs a lookup per article. Each
// near-copy left out is recorded on the article it copies
// (Store::record_near_duplicates) by finish(). options.progress counts the
// articles given so far of `total`.
class ArticleIngest {
 public:
  static Result<std::unique_ptr<ArticleIngest>> start(store::Store& store, size_t total,
                                                      const PipelineOptions& options = {});
  ~ArticleIngest();
  Status add(const std::vector<source::Document>& docs);
  Result<IngestSummary> finish();

 private:
  struct State;
  explicit ArticleIngest(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// One run of ArticleIngest over `docs`.
Result<IngestSummary> ingest_documents(store::Store& store, const std::vector<source::Document>& docs,
                                       const PipelineOptions& options = {});

// ---------------------------------------------------------------------------
// Record lines: the JSONL of `kg extract --format jsonl`, read back by
// `kg ingest --triples`. One line is one whole document record, so lines from
// any number of extract runs can be concatenated, shuffled or split at line
// boundaries and still merge to the same store. Version 1, keys in this order:
//
//   {"kg_record": 1, "extractor": "parser"|"baseline",
//    "id", "title", "date", "url", "source", "content_hash": strings,
//    "sentences": [text, ...],
//    "entities": [{"name", "type": "PERSON"|"ORG"|"LOC"|"MISC"|"CONCEPT",
//                  "mentions": n, "aliases": [[surface, count], ...]}, ...],
//    "facts": [{"subject": entity index, "relation", "object": entity index,
//               "sentence": sentence index, "span": [begin, end] (bytes in the sentence),
//               "confidence": 0..1, "negated", "modal": booleans,
//               "attribution": "" when the article states it}, ...]}
//
// Every field is required; no other key is allowed. "date" is "" or
// YYYY-MM-DD; an undated record takes its date when it is ingested. Counts and indexes are
// integers from 0 to 2^32-1; indexes point into this line's lists. A reader
// refuses any other "kg_record" version.
inline constexpr int kRecordFormatVersion = 1;

// `record` as one line, '\n' included. Confidences are written in their
// shortest form that reads back as the same float ("0.75").
Result<std::string> record_line(const store::DocumentRecord& record, std::string_view extractor);

// Reads the record lines of `path` in order and hands each record and its
// extractor to `consume`; blank lines are skipped. Stops at the first
// malformed line, with "PATH:LINE: what is wrong" (invalid input), or at the
// first error `consume` returns. Memory holds one line at a time.
Status read_record_lines(const std::string& path,
                         const std::function<Status(store::DocumentRecord&&, std::string_view extractor)>& consume);

// Checks every line of a record-line file without keeping the records; the
// number of records it holds. Run before the store is opened, so that a bad
// file leaves the store as it was.
Result<size_t> check_record_lines(const std::string& path);

// Commits the records of a record-line file in order through the same writer
// as ingest_documents; `records` is what check_record_lines counted (the
// total of options.progress). The summary names the extractor when every
// line names the same one.
Result<IngestSummary> ingest_record_lines(store::Store& store, const std::string& path, size_t records,
                                          const PipelineOptions& options = {});

}  // namespace kg::ingest
