// The clause rules behind Extractor::extract: one object per sentence, used
// once. Private to ingest/extract.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/extract/extract.h"
#include "ingest/extract/sentence_tree.h"
#include "ingest/nlp/ner_gazetteer.h"

namespace kg::extract {

class ClauseRules {
 public:
  ClauseRules(const SentenceTree& tree, uint32_t sentence, const ExtractOptions& options,
              const Derivations* derivations)
      : t_(tree), sentence_(sentence), options_(options), derivations_(derivations) {}

  std::vector<Proposition> run();

 private:
  // The words of one predicate: `chain` runs from the word that owns the
  // subject down an xcomp chain ("sought" -> "drive"); arguments come from
  // every link.
  struct Predicate {
    std::vector<uint32_t> chain;
    bool copular = false;
    bool passive = false;
  };

  bool is_clause_head(uint32_t i) const;
  bool is_xcomp_link(uint32_t i) const;
  // A ccomp opened by a subordinator of reason or time: an adverbial clause
  // the parser mislabelled, so no object of its governor.
  bool is_adverbial_ccomp(uint32_t c) const;
  // The subject of a finite verb the parser left without one: the noun
  // phrase ending right before it, when the parser hung that phrase on some
  // other word as a modifier (see clause()); -1 when there is none.
  int32_t stranded_subject(uint32_t v) const;
  // A subject right after a preposition of its own governor ("spoke with
  // Mr Putin" read as mark + nsubj): the parser made a prepositional phrase
  // a clause, and the "subject" is the preposition's object. The
  // preposition's word, else -1.
  int32_t preposition_before_subject(uint32_t s) const;
  // A bare noun of means ("by phone", "via satellite"): a prepositional
  // phrase hung on it belongs to the verb, and it names no event.
  bool is_bare_means(uint32_t c) const;
  // A noun complement of a verb whose only subject follows a preposition
  // ("spoke with Andrade about the deal" as a ccomp "Andrade about the
  // deal" marked by "with", the noun keeping its own preposition): that
  // subject, else -1.
  int32_t nominal_clause_subject(uint32_t c) const;
  // "Turkish President Recep Erdogan" parsed with "Turkish" as the head and
  // the name as its apposition (no comma between): the name's word, else -1.
  int32_t misparsed_title_head(uint32_t a) const;
  // The first word of the person's name whose title, written before it,
  // holds word `w` ("Russia" in "Russia President Vladimir Putin", however
  // the parser attached it); -1 when `w` is in no such title.
  int32_t titled_name(uint32_t w) const;
  // A proper noun, a recognised name, or a noun capitalised inside the
  // sentence (a tagger's "West" as NOUN).
  bool looks_like_name(uint32_t i) const;
  bool is_plural_noun(uint32_t i) const { return t_.word(i).xpos == "NNS" || t_.has_feature(i, "Number=Plur"); }
  int32_t subject_of(uint32_t p, int depth, bool* inherited) const;
  uint32_t antecedent(uint32_t relative) const;
  // What an appositive noun renames: its head, or the noun phrase just before
  // its comma when the parser attached it elsewhere.
  uint32_t apposition_target(uint32_t n) const;
  std::string attribution_of(uint32_t top) const;

  void clause(uint32_t top);
  void appositions_and_noun_relations(uint32_t n);
  void nominalization(uint32_t n);

  // Argument variants of the phrase headed by `a` (one, or one per conjunct
  // when splitting). `cut` subtrees never enter the phrase.
  std::vector<Argument> expand(uint32_t a, ArgumentRole role, std::vector<uint32_t> cut) const;
  Argument make(uint32_t h, ArgumentRole role, const std::vector<uint32_t>& cut, bool prune_conj,
                int32_t nmod_swap_from, int32_t nmod_swap_to) const;
  std::string concept_of(uint32_t h, std::string* type, int32_t nmod_override) const;
  std::string preposition_of(uint32_t h) const;

  void emit(Proposition base, std::vector<std::vector<Argument>> subject_and_args);
  // How many of `wanted` more propositions the sentence's budget
  // (kMaxSentencePropositions) still has room for; the rest are counted as
  // dropped.
  size_t room_for(size_t wanted) const;

  const SentenceTree& t_;
  uint32_t sentence_;
  const ExtractOptions& options_;
  const Derivations* derivations_;
  std::vector<Proposition> out_;
  mutable std::vector<nlp::GazetteerMark> marks_;  // gazetteer marks of the words, filled on first use
};

}  // namespace kg::extract
