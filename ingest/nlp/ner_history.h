// What the recognizer has said so far in one document about each word form,
// read as features of later sentences ("extended prediction history",
// Ratinov & Roth 2009): a name typed PERSON once is likely a PERSON again
// where its context says less ("Catriona is well", after "Catriona Smith").
//
// Only capitalized words and words labelled inside an entity are recorded;
// the rest are almost always outside and would only fill the map.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "ingest/nlp/document.h"
#include "ingest/nlp/ner_labels.h"
#include "ingest/nlp/string_table.h"

namespace kg::nlp {

class PredictionHistory {
 public:
  // Per form: how often it was labelled outside (index 0) or inside an
  // entity of each type (1 + EntityType).
  using Counts = std::array<uint16_t, 1 + kEntityTypeCount>;

  // Forgets everything: a new document starts.
  void clear() { counts_.clear(); }

  // Records the BILOU `labels` given to `words` (one sentence).
  void record(std::span<const Word> words, std::span<const int> labels);

  // The counts of `form`, nullptr when it was not recorded.
  const Counts* find(std::string_view form) const;

 private:
  StringMap<Counts> counts_;
};

}  // namespace kg::nlp
