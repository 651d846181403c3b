// Parser repairs: the places where the clause rules recognise a known
// mistake of the dependency parser and read the tree as it should have been
// (a subject hung on the wrong word, a prepositional phrase read as a
// clause, a title read as a name's head, an adverbial clause labelled ccomp).
// Kept apart from the rules proper so each repair can be checked, and moved
// into ingest/nlp/tree_repair once it can rewrite the tree without changing
// what the rules extract.
#include <algorithm>
#include <array>
#include <string_view>

#include "ingest/extract/clause_rules.h"

namespace kg::extract {

namespace {

// Subordinators that open adverbial clauses only: a clause they mark says
// why or when, it is never what a verb reports or takes ("opposes, because
// it could ..." parsed as a ccomp of "opposes").
constexpr std::array<std::string_view, 12> kAdverbialMarks = {"because", "although", "though", "since",  "unless", "while",
                                                              "whereas", "before",   "after",  "until", "once",   "so"};

}  // namespace

bool ClauseRules::is_adverbial_ccomp(uint32_t c) const {
  if (t_.rel(c) != "ccomp") return false;
  for (uint32_t m : t_.children(c)) {
    if (t_.rel(m) == "mark" && m < c && listed(kAdverbialMarks, t_.lemma(m))) return true;
  }
  return false;
}

int32_t ClauseRules::stranded_subject(uint32_t v) const {
  // Only a finite verb whose clause cannot take its subject from elsewhere.
  const std::string_view x = t_.word(v).xpos;
  if (t_.word(v).upos != nlp::UPos::VERB || !(x == "VBD" || x == "VBZ" || x == "VBP")) return -1;
  // A conjunct without a conjunction ("after concluding ..., Biden spoke"
  // as conj of "concluding") is no coordination; a real one inherits.
  const bool bare_conj = t_.rel(v) == "conj" && t_.child(v, "cc") < 0;
  if (!bare_conj && !one_of(t_.rel(v), {"root", "parataxis", "ccomp", "advcl", "dep"})) return -1;
  for (uint32_t c : t_.children(v)) {
    if (one_of(t_.base_rel(c), {"nsubj", "csubj", "expl"}) || t_.rel(c) == "mark") return -1;
    if (c < v && one_of(t_.base_rel(c), {"aux", "cop"})) return -1;  // "has the pipeline been ..." and questions
  }
  // The word just before the verb, adverbs aside, ends the subject's phrase;
  // or a comma closing an apposition to it ("Mr Austin, the defence
  // secretary, told").
  int32_t w = static_cast<int32_t>(v) - 1;
  while (w >= 0 && t_.word(static_cast<uint32_t>(w)).upos == nlp::UPos::ADV) --w;
  const bool after_comma = w >= 1 && t_.word(static_cast<uint32_t>(w)).form == ",";
  if (after_comma) --w;
  if (w < 0 || t_.excluded(static_cast<uint32_t>(w))) return -1;
  const uint32_t n = static_cast<uint32_t>(w);
  const nlp::UPos u = t_.word(n).upos;
  if (!(u == nlp::UPos::NOUN || u == nlp::UPos::PROPN || (u == nlp::UPos::PRON && !t_.is_relative_pronoun(n)))) return -1;
  if (t_.head(n) < 0) return -1;
  // The phrase's head: up through the words that build one name or noun,
  // and past the apposition a comma closes.
  const auto phrase_head = [&](uint32_t x) {
    for (int guard = 0; guard < 6 && t_.head(x) >= 0 && one_of(t_.base_rel(x), {"flat", "compound", "fixed"}); ++guard) {
      x = static_cast<uint32_t>(t_.head(x));
    }
    return x;
  };
  uint32_t h = phrase_head(n);
  if (after_comma) {
    if (t_.rel(h) != "appos" || t_.head(h) < 0) return -1;
    h = phrase_head(static_cast<uint32_t>(t_.head(h)));
  }
  // A noun already serving as some clause's subject, or an argument of the
  // verb itself, is no stray one. Deeper in the verb's subtree it may be:
  // "During testimony to the committee, Mr Austin told" with "Austin"
  // conjoined to "committee".
  if (t_.base_rel(h) == "nsubj" || t_.head(h) < 0 || t_.head(h) == static_cast<int32_t>(v)) return -1;
  return one_of(t_.base_rel(h), {"nmod", "appos", "obl", "obj", "conj", "dep", "list", "vocative"}) ? static_cast<int32_t>(h) : -1;
}

int32_t ClauseRules::preposition_before_subject(uint32_t s) const {
  if (t_.base_rel(s) != "nsubj" || t_.head(s) < 0) return -1;
  const uint32_t h = static_cast<uint32_t>(t_.head(s));
  // "With prices rising, ..." is a real small clause: its head is non-finite.
  const std::string_view x = t_.word(h).xpos;
  if (t_.word(h).upos == nlp::UPos::VERB && (x == "VBG" || x == "VBN")) return -1;
  uint32_t first = s;
  for (uint32_t w : t_.phrase(s, {}, [](uint32_t, uint32_t) { return false; })) first = std::min(first, w);
  if (first == 0 || t_.excluded(first - 1)) return -1;
  const uint32_t m = first - 1;
  if (t_.word(m).upos != nlp::UPos::ADP || t_.head(m) != static_cast<int32_t>(h) || !one_of(t_.rel(m), {"mark", "case"})) {
    return -1;
  }
  // Subordinators do take subjects ("after Putin spoke", "for him to go").
  const std::string& l = t_.lemma(m);
  if (listed(kAdverbialMarks, l) || one_of(l, {"that", "if", "whether", "as", "than", "like", "for"})) return -1;
  return static_cast<int32_t>(m);
}

int32_t ClauseRules::nominal_clause_subject(uint32_t c) const {
  if (!one_of(t_.base_rel(c), {"ccomp", "xcomp", "advcl"}) || !t_.is_nominal(c) || t_.child(c, "cop") >= 0) return -1;
  // The noun keeps its own preposition: two prepositional phrases in a row.
  if (preposition_of(c).empty()) return -1;
  int32_t found = -1;
  for (uint32_t s : t_.children(c)) {
    if (!one_of(t_.base_rel(s), {"nsubj", "csubj"}) || t_.excluded(s)) continue;
    if (preposition_before_subject(s) < 0) return -1;
    if (found < 0) found = static_cast<int32_t>(s);
  }
  return found;
}

int32_t ClauseRules::misparsed_title_head(uint32_t a) const {
  const nlp::UPos u = t_.word(a).upos;
  if ((u != nlp::UPos::PROPN && u != nlp::UPos::ADJ) || t_.word(a).ner.size() > 2) return -1;
  for (uint32_t c : t_.children(a)) {
    if (t_.rel(c) != "appos" || c < a || t_.word(c).ner.size() < 3) continue;
    // A true apposition is set off by a comma (or a bracket or dash).
    uint32_t first = c;
    for (uint32_t d : t_.children(c)) first = std::min(first, d);
    bool set_off = false;
    for (uint32_t k = a + 1; k < first; ++k) set_off = set_off || t_.word(k).upos == nlp::UPos::PUNCT;
    if (!set_off && t_.word(first).upos != nlp::UPos::PUNCT) return static_cast<int32_t>(c);
  }
  return -1;
}

}  // namespace kg::extract
