#include "ingest/nlp/tree_repair.h"

#include <algorithm>

#include "base/lexicon.h"
#include "ingest/nlp/text_chars.h"

namespace kg::nlp {

namespace {

int label_id(const std::vector<std::string>& labels, std::string_view name) {
  const auto it = std::find(labels.begin(), labels.end(), name);
  return it == labels.end() ? -1 : static_cast<int>(it - labels.begin());
}

bool is_nominal(const Word& w) { return w.upos == UPos::PROPN || w.upos == UPos::NOUN; }

// The sentence's root word (the size of `heads` when it has none).
int root_of(const std::vector<int>& heads) {
  return static_cast<int>(std::find(heads.begin(), heads.end(), -1) - heads.begin());
}

// Whether word `head` has a dependent labelled `label` whose form is
// `lowercase_form` in either case of its first letter ("by", "By").
bool has_word(std::span<const Word> words, const std::vector<int>& heads, const std::vector<int>& labels, int head,
              int label, std::string_view lowercase_form) {
  for (size_t k = 0; k < words.size(); ++k) {
    if (heads[k] != head || labels[k] != label || words[k].form.size() != lowercase_form.size()) continue;
    const std::string_view f = words[k].form;
    if (f.substr(1) == lowercase_form.substr(1) &&
        (f[0] == lowercase_form[0] || f[0] == static_cast<char>(lowercase_form[0] - 'a' + 'A'))) {
      return true;
    }
  }
  return false;
}

// Leftmost and rightmost word of the subtree of `node`.
std::pair<int, int> subtree_edges(const std::vector<int>& heads, int node) {
  int lo = node, hi = node;
  const int n = static_cast<int>(heads.size());
  for (int i = 0; i < n; ++i) {
    // Walk up from i; heads form a tree, so the walk ends at the root.
    for (int a = i; a >= 0; a = heads[a]) {
      if (a == node) {
        lo = std::min(lo, i);
        hi = std::max(hi, i);
        break;
      }
    }
  }
  return {lo, hi};
}

// One root, and every word reaches it (so no cycles).
bool is_tree(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    if (heads[i] < 0) ++roots;
    int steps = 0;
    for (int a = i; a >= 0; a = heads[a]) {
      if (++steps > n) return false;
    }
  }
  return roots == 1;
}

}  // namespace

TreeRepair::TreeRepair(const std::vector<std::string>& labels)
    : nsubj_(label_id(labels, "nsubj")),
      nsubj_pass_(label_id(labels, "nsubj:pass")),
      conj_(label_id(labels, "conj")),
      cc_(label_id(labels, "cc")),
      compound_(label_id(labels, "compound")),
      desc_(label_id(labels, "nmod:desc")),
      advcl_(label_id(labels, "advcl")),
      mark_(label_id(labels, "mark")),
      obj_(label_id(labels, "obj")),
      relcl_(label_id(labels, "acl:relcl")),
      parataxis_(label_id(labels, "parataxis")),
      appos_(label_id(labels, "appos")),
      det_(label_id(labels, "det")),
      root_(label_id(labels, "root")),
      punct_(label_id(labels, "punct")),
      iobj_(label_id(labels, "iobj")),
      ccomp_(label_id(labels, "ccomp")),
      poss_(label_id(labels, "nmod:poss")),
      flat_(label_id(labels, "flat")),
      case_(label_id(labels, "case")),
      obl_(label_id(labels, "obl")),
      nmod_(label_id(labels, "nmod")),
      fixed_(label_id(labels, "fixed")) {
  if (desc_ < 0) desc_ = compound_;
}

