// The clause rules behind Extractor::extract: one object per sentence, used
// once. Private to ingest/extract.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/one_of.h"
#include "ingest/extract/extractor.h"
#include "ingest/extract/sentence_tree.h"
#include "ingest/nlp/nlp.h"

namespace kg::extract {

// Word-list tests the rules share (and kg::one_of, base/one_of.h).
template <size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view x) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

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

  // One clause under assembly (clause.cc): what each step has decided so
  // far. Invariant once choose_subject() succeeds: subject >= 0.
  struct ClauseBuild {
    uint32_t top = 0;           // the clause head: the word that owns the subject
    std::string_view top_rel;   // its full relation
    Predicate pred;
    int32_t subject = -1;       // the subject's head word
    bool inherited = false;     // subject taken from a governing clause (conj, xcomp, advcl)
    bool stranded = false;      // subject recovered from a phrase the parser hung elsewhere
    int32_t gap_object = -1;    // fills the object gap of a misparsed "N that X verbs", else -1
    bool antecedent_used = false;  // the subject is a relative pronoun read through its antecedent
    Proposition p;
    std::vector<uint32_t> rel_words;  // words of the surface relation
    std::string lemma_phrase;         // the normalised relation
    std::vector<Argument> subjects;   // one per conjunct
    std::vector<uint32_t> ante_cut;   // subtrees no argument may enter
    std::vector<Argument> args;       // non-subject arguments in the order found
    std::vector<uint32_t> mark_words; // markers of clausal complements, part of the relation text
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
  // A conjunct with a conjunction or a comma of its own: a coordination
  // that shares its first verb's subject. (A bare conjunct is a parse of
  // something else: "similar to that concluded between Rosneft and CNPC"
  // with "concluded" a conjunct of "he stressed".)
  bool marked_conjunct(uint32_t p) const;
  int32_t subject_of(uint32_t p, int depth, bool* inherited) const;
  uint32_t antecedent(uint32_t relative) const;
  // The nominal just before `relative` (punctuation aside) when it is no
  // person's name and hangs under `person`; `person` when that nominal is
  // the person's own name; else `relative` itself.
  uint32_t thing_before(uint32_t relative, uint32_t person) const;
  // What an appositive noun renames: its head, or the noun phrase just before
  // its comma when the parser attached it elsewhere.
  uint32_t apposition_target(uint32_t n) const;
  std::string attribution_of(uint32_t top) const;

  // Clause assembly (clause.cc), steps in the order clause() runs them.
  void clause(uint32_t top);
  Predicate predicate_of(uint32_t top) const;
  // False when the clause has no subject the graph could use.
  bool choose_subject(ClauseBuild& c) const;
  void absorb_auxiliaries(ClauseBuild& c, uint32_t x) const;
  void absorb_inner_adverbs(ClauseBuild& c, uint32_t x) const;
  void relation_words(ClauseBuild& c) const;
  // False when the subject phrase comes out empty.
  bool subject_arguments(ClauseBuild& c) const;
  void predicate_nominal(ClauseBuild& c) const;
  // Arguments hung on predicate word `x`, appended to c.args.
  void arguments_of(ClauseBuild& c, uint32_t x) const;
  std::vector<Argument> object_arguments(uint32_t c, const std::vector<uint32_t>& cut) const;
  std::vector<Argument> oblique_arguments(uint32_t c, const std::vector<uint32_t>& cut) const;
  std::vector<Argument> nominal_clause_arguments(uint32_t c, uint32_t pseudo_subject,
                                                 const std::vector<uint32_t>& cut) const;
  std::optional<Argument> clausal_complement(uint32_t c, std::vector<uint32_t>* mark_words) const;
  // The object a relative clause's gap or a coordinated verb's shared object supplies.
  void gap_objects(ClauseBuild& c) const;
  // Construction and confidence of c.p.
  void classify(ClauseBuild& c) const;
  // Emits one proposition per subject pair of a reciprocal verb; false when
  // the clause is not reciprocal.
  bool reciprocal(ClauseBuild& c);
  void emit_clause(ClauseBuild& c);
  void appositions_and_noun_relations(uint32_t n);
  void nominalization(uint32_t n);

  // Argument variants of the phrase headed by `a` (one, or one per conjunct
  // when splitting). `cut` subtrees never enter the phrase.
  std::vector<Argument> expand(uint32_t a, ArgumentRole role, std::vector<uint32_t> cut) const;
  Argument make(uint32_t h, ArgumentRole role, const std::vector<uint32_t>& cut, bool prune_conj,
                int32_t nmod_swap_from, int32_t nmod_swap_to) const;
  std::string concept_of(uint32_t h, std::string* type, int32_t nmod_override) const;
  // Whether words a and b are the two halves of one hyphenated word ("first-round").
  bool hyphen_joined(uint32_t a, uint32_t b) const;
  std::string preposition_of(uint32_t h) const;

  void emit(const Proposition& base, std::vector<std::vector<Argument>> subject_and_args);
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
