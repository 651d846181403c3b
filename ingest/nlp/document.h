// The annotated text that flows through ingest/nlp and into ingest/extract.
//
// A Document owns its text and every string its words point at, so a Word
// is a small fixed-size record with no heap allocation of its own. Stages
// fill fields in place: the tokenizer and splitter create words and
// sentences, the tagger sets upos/xpos/feats, the lemmatizer lemma, the
// parser head/deprel, the recognizer ner.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/nlp/string_table.h"

namespace kg::nlp {

// Universal POS tags (UD v2), in a fixed order so they can index tables.
enum class UPos : uint8_t {
  ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X,
};
inline constexpr int kUPosCount = 17;
std::string_view upos_name(UPos upos);
// False when `name` is not a UD v2 UPOS tag.
bool parse_upos(std::string_view name, UPos* out);

struct Word {
  std::string_view form;    // surface form (a view into Document storage)
  std::string_view lemma;   // "" until lemmatized
  std::string_view xpos;    // Penn tag, "" until tagged
  std::string_view feats;   // CoNLL-U FEATS ("Number=Sing|..."), "" when none
  std::string_view deprel;  // UD v2 label with subtype ("nsubj:pass"), "" until parsed
  std::string_view ner;     // BILOU tag ("B-PERSON", "U-LOC"), "" for outside
  std::string_view misc;    // CoNLL-U MISC column as read (Entity=... for coreference gold), "" for "_"
  uint32_t begin = 0;       // byte offsets of the surface form in Document::text
  uint32_t end = 0;
  int32_t head = -1;        // index of the head word within its sentence; -1 = root
  UPos upos = UPos::X;
  bool space_after = true;  // false where CoNLL-U would write SpaceAfter=No
};

// A word's lemma, or its form when it has none, in ASCII lower case.
std::string lowercase_lemma(const Word& w);

// The forms of words[begin, end) spaced as in the text: no space between two
// words that touch ("T-Mobile", "50%", "Poor's"), one space otherwise.
std::string spaced_forms(std::span<const Word> words, uint32_t begin, uint32_t end);

// The first word within three after `head` that hangs on it as an
// apposition or a flat name part ("champion Edith Masai", "the impresario,
// Sergei Diaghilev"), and with `named` also carries an entity tag; -1 for
// none, and none when a preposition hangs on it ("a stake in AOL Europe").
// (The parser's labels have no subtypes for these two.)
int32_t apposed_word(std::span<const Word> words, uint32_t head, bool named = false);

// The first token of the hyphenated word that ends at `last`: the
// tokenizer splits "scrum-half" into "scrum", "-", "half", all touching, and
// this gives the index of "scrum" for `last` at "half"; `last` itself when
// no touching hyphen comes before it. (One hyphen: "vice-chairman".)
uint32_t hyphenated_begin(std::span<const Word> words, uint32_t last);

// Whether a score starts at `first`: a number, "-" and a number, all
// touching ("2-1", which the tokenizer splits in three).
bool score_begins(std::span<const Word> words, uint32_t first);

// The other way round: the named word before it that the common noun at
// `noun` is set in apposition to ("Victor Wong, a graduate student"); -1
// for none.
int32_t named_word_apposed_to(std::span<const Word> words, uint32_t noun);

// Whether the verb at `verb` agrees with a plural subject: a plural present
// form (VBP) or "were", in the verb itself or in an auxiliary or copula on it
// ("Chelsea have signed", "England were beaten", "Ireland are"). British
// news gives a team or a company named in the singular a plural verb.
bool plural_verb(std::span<const Word> words, uint32_t verb);

// A multiword token (CoNLL-U range line "3-4 don't" style): one surface
// token covering words [first, last] of its sentence.
struct MultiwordToken {
  uint32_t first = 0;
  uint32_t last = 0;
  std::string_view form;
};

struct Sentence {
  uint32_t word_begin = 0;  // the sentence's words are Document::words[word_begin, word_end)
  uint32_t word_end = 0;
  std::string_view sent_id;  // "" when none was given
  std::string_view text;     // the sentence text as in `# text`
  bool new_paragraph = false;
  bool new_document = false;
  std::vector<MultiwordToken> multiword;  // usually empty

  uint32_t size() const { return word_end - word_begin; }
};

class Document {
 public:
  Document() : text_(std::make_unique<std::string>()) {}
  explicit Document(std::string text) : text_(std::make_unique<std::string>(std::move(text))) {}
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  Document(Document&&) = default;
  Document& operator=(Document&&) = default;

  const std::string& text() const { return *text_; }
  std::string& mutable_text() { return *text_; }

  std::vector<Word> words;
  std::vector<Sentence> sentences;

  std::span<Word> words_of(const Sentence& s) {
    return std::span<Word>(words).subspan(s.word_begin, s.size());
  }
  std::span<const Word> words_of(const Sentence& s) const {
    return std::span<const Word>(words).subspan(s.word_begin, s.size());
  }

  // Copies `s` into storage owned by this document and returns a stable view
  // of the copy; equal strings share one copy.
  std::string_view intern(std::string_view s) {
    // Looking up first avoids building a std::string for what is already
    // there, which is most calls (tags, frequent lemmas).
    if (const auto it = pool_.find(s); it != pool_.end()) return *it;
    return *pool_.emplace(s).first;
  }

 private:
  // Behind a pointer so that views into it survive moving the Document
  // (a moved std::string may move its characters when they are short).
  std::unique_ptr<std::string> text_;
  StringSet pool_;  // node-based: views stay valid on rehash
};

// Children of every word of one sentence, in word order, without a heap
// allocation per word: children(i) is a slice of one flat array.
class DependencyTree {
 public:
  explicit DependencyTree(std::span<const Word> words);
  std::span<const uint32_t> children(uint32_t word) const {
    return std::span<const uint32_t>(children_).subspan(start_[word], start_[word + 1] - start_[word]);
  }
  // Index of the root word, or -1 for an empty or unparsed sentence.
  int32_t root() const { return root_; }

 private:
  std::vector<uint32_t> start_;     // size n + 1
  std::vector<uint32_t> children_;  // size n - 1 for a tree
  int32_t root_ = -1;
};

}  // namespace kg::nlp
