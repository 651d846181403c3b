#include "ingest/article_facts.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "base/lexicon.h"
#include "base/one_of.h"
#include "base/utf8.h"
#include "graph/schema/schema.h"
#include "ingest/fact_gate.h"
#include "ingest/match_results.h"
#include "ingest/object_names.h"
#include "ingest/owned_names.h"
#include "ingest/place_facts.h"
#include "ingest/resolve/resolve.h"
#include "ingest/role_facts.h"

namespace kg::ingest {
namespace {

using extract::WordSpan;

// The record's entities: resolve clusters first, in cluster order, leaving
// out those named only in boilerplate (a photo credit's "REUTERS"); then the
// other nodes facts name, each distinct (name, type) once.
class EntityTable {
 public:
  EntityTable(const resolve::DocumentEntities& ents, const std::vector<bool>& boilerplate,
              std::vector<store::EntityRecord>* out)
      : out_(out), entity_of_cluster_(ents.clusters.size(), -1) {
    out_->reserve(ents.clusters.size());
    for (size_t k = 0; k < ents.clusters.size(); ++k) {
      const resolve::Cluster& c = ents.clusters[k];
      bool in_text = false;
      for (uint32_t m : c.mentions) in_text = in_text || !boilerplate[ents.mentions[m].sentence];
      if (!in_text) continue;
      entity_of_cluster_[k] = static_cast<int32_t>(out_->size());
      out_->push_back(resolve::entity_record(c));
    }
  }

  // The entity of a cluster, absent for one named only in boilerplate.
  std::optional<uint32_t> cluster(int32_t c) const {
    const int32_t e = entity_of_cluster_[static_cast<size_t>(c)];
    return e < 0 ? std::nullopt : std::optional<uint32_t>(static_cast<uint32_t>(e));
  }

  // A node no cluster covers: a CONCEPT, or a recognised name with its NER type.
  uint32_t node(const std::string& name, store::EntityType type) {
    const auto [it, added] = index_.try_emplace({name, type}, static_cast<uint32_t>(out_->size()));
    if (added) {
      store::EntityRecord r;
      r.name = name;
      r.type = type;
      out_->push_back(std::move(r));
    }
    ++(*out_)[it->second].mentions;
    return it->second;
  }

