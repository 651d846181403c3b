// The extractor: parsed sentences in, propositions out, and its options and
// per-sentence budget. Part of the public header ingest/extract/extract.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "ingest/extract/derivations.h"
#include "ingest/extract/proposition.h"
#include "ingest/nlp/nlp.h"

namespace kg::extract {

// The per-sentence budget of candidate propositions. Conjoined subjects of
// a reciprocal verb pair up ("A, B and C met": A-B, A-C, B-C), so a list of
// n names gives n(n-1)/2 propositions: 3,000 comma-separated names were 4.5
// million (killed at 300 s). Past the budget a sentence's further
// propositions are dropped and counted; a news sentence makes a handful.
inline constexpr size_t kMaxSentencePropositions = 256;

// Propositions dropped for the budget, over the process's life (every
// extractor counts into one total; the summaries of kg extract and kg ingest
// report it).
uint64_t propositions_over_budget();

struct ExtractOptions {
  // Split coordinated arguments into one proposition per conjunct (the graph
  // wants this; CaRB's gold mostly keeps coordinations whole).
  bool split_conjuncts = true;
  // Emit possessive and noun-modifier relations ("Putin's adviser").
  bool noun_relations = true;
};

class Extractor {
 public:
  // Without derivations the nominalization rule is off.
  explicit Extractor(ExtractOptions options = {}, const Derivations* derivations = nullptr)
      : options_(options), derivations_(derivations) {}

  // Propositions of one parsed sentence (Word::head and deprel filled in).
  // Sentences that are news boilerplate yield nothing; dateline words are
  // never arguments.
  std::vector<Proposition> extract(const nlp::Document& doc, uint32_t sentence) const;

  // Propositions of every sentence of `doc`, skipping boilerplate paragraphs.
  std::vector<Proposition> extract_all(const nlp::Document& doc) const;

 private:
  ExtractOptions options_;
  const Derivations* derivations_;
};

}  // namespace kg::extract
