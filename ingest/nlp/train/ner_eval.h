// Scoring entity spans against gold data: exact-span precision, recall and
// F1 per type and overall. Sentences are aligned by their word sequence,
// not their order (the UNER files order the EWT sentences differently).
#pragma once

#include <array>
#include <cstdint>
#include <cstddef>
#include <vector>

#include "ingest/nlp/ner_corpus.h"
#include "ingest/nlp/ner_labels.h"

namespace kg::train {

struct SpanCounts {
  size_t gold = 0;
  size_t system = 0;
  size_t correct = 0;  // same words, same type

  double precision() const { return system == 0 ? 0.0 : 100.0 * static_cast<double>(correct) / system; }
  double recall() const { return gold == 0 ? 0.0 : 100.0 * static_cast<double>(correct) / gold; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
  }
  void add(const SpanCounts& o) {
    gold += o.gold;
    system += o.system;
    correct += o.correct;
  }
};

struct NerScores {
  std::array<SpanCounts, nlp::kEntityTypeCount> by_type;  // indexed by EntityType
  SpanCounts overall;        // every type
  SpanCounts person_org_loc;  // PERSON, ORG and LOC only (MISC left out)
  size_t sentences = 0;          // gold sentences
  size_t unmatched_gold = 0;     // gold sentences with no system sentence of the same words
  size_t unmatched_system = 0;   // system sentences with no gold sentence of the same words
};

// A sentence where the system's spans differ from gold: the spans each side
// has that the other lacks (exact words and type). A sentence only one
// side has is listed with all of its spans, and has no index on the other.
struct SentenceErrors {
  static constexpr size_t kNone = SIZE_MAX;
  size_t gold_sentence = kNone;    // index into the gold corpus
  size_t system_sentence = kNone;  // index into the system corpus
  std::vector<nlp::EntitySpan> missed;    // gold only
  std::vector<nlp::EntitySpan> spurious;  // system only
};

// Scores `system` against `gold`. A gold sentence without a system match
// counts its entities as missed; an unmatched system sentence counts its
// entities as wrong.
// When `errors` is given, every sentence with a difference is appended to
// it: matched and system-only ones in system order, then gold-only ones in
// gold order.
NerScores score_entities(const nlp::NerCorpus& gold, const nlp::NerCorpus& system,
                         std::vector<SentenceErrors>* errors = nullptr);

}  // namespace kg::train