 private:
  std::vector<store::EntityRecord>* out_;
  std::vector<int32_t> entity_of_cluster_;  // record index of each cluster, -1 when left out
  std::map<std::pair<std::string, store::EntityType>, uint32_t> index_;
};

// The entity an argument stands for: a cluster's record, or a node the
// table adds only once a fact about it is kept (so a dropped fact leaves no
// entity behind).
struct ArgumentEntity {
  std::optional<uint32_t> record;  // set for a cluster
  std::string name;                // else the node's name and type
  store::EntityType type = store::EntityType::kConcept;
  bool named_here = false;  // found by its words being one of the cluster's names
};

// The named cluster one of whose names the phrase `node` is, compared
// without case ("harbour Foods" for Harbour Foods, tagged as common nouns at
// the start of a sentence), or -1.
int32_t cluster_named(std::string_view node, const resolve::DocumentEntities& ents) {
  if (node.find(' ') == std::string_view::npos) return -1;  // one word: too often a common noun too
  const std::string key = utf8::ascii_lowercase(node);
  for (size_t k = 0; k < ents.clusters.size(); ++k) {
    for (const auto& [alias, count] : ents.clusters[k].aliases) {
      if (utf8::ascii_lowercase(alias) == key) return static_cast<int32_t>(k);
    }
  }
  return -1;
}

// The cluster of a name set in apposition to the common noun at `head`
// (within two words after it: "champion Edith Masai", "impresario, Sergei
// Diaghilev"), or -1.
int32_t appositive_name_cluster(std::span<const nlp::Word> words, uint32_t sentence, uint32_t head,
                                const resolve::DocumentEntities& ents) {
  if (head >= words.size() || words[head].upos != nlp::UPos::NOUN) return -1;
  const int32_t name = nlp::apposed_word(words, head, /*named=*/true);
  return name < 0 ? -1 : ents.cluster_at(sentence, static_cast<uint32_t>(name));
}

// "Victor Wong, a graduate student studying at Cornell University", "Lord
// Smith, a former minister who joined Barclays": the cluster of the name a
// common noun with an article is set in apposition to, where the clause
// (its verb at `predicate`) hangs on that noun and the noun is its
// subject; -1 otherwise. Only for subjects: as an object the noun is what
// the name is said to be.
int32_t name_cluster_apposed_to(std::span<const nlp::Word> words, uint32_t sentence, uint32_t noun, uint32_t predicate,
                                const resolve::DocumentEntities& ents) {
  const int32_t name = nlp::named_word_apposed_to(words, noun);
  if (name < 0 || predicate >= words.size() || words[predicate].head != static_cast<int32_t>(noun)) return -1;
  auto has_child = [&](uint32_t head, std::string_view deprel, std::initializer_list<std::string_view> forms) {
    return std::any_of(words.begin(), words.end(), [&](const nlp::Word& w) {
      return w.head == static_cast<int32_t>(head) && w.deprel == deprel && one_of(utf8::ascii_lowercase(w.form), forms);
    });
  };
  // The clause is the noun's own: an active participle ("studying at") or
  // a relative clause whose subject is "who", "which" or "that". (A passive
  // participle's noun is its object: "a 1999 track reissued for the occasion".)
  // ("of ex-King Michael" read as a participle; "Roddick, who was on the
  // US team which lost" read as an apposition with a copula of its own.)
  const bool lower_case = std::all_of(words[predicate].form.begin(), words[predicate].form.end(),
                                      [](char c) { return c >= 'a' && c <= 'z'; });
  const bool predicative = std::any_of(words.begin(), words.end(), [&](const nlp::Word& w) {
    return w.head == static_cast<int32_t>(noun) && one_of(w.deprel, {"cop", "nsubj", "case"});
  });
  if (!lower_case || predicative) return -1;
  const bool own_clause =
      (words[predicate].deprel == "acl" && words[predicate].xpos == "VBG") ||
      (words[predicate].deprel == "acl:relcl" && has_child(predicate, "nsubj", {"who", "which", "that"}));
  if (!own_clause || !has_child(noun, "det", {"a", "an", "the"})) return -1;
  return ents.cluster_at(sentence, static_cast<uint32_t>(name));
}

// "The pair were banned", "the duo withdrew", "the two men": the two people
// the text named together last, within the sentence (before the argument) or
// the three before it, as their clusters; nullopt for any other argument or
// when no two people were so named.
std::optional<std::pair<int32_t, int32_t>> pair_named_before(const nlp::Document& doc,
                                                             const resolve::DocumentEntities& ents, uint32_t sentence,
                                                             std::span<const nlp::Word> words,
                                                             const extract::Argument& a) {
  if (a.head >= words.size() || a.is_name || a.is_pronoun) return std::nullopt;
  const nlp::Word& head = words[a.head];
  const std::string lemma = nlp::lowercase_lemma(head);
  bool the = false, two = false;
  for (const nlp::Word& w : words) {
    if (w.head != static_cast<int32_t>(a.head)) continue;
    the = the || (w.deprel == "det" && utf8::ascii_lowercase(w.form) == "the");
    two = two || (w.deprel == "nummod" && utf8::ascii_lowercase(w.form) == "two");
  }
  const bool pair_noun = one_of(lemma, {"pair", "duo", "couple"}) && head.xpos == "NN";
  const bool two_people = two && one_of(utf8::ascii_lowercase(head.form), {"men", "women"});
  if (!the || !(pair_noun || two_people)) return std::nullopt;
  for (size_t k = ents.mentions.size(); k-- > 0;) {
    const resolve::Mention& m = ents.mentions[k];
    if (m.sentence > sentence || (m.sentence == sentence && m.begin >= a.span.begin)) continue;
    if (m.sentence + 3 < sentence) break;
    if (m.kind != resolve::MentionKind::kName || m.cluster < 0) continue;
    const auto ws = doc.words_of(doc.sentences[m.sentence]);
    if (ws[m.head].deprel != "conj" || ws[m.head].head < 0) continue;
    const auto first_head = static_cast<uint32_t>(ws[m.head].head);
    size_t conjuncts = 0;
    for (const nlp::Word& w : ws) conjuncts += w.head == static_cast<int32_t>(first_head) && w.deprel == "conj";
    const int32_t first = ents.cluster_at(m.sentence, first_head);
    if (conjuncts != 1 || first < 0 || first == m.cluster ||
        ents.clusters[static_cast<size_t>(first)].type != nlp::EntityType::kPerson ||
        ents.clusters[static_cast<size_t>(m.cluster)].type != nlp::EntityType::kPerson) {
      return std::nullopt;  // the last coordination of names is no pair of people
    }
    return std::pair{first, m.cluster};
  }
  return std::nullopt;
}

// nullopt when the argument names nothing the graph can keep (an unresolved
// pronoun, an empty node, a cluster named only in boilerplate).
std::optional<ArgumentEntity> entity_of(std::span<const nlp::Word> words, const extract::Argument& a, uint32_t sentence,
                                        const resolve::DocumentEntities& ents, const EntityTable& table,
                                        const std::vector<store::EntityRecord>& entities) {
  int32_t c = ents.cluster_of_head(sentence, a.head);
  // "threatened short-course champion Edith Masai", "the impresario, Sergei
  // Diaghilev": a common noun with a name in apposition is that name.
  if (c < 0 && !a.is_pronoun) c = appositive_name_cluster(words, sentence, a.head, ents);
  bool named_here = false;
  if (c < 0 && !a.is_pronoun && (c = cluster_named(a.node, ents)) >= 0) named_here = true;
  // "the chancellor", "his chancellor" after "Chancellor Gordon Brown": the
  // resolver joins a title only to a person who holds it in the article, so
  // the title names its holder as well as a name would.
  if (c >= 0 && !a.is_name && !a.is_pronoun && a.head < words.size() && words[a.head].upos == nlp::UPos::NOUN &&
      lexicon::role_noun(a.head_lemma) == lexicon::RoleNoun::kTitle &&
      ents.clusters[static_cast<size_t>(c)].type == nlp::EntityType::kPerson) {
    named_here = true;
  }
  if (c >= 0) {
    const std::optional<uint32_t> r = table.cluster(c);
    if (!r) return std::nullopt;
    return ArgumentEntity{r, entities[*r].name, entities[*r].type, named_here};
  }
  if (a.is_pronoun || a.node.empty()) return std::nullopt;
  const store::EntityType type =
      a.entity_type.empty() ? store::EntityType::kConcept
                            : store::parse_entity_type(a.entity_type).value_or(store::EntityType::kMisc);
  return ArgumentEntity{std::nullopt, a.node, type};
}

// The triple with the direct object `t` folded into its relation put back
// as the object ("visit school in" · Leeds -> visit · school); nullopt when
// nothing was folded.
std::optional<extract::GraphTriple> unfolded(const extract::Proposition& p, const extract::GraphTriple& t) {
  for (const extract::Argument& a : p.arguments) {
    if (a.role != extract::ArgumentRole::kObject || a.is_clause || a.node.empty()) continue;
    if (&a == t.object) return std::nullopt;
    return extract::GraphTriple{t.subject, &a, p.relation};
  }
  return std::nullopt;
}

// The particle of the verb at `verb` among its dependents before `end`
// ("over" of "taken over"), after a space; "" for none.
std::string particle_of(std::span<const nlp::Word> words, uint32_t verb, uint32_t end) {
  for (uint32_t i = verb + 1; i < end && i < words.size(); ++i) {
    if (words[i].head == static_cast<int32_t>(verb) && words[i].deprel == "compound:prt") {
      return " " + utf8::ascii_lowercase(words[i].form);
    }
  }
  return "";
}

// The active form of a passive relation with its agent ("be spotted by" ->
// "spot", "reportedly be bought by" -> "reportedly buy"), qualifiers kept in
// front; nullopt for any other relation.
std::optional<std::string> active_voice(std::span<const nlp::Word> words, const extract::Proposition& p,
                                        std::string_view relation) {
  if (p.predicate >= words.size() || !relation.ends_with(" by")) return std::nullopt;
  // "Columbia Pictures, owned by Sony": a participle on its patient's name,
  // which the clause rules write as "own by".
  const std::string lemma = utf8::ascii_lowercase(words[p.predicate].lemma);
  if (words[p.predicate].deprel == "acl" && words[p.predicate].xpos == "VBN" && relation == lemma + " by") return lemma;
  if (p.construction != extract::Construction::kPassive) return std::nullopt;
  const std::string participle = utf8::ascii_lowercase(words[p.predicate].form);
  const size_t be = relation.find("be " + participle);
  if (be == std::string_view::npos || (be > 0 && relation[be - 1] != ' ')) return std::nullopt;
  // Words between the participle and "by" are its particle ("be taken over by").
  const size_t rest = be + 3 + participle.size();
  std::string particle(relation.substr(rest, relation.size() - 3 - rest));
  if (particle.find(' ', 1) != std::string::npos) return std::nullopt;  // "be replaced as captain by"
  // ("be taken over by": the particle the clause rules left out of the phrase.)
  if (particle.empty()) particle = particle_of(words, p.predicate, static_cast<uint32_t>(words.size()));
  return std::string(relation.substr(0, be)) + lemma + particle;
}

// "the athlete", "the Scotland-born singer": an occupation after "the" that
// names nobody itself, which the resolver reads as it reads "he" or "she".
bool person_description(std::span<const nlp::Word> words, const extract::Argument& a) {
  if (a.is_name || a.is_pronoun || a.head >= words.size() || words[a.head].upos != nlp::UPos::NOUN) return false;
  const std::string lemma = utf8::ascii_lowercase(a.head_lemma);
  // ("the author of Wealth of Nations" is someone the phrase names.)
  const bool of_after = a.head + 1 < words.size() && words[a.head + 1].form == "of";
  return lexicon::person_descriptor(lemma) && lexicon::role_noun(lemma) == lexicon::RoleNoun::kNone &&
         a.span.begin < words.size() && utf8::ascii_lowercase(words[a.span.begin].form) == "the" &&
         nlp::apposed_word(words, a.head) < 0 && !of_after;
}

// "the company", "the firm", "the 25-year-old": a description the resolver
// reads, as it reads a pronoun, as an organisation or person named before.
bool reference_description(std::span<const nlp::Word> words, const extract::Argument& a) {
  if (a.is_name || a.is_pronoun || a.head >= words.size()) return false;
  // "the 25-year-old" (a person, found the same way).
  if (a.head >= 3 && utf8::ascii_lowercase(words[a.head].form) == "old" &&
      utf8::ascii_lowercase(words[a.head - 2].form) == "year") {
    return true;
  }
  // "the athlete", "the Scotland-born singer" (a person, found the same way).
  if (person_description(words, a)) return true;
  if (words[a.head].upos != nlp::UPos::NOUN || !lexicon::is_organisation_noun(a.head_lemma)) return false;
  // (As the resolver reads it: one organisation after "the"; "bought firms
  // such as Ogilvy & Mather" refers to none.)
  if (words[a.head].xpos == "NNS" || a.span.begin >= words.size() ||
      utf8::ascii_lowercase(words[a.span.begin].form) != "the") {
    return false;
  }
  // "the frozen foods maker Kestrel", "the Mecca Bingo chain" name their organisation.
  return nlp::apposed_word(words, a.head) < 0 && classified_name(words, a.head) < 0;
}

// A title written after an owner's "'s" ("GE's chief executive Jeff Immelt",
// "BBC Scotland's sports editor Ruth Dale"): the role words in lower case
// (with any lower-case words between the "'s" and the title) and the last
// word of the owner's name, when the title ends in a role noun and that word
// ends a recognized name.
struct PossessedRole {
  std::string role;
  uint32_t owner_word = 0;
};
std::optional<PossessedRole> possessed_role(std::span<const nlp::Word> words, const resolve::TitleFact& tf) {
  if (tf.end > words.size() || utf8::ascii_lowercase(tf.title) != tf.title) return std::nullopt;
  uint32_t clitic = tf.begin;
  std::string role = tf.title;
  while (clitic > 0 && clitic + 3 > tf.begin && words[clitic - 1].form != "'s" &&
         (words[clitic - 1].upos == nlp::UPos::NOUN || words[clitic - 1].upos == nlp::UPos::ADJ) &&
         std::islower(static_cast<unsigned char>(words[clitic - 1].form[0]))) {
    role = std::string(words[clitic - 1].form) + " " + role;
    --clitic;
  }
  if (clitic < 2 || words[clitic - 1].form != "'s") return std::nullopt;
  const nlp::Word& owner = words[clitic - 2];
  // (A proper noun the recognizer left out may end the owner's name: the
  // caller asks the resolver for its entity.)
  if (!nlp::ends_name(owner) && (owner.upos != nlp::UPos::PROPN || !owner.ner.empty() || owner.form.size() < 2)) {
    return std::nullopt;
  }
  const std::string last = nlp::lowercase_lemma(words[tf.end - 1]);
  if (!schema::is_role_noun(last)) return std::nullopt;
  return PossessedRole{role, clitic - 2};
}

// A lower-case title ending in a role noun, after two or three words that
// spell one of the names the article gives a cluster ("Nordhavn Shipping
// chief executive"): the role words and that cluster.
std::optional<std::pair<std::string, int32_t>> role_after_known_name(std::span<const nlp::Word> words,
                                                                      const resolve::TitleFact& tf,
                                                                      const resolve::DocumentEntities& ents) {
  if (tf.end > words.size() || utf8::ascii_lowercase(tf.title) != tf.title) return std::nullopt;
  const std::string last = nlp::lowercase_lemma(words[tf.end - 1]);
  if (!schema::is_role_noun(last)) return std::nullopt;
  // (A minister's, secretary's or spokesman's words before the title are as
  // often a portfolio: "constitutional affairs minister", "Treasury spokesman".)
  if (last == "minister" || last == "secretary" || last == "spokesman" || last == "spokeswoman") return std::nullopt;
  for (uint32_t span = 3; span >= 2; --span) {
    if (tf.begin < span) continue;
    // The name must start where its words do ("Police Officers" of "Association
    // of Chief Police Officers president" is not it).
    const uint32_t first = tf.begin - span;
    if (first > 0 && (words[first - 1].upos == nlp::UPos::PROPN || words[first - 1].form == "of" ||
                      words[first - 1].form == "'s")) {
      continue;
    }
    const int32_t c = cluster_named(nlp::spaced_forms(words, tf.begin - span, tf.begin), ents);
    // (Of any type: the recognizer reads a company's name as a person's or a
    // place's as often; holding the office makes it an organisation.)
    if (c >= 0) return std::pair{tf.title, c};
  }
  // "United boss Alex Ferguson", "Blackburn boss Mark Hughes" with the
  // club's name read as an adjective: the name, or the last word, of one
  // name the article gives no person ("Manchester United", "Blackburn"),
  // before a team's or a firm's position.
  // (Not a firm's analyst: "Steel analyst" names a trade, not Nippon Steel.)
  if (tf.begin == 0 || (!lexicon::is_position_noun(last) && last != "manager" && last != "chairman") ||
      last == "analyst" || last == "economist" || last == "strategist") {
    return std::nullopt;
  }
  const std::string_view word = words[tf.begin - 1].form;
  if (word.empty() || !std::isupper(static_cast<unsigned char>(word[0])) ||
      (tf.begin > 1 && (words[tf.begin - 2].upos == nlp::UPos::PROPN || words[tf.begin - 2].form == "of" ||
                        words[tf.begin - 2].form == "'s"))) {
    return std::nullopt;
  }
  int32_t found = -1;
  for (size_t k = 0; k < ents.clusters.size(); ++k) {
    const std::string& name = ents.clusters[k].name;
    if (ents.clusters[k].type == nlp::EntityType::kPerson ||
        (name != word && !name.ends_with(" " + std::string(word)))) {
      continue;
    }
    if (found >= 0) return std::nullopt;  // two teams end so: no telling which
    found = static_cast<int32_t>(k);
  }
  if (found < 0) return std::nullopt;
  return std::pair{tf.title, found};
}

// The broadcaster or publication that owns a programme or paper someone
// is told through ("GMTV's Sunday programme"), or whose name is written
// before it ("the BBC News website", "the Guardian newspaper"): its record,
// or nullopt.
std::optional<uint32_t> outlet_of(std::span<const nlp::Word> words, const extract::Argument& a, uint32_t sentence,
                                  const resolve::DocumentEntities& ents, const EntityTable& table) {
  static const std::set<std::string_view> kMedia = {"programme", "program", "show", "newspaper", "paper",
                                                    "magazine", "website", "station", "channel", "radio"};
  if (a.head >= words.size() || kMedia.count(a.head_lemma) == 0) return std::nullopt;
  for (uint32_t i = 0; i < a.head; ++i) {
    if (words[i].head != static_cast<int32_t>(a.head) || words[i].deprel != "nmod:poss") continue;
    const int32_t c = ents.cluster_at(sentence, i);
    if (c < 0 || ents.clusters[static_cast<size_t>(c)].type == nlp::EntityType::kPerson) return std::nullopt;
    // The whole name stands before the "'s" ("Radio 4's": not a cluster "Radio").
    uint32_t clitic = i + 1;
    while (clitic < a.head && words[clitic].form != "'s" && words[clitic].form != "'") ++clitic;
    if (clitic == a.head || ents.cluster_at(sentence, clitic - 1) != c) return std::nullopt;
    return table.cluster(c);
  }
  // (An organisation's name right before the noun; not a country's medium,
  // "US TV show".)
  const int32_t c = a.head > 0 && words[a.head - 1].deprel == "compound" ? ents.cluster_at(sentence, a.head - 1) : -1;
  if (c < 0 || ents.clusters[static_cast<size_t>(c)].type != nlp::EntityType::kOrg) return std::nullopt;
  uint32_t first = a.head - 1;
  while (first > 0 && ents.cluster_at(sentence, first - 1) == c) --first;
  if (lexicon::find_country(words[first].form) != nullptr || lexicon::is_nationality_word(words[first].form)) {
    return std::nullopt;
  }
  return table.cluster(c);
}

// Whether a word is a quotation mark, opening or closing.
bool quotation_mark(std::string_view form) { return one_of(form, {"\"", "\u201c", "\u201d", "''", "``"}); }

// Whether the word at `w` stands inside a quotation: after an odd number of
// quotation marks in its sentence.
bool inside_quotation(std::span<const nlp::Word> words, uint32_t w) {
  size_t marks = 0;
  for (uint32_t i = 0; i < w && i < words.size(); ++i) marks += quotation_mark(words[i].form);
  return marks % 2 == 1;
}

// Whether the word at `w` of `sentence` is "he", "she" or "they" inside a
// quotation that `cluster` speaks, named as the subject of a verb of saying
// in the sentence or the one before ("'We hold him in such high esteem,' said
// Lomu. 'He is such a great leader'"): the pronoun is someone else.
bool pronoun_in_own_quotation(const nlp::Document& doc, const resolve::DocumentEntities& ents, uint32_t sentence,
                              uint32_t w, int32_t cluster) {
  const auto words = doc.words_of(doc.sentences[sentence]);
  if (w >= words.size() || !one_of(utf8::ascii_lowercase(words[w].form), {"he", "she", "they"})) return false;
  if (!inside_quotation(words, w)) return false;
  const auto speaks = [&](uint32_t s) {
    const auto ws = doc.words_of(doc.sentences[s]);
    for (uint32_t i = 0; i < ws.size(); ++i) {
      // (A speaker named, not "he said": the resolver reads both pronouns alike.)
      if (!ws[i].deprel.starts_with("nsubj") || ws[i].head < 0 || ws[i].upos != nlp::UPos::PROPN ||
          ents.cluster_at(s, i) != cluster) {
        continue;
      }
      const nlp::Word& verb = ws[static_cast<uint32_t>(ws[i].head)];
      if (lexicon::is_reporting_verb(utf8::ascii_lowercase(verb.lemma))) return true;
    }
    return false;
  };
  return speaks(sentence) || (sentence > 0 && speaks(sentence - 1));
}

// The cluster of the person named as the subject of a verb of saying in
// `sentence` ("said AK chief Isaiah Kiplagat"), or, where the sentence opens
// with a quotation mark and names no speaker, in the one before it (up to
// two back: a quotation running on over sentences); -1 for none.
int32_t quotation_speaker(const nlp::Document& doc, const resolve::DocumentEntities& ents, uint32_t sentence) {
  for (uint32_t s = sentence, back = 0; back <= 2; --s, ++back) {
    const auto ws = doc.words_of(doc.sentences[s]);
    for (uint32_t i = 0; i < ws.size(); ++i) {
      if (!ws[i].deprel.starts_with("nsubj") || ws[i].head < 0 || ws[i].upos != nlp::UPos::PROPN) continue;
      const int32_t c = ents.cluster_at(s, i);
      if (c >= 0 && ents.clusters[static_cast<size_t>(c)].type == nlp::EntityType::kPerson &&
          lexicon::is_reporting_verb(nlp::lowercase_lemma(ws[static_cast<uint32_t>(ws[i].head)]))) {
        return c;
      }
    }
    if (s == 0 || ws.empty() || !quotation_mark(ws[0].form)) return -1;
  }
  return -1;
}

// The word of the person whose team the noun at `noun` is ("Wenger's side",
// "his men", "O'Sullivan's squad"): its possessor, a name or "his"/"her";
// -1 for any other noun.
int32_t team_possessor(std::span<const nlp::Word> words, uint32_t noun) {
  if (noun >= words.size() || words[noun].upos != nlp::UPos::NOUN ||
      !one_of(nlp::lowercase_lemma(words[noun]), {"side", "team", "squad", "man", "charge"})) {
    return -1;
  }
  // ("men" and "charges" in the plural only: "his man" is one player.)
  if (one_of(nlp::lowercase_lemma(words[noun]), {"man", "charge"}) && words[noun].xpos != "NNS") return -1;
  for (uint32_t i = 0; i < noun; ++i) {
    if (words[i].head != static_cast<int32_t>(noun) || words[i].deprel != "nmod:poss") continue;
    const std::string form = utf8::ascii_lowercase(words[i].form);
    if (words[i].upos == nlp::UPos::PROPN || form == "his" || form == "her") return static_cast<int32_t>(i);
  }
  return -1;
}

// Whether the word at `w` is "we" inside a quotation.
bool quoted_we(std::span<const nlp::Word> words, uint32_t w) {
  return w < words.size() && utf8::ascii_lowercase(words[w].form) == "we" && inside_quotation(words, w);
}

// Whether `t`'s subject is a pronoun or an organisation description whose
// reading the gate may trust: it was resolved to the subject of the verb
// whose clausal complement `p` is ("Time Warner said that it owns ..."), or
// it is the subject of a clause conjoined to a verb of its own referent
// ("Jowell said ... and she accused"), or it continues the subject of the
// sentence before ("Mr Duarte signed the agreement. He later told ...",
// also through conjoined verbs: "She became ill ... but joined Diaghilev").
bool trusted_pronoun(const nlp::Document& doc, const resolve::DocumentEntities& ents, const extract::Proposition& p,
                     const extract::GraphTriple& t) {
  const auto words = doc.words_of(doc.sentences[p.sentence]);
  const int32_t cluster = ents.cluster_at(p.sentence, t.subject->head);
  const bool reference = t.subject->is_pronoun || reference_description(words, *t.subject);
  if (!reference || cluster < 0 || p.predicate >= words.size()) return false;
  // "As for Kenenisa Bekele, he was well beaten": the topic the sentence opens with.
  if (const int32_t topic = resolve::topic_word(words); topic >= 0 && ents.cluster_at(p.sentence, topic) == cluster) {
    return true;
  }
  auto subject_in = [&](uint32_t sentence, int32_t governor) {
    const auto ws = doc.words_of(doc.sentences[sentence]);
    for (uint32_t i = 0; i < ws.size(); ++i) {
      const bool governed = governor < 0 ? ws[i].head >= 0 && ws[ws[i].head].deprel == "root" : ws[i].head == governor;
      if (governed && ws[i].deprel.starts_with("nsubj") && ents.cluster_at(sentence, i) == cluster) return true;
    }
    return false;
  };
  if (words[p.predicate].deprel == "ccomp" && words[p.predicate].head >= 0) {
    // ("'... that he is coming to Europe,' said Mr Blair": in a quotation a
    // speaker says "I"; "he" there is someone else.)
    // (A reflexive binds inside its clause: "Google has let itself be used".)
    const auto governor = static_cast<uint32_t>(words[p.predicate].head);
    const uint32_t from = std::min(governor, t.subject->head), to = std::max(governor, t.subject->head);
    const bool reflexive = utf8::ascii_lowercase(words[t.subject->head].form).ends_with("self");
    for (uint32_t i = from + 1; i < to && !reflexive; ++i) {
      if (quotation_mark(words[i].form)) return false;
    }
    return subject_in(p.sentence, words[p.predicate].head);
  }
  // "Tessa Jowell said a delay would be disastrous and she accused the
  // Tories": a conjoined clause's own subject, resolved to the named subject
  // of the verb its verb is conjoined to, with no other person named between
  // them ("Scotland played a pass to Crawford and he beat Esson" is
  // Crawford's goal; "He was my assistant and he managed Rangers" names no one).
  if (words[p.predicate].deprel == "conj" && words[p.predicate].head >= 0 &&
      words[t.subject->head].head == static_cast<int32_t>(p.predicate) &&
      words[t.subject->head].deprel.starts_with("nsubj")) {
    const int32_t first_verb = words[p.predicate].head;
    for (uint32_t i = 0; i < t.subject->head; ++i) {
      if (words[i].head != first_verb || !words[i].deprel.starts_with("nsubj") || words[i].upos != nlp::UPos::PROPN ||
          ents.cluster_at(p.sentence, i) != cluster) {
        continue;
      }
      bool other_person = false;
      for (uint32_t k = i + 1; k < t.subject->head; ++k) {
        const int32_t c = ents.cluster_at(p.sentence, k);
        other_person = other_person || (c >= 0 && c != cluster &&
                                        ents.clusters[static_cast<size_t>(c)].type == nlp::EntityType::kPerson);
      }
      if (!other_person) return true;
    }
  }
  uint32_t verb = p.predicate;  // the first of conjoined verbs shares their subject
  // ("In a speech at Napier University, he said": the speech's agent is the verb's subject.)
  if (p.construction == extract::Construction::kNominalization && words[verb].head >= 0) {
    verb = static_cast<uint32_t>(words[verb].head);
  }
  while (words[verb].deprel == "conj" && words[verb].head >= 0) verb = static_cast<uint32_t>(words[verb].head);
  // The continued subject is the main clause's ("..., when it snapped up
  // FleetBoston" follows the sentence's own subject, not the last one's),
  // or the speaker's after a quotation ("'It is still looking good,' he told
  // Reuters", the verb of speaking hung on the quotation's verb).
  const bool main_clause =
      words[verb].deprel == "root" ||
      (words[verb].deprel == "parataxis" && one_of(utf8::ascii_lowercase(words[verb].lemma), {"say", "tell", "add"}));
  const bool clause_subject = words[t.subject->head].head == static_cast<int32_t>(verb) &&
                              words[t.subject->head].deprel.starts_with("nsubj") && main_clause;
  return clause_subject && p.sentence > 0 && subject_in(p.sentence - 1, -1) &&
         !pronoun_in_own_quotation(doc, ents, p.sentence, t.subject->head, cluster);
}

// Whether the cluster is named (not only referred to) in sentence `s` or the one before.
bool named_near(const resolve::DocumentEntities& ents, int32_t cluster, uint32_t s) {
  for (uint32_t m : ents.clusters[static_cast<size_t>(cluster)].mentions) {
    const resolve::Mention& mention = ents.mentions[m];
    if (mention.kind == resolve::MentionKind::kName && mention.sentence <= s && mention.sentence + 1 >= s) return true;
  }
  return false;
}

// The entity of type `type` the article names most often, when no other of
// its type is named as often; -1 otherwise.
int32_t most_named(const resolve::DocumentEntities& ents, nlp::EntityType type) {
  int32_t best = -1;
  size_t best_count = 0;
  bool tie = false;
  for (size_t c = 0; c < ents.clusters.size(); ++c) {
    if (ents.clusters[c].type != type) continue;
    const size_t count = ents.clusters[c].mentions.size();
    tie = count == best_count || (tie && count < best_count);
    if (count > best_count) {
      best_count = count;
      best = static_cast<int32_t>(c);
    }
  }
  return tie ? -1 : best;
}

// The entity of type `type` an article is about: the one named most often,
// at least four times and three times as often as any other of its type, and
// the subject of at least two of its clauses (a news agency the article only
// quotes, "told the BBC", is not what it is about); -1 when there is none.
int32_t article_subject(const nlp::Document& doc, const resolve::DocumentEntities& ents, nlp::EntityType type) {
  std::vector<size_t> subject_of(ents.clusters.size(), 0);
  for (const resolve::Mention& m : ents.mentions) {
    if (m.cluster < 0) continue;
    const auto words = doc.words_of(doc.sentences[m.sentence]);
    if (m.head < words.size() && words[m.head].deprel.starts_with("nsubj")) ++subject_of[static_cast<size_t>(m.cluster)];
  }
  int32_t best = -1;
  size_t best_count = 0, runner_up = 0;
  for (size_t c = 0; c < ents.clusters.size(); ++c) {
    if (ents.clusters[c].type != type) continue;
    const size_t count = ents.clusters[c].mentions.size();
    if (count > best_count) {
      runner_up = best_count;
      best_count = count;
      best = static_cast<int32_t>(c);
    } else {
      runner_up = std::max(runner_up, count);
    }
  }
  if (best < 0 || best_count < 4 || best_count < 3 * runner_up || subject_of[static_cast<size_t>(best)] < 2) return -1;
  return best;
}

// A company officer's title written without its company ("chairman and chief
// executive", "finance director"); the words before it in the sentence
// ([begin, end) in `words`) must not name a holder ("Qwest chairman",
// "May's chairman", "former Chelsea finance director").
bool bare_company_title(std::span<const nlp::Word> words, const resolve::TitleFact& tf) {
  const std::string title = utf8::ascii_lowercase(tf.title);
  if (title != tf.title) return false;  // a capitalised word is a holder or a name
  bool office = false;
  for (std::string_view phrase : {"chief executive", "chairman", "chairwoman", "managing director", "finance director",
                                  "financial officer", "operating officer"}) {
    office = office || title.find(phrase) != std::string::npos;
  }
  if (!office || title.find("vice") != std::string::npos) return false;
  if (tf.begin == 0) return true;
  const nlp::Word& before = words[tf.begin - 1];
  const bool sentence_start = tf.begin == 1;
  // ("Wigan chairman" with the club read as an adjective: at a sentence's
  // start only an adjective of time or standing leaves the office bare.)
  const std::string adjective = utf8::ascii_lowercase(before.form);
  const bool named_adjective = before.upos == nlp::UPos::ADJ && adjective != "new" && adjective != "former" &&
                               adjective != "interim" && adjective != "acting" && adjective != "joint";
  // ("Yes campaign chairman", "vice-chairman": a noun or a hyphen before it
  // makes it another office.)
  return !(before.form == "'s" || before.form == "'" || before.form == "-" || before.upos == nlp::UPos::PROPN ||
           before.upos == nlp::UPos::NOUN || before.ner.size() > 2 || (sentence_start && named_adjective) ||
           (!sentence_start && !before.form.empty() && std::isupper(static_cast<unsigned char>(before.form[0]))));
}

// "Rob McIvor, FSA spokesman, told", "Sir John Gieve was Home Office
// permanent secretary": the organisation or place written before the role
// noun at `head` of a predicate nominal opening at `begin`. Not where the
// noun has a modifier of its own ("chief US economist at High Frequency
// Economics", "player of the year": the post is elsewhere or no post), nor
// a possessive (appositive_roles reads "T-Mobile's chief executive"), nor an
// ordinal or superlative ("the UK's first black cabinet minister" is a
// description, not an office).
std::optional<RoleMention> role_before_noun(std::span<const nlp::Word> words, uint32_t begin, uint32_t head) {
  if (head >= words.size() || begin >= head) return std::nullopt;
  if (head + 1 < words.size() &&
      one_of(utf8::ascii_lowercase(words[head + 1].form), {"of", "at", "for", "with", "in"})) {
    return std::nullopt;
  }
  while (begin < head && words[begin].upos == nlp::UPos::DET) ++begin;
  // "a former Labour communications director": a post held once.
  const bool former = begin < head && one_of(utf8::ascii_lowercase(words[begin].form), {"former", "ex"});
  if (former) ++begin;
  if (former && begin < head && words[begin].form == "-") ++begin;
  for (uint32_t i = begin; i < head; ++i) {
    const std::string lower = utf8::ascii_lowercase(words[i].form);
    if (lower == "'s" || lower == "'" || words[i].xpos == "JJS" ||
        one_of(lower, {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                       "last", "next", "new"})) {
      return std::nullopt;
    }
  }
  std::optional<RoleMention> role = role_in_title(words, begin, head + 1);
  if (role && former) role->relation = "former " + role->relation;
  return role;
}

// Whether a MISC name after a firm's "'s" can be its product: no word of it
// names an organisation or a part of one, an office, an event or a rule.
bool product_name(std::string_view name) {
  static constexpr std::string_view kNotProducts[] = {"Bill",   "Act",  "Policy", "Pact",   "Review",     "Report",
                                                      "Treaty", "Plan", "Center", "Centre", "Laboratory", "Aid"};
  for (size_t begin = 0; begin < name.size();) {
    const size_t end = std::min(name.find(' ', begin), name.size());
    const std::string_view word = name.substr(begin, end - begin);
    if (lexicon::is_organisation_word(word) || lexicon::ends_organisation_name(word) ||
        schema::is_role_noun(utf8::ascii_lowercase(word)) || lexicon::ends_event_name(word) ||
        std::find(std::begin(kNotProducts), std::end(kNotProducts), word) != std::end(kNotProducts)) {
      return false;
    }
    begin = end + 1;
  }
  return true;
}

// A nationality or a demonym, of one word or more ("Welsh", "South African").
bool nationality(std::string_view name) {
  return lexicon::is_nationality_word(name) || (!name.empty() && lexicon::demonym_of(name) == name);
}

// A country, a nationality or a continent: news names a side from there
// as the place ("England were sloppy", "Europe's Ryder Cup team"), so a
// post held there or a plural verb makes no club of it.
bool side_named_as_place(std::string_view name) {
  return lexicon::find_country(name) != nullptr || nationality(name) ||
         one_of(name, {"Europe", "Africa", "Asia", "America", "World"});
}

// Whether a time word ("former", "ex-", "then") opens the capitalised words
// that end at or just before `first` ("former Chelsea | striker", "Former
// Worldcom boss"): a post held once, not now.
bool held_once(std::span<const nlp::Word> words, uint32_t first) {
  // (The title may begin with the time word itself: "former Scotland manager".)
  if (first < words.size()) {
    const std::string own = utf8::ascii_lowercase(words[first].form);
    if (own == "former" || own == "ex") return true;
  }
  // (Back over capitalised words, and up to two lower-case nouns or
  // adjectives of the title: "former union leader Bill Morris".)
  uint32_t k = first, lower = 0;
  auto title_word = [&](const nlp::Word& w) {
    if (w.form.empty()) return false;
    if (std::isupper(static_cast<unsigned char>(w.form[0]))) return true;
    return (w.upos == nlp::UPos::NOUN || w.upos == nlp::UPos::ADJ) && ++lower <= 2;
  };
  while (k > 0 && utf8::ascii_lowercase(words[k - 1].form) != "former" &&
         utf8::ascii_lowercase(words[k - 1].form) != "ex" && title_word(words[k - 1])) {
    --k;
  }
  if (k == 0) return false;
  const std::string before = utf8::ascii_lowercase(words[k - 1].form);
  return before == "former" || before == "ex" || before == "then" ||
         (before == "-" && k >= 2 && utf8::ascii_lowercase(words[k - 2].form) == "ex");
}

// "President Musharraf of Pakistan", "Chancellor Schroeder of Germany": a
// one-word office before a person's name and "of" with a place or an
// organisation right after the name; that name's last word, or nullopt.
std::optional<uint32_t> office_place_after_name(std::span<const nlp::Word> words, const resolve::TitleFact& tf) {
  // (A capitalised title only: "official Bank of England figures" names no official.)
  if (tf.title.find(' ') != std::string::npos || !lexicon::is_title(tf.title) || tf.title.empty() ||
      !std::isupper(static_cast<unsigned char>(tf.title[0]))) {
    return std::nullopt;
  }
  uint32_t k = tf.end;
  while (k < words.size() && words[k].ner.size() > 2 && words[k].ner.substr(2) == "PERSON") ++k;
  if (k == tf.end || k + 1 >= words.size() || words[k].form != "of") return std::nullopt;
  const std::string_view type = nlp::tag_type(words[k + 1]);
  if (type != "LOC" && type != "ORG") return std::nullopt;
  uint32_t last = k + 1;
  while (last + 1 < words.size() && !nlp::ends_name(words[last])) ++last;
  return last;
}

// The country a person's title names by its demonym, written first
// ("Croatian", "British hurdler", "Russian President"), as the graph files
// it. Not a country's name: "Italy coach John Kirwan" coaches the team, he
// is a New Zealander; nor a demonym inside an organisation's name ("London
// Irish coach", "Scottish National Party minister", "Bank of England",
// "British Casino Association chairman").
std::optional<std::string_view> country_of_title(std::string_view title) {
  const std::string_view first = title.substr(0, title.find(' '));
  if (title.find(" of ") != std::string_view::npos) return std::nullopt;
  for (size_t at = title.find(' '); at != std::string_view::npos;) {
    const size_t next = title.find(' ', at + 1);
    if (lexicon::is_organisation_word(title.substr(at + 1, next == std::string_view::npos ? next : next - at - 1))) {
      return std::nullopt;
    }
    at = next;
  }
  for (const lexicon::Country& c : lexicon::countries()) {
    if (c.sovereign && !c.demonym.empty() && utf8::ascii_lowercase(c.demonym) == utf8::ascii_lowercase(first)) {
      return c.canonical.empty() ? c.name : c.canonical;
    }
  }
  return std::nullopt;
}

// The relation a place shape states between the name and the place, given
// what the resolver made of the name; nullopt where it states none.
std::optional<std::string_view> place_relation(const NamePlace& np, const store::EntityRecord& named) {
  using store::EntityType;
  // A country is in nothing smaller ("Sizzla's UK tour" with the singer read as a place).
  const bool country = lexicon::find_country(named.name) != nullptr;
  switch (np.shape) {
    case PlaceShape::kBased:  // ("-based" only of an organisation: "Canada-based Gordon Smith" is a person's home.)
      return named.type == EntityType::kOrg ? std::optional<std::string_view>("be based in") : std::nullopt;
    case PlaceShape::kBorn:  // ("-born" only of a person: "the UK-born firm" is a manner of speaking.)
      return named.type == EntityType::kPerson ? std::optional<std::string_view>("be born in") : std::nullopt;
    case PlaceShape::kPossessive:
      if (named.type == EntityType::kOrg && !np.event) return np.venue ? "be located in" : "be based in";
      if (named.type == EntityType::kLoc && (np.place_named || np.venue) && !country) return "be located in";
      return std::nullopt;
    case PlaceShape::kCountryAfterComma:
      if (named.type == EntityType::kLoc && !country) return "be located in";
      return std::nullopt;
    case PlaceShape::kIn:
      if (np.event && named.type != EntityType::kPerson && !country) return "be held in";
      if ((np.venue || np.place_named) && named.type != EntityType::kPerson && !country) return "be located in";
      return std::nullopt;
  }
  return std::nullopt;
}

// Bytes of sentence `s` in the annotated text, and of words [begin, end) within it.
std::string_view sentence_text(const nlp::Document& doc, const nlp::Sentence& s) {
  const auto words = doc.words_of(s);
  if (words.empty()) return {};
  return std::string_view(doc.text()).substr(words.front().begin, words.back().end - words.front().begin);
}

void set_span(const nlp::Document& doc, uint32_t sentence, uint32_t begin, uint32_t end, store::FactRecord* f) {
  const auto words = doc.words_of(doc.sentences[sentence]);
  if (end <= begin || end > words.size()) return;
  const uint32_t base = words.front().begin;
  f->span_begin = words[begin].begin - base;
  f->span_end = words[end - 1].end - base;
}

}  // namespace

store::DocumentRecord record_for(const source::Document& doc) {
  store::DocumentRecord record;
  record.id = doc.id;
  record.title = doc.title;
  record.url = doc.url;
  record.date = doc.date;
  record.source = doc.source;
  record.content_hash = doc.content_hash;
  return record;
}

namespace {

// Reads one annotated article into its record: the facts of its clauses,
// the facts read off its words, its titles, then the types all of these
// imply. read() runs each step once, in that order: the later steps read
// the facts and role holders the earlier ones stored. The entity table
// points into the record, so a reader is neither copied nor moved.
class ArticleReader {
 public:
  ArticleReader(const extract::TextExtractor& models, const source::Document& doc)
      : models_(models),
        annotated_(models.annotate(doc.text)),
        ents_(resolve::resolve_document(annotated_)),
        record_(record_for(doc)),
        boilerplate_(extract::boilerplate_sentences(annotated_)),
        table_(ents_, boilerplate_, &record_.entities),
        main_person_(article_subject(annotated_, ents_, nlp::EntityType::kPerson)),
        leading_person_(most_named(ents_, nlp::EntityType::kPerson)) {
    record_.sentences.reserve(annotated_.sentences.size());
    for (const nlp::Sentence& s : annotated_.sentences) record_.sentences.emplace_back(sentence_text(annotated_, s));
  }
  ArticleReader(const ArticleReader&) = delete;
  ArticleReader& operator=(const ArticleReader&) = delete;

