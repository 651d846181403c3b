// Navigation over one parsed sentence for the extraction rules: children by
// relation, ancestors, and the phrases (word sets) that become arguments.
// Private to ingest/extract.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/nlp/nlp.h"

namespace kg::extract {

// The universal part of a UD v2 dependency label ("nsubj" of "nsubj:pass"),
// for the rules that branch on it; a label no rule names reads as kOther.
enum class Dep : uint8_t {
  kOther, kRoot, kNsubj, kCsubj, kExpl, kObj, kIobj, kObl, kNmod, kAppos, kAcl, kAmod, kNummod, kDet, kCase,
  kMark, kAux, kCop, kAdvmod, kAdvcl, kCcomp, kXcomp, kConj, kCc, kParataxis, kCompound, kFlat, kFixed, kPunct,
};
Dep dep_of_label(std::string_view universal_label);

class SentenceTree {
 public:
  // Words before `first_word` (a dateline) are never part of a phrase.
  SentenceTree(std::span<const nlp::Word> words, uint32_t first_word);

  uint32_t size() const { return static_cast<uint32_t>(words_.size()); }
  std::span<const nlp::Word> words() const { return words_; }
  const nlp::Word& word(uint32_t i) const { return words_[i]; }
  std::span<const uint32_t> children(uint32_t i) const { return tree_.children(i); }
  int32_t head(uint32_t i) const { return words_[i].head; }
  bool excluded(uint32_t i) const { return i < first_word_; }

  // The full relation ("nsubj:pass") and its universal part ("nsubj").
  std::string_view rel(uint32_t i) const { return words_[i].deprel; }
  std::string_view base_rel(uint32_t i) const;
  // The universal part as an enum: dep(i) == Dep::kObj iff base_rel(i) == "obj".
  Dep dep(uint32_t i) const { return deps_[i]; }
  // Lower-cased lemma (the form when there is no lemma).
  const std::string& lemma(uint32_t i) const { return lemmas_[i]; }
  std::string lower_form(uint32_t i) const;

  // First child with relation `rel` (exact, or universal part when
  // `rel` has no subtype and `match_base`), or -1.
  int32_t child(uint32_t i, std::string_view rel, bool match_base = false) const;
  std::vector<uint32_t> children_with(uint32_t i, std::string_view base_rel) const;

  bool is_pronoun(uint32_t i) const;
  bool is_relative_pronoun(uint32_t i) const;
  bool is_nominal(uint32_t i) const;  // NOUN, PROPN, PRON, NUM, or a nominalised ADJ/DET head
  bool has_feature(uint32_t i, std::string_view feature) const;  // "VerbForm=Part"

  // Words of the subtree of `root`, in order, leaving out the subtrees of
  // `cut` nodes and of descendants whose relation `prune` rejects, then
  // trimming punctuation at both ends.
  template <typename Prune>
  std::vector<uint32_t> phrase(uint32_t root, std::span<const uint32_t> cut, Prune prune) const {
    std::vector<uint32_t> out;
    std::vector<uint32_t> stack{root};
    while (!stack.empty()) {
      const uint32_t n = stack.back();
      stack.pop_back();
      if (excluded(n)) continue;
      out.push_back(n);
      for (uint32_t c : children(n)) {
        bool skip = false;
        for (uint32_t x : cut) skip = skip || x == c;
        if (!skip && !prune(n, c)) stack.push_back(c);
      }
    }
    return tidy(std::move(out));
  }

  // Tokens joined by single spaces.
  std::string text(std::span<const uint32_t> words) const;

 private:
  std::vector<uint32_t> tidy(std::vector<uint32_t> words) const;

  std::span<const nlp::Word> words_;
  nlp::DependencyTree tree_;
  uint32_t first_word_;
  std::vector<std::string> lemmas_;
  std::vector<Dep> deps_;
};

}  // namespace kg::extract