void TreeRepair::repair(std::span<const Word> words, std::vector<int>* heads, std::vector<int>* labels) const {
  const int n = static_cast<int>(words.size());
  if (nsubj_ >= 0 && conj_ >= 0 && compound_ >= 0) {
    // The first two subjects of each predicate, in one pass. A merge only
    // takes subject arcs away from its own predicate, so the pairs of the
    // others stay as found.
    thread_local std::vector<std::pair<int, int>> subjects;  // per head: (first, second), -1 = none
    subjects.assign(n, {-1, -1});
    for (int i = 0; i < n; ++i) {
      const int p = (*heads)[i];
      if (p < 0 || !is_subject((*labels)[i])) continue;
      auto& [first, second] = subjects[p];
      if (first < 0) first = i;
      else if (second < 0) second = i;
    }
    for (const auto& [first, second] : subjects) {
      if (second >= 0) merge_second_subject(words, first, second, heads, labels);
    }
  }
  if (advcl_ >= 0 && mark_ >= 0 && obj_ >= 0 && relcl_ >= 0) relative_clause_on_noun(words, heads, labels);
  // These may move a word under its own subtree in odd parses; such a
  // change is undone. The saved copies reuse their storage across sentences.
  auto keep_if_tree = [&](auto fix) {
    thread_local std::vector<int> saved_heads, saved_labels;
    saved_heads.assign(heads->begin(), heads->end());
    saved_labels.assign(labels->begin(), labels->end());
    fix();
    if (is_tree(*heads)) return;
    heads->assign(saved_heads.begin(), saved_heads.end());
    labels->assign(saved_labels.begin(), saved_labels.end());
  };
  if (conj_ >= 0 && cc_ >= 0 && compound_ >= 0) {
    keep_if_tree([&] { coordination_inside_name(words, heads, labels); });
  }
  if (parataxis_ >= 0 && appos_ >= 0 && det_ >= 0) {
    keep_if_tree([&] { apposition_after_comma(words, heads, labels); });
  }
  if (relcl_ >= 0 && conj_ >= 0 && nsubj_ >= 0 && root_ >= 0 && punct_ >= 0) {
    keep_if_tree([&] { predicate_after_relative_clause(words, heads, labels); });
  }
  if (relcl_ >= 0 && obj_ >= 0 && mark_ >= 0 && ccomp_ >= 0) {
    keep_if_tree([&] { reported_clause_read_as_relative(words, heads, labels); });
  }
  if (nsubj_ >= 0 && root_ >= 0 && compound_ >= 0 && det_ >= 0) {
    keep_if_tree([&] { age_description_read_as_root(words, heads, labels); });
  }
  if (nsubj_ >= 0 && appos_ >= 0 && relcl_ >= 0 && poss_ >= 0) {
    keep_if_tree([&] { whose_clause_read_as_apposition(words, heads, labels); });
  }
  if (relcl_ >= 0 && parataxis_ >= 0 && conj_ >= 0 && advcl_ >= 0 && ccomp_ >= 0 && flat_ >= 0) {
    keep_if_tree([&] { relative_clause_read_as_parataxis(words, heads, labels); });
  }
  if (nsubj_ >= 0 && root_ >= 0) {
    keep_if_tree([&] { predicate_after_parenthesis(words, heads, labels); });
  }
  if (obj_ >= 0 && case_ >= 0 && obl_ >= 0) preposition_on_descriptor(words, heads, labels);
  if (obj_ >= 0) keep_if_tree([&] { name_read_as_object_of_its_title(words, heads, labels); });
  if (advcl_ >= 0 && mark_ >= 0) keep_if_tree([&] { means_clause_on_noun(words, heads, labels); });
  if (conj_ >= 0 && cc_ >= 0 && compound_ >= 0 && det_ >= 0) {
    keep_if_tree([&] { coordinated_modifiers(words, heads, labels); });
  }
  if (nsubj_ >= 0 && appos_ >= 0 && ccomp_ >= 0 && flat_ >= 0) {
    keep_if_tree([&] { subject_of_reported_clause(words, heads, labels); });
  }
  if (case_ >= 0 && nmod_ >= 0 && obl_ >= 0 && compound_ >= 0) {
    keep_if_tree([&] { preposition_read_as_head(words, heads, labels); });
  }
  if (case_ >= 0 && nmod_ >= 0 && obl_ >= 0 && obj_ >= 0) {
    keep_if_tree([&] { examples_hung_on_the_verb(words, heads, labels); });
  }
  if (obl_ >= 0 && obj_ >= 0 && case_ >= 0) {
    keep_if_tree([&] { name_after_object_read_as_oblique(words, heads, labels); });
  }
  if (relcl_ >= 0 && root_ >= 0 && nsubj_ >= 0) keep_if_tree([&] { title_read_as_root(words, heads, labels); });
  if (conj_ >= 0 && mark_ >= 0) keep_if_tree([&] { finite_conjunct_of_infinitive(words, heads, labels); });
  if (conj_ >= 0 && appos_ >= 0 && cc_ >= 0) keep_if_tree([&] { list_read_as_apposition(words, heads, labels); });
  if (nmod_ >= 0 && obl_ >= 0 && obj_ >= 0 && case_ >= 0) {
    keep_if_tree([&] { event_hung_on_the_race(words, heads, labels); });
  }
  if (case_ >= 0 && nsubj_ >= 0 && mark_ >= 0 && advcl_ >= 0) {
    keep_if_tree([&] { subject_after_as_read_as_oblique(words, heads, labels); });
  }
  if (flat_ >= 0 && obl_ >= 0) keep_if_tree([&] { score_read_as_part_of_name(words, heads, labels); });
}

void TreeRepair::score_read_as_part_of_name(std::span<const Word> words, std::vector<int>* heads,
                                            std::vector<int>* labels) const {
  // "Arsenal beat Chelsea 2-1": the score's first number read as a flat part
  // of the name before it ("Chelsea 2"). It is the verb's, as an oblique.
  const int n = static_cast<int>(words.size());
  for (int x = 1; x + 2 < n; ++x) {
    const int name = (*heads)[x];
    if ((*labels)[x] != flat_ || !score_begins(words, static_cast<uint32_t>(x)) || name < 0 ||
        words[name].upos != UPos::PROPN) {
      continue;
    }
    const int verb = (*heads)[name];
    if (verb < 0 || words[verb].upos != UPos::VERB) continue;
    (*heads)[x] = verb;
    (*labels)[x] = obl_;
  }
}

void TreeRepair::subject_after_as_read_as_oblique(std::span<const Word> words, std::vector<int>* heads,
                                                  std::vector<int>* labels) const {
  // "scored twice as Chelsea beat Newcastle 4-0", "has mounted since Rank
  // announced a study": "as" (or "after", "before", "since", "until") read
  // as the case of a name the verb after it then lacks as its subject. The
  // name is the verb's subject, the word its subordinator, and the clause
  // an adverbial one of the verb the name hung under.
  const int n = static_cast<int>(words.size());
  for (int x = 0; x + 2 < n; ++x) {
    const int name = (*heads)[x];
    if ((*labels)[x] != case_ || name <= x || words[name].upos != UPos::PROPN) continue;
    char buf[8];
    const std::string_view word = lowercase_into(words[x].form, buf, sizeof(buf));
    if (word != "as" && word != "after" && word != "before" && word != "since" && word != "until") continue;
    int verb = name + 1;
    while (verb < n && words[verb].upos == UPos::PROPN && (*heads)[verb] == name) ++verb;
    if (verb >= n || name_start(*heads, *labels, name) != x + 1 || words[verb].upos != UPos::VERB ||
        has_subject(*heads, *labels, verb) || (*heads)[verb] == name) {
      continue;
    }
    // The clause the name hung in: the first verb above it.
    int governor = (*heads)[name];
    while (governor >= 0 && words[governor].upos != UPos::VERB) governor = (*heads)[governor];
    if (governor < 0 || governor == verb) continue;
    (*heads)[name] = verb;
    (*labels)[name] = nsubj_;
    (*heads)[x] = verb;
    (*labels)[x] = mark_;
    (*heads)[verb] = governor;
    (*labels)[verb] = advcl_;
  }
}