  store::DocumentRecord read() && {
    read_clauses();
    read_appositive_roles();
    read_played_by();
    read_starring();
    read_kinship();
    retype_by_name();
    retype_introduced_organisations();  // before the owned ones: "his company, Ballets Russes"
    read_names_of_owned_organisations();
    read_possessors_of_people();
    read_people_of_countries();
    read_team_sheets();
    read_agents_of_appositions();
    read_results();
    read_places_of_names();
    read_titles();
    read_bare_company_titles();
    read_bodies_named_through_people();  // after the titles: a person's post names the body
    retype_names_with_plural_verbs();
    retype_role_holders();
    retype_places_holding_posts();
    return std::move(record_);
  }

 private:
  // The entities two words of a sentence name, as clusters and as stored
  // entities (two_named).
  struct TwoNamed {
    int32_t first_cluster, second_cluster;
    uint32_t first, second;
  };

  // Stores subject · relation · object as stated by `sentence` (its words
  // `span`), with the flags of `p` when a clause gave it: once per sentence,
  // the fuller of two readings of one role, and a relation only between
  // names the graph can keep.
  void add_fact(uint32_t subject, std::string relation, uint32_t object, uint32_t sentence, WordSpan span,
                const extract::Proposition* p) {
    if (subject == object || (relations_only_ && !body_relation(subject, object)) ||
        !seen_.emplace(subject, relation, object, sentence).second) {
      return;
    }
    // Two readings of one role ("deputy labs editor at" and "labs editor at"
    // PC Pro): the fuller one stays.
    std::vector<size_t>& same_pair = facts_between_[{subject, object, sentence}];
    // (A participation says less than any other relation of the pair: "won
    // a medal at" the Olympics took part in them.)
    if ((relation == "take part in" || relation.ends_with(" take part in")) && !same_pair.empty()) return;
    for (size_t k : same_pair) {
      store::FactRecord& f = record_.facts[k];
      if (f.relation.size() > relation.size() && f.relation.ends_with(" " + relation)) return;
      if (relation.size() > f.relation.size() && relation.ends_with(" " + f.relation)) {
        f.relation = relation;
        return;
      }
    }
    // A relation (both ends named) only between names the graph can keep;
    // each name is looked up in the article once (the search scans the text).
    const store::EntityRecord& s = record_.entities[subject];
    const store::EntityRecord& o = record_.entities[object];
    auto fits = [&](const store::EntityRecord& e) {
      const auto [it, added] = name_fits_.try_emplace({e.name, e.type}, false);
      if (added) it->second = name_fits_graph(annotated_.text(), e.name, e.type);
      return it->second;
    };
    if (schema::is_named(s.type) && schema::is_named(o.type) && (!fits(s) || !fits(o))) return;
    store::FactRecord f;
    f.subject = subject;
    f.object = object;
    f.relation = std::move(relation);
    f.sentence = sentence;
    set_span(annotated_, sentence, span.begin, span.end, &f);
    if (p != nullptr) {
      f.confidence = p->confidence;
      f.negated = p->negated;
      f.modal = p->modal;
      f.attribution = p->attribution;
    }
    same_pair.push_back(record_.facts.size());
    record_.facts.push_back(std::move(f));
  }

