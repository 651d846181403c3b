// Text in, graph facts out: the fact form of propositions and the wrapper
// that owns the NLP pipeline, the derivations and an Extractor. Part of the
// public header ingest/extract/extract.h.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ingest/extract/carb.h"
#include "ingest/extract/extractor.h"
#include "ingest/nlp/nlp.h"

namespace kg::extract {

// One graph fact, ready for graph/store's FactRecord: arguments are entity
// mentions (with their NER type) or noun-phrase concepts (type "").
struct Fact {
  std::string subject, subject_type;
  std::string relation;  // lemma phrase
  std::string object, object_type;
  uint32_t sentence = 0;                  // index into Document::sentences
  uint32_t span_begin = 0, span_end = 0;  // bytes of the evidence within the sentence text
  float confidence = 0.5f;
  bool negated = false, modal = false;
  std::string attribution;
  Construction construction = Construction::kVerb;
};

// The graph facts of a whole parsed document (boilerplate skipped). Empty
// when the document is not parsed (Word::deprel unset).
std::vector<Fact> extract_facts(const nlp::Document& doc, const Extractor& extractor);

// The whole text -> facts path with the shipped models: the NLP pipeline
// (which must include the parser), the derivations, and an Extractor.
// Immutable once loaded; safe to share between threads.
class TextExtractor {
 public:
  // Fails (not found) when `model_dir` has no parser model, so callers can
  // keep the baseline extractor until `kg train` has run.
  static Result<TextExtractor> load(const std::string& model_dir, ExtractOptions options = {});

  // Annotates `text` with datelines ("WASHINGTON (NYTIMES) - ") blanked out
  // first: they give the place, not a clause, and they derail the parser.
  // Byte offsets are those of `text`.
  nlp::Document annotate(std::string_view text) const;
  std::vector<Fact> facts(const nlp::Document& doc) const { return extract_facts(doc, *extractor_); }
  // CaRB lines of one line holding one sentence (see carb_lines_for_sentence).
  std::string carb(std::string_view line) const { return carb_lines_for_sentence(*pipeline_, *extractor_, line); }
  const nlp::Pipeline& pipeline() const { return *pipeline_; }
  const Extractor& extractor() const { return *extractor_; }

 private:
  TextExtractor() = default;
  // Behind pointers so the Extractor's view of the derivations survives moves.
  std::shared_ptr<const nlp::Pipeline> pipeline_;
  std::shared_ptr<const Derivations> derivations_;
  std::shared_ptr<const Extractor> extractor_;
};

}  // namespace kg::extract
