// Part-of-speech tagger: greedy left-to-right averaged perceptron.
//
// Each class is a (UPOS, XPOS) pair seen in training, so the two tag sets
// stay consistent with each other. Features are hashes of the word, its
// affixes and shape, the neighbouring words and the two previous predicted
// tags. Frequent words that training saw with a single tag skip the model.
// Morphological features (FEATS) come from what training saw for the word
// with its class, else the class's most common FEATS.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "ingest/nlp/document.h"
#include "ingest/nlp/perceptron.h"
#include "ingest/nlp/string_table.h"

namespace kg::nlp {

struct TagClass {
  UPos upos = UPos::X;
  std::string xpos;
};

// What the tagger knows besides its weights.
struct TaggerLexicon {
  std::vector<TagClass> classes;
  std::vector<std::string> feats_strings;           // index 0 is "" (no features)
  std::vector<uint32_t> class_feats;                // class -> most common feats string
  StringMap<uint32_t> unambiguous;                  // lowercase word -> its only class
  // lowercase word -> (class << 16 | feats string) pairs where the word's
  // FEATS differ from its class default.
  StringMap<std::vector<uint32_t>> word_feats;
  // lowercase word -> the class training saw most often for it (words seen
  // a few times), a feature for the word and its right neighbours, whose
  // tags are not yet predicted.
  StringMap<uint32_t> usual_class;
};

class Tagger {
 public:
  // Precomputed hashes of one word, shared by the feature templates.
  struct WordKeys {
    uint64_t lower, exact, shape, prefix[3], suffix[4];
    uint64_t usual;  // usual class + 1, or 0 for a word without one
  };

  Tagger() = default;
  Tagger(TaggerLexicon lexicon, AveragedPerceptron model)
      : lexicon_(std::move(lexicon)), model_(std::move(model)) {}

  // Tags the words of every sentence: upos, xpos, feats.
  void tag(Document* doc) const;

  // Class of each word of `words`, predicted into `classes`.
  void predict(std::span<const Word> words, std::vector<int>* classes) const;

  // Index into lexicon().feats_strings of the FEATS for `form` tagged `cls`.
  uint32_t feats_of(int cls, std::string_view form) const;

  void word_keys(std::span<const Word> words, std::vector<WordKeys>* keys) const;
  // Features of word i given the classes predicted for words before it.
  static void features(std::span<const WordKeys> keys, size_t i, int prev1, int prev2, std::vector<uint64_t>* out);

  TaggerLexicon& lexicon() { return lexicon_; }
  const TaggerLexicon& lexicon() const { return lexicon_; }
  AveragedPerceptron& model() { return model_; }

  void save(ModelWriter& out) const;
  bool load(ModelReader& in);

 private:
  TaggerLexicon lexicon_;
  AveragedPerceptron model_;
};

}  // namespace kg::nlp