  // The organisation or place a role is held in: the cluster at its word
  // (a title's words belong to the person's cluster, so not that one), else
  // the cluster one of whose names it is ("US" of "the United States"), else
  // its recognized name as a node of its own.
  std::optional<uint32_t> holder(uint32_t sentence, uint32_t word, uint32_t person) {
    const int32_t c = ents_.cluster_at(sentence, word);
    // A title read as a name ("Welfare Minister", "EC President") holds
    // nothing, nor does a bare organisation word ("Club director Terry Brady").
    if (c >= 0) {
      const resolve::Cluster& cluster = ents_.clusters[static_cast<size_t>(c)];
      // (Another person the article gives a gender holds no post: "an
      // adviser to Tony Blair" is no member of him. A title's words belong
      // to its own person's cluster: "England coach Andy Robinson".)
      if (cluster.type == nlp::EntityType::kPerson && cluster.gender != resolve::Gender::kUnknown &&
          table_.cluster(c) != person) {
        return std::nullopt;
      }
      const std::string& name = cluster.name;
      // (Not "Centre", which ends bodies' names as often: "... Coordination
      // Centre"; a rugby centre is written in lower case. Nor a paper's
      // "Reporter": "the Hollywood Reporter".)
      const std::string_view last_word = std::string_view(name).substr(name.rfind(' ') + 1);
      if (schema::is_role_noun(utf8::ascii_lowercase(last_word)) &&
          !one_of(last_word, {"Centre", "Center", "Reporter"})) {
        return std::nullopt;
      }
      static constexpr std::string_view kGenericOrganisations[] = {
          "Club", "Council", "Party", "Committee", "Company", "Group", "Bank", "Board", "Office", "Department",
          "Ministry", "Union", "League", "Team", "Agency", "Court", "Service", "Society", "Association",
          "Federation", "Institute", "University", "College", "School", "Commission", "Government"};
      if (std::find(std::begin(kGenericOrganisations), std::end(kGenericOrganisations), name) !=
          std::end(kGenericOrganisations)) {
        return std::nullopt;
      }
    }
    if (c >= 0 && table_.cluster(c) != person) {
      if (table_.cluster(c)) holder_clusters_.insert(c);
      return table_.cluster(c);
    }
    const std::optional<SpanName> name = name_at(annotated_.words_of(annotated_.sentences[sentence]), word);
    if (!name) return std::nullopt;
    for (size_t k = 0; k < ents_.clusters.size(); ++k) {
      for (const auto& [alias, count] : ents_.clusters[k].aliases) {
        if (alias == name->text && table_.cluster(static_cast<int32_t>(k)) != person) {
          if (table_.cluster(static_cast<int32_t>(k))) holder_clusters_.insert(static_cast<int32_t>(k));
          return table_.cluster(static_cast<int32_t>(k));
        }
      }
    }
    // (A post is held in no person: a name tagged PERSON here is a firm's or a club's.)
    const store::EntityType type = store::parse_entity_type(name->type).value_or(store::EntityType::kMisc);
    return table_.node(name->text, type == store::EntityType::kPerson ? store::EntityType::kOrg : type);
  }

  // A party by the name it is filed under: the article's own entity when
  // the resolver filed one of its clusters so (it files "Tories" as the
  // Conservatives), else a node of that name.
  uint32_t party_entity(std::string_view party) {
    for (size_t k = 0; k < ents_.clusters.size(); ++k) {
      const std::optional<uint32_t> e = table_.cluster(static_cast<int32_t>(k));
      if (e && ents_.clusters[k].name == party) return *e;
    }
    return table_.node(std::string(party), store::EntityType::kOrg);
  }

  // A country's node: the article's cluster of that name, else a node of its own.
  uint32_t country_entity(std::string_view country) {
    for (size_t k = 0; k < ents_.clusters.size(); ++k) {
      const std::optional<uint32_t> e = table_.cluster(static_cast<int32_t>(k));
      if (e && ents_.clusters[k].name == country && record_.entities[*e].type == store::EntityType::kLoc) return *e;
    }
    return table_.node(std::string(country), store::EntityType::kLoc);
  }

  // Sentences outside boilerplate, with their words: what the shapes read
  // that are no clause.
  template <typename Visit>
  void for_each_body_sentence(Visit&& visit) {
    for (uint32_t sentence = 0; sentence < annotated_.sentences.size(); ++sentence) {
      if (!boilerplate_[sentence]) visit(sentence, annotated_.words_of(annotated_.sentences[sentence]));
    }
  }

  // The stored entity whose cluster word `word` of `sentence` belongs to;
  // nullopt for none.
  std::optional<uint32_t> entity_at(uint32_t sentence, uint32_t word) const {
    const int32_t c = ents_.cluster_at(sentence, word);
    return c >= 0 ? table_.cluster(c) : std::nullopt;
  }

  // The entities two words of a sentence name, as clusters and as stored
  // entities; nullopt unless both name one and they are not the same.
  std::optional<TwoNamed> two_named(uint32_t sentence, uint32_t first_word, uint32_t second_word) const {
    const int32_t a = ents_.cluster_at(sentence, first_word), b = ents_.cluster_at(sentence, second_word);
    if (a < 0 || b < 0 || a == b) return std::nullopt;
    const std::optional<uint32_t> ea = table_.cluster(a), eb = table_.cluster(b);
    if (!ea || !eb) return std::nullopt;
    return TwoNamed{a, b, *ea, *eb};
  }

  // The facts of the article's clauses, as the extractor reads them and the
  // gate lets through.
  void read_clauses() {
    for (extract::Proposition& p : models_.extractor().extract_all(annotated_)) {
      // A body named through a person is read once roles are known
      // (read_bodies_named_through_people).
      const auto words = annotated_.words_of(annotated_.sentences[p.sentence]);
      if (p.subject.is_pronoun && quoted_we(words, p.subject.head)) {
        const int32_t speaker = quotation_speaker(annotated_, ents_, p.sentence);
        bodies_named_through_people_.push_back({std::move(p), speaker, false});
        continue;
      }
      if (const int32_t owner = team_possessor(words, p.subject.head); owner >= 0) {
        const int32_t person = ents_.cluster_at(p.sentence, static_cast<uint32_t>(owner));
        if (person >= 0 && ents_.clusters[static_cast<size_t>(person)].type == nlp::EntityType::kPerson) {
          bodies_named_through_people_.push_back({std::move(p), person, true});
          continue;
        }
      }
      const std::vector<extract::GraphTriple> triples = extract::graph_triples(p);
      for (const extract::GraphTriple& triple : triples) read_triple(p, triple, &triple == &triples.front());
    }
  }

  // The facts of one triple of a clause, for its subject's entity or each
  // of a pair the subject stands for.
  void read_triple(const extract::Proposition& p, const extract::GraphTriple& triple, bool first_triple) {
    const extract::GraphTriple* t = &triple;
    const auto words = annotated_.words_of(annotated_.sentences[p.sentence]);
    // "the firm" stands for its organisation only where "it" would be trusted.
    // ("She was spotted by Diaghilev" in a profile of Alicia Markova: "he" and
    // "she" of the person an article is about are read as that person.)
    // So is "the 29-year-old" the resolver reads as the person the article
    // names most often, and "the athlete" read as the one it is about.
    const int32_t subject_cluster =
        t->subject->head < words.size() ? ents_.cluster_at(p.sentence, t->subject->head) : -1;
    const std::string subject_word =
        t->subject->head < words.size() ? utf8::ascii_lowercase(words[t->subject->head].form) : std::string();
    bool trusted = trusted_pronoun(annotated_, ents_, p, *t) ||
                   (main_person_ >= 0 && subject_cluster == main_person_ && t->subject->is_pronoun &&
                    (subject_word == "he" || subject_word == "she") &&
                    !pronoun_in_own_quotation(annotated_, ents_, p.sentence, t->subject->head, main_person_)) ||
                   (leading_person_ >= 0 && subject_cluster == leading_person_ && !t->subject->is_pronoun &&
                    subject_word == "old" && reference_description(words, *t->subject)) ||
                   (main_person_ >= 0 && subject_cluster == main_person_ && person_description(words, *t->subject));
    if ((reference_description(words, *t->subject) && !trusted) || reference_description(words, *t->object)) {
      return;
    }
    // The subject's entity, or both of a pair ("the duo withdrew": each did).
    std::vector<std::optional<ArgumentEntity>> subjects;
    auto push_cluster = [&](int32_t c) {
      if (const std::optional<uint32_t> r = table_.cluster(c)) {
        subjects.push_back(ArgumentEntity{r, record_.entities[*r].name, record_.entities[*r].type, false});
      }
    };
    const int32_t apposed = subject_cluster < 0 && !t->subject->is_pronoun
                                ? name_cluster_apposed_to(words, p.sentence, t->subject->head, p.predicate, ents_)
                                : -1;
    if (const auto pair = pair_named_before(annotated_, ents_, p.sentence, words, *t->subject)) {
      push_cluster(pair->first);
      push_cluster(pair->second);
      trusted = true;
    } else if (apposed >= 0) {
      push_cluster(apposed);
    } else {
      subjects.push_back(entity_of(words, *t->subject, p.sentence, ents_, table_, record_.entities));
    }
    for (const std::optional<ArgumentEntity>& s : subjects) {
      if (s) read_fact(p, triple, s, trusted, first_triple);
    }
  }