void TreeRepair::event_hung_on_the_race(std::span<const Word> words, std::vector<int>* heads,
                                        std::vector<int>* labels) const {
  // "won gold in the 200m at the Sydney Olympics", "claimed the titles at
  // the Cross Country Championship": a named event after "at" or "in" is
  // where the deed was done, and the parser hangs it on the noun before it
  // (the race, the prize). It is the verb's.
  const int n = static_cast<int>(words.size());
  for (int x = 1; x < n; ++x) {
    const int noun = (*heads)[x];
    if ((*labels)[x] != nmod_ || words[x].upos != UPos::PROPN || !lexicon::ends_event_name(words[x].form) ||
        !is_ascii_upper(words[x].form[0]) || noun < 0 || noun > x || words[noun].upos != UPos::NOUN ||
        ((*labels)[noun] != obl_ && (*labels)[noun] != obj_)) {
      continue;
    }
    const int verb = (*heads)[noun];
    if (verb < 0 || words[verb].upos != UPos::VERB) continue;
    if (!has_word(words, *heads, *labels, x, case_, "at") && !has_word(words, *heads, *labels, x, case_, "in"))
      continue;
    (*heads)[x] = verb;
    (*labels)[x] = obl_;
  }
}

void TreeRepair::list_read_as_apposition(std::span<const Word> words, std::vector<int>* heads,
                                         std::vector<int>* labels) const {
  // "owns 34 Grosvenor casinos, the Mecca Bingo chain and more than 100
  // Hard Rock Cafes": the second item is read as an apposition of the
  // first and the third as its conjunct. An apposition of the same kind
  // (two common nouns, or two names) that is itself coordinated after a
  // comma is the list's middle: both are conjuncts of the first. (Not a
  // post, "Labour leader and prime minister", which describes the name. The
  // recognizer runs after the parser, so whose name it is is not known
  // here.)
  const int n = static_cast<int>(words.size());
  for (int b = 2; b < n; ++b) {
    const int a = (*heads)[b];
    if ((*labels)[b] != appos_ || a < 0 || a > b || words[a].upos != words[b].upos || !is_nominal(words[a])) continue;
    int first = b;  // the first word of the apposition's phrase, after the comma
    while (first > a + 1 && (*heads)[first - 1] == b && words[first - 1].upos != UPos::PUNCT) --first;
    if (words[first - 1].form != ",") continue;
    int last = -1;
    bool post = lexicon::role_noun(words[b].lemma) != lexicon::RoleNoun::kNone;
    for (int k = b + 1; k < n; ++k) {
      if ((*heads)[k] != b || (*labels)[k] != conj_) continue;
      last = k;
      post = post || lexicon::role_noun(words[k].lemma) != lexicon::RoleNoun::kNone;
    }
    if (last < 0 || post ||
        !(has_word(words, *heads, *labels, last, cc_, "and") || has_word(words, *heads, *labels, last, cc_, "or"))) {
      continue;
    }
    for (int k = b + 1; k < n; ++k) {
      if ((*heads)[k] == b && (*labels)[k] == conj_) (*heads)[k] = a;
    }
    (*heads)[b] = a;
    (*labels)[b] = conj_;
  }
}

void TreeRepair::finite_conjunct_of_infinitive(std::span<const Word> words, std::vector<int>* heads,
                                               std::vector<int>* labels) const {
  // "she failed to complete the marathon and later dropped out of the
  // 10,000m": a verb in the past or third person cannot share an
  // infinitive's "to", so it is no conjunct of the infinitive but of the
  // nearest finite verb above it (else the failure would be read as the
  // dropping out's too).
  const int n = static_cast<int>(words.size());
  auto finite = [&](int w) {
    return words[w].xpos == "VBD" || words[w].xpos == "VBZ" || words[w].xpos == "VBP" ||
           words[w].feats.find("VerbForm=Fin") != std::string_view::npos;
  };
  for (int c = 1; c < n; ++c) {
    const int infinitive = (*heads)[c];
    if ((*labels)[c] != conj_ || words[c].upos != UPos::VERB || (words[c].xpos != "VBD" && words[c].xpos != "VBZ") ||
        infinitive < 0 || words[infinitive].upos != UPos::VERB || finite(infinitive)) {
      continue;
    }
    if (!has_word(words, *heads, *labels, infinitive, mark_, "to")) continue;
    int governor = (*heads)[infinitive];
    while (governor >= 0 && !(words[governor].upos == UPos::VERB && finite(governor))) governor = (*heads)[governor];
    if (governor >= 0) (*heads)[c] = governor;
  }
}

