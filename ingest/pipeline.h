// The kg_ingest library: from source documents to committed store documents.
//
//   source::Document -> sentences + entities + facts -> store::DocumentRecord
//   -> Store::put_document
//
// Facts come from the trained stages (nlp -> extract -> resolve) when the
// model directory has a parser model, else from the baseline extractor.
//
// The extraction stages are pure, so they run on worker threads; the calling
// thread is the single writer and commits documents in input order, one
// WriteBatch each, so a run is reproducible and a crash leaves every article
// fully in or fully out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "graph/store/store.h"
#include "ingest/source/source.h"

namespace kg::ingest {

// What one run changed.
struct IngestSummary {
  uint64_t articles = 0;    // documents handed to the store
  uint64_t unchanged = 0;   // of them, already stored with the same content
  uint64_t replaced = 0;    // of them, stored before with different content
  uint64_t sentences = 0;   // in the added or replaced documents
  uint64_t facts = 0;       // evidence rows of the added or replaced documents
  uint64_t new_entities = 0;  // entities the store did not have before
  std::string extractor;      // "parser" (trained models) or "baseline" (no parser model)
};

struct PipelineOptions {
  unsigned threads = 0;  // extraction workers; 0 = one per core
  std::string model_dir;  // "" = nlp::Pipeline::default_model_dir()
  // Called by the writer after each document: (done, total).
  std::function<void(size_t, size_t)> progress;
};

// The store record of one article: its sentences, entities and facts as the
// baseline extractor sees them. Pure; safe on any thread.
store::DocumentRecord build_record(const source::Document& doc);

// Extracts and commits `docs` (see the file comment). Stops at the first
// store error; the documents committed before it stay committed.
Result<IngestSummary> ingest_documents(store::Store& store, const std::vector<source::Document>& docs,
                                       const PipelineOptions& options = {});

// Reads the JSONL that `kg extract --format jsonl` writes (one triple per
// line with its document and sentence) back into one record per document, so
// extraction can run elsewhere and be merged here. Errors: "FILE:LINE: ...".
Result<std::vector<store::DocumentRecord>> read_extracted_triples(const std::string& path);

// Commits records (from read_extracted_triples) in order.
Result<IngestSummary> ingest_records(store::Store& store, const std::vector<store::DocumentRecord>& records,
                                     const PipelineOptions& options = {});

}  // namespace kg::ingest
