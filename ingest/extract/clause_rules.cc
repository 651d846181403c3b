#include "ingest/extract/clause_rules.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <initializer_list>

#include "base/lexicon.h"
#include "ingest/nlp/ner_titles.h"

namespace kg::extract {

namespace {

std::atomic<uint64_t> dropped_propositions{0};

bool one_of(std::string_view x, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

constexpr std::array<std::string_view, 9> kModals = {"can", "could", "may", "might", "must", "shall", "should", "would", "ought"};
constexpr std::array<std::string_view, 4> kNegations = {"not", "n't", "never", "no"};

// Verbs whose coordinated subjects act on each other: "A and B met" = A met B.
constexpr std::array<std::string_view, 24> kReciprocal = {
    "speak", "talk", "meet", "agree", "clash", "argue", "negotiate", "chat", "fight", "quarrel", "disagree", "collaborate",
    "cooperate", "compete", "correspond", "converse", "confer", "consult", "merge", "differ", "partner", "wrestle",
    "communicate", "reconcile"};

// Relations of a dependent that are part of the clause, not of a nominal
// predicate's own phrase.
bool clause_level(std::string_view base) {
  return one_of(base, {"nsubj", "csubj", "cop", "aux", "mark", "obl", "advcl", "ccomp", "xcomp", "conj", "cc", "punct",
                       "parataxis", "expl", "advmod", "discourse", "vocative", "dep", "obj", "iobj", "reparandum"});
}

template <size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view x) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

// Subordinators that open adverbial clauses only: a clause they mark says
// why or when, it is never what a verb reports or takes ("opposes, because
// it could ..." parsed as a ccomp of "opposes").
constexpr std::array<std::string_view, 12> kAdverbialMarks = {"because", "although", "though", "since",  "unless", "while",
                                                              "whereas", "before",   "after",  "until", "once",   "so"};

}  // namespace

// ---------------------------------------------------------------------------
// Which words head clauses.

bool ClauseRules::is_xcomp_link(uint32_t i) const {
  // A verbal xcomp continues its governor's predicate ("sought to drive").
  if (t_.rel(i) != "xcomp" || t_.head(i) < 0) return false;
  const nlp::UPos u = t_.word(i).upos;
  return u == nlp::UPos::VERB && is_clause_head(static_cast<uint32_t>(t_.head(i)));
}

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

bool ClauseRules::is_bare_means(uint32_t c) const {
  if (t_.base_rel(c) != "obl" || t_.word(c).upos != nlp::UPos::NOUN || is_plural_noun(c)) return false;
  if (!one_of(preposition_of(c), {"by", "via"})) return false;
  for (uint32_t m : t_.children(c)) {
    if (one_of(t_.base_rel(m), {"det", "nmod:poss", "amod", "nummod", "compound"}) || t_.rel(m) == "nmod:poss") return false;
  }
  return true;
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

bool ClauseRules::looks_like_name(uint32_t i) const {
  const nlp::Word& w = t_.word(i);
  if (w.upos == nlp::UPos::PROPN || w.ner.size() > 2) return true;
  // A capitalised noun inside the sentence ("on the West" tagged NOUN).
  return w.upos == nlp::UPos::NOUN && i > 0 && !t_.excluded(i - 1) && !w.form.empty() &&
         std::isupper(static_cast<unsigned char>(w.form[0])) && t_.word(i - 1).upos != nlp::UPos::PUNCT;
}

int32_t ClauseRules::titled_name(uint32_t w) const {
  const nlp::Word& word = t_.word(w);
  if (word.ner.size() > 2 || word.form.empty() || !std::isupper(static_cast<unsigned char>(word.form[0]))) return -1;
  // Titles are short and unbroken: capitalised words up to the name.
  for (uint32_t k = w + 1; k < t_.size() && k <= w + 5; ++k) {
    const nlp::Word& next = t_.word(k);
    if (next.form.empty() || !std::isupper(static_cast<unsigned char>(next.form[0]))) return -1;
    const std::string_view tag = next.ner;
    if (tag.size() < 3) continue;
    if ((tag[0] != 'B' && tag[0] != 'U') || tag.substr(2) != "PERSON") return -1;
    if (marks_.empty()) nlp::Gazetteer::builtin().mark(t_.words(), &marks_);
    return nlp::title_begin(t_.words(), marks_, k) <= w ? static_cast<int32_t>(k) : -1;
  }
  return -1;
}

bool ClauseRules::is_clause_head(uint32_t i) const {
  if (t_.excluded(i)) return false;
  const std::string_view base = t_.base_rel(i);
  if (one_of(base, {"amod", "compound", "case", "mark", "det", "aux", "cop", "fixed", "flat", "discourse", "punct",
                    "goeswith", "nummod"})) {
    return false;
  }
  if (t_.child(i, "cop") >= 0) return true;
  const nlp::UPos u = t_.word(i).upos;
  if (u == nlp::UPos::VERB) return true;
  // "There are experts" tagged AUX at the root.
  return u == nlp::UPos::AUX && t_.child(i, "nsubj", true) >= 0;
}

int32_t ClauseRules::subject_of(uint32_t p, int depth, bool* inherited) const {
  bool prepositional = false;
  for (uint32_t c : t_.children(p)) {
    if (!one_of(t_.base_rel(c), {"nsubj", "csubj"}) || t_.excluded(c)) continue;
    if (preposition_before_subject(c) >= 0) {
      prepositional = true;
      continue;
    }
    return static_cast<int32_t>(c);
  }
  // Only a preposition's object in the subject slot: the clause has no subject of its own.
  if (prepositional) return -1;
  if (depth > 8 || t_.head(p) < 0) return -1;
  const uint32_t h = static_cast<uint32_t>(t_.head(p));
  const std::string_view rel = t_.rel(p);
  if (rel == "conj" && is_clause_head(h)) {
    *inherited = true;
    return subject_of(h, depth + 1, inherited);
  }
  if (rel == "xcomp") {
    *inherited = true;
    // Object control: "urged Germany to suspend" -> Germany suspends.
    const int32_t obj = t_.child(h, "obj");
    if (obj >= 0 && one_of(t_.lemma(h), {"urge", "ask", "tell", "persuade", "force", "order", "allow", "invite",
                                         "encourage", "pressure", "warn", "help", "enable", "require"})) {
      return obj;
    }
    return subject_of(h, depth + 1, inherited);
  }
  if (rel == "advcl" && t_.word(p).upos == nlp::UPos::VERB) {
    const std::string_view x = t_.word(p).xpos;
    const int32_t mark = t_.child(p, "mark");
    const bool non_finite = x == "VBG" || x == "VB" || x == "VBN" || t_.has_feature(p, "VerbForm=Ger") ||
                            t_.has_feature(p, "VerbForm=Inf");
    if (non_finite && (mark < 0 || one_of(t_.lemma(static_cast<uint32_t>(mark)), {"to", "after", "before", "while", "by", "in"}))) {
      *inherited = true;
      return subject_of(h, depth + 1, inherited);
    }
    return -1;
  }
  if ((rel == "acl" || rel == "acl:relcl") && t_.is_nominal(h)) {
    *inherited = true;
    return static_cast<int32_t>(h);
  }
  return -1;
}

uint32_t ClauseRules::antecedent(uint32_t relative) const {
  int32_t x = t_.head(relative);
  while (x >= 0) {
    if (t_.rel(static_cast<uint32_t>(x)) == "acl:relcl") {
      int32_t h = t_.head(static_cast<uint32_t>(x));
      // "the Nord Stream 2 pipeline, a project that X opposes": X opposes the pipeline.
      if (h >= 0 && t_.rel(static_cast<uint32_t>(h)) == "appos" && t_.head(static_cast<uint32_t>(h)) >= 0) {
        h = t_.head(static_cast<uint32_t>(h));
      }
      return h >= 0 ? static_cast<uint32_t>(h) : relative;
    }
    x = t_.head(static_cast<uint32_t>(x));
  }
  return relative;
}

std::string ClauseRules::attribution_of(uint32_t top) const {
  // A speech verb in parataxis: "There is no deal, Sullivan said."
  for (uint32_t c : t_.children(top)) {
    if (t_.rel(c) == "parataxis" && one_of(t_.lemma(c), {"say", "tell", "add", "claim", "state", "insist", "argue"})) {
      bool inh = false;
      const int32_t s = subject_of(c, 0, &inh);
      if (s >= 0) {
        std::string type;
        return concept_of(static_cast<uint32_t>(s), &type, -1);
      }
    }
  }
  // The governing clause of a ccomp: "Sullivan said that X" -> X by Sullivan.
  uint32_t x = top;
  for (int depth = 0; depth < 8 && t_.head(x) >= 0; ++depth) {
    const uint32_t h = static_cast<uint32_t>(t_.head(x));
    if ((t_.rel(x) == "ccomp" && !is_adverbial_ccomp(x)) || (t_.rel(x) == "parataxis" && t_.child(h, "obj") < 0 &&
                                  one_of(t_.lemma(h), {"say", "tell", "add"}))) {
      bool inh = false;
      const int32_t s = subject_of(h, 0, &inh);
      if (s < 0) return "";
      const uint32_t su = t_.is_relative_pronoun(static_cast<uint32_t>(s)) ? antecedent(static_cast<uint32_t>(s))
                                                                           : static_cast<uint32_t>(s);
      std::string type;
      return concept_of(su, &type, -1);
    }
    if (t_.rel(x) != "conj" && t_.rel(x) != "xcomp") return "";
    x = h;
  }
  return "";
}

uint32_t ClauseRules::apposition_target(uint32_t n) const {
  if (t_.rel(n) == "appos" && t_.head(n) >= 0) return static_cast<uint32_t>(t_.head(n));
  // "the pipeline to Germany, a project that ...": an apposition the parser
  // attached elsewhere; the noun phrase before the comma is what is meant.
  if (t_.word(n).upos != nlp::UPos::NOUN || t_.child(n, "det") < 0) return n;
  uint32_t first = n;
  for (uint32_t c : t_.children(n)) {
    if (t_.rel(c) != "punct") first = std::min(first, c);
  }
  if (first < 2 || t_.word(first - 1).form != ",") return n;
  uint32_t h = first - 2;
  for (int guard = 0; guard < 6 && t_.head(h) >= 0 &&
                      one_of(t_.base_rel(h), {"nmod", "compound", "flat", "amod", "nummod", "conj", "det", "case"});
       ++guard) {
    h = static_cast<uint32_t>(t_.head(h));
  }
  return t_.is_nominal(h) && h != n && one_of(t_.base_rel(h), {"obj", "obl", "nsubj"}) ? h : n;
}

// ---------------------------------------------------------------------------
// Arguments.

std::string ClauseRules::preposition_of(uint32_t h) const {
  std::string prep;
  for (uint32_t c : t_.children(h)) {
    if (t_.rel(c) != "case" || c > h || t_.word(c).upos == nlp::UPos::PART) continue;  // "'s" is no preposition
    if (!prep.empty()) prep += ' ';
    prep += t_.lower_form(c);
    for (uint32_t f : t_.children(c)) {
      if (t_.rel(f) == "fixed") prep += ' ' + t_.lower_form(f);
    }
  }
  return prep;
}

std::string ClauseRules::concept_of(uint32_t h, std::string* type, int32_t nmod_override) const {
  type->clear();
  auto mention = [&](uint32_t w, std::string* out_type) -> std::string {
    const std::string_view tag = t_.word(w).ner;
    if (tag.size() < 3 || tag == "O") return "";
    uint32_t b = w, e = w;
    while (b > 0 && tag[0] != 'B' && tag[0] != 'U' && t_.word(b - 1).ner.size() > 2 &&
           t_.word(b).ner[0] != 'B' && t_.word(b).ner[0] != 'U') {
      --b;
    }
    while (e + 1 < t_.size() && t_.word(e).ner[0] != 'L' && t_.word(e).ner[0] != 'U' &&
           t_.word(e + 1).ner.size() > 2 && (t_.word(e + 1).ner[0] == 'I' || t_.word(e + 1).ner[0] == 'L')) {
      ++e;
    }
    // A person's span that runs on into a phrase the parser keeps apart
    // ("Lucia Andrade on Monday" tagged as one) ends before it.
    if (tag.substr(2) == "PERSON") {
      for (uint32_t k = b + 1; k <= e; ++k) {
        if (t_.word(k).form.empty() || !std::islower(static_cast<unsigned char>(t_.word(k).form[0]))) continue;
        bool attached = false;
        for (uint32_t j = k; j <= e; ++j) {
          attached = attached || (t_.head(j) >= static_cast<int32_t>(b) && t_.head(j) < static_cast<int32_t>(k));
        }
        if (!attached) {
          e = k - 1;
          break;
        }
      }
    }
    // Untagged proper nouns the parser made part of the name ("Lucia" tagged,
    // "Andrade" flat under it) finish it.
    while (e + 1 < t_.size() && t_.word(e + 1).ner.size() < 3 && t_.word(e + 1).upos == nlp::UPos::PROPN &&
           t_.rel(e + 1) == "flat" && t_.head(e + 1) >= static_cast<int32_t>(b) && t_.head(e + 1) <= static_cast<int32_t>(e)) {
      ++e;
    }
    *out_type = std::string(tag.substr(2));
    std::vector<uint32_t> ws;
    for (uint32_t k = b; k <= e; ++k) {
      if (!lexicon::is_honorific(t_.lower_form(k), lexicon::kClauseHonorific)) ws.push_back(k);
    }
    return t_.text(ws);
  };
  if (std::string m = mention(h, type); !m.empty()) return m;
  // A title word before a name stands for the person ("Russia" of "Russia
  // President Vladimir Putin" parsed as a conjunct of its own).
  if (const int32_t name = titled_name(h); name >= 0) {
    if (std::string m = mention(static_cast<uint32_t>(name), type); !m.empty()) return m;
  }
  // A product or event name modifying a common noun ("the Nord Stream 2 pipeline") is what the noun names.
  for (uint32_t c : t_.children(h)) {
    if (one_of(t_.base_rel(c), {"compound", "flat"}) && c < h) {
      std::string ct;
      std::string m = mention(c, &ct);
      if (!m.empty() && ct == "MISC") {
        *type = ct;
        return m;
      }
    }
  }
  // Head noun phrase: compounds, names, adjectives and numbers around the head, no determiners.
  std::vector<uint32_t> ws;
  std::vector<uint32_t> stack{h};
  while (!stack.empty()) {
    const uint32_t n = stack.back();
    stack.pop_back();
    if (t_.excluded(n)) continue;
    ws.push_back(n);
    for (uint32_t c : t_.children(n)) {
      const std::string_view r = t_.rel(c);
      // Adjectives inside a name chain stay ("Senate Foreign Relations Committee").
      const bool in_name = n != h && t_.word(n).upos == nlp::UPos::PROPN;
      if (one_of(t_.base_rel(c), {"compound", "flat"}) || ((n == h || in_name) && one_of(r, {"amod", "nummod"}))) {
        stack.push_back(c);
      }
    }
  }
  std::sort(ws.begin(), ws.end());
  std::string out;
  bool leading = true;
  for (uint32_t w : ws) {
    const std::string low = t_.lower_form(w);
    if (leading && lexicon::is_honorific(low, lexicon::kClauseHonorific)) continue;
    if (t_.word(w).upos == nlp::UPos::PUNCT) continue;
    leading = false;
    if (!out.empty()) out += ' ';
    // Names keep their case; a common word is lowercased unless it is capitalised mid-sentence.
    const nlp::Word& word = t_.word(w);
    bool acronym = word.form.size() > 1;
    for (char ch : word.form) acronym = acronym && !std::islower(static_cast<unsigned char>(ch));
    const bool keep = word.upos == nlp::UPos::PROPN || word.ner.size() > 2 || acronym ||
                      (w > 0 && !word.form.empty() && std::isupper(static_cast<unsigned char>(word.form[0])));
    out += keep ? std::string(word.form) : low;
  }
  // "leaders of France": the possessor of a role noun says which ones.
  if (t_.word(h).upos == nlp::UPos::NOUN) {
    int32_t m = nmod_override;
    if (m < 0) {
      for (uint32_t c : t_.children(h)) {
        if (t_.rel(c) == "nmod" && c > h && preposition_of(c) == "of" && t_.word(c).upos == nlp::UPos::PROPN) {
          m = static_cast<int32_t>(c);
          break;
        }
      }
    }
    if (m >= 0) {
      std::string inner_type;
      out += " of " + concept_of(static_cast<uint32_t>(m), &inner_type, -1);
    }
  }
  return out;
}

Argument ClauseRules::make(uint32_t h, ArgumentRole role, const std::vector<uint32_t>& cut, bool prune_conj,
                           int32_t nmod_swap_from, int32_t nmod_swap_to) const {
  auto prune = [&](uint32_t parent, uint32_t c) {
    const std::string_view r = t_.rel(c);
    if (one_of(r, {"acl:relcl", "parataxis", "reparandum"})) return true;
    if (parent == h && one_of(t_.base_rel(c), {"appos", "case", "mark"})) return true;
    if (parent == h && r == "punct" && (c < h ? false : true) && t_.word(c).form == ",") return true;
    if (prune_conj && parent == h && one_of(t_.base_rel(c), {"conj", "cc"})) return true;
    return false;
  };
  std::vector<uint32_t> cuts = cut;
  if (nmod_swap_from >= 0) cuts.push_back(static_cast<uint32_t>(nmod_swap_from));
  std::vector<uint32_t> words = t_.phrase(h, cuts, prune);
  if (nmod_swap_from >= 0) {
    // "leaders of France, Germany and Italy" -> "leaders of Germany": the first
    // conjunct's preposition, then the chosen conjunct alone.
    for (uint32_t c : t_.children(static_cast<uint32_t>(nmod_swap_from))) {
      if (t_.rel(c) == "case") words.push_back(c);
    }
    const uint32_t to = static_cast<uint32_t>(nmod_swap_to);
    auto prune_inner = [&](uint32_t parent, uint32_t c) {
      if (parent == to && one_of(t_.base_rel(c), {"conj", "cc", "punct"})) return true;
      return one_of(t_.rel(c), {"acl:relcl", "parataxis"});
    };
    for (uint32_t w : t_.phrase(to, {}, prune_inner)) words.push_back(w);
    std::sort(words.begin(), words.end());
  }
  Argument a;
  a.role = role;
  a.head = h;
  a.head_lemma = t_.lemma(h);
  a.text = t_.text(words);
  a.preposition = preposition_of(h);
  a.is_pronoun = t_.is_pronoun(h);
  a.node = concept_of(h, &a.entity_type, nmod_swap_to);
  a.is_name = looks_like_name(h) || !a.entity_type.empty();
  if (!words.empty()) a.span = {words.front(), words.back() + 1};
  return a;
}

std::vector<Argument> ClauseRules::expand(uint32_t a, ArgumentRole role, std::vector<uint32_t> cut) const {
  if (t_.is_relative_pronoun(a)) {
    const uint32_t ante = antecedent(a);
    if (ante != a) {
      const std::string prep = preposition_of(a);  // "in which" keeps "in"
      // The antecedent's own relative clause holds the predicate; keep it out.
      std::vector<Argument> out = expand(ante, role, std::move(cut));
      for (Argument& x : out) {
        if (!prep.empty()) x.preposition = prep;
      }
      return out;
    }
  }
  std::vector<Argument> out;
  // For the graph, the name is what a misparsed title phrase stands for
  // (CaRB keeps the whole phrase, which the full subtree still gives).
  if (options_.split_conjuncts) {
    if (const int32_t name = misparsed_title_head(a); name >= 0) a = static_cast<uint32_t>(name);
  }
  std::vector<uint32_t> heads{a};
  if (options_.split_conjuncts) {
    for (uint32_t c : t_.children(a)) {
      if (t_.rel(c) == "conj" && t_.is_nominal(c) == t_.is_nominal(a) && !t_.excluded(c)) heads.push_back(c);
    }
  }
  const bool split = heads.size() > 1;
  for (uint32_t h : heads) {
    int32_t nmod = -1;
    if (options_.split_conjuncts && t_.word(h).upos == nlp::UPos::NOUN) {
      for (uint32_t c : t_.children(h)) {
        if (t_.rel(c) == "nmod" && c > h && t_.child(c, "conj") >= 0) {
          nmod = static_cast<int32_t>(c);
          break;
        }
      }
    }
    if (nmod < 0) {
      Argument x = make(h, role, cut, split, -1, -1);
      if (x.preposition.empty() && h != a) x.preposition = preposition_of(a);
      if (!x.text.empty()) out.push_back(std::move(x));
      continue;
    }
    std::vector<uint32_t> members{static_cast<uint32_t>(nmod)};
    for (uint32_t c : t_.children(static_cast<uint32_t>(nmod))) {
      if (t_.rel(c) == "conj") members.push_back(c);
    }
    for (uint32_t m : members) {
      Argument x = make(h, role, cut, split, nmod, static_cast<int32_t>(m));
      if (x.preposition.empty() && h != a) x.preposition = preposition_of(a);
      if (!x.text.empty()) out.push_back(std::move(x));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Clauses.

void ClauseRules::clause(uint32_t top) {
  Predicate pred;
  pred.chain.push_back(top);
  for (int guard = 0; guard < 6; ++guard) {
    int32_t next = -1;
    for (uint32_t c : t_.children(pred.chain.back())) {
      if (t_.rel(c) == "xcomp" && t_.word(c).upos == nlp::UPos::VERB) next = static_cast<int32_t>(c);
    }
    if (next < 0) break;
    pred.chain.push_back(static_cast<uint32_t>(next));
  }
  const uint32_t last = pred.chain.back();
  pred.copular = t_.child(top, "cop") >= 0;

  bool inherited = false;
  int32_t subj = subject_of(top, 0, &inherited);
  // "N that X verbs" misparsed as a clause with two subjects, N and X, around
  // the relativizer: X is the subject and N (or what N is an apposition of)
  // fills the object gap.
  int32_t gap_object = -1;
  {
    std::vector<uint32_t> subjects_here;
    int32_t relativizer = -1;
    for (uint32_t c : t_.children(top)) {
      if (t_.rel(c) == "nsubj" && !t_.excluded(c)) subjects_here.push_back(c);
      if (t_.rel(c) == "mark" && one_of(t_.lemma(c), {"that", "which", "whom"})) relativizer = static_cast<int32_t>(c);
    }
    if (subjects_here.size() == 2 && relativizer > static_cast<int32_t>(subjects_here[0]) &&
        relativizer < static_cast<int32_t>(subjects_here[1]) && t_.child(top, "obj") < 0 && t_.is_nominal(subjects_here[0])) {
      subj = static_cast<int32_t>(subjects_here[1]);
      uint32_t n = subjects_here[0];
      gap_object = static_cast<int32_t>(apposition_target(n));
    }
  }
  // A finite verb the parser left without a subject, right after a noun
  // phrase it hung elsewhere ("after concluding his meeting with Mr Putin,
  // Mr Biden spoke ..." with "Mr Biden" under "Putin"): that phrase.
  bool stranded = false;
  if (subj < 0) stranded = (subj = stranded_subject(top)) >= 0;
  if (subj < 0) return;
  // For the graph, a relative pronoun names something only through its
  // antecedent; one the parser left without ("whose support" read as a main
  // clause) names nothing.
  if (options_.split_conjuncts && t_.is_relative_pronoun(static_cast<uint32_t>(subj)) &&
      antecedent(static_cast<uint32_t>(subj)) == static_cast<uint32_t>(subj) &&
      !(t_.rel(top) == "acl" || t_.rel(top) == "acl:relcl")) {
    return;
  }
  const std::string_view top_rel = t_.rel(top);

  Proposition p;
  p.sentence = sentence_;
  p.predicate = top;

  // Relation words: auxiliaries, negation, copula, the chain, particles, infinitive markers.
  std::vector<uint32_t> rel_words;
  std::string lemma_phrase;
  auto absorb_aux = [&](uint32_t x) {
    for (uint32_t c : t_.children(x)) {
      const std::string_view r = t_.rel(c);
      const std::string& l = t_.lemma(c);
      if (r == "aux" || r == "aux:pass" || r == "cop") {
        rel_words.push_back(c);
        if (listed(kModals, l)) p.modal = true;
        if (r == "aux:pass") pred.passive = true;
      } else if (r == "advmod" && listed(kNegations, l)) {
        rel_words.push_back(c);
        p.negated = true;
      } else if (r == "compound:prt") {
        rel_words.push_back(c);
      }
    }
  };
  // Adverbs between an auxiliary and its verb belong to the relation ("is fully reflected in").
  auto absorb_inner_adverbs = [&](uint32_t x) {
    int32_t first_aux = -1;
    for (uint32_t c : t_.children(x)) {
      if ((t_.base_rel(c) == "aux" || t_.rel(c) == "cop") && (first_aux < 0 || static_cast<int32_t>(c) < first_aux)) {
        first_aux = static_cast<int32_t>(c);
      }
    }
    for (uint32_t c : t_.children(x)) {
      if (t_.rel(c) == "advmod" && c < x && static_cast<int32_t>(c) > first_aux && first_aux >= 0 &&
          t_.children(c).empty() && !listed(kNegations, t_.lemma(c))) {
        rel_words.push_back(c);
      }
    }
  };
  for (size_t k = 0; k < pred.chain.size(); ++k) {
    const uint32_t x = pred.chain[k];
    absorb_aux(x);
    absorb_inner_adverbs(x);
    if (t_.child(x, "nsubj:pass") >= 0) pred.passive = true;
    rel_words.push_back(x);
    if (k > 0) {
      for (uint32_t c : t_.children(x)) {
        if (t_.rel(c) == "mark") rel_words.push_back(c);
      }
    }
  }
  // A conjoined verb without its own auxiliaries shares its first conjunct's
  // ("would not expand ... or deploy").
  if (top_rel == "conj" && t_.head(top) >= 0) {
    bool own_aux = false;
    for (uint32_t c : t_.children(top)) own_aux = own_aux || one_of(t_.base_rel(c), {"aux", "cop"});
    if (!own_aux) absorb_aux(static_cast<uint32_t>(t_.head(top)));
  }
  // Determiner "no" on the object negates too ("made no commitment").
  if (pred.copular) {
    lemma_phrase = "be";
    const std::string prep = preposition_of(top);
    if (!prep.empty()) {
      lemma_phrase += " " + prep;
      for (uint32_t c : t_.children(top)) {
        if (t_.rel(c) == "case") rel_words.push_back(c);
      }
    }
    rel_words.erase(std::remove(rel_words.begin(), rel_words.end(), top), rel_words.end());
  } else {
    for (size_t k = 0; k < pred.chain.size(); ++k) {
      const uint32_t x = pred.chain[k];
      if (k > 0) lemma_phrase += " to ";
      if (pred.passive && k + 1 == pred.chain.size()) {
        lemma_phrase += "be " + t_.lower_form(x);
      } else {
        lemma_phrase += t_.lemma(x);
      }
      for (uint32_t c : t_.children(x)) {
        if (t_.rel(c) == "compound:prt") lemma_phrase += " " + t_.lemma(c);
      }
    }
  }
  if (p.negated) {
    // Kept as a flag; the lemma phrase stays positive so facts group.
  }

  // Arguments from every link of the chain (and the predicate nominal itself).
  std::vector<std::vector<Argument>> slots;
  std::vector<uint32_t> cut_pred{top};
  bool antecedent_used = t_.is_relative_pronoun(static_cast<uint32_t>(subj));
  std::vector<uint32_t> ante_cut;
  if (top_rel == "acl:relcl" || top_rel == "acl") ante_cut.push_back(top);
  // Subject phrase: a subject that is the clause's own governor (acl) must not swallow the clause.
  const bool subject_is_governor = inherited && t_.head(top) == subj;
  std::vector<uint32_t> subj_cut = ante_cut;
  if (subject_is_governor) subj_cut.push_back(top);
  // A subject inherited through conj/xcomp/advcl keeps out the clause that inherits it.
  for (int32_t x = static_cast<int32_t>(top); x >= 0; x = t_.head(static_cast<uint32_t>(x))) {
    if (x == subj) break;
    subj_cut.push_back(static_cast<uint32_t>(x));
  }
  // The relative pronoun's clause is cut from the antecedent.
  std::vector<Argument> subjects = expand(static_cast<uint32_t>(subj), ArgumentRole::kSubject, subj_cut);
  // A stranded subject hangs inside another phrase; no argument repeats it.
  if (stranded) ante_cut.push_back(static_cast<uint32_t>(subj));
  // A second nominal subject of the same predicate is a coordination the
  // parser did not see ("A and B President C spoke" with two nsubj).
  for (uint32_t c : t_.children(top)) {
    if (static_cast<int32_t>(c) != subj && gap_object < 0 && t_.rel(c) == "nsubj" && !t_.excluded(c) && t_.is_nominal(c) &&
        !t_.is_relative_pronoun(c) && preposition_before_subject(c) < 0) {
      for (Argument& extra : expand(c, ArgumentRole::kSubject, subj_cut)) subjects.push_back(std::move(extra));
    }
  }
  if (subjects.empty()) return;
  for (Argument& s : subjects) s.preposition.clear();
  if (subject_is_governor && t_.rel(top) == "acl" && t_.word(top).xpos == "VBN") pred.passive = true;

  std::vector<Argument> args;
  std::vector<uint32_t> mark_words;
  auto add_args = [&](uint32_t x, bool is_top) {
    for (uint32_t c : t_.children(x)) {
      if (t_.excluded(c)) continue;
      const std::string_view r = t_.rel(c);
      const std::string_view b = t_.base_rel(c);
      std::vector<Argument> vs;
      if (b == "obj" || b == "iobj") {
        vs = expand(c, ArgumentRole::kObject, ante_cut);
        // For the graph, a name in a prepositional modifier of the object is
        // read as the verb's oblique: "blamed the tensions on the West" is
        // often parsed with "on the West" under "tensions".
        if (options_.split_conjuncts) {
          for (uint32_t m : t_.children(c)) {
            if (t_.rel(m) == "nmod" && m > c && looks_like_name(m)) {
              const std::string prep = preposition_of(m);
              if (prep.empty() || prep == "of") continue;
              for (Argument& v : expand(m, ArgumentRole::kOblique, ante_cut)) vs.push_back(std::move(v));
            }
          }
        }
      } else if (b == "obl") {
        const ArgumentRole role = (r == "obl:tmod" || r == "obl:npmod") ? ArgumentRole::kTime : ArgumentRole::kOblique;
        vs = expand(c, role, ante_cut);
        // For the graph: a bare noun of means ("by phone", "via satellite")
        // takes no modifier of its own, so a prepositional phrase
        // hung on it belongs to the verb ("spoke by phone with the leaders").
        // Means only: an event noun ("during testimony to X") has arguments of its own.
        if (options_.split_conjuncts && is_bare_means(c)) {
          for (uint32_t m : t_.children(c)) {
            if (t_.base_rel(m) != "nmod" || m < c || t_.rel(m) == "nmod:poss") continue;
            const std::string prep = preposition_of(m);
            if (prep.empty() || prep == "of") continue;
            for (Argument& v : expand(m, ArgumentRole::kOblique, ante_cut)) vs.push_back(std::move(v));
          }
        }
        for (Argument& v : vs) {
          if (v.role == ArgumentRole::kOblique) {
            if (v.entity_type == "LOC" && one_of(v.preposition, {"in", "at", "near"})) v.role = ArgumentRole::kPlace;
            // Lowercase lemmas only (a proper noun's lemma keeps its capital and
            // has never counted here); "may" is the modal's lemma before it is a month.
            const std::string_view lemma = t_.lemma(v.head);
            const bool lowercase = std::none_of(lemma.begin(), lemma.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
            if ((lowercase && (lexicon::is_weekday(lemma) || (lexicon::is_month(lemma) && lemma != "may"))) ||
                one_of(lemma, {"year", "month", "week", "day", "today", "yesterday", "tomorrow", "time", "decade",
                               "century"}) ||
                (t_.word(v.head).upos == nlp::UPos::NUM && v.text.size() == 4)) {
              v.role = ArgumentRole::kTime;
            }
          }
        }
      } else if (const int32_t pseudo = nominal_clause_subject(c); pseudo >= 0) {
        // "spoke with Andrade about the agreement" read as a nominal clause
        // "Andrade (is) about the agreement" marked by "with": two obliques
        // of the verb, the preposition's object and the noun with its own.
        const uint32_t s = static_cast<uint32_t>(pseudo);
        const uint32_t m = static_cast<uint32_t>(preposition_before_subject(s));
        std::string prep = t_.lower_form(m);
        for (uint32_t f : t_.children(m)) {
          if (t_.rel(f) == "fixed") prep += ' ' + t_.lower_form(f);
        }
        for (Argument& v : expand(s, ArgumentRole::kOblique, ante_cut)) {
          v.preposition = prep;
          vs.push_back(std::move(v));
        }
        std::vector<uint32_t> cut = ante_cut;
        cut.push_back(s);
        for (Argument& v : expand(c, ArgumentRole::kOblique, cut)) vs.push_back(std::move(v));
      } else if ((b == "ccomp" && !is_adverbial_ccomp(c)) || (b == "xcomp" && t_.word(c).upos != nlp::UPos::VERB)) {
        auto prune = [&](uint32_t parent, uint32_t d) {
          return (parent == c && t_.rel(d) == "mark") || t_.rel(d) == "parataxis";
        };
        Argument a;
        a.role = ArgumentRole::kObject;
        a.head = c;
        a.head_lemma = t_.lemma(c);
        a.is_clause = b == "ccomp";
        std::vector<uint32_t> ws = t_.phrase(c, {}, prune);
        a.text = t_.text(ws);
        if (ws.empty()) continue;
        a.span = {ws.front(), ws.back() + 1};
        if (!a.is_clause) a.node = concept_of(c, &a.entity_type, -1);
        for (uint32_t d : t_.children(c)) {
          if (t_.rel(d) == "mark" && d < c) mark_words.push_back(d);
        }
        vs.push_back(std::move(a));
      }
      (void)is_top;
      for (Argument& v : vs) args.push_back(std::move(v));
    }
  };
  if (pred.copular) {
    // The predicate nominal is the object; its clause-level dependents are not.
    auto prune = [&](uint32_t parent, uint32_t d) {
      if (parent == top && (clause_level(t_.base_rel(d)) || t_.rel(d) == "case")) return true;
      return one_of(t_.rel(d), {"acl:relcl", "parataxis"});
    };
    std::vector<uint32_t> ws = t_.phrase(top, {}, prune);
    if (!ws.empty()) {
      Argument a;
      a.role = ArgumentRole::kObject;
      a.head = top;
      a.head_lemma = t_.lemma(top);
      a.text = t_.text(ws);
      a.span = {ws.front(), ws.back() + 1};
      a.node = concept_of(top, &a.entity_type, -1);
      args.push_back(std::move(a));
    }
    add_args(top, true);
  } else {
    for (uint32_t x : pred.chain) add_args(x, x == top);
  }
  // A relative clause whose gap is its object: "a project that X opposes".
  bool has_object = false;
  for (const Argument& a : args) has_object = has_object || a.role == ArgumentRole::kObject;
  // A finite clause with its own subject under a noun is a relative clause
  // whatever the parser called it ("a project that X opposes" as acl + mark).
  const bool relative = top_rel == "acl:relcl" ||
                        (top_rel == "acl" && !inherited && t_.has_feature(top, "VerbForm=Fin"));
  if (relative && !antecedent_used && !has_object && !pred.copular && t_.head(top) >= 0) {
    bool rel_pron_inside = false;
    for (uint32_t c : t_.children(top)) rel_pron_inside = rel_pron_inside || t_.is_relative_pronoun(c);
    for (uint32_t c : t_.children(last)) rel_pron_inside = rel_pron_inside || t_.is_relative_pronoun(c);
    if (!rel_pron_inside || t_.child(top, "obj") < 0) {
      // "the pipeline, a project that X opposes": X opposes the pipeline.
      const uint32_t ante = apposition_target(static_cast<uint32_t>(t_.head(top)));
      std::vector<Argument> vs = expand(ante, ArgumentRole::kObject, {top, static_cast<uint32_t>(t_.head(top))});
      // Only when the pronoun left the object slot empty ("that ... opposes").
      bool obj_gap = !rel_pron_inside;
      for (uint32_t c : t_.children(top)) {
        if (t_.is_relative_pronoun(c) && t_.base_rel(c) == "obj") obj_gap = true;
      }
      if (obj_gap && !pred.passive) {
        for (Argument& v : vs) args.insert(args.begin(), std::move(v));
      }
    }
  }
  // Shared object of coordinated verbs: "X bought and sold Y".
  if (top_rel == "conj" && !has_object && !pred.copular && t_.head(top) >= 0) {
    const int32_t obj = t_.child(static_cast<uint32_t>(t_.head(top)), "obj");
    if (obj > static_cast<int32_t>(top)) {
      for (Argument& v : expand(static_cast<uint32_t>(obj), ArgumentRole::kObject, {})) args.push_back(std::move(v));
    }
  }
  for (uint32_t m : mark_words) rel_words.push_back(m);
  std::sort(rel_words.begin(), rel_words.end());
  rel_words.erase(std::unique(rel_words.begin(), rel_words.end()), rel_words.end());
  p.relation_text = t_.text(rel_words);
  p.relation = lemma_phrase;
  p.attribution = attribution_of(top);

  // Construction and confidence.
  has_object = false;
  bool clause_object = false;
  size_t obliques = 0;
  for (const Argument& a : args) {
    if (a.role == ArgumentRole::kObject) has_object = true;
    if (a.is_clause) clause_object = true;
    if (a.role != ArgumentRole::kObject) ++obliques;
  }
  if (pred.copular) {
    p.construction = Construction::kCopula;
  } else if (pred.passive) {
    p.construction = Construction::kPassive;
  } else if (top_rel == "acl:relcl") {
    p.construction = Construction::kRelativeClause;
  } else if (inherited) {
    p.construction = Construction::kInheritedSubject;
  } else {
    p.construction = Construction::kVerb;
  }
  float conf = 0.0f;
  switch (p.construction) {
    case Construction::kVerb: conf = has_object ? 0.9f : (obliques > 0 ? 0.8f : 0.55f); break;
    case Construction::kPassive: conf = 0.8f; break;
    case Construction::kCopula: conf = 0.8f; break;
    case Construction::kRelativeClause: conf = 0.75f; break;
    case Construction::kInheritedSubject: conf = top_rel == "conj" ? 0.75f : (top_rel == "advcl" ? 0.5f : 0.65f); break;
    default: conf = 0.5f;
  }
  if (!has_object && obliques == 0) conf -= 0.2f;
  if (clause_object) conf -= 0.05f;
  if (subjects.front().is_pronoun && !antecedent_used) conf -= 0.05f;
  if (subjects.front().text.size() > 60) conf -= 0.1f;
  for (const Argument& a : args) {
    if (a.text.size() > 90) conf -= 0.05f;
  }
  p.confidence = std::clamp(conf, 0.05f, 0.99f);

  // Reciprocal coordination: "A and B spoke" -> A speak with B (graph form only).
  const uint32_t subj_head = subjects.front().head;
  if (gap_object >= 0) {
    for (Argument& v : expand(static_cast<uint32_t>(gap_object), ArgumentRole::kObject, {top})) {
      args.insert(args.begin(), std::move(v));
    }
  }
  bool nominal_object = false;
  for (const Argument& a : args) nominal_object = nominal_object || (a.role == ArgumentRole::kObject && !a.is_clause);
  if (options_.split_conjuncts && subjects.size() > 1 && !nominal_object && !pred.copular &&
      listed(kReciprocal, t_.lemma(top)) && t_.lemma(subj_head) != "who") {
    // One proposition per pair, within the sentence's budget: the pairs
    // past it are counted, not built.
    const size_t n = subjects.size();
    size_t pairs_left = room_for(n * (n - 1) / 2);
    for (size_t i = 0; i < n && pairs_left > 0; ++i) {
      for (size_t j = i + 1; j < n && pairs_left > 0; ++j, --pairs_left) {
        Proposition r = p;
        r.construction = Construction::kReciprocal;
        r.relation = lemma_phrase + " with";
        r.confidence = std::clamp(p.confidence, 0.05f, 0.99f);
        Argument other = subjects[j];
        other.role = ArgumentRole::kOblique;
        other.preposition = "with";
        std::vector<std::vector<Argument>> s{{subjects[i]}, {other}};
        for (const Argument& a : args) s.push_back({a});
        emit(std::move(r), std::move(s));
      }
    }
    return;
  }

  slots.push_back(std::move(subjects));
  // Group argument variants by the phrase they came from (same span start = same conjunct group is not
  // guaranteed, so group by the head of the original dependent: consecutive variants share a role and prep).
  std::vector<Argument> group;
  auto flush = [&] {
    if (!group.empty()) slots.push_back(std::move(group));
    group.clear();
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const bool same = !group.empty() && options_.split_conjuncts && group.back().role == args[i].role &&
                      t_.head(args[i].head) >= 0 &&
                      (static_cast<uint32_t>(t_.head(args[i].head)) == group.front().head ||
                       t_.head(args[i].head) == t_.head(group.front().head)) &&
                      t_.rel(args[i].head) == "conj";
    const bool nmod_variant = !group.empty() && group.back().head == args[i].head;
    if (!same && !nmod_variant) flush();
    group.push_back(std::move(args[i]));
  }
  flush();
  emit(std::move(p), std::move(slots));
}

uint64_t propositions_over_budget() { return dropped_propositions.load(std::memory_order_relaxed); }

size_t ClauseRules::room_for(size_t wanted) const {
  const size_t room = kMaxSentencePropositions - std::min(out_.size(), kMaxSentencePropositions);
  if (wanted <= room) return wanted;
  dropped_propositions.fetch_add(wanted - room, std::memory_order_relaxed);
  return room;
}

void ClauseRules::emit(Proposition base, std::vector<std::vector<Argument>> slots) {
  // Cartesian product over the variants of each slot, capped so a long
  // enumeration does not explode; past the cap only first variants are used.
  size_t total = 1;
  std::vector<size_t> idx(slots.size(), 0);
  for (auto& s : slots) {
    if (s.empty()) return;
    if (total * s.size() > 32) s.resize(1);
    total *= s.size();
  }
  total = room_for(total);
  for (size_t n = 0; n < total; ++n) {
    Proposition p = base;
    p.subject = slots[0][idx[0]];
    p.arguments.clear();
    for (size_t k = 1; k < slots.size(); ++k) p.arguments.push_back(slots[k][idx[k]]);
    std::sort(p.arguments.begin(), p.arguments.end(), [](const Argument& a, const Argument& b) {
      const bool ao = a.role == ArgumentRole::kObject, bo = b.role == ArgumentRole::kObject;
      if (ao != bo) return ao;
      return a.span.begin < b.span.begin;
    });
    p.span = p.subject.span;
    for (const Argument& a : p.arguments) {
      p.span.begin = std::min(p.span.begin, a.span.begin);
      p.span.end = std::max(p.span.end, a.span.end);
    }
    out_.push_back(std::move(p));
    for (size_t k = slots.size(); k-- > 0;) {
      if (++idx[k] < slots[k].size()) break;
      idx[k] = 0;
    }
  }
}

// ---------------------------------------------------------------------------
// Noun-centred relations.

void ClauseRules::appositions_and_noun_relations(uint32_t n) {
  for (uint32_t c : t_.children(n)) {
    if (t_.excluded(c)) continue;
    const std::string_view r = t_.rel(c);
    if (r == "appos" && t_.is_nominal(c) && t_.is_nominal(n) && !t_.is_pronoun(n) &&
        misparsed_title_head(n) != static_cast<int32_t>(c)) {
      Proposition p;
      p.sentence = sentence_;
      p.predicate = n;
      p.construction = Construction::kApposition;
      p.relation = "be";
      p.relation_text = "is";
      p.confidence = 0.7f;
      std::vector<std::vector<Argument>> slots;
      slots.push_back(expand(n, ArgumentRole::kSubject, {c}));
      for (Argument& a : slots.back()) a.preposition.clear();
      slots.push_back(expand(c, ArgumentRole::kObject, {}));
      emit(std::move(p), std::move(slots));
    }
    if (!options_.noun_relations) continue;
    if (r == "nmod:poss" && !t_.is_pronoun(c) && t_.word(n).upos == nlp::UPos::NOUN) {
      Proposition p;
      p.sentence = sentence_;
      p.predicate = n;
      p.construction = Construction::kPossessive;
      p.relation = "have";
      p.relation_text = "has";
      p.confidence = 0.3f;
      std::vector<std::vector<Argument>> slots;
      slots.push_back(expand(c, ArgumentRole::kSubject, {}));
      for (Argument& a : slots.back()) a.preposition.clear();
      Argument obj = make(n, ArgumentRole::kObject, {c}, true, -1, -1);
      obj.preposition.clear();
      // Only the noun phrase itself: "Putin's adviser", not the clause around it.
      std::string type;
      obj.node = concept_of(n, &type, -1);
      obj.entity_type = type;
      slots.push_back({obj});
      emit(std::move(p), std::move(slots));
    }
    if (r == "amod" && t_.word(n).upos == nlp::UPos::NOUN && t_.word(c).ner.size() > 2) {
      // A demonym or place adjective: "Russian companies" -> companies be Russian.
      Proposition p;
      p.sentence = sentence_;
      p.predicate = n;
      p.construction = Construction::kNounModifier;
      p.relation = "be";
      p.relation_text = "are";
      p.confidence = 0.25f;
      Argument subj;
      subj.role = ArgumentRole::kSubject;
      subj.head = n;
      subj.head_lemma = t_.lemma(n);
      subj.text = std::string(t_.word(n).form);
      subj.node = t_.lemma(n);
      subj.span = {n, n + 1};
      Argument obj;
      obj.role = ArgumentRole::kObject;
      obj.head = c;
      obj.head_lemma = t_.lemma(c);
      obj.text = std::string(t_.word(c).form);
      obj.node = obj.text;
      obj.entity_type = std::string(t_.word(c).ner.substr(2));
      obj.span = {c, c + 1};
      emit(std::move(p), {{subj}, {obj}});
    }
  }
}

void ClauseRules::nominalization(uint32_t n) {
  if (derivations_ == nullptr || t_.word(n).upos != nlp::UPos::NOUN) return;
  // "by phone with X": the phrase is the verb's (see clause()), not the noun's.
  if (options_.split_conjuncts && is_bare_means(n)) return;
  const std::string_view verb = derivations_->verb_of(t_.lemma(n));
  if (verb.empty()) return;
  // The object: a prepositional modifier of the noun.
  int32_t target = -1;
  int32_t agent = -1;
  for (uint32_t c : t_.children(n)) {
    if (t_.excluded(c)) continue;
    if (t_.rel(c) == "nmod:poss" && agent < 0) agent = static_cast<int32_t>(c);
    if (t_.base_rel(c) == "nmod" && t_.rel(c) != "nmod:poss" && c > n) {
      const std::string prep = preposition_of(c);
      if (prep == "by") agent = static_cast<int32_t>(c);
      else if (target < 0 && !prep.empty()) target = static_cast<int32_t>(c);
    }
  }
  if (target < 0) return;
  // No agent on the noun: the subject of the clause it sits in does it
  // ("During testimony to X, Nuland told ..." -> Nuland testified).
  // An object noun needs its own possessor ("concluding his meeting with X");
  // "blamed the tensions on X" is no tension by the subject.
  const bool may_borrow = t_.base_rel(n) == "obl" || (t_.base_rel(n) == "obj" && agent >= 0);
  if ((agent < 0 || t_.is_pronoun(static_cast<uint32_t>(agent))) && t_.head(n) >= 0 && may_borrow) {
    const uint32_t governor = static_cast<uint32_t>(t_.head(n));
    bool inh = false;
    int32_t s = subject_of(governor, 0, &inh);
    if (s < 0) s = stranded_subject(governor);
    if (s >= 0) agent = s;
  }
  if (agent < 0) return;
  std::string prep = preposition_of(static_cast<uint32_t>(target));
  Proposition p;
  p.sentence = sentence_;
  p.predicate = n;
  p.construction = Construction::kNominalization;
  p.relation = prep == "of" ? std::string(verb) : std::string(verb) + " " + prep;
  p.relation_text = p.relation;
  p.confidence = 0.4f;
  std::vector<std::vector<Argument>> slots;
  slots.push_back(expand(static_cast<uint32_t>(agent), ArgumentRole::kSubject, {n}));
  for (Argument& a : slots.back()) a.preposition.clear();
  std::vector<Argument> objs = expand(static_cast<uint32_t>(target), ArgumentRole::kOblique, {});
  for (Argument& a : objs) {
    if (prep == "of") {
      a.role = ArgumentRole::kObject;
      a.preposition.clear();
    }
  }
  slots.push_back(std::move(objs));
  emit(std::move(p), std::move(slots));
}

std::vector<Proposition> ClauseRules::run() {
  for (uint32_t i = 0; i < t_.size(); ++i) {
    if (t_.excluded(i)) continue;
    if (is_clause_head(i) && !is_xcomp_link(i)) clause(i);
    if (t_.is_nominal(i)) {
      appositions_and_noun_relations(i);
      if (options_.noun_relations) nominalization(i);
    }
  }
  return std::move(out_);
}

}  // namespace kg::extract