void TreeRepair::title_read_as_root(std::span<const Word> words, std::vector<int>* heads,
                                    std::vector<int>* labels) const {
  // "Russian oil firm Yukos has sued four companies", "World and
  // Commonwealth 100m champion Kim Collins will compete": the title noun
  // before the name is read as the root, and the verb as a relative clause
  // on it whose subject is the name right after the noun (so the noun fills
  // the clause's gap as its object). With no relative word, the verb is the
  // root and the noun describes the name.
  const int n = static_cast<int>(words.size());
  const int title = root_of(*heads);
  if (title >= n || words[title].upos != UPos::NOUN) return;
  for (int verb = title + 1; verb < n; ++verb) {
    if ((*heads)[verb] != title || (*labels)[verb] != relcl_ || words[verb].upos != UPos::VERB) continue;
    int subject = -1;
    bool relative_word = false;
    for (int k = title + 1; k < verb; ++k) {
      if ((*heads)[k] != verb) continue;
      // (A capitalised common noun ends a name too: "Silk" of "Robert
      // Kilroy-Silk", tagged as the fabric.)
      const bool name_word =
          words[k].upos == UPos::PROPN || (words[k].upos == UPos::NOUN && is_ascii_upper(words[k].form[0]));
      if (is_subject((*labels)[k]) && name_word) subject = k;
      relative_word = relative_word || words[k].upos == UPos::PRON || words[k].upos == UPos::SCONJ;
    }
    if (subject < 0 || relative_word) return;
    if (name_start(*heads, *labels, subject) != title + 1) return;
    (*heads)[verb] = -1;
    (*labels)[verb] = root_;
    // What hung on the noun after its own phrase (the full stop) is the verb's.
    for (int k = title + 1; k < n; ++k) {
      if ((*heads)[k] == title && k != verb) (*heads)[k] = verb;
    }
    (*heads)[title] = subject;
    (*labels)[title] = desc_;
    return;
  }
}

void TreeRepair::name_after_object_read_as_oblique(std::span<const Word> words, std::vector<int>* heads,
                                                   std::vector<int>* labels) const {
  // "beat Dubai Open champion Carla Ruiz", "bought Brazilian brewer Ambev":
  // the descriptor is read as the object and the name right after it as an
  // oblique with no preposition, which a name cannot be. The name is the
  // object and the noun describes it.
  const int n = static_cast<int>(words.size());
  for (int x = 1; x < n; ++x) {
    const int verb = (*heads)[x];
    if ((*labels)[x] != obl_ || words[x].upos != UPos::PROPN || verb < 0 || words[verb].upos != UPos::VERB) continue;
    bool preposition = false;
    for (int k = 0; k < n; ++k) preposition = preposition || ((*heads)[k] == x && (*labels)[k] == case_);
    const int noun = name_start(*heads, *labels, x) - 1;
    if (preposition || noun < 0 || (*heads)[noun] != verb || (*labels)[noun] != obj_ ||
        words[noun].upos != UPos::NOUN) {
      continue;
    }
    (*labels)[x] = obj_;
    (*heads)[noun] = x;
    (*labels)[noun] = desc_;
  }
}

void TreeRepair::examples_hung_on_the_verb(std::span<const Word> words, std::vector<int>* heads,
                                           std::vector<int>* labels) const {
  // "disposed of a number of businesses, including the Odeon cinema chain
  // and the Pinewood studios", "bought firms such as Ogilvy & Mather": the
  // examples are read as an oblique of the
  // verb ("dispose including"). They are examples of the verb's last noun
  // before them, or of what a quantity noun counts ("a number of businesses").
  const int n = static_cast<int>(words.size());
  for (int x = 1; x < n; ++x) {
    const int verb = (*heads)[x];
    if ((*labels)[x] != obl_ || verb < 0 || verb > x || words[verb].upos != UPos::VERB) continue;
    // ("bought firms such as Ogilvy & Mather and Cordiant Communications" too.)
    if (!has_word(words, *heads, *labels, x, case_, "including") &&
        !has_word(words, *heads, *labels, x, case_, "such")) {
      continue;
    }
    int noun = -1;
    for (int k = verb + 1; k < x; ++k) {
      if ((*heads)[k] == verb && ((*labels)[k] == obj_ || (*labels)[k] == obl_) && is_nominal(words[k])) noun = k;
    }
    if (noun < 0) continue;
    if (lexicon::is_quantity_noun(words[noun].form)) {  // (lower case: it follows a determiner)
      for (int k = noun + 1; k < x; ++k) {
        if ((*heads)[k] == noun && (*labels)[k] == nmod_ && is_nominal(words[k])) noun = k;
      }
    }
    (*heads)[x] = noun;
    (*labels)[x] = nmod_;
  }
}

void TreeRepair::preposition_read_as_head(std::span<const Word> words, std::vector<int>* heads,
                                          std::vector<int>* labels) const {
  // "set up tries for Geordan Murphy and Peter Stringer": the preposition is
  // read as the modifier and the name after it as its compound (or object).
  // A preposition heads nothing in UD; the first noun after it heads the
  // phrase, takes the modifier's place, and the preposition is its case.
  const int n = static_cast<int>(words.size());
  for (int p = 0; p + 1 < n; ++p) {
    if (words[p].upos != UPos::ADP || ((*labels)[p] != nmod_ && (*labels)[p] != obl_)) continue;
    int noun = -1;
    for (int k = p + 1; k < n && noun < 0; ++k) {
      if ((*heads)[k] != p || (*labels)[k] == det_) continue;
      const int label = (*labels)[k];
      const bool nominal = is_nominal(words[k]) || words[k].upos == UPos::NUM || words[k].upos == UPos::PRON;
      if (!nominal || (label != compound_ && label != obj_ && label != flat_ && label != fixed_)) break;
      noun = k;
    }
    if (noun < 0) continue;
    // (Only the words of the phrase lie between: "for the Geordan ...".)
    bool phrase = true;
    for (int k = p + 1; k < noun; ++k) phrase = phrase && ((*heads)[k] == noun || (*heads)[k] == p);
    if (!phrase) continue;
    for (int k = 0; k < n; ++k) {
      if (k != noun && (*heads)[k] == p) (*heads)[k] = noun;
    }
    (*heads)[noun] = (*heads)[p];
    (*labels)[noun] = (*labels)[p];
    (*heads)[p] = noun;
    (*labels)[p] = case_;
  }
}

