// Lemmatizer: treebank lookup, WordNet exceptions, learned suffix rules.
//
// For a word and its XPOS tag the lemma is, in order: what the treebank
// says for that exact form and tag; for the lowercased form and tag; the
// WordNet exception list for the tag's part of speech (spoke -> speak); the
// most frequent suffix rewrite learned from the treebank for the longest
// matching suffix under that tag (-ies -> -y for NNS), except that a verb
// whose rule result is no WordNet verb takes the first of WordNet's own
// detachments (-ed, -ed -> -e, doubled consonant, ...) that is one
// (provoked -> provoke, not provok); else the form itself,
// lowercased unless it is a proper noun (UPOS PROPN or tagged NNP/NNPS; an
// unseen all-capital name of five or more letters is title-cased, an
// unseen lowercase one of two letters or less is a code kept as written). An
// adjective naming a nation, people or faith is capitalized ("german" ->
// "German"); a number loses its thousands separators, and a decimal comma
// becomes a point ("7,5" -> "7.5"). A
// contracted "'s" whose lemma is "be" becomes "have" before "been", "got",
// "gotten" or "had". Lookup entries are stored only
// where they differ from what the later steps would give, which keeps the
// model small.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/nlp/document.h"
#include "ingest/nlp/string_table.h"

namespace kg::nlp {

class ModelWriter;
class ModelReader;

struct LemmatizerData {
  // Keys are "<form>\x1f<XPOS>" (exact and lowercased form), "<lowercase
  // form>\x1f<n|v|a|r>" for WordNet exceptions and "<verb>\x1fV" for the
  // base forms of WordNet's verb index (the value is the verb itself),
  // "<XPOS>\x1f<lowercase suffix>" for rules. Values index `strings`; a
  // rule value is (strip << 24 | append).
  StringMap<uint32_t> exact;
  StringMap<uint32_t> lower;
  StringMap<uint32_t> wordnet;
  StringMap<uint32_t> rules;
  std::vector<std::string> strings;
};

// Longest suffix the rules look at.
inline constexpr size_t kMaxRuleSuffix = 6;

// The WordNet part of speech ('n', 'v', 'a', 'r') whose exception list
// applies to a Penn tag, or 0 for none.
char wordnet_pos(std::string_view xpos);

// Whether a word keeps its case as its own lemma: a proper noun, or
// anything tagged NNP/NNPS, since EWT does so whatever the UPOS ("United"
// is ADJ/NNP and its own lemma). Training and lemmatizing share the test.
bool is_proper(UPos upos, std::string_view xpos);

// Whether a contracted "'s" tagged VBZ stands for "has" rather than "is":
// it is followed by a participle that goes with "have" ("'s been", "'s
// got"), where "is" would read as a passive of it.
bool is_contracted_has(std::string_view form, std::string_view next_form);

class Lemmatizer {
 public:
  Lemmatizer() = default;
  explicit Lemmatizer(LemmatizerData data) : data_(std::move(data)) { index_rules(); }

  // The lemma of `form`. The result points into the model, into `form`, or
  // into `buf` (capacity `cap`, used for rewritten forms).
  std::string_view lemma(std::string_view form, UPos upos, std::string_view xpos, char* buf, size_t cap) const;

  // Like lemma() but without the treebank lookup: what the fallback steps
  // give. Training uses it to store only the lookups that matter.
  std::string_view fallback(std::string_view form, UPos upos, std::string_view xpos, char* buf, size_t cap) const;

  // Sets the lemma of every word (needs upos and xpos).
  void lemmatize(Document* doc) const;

  void save(ModelWriter& out) const;
  bool load(ModelReader& in);

 private:
  // The rewrite of the longest suffix of `lower` with a rule under `xpos`,
  // applied to `base`, written into buf; empty when no rule applies.
  std::string_view apply_rules(std::string_view lower, std::string_view xpos, std::string_view base, char* buf,
                               size_t cap) const;
  bool is_wordnet_verb(std::string_view word) const;
  // The first WordNet detachment of inflected verb `lower` that gives a
  // WordNet verb, written into buf; empty when none does.
  std::string_view wordnet_verb_of(std::string_view lower, std::string_view xpos, char* buf, size_t cap) const;

  // Fills rule_lengths_ from data_.rules, and takes a new memo_owner_ since
  // the data changed.
  void index_rules();

  LemmatizerData data_;
  // For each XPOS with rules, bit n is set when some rule under it has an
  // n-letter suffix: apply_rules looks up only those suffixes, and most
  // closed-class tags have no rules at all. Derived from data_ on load.
  StringMap<uint8_t> rule_lengths_;
  // Names this lemmatizer's data in the per-thread memo of recent lemmas
  // that lemmatize() keeps (see lemmatizer.cc); 0 before any data.
  uint64_t memo_owner_ = 0;
};

}  // namespace kg::nlp
