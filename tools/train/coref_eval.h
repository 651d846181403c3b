// Scoring coreference against GUM's Entity annotation: MUC, B-cubed, CEAF-e
// and their average, the CoNLL F1.
//
// Both gold and system are CoNLL-U files over the same words whose MISC
// column carries entity brackets in the CorefUD notation GUM uses:
// "Entity=(ID-TYPE-..." opens a mention of entity ID on a word, "ID)"
// closes it, "(ID-TYPE-...)" is a one-word mention; fields after TYPE are
// ignored. Entity ids are local to a document ("# newdoc").
//
// Restriction (issue 8): only mentions of person, organization and place
// entities that are proper names (head word PROPN) or third-person personal
// pronouns (one word, PronType=Prs and Person=3) are scored, on both sides,
// judged on the gold file's words (the system file may carry its own tags).
// Mentions match when they share the sentence and the head word (the first
// word of the span whose gold head lies outside it), so "the United States"
// and "United States" are one mention.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/status.h"
#include "ingest/nlp/nlp.h"

namespace kg::train {

struct CorefMention {
  uint32_t sentence = 0;  // index into Document::sentences
  uint32_t begin = 0;     // words [begin, end) within the sentence
  uint32_t end = 0;
  std::string type;       // "person", "organization", "place", ...
};

// The entities of one document: each a list of mentions.
struct CorefDocument {
  uint32_t first_sentence = 0, last_sentence = 0;  // [first, last)
  std::vector<std::vector<CorefMention>> entities;
};

// Reads the Entity= brackets of every document of `doc` (read_conllu keeps
// MISC in Word::misc). Unbalanced brackets are errors "SOURCE: sentence N: ...".
Result<std::vector<CorefDocument>> read_entity_annotation(const nlp::Document& doc, std::string_view source);

struct CorefMetric {
  double recall_num = 0, recall_den = 0, precision_num = 0, precision_den = 0;
  double recall() const { return recall_den == 0 ? 0.0 : 100.0 * recall_num / recall_den; }
  double precision() const { return precision_den == 0 ? 0.0 : 100.0 * precision_num / precision_den; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
  }
};

struct CorefScores {
  CorefMetric muc, b3, ceafe;
  double conll_f1() const { return (muc.f1() + b3.f1() + ceafe.f1()) / 3.0; }
  size_t gold_mentions = 0, system_mentions = 0, matched_mentions = 0;
  size_t gold_entities = 0, system_entities = 0;
};

struct CorefEvalOptions {
  bool singletons = true;  // false: entities with one (scored) mention are left out on both sides
};

// Scores `system` against `gold` (see the file comment). The two documents
// must have the same sentences and words per sentence.
Result<CorefScores> score_coreference(const nlp::Document& gold, const nlp::Document& system,
                                      const CorefEvalOptions& options = {});

// The metrics on entities given as lists of mention keys (any integers
// naming mentions; equal keys are the same mention). Exposed for tests.
using KeyedEntities = std::vector<std::vector<uint64_t>>;
void add_coref_scores(const KeyedEntities& gold, const KeyedEntities& system, CorefScores* scores);

}  // namespace kg::train