void TreeRepair::subject_of_reported_clause(std::span<const Word> words, std::vector<int>* heads,
                                            std::vector<int>* labels) const {
  // "told the BBC News website Ford did not deserve any credit": the name
  // before a clause that has no subject is read as an apposition or a
  // second object of "told"; it is the clause's subject.
  const int n = static_cast<int>(words.size());
  for (int x = 1; x + 1 < n; ++x) {
    const int label = (*labels)[x];
    if (words[x].upos != UPos::PROPN || (label != appos_ && label != obj_ && label != iobj_)) continue;
    int end = x;
    while (end + 1 < n && (*heads)[end + 1] == x && (*labels)[end + 1] == flat_) ++end;
    if (end + 1 >= n || words[x - 1].form == ",") continue;
    const int next = end + 1;
    int verb = -1;
    if (words[next].upos == UPos::AUX && (*heads)[next] > next) verb = (*heads)[next];
    if (words[next].upos == UPos::VERB && words[next].feats.find("VerbForm=Fin") != std::string_view::npos) verb = next;
    if (verb < 0 || words[verb].upos != UPos::VERB) continue;
    if ((*labels)[verb] != ccomp_) continue;
    if (has_subject(*heads, *labels, verb)) continue;
    (*heads)[x] = verb;
    (*labels)[x] = nsubj_;
  }
}

void TreeRepair::coordinated_modifiers(std::span<const Word> words, std::vector<int>* heads,
                                       std::vector<int>* labels) const {
  // "chairs the science and technology committee": "science" read as the
  // object and "committee" as its conjunct. With one determiner before the
  // first noun and none before the last, the two nouns before the last
  // modify it together.
  const int n = static_cast<int>(words.size());
  for (int a = 1; a + 3 < n; ++a) {
    const int cc = a + 1, b = a + 2, c = a + 3;
    if (words[a].upos != UPos::NOUN || words[b].upos != UPos::NOUN || words[c].upos != UPos::NOUN) continue;
    if ((*heads)[c] != a || (*labels)[c] != conj_ || (*heads)[b] != c || (*labels)[b] != compound_ ||
        (*labels)[cc] != cc_ || words[cc].form != "and") {
      continue;
    }
    bool first_has_determiner = false, last_has_determiner = false;
    for (int k = 0; k < n; ++k) {
      if ((*heads)[k] == a && (*labels)[k] == det_ && k < a) first_has_determiner = true;
      if ((*heads)[k] == c && (*labels)[k] == det_) last_has_determiner = true;
    }
    if (!first_has_determiner || last_has_determiner) continue;
    (*heads)[c] = (*heads)[a];
    (*labels)[c] = (*labels)[a];
    for (int k = 0; k < a; ++k) {
      if ((*heads)[k] == a) (*heads)[k] = c;  // the determiner and adjectives before it
    }
    (*heads)[a] = c;
    (*labels)[a] = compound_;
    (*heads)[b] = a;
    (*labels)[b] = conj_;
    (*heads)[cc] = b;
  }
}

void TreeRepair::means_clause_on_noun(std::span<const Word> words, std::vector<int>* heads,
                                      std::vector<int>* labels) const {
  // "reached the final by beating Wasps": a clause of means ("by" and a
  // gerund) hung on the verb's object or oblique is the verb's: a noun is
  // not done by anything.
  const int n = static_cast<int>(words.size());
  for (int v = 1; v < n; ++v) {
    const int h = (*heads)[v];
    const bool gerund = words[v].xpos == "VBG" || words[v].feats.find("VerbForm=Ger") != std::string_view::npos;
    if (h < 0 || words[v].upos != UPos::VERB || !gerund || !is_nominal(words[h])) continue;
    const int governor = (*heads)[h];
    if (governor < 0 || words[governor].upos != UPos::VERB || governor > v) continue;
    if (!has_word(words, *heads, *labels, v, mark_, "by")) continue;
    (*heads)[v] = governor;
    (*labels)[v] = advcl_;
  }
}

void TreeRepair::name_read_as_object_of_its_title(std::span<const Word> words, std::vector<int>* heads,
                                                  std::vector<int>* labels) const {
  // "beating French Open champion Gaston Gaudio": the name right after a
  // noun is hung on it as its "object", which a noun cannot have. The name
  // heads the phrase and the noun describes it.
  const int n = static_cast<int>(words.size());
  for (int x = 1; x < n; ++x) {
    const int h = (*heads)[x];
    if ((*labels)[x] != obj_ || h != x - 1 || words[h].upos != UPos::NOUN || words[x].upos != UPos::PROPN) {
      continue;
    }
    (*heads)[x] = (*heads)[h];
    (*labels)[x] = (*labels)[h];
    (*heads)[h] = x;
    (*labels)[h] = desc_;
  }
}

