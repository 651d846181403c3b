// Part-of-speech tagger: greedy left-to-right averaged perceptron.
//
// Each class is a (UPOS, XPOS) pair seen in training, so the two tag sets
// stay consistent with each other. Features are hashes of the word, its
// affixes and shape, the neighbouring words and the two previous predicted
// tags, and what training saw for the word and its neighbours (most common
// class, set of classes) and their Brown clusters, which the lexicon copies
// from clusters.kgm at training time. Frequent words that training saw with a single tag
// skip the model.
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

// What training saw for one lowercased word, and its Brown cluster.
struct TaggerWord {
  // The word's only class: frequent words seen with a single class skip the
  // model. -1 for the others.
  int32_t only = -1;
  // The class seen most often (words seen a few times), a feature for the
  // word and for its left neighbours, whose right context is not yet tagged.
  // -1 for rare words.
  int32_t usual = -1;
  // Hash of the set of classes the word was seen with (its ambiguity class,
  // "NN|VB"); 0 for rare words.
  uint64_t tag_set = 0;
  // Feature key of the word's Brown cluster path prefixes of 4, 6, 10 and
  // 20 branches (ClusterPath::key(), see word_clusters.h); 0 when unknown.
  uint64_t cluster[4] = {0, 0, 0, 0};
  // (class << 16 | feats string) pairs where the word's FEATS differ from
  // its class default.
  std::vector<uint32_t> feats;
};

// What the tagger knows besides its weights.
struct TaggerLexicon {
  std::vector<TagClass> classes;
  std::vector<std::string> feats_strings;           // index 0 is "" (no features)
  std::vector<uint32_t> class_feats;                // class -> most common feats string
  StringMap<TaggerWord> words;                      // keyed by the lowercased form
};

class Tagger {
 public:
  // Precomputed hashes of one word, shared by the feature templates.
  struct WordKeys {
    uint64_t lower, exact, shape, prefix[3], suffix[5];
    uint64_t usual;     // usual class + 1, or 0 for a word without one
    uint64_t tag_set;   // TaggerWord::tag_set, 0 for an unknown word
    const TaggerWord* entry;  // the word's lexicon entry, or null
    uint64_t headline;  // 1 when most words of the sentence are capitalized (titles)
    const uint64_t* cluster;  // TaggerWord::cluster, all 0 for an unknown word
  };

  Tagger() = default;
  Tagger(TaggerLexicon lexicon, AveragedPerceptron model);

  // Tags the words of every sentence: upos, xpos, feats.
  void tag(Document* doc) const;

  // Class of each word of `words`, predicted into `classes`; `keys`
  // receives the words' keys (and lexicon entries) used on the way.
  void predict(std::span<const Word> words, std::vector<int>* classes, std::vector<WordKeys>* keys) const;
  void predict(std::span<const Word> words, std::vector<int>* classes) const;

  // Index into lexicon().feats_strings of the FEATS for a word tagged `cls`
  // whose lexicon entry is `entry` (null for an unknown word).
  uint32_t feats_of(int cls, const TaggerWord* entry) const;

  void word_keys(std::span<const Word> words, std::vector<WordKeys>* keys) const;
  // Features of word i given the classes predicted for words before it.
  static void features(std::span<const WordKeys> keys, size_t i, int prev1, int prev2, std::vector<uint64_t>* out);

  TaggerLexicon& lexicon() { return lexicon_; }
  const TaggerLexicon& lexicon() const { return lexicon_; }
  // Mutable access may change the weights, so it retires what the memo of
  // partial scores holds for this tagger.
  AveragedPerceptron& model();

  void save(ModelWriter& out) const;
  bool load(ModelReader& in);

 private:
  TaggerLexicon lexicon_;
  AveragedPerceptron model_;
  // Names this tagger's weights in the per-thread memo of the scores of
  // each word's own features (see tagger.cc and memo_owner.h).
  uint64_t memo_owner_ = 0;
};

}  // namespace kg::nlp