  // The facts of one triple for one subject entity `s`: a role it is
  // given, an outlet it tells, a name inside its object, and the triple
  // itself as the gate lets it through. `trusted`: the subject's reading
  // is trusted (trusted_pronoun); `first_triple`: the first of its clause's.
  void read_fact(const extract::Proposition& p, const extract::GraphTriple& triple,
                 const std::optional<ArgumentEntity>& s, bool trusted, bool first_triple) {
    const extract::GraphTriple* t = &triple;
    const auto words = annotated_.words_of(annotated_.sentences[p.sentence]);
    std::optional<ArgumentEntity> o = entity_of(words, *t->object, p.sentence, ents_, table_, record_.entities);
    if (!s || !o) return;
    // "Mr Putin said he ..." resolved to one entity on both sides says nothing.
    if (s->record && s->record == o->record) return;
    // "Richard Parsons is chairman of Time Warner", "David Frost, director general of ...".
    // (Not "he would have been a very good president of the United States":
    // a modal states no office, and a pronoun only when its reading is trusted.)
    if ((t->relation == "be" || t->relation == "become") && s->record && s->type == store::EntityType::kPerson &&
        !p.negated && !p.modal && (!t->subject->is_pronoun || trusted) && o->type == store::EntityType::kConcept) {
      std::optional<RoleMention> role = role_of_noun(words, t->object->head);
      if (!role) role = role_before_noun(words, t->object->span.begin, t->object->head);
      if (role) {
        if (const std::optional<uint32_t> h = holder(p.sentence, role->entity_word, *s->record)) {
          add_fact(*s->record, role->relation, *h, p.sentence, {p.span.begin, p.span.end}, &p);
        }
      }
    }
    // "Mark Hughes was appointed manager of Blackburn Rovers": the post one
    // was given (the relation may have folded the post with a time).
    if (first_triple && s->record && s->type == store::EntityType::kPerson && !p.negated && !p.modal &&
        (!t->subject->is_pronoun || trusted) &&
        (p.relation == "be appointed" || p.relation == "be named" || p.relation == "be made" ||
         p.relation == "be elected" || p.relation == "be installed" || p.relation == "be appointed as" ||
         p.relation == "be named as")) {
      for (const extract::Argument& a : p.arguments) {
        // ("was appointed as the new coach of Ardmore": the post after "as".)
        const bool post = a.role == extract::ArgumentRole::kObject || a.preposition == "as";
        if (!post || a.is_clause || a.is_name) continue;
        // ("was named best new director for his debut Garden State" is an award.)
        if (a.text.starts_with("best ") || a.text.find(" best ") != std::string::npos) continue;
        if (const std::optional<RoleMention> role = role_of_noun(words, a.head)) {
          if (const std::optional<uint32_t> h = holder(p.sentence, role->entity_word, *s->record)) {
            add_fact(*s->record, role->relation, *h, p.sentence, {p.span.begin, p.span.end}, &p);
          }
        }
      }
    }
    // "Ms Hewitt told GMTV's Sunday programme", "told BBC Radio 4's Today
    // programme": she told the broadcaster.
    if (t->relation == "tell" && s->record && !p.negated && !p.modal && (t->subject->is_name || trusted) &&
        o->type == store::EntityType::kConcept &&
        (s->type == store::EntityType::kOrg ||
         (s->type == store::EntityType::kPerson && s->name.find(' ') != std::string::npos))) {  // not "the Frenchman"
      if (const std::optional<uint32_t> outlet = outlet_of(words, *t->object, p.sentence, ents_, table_)) {
        if (*outlet != *s->record) add_fact(*s->record, "tell", *outlet, p.sentence, {p.span.begin, p.span.end}, &p);
      }
    }
    // A symmetric relation ("A met B") is stored once, in name order.
    auto keep = [&](ArgumentEntity from, ArgumentEntity to, std::string relation) {
      // (No node for a statement read_bodies_named_through_people would not keep.)
      if (relations_only_ && (from.type == store::EntityType::kConcept || to.type == store::EntityType::kConcept)) {
        return;
      }
      const std::optional<schema::Canonical> canonical = schema::canonical_relation(relation, from.type, to.type);
      if (canonical && canonical->kind->symmetric && to.name < from.name) std::swap(from, to);
      const uint32_t subject = from.record ? *from.record : table_.node(from.name, from.type);
      const uint32_t object = to.record ? *to.record : table_.node(to.name, to.type);
      add_fact(subject, std::move(relation), object, p.sentence, {p.span.begin, p.span.end}, &p);
    };
    // "bought a stake in AOL Europe", "backed Gordon Brown's report": a name
    // inside a common-noun object gives a relation of its own, beside the
    // statement about the noun.
    if (o->type == store::EntityType::kConcept && schema::is_named(s->type) && !t->object->is_clause) {
      for (const InnerName& inner : names_inside(words, t->object->head)) {
        if (ents_.cluster_at(p.sentence, inner.word) < 0) continue;
        // (Inside an oblique a modifier's name is too often the oblique's own
        // circumstance: "led with tries from Paul Steinmetz"; but not in the
        // post one works "as": "worked as an assistant to Henry Moore".)
        if (inner.modifier && t->object->role != extract::ArgumentRole::kObject && t->object->preposition != "as") {
          continue;
        }
        // "managing director of" is a title, not managing a director; and a
        // verb that takes "of" itself ("accused Britain's sprinters of
        // lacking pride") would read the possessor as its own "of".
        static const std::set<std::string, std::less<>> kVerbsTakingOf = {
            "accuse", "convict", "warn",    "inform", "rob",    "deprive",  "clear",
            "remind", "strip",   "suspect", "tell",   "assure", "persuade", "notify"};
        const std::string_view verb = std::string_view(t->relation).substr(0, t->relation.find(' '));
        if (words[p.predicate].form == "managing" ||
            (inner.relation.ends_with(" of") && kVerbsTakingOf.contains(verb))) {
          continue;
        }
        extract::Argument name = *t->object;
        name.role = extract::ArgumentRole::kOblique;  // its preposition is in the relation
        name.head = inner.word;
        name.span = {inner.word, inner.word + 1};
        name.is_name = true;
        name.preposition.clear();
        const std::optional<ArgumentEntity> n = entity_of(words, name, p.sentence, ents_, table_, record_.entities);
        if (!n || !schema::is_named(n->type) || (s->record && s->record == n->record)) continue;
        name.node = n->name;
        name.entity_type = std::string(store::entity_type_name(n->type));
        const extract::GraphTriple via{t->subject, &name,
                                       inner.relation.empty() ? t->relation : t->relation + " " + inner.relation};
        // (A named example that the head noun classifies is no name cut
        // short: "including the Odeon cinema chain" is the Odeon chain.
        // Elsewhere it may be: "US tabloid magazines" are no US.)
        const bool classified = inner.example && words[inner.word].head >= 0 &&
                                static_cast<uint32_t>(words[inner.word].head) != inner.word &&
                                words[inner.word].deprel == "compound";
        if (std::optional<std::string> r = gate_fact(
                annotated_, p, via, {s->type, n->type, s->name, n->name, trusted, s->named_here, classified})) {
          keep(*s, *n, std::move(*r));
        }
        if (!inner.example) break;  // the nearest name only, or every example
      }
    }
    std::optional<std::string> relation =
        gate_fact(annotated_, p, *t, {s->type, o->type, s->name, o->name, trusted, s->named_here, o->named_here});
    if (!relation) {
      // A relation the gate refuses with a folded object ("visit school in
      // Leeds") may still state the plain statement ("visit · school").
      const std::optional<extract::GraphTriple> plain = unfolded(p, *t);
      if (!plain) return;
      o = entity_of(words, *plain->object, p.sentence, ents_, table_, record_.entities);
      if (!o || (s->record && s->record == o->record)) return;
      relation = gate_fact(annotated_, p, *plain,
                           {s->type, o->type, s->name, o->name, trusted_pronoun(annotated_, ents_, p, *plain),
                            s->named_here, o->named_here});
      if (!relation) return;
    }
    // "Markova was spotted by Diaghilev": Diaghilev · spot · Markova.
    // "England scored first through Martin Corry", "United went ahead
    // through Alan Smith": the player scored for the side.
    const bool scored_through =
        one_of(*relation, {"score through", "go through", "go ahead through", "take lead through", "lead through",
                           "equalise through", "level through", "pull back through", "reply through"}) &&
        o->type == store::EntityType::kPerson && s->type != store::EntityType::kPerson;
    if (scored_through) {
      keep(*o, *s, "score for");
    } else if (std::optional<std::string> active = active_voice(words, p, *relation)) {
      keep(*o, *s, std::move(*active));
    } else {
      keep(*s, *o, std::move(*relation));
    }
  }

  // A relation read_bodies_named_through_people may keep: between two
  // names, neither the other's first words ('"When we took over Leeds
  // United," said the Leeds chairman').
  bool body_relation(uint32_t subject, uint32_t object) const {
    const store::EntityRecord& s = record_.entities[subject];
    const store::EntityRecord& o = record_.entities[object];
    return s.type != store::EntityType::kConcept && o.type != store::EntityType::kConcept &&
           !o.name.starts_with(s.name + " ") && !s.name.starts_with(o.name + " ");
  }

  // '"We had told Chelsea," said Liverpool chief executive Rick Parry',
  // "Wenger's side beat Chelsea": a quoted "we" or a person's side is the
  // organisation, team or country the person (the speaker, the possessor)
  // holds a post in, where the article gives the person a post in one only.
  // Relations only: what a spokesman says "we" think or have is too often
  // talk ("we see evidence", "we have money"). A side with no such body is
  // read as any other clause.
  void read_bodies_named_through_people() {
    for (const BodyClause& b : bodies_named_through_people_) {
      const std::optional<uint32_t> person = b.person >= 0 ? table_.cluster(b.person) : std::nullopt;
      const std::optional<uint32_t> body = person ? only_body_of(*person) : std::nullopt;
      const std::vector<extract::GraphTriple> triples = extract::graph_triples(b.p);
      if (!body) {
        if (!b.team) continue;
        for (const extract::GraphTriple& triple : triples) read_triple(b.p, triple, &triple == &triples.front());
        continue;
      }
      const store::EntityRecord& e = record_.entities[*body];
      relations_only_ = true;
      for (const extract::GraphTriple& triple : triples) {
        read_fact(b.p, triple, ArgumentEntity{*body, e.name, e.type, false}, true, &triple == &triples.front());
      }
      relations_only_ = false;
    }
  }

  // The one organisation, team or country the article gives `person` a
  // post in (leads, member_of, works_for); nullopt for none or several.
  std::optional<uint32_t> only_body_of(uint32_t person) const {
    std::set<uint32_t> bodies;
    for (const store::FactRecord& f : record_.facts) {
      if (f.subject != person || f.negated || f.modal) continue;
      const store::EntityType type = record_.entities[f.object].type;
      if (type != store::EntityType::kOrg && type != store::EntityType::kLoc) continue;
      const std::optional<schema::Canonical> c =
          schema::canonical_relation(f.relation, store::EntityType::kPerson, type);
      if (c && !c->reversed && one_of(c->kind->name, {"leads", "member_of", "works_for"})) bodies.insert(f.object);
    }
    if (bodies.size() != 1) return std::nullopt;
    return *bodies.begin();
  }

  // "Brian McBride, managing director of T-Mobile": read off the words.
  void read_appositive_roles() {
    for_each_body_sentence([&](uint32_t sentence, std::span<const nlp::Word> words) {
      for (const AppositiveRole& a : appositive_roles(words)) {
        const std::optional<uint32_t> person = entity_at(sentence, a.person_word);
        if (!person || record_.entities[*person].type != store::EntityType::kPerson) continue;
        if (const std::optional<uint32_t> h = holder(sentence, a.role.entity_word, *person)) {
          add_fact(*person, a.role.relation, *h, sentence, {a.person_word, a.role.entity_word + 1}, nullptr);
        }
      }
    });
  }

  // "Den, played by Leslie Grantham,": the actor plays the character.
  void read_played_by() {
    for_each_body_sentence([&](uint32_t sentence, std::span<const nlp::Word> words) {
      for (uint32_t i = 0; i + 4 < words.size(); ++i) {
        if (nlp::tag_type(words[i]) != "PERSON" || !nlp::ends_name(words[i]) || words[i + 1].form != "," ||
            !one_of(words[i + 2].form, {"played", "portrayed", "voiced"}) || words[i + 3].form != "by" ||
            nlp::tag_type(words[i + 4]) != "PERSON" || !nlp::begins_name(words[i + 4])) {
          continue;
        }
        if (const std::optional<TwoNamed> two = two_named(sentence, i + 4, i)) {
          add_fact(two->first, "play", two->second, sentence, {i, i + 5}, nullptr);
        }
      }
    });
  }