void TreeRepair::preposition_on_descriptor(std::span<const Word> words, std::vector<int>* heads,
                                           std::vector<int>* labels) const {
  // "play alongside fellow debutant David Sherwood": the preposition that
  // opens the phrase hangs on the descriptor before the name, and the name
  // is read as the verb's object. The preposition is the name's, and the
  // name an oblique.
  const int n = static_cast<int>(words.size());
  for (int x = 0; x < n; ++x) {
    if ((*labels)[x] != obj_ || words[x].upos != UPos::PROPN) continue;
    for (int d = 0; d < x; ++d) {
      if ((*heads)[d] != x || ((*labels)[d] != desc_ && (*labels)[d] != compound_)) continue;
      int preposition = -1;
      for (int c = 0; c < d; ++c) {
        if ((*heads)[c] == d && (*labels)[c] == case_ && words[c].upos == UPos::ADP) preposition = c;
      }
      if (preposition < 0) continue;
      (*heads)[preposition] = x;
      (*labels)[x] = obl_;
      break;
    }
  }
}

void TreeRepair::predicate_after_parenthesis(std::span<const Word> words, std::vector<int>* heads,
                                             std::vector<int>* labels) const {
  // "Vincent Cable, for the Liberal Democrats, called on Mr Brown": when the
  // root is a name with no subject, copula or auxiliary, followed by a comma,
  // and a finite or past verb with no subject of its own comes right after a later
  // comma, hung on a word between the two, that verb is the sentence's
  // predicate and the name its subject (the words between set the name off).
  const int n = static_cast<int>(words.size());
  const int root = root_of(*heads);
  if (root >= n || words[root].upos != UPos::PROPN) return;
  for (int k = 0; k < n; ++k) {
    if ((*heads)[k] == root && (is_subject((*labels)[k]) || words[k].upos == UPos::AUX)) return;
  }
  int first_comma = root + 1;
  while (first_comma < n && (*heads)[first_comma] == root && words[first_comma].form != ",") ++first_comma;
  if (first_comma >= n || words[first_comma].form != ",") return;
  for (int v = first_comma + 2; v < n; ++v) {
    if (words[v - 1].form != "," || words[v].upos != UPos::VERB) continue;
    // (A past participle too: "called" is read as one there.)
    if (words[v].feats.find("VerbForm=Fin") == std::string_view::npos &&
        words[v].feats.find("Tense=Past") == std::string_view::npos) {
      continue;
    }
    const int h = (*heads)[v];
    if (h <= first_comma || h >= v) continue;
    if (has_subject(*heads, *labels, v)) continue;
    (*heads)[v] = -1;
    (*labels)[v] = root_;
    (*heads)[root] = v;
    (*labels)[root] = nsubj_;
    // What came after the verb but hung inside the parenthesis is the
    // verb's ("called on Mr Brown to open up the books": "to open" had
    // hung on "Democrats").
    for (int k = v + 1; k < n; ++k) {
      if ((*heads)[k] > first_comma && (*heads)[k] < v - 1) (*heads)[k] = v;
    }
    return;
  }
}

void TreeRepair::relative_clause_read_as_parataxis(std::span<const Word> words, std::vector<int>* heads,
                                                   std::vector<int>* labels) const {
  // "indebted to skipper Brian O'Driscoll, who set up tries", "said Mr
  // Fitzpatrick, who added that ...": a clause whose subject is "who" or
  // "which" right after a comma and a noun is a relative clause on that
  // noun, not a clause of its own (parataxis, conj, advcl or ccomp of the
  // main verb), which leaves "who" with nobody to stand for.
  const int n = static_cast<int>(words.size());
  for (int w = 2; w < n; ++w) {
    const std::string_view form = words[w].form;
    if ((form != "who" && form != "which") || !is_subject((*labels)[w]) || words[w - 1].form != ",") continue;
    const int verb = (*heads)[w];
    if (verb <= w) continue;
    const int label = (*labels)[verb];
    if (label != parataxis_ && label != conj_ && label != advcl_ && label != ccomp_) continue;
    int noun = w - 2;
    if (!is_nominal(words[noun])) continue;
    while ((*labels)[noun] == flat_ && (*heads)[noun] >= 0 && (*heads)[noun] < noun) noun = (*heads)[noun];
    (*heads)[verb] = noun;
    (*labels)[verb] = relcl_;
  }
}

void TreeRepair::apposition_after_comma(std::span<const Word> words, std::vector<int>* heads,
                                        std::vector<int>* labels) const {
  // "..., a project that ...": a noun phrase with an article, no subject of
  // its own, right after a comma that closes a noun phrase, is that
  // phrase's apposition, not a sentence beside the main clause.
  const int n = static_cast<int>(words.size());
  for (int x = 0; x < n; ++x) {
    if ((*labels)[x] != parataxis_ || !is_nominal(words[x])) continue;
    bool article = false, subject = false;
    for (int k = 0; k < n; ++k) {
      if ((*heads)[k] != x) continue;
      article = article || ((*labels)[k] == det_ && k < x);
      subject = subject || is_subject((*labels)[k]);
    }
    const int comma = subtree_edges(*heads, x).first;
    if (!article || subject || comma < 1 || words[comma].form != ",") continue;
    // The noun phrase that ends right before the comma: the highest nominal
    // whose subtree ends there.
    int m = comma - 1;
    if (!is_nominal(words[m])) continue;
    while ((*heads)[m] >= 0 && is_nominal(words[(*heads)[m]]) && subtree_edges(*heads, (*heads)[m]).second == comma - 1) {
      m = (*heads)[m];
    }
    (*heads)[x] = m;
    (*labels)[x] = appos_;
  }
}

