// The public face of ingest/nlp: a Pipeline that loads the trained models
// and annotates text into a Document (ingest/nlp/document.h).
//
// Stages, in order: tokenize -> split sentences -> tag (UPOS, XPOS, FEATS)
// -> lemmatize -> [later stages]. The later stages (dependency parser,
// entity recognizer) are optional: each runs when its model file exists in
// the model directory. A loaded Pipeline is immutable; annotate() is
// thread-safe and deterministic.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ingest/nlp/document.h"
#include "ingest/nlp/lemmatizer.h"
#include "ingest/nlp/splitter.h"
#include "ingest/nlp/tagger.h"
#include "ingest/nlp/tokenizer.h"
// What the layers above read of nlp besides the Pipeline; they include this
// header only (the build exposes no other header of ingest/nlp to them).
#include "ingest/nlp/conllu.h"       // CoNLL-U in and out (kg nlp, kg eval)
#include "ingest/nlp/model_io.h"     // the model file format (extract's derivations table)
#include "ingest/nlp/ner_labels.h"   // entity types and spans (resolve)
#include "ingest/nlp/ner_titles.h"   // gazetteer marks and title spans (extract, resolve)
#include "ingest/nlp/text_chars.h"   // the ASCII character classes of the tokenizer (resolve)

namespace kg::nlp {

// Model file names inside the model directory.
inline constexpr std::string_view kTokenizerModelFile = "tokenizer.kgm";
inline constexpr std::string_view kTaggerModelFile = "tagger.kgm";
inline constexpr std::string_view kLemmatizerModelFile = "lemmatizer.kgm";

// Model kinds and format versions written in each file's header.
inline constexpr std::string_view kTokenizerModelKind = "tokenizer";
inline constexpr uint32_t kTokenizerModelVersion = 1;
inline constexpr std::string_view kTaggerModelKind = "tagger";
inline constexpr uint32_t kTaggerModelVersion = 3;  // 3: 50 feature templates (v2 files had 53)
inline constexpr std::string_view kLemmatizerModelKind = "lemmatizer";
inline constexpr uint32_t kLemmatizerModelVersion = 1;

// An optional stage after lemmatization (parser, recognizer). It fills its
// fields in every sentence of the document in place.
class AnnotationStage {
 public:
  virtual ~AnnotationStage() = default;
  virtual void annotate(Document* doc) const = 0;
};

// The dependency parser's per-sentence budget: a "sentence" of more words than
// this is left unparsed. Parsing is linear in the words, but the tree repairs
// and the extraction over the tree are quadratic in them on deeply nested
// clauses ("Mr Smith said that " x 10,000 is one sentence of 40,000 words:
// 24 s and 1 GB). The longest sentence of the BBC corpus has under 100
// words, so no real sentence comes near the budget.
inline constexpr size_t kMaxParsedWords = 400;

// The segmenter's per-sentence budget: a run of more words than this with
// no sentence end (a 4 MB paragraph without a full stop) is cut into pieces
// of this many words (a few more when a cut would split the clitics of one
// surface token). The tagger and the recognizer hold the features of a
// whole sentence at once, about 230 bytes a word: one 800,000-word sentence
// cost 190 MB beyond what the same words cost in ordinary sentences. The
// pieces are over the parser's budget too, so cutting loses no fact the
// sentence would have given; the longest BBC sentence has under 100 words.
inline constexpr size_t kMaxSentenceWords = 1000;

// Sentences segment() cut for their length, over the process's life (the
// summaries of kg extract and kg ingest report it).
uint64_t sentences_cut_for_length();

// Sentences the parser left unparsed for their length, over the process's
// life (every parser of the process counts into one total; the summaries of
// kg extract and kg ingest report it).
uint64_t sentences_over_budget();

struct AnnotateStats {
  size_t repaired_sequences = 0;  // ill-formed UTF-8 sequences replaced by U+FFFD
};

class Pipeline {
 public:
  // $KG_MODELS when set, else the directory the build recorded (KG_MODEL_DIR).
  static std::string default_model_dir();

  // Loads every model file in `dir`; missing optional stages are skipped.
  static Result<Pipeline> load(const std::string& dir);

  // Words and sentences of raw text: tokenize and split only.
  Document segment(std::string_view text, AnnotateStats* stats = nullptr) const;
  // Every stage after segmentation, on a document that already has its
  // words and sentences (from segment() or from CoNLL-U with gold tokens).
  void annotate(Document* doc) const;
  // The stages after lemmatization only (parser, recognizer), on a document
  // whose words already carry their tags, features and lemmas (CoNLL-U from
  // another tagger, or gold ones when measuring what tagging errors cost).
  void annotate_tagged(Document* doc) const;
  // segment() then annotate().
  Document annotate(std::string_view text, AnnotateStats* stats = nullptr) const;

  const Tokenizer& tokenizer() const { return *tokenizer_; }
  const SentenceSplitter& splitter() const { return *splitter_; }
  const Tagger& tagger() const { return *tagger_; }
  const Lemmatizer& lemmatizer() const { return *lemmatizer_; }
  size_t later_stage_count() const { return later_stages_.size(); }

 private:
  Pipeline() = default;
  // Loads the optional stages whose model files exist in `dir`.
  Status load_later_stages(const std::string& dir);

  std::unique_ptr<Tokenizer> tokenizer_;
  std::unique_ptr<SentenceSplitter> splitter_;
  std::unique_ptr<Tagger> tagger_;
  std::unique_ptr<Lemmatizer> lemmatizer_;
  std::vector<std::unique_ptr<const AnnotationStage>> later_stages_;  // run in order
};

}  // namespace kg::nlp