  // "The Producers, starring Nathan Lane and Lee Evans", "Sideways, a
  // wine-tasting comedy starring Paul Giamatti": each actor named after
  // "starring" stars in the work named before it (a MISC, the one before a
  // comma-set description of it). The clause rules leave "starring" alone
  // (fact_gate.cc): they read the work as the actors' subject.
  void read_starring() {
    for_each_body_sentence([&](uint32_t sentence, std::span<const nlp::Word> words) {
      for (uint32_t i = 1; i + 1 < words.size(); ++i) {
        if (words[i].form != "starring") continue;
        // Back over ", " and a description ("a wine-tasting comedy") to the work's last word.
        auto work_at = [&](int32_t k) -> std::optional<uint32_t> {
          const std::optional<uint32_t> r = k >= 0 ? entity_at(sentence, static_cast<uint32_t>(k)) : std::nullopt;
          if (!r || record_.entities[*r].type != store::EntityType::kMisc) return std::nullopt;
          return r;
        };
        int32_t work_end = static_cast<int32_t>(i) - 1;
        if (words[static_cast<uint32_t>(work_end)].form == ",") --work_end;
        // (A title's own "!" or "?": "Airplane!, starring Leslie Nielsen".)
        if (work_end > 0 && one_of(words[static_cast<uint32_t>(work_end)].form, {"!", "?"})) --work_end;
        std::optional<uint32_t> w = work_at(work_end);
        if (!w && work_end >= 0 && ents_.cluster_at(sentence, static_cast<uint32_t>(work_end)) < 0) {
          int32_t k = work_end;
          while (k > 1 && words[static_cast<uint32_t>(k)].form != "," && work_end - k < 5) --k;
          if (words[static_cast<uint32_t>(k)].form == "," &&
              one_of(utf8::ascii_lowercase(words[static_cast<uint32_t>(k) + 1].form), {"a", "an", "the"})) {
            work_end = k - 1;
            w = work_at(work_end);
          }
        }
        if (!w) continue;
        // The actors: person names after "starring", joined by "," and "and".
        for (uint32_t a = i + 1; a < words.size(); ++a) {
          if (nlp::tag_type(words[a]) != "PERSON" || !nlp::begins_name(words[a])) break;
          const std::optional<uint32_t> r = entity_at(sentence, a);
          if (r && record_.entities[*r].type == store::EntityType::kPerson) {
            add_fact(*r, "star in", *w, sentence, {static_cast<uint32_t>(work_end), a + 1}, nullptr);
          }
          while (a + 1 < words.size() && !nlp::ends_name(words[a])) ++a;
          if (a + 2 < words.size() && (words[a + 1].form == "," || words[a + 1].form == "and")) {
            ++a;
          } else {
            break;
          }
        }
      }
    });
  }

  // "Michael Howard's ex-model wife, Sandra": Sandra · wife of · Michael
  // Howard. A pronoun possessor ("his son Nick") only when it stands for a
  // person the sentence or the one before names.
  void read_kinship() {
    for_each_body_sentence([&](uint32_t sentence, std::span<const nlp::Word> words) {
      for (const resolve::KinMention& kin : resolve::kin_mentions(words)) {
        const int32_t relative = ents_.cluster_at(sentence, kin.relative_word);
        const int32_t possessor = ents_.cluster_at(sentence, kin.possessor_word);
        if (relative < 0 || possessor < 0 || relative == possessor) continue;
        if (words[kin.possessor_word].upos == nlp::UPos::PRON && !named_near(ents_, possessor, sentence)) continue;
        const std::optional<uint32_t> r = table_.cluster(relative), p = table_.cluster(possessor);
        // (A relative's name the recognizer missed is typed MISC: a relative is a person.)
        if (!r || !p || record_.entities[*p].type != store::EntityType::kPerson ||
            (record_.entities[*r].type != store::EntityType::kPerson &&
             record_.entities[*r].type != store::EntityType::kMisc)) {
          continue;
        }
        // ("his son Nick" read as the article's Nick Vaughan: a given name alone
        // is of the family only where the full name it joined is.)
        std::string& full = record_.entities[*r].name;
        const std::string& family = record_.entities[*p].name;
        const auto surname = [](std::string_view name) { return name.substr(name.rfind(' ') + 1); };
        const bool given_name_only =
            kin.relative_word + 1 >= words.size() || !words[kin.relative_word].ner.starts_with("B-");
        if (given_name_only && full.find(' ') != std::string::npos && surname(full) != surname(family)) continue;
        record_.entities[*r].type = store::EntityType::kPerson;
        // "Michael Howard ... his wife Sandra": she bears his surname, as the
        // resolver reads "Michael Howard's wife, Sandra" (complete_relatives_names),
        // which a pronoun's possessor comes too late for.
        const lexicon::Gender gender = resolve::surname_bearer_gender(kin);
        if (full.find(' ') == std::string::npos && family.find(' ') != std::string::npos &&
            gender != lexicon::Gender::kUnknown && lexicon::given_name_gender(full) == gender) {
          full += " " + std::string(surname(family));
        }
        add_fact(*r, kin.relation, *p, sentence,
                 {std::min(kin.possessor_word, kin.relative_word), kin.relative_word + 1}, nullptr);
      }
    });
  }

  // Names whose words say their type, whatever the recognizer read:
  // "European Indoor Championships", "New York Marathon" read as a person's
  // name are an event's (MISC), unless a pronoun or honorific gave it a
  // gender; so are awards and countries below.
  void retype_by_name() {
    for (size_t c = 0; c < ents_.clusters.size(); ++c) {
      const std::optional<uint32_t> r = table_.cluster(static_cast<int32_t>(c));
      if (!r || ents_.clusters[c].gender != resolve::Gender::kUnknown) continue;
      store::EntityRecord& e = record_.entities[*r];
      const size_t space = e.name.rfind(' ');
      if (e.type == store::EntityType::kPerson && space != std::string::npos &&
          lexicon::ends_event_name(std::string_view(e.name).substr(space + 1))) {
        e.type = store::EntityType::kMisc;
      }
      // ("Oscar" read as a given name, "Bafta" as a place.)
      if (lexicon::is_award_name(e.name)) e.type = store::EntityType::kMisc;
      // ("South Korea" read as an organisation: a country is a place, its
      // side too, as news names it.)
      if (const lexicon::Country* country = lexicon::find_country(e.name); country != nullptr && country->sovereign) {
        e.type = store::EntityType::kLoc;
      }
    }
  }

  // Whether the person `cluster` is named in `sentence` before word `end`,
  // and no other person is: the one a "his" or "her" at `end` can mean.
  bool only_person_named_before(uint32_t sentence, uint32_t end, int32_t cluster) const {
    bool named = false;
    for (const resolve::Mention& m : ents_.mentions) {
      if (m.sentence != sentence || m.begin >= end || m.kind != resolve::MentionKind::kName ||
          m.type != nlp::EntityType::kPerson) {
        continue;
      }
      if (m.cluster != cluster) return false;
      named = true;
    }
    return named;
  }

  // "its own internet business, AOL", "Global Sports Communications,
  // Chepkemei's management company": what an owner's organisation is called.
  void read_names_of_owned_organisations() {
    for_each_body_sentence([&](uint32_t sentence, std::span<const nlp::Word> words) {
      for (const OwnedName& owned : owned_names(words)) {
        const std::optional<TwoNamed> pair = two_named(sentence, owned.owner_word, owned.name_word);
        if (!pair) continue;
        // A possessive pronoun only of the entity the article is about (the
        // resolver's "its" is a guess where two companies are in play).
        // ("Sergei Diaghilev, who wanted her to dance for his company": "his"
        // of the only person named before it in its sentence is also sure.)
        const int32_t owner = pair->first_cluster;
        const bool pronoun = words[owned.owner_word].upos == nlp::UPos::PRON;
        if (pronoun && owner != article_subject(annotated_, ents_, ents_.clusters[static_cast<size_t>(owner)].type) &&
            owner != most_named(ents_, ents_.clusters[static_cast<size_t>(owner)].type) &&
            !only_person_named_before(sentence, owned.owner_word, owner)) {
          continue;
        }
        const uint32_t o = pair->first, n = pair->second;
        const store::EntityType owner_type = record_.entities[o].type, name_type = record_.entities[n].type;
        if (name_type == store::EntityType::kPerson || name_type == store::EntityType::kLoc) continue;
        const WordSpan span{std::min(owned.owner_word, owned.name_word),
                            std::max(owned.owner_word, owned.name_word) + 1};
        if (owned.managed) {
          add_fact(n, "manage", o, sentence, span, nullptr);
        } else if (owner_type == store::EntityType::kOrg) {
          add_fact(o, "own", n, sentence, span, nullptr);
        } else if (owner_type == store::EntityType::kPerson && (owned.noun == "company" || owned.noun == "firm" ||
                                                                owned.noun == "business" || owned.noun == "label")) {
          add_fact(o, "run", n, sentence, span, nullptr);
        }
      }
    });
  }

  // "Sweden's Thomas Johansson": where a person is from; "Arsenal's Robert
  // Pires": a member of the team.
  void read_possessors_of_people() {
    for_each_body_sentence([&](uint32_t sentence, std::span<const nlp::Word> words) {
      for (const OwnedName& owned : possessed_names(words)) {
        const std::optional<TwoNamed> pair = two_named(sentence, owned.owner_word, owned.name_word);
        if (!pair) continue;
        // "Motorola's MPx", "Nintendo's DS", "BBC Two's Newsnight": a firm's
        // product or programme. Not its event ("Chelsea's Champions League"),
        // a part of it ("Nasa's Ames Research Center"), an office in it ("the
        // EU's Humanitarian Aid Commissioner") or its law or policy.
        // ("Ubisoft's Rayman DS", "Microsoft's Xbox 2" read as people: a name
        // ending in capitals or a number is a product.)
        const std::string& owned_name = record_.entities[pair->second].name;
        const std::string_view owned_last = std::string_view(owned_name).substr(owned_name.rfind(' ') + 1);
        const bool model_name =
            owned_name.find(' ') != std::string::npos &&
            (extract::is_number_or_score(owned_last) ||
             (owned_last.size() >= 2 && std::all_of(owned_last.begin(), owned_last.end(), [](char c) {
                return std::isupper(static_cast<unsigned char>(c));
              })));
        // ("BBC Radio 4's Thought for the Day" cut at "for": no product of that name.)
        const uint32_t after = owned.name_word + 1;
        const bool cut_short = after + 1 < words.size() && one_of(words[after].form, {"for", "of"}) &&
                               (nlp::is_ascii_upper(words[after + 1].form[0]) ||
                                (words[after + 1].form == "the" && after + 2 < words.size() &&
                                 nlp::is_ascii_upper(words[after + 2].form[0])));
        if (record_.entities[pair->first].type == store::EntityType::kOrg &&
            (record_.entities[pair->second].type == store::EntityType::kMisc || model_name)) {
          if (product_name(owned_name) && !cut_short) {
            add_fact(pair->first, "make", pair->second, sentence, {owned.owner_word, owned.name_word + 1}, nullptr);
          }
          continue;
        }
        if (record_.entities[pair->second].type != store::EntityType::kPerson) continue;
        const uint32_t o = pair->first, n = pair->second;
        // (Not a group, "Labour's MPs", nor a company the recognizer took for
        // a person, "Japan's Nippon Steel": that one is based there; nor a
        // one-word name the article never gives a person in full: "Chelsea's
        // Premiership lead".)
        const std::string& person_name = record_.entities[n].name;
        if (person_name.find(' ') == std::string::npos) continue;
        const std::string_view last_word = std::string_view(person_name).substr(person_name.rfind(' ') + 1);
        if (words[owned.name_word].xpos == "NNS" || words[owned.name_word].xpos == "NNPS") continue;
        const store::EntityRecord& e = record_.entities[o];
        const WordSpan span{owned.owner_word, owned.name_word + 1};
        const bool company = lexicon::ends_organisation_name(last_word);
        if (e.type == store::EntityType::kLoc && lexicon::find_country(e.name) != nullptr) {
          add_fact(n, company ? "be based in" : "come from", o, sentence, span, nullptr);
        } else if (company) {
          continue;
        } else if (e.type == store::EntityType::kOrg) {
          add_fact(n, "member of", o, sentence, span, nullptr);
        }
      }
    });
  }

  // "Perrier, the French mineral water owned by Nestle", "News Corp, the
  // media company controlled by Rupert Murdoch": a passive participle on a
  // common noun set in apposition to a name, with its agent named after
  // "by", says the agent · verb · the name, in the active voice.
  void read_agents_of_appositions() {
    for_each_body_sentence([&](uint32_t sentence, std::span<const nlp::Word> words) {
      for (uint32_t verb = 0; verb < words.size(); ++verb) {
        if (words[verb].deprel != "acl" || words[verb].xpos != "VBN" || words[verb].head < 0) continue;
        const auto noun = static_cast<uint32_t>(words[verb].head);
        const int32_t name = nlp::named_word_apposed_to(words, noun);
        if (name < 0) continue;
        for (uint32_t agent = verb + 1; agent < words.size(); ++agent) {
          if (words[agent].head != static_cast<int32_t>(verb) || words[agent].deprel != "obl" ||
              words[agent].upos == nlp::UPos::NUM) {
            continue;
          }
          bool by = false;
          for (uint32_t k = verb + 1; k < agent; ++k) {
            by = by || (words[k].head == static_cast<int32_t>(agent) && words[k].deprel == "case" &&
                        utf8::ascii_lowercase(words[k].form) == "by");
          }
          // ("controlled by Australian billionaire Rupert Murdoch": the
          // agent's noun with his name in apposition.)
          uint32_t agent_word = agent;
          if (ents_.cluster_at(sentence, agent) < 0) {
            const int32_t apposed = nlp::apposed_word(words, agent, /*named=*/true);
            if (apposed < 0) continue;
            agent_word = static_cast<uint32_t>(apposed);
          }
          const std::optional<TwoNamed> pair = two_named(sentence, agent_word, static_cast<uint32_t>(name));
          if (!by || !pair) continue;
          add_fact(pair->first, utf8::ascii_lowercase(words[verb].lemma) + particle_of(words, verb, agent),
                   pair->second, sentence, {static_cast<uint32_t>(name), agent_word + 1}, nullptr);
        }
      }
    });
  }