void TreeRepair::predicate_after_relative_clause(std::span<const Word> words, std::vector<int>* heads,
                                                 std::vector<int>* labels) const {
  // "The firm, which makes phones, reported record sales": when the root is
  // a bare noun (no subject, no copula) whose relative clause has exactly one
  // conjunct, a finite verb right after a comma with no subject or
  // conjunction of its own, that verb is the sentence's predicate and the
  // noun its subject.
  const int n = static_cast<int>(words.size());
  const int root = root_of(*heads);
  if (root >= n || !is_nominal(words[root])) return;
  int clause = -1;
  for (int k = 0; k < n; ++k) {
    if ((*heads)[k] != root) continue;
    if (is_subject((*labels)[k]) || words[k].upos == UPos::AUX) return;
    if ((*labels)[k] == relcl_ && k > root) clause = k;
  }
  if (clause < 0) return;
  int verb = -1, conjuncts = 0;
  for (int k = clause + 1; k < n; ++k) {
    if ((*heads)[k] != clause || (*labels)[k] != conj_) continue;
    ++conjuncts;
    verb = k;
  }
  if (conjuncts != 1 || words[verb].upos != UPos::VERB || words[verb - 1].form != "," ||
      words[verb].feats.find("VerbForm=Fin") == std::string_view::npos) {
    return;
  }
  for (int k = 0; k < n; ++k) {
    if ((*heads)[k] == verb && (is_subject((*labels)[k]) || (*labels)[k] == cc_)) return;
  }
  (*heads)[verb] = -1;
  (*labels)[verb] = root_;
  (*heads)[root] = verb;
  (*labels)[root] = nsubj_;
  // The comma closes the relative clause; what followed the verb but hung
  // on the noun (the full stop) now belongs to the verb.
  (*heads)[verb - 1] = clause;
  (*labels)[verb - 1] = punct_;
  for (int k = verb + 1; k < n; ++k) {
    if ((*heads)[k] == root) (*heads)[k] = verb;
  }
}

void TreeRepair::coordination_inside_name(std::span<const Word> words, std::vector<int>* heads,
                                          std::vector<int>* labels) const {
  // A name modifier d of a later name h with "and" between them is the
  // first conjunct: d takes h's place, h becomes its conjunct, and the
  // words between "and" and h that hung on d's side join h's name.
  const int n = static_cast<int>(words.size());
  for (int d = 0; d < n; ++d) {
    const int h = (*heads)[d];
    if (h <= d || ((*labels)[d] != desc_ && (*labels)[d] != compound_)) continue;
    if (words[d].upos != UPos::PROPN || words[h].upos != UPos::PROPN) continue;
    int cc = -1;
    for (int k = d + 1; k < h; ++k) {
      if (words[k].upos == UPos::CCONJ) cc = k;
    }
    if (cc < 0) continue;
    // The "and" must hang on d's side (inside d's subtree span).
    if (subtree_edges(*heads, d).second < cc) continue;
    (*heads)[d] = (*heads)[h];
    (*labels)[d] = (*labels)[h];
    (*heads)[h] = d;
    (*labels)[h] = conj_;
    (*heads)[cc] = h;
    (*labels)[cc] = cc_;
    for (int j = cc + 1; j < h; ++j) {
      int a = (*heads)[j];
      while (a >= 0 && a != d && a != h) a = (*heads)[a];
      if (a != d) continue;  // already on h's side
      (*heads)[j] = h;
      (*labels)[j] = compound_;
    }
    return;
  }
}

void TreeRepair::merge_second_subject(std::span<const Word> words, int first, int second, std::vector<int>* heads,
                                      std::vector<int>* labels) const {
  if (!is_nominal(words[first]) || !is_nominal(words[second])) return;
  const int second_lo = subtree_edges(*heads, second).first;
  const int n = static_cast<int>(words.size());
  // "Joe Biden and Russia | President Vladimir Putin spoke": the first
  // subject's last conjunct is the start of the second subject's name.
  int last_conj = -1;
  for (int c = first + 1; c < n; ++c) {
    if ((*heads)[c] == first && (*labels)[c] == conj_) last_conj = c;
  }
  if (last_conj >= 0) {
    if (!is_nominal(words[last_conj]) || subtree_edges(*heads, last_conj).second + 1 != second_lo) return;
    (*heads)[second] = first;
    (*labels)[second] = conj_;
    (*heads)[last_conj] = second;
    (*labels)[last_conj] = compound_;
    for (int k = 0; k < n; ++k) {
      if ((*heads)[k] == last_conj && cc_ >= 0 && (*labels)[k] == cc_) (*heads)[k] = second;
    }
    return;
  }
  // "German Chancellor | Martin Keller spoke": the first subject is a title
  // right before the name.
  if (subtree_edges(*heads, first).second + 1 == second_lo) {
    (*heads)[first] = second;
    (*labels)[first] = desc_;
  }
}

void TreeRepair::relative_clause_on_noun(std::span<const Word> words, std::vector<int>* heads,
                                         std::vector<int>* labels) const {
  // "a project that the government supports": "that" is the object of a
  // relative clause, not the marker of an adverbial one, when the clause's
  // verb has a subject after "that" and no object of its own.
  const int n = static_cast<int>(words.size());
  for (int v = 0; v < n; ++v) {
    const int head = (*heads)[v];
    if (head < 0 || (*labels)[v] != advcl_ || !is_nominal(words[head]) || words[v].upos != UPos::VERB) continue;
    int that = -1, subject = -1;
    bool object = false;
    for (int k = 0; k < n; ++k) {
      if ((*heads)[k] != v) continue;
      if ((*labels)[k] == mark_ && k < v && (words[k].form == "that" || words[k].form == "which")) that = k;
      if ((*labels)[k] == nsubj_ && k < v) subject = k;
      if ((*labels)[k] == obj_) object = true;
    }
    if (that < 0 || subject < that || object || head > that) continue;
    (*labels)[v] = relcl_;
    (*labels)[that] = obj_;
  }
}

