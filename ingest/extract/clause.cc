// Clause assembly: ClauseRules::clause and its steps, in the order they run.
//
//   predicate_of        the predicate words: a verb and its xcomp chain, or a copular nominal
//   choose_subject      which word is the subject (with the parser repairs that find a lost one)
//   relation_words      the relation's surface words and its lemma phrase
//   subject_arguments   the subject phrase(s), one per conjunct
//   arguments_of        objects, obliques and clausal complements of each predicate word
//   gap_objects         the object a relative clause or a coordinated verb leaves implicit
//   classify            construction and confidence
//   reciprocal / emit_clause   the propositions themselves
//
// Each step reads and extends one ClauseBuild; the order matters (later
// steps read what earlier ones decided) and is the one clause() spells out.
#include <algorithm>
#include <array>
#include <cassert>
#include <string_view>

#include "base/lexicon.h"
#include "ingest/extract/clause_rules.h"

namespace kg::extract {

namespace {

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

// An oblique that names a time: a weekday or month, a calendar noun, or a
// four-digit number ("in 1941").
bool names_a_time(const SentenceTree& t, const Argument& v) {
  // Lowercase lemmas only (a proper noun's lemma keeps its capital and
  // has never counted here); "may" is the modal's lemma before it is a month.
  const std::string_view lemma = t.lemma(v.head);
  const bool lowercase = std::none_of(lemma.begin(), lemma.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  return (lowercase && (lexicon::is_weekday(lemma) || (lexicon::is_month(lemma) && lemma != "may"))) ||
         one_of(lemma, {"year", "month", "week", "day", "today", "yesterday", "tomorrow", "time", "decade", "century"}) ||
         (t.word(v.head).upos == nlp::UPos::NUM && v.text.size() == 4);
}

}  // namespace

void ClauseRules::clause(uint32_t top) {
  ClauseBuild c;
  c.top = top;
  c.top_rel = t_.rel(top);
  c.pred = predicate_of(top);
  if (!choose_subject(c)) return;
  c.p.sentence = sentence_;
  c.p.predicate = top;
  relation_words(c);
  if (!subject_arguments(c)) return;
  if (c.pred.copular) {
    predicate_nominal(c);
    arguments_of(c, top);
  } else {
    for (uint32_t x : c.pred.chain) arguments_of(c, x);
  }
  gap_objects(c);
  for (uint32_t m : c.mark_words) c.rel_words.push_back(m);
  std::sort(c.rel_words.begin(), c.rel_words.end());
  c.rel_words.erase(std::unique(c.rel_words.begin(), c.rel_words.end()), c.rel_words.end());
  c.p.relation_text = t_.text(c.rel_words);
  c.p.relation = c.lemma_phrase;
  c.p.attribution = attribution_of(top);
  // "had its legal bid to block the ban thwarted", "plans to sell Deluxe
  // Media": an act a noun of intention names is meant, not done.
  // (Read off the words: the parser hangs the clause on the noun or on the
  // verb before it.)
  if (const int32_t mark = t_.child(top, "mark"); mark > 0 && t_.lower_form(static_cast<uint32_t>(mark)) == "to") {
    const uint32_t noun = static_cast<uint32_t>(mark) - 1;
    if (t_.word(noun).upos == nlp::UPos::NOUN &&
        one_of(t_.lemma(noun), {"bid",      "attempt", "effort",   "plan",     "threat", "pledge",    "promise",
                                "proposal", "offer",   "campaign", "hope",     "aim",    "intention", "ambition",
                                "call",     "demand",  "request",  "decision", "chance", "right"})) {
      c.p.modal = true;
    }
  }
  classify(c);
  if (c.gap_object >= 0) {
    for (Argument& v : expand(static_cast<uint32_t>(c.gap_object), ArgumentRole::kObject, {top})) {
      c.args.insert(c.args.begin(), std::move(v));
    }
  }
  if (reciprocal(c)) return;
  emit_clause(c);
}

ClauseRules::Predicate ClauseRules::predicate_of(uint32_t top) const {
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
  pred.copular = t_.child(top, "cop") >= 0;
  return pred;
}

bool ClauseRules::choose_subject(ClauseBuild& c) const {
  const uint32_t top = c.top;
  c.subject = subject_of(top, 0, &c.inherited);
  // "N that X verbs" misparsed as a clause with two subjects, N and X, around
  // the relativizer: X is the subject and N (or what N is an apposition of)
  // fills the object gap.
  std::vector<uint32_t> subjects_here;
  int32_t relativizer = -1;
  for (uint32_t d : t_.children(top)) {
    if (t_.rel(d) == "nsubj" && !t_.excluded(d)) subjects_here.push_back(d);
    if (t_.rel(d) == "mark" && one_of(t_.lemma(d), {"that", "which", "whom"})) relativizer = static_cast<int32_t>(d);
  }
  if (subjects_here.size() == 2 && relativizer > static_cast<int32_t>(subjects_here[0]) &&
      relativizer < static_cast<int32_t>(subjects_here[1]) && t_.child(top, "obj") < 0 &&
      t_.is_nominal(subjects_here[0])) {
    c.subject = static_cast<int32_t>(subjects_here[1]);
    c.gap_object = static_cast<int32_t>(apposition_target(subjects_here[0]));
  }
  // A finite verb the parser left without a subject, right after a noun
  // phrase it hung elsewhere ("after concluding his meeting with Mr Putin,
  // Mr Biden spoke ..." with "Mr Biden" under "Putin"): that phrase.
  if (c.subject < 0) c.stranded = (c.subject = stranded_subject(top)) >= 0;
  if (c.subject < 0) return false;
  const uint32_t subj = static_cast<uint32_t>(c.subject);
  // For the graph, a relative pronoun names something only through its
  // antecedent; one the parser left without ("whose support" read as a main
  // clause) names nothing.
  if (options_.split_conjuncts && t_.is_relative_pronoun(subj) && antecedent(subj) == subj &&
      !(c.top_rel == "acl" || c.top_rel == "acl:relcl")) {
    return false;
  }
  return true;
}

void ClauseRules::absorb_auxiliaries(ClauseBuild& c, uint32_t x) const {
  for (uint32_t d : t_.children(x)) {
    const std::string_view r = t_.rel(d);
    const std::string& l = t_.lemma(d);
    if (r == "aux" || r == "aux:pass" || r == "cop") {
      c.rel_words.push_back(d);
      if (lexicon::is_modal_verb(l)) c.p.modal = true;
      if (r == "aux:pass") c.pred.passive = true;
    } else if (r == "advmod" && listed(kNegations, l) &&
               !(d + 1 < t_.size() && t_.lower_form(d + 1) == "only")) {  // "not only ... but also" affirms
      c.rel_words.push_back(d);
      c.p.negated = true;  // kept as a flag; the lemma phrase stays positive so facts group
    } else if (r == "compound:prt") {
      c.rel_words.push_back(d);
    }
  }
}

void ClauseRules::absorb_inner_adverbs(ClauseBuild& c, uint32_t x) const {
  // Adverbs between an auxiliary and its verb belong to the relation ("is fully reflected in").
  int32_t first_aux = -1;
  for (uint32_t d : t_.children(x)) {
    if ((t_.dep(d) == Dep::kAux || t_.rel(d) == "cop") && (first_aux < 0 || static_cast<int32_t>(d) < first_aux)) {
      first_aux = static_cast<int32_t>(d);
    }
  }
  for (uint32_t d : t_.children(x)) {
    if (t_.rel(d) == "advmod" && d < x && static_cast<int32_t>(d) > first_aux && first_aux >= 0 &&
        t_.children(d).empty() && !listed(kNegations, t_.lemma(d))) {
      c.rel_words.push_back(d);
    }
  }
}

void ClauseRules::relation_words(ClauseBuild& c) const {
  const uint32_t top = c.top;
  Predicate& pred = c.pred;
  // Auxiliaries, negation, copula, the chain, particles, infinitive markers.
  for (size_t k = 0; k < pred.chain.size(); ++k) {
    const uint32_t x = pred.chain[k];
    absorb_auxiliaries(c, x);
    absorb_inner_adverbs(c, x);
    if (t_.child(x, "nsubj:pass") >= 0) pred.passive = true;
    c.rel_words.push_back(x);
    if (k > 0) {
      for (uint32_t d : t_.children(x)) {
        if (t_.rel(d) == "mark") c.rel_words.push_back(d);
      }
    }
  }
  // A conjoined verb without its own auxiliaries shares its first conjunct's
  // ("would not expand ... or deploy"); not one with a subject of its own,
  // a clause of its own ("the drama was named best picture and Eastwood
  // pipped Scorsese").
  if (c.top_rel == "conj" && t_.head(top) >= 0) {
    bool own_aux = false;
    for (uint32_t d : t_.children(top)) {
      own_aux = own_aux || t_.dep(d) == Dep::kAux || t_.dep(d) == Dep::kCop || t_.base_rel(d) == "nsubj";
    }
    if (!own_aux) absorb_auxiliaries(c, static_cast<uint32_t>(t_.head(top)));
  }
  if (pred.copular) {
    c.lemma_phrase = "be";
    const std::string prep = preposition_of(top);
    if (!prep.empty()) {
      c.lemma_phrase += " " + prep;
      for (uint32_t d : t_.children(top)) {
        if (t_.rel(d) == "case") c.rel_words.push_back(d);
      }
    }
    c.rel_words.erase(std::remove(c.rel_words.begin(), c.rel_words.end(), top), c.rel_words.end());
    return;
  }
  for (size_t k = 0; k < pred.chain.size(); ++k) {
    const uint32_t x = pred.chain[k];
    if (k > 0) c.lemma_phrase += " to ";
    if (pred.passive && k + 1 == pred.chain.size()) {
      c.lemma_phrase += "be " + t_.lower_form(x);
    } else {
      c.lemma_phrase += t_.lemma(x);
    }
    for (uint32_t d : t_.children(x)) {
      if (t_.rel(d) == "compound:prt") c.lemma_phrase += " " + t_.lemma(d);
      // A place in a race is part of the deed: "finished second to Radcliffe".
      if (d > x && one_of(t_.rel(d), {"advmod", "obl:npmod", "xcomp"}) &&
          one_of(t_.lower_form(d), {"second", "third", "fourth", "fifth", "runner-up", "ahead", "behind"}) &&
          one_of(t_.lemma(x), {"finish", "come", "end", "place"})) {
        c.lemma_phrase += " " + t_.lower_form(d);
      }
    }
  }
}

bool ClauseRules::subject_arguments(ClauseBuild& c) const {
  assert(c.subject >= 0 && "choose_subject() succeeded");
  const uint32_t top = c.top;
  const uint32_t subj = static_cast<uint32_t>(c.subject);
  c.antecedent_used = t_.is_relative_pronoun(subj);
  if (c.top_rel == "acl:relcl" || c.top_rel == "acl") c.ante_cut.push_back(top);
  // Subject phrase: a subject that is the clause's own governor (acl) must not swallow the clause.
  const bool subject_is_governor = c.inherited && t_.head(top) == c.subject;
  std::vector<uint32_t> subj_cut = c.ante_cut;
  if (subject_is_governor) subj_cut.push_back(top);
  // A subject inherited through conj/xcomp/advcl keeps out the clause that inherits it.
  for (int32_t x = static_cast<int32_t>(top); x >= 0; x = t_.head(static_cast<uint32_t>(x))) {
    if (x == c.subject) break;
    subj_cut.push_back(static_cast<uint32_t>(x));
  }
  c.subjects = expand(subj, ArgumentRole::kSubject, subj_cut);
  // A stranded subject hangs inside another phrase; no argument repeats it.
  if (c.stranded) c.ante_cut.push_back(subj);
  // A second nominal subject of the same predicate is a coordination the
  // parser did not see ("A and B President C spoke" with two nsubj).
  for (uint32_t d : t_.children(top)) {
    if (d != subj && c.gap_object < 0 && t_.rel(d) == "nsubj" && !t_.excluded(d) && t_.is_nominal(d) &&
        !t_.is_relative_pronoun(d) && preposition_before_subject(d) < 0) {
      for (Argument& extra : expand(d, ArgumentRole::kSubject, subj_cut)) c.subjects.push_back(std::move(extra));
    }
  }
  if (c.subjects.empty()) return false;
  for (Argument& s : c.subjects) s.preposition.clear();
  if (subject_is_governor && t_.rel(top) == "acl" && t_.word(top).xpos == "VBN") c.pred.passive = true;
  return true;
}

std::vector<Argument> ClauseRules::object_arguments(uint32_t c, const std::vector<uint32_t>& cut) const {
  std::vector<Argument> vs = expand(c, ArgumentRole::kObject, cut);
  // For the graph, a name in a prepositional modifier of the object is read
  // as the verb's oblique: "blamed the tensions on the West" is often parsed
  // with "on the West" under "tensions".
  if (!options_.split_conjuncts) return vs;
  for (uint32_t m : t_.children(c)) {
    if (t_.rel(m) == "nmod" && m > c && looks_like_name(m)) {
      const std::string prep = preposition_of(m);
      if (prep.empty() || prep == "of") continue;
      for (Argument& v : expand(m, ArgumentRole::kOblique, cut)) vs.push_back(std::move(v));
    }
  }
  return vs;
}

std::vector<Argument> ClauseRules::oblique_arguments(uint32_t c, const std::vector<uint32_t>& cut) const {
  const std::string_view r = t_.rel(c);
  const ArgumentRole role = (r == "obl:tmod" || r == "obl:npmod") ? ArgumentRole::kTime : ArgumentRole::kOblique;
  std::vector<Argument> vs = expand(c, role, cut);
  // For the graph: a bare noun of means ("by phone", "via satellite") takes
  // no modifier of its own, so a prepositional phrase hung on it belongs to
  // the verb ("spoke by phone with the leaders"). Means only: an event noun
  // ("during testimony to X") has arguments of its own.
  // So is the end of a range hung on its start: "moved from Colchester to
  // London" parsed with "to London" under "Colchester".
  const bool range_start = preposition_of(c) == "from";
  if (options_.split_conjuncts && (is_bare_means(c) || range_start)) {
    for (uint32_t m : t_.children(c)) {
      if (t_.dep(m) != Dep::kNmod || m < c || t_.rel(m) == "nmod:poss") continue;
      const std::string prep = preposition_of(m);
      if (prep.empty() || prep == "of" || (range_start && !is_bare_means(c) && prep != "to" && prep != "into"))
        continue;
      for (Argument& v : expand(m, ArgumentRole::kOblique, cut)) vs.push_back(std::move(v));
    }
  }
  for (Argument& v : vs) {
    if (v.role != ArgumentRole::kOblique) continue;
    if (v.entity_type == "LOC" && one_of(v.preposition, {"in", "at", "near"})) v.role = ArgumentRole::kPlace;
    if (names_a_time(t_, v)) v.role = ArgumentRole::kTime;
  }
  return vs;
}

std::vector<Argument> ClauseRules::nominal_clause_arguments(uint32_t c, uint32_t pseudo_subject,
                                                             const std::vector<uint32_t>& cut) const {
  // "spoke with Andrade about the agreement" read as a nominal clause
  // "Andrade (is) about the agreement" marked by "with": two obliques of the
  // verb, the preposition's object and the noun with its own.
  const uint32_t s = pseudo_subject;
  const int32_t preposition = preposition_before_subject(s);
  assert(preposition >= 0 && "nominal_clause_subject() returns only subjects after a preposition");
  const uint32_t m = static_cast<uint32_t>(preposition);
  std::string prep = t_.lower_form(m);
  for (uint32_t f : t_.children(m)) {
    if (t_.rel(f) == "fixed") prep += ' ' + t_.lower_form(f);
  }
  std::vector<Argument> vs;
  for (Argument& v : expand(s, ArgumentRole::kOblique, cut)) {
    v.preposition = prep;
    vs.push_back(std::move(v));
  }
  std::vector<uint32_t> without_subject = cut;
  without_subject.push_back(s);
  for (Argument& v : expand(c, ArgumentRole::kOblique, without_subject)) vs.push_back(std::move(v));
  return vs;
}

std::optional<Argument> ClauseRules::clausal_complement(uint32_t c, std::vector<uint32_t>* mark_words) const {
  const bool is_clause = t_.dep(c) == Dep::kCcomp;
  auto prune = [&](uint32_t parent, uint32_t d) { return (parent == c && t_.rel(d) == "mark") || t_.rel(d) == "parataxis"; };
  const std::vector<uint32_t> ws = t_.phrase(c, {}, prune);
  if (ws.empty()) return std::nullopt;
  Argument a;
  a.role = ArgumentRole::kObject;
  a.head = c;
  a.head_lemma = t_.lemma(c);
  a.is_clause = is_clause;
  a.text = t_.text(ws);
  a.span = {ws.front(), ws.back() + 1};
  if (!a.is_clause) a.node = concept_of(c, &a.entity_type, -1);
  for (uint32_t d : t_.children(c)) {
    if (t_.rel(d) == "mark" && d < c) mark_words->push_back(d);
  }
  return a;
}

void ClauseRules::arguments_of(ClauseBuild& build, uint32_t x) const {
  for (uint32_t c : t_.children(x)) {
    if (t_.excluded(c)) continue;
    const Dep d = t_.dep(c);
    std::vector<Argument> vs;
    if (d == Dep::kObj || d == Dep::kIobj) {
      vs = object_arguments(c, build.ante_cut);
    } else if (d == Dep::kObl) {
      vs = oblique_arguments(c, build.ante_cut);
    } else if (const int32_t pseudo = nominal_clause_subject(c); pseudo >= 0) {
      vs = nominal_clause_arguments(c, static_cast<uint32_t>(pseudo), build.ante_cut);
    } else if ((d == Dep::kCcomp && !is_adverbial_ccomp(c)) ||
               // ("has died in Bath aged 94": an age is no complement.)
               (d == Dep::kXcomp && t_.word(c).upos != nlp::UPos::VERB && t_.lower_form(c) != "aged")) {
      if (std::optional<Argument> a = clausal_complement(c, &build.mark_words)) vs.push_back(std::move(*a));
    }
    for (Argument& v : vs) build.args.push_back(std::move(v));
  }
}

void ClauseRules::predicate_nominal(ClauseBuild& c) const {
  // The predicate nominal is the object; its clause-level dependents are not.
  const uint32_t top = c.top;
  auto prune = [&](uint32_t parent, uint32_t d) {
    if (parent == top && (clause_level(t_.base_rel(d)) || t_.rel(d) == "case")) return true;
    return one_of(t_.rel(d), {"acl:relcl", "parataxis"});
  };
  const std::vector<uint32_t> ws = t_.phrase(top, {}, prune);
  if (ws.empty()) return;
  Argument a;
  a.role = ArgumentRole::kObject;
  a.head = top;
  a.head_lemma = t_.lemma(top);
  a.text = t_.text(ws);
  a.span = {ws.front(), ws.back() + 1};
  a.node = concept_of(top, &a.entity_type, -1);
  c.args.push_back(std::move(a));
}

void ClauseRules::gap_objects(ClauseBuild& c) const {
  const uint32_t top = c.top;
  bool has_object = false;
  for (const Argument& a : c.args) has_object = has_object || a.role == ArgumentRole::kObject;
  if (has_object || c.pred.copular || t_.head(top) < 0) return;
  const uint32_t governor = static_cast<uint32_t>(t_.head(top));
  // A relative clause whose gap is its object: "a project that X opposes".
  // A finite clause with its own subject under a noun is a relative clause
  // whatever the parser called it ("a project that X opposes" as acl + mark).
  const bool relative =
      c.top_rel == "acl:relcl" || (c.top_rel == "acl" && !c.inherited && t_.has_feature(top, "VerbForm=Fin"));
  if (relative && !c.antecedent_used) {
    bool rel_pron_inside = false;
    for (uint32_t d : t_.children(top)) rel_pron_inside = rel_pron_inside || t_.is_relative_pronoun(d);
    for (uint32_t d : t_.children(c.pred.chain.back())) rel_pron_inside = rel_pron_inside || t_.is_relative_pronoun(d);
    if (!rel_pron_inside || t_.child(top, "obj") < 0) {
      // "the pipeline, a project that X opposes": X opposes the pipeline.
      const uint32_t ante = apposition_target(governor);
      std::vector<Argument> vs = expand(ante, ArgumentRole::kObject, {top, governor});
      // Only when the pronoun left the object slot empty ("that ... opposes").
      bool obj_gap = !rel_pron_inside;
      for (uint32_t d : t_.children(top)) {
        if (t_.is_relative_pronoun(d) && t_.dep(d) == Dep::kObj) obj_gap = true;
      }
      if (obj_gap && !c.pred.passive) {
        for (Argument& v : vs) c.args.insert(c.args.begin(), std::move(v));
      }
    }
  }
  // Shared object of coordinated verbs: "X bought and sold Y".
  if (c.top_rel == "conj") {
    const int32_t obj = t_.child(governor, "obj");
    if (obj > static_cast<int32_t>(top)) {
      for (Argument& v : expand(static_cast<uint32_t>(obj), ArgumentRole::kObject, {})) c.args.push_back(std::move(v));
    }
  }
}

void ClauseRules::classify(ClauseBuild& c) const {
  bool has_object = false;
  bool clause_object = false;
  size_t obliques = 0;
  for (const Argument& a : c.args) {
    if (a.role == ArgumentRole::kObject) has_object = true;
    if (a.is_clause) clause_object = true;
    if (a.role != ArgumentRole::kObject) ++obliques;
  }
  Proposition& p = c.p;
  if (c.pred.copular) {
    p.construction = Construction::kCopula;
  } else if (c.pred.passive) {
    p.construction = Construction::kPassive;
  } else if (c.top_rel == "acl:relcl") {
    p.construction = Construction::kRelativeClause;
  } else if (c.inherited) {
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
    case Construction::kInheritedSubject:
      conf = c.top_rel == "conj" ? 0.75f : (c.top_rel == "advcl" ? 0.5f : 0.65f);
      break;
    default: conf = 0.5f;
  }
  if (!has_object && obliques == 0) conf -= 0.2f;
  if (clause_object) conf -= 0.05f;
  if (c.subjects.front().is_pronoun && !c.antecedent_used) conf -= 0.05f;
  if (c.subjects.front().text.size() > 60) conf -= 0.1f;
  for (const Argument& a : c.args) {
    if (a.text.size() > 90) conf -= 0.05f;
  }
  p.confidence = std::clamp(conf, 0.05f, 0.99f);
}

bool ClauseRules::reciprocal(ClauseBuild& c) {
  assert(!c.subjects.empty() && "subject_arguments() succeeded");
  // Reciprocal coordination: "A and B spoke" -> A speak with B (graph form only).
  bool nominal_object = false;
  for (const Argument& a : c.args) nominal_object = nominal_object || (a.role == ArgumentRole::kObject && !a.is_clause);
  const std::vector<Argument>& subjects = c.subjects;
  if (!options_.split_conjuncts || subjects.size() < 2 || nominal_object || c.pred.copular ||
      !listed(kReciprocal, t_.lemma(c.top)) || t_.lemma(subjects.front().head) == "who") {
    return false;
  }
  // A conjunction joins the subjects; conjuncts with none are an apposition
  // the parser read as a list ("CENTR, the Council of ... Registries, agrees").
  const bool joined =
      std::any_of(subjects.begin() + 1, subjects.end(), [&](const Argument& a) { return t_.child(a.head, "cc") >= 0; });
  if (!joined) return false;
  // One proposition per pair, within the sentence's budget: the pairs past
  // it are counted, not built.
  const size_t n = subjects.size();
  size_t pairs_left = room_for(n * (n - 1) / 2);
  for (size_t i = 0; i < n && pairs_left > 0; ++i) {
    for (size_t j = i + 1; j < n && pairs_left > 0; ++j, --pairs_left) {
      Proposition r = c.p;
      r.construction = Construction::kReciprocal;
      r.relation = c.lemma_phrase + " with";
      r.confidence = std::clamp(c.p.confidence, 0.05f, 0.99f);
      Argument other = subjects[j];
      other.role = ArgumentRole::kOblique;
      other.preposition = "with";
      std::vector<std::vector<Argument>> s{{subjects[i]}, {other}};
      for (const Argument& a : c.args) s.push_back({a});
      emit(std::move(r), std::move(s));
    }
  }
  return true;
}

void ClauseRules::emit_clause(ClauseBuild& c) {
  std::vector<std::vector<Argument>> slots;
  slots.push_back(std::move(c.subjects));
  // Variants of one argument share a slot: the conjuncts of one phrase
  // (same role, sibling conj heads) and the nmod variants of one head.
  std::vector<Argument> group;
  auto flush = [&] {
    if (!group.empty()) slots.push_back(std::move(group));
    group.clear();
  };
  for (Argument& a : c.args) {
    const bool same = !group.empty() && options_.split_conjuncts && group.back().role == a.role &&
                      t_.head(a.head) >= 0 &&
                      (static_cast<uint32_t>(t_.head(a.head)) == group.front().head ||
                       t_.head(a.head) == t_.head(group.front().head)) &&
                      t_.rel(a.head) == "conj";
    const bool nmod_variant = !group.empty() && group.back().head == a.head;
    if (!same && !nmod_variant) flush();
    group.push_back(std::move(a));
  }
  flush();
  emit(std::move(c.p), std::move(slots));
}

}  // namespace kg::extract