  // Team sheets: "J Robinson (Sale Sharks), M Cueto (Sale Sharks), ...",
  // "B Cohen (England)": a player named by an initial and a surname, then
  // the side he plays for in brackets, closing an item of the list. Read
  // off the words (the recognizer tags such lists erratically); a country
  // is the country's node (a side named so plays as its country).
  void read_team_sheets() {
    for_each_body_sentence([&](uint32_t sentence, std::span<const nlp::Word> words) {
      const auto n = static_cast<uint32_t>(words.size());
      auto capitalised = [&](uint32_t k) {
        return k < n && !words[k].form.empty() && std::isupper(static_cast<unsigned char>(words[k].form[0]));
      };
      for (uint32_t open = 2; open + 2 < n; ++open) {
        if (words[open].form != "(") continue;
        // The player: "J" (an initial) and a surname of one or two words.
        uint32_t initial = open - 2;
        if (open >= 3 && capitalised(open - 2) && capitalised(open - 3) && words[open - 3].form.size() == 1) {
          initial = open - 3;
        }
        if (words[initial].form.size() != 1 || !capitalised(initial) || !capitalised(initial + 1)) continue;
        if (initial > 0 && !one_of(words[initial - 1].form, {",", ";", ":", "(", ")"})) continue;
        // The side: capitalised words up to ")", which ends the item.
        uint32_t close = open + 1;
        while (close < n && capitalised(close)) ++close;
        if (close == open + 1 || close >= n || words[close].form != ")") continue;
        if (close + 1 < n && !one_of(words[close + 1].form, {",", ";", "."})) continue;
        // (Not a referee's county: "Referee: M Riley (W Yorkshire)".)
        if (initial >= 2 && words[initial - 1].form == ":" &&
            one_of(utf8::ascii_lowercase(words[initial - 2].form),
                   {"referee", "ref", "referees", "umpire", "umpires"})) {
          continue;
        }
        // The article's entities where the resolver made them, each only of
        // the kind the list says (a player, a club or a country); a name the
        // resolver gave another type is left alone.
        const int32_t player_cluster = ents_.cluster_at(sentence, open - 1);
        const int32_t side_cluster = ents_.cluster_at(sentence, close - 1);
        if (player_cluster >= 0 &&
            (ents_.clusters[static_cast<size_t>(player_cluster)].type != nlp::EntityType::kPerson ||
             player_cluster == side_cluster)) {
          continue;
        }
        const std::optional<uint32_t> person =
            player_cluster >= 0 ? table_.cluster(player_cluster)
                                : std::optional<uint32_t>(
                                      table_.node(nlp::spaced_forms(words, initial, open), store::EntityType::kPerson));
        const lexicon::Country* country = lexicon::find_country(nlp::spaced_forms(words, open + 1, close));
        std::optional<uint32_t> team;
        if (country != nullptr) {
          team = country_entity(country->canonical.empty() ? country->name : country->canonical);
        } else if (side_cluster >= 0 &&
                   ents_.clusters[static_cast<size_t>(side_cluster)].type == nlp::EntityType::kOrg) {
          team = table_.cluster(side_cluster);
        } else if (side_cluster < 0 && ents_.cluster_at(sentence, open + 1) < 0) {
          team = table_.node(nlp::spaced_forms(words, open + 1, close), store::EntityType::kOrg);
        }
        if (!person || !team) continue;
        add_fact(*person, "play for", *team, sentence, {initial, close + 1}, nullptr);
      }
    });
  }

  // "Kenenisa Bekele of Ethiopia", "Andy Roddick of the USA": where a
  // person named in full is from, when a country follows "of". Not after a
  // title or honorific: "President Musharraf of Pakistan" holds an office
  // (read_titles), "Princess Marguerite of Romania" is a style, "Lord
  // Callaghan of Cardiff" a peerage.
  void read_people_of_countries() {
    for_each_body_sentence([&](uint32_t sentence, std::span<const nlp::Word> words) {
      const auto n = static_cast<uint32_t>(words.size());
      for (uint32_t of = 2; of + 1 < n; ++of) {
        if (words[of].form != "of") continue;
        const int32_t person_cluster = ents_.cluster_at(sentence, of - 1);
        if (person_cluster < 0 ||
            ents_.clusters[static_cast<size_t>(person_cluster)].type != nlp::EntityType::kPerson) {
          continue;
        }
        uint32_t first = of - 1;
        while (first > 0 && ents_.cluster_at(sentence, first - 1) == person_cluster) --first;
        auto style = [&](uint32_t k) {
          return lexicon::is_title(words[k].form) || lexicon::is_honorific(words[k].form, lexicon::kPersonHonorific);
        };
        bool styled = of - first < 2 || (first > 0 && style(first - 1));  // a name in full: two words at least
        for (uint32_t k = first; k < of; ++k) styled = styled || style(k);
        if (styled) continue;
        const uint32_t place = of + 1 < n && utf8::ascii_lowercase(words[of + 1].form) == "the" ? of + 2 : of + 1;
        if (place >= n) continue;
        const std::optional<TwoNamed> pair = two_named(sentence, of - 1, place);
        if (!pair || record_.entities[pair->second].type != store::EntityType::kLoc ||
            lexicon::find_country(record_.entities[pair->second].name) == nullptr) {
          continue;
        }
        // The country's name ends the phrase ("of France", not "of France's
        // Alcatel"; nor a name run on, "of England Rugby").
        uint32_t end = place + 1;
        while (end < n && ents_.cluster_at(sentence, end) == pair->second_cluster) ++end;
        if (end < n && (words[end].form == "'s" || nlp::begins_name(words[end]))) continue;
        add_fact(pair->first, "come from", pair->second, sentence, {first, end}, nullptr);
      }
    });
  }

  // "Madrid's 4-0 win over Espanyol", "England's defeat to France": a
  // result between two named sides.
  void read_results() {
    for_each_body_sentence([&](uint32_t sentence, std::span<const nlp::Word> words) {
      for (const MatchResult& m : match_results(words)) {
        const std::optional<TwoNamed> pair = two_named(sentence, m.side_word, m.opponent_word);
        if (!pair) continue;
        const store::EntityType side = record_.entities[pair->first].type, other = record_.entities[pair->second].type;
        // (Player against player, team against team: the recognizer types
        // teams ORG, LOC or MISC.)
        if (!schema::is_named(side) || !schema::is_named(other) ||
            (side == store::EntityType::kPerson) != (other == store::EntityType::kPerson)) {
          continue;
        }
        add_fact(pair->first, std::string(m.relation), pair->second, sentence,
                 {std::min(m.side_word, m.opponent_word), std::max(m.side_word, m.opponent_word) + 1}, nullptr);
      }
    });
  }

  // "Edinburgh's Napier University", "London-based Barclays": where an
  // organisation or a place is.
  void read_places_of_names() {
    for_each_body_sentence([&](uint32_t sentence, std::span<const nlp::Word> words) {
      for (const NamePlace& np : name_places(words)) {
        const std::optional<TwoNamed> pair = two_named(sentence, np.name_word, np.place_word);
        if (!pair || record_.entities[pair->second].type != store::EntityType::kLoc) continue;
        // (A description only of the person the article is about.)
        if (np.description && pair->first_cluster != main_person_) continue;
        const uint32_t n = pair->first, l = pair->second;
        const std::optional<std::string_view> relation = place_relation(np, record_.entities[n]);
        if (!relation) continue;
        add_fact(n, std::string(*relation), l, sentence,
                 {std::min(np.name_word, np.place_word), std::max(np.name_word, np.place_word) + 1}, nullptr);
      }
    });
  }

  // The department the article names whose remit a secretary's or a
  // minister's title gives ("Home Secretary": the Home Office; "Trade and
  // Industry Secretary": the Department of Trade and Industry); nullopt for
  // none, or for a shadow office (the opposition's: it runs nothing).
  // (`lower`: the title in lower case.)
  std::optional<uint32_t> department_of_title(std::string_view lower) const {
    const size_t last_space = lower.rfind(' ');
    if (last_space == std::string::npos || lower.find("shadow") != std::string::npos) return std::nullopt;
    const std::string_view office = lower.substr(last_space + 1);
    if (office != "secretary" && office != "minister") return std::nullopt;
    std::vector<std::string> remit;
    for (size_t at = 0; at < last_space;) {
      const size_t next = std::min(lower.find(' ', at), last_space);
      if (const std::string w(lower.substr(at, next - at)); w != "and" && w != "former" && w != "ex")
        remit.push_back(w);
      at = next + 1;
    }
    if (remit.empty()) return std::nullopt;
    std::optional<uint32_t> found;
    for (size_t c = 0; c < ents_.clusters.size(); ++c) {
      const std::string name = " " + utf8::ascii_lowercase(ents_.clusters[c].name) + " ";
      const bool department =
          name.starts_with(" department ") || name.starts_with(" ministry ") || name.ends_with(" office ");
      const bool covers = std::all_of(remit.begin(), remit.end(), [&](const std::string& w) {
        return name.find(" " + w + " ") != std::string::npos;
      });
      const std::optional<uint32_t> r = table_.cluster(static_cast<int32_t>(c));
      if (!department || !covers || !r || record_.entities[*r].type == store::EntityType::kPerson) continue;
      if (found && *found != *r) return std::nullopt;  // two such departments: no telling
      found = r;
    }
    return found;
  }

