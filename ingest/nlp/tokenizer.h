// Tokenizer following the UD English-EWT conventions.
//
// Splits text into words with their byte offsets: clitics come off their
// host (do|n't, Biden|'s, we|'re) and the pieces stay marked as one surface
// token (a CoNLL-U multiword token); punctuation is split except inside
// numbers (1,400 4.25 2021-12-07), URLs, e-mail addresses, emoticons and
// known abbreviations (Mr. U.S. etc.). Hyphenated compounds are split at
// the hyphen (well - known) unless their first part is a prefix that EWT
// keeps attached (e-mail, co-workers, pre-war); both lists are learned from
// the treebank by `kg train` and stored in the model.
//
// Tokenizing allocates nothing per token: the caller passes a reusable
// vector that only grows.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/nlp/string_table.h"

namespace kg::nlp {

class ModelWriter;
class ModelReader;

struct Token {
  enum Flag : uint8_t {
    kSpaceAfter = 1,       // whitespace follows the token
    kJoinNext = 2,         // the next token is a clitic of the same surface token (MWT)
    kLineBefore = 4,       // a line break precedes the token
    kParagraphBefore = 8,  // a blank line (or the start of the text) precedes the token
  };
  uint32_t begin = 0;  // byte offsets in the tokenized text
  uint32_t end = 0;
  uint8_t flags = 0;

  bool has(Flag f) const { return (flags & f) != 0; }
};

// The learned data of the tokenizer. Kept separate from the algorithm so
// `kg train` can build it and tests can supply their own.
struct TokenizerLexicon {
  // Words written with a final period that stay one token ("Mr.", "etc.").
  StringSet abbreviations;
  // Lowercased first parts of hyphenated words kept as one token ("e", "co").
  StringSet hyphen_prefixes;

  void save(ModelWriter& out) const;
  bool load(ModelReader& in);
};

class Tokenizer {
 public:
  explicit Tokenizer(TokenizerLexicon lexicon) : lexicon_(std::move(lexicon)) {}

  // Replaces `out` with the tokens of `text`. `text` must be valid UTF-8
  // (repair it first; see base/utf8.h).
  void tokenize(std::string_view text, std::vector<Token>* out) const;

  const TokenizerLexicon& lexicon() const { return lexicon_; }

 private:
  void tokenize_chunk(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>* out) const;
  void split_core(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>* out) const;
  bool is_abbreviation(std::string_view word) const;

  TokenizerLexicon lexicon_;
};

}  // namespace kg::nlp
