// Scoring annotated text against UD gold data with the metrics of the
// CoNLL 2018 shared task: tokens, sentences and words are matched on
// character spans that ignore whitespace; tags, lemmas and dependencies are
// compared on aligned words (words inside multiword tokens are aligned by
// the longest common subsequence of their lowercased forms).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ingest/nlp/document.h"

namespace kg::train {

struct UdMetric {
  std::string name;      // "Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats", "Lemmas", "UAS", "LAS"
  size_t gold = 0;       // units in the gold data
  size_t system = 0;     // units in the system output
  size_t correct = 0;    // matched units (for word attributes: aligned and equal)
  size_t aligned = 0;    // aligned words (word attributes only; else = correct)

  double precision() const { return system == 0 ? 0.0 : 100.0 * correct / system; }
  double recall() const { return gold == 0 ? 0.0 : 100.0 * correct / gold; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
  }
  double aligned_accuracy() const { return aligned == 0 ? 0.0 : 100.0 * correct / aligned; }
};

struct UdScores {
  std::vector<UdMetric> metrics;  // in the order listed in UdMetric::name
  const UdMetric* find(std::string_view name) const;
};

// Scores `system` against `gold`. Fails when the two texts differ once
// whitespace is ignored (the first difference is reported).
Result<UdScores> score_ud(const nlp::Document& gold, const nlp::Document& system);

// The raw text a user would have given for the gold data: each sentence's
// `# text` (or its forms), sentences of a paragraph joined by a space,
// paragraphs and documents separated by a blank line. `sentence_ends`, when
// given, receives the byte offset just past each sentence.
std::string ud_raw_text(const nlp::Document& gold, std::vector<size_t>* sentence_ends = nullptr);

}  // namespace kg::train