  // What the titles split off names say: the title itself, where the person is
  // from, the party, and the post and its holder.
  void read_titles() {
    for (const resolve::TitleFact& tf : ents_.titles) {
      const std::optional<uint32_t> person = table_.cluster(static_cast<int32_t>(tf.cluster));
      if (boilerplate_[tf.sentence] || !person) continue;
      const auto words = annotated_.words_of(annotated_.sentences[tf.sentence]);
      // (Only a person has a title: "the Argentine Work Ministry" or "General
      // Motor's results" read so are names misread. A title held once keeps
      // its "former": "former union leader Bill Morris" leads no union now.)
      if (record_.entities[*person].type == store::EntityType::kPerson) {
        const std::string lower = utf8::ascii_lowercase(tf.title);
        const bool says_so = lower.starts_with("former ") || lower.starts_with("ex-") || lower.starts_with("ex ");
        const std::string title = held_once(words, tf.begin) && !says_so ? "former " + tf.title : tf.title;
        add_fact(*person, std::string(resolve::kHaveTitleRelation), table_.node(title, store::EntityType::kConcept),
                 tf.sentence, {tf.begin, tf.end}, nullptr);
        // "Home Secretary David Blunkett" where the article names the Home
        // Office: the secretary of that department.
        if (const std::optional<uint32_t> department = department_of_title(lower); !says_so && department) {
          add_fact(*person, (title == tf.title ? "" : "former ") + lower + " of", *department, tf.sentence,
                   {tf.begin, tf.end}, nullptr);
        }
      }
      // "Arsenal manager Arsene Wenger": Wenger · manager of · Arsenal.
      // "Croatian Ivan Ljubicic", "British hurdler Sarah Claxton", "US
      // President Joe Biden": where the person is from.
      // (A full name only: "Welsh MPs", "French Champagne" and "British Isles"
      // are read as people too.)
      const std::string& full_name = record_.entities[*person].name;
      // (Nor a demonym inside a name before the title: "London Irish coach".)
      const bool name_before = tf.begin > 0 && words[tf.begin - 1].upos == nlp::UPos::PROPN;
      // An office after the demonym is the country's government's ("Welsh
      // Health Minister Jane Hutt" was born in Surrey): minister of Wales.
      if (const std::optional<std::string_view> country = country_of_title(tf.title);
          country && !name_before && full_name.find(' ') != std::string::npos &&
          std::none_of(full_name.begin(), full_name.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        const std::string office = utf8::ascii_lowercase(tf.title.substr(tf.title.rfind(' ') + 1));
        const bool government = tf.title.find(' ') != std::string::npos &&
                                lexicon::role_noun(office) == lexicon::RoleNoun::kTitle && office != "coach" &&
                                office != "manager" && office != "director";
        // The whole office after the demonym: "Italian Prime Minister" is
        // prime minister of Italy, not a minister of it.
        const std::string whole_office =
            government ? utf8::ascii_lowercase(tf.title.substr(tf.title.find(' ') + 1)) : std::string();
        add_fact(*person, government ? whole_office + " of" : "come from", country_entity(*country), tf.sentence,
                 {tf.begin, tf.end}, nullptr);
      }
      // "Conservative Shadow chancellor Oliver Letwin": a member of the party;
      // "Liberal Democrat treasury spokesman Vincent Cable": its spokesman.
      if (const std::optional<PartyTitle> party = party_of_title(words, tf.begin, tf.end)) {
        const std::string relation = party->office.empty()
                                         ? std::string("member of")
                                         : party->office + " " + std::string(role_preposition(party->office));
        add_fact(*person, relation, party_entity(party->party), tf.sentence, {tf.begin, tf.end}, nullptr);
      }
      // ("Kestrel chairman Tomas Brandt" where only the resolver knows Kestrel.)
      // ("Roma defender Vincent Candela" with "Roma" tagged PERSON: a one-word
      // name the article gives no gender, before a team's position, is the team.)
      const int32_t before = tf.begin > 0 ? ents_.cluster_at(tf.sentence, tf.begin - 1) : -1;
      const resolve::Cluster* before_cluster = before >= 0 ? &ents_.clusters[static_cast<size_t>(before)] : nullptr;
      const std::string lower_title = utf8::ascii_lowercase(tf.title);
      const bool team_before = before_cluster != nullptr && before_cluster->name.find(' ') == std::string::npos &&
                               before_cluster->gender == resolve::Gender::kUnknown &&
                               lexicon::is_position_noun(lower_title) &&
                               !one_of(lower_title, {"economist", "analyst", "strategist", "champion", "winner"});
      const bool organisation_before =
          before_cluster != nullptr && (before_cluster->type != nlp::EntityType::kPerson || team_before);
      if (const std::optional<RoleMention> role = role_in_title(words, tf.begin, tf.end, organisation_before)) {
        if (const std::optional<uint32_t> h = holder(tf.sentence, role->entity_word, *person)) {
          // "former Chelsea striker Adrian Mutu" held the post once.
          const bool former = held_once(words, std::min(role->entity_word, tf.begin));
          // ("South African flanker Schalk Burger": a nationality holds no post.)
          // ("Hong Kong director Wong Kar-Wai" makes films; he does not direct the city.)
          const std::string& held = record_.entities[*h].name;
          // ("Disney director John Bryson" with "Disney" read as Roy Disney's
          // surname: a person known by a full name holds no post.)
          const std::optional<SpanName> written = name_at(words, role->entity_word);
          const bool person_holder = record_.entities[*h].type == store::EntityType::kPerson &&
                                     held.find(' ') != std::string::npos && written && written->text != held;
          const bool film_director = role->relation == "director of" &&
                                     record_.entities[*h].type == store::EntityType::kLoc &&
                                     !lexicon::is_organisation_word(held.substr(held.rfind(' ') + 1));
          if (!nationality(record_.entities[*h].name) && !film_director && !person_holder) {
            add_fact(*person, (former ? "former " : "") + role->relation, *h, tf.sentence, {tf.begin, tf.end}, nullptr);
          }
        }
      } else if (const std::optional<std::pair<std::string, int32_t>> named = role_after_known_name(words, tf, ents_);
                 named && table_.cluster(named->second) && table_.cluster(named->second) != person &&
                 !nationality(ents_.clusters[static_cast<size_t>(named->second)].name)) {
        // "Nordhavn Shipping chief executive Erik Lund" with the company's words
        // read as common ones at the start of a sentence: its name is one the
        // article gives an organisation.
        holder_clusters_.insert(named->second);
        add_fact(*person, (held_once(words, tf.begin) ? "former " : "") + named->first + " of",
                 *table_.cluster(named->second), tf.sentence, {tf.begin, tf.end}, nullptr);
      } else if (const std::optional<PossessedRole> owned = possessed_role(words, tf)) {
        // "GE's chief executive Jeff Immelt", "Britain's finance minister ...".
        const int32_t owner = ents_.cluster_at(tf.sentence, owned->owner_word);
        const std::optional<uint32_t> h = owner >= 0 ? holder(tf.sentence, owned->owner_word, *person) : std::nullopt;
        if (h && record_.entities[*h].type != store::EntityType::kPerson) {
          const std::string& r = owned->role;
          add_fact(*person, r + " " + std::string(role_preposition(r)), *h, tf.sentence, {owned->owner_word, tf.end},
                   nullptr);
        }
      } else if (const std::optional<uint32_t> place = office_place_after_name(words, tf)) {
        // "President Musharraf of Pakistan": the office is the place's.
        const int32_t c = ents_.cluster_at(tf.sentence, *place);
        const std::optional<uint32_t> h = c >= 0 ? holder(tf.sentence, *place, *person) : std::nullopt;
        if (h && record_.entities[*h].type != store::EntityType::kPerson) {
          add_fact(*person, utf8::ascii_lowercase(tf.title) + " of", *h, tf.sentence, {tf.begin, *place + 1}, nullptr);
        }
      }
      // "Wimbledon champion Maria Sharapova": she won it.
      if (const std::optional<RoleMention> result = result_in_title(words, tf.begin, tf.end, organisation_before)) {
        const std::optional<uint32_t> h = holder(tf.sentence, result->entity_word, *person);
        if (h && record_.entities[*person].type == store::EntityType::kPerson &&
            !nationality(record_.entities[*h].name)) {
          add_fact(*person, result->relation, *h, tf.sentence, {tf.begin, tf.end}, nullptr);
        }
      }
    }
  }

  // "chairman and chief executive Richard Parsons said" in an article about
  // one company: the office is that company's, unless the article gives the
  // person a role somewhere else.
  void read_bare_company_titles() {
    const int32_t company = article_subject(annotated_, ents_, nlp::EntityType::kOrg);
    for (const resolve::TitleFact& tf : ents_.titles) {
      const std::optional<uint32_t> person = table_.cluster(static_cast<int32_t>(tf.cluster));
      const std::optional<uint32_t> holder_record = company >= 0 ? table_.cluster(company) : std::nullopt;
      if (boilerplate_[tf.sentence] || !person || !holder_record ||
          !bare_company_title(annotated_.words_of(annotated_.sentences[tf.sentence]), tf)) {
        continue;
      }
      const bool has_role = std::any_of(record_.facts.begin(), record_.facts.end(), [&](const store::FactRecord& f) {
        return f.subject == *person && f.relation != "member of" && schema::is_named(record_.entities[f.object].type) &&
               (f.relation.ends_with(" of") || f.relation.ends_with(" at") || f.relation.ends_with(" for"));
      });
      if (!has_role) add_fact(*person, tf.title + " of", *holder_record, tf.sentence, {tf.begin, tf.end}, nullptr);
    }
  }

  // "Chelsea have signed ...", "Everton are": a singular name with a plural
  // verb is a team or a company (British usage), not a person.
  void retype_names_with_plural_verbs() {
    for (const resolve::Mention& m : ents_.mentions) {
      if (m.kind != resolve::MentionKind::kName || m.cluster < 0) continue;
      const auto words = annotated_.words_of(annotated_.sentences[m.sentence]);
      const nlp::Word& head = words[m.head];
      // One word, no conjunct ("Blair and Brown have ..." is plural by itself).
      if (m.end - m.begin != 1 || !head.deprel.starts_with("nsubj") || head.xpos != "NNP" || head.head < 0) continue;
      bool coordinated = false;
      for (uint32_t k = 0; k < words.size(); ++k) {
        coordinated = coordinated || (words[k].head == static_cast<int32_t>(m.head) && words[k].deprel == "conj");
      }
      if (coordinated) continue;
      // (A person's full name elsewhere in the article says person: "Thanou" of Katerina Thanou.)
      if (nlp::plural_verb(words, static_cast<uint32_t>(head.head)) &&
          ents_.clusters[static_cast<size_t>(m.cluster)].name.find(' ') == std::string::npos) {
        holder_clusters_.insert(m.cluster);
        // "Newcastle were", "Liverpool have": a town with a plural verb is its
        // club (a country is its side, which news names as the place).
        if (const std::optional<uint32_t> r = table_.cluster(m.cluster)) {
          store::EntityRecord& e = record_.entities[*r];
          if (e.type == store::EntityType::kLoc && !side_named_as_place(e.name) &&
              resolve::store_type(ents_.clusters[static_cast<size_t>(m.cluster)].type) == store::EntityType::kLoc) {
            e.type = store::EntityType::kOrg;
          }
        }
      }
    }
  }

  // "Chelsea manager Jose Mourinho": what holds a role is no person, whatever
  // the recognizer said, unless a pronoun or honorific gave it a gender.
  void retype_role_holders() {
    for (const int32_t c : holder_clusters_) {
      if (!table_.cluster(c)) continue;
      store::EntityRecord& e = record_.entities[*table_.cluster(c)];
      if (e.type == store::EntityType::kPerson &&
          ents_.clusters[static_cast<size_t>(c)].gender == resolve::Gender::kUnknown) {
        e.type = store::EntityType::kOrg;
      }
    }
  }

  // "Barca boss Frank Rijkaard", "Kelso striker", "Blur guitarist": a place
  // or other name, other than a country or a continent (whose sides news
  // names as places), where a team's, a firm's or a band's post is held is a
  // club, a firm or a band.
  // So is one where a firm's post is held ("Jonathan Loynes, chief
  // economist at Capital Economics", "Telewest chief executive Eric
  // Tveter"), unless its name is a place the gazetteer knows.
  void retype_places_holding_posts() {
    for (const store::FactRecord& f : record_.facts) {
      std::string_view role = f.relation;
      if (role.starts_with("former ")) role.remove_prefix(7);
      const size_t space = role.rfind(' ');
      if (record_.entities[f.subject].type != store::EntityType::kPerson || space == std::string_view::npos) continue;
      const std::string_view preposition = role.substr(space + 1);
      if (!one_of(preposition, {"of", "at", "for"})) continue;
      role = role.substr(0, space);
      const std::string last = utf8::ascii_lowercase(role.substr(role.rfind(' ') + 1));
      store::EntityRecord& o = record_.entities[f.object];
      // (A band is read as a person's name as often: "Franz Ferdinand frontman".)
      const bool band_post = preposition == "of" && lexicon::is_band_position(last);
      if (o.type != store::EntityType::kLoc && o.type != store::EntityType::kMisc &&
          !(band_post && o.type == store::EntityType::kPerson)) {
        continue;
      }
      // ("vice-chairman" is a chairman's post as "vice chairman" is; "scrum-half" a position whole.)
      const std::string_view post = std::string_view(last).substr(last.rfind('-') + 1);
      const bool club_post = preposition == "of" && (lexicon::is_position_noun(last) || post == "manager" ||
                                                     post == "chairman" || post == "player" || post == "coach");
      const bool firm_post = one_of(post, {"executive", "director", "economist", "analyst", "officer", "founder",
                                           "strategist", "editor", "correspondent", "spokesman", "spokeswoman"});
      const auto known_place = [&] {
        return o.name.find(' ') == std::string::npos && (nlp::Gazetteer::builtin().word_classes(o.name) &
                                                         (nlp::kGazCountry | nlp::kGazCity | nlp::kGazRegion)) != 0;
      };
      if ((club_post || (firm_post && !known_place())) && !side_named_as_place(o.name)) {
        o.type = store::EntityType::kOrg;
      }
    }
  }

  // "broadcasting watchdog Ofcom", "the Catholic aid agency Cafod": a name
  // its article introduces with an organisation noun is an organisation
  // (not a country: "the group Britain" is no use news makes).
  void retype_introduced_organisations() {
    // "Sumitomo, Japan's third-largest bank,", "Japan's biggest carmaker Toyota".
    for_each_body_sentence([&](uint32_t sentence, std::span<const nlp::Word> words) {
      for (const NamePlace& np : name_places(words)) {
        const int32_t c = np.organisation ? ents_.cluster_at(sentence, np.name_word) : -1;
        const std::optional<uint32_t> r = c >= 0 ? table_.cluster(c) : std::nullopt;
        if (!r || ents_.clusters[static_cast<size_t>(c)].gender != resolve::Gender::kUnknown) continue;
        store::EntityRecord& e = record_.entities[*r];
        if (e.type != store::EntityType::kConcept && lexicon::find_country(e.name) == nullptr) {
          e.type = store::EntityType::kOrg;
        }
      }
    });
    for (const resolve::Mention& m : ents_.mentions) {
      if (m.kind != resolve::MentionKind::kName || m.cluster < 0) continue;
      const std::optional<uint32_t> r = table_.cluster(m.cluster);
      if (!r || ents_.clusters[static_cast<size_t>(m.cluster)].gender != resolve::Gender::kUnknown) continue;
      store::EntityRecord& e = record_.entities[*r];
      // "Diageo, which makes Guinness": "which" stands for no person; a name
      // taken for one is most often a firm.
      const auto words = annotated_.words_of(annotated_.sentences[m.sentence]);
      if (e.type == store::EntityType::kPerson && m.end + 1 < words.size() && words[m.end].form == "," &&
          words[m.end + 1].form == "which" && ents_.clusters[static_cast<size_t>(m.cluster)].titles.empty()) {
        e.type = store::EntityType::kOrg;
      }
      if (m.begin == 0) continue;
      // ("his new party, Veritas," "her latest film, Vera Drake.": the noun
      // may stand before a comma, the name set off after it.)
      const bool apposed = m.begin >= 2 && words[m.begin - 1].form == "," &&
                           (m.end == words.size() || one_of(words[m.end].form, {",", ".", ";"}));
      const nlp::Word& before = words[apposed ? m.begin - 2 : m.begin - 1];
      // (A maker or a publisher is a person as often: "documentary maker Max Carlish".)
      const std::string lemma = utf8::ascii_lowercase(before.lemma);
      if (e.type == store::EntityType::kPerson && (lemma == "maker" || lemma == "publisher")) continue;
      if (before.upos == nlp::UPos::NOUN && !before.form.empty() &&
          std::islower(static_cast<unsigned char>(before.form[0])) && lexicon::is_organisation_descriptor(lemma) &&
          e.type != store::EntityType::kOrg && lexicon::find_country(e.name) == nullptr) {
        e.type = store::EntityType::kOrg;
      }
      // "R&B singer Usher", "rap star Kanye West": a name right after an
      // occupation is a person's, whatever the recognizer said. (Not one
      // that a firm can be too: "oil producer Yukos", "broadcaster ESPN".)
      const std::string_view last_word = std::string_view(e.name).substr(e.name.rfind(' ') + 1);
      if (!apposed && before.upos == nlp::UPos::NOUN && !before.form.empty() &&
          std::islower(static_cast<unsigned char>(before.form[0])) && before.xpos == "NN" &&
          before.head >= static_cast<int32_t>(m.begin) && before.head < static_cast<int32_t>(m.end) &&
          lexicon::person_descriptor(lemma) &&
          !one_of(lemma, {"producer", "broadcaster", "investor", "champion", "designer", "veteran", "legend", "analyst",
                          "banker", "economist", "artist", "youngster", "newcomer", "rookie"}) &&
          (e.type == store::EntityType::kLoc || e.type == store::EntityType::kMisc) &&
          lexicon::find_country(e.name) == nullptr && !lexicon::ends_organisation_name(last_word) &&
          !lexicon::ends_event_name(last_word)) {
        e.type = store::EntityType::kPerson;
      }
      // "Mike Leigh's film Vera Drake", "the Angolan film The Hero": so is a
      // work its article introduces with a noun for works.
      if (before.upos == nlp::UPos::NOUN && !before.form.empty() &&
          std::islower(static_cast<unsigned char>(before.form[0])) &&
          one_of(lemma, {"film", "movie", "album", "novel", "documentary", "sitcom", "musical", "single", "song"}) &&
          e.type != store::EntityType::kMisc) {
        e.type = store::EntityType::kMisc;
      }
    }
  }

  const extract::TextExtractor& models_;
  const nlp::Document annotated_;
  const resolve::DocumentEntities ents_;
  store::DocumentRecord record_;
  // Nothing is drawn from boilerplate: no fact (the extractor skips those
  // sentences), no title, no entity named only there.
  const std::vector<bool> boilerplate_;
  EntityTable table_;
  // One fact per (subject, relation, object, sentence): conjunct splitting
  // can state the same triple twice over one sentence ("A and B met").
  std::set<std::tuple<uint32_t, std::string, uint32_t, uint32_t>> seen_;
  std::map<std::pair<std::string, store::EntityType>, bool> name_fits_;
  std::map<std::tuple<uint32_t, uint32_t, uint32_t>, std::vector<size_t>>
      facts_between_;                  // (subject, object, sentence)
  std::set<int32_t> holder_clusters_;  // clusters that hold a role for someone, or take a plural verb
  // A clause whose subject is a body named through a person: a quoted "we"
  // (`person` its speaker) or a person's side (`team`; `person` the possessor).
  struct BodyClause {
    extract::Proposition p;
    int32_t person = -1;  // cluster; -1 for none found
    bool team = false;
  };
  std::vector<BodyClause> bodies_named_through_people_;
  bool relations_only_ = false;  // add_fact keeps no statement (read_bodies_named_through_people)
  // The person the article is about, and the one it names most often; -1 for none.
  const int32_t main_person_;
  const int32_t leading_person_;
};

}  // namespace

store::DocumentRecord build_parsed_record(const extract::TextExtractor& models, const source::Document& doc) {
  return ArticleReader(models, doc).read();
}

}  // namespace kg::ingest