void TreeRepair::reported_clause_read_as_relative(std::span<const Word> words, std::vector<int>* heads,
                                                  std::vector<int>* labels) const {
  // "said after the meeting that Mr Biden had offered Mr Putin the choice":
  // "that" cannot be the object of a relative clause whose verb has an
  // object of its own, so the clause is what the speech verb reports.
  const int n = static_cast<int>(words.size());
  for (int v = 0; v < n; ++v) {
    const int noun = (*heads)[v];
    if (noun < 0 || (*labels)[v] != relcl_ || words[v].upos != UPos::VERB) continue;
    const int speech = (*heads)[noun];
    if (speech < 0 || speech > noun || words[speech].upos != UPos::VERB) continue;
    const std::string_view lemma = words[speech].lemma;
    if (lemma != "say" && lemma != "tell" && lemma != "announce" && lemma != "add" && lemma != "report" &&
        lemma != "confirm" && lemma != "warn" && lemma != "insist" && lemma != "claim") {
      continue;
    }
    int that = -1;
    bool own_object = false;
    for (int k = 0; k < n; ++k) {
      if ((*heads)[k] != v) continue;
      if ((*labels)[k] == obj_ && k < v && words[k].form == "that") that = k;
      else if ((*labels)[k] == obj_ || (iobj_ >= 0 && (*labels)[k] == iobj_)) own_object = true;
    }
    if (that < 0 || !own_object || that != noun + 1) continue;
    (*heads)[v] = speech;
    (*labels)[v] = ccomp_;
    (*labels)[that] = mark_;
  }
}

void TreeRepair::age_description_read_as_root(std::span<const Word> words, std::vector<int>* heads,
                                              std::vector<int>* labels) const {
  // "The 29-year-old finished second to Paula Radcliffe": the adjective
  // "old" of a description of age is taken for the root, with the verb that
  // follows hung on it (as acl, parataxis, advcl, even amod). When the root
  // is such an "old" (a determiner and a "year" compound, no subject or
  // auxiliary of its own) and the next word that is no adverb is a verb
  // in a finite or past form hung on it, that verb is the predicate and the
  // description its subject.
  const int n = static_cast<int>(words.size());
  const int old = root_of(*heads);
  if (old >= n || words[old].form != "old") return;
  bool article = false, year = false;
  for (int k = 0; k < n; ++k) {
    if ((*heads)[k] != old) continue;
    if (is_subject((*labels)[k]) || words[k].upos == UPos::AUX) return;
    article = article || ((*labels)[k] == det_ && k < old);
    year = year || ((*labels)[k] == compound_ && k < old && (words[k].form == "year" || words[k].form == "years"));
  }
  int verb = old + 1;
  while (verb < n && words[verb].upos == UPos::ADV) ++verb;
  if (!article || !year || verb >= n || (*heads)[verb] != old || words[verb].upos != UPos::VERB ||
      (words[verb].feats.find("VerbForm=Fin") == std::string_view::npos &&
       words[verb].feats.find("Tense=Past") == std::string_view::npos)) {
    return;
  }
  (*heads)[verb] = -1;
  (*labels)[verb] = root_;
  (*heads)[old] = verb;
  (*labels)[old] = nsubj_;
  // What hung on the description outside its own phrase (the full stop, a
  // second conjunct, an opening "And") belongs to the verb.
  for (int k = 0; k < n; ++k) {
    if ((*heads)[k] != old || k == verb) continue;
    const bool inside_phrase = k < old && ((*labels)[k] == det_ || (*labels)[k] == compound_ ||
                                           words[k].upos == UPos::NUM || words[k].upos == UPos::ADJ);
    if (!inside_phrase) (*heads)[k] = verb;
  }
}

void TreeRepair::whose_clause_read_as_apposition(std::span<const Word> words, std::vector<int>* heads,
                                                 std::vector<int>* labels) const {
  // "said Jose Mourinho, whose Chelsea team meet Barcelona": the noun after
  // "whose" is taken for an apposition of the name, and the name for the
  // subject of the clause's verb. The noun is that verb's subject, the
  // clause is a relative clause on the name, and the name goes back to the
  // verb the clause had hung on, when that verb has no subject of its own.
  const int n = static_cast<int>(words.size());
  for (int noun = 0; noun < n; ++noun) {
    const int name = (*heads)[noun];
    if (name < 0 || (*labels)[noun] != appos_ || !is_nominal(words[noun])) continue;
    bool whose = false;
    for (int k = name + 1; k < noun; ++k) {
      whose = whose ||
              ((*heads)[k] == noun && (*labels)[k] == poss_ && (words[k].form == "whose" || words[k].form == "Whose"));
    }
    const int verb = (*heads)[name];
    if (!whose || verb <= noun || words[verb].upos != UPos::VERB || (*labels)[name] != nsubj_) continue;
    const int governor = (*heads)[verb];
    if (governor < 0 || words[governor].upos != UPos::VERB) continue;
    if (has_subject(*heads, *labels, governor)) continue;
    (*heads)[name] = governor;
    (*labels)[name] = nsubj_;
    (*heads)[verb] = name;
    (*labels)[verb] = relcl_;
    (*heads)[noun] = verb;
    (*labels)[noun] = nsubj_;
  }
}

}  // namespace kg::nlp
