#include "ingest/extract/clause_rules.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>

#include "base/lexicon.h"
#include "base/utf8.h"
#include "ingest/nlp/nlp.h"

namespace kg::extract {

namespace {

std::atomic<uint64_t> dropped_propositions{0};

}  // namespace

// ---------------------------------------------------------------------------
// Which words head clauses.

bool ClauseRules::is_xcomp_link(uint32_t i) const {
  // A verbal xcomp continues its governor's predicate ("sought to drive").
  if (t_.rel(i) != "xcomp" || t_.head(i) < 0) return false;
  const nlp::UPos u = t_.word(i).upos;
  return u == nlp::UPos::VERB && is_clause_head(static_cast<uint32_t>(t_.head(i)));
}

bool ClauseRules::is_bare_means(uint32_t c) const {
  if (t_.base_rel(c) != "obl" || t_.word(c).upos != nlp::UPos::NOUN || is_plural_noun(c)) return false;
  if (!one_of(preposition_of(c), {"by", "via"})) return false;
  for (uint32_t m : t_.children(c)) {
    if (one_of(t_.base_rel(m), {"det", "nmod:poss", "amod", "nummod", "compound"}) || t_.rel(m) == "nmod:poss") return false;
  }
  return true;
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

bool ClauseRules::marked_conjunct(uint32_t p) const {
  for (uint32_t c : t_.children(p)) {
    if (t_.base_rel(c) == "cc" || (t_.rel(c) == "punct" && c < p)) return true;
  }
  return false;
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
  if (rel == "conj" && is_clause_head(h) && marked_conjunct(p)) {
    *inherited = true;
    return subject_of(h, depth + 1, inherited);
  }
  // Object control: "urged Germany to suspend" -> Germany suspends.
  const auto controller = [&]() -> int32_t {
    const int32_t obj = t_.child(h, "obj");
    if (obj >= 0 &&
        one_of(t_.lemma(h), {"urge", "ask", "tell", "persuade", "force", "order", "allow", "invite", "encourage",
                             "pressure", "warn", "help", "enable", "require", "let", "permit"})) {
      return obj;
    }
    return -1;
  };
  if (rel == "xcomp") {
    *inherited = true;
    if (const int32_t obj = controller(); obj >= 0) return obj;
    return subject_of(h, depth + 1, inherited);
  }
  if (rel == "advcl" && t_.word(p).upos == nlp::UPos::VERB) {
    const std::string_view x = t_.word(p).xpos;
    const int32_t mark = t_.child(p, "mark");
    const bool non_finite =
        x == "VBG" || x == "VB" || x == "VBN" || t_.has_feature(p, "VerbForm=Ger") || t_.has_feature(p, "VerbForm=Inf");
    if (non_finite && (mark < 0 || one_of(t_.lemma(static_cast<uint32_t>(mark)),
                                          {"to", "after", "before", "while", "whilst", "by", "in", "since", "when",
                                           "upon", "until", "despite", "following"}))) {
      *inherited = true;
      // ("allows radio fans to hear" read as a clause of purpose: the fans hear.)
      if (const int32_t obj = controller(); obj >= 0 && mark >= 0 && t_.lemma(static_cast<uint32_t>(mark)) == "to") {
        return obj;
      }
      return subject_of(h, depth + 1, inherited);
    }
    return -1;
  }
  // A clause of time hung on a noun is the sentence's adverbial clause
  // ("paid tribute to striker Jonatan Johansson after beating Norwich":
  // the manager's side beat Norwich, not the striker): no subject here.
  if (rel == "acl" && t_.word(p).upos == nlp::UPos::VERB) {
    const int32_t mark = t_.child(p, "mark");
    if (mark >= 0 && one_of(t_.lemma(static_cast<uint32_t>(mark)),
                            {"after", "before", "while", "whilst", "since", "when", "upon", "until"})) {
      return -1;
    }
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
      if (h < 0) return relative;
      // "which" is no person: "Radwan Hadi, director of consultancy
      // Blackwatch, which entered Iraq" with the clause hung on the person
      // is the nearest other nominal under him before it, or nothing.
      if (t_.lemma(relative) == "which" && nlp::tag_type(t_.word(static_cast<uint32_t>(h))) == "PERSON") {
        return thing_before(relative, static_cast<uint32_t>(h));
      }
      return static_cast<uint32_t>(h);
    }
    x = t_.head(static_cast<uint32_t>(x));
  }
  return relative;
}

uint32_t ClauseRules::thing_before(uint32_t relative, uint32_t person) const {
  for (uint32_t k = relative; k-- > person;) {
    const nlp::Word& w = t_.word(k);
    if (w.upos == nlp::UPos::PUNCT) continue;
    // Right after the name itself: a name the recognizer took for a
    // person's ("Umbro, which ...").
    if (k == person || (t_.head(k) == static_cast<int32_t>(person) && t_.rel(k) == "flat")) return person;
    if ((w.upos != nlp::UPos::NOUN && w.upos != nlp::UPos::PROPN) || nlp::tag_type(w) == "PERSON") return relative;
    // Under the person in the tree, a few links up at most.
    int32_t up = static_cast<int32_t>(k);
    for (int steps = 0; up >= 0 && steps < 8 && up != static_cast<int32_t>(person); ++steps) {
      up = t_.head(static_cast<uint32_t>(up));
    }
    return up == static_cast<int32_t>(person) ? k : relative;
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

bool ClauseRules::hyphen_joined(uint32_t a, uint32_t b) const {
  if (a > b) std::swap(a, b);
  if (b != a + 2 || t_.word(a + 1).form != "-") return false;
  return t_.word(a).end == t_.word(a + 1).begin && t_.word(a + 1).end == t_.word(b).begin;
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
  // A product or event name modifying a common noun ("the Nord Stream 2 pipeline") is what the noun names;
  // a party or a nationality before a person's role is not ("the Liberal Democrat leader").
  const std::string head_lemma = utf8::ascii_lowercase(t_.lemma(h));
  const bool person_noun =
      lexicon::role_noun(head_lemma) != lexicon::RoleNoun::kNone || lexicon::person_descriptor(head_lemma);
  // (Nor is a counted plural the name: "three Six Nations games" are games
  // in the Six Nations.)
  const bool counted = t_.word(h).xpos == "NNS" || t_.child(h, "nummod") >= 0;
  for (uint32_t c : t_.children(h)) {
    if (one_of(t_.base_rel(c), {"compound", "flat"}) && c < h && !person_noun && !counted) {
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
      // A sum's or a share's sign keeps its number ("a $140m deal", "a 28.1%
      // stake"), else the phrase reads "$ deal".
      const bool signed_number = t_.word(n).upos == nlp::UPos::SYM && r == "nummod";
      if (one_of(t_.base_rel(c), {"compound", "flat"}) || ((n == h || in_name) && one_of(r, {"amod", "nummod"})) ||
          signed_number || hyphen_joined(c, n)) {
        stack.push_back(c);
      }
      // So do coordinated modifiers, with their conjunction ("science and
      // technology committee").
      if (n != h && t_.base_rel(n) == "compound" && t_.base_rel(c) == "conj" && c > n && c < h) {
        const int32_t conjunction = t_.child(c, "cc");
        if (conjunction > static_cast<int32_t>(n) && conjunction < static_cast<int32_t>(c)) {
          stack.push_back(c);
          ws.push_back(static_cast<uint32_t>(conjunction));
        }
      }
    }
  }
  std::sort(ws.begin(), ws.end());
  std::string out;
  bool leading = true;
  int64_t last = -1;  // the word written last
  for (uint32_t w : ws) {
    const std::string low = t_.lower_form(w);
    if (leading && lexicon::is_honorific(low, lexicon::kClauseHonorific)) continue;
    if (t_.word(w).upos == nlp::UPos::PUNCT) continue;
    leading = false;
    // "first-round defeat", "cut-throat competition": a hyphenated word stays one.
    if (last >= 0 && hyphen_joined(static_cast<uint32_t>(last), w)) {
      out += '-';
    } else if (!out.empty()) {
      out += ' ';
    }
    last = w;
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
      // A conjunct chosen for the phrase takes its list's preposition ("sale
      // in Japan and the US" -> "sale in Japan"), not "of".
      // (The list's preposition hangs on its first member, the modifier
      // itself or the head of the conjunct chosen.)
      std::string prep = "of";
      if (nmod_override >= 0) {
        const uint32_t first = t_.rel(static_cast<uint32_t>(m)) == "conj" ? static_cast<uint32_t>(t_.head(m)) : m;
        if (std::string p = preposition_of(first); !p.empty()) prep = std::move(p);
      }
      std::string inner_type;
      out += " " + prep + " " + concept_of(static_cast<uint32_t>(m), &inner_type, -1);
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

uint64_t propositions_over_budget() { return dropped_propositions.load(std::memory_order_relaxed); }

size_t ClauseRules::room_for(size_t wanted) const {
  const size_t room = kMaxSentencePropositions - std::min(out_.size(), kMaxSentencePropositions);
  if (wanted <= room) return wanted;
  dropped_propositions.fetch_add(wanted - room, std::memory_order_relaxed);
  return room;
}

void ClauseRules::emit(const Proposition& base, std::vector<std::vector<Argument>> slots) {
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

namespace {

// Whether `noun` names the act of `verb`, as the nominalization rule needs.
// WordNet also pairs nouns with verbs made from them ("unit" -> "unify",
// "economy" -> "economize") and nouns whose sense drifted ("flight" ->
// "flee", "song" -> "sing", "union" -> "unite"): a unit is no act of
// unifying.
bool event_noun(std::string_view noun, std::string_view verb) {
  static constexpr std::string_view kDrifted[] = {"union", "song",   "tale",   "fixture", "topper",
                                                  "ok",    "flight", "gaming", "thought", "being"};
  if (std::find(std::begin(kDrifted), std::end(kDrifted), noun) != std::end(kDrifted)) return false;
  // A quantity counts what its "of" names ("disposed of a number of
  // businesses" is no numbering of them).
  if (lexicon::is_quantity_noun(noun)) {
    return false;
  }
  // A role names a person, not an act ("VH1's vice president of music" is
  // no presiding).
  if (lexicon::role_noun(noun) != lexicon::RoleNoun::kNone || lexicon::person_descriptor(noun)) return false;
  // (A verb longer than its noun and ending in -ify, -ize, -ise or -ate was
  // made from the noun: "economy" -> "economize", "office" -> "officiate";
  // a few such nouns do name the act.)
  static constexpr std::string_view kActs[] = {"apology", "scrutiny", "emphasis", "sympathy", "eulogy"};
  const bool made_from_noun = verb.size() > noun.size() && (verb.ends_with("ify") || verb.ends_with("ize") ||
                                                            verb.ends_with("ise") || verb.ends_with("ate"));
  return !made_from_noun || noun.ends_with("ion") || noun.ends_with("ment") || noun.ends_with("ing") ||
         std::find(std::begin(kActs), std::end(kActs), noun) != std::end(kActs);
}

}  // namespace

void ClauseRules::nominalization(uint32_t n) {
  if (derivations_ == nullptr || t_.word(n).upos != nlp::UPos::NOUN) return;
  // "by phone with X": the phrase is the verb's (see clause()), not the noun's.
  if (options_.split_conjuncts && is_bare_means(n)) return;
  const std::string_view verb = derivations_->verb_of(t_.lemma(n));
  if (verb.empty() || !event_noun(t_.lemma(n), verb)) return;
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
  // ("accused officials of a collective failure of memory": after a verb
  // that charges or credits its object with an act, the act is the
  // object's, not the subject's.)
  const bool charged = t_.head(n) >= 0 && t_.child(static_cast<uint32_t>(t_.head(n)), "obj") >= 0 &&
                       one_of(t_.lemma(static_cast<uint32_t>(t_.head(n))),
                              {"accuse", "charge", "blame", "suspect", "convict", "clear", "acquit", "criticise",
                               "criticize", "praise", "congratulate", "thank", "fine", "punish", "credit"});
  const bool may_borrow = (t_.base_rel(n) == "obl" && !charged) || (t_.base_rel(n) == "obj" && agent >= 0);
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
