// Sentence splitter: decides after which tokens a sentence ends.
//
// A paragraph break (blank line) always ends a sentence. Elsewhere an
// averaged perceptron, trained on the rebuilt raw text of the treebanks,
// judges each candidate position from the tokens around it (the token, its
// neighbours, their shapes, whether a line break follows). Candidates are
// the positions where a sentence can plausibly end: after punctuation, or
// before a word that does not start in lowercase, or at a line break; a
// sentence never ends inside a multiword token. In a text whose paragraphs
// end in stops, as news does, a word running on into a capitalised one on
// the same line is no candidate ("the 2003 French | Open champion").
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "ingest/nlp/perceptron.h"
#include "ingest/nlp/tokenizer.h"

namespace kg::nlp {

class SentenceSplitter {
 public:
  SentenceSplitter() : model_(2) {}
  explicit SentenceSplitter(AveragedPerceptron model) : model_(std::move(model)) {}

  // Replaces `ends` with the indices of the tokens that end a sentence, in
  // order; the last token always ends one.
  void split(std::string_view text, std::span<const Token> tokens, std::vector<uint32_t>* ends) const;

  // True where a decision is made after token i (the others never end a
  // sentence unless a paragraph break follows).
  static bool is_candidate(std::string_view text, std::span<const Token> tokens, size_t i);
  // Features of the position after token i, appended to `out`.
  // `since_start` counts the tokens of the current sentence up to token i.
  static void features(std::string_view text, std::span<const Token> tokens, size_t i, size_t since_start,
                       std::vector<uint64_t>* out);

  AveragedPerceptron& model() { return model_; }
  const AveragedPerceptron& model() const { return model_; }

 private:
  AveragedPerceptron model_;
};

}  // namespace kg::nlp
