#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "base/lexicon.h"
#include "ingest/extract/clause_rules.h"
#include "ingest/extract/extract.h"
#include "ingest/extract/sentence_tree.h"

namespace kg::extract {

namespace {

// Words of a dateline that opens the sentence's paragraph ("WASHINGTON (NYTIMES) -"):
// the place is metadata, not an argument.
uint32_t first_content_word(const nlp::Document& doc, const nlp::Sentence& s) {
  if (s.size() == 0) return 0;
  const uint32_t begin = doc.words[s.word_begin].begin;
  const std::string& text = doc.text();
  const bool opens_paragraph = begin == 0 || s.new_paragraph || (begin <= text.size() && text[begin - 1] == '\n');
  if (!opens_paragraph) return 0;
  const std::optional<Dateline> d = find_dateline(std::string_view(text).substr(begin));
  if (!d) return 0;
  const uint32_t end = begin + d->length;
  uint32_t k = 0;
  while (k < s.size() && doc.words[s.word_begin + k].begin < end) ++k;
  return k < s.size() ? k : 0;
}

// What makes two propositions of one sentence the same fact: relation,
// subject and each argument's text and preposition. Every field is length
// prefixed, so no text can imitate a field boundary.
std::string identity_key(const Proposition& p) {
  std::string key;
  const auto add = [&key](std::string_view field) {
    key += std::to_string(field.size());
    key += ':';
    key += field;
  };
  add(p.relation);
  add(p.subject.text);
  for (const Argument& a : p.arguments) {
    add(a.text);
    add(a.preposition);
  }
  return key;
}

}  // namespace

std::vector<Proposition> Extractor::extract(const nlp::Document& doc, uint32_t sentence) const {
  const nlp::Sentence& s = doc.sentences.at(sentence);
  const std::span<const nlp::Word> words = doc.words_of(s);
  if (words.empty() || words[0].deprel.empty()) return {};
  const std::string_view text = s.text.empty()
                                    ? std::string_view(doc.text()).substr(words.front().begin,
                                                                          words.back().end - words.front().begin)
                                    : s.text;
  if (classify_boilerplate(text) != Boilerplate::kNone) return {};
  const SentenceTree tree(words, first_content_word(doc, s));
  ClauseRules rules(tree, sentence, options_, derivations_);
  std::vector<Proposition> props = rules.run();
  // The same fact found twice (an apposition also read as a copula) is kept
  // once, the surer one, in the order first found. A hash of the identity
  // keeps this linear: a sentence listing thousands of names yields thousands
  // of propositions, and comparing each with every earlier one was quadratic.
  std::vector<Proposition> out;
  std::unordered_map<std::string, size_t> index_of;
  index_of.reserve(props.size());
  for (Proposition& p : props) {
    const auto [it, inserted] = index_of.try_emplace(identity_key(p), out.size());
    if (inserted) {
      out.push_back(std::move(p));
    } else {
      out[it->second].confidence = std::max(out[it->second].confidence, p.confidence);
    }
  }
  return out;
}

std::vector<Proposition> Extractor::extract_all(const nlp::Document& doc) const {
  const std::vector<bool> skip = boilerplate_sentences(doc);
  std::vector<Proposition> out;
  for (uint32_t i = 0; i < doc.sentences.size(); ++i) {
    if (skip[i]) continue;
    for (Proposition& p : extract(doc, i)) out.push_back(std::move(p));
  }
  return out;
}

std::optional<GraphTriple> graph_triple(const Proposition& p) {
  if (p.subject.node.empty()) return std::nullopt;
  const Argument* object = nullptr;
  for (const Argument& a : p.arguments) {
    if (a.role == ArgumentRole::kObject && !a.is_clause && !a.node.empty()) {
      object = &a;
      break;
    }
  }
  // The first oblique naming an entity, else the first oblique that is not a
  // time. (Not examples of the object: "bought firms such as Ogilvy &
  // Mather" bought those firms; the object's names say so.)
  const Argument* oblique = nullptr;
  for (const Argument& a : p.arguments) {
    if (a.role == ArgumentRole::kObject || a.role == ArgumentRole::kTime || a.node.empty() || a.is_clause) continue;
    if (one_of(a.preposition, {"such as", "including", "like"})) continue;
    if (a.is_name) {
      oblique = &a;
      break;
    }
    // A role noun of a named possessor ("leaders of France") beats a plain
    // instrument ("by phone").
    const bool names_inside = std::any_of(a.node.begin(), a.node.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
    if (oblique == nullptr || (names_inside && !std::any_of(oblique->node.begin(), oblique->node.end(), [](char c) {
                                 return std::isupper(static_cast<unsigned char>(c));
                               }))) {
      oblique = &a;
    }
  }
  GraphTriple t;
  t.subject = &p.subject;
  if (p.construction == Construction::kReciprocal || p.construction == Construction::kNominalization) {
    // The relation already holds its preposition ("speak with", "testify to").
    for (const Argument& a : p.arguments) {
      if (!a.node.empty() && !a.is_clause) {
        t.relation = p.relation;
        t.object = &a;
        return t;
      }
    }
    return std::nullopt;
  }
  if (object != nullptr) {
    // "offered Mr Putin the choice": the thing given joins the relation and
    // the receiver is the object ("offer choice to" · Putin).
    const Argument* given = nullptr;
    for (const Argument& a : p.arguments) {
      if (&a != object && a.role == ArgumentRole::kObject && !a.is_clause && !a.node.empty() && !a.is_name &&
          a.head > object->head) {
        given = &a;
        break;
      }
    }
    if (object->is_name && given != nullptr && p.construction != Construction::kCopula) {
      // A sum is no thing given but the amount ("lent Russia $6bn", "fined CBS $550,000").
      const bool amount = given->head_lemma.empty() || std::ispunct(static_cast<unsigned char>(given->head_lemma[0])) ||
                          std::isdigit(static_cast<unsigned char>(given->head_lemma[0]));
      t.relation = amount ? p.relation : p.relation + " " + given->head_lemma + " to";
      t.object = object;
      return t;
    }
    // "blamed the tensions on the West": the entity is the better node, the
    // object noun joins the relation.
    // (A score folds nothing: "drew 1-1 with Bolton" is "draw with".)
    if (!object->is_name && oblique != nullptr && oblique->is_name &&
        !oblique->preposition.empty() && p.construction != Construction::kCopula) {
      // (Only before the opponent: "stormed 22-6 ahead through tries from X" is no storming from X.)
      const bool score = is_number_or_score(object->head_lemma) &&
                         one_of(oblique->preposition, {"with", "to", "against", "over", "at", "by"});
      t.relation = score ? p.relation + " " + oblique->preposition
                         : p.relation + " " + object->head_lemma + " " + oblique->preposition;
      t.object = oblique;
    } else {
      t.relation = p.relation;
      t.object = object;
    }
  } else if (oblique != nullptr && !oblique->preposition.empty()) {
    t.relation = p.relation + " " + oblique->preposition;
    t.object = oblique;
  } else {
    return std::nullopt;
  }
  return t;
}

bool is_number_or_score(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(),
                                      [](char c) { return c == '-' || std::isdigit(static_cast<unsigned char>(c)); });
}

bool is_joined_score(std::string_view text) {
  const size_t dash = text.find('-');
  return dash != std::string_view::npos && dash > 0 && dash + 1 < text.size() && is_number_or_score(text);
}

std::vector<GraphTriple> graph_triples(const Proposition& p) {
  std::vector<GraphTriple> out;
  std::optional<GraphTriple> first = graph_triple(p);
  if (!first) return out;
  out.push_back(std::move(*first));
  if (p.construction != Construction::kVerb && p.construction != Construction::kInheritedSubject &&
      p.construction != Construction::kRelativeClause && p.construction != Construction::kPassive) {
    return out;
  }
  // "At last week's Birmingham Grand Prix, Claxton left her rival trailing":
  // who did something at or in a named event took part in it, whatever
  // else the clause says. (A name of two words or more ending in an event's
  // word; "Games" ends a firm's name as often.)
  const bool doer = p.subject.is_name || p.subject.is_pronoun || p.subject.head_lemma == "old";
  for (const Argument& a : p.arguments) {
    // (Not beside "played at" · French Open; beside "reach final at" · it, a
    // folded object the gate may refuse, it is.)
    const bool said = &a == out.front().object && out.front().relation == p.relation + " " + a.preposition;
    if (!doer || said || !a.is_name || !one_of(a.preposition, {"at", "in"})) continue;
    const size_t space = a.node.rfind(' ');
    const std::string_view last =
        space == std::string::npos ? std::string_view() : std::string_view(a.node).substr(space + 1);
    if (last.empty() || last == "Games" || !lexicon::ends_event_name(last)) continue;
    GraphTriple t;
    t.subject = &p.subject;
    t.object = &a;
    t.relation = "take part in";
    t.beside_object = true;
    out.push_back(std::move(t));
  }
  // (Where one was born is a fact beside the name one was born with: "She
  // was born Lilian Alicia Marks in London".)
  const bool born = p.relation == "be born";
  // (A score is no object: "drew 1-1 with Bolton" is a draw with Bolton.)
  for (const Argument& a : p.arguments) {
    if (a.role == ArgumentRole::kObject && !a.is_clause && !born && !is_joined_score(a.text)) {
      // "joined Arsenal from Juventus": where a player came from is a
      // relation beside the club joined.
      if (one_of(p.relation, {"join", "rejoin", "sign"})) {
        for (const Argument& from : p.arguments) {
          if (from.role != ArgumentRole::kOblique || !from.is_name || from.preposition != "from" || from.node.empty()) {
            continue;
          }
          GraphTriple t;
          t.subject = &p.subject;
          t.object = &from;
          t.relation = p.relation + " from";
          t.beside_object = true;
          out.push_back(std::move(t));
        }
      }
      return out;  // the object is the fact
    }
  }
  for (const Argument& a : p.arguments) {
    if (&a == out.front().object || a.is_clause || !a.is_name || a.preposition.empty() || a.node.empty()) continue;
    // Only a partner, a source or a goal: a place or a time where the deed
    // was done is no relation of the doer's ("disposed of Cardiff at Ewood
    // Park"), and "at" and "in" are where the parser most often hangs a
    // noun's modifier on the verb ("arrived ... after his appearance at X").
    const bool birthplace =
        born && a.preposition == "in" && (a.role == ArgumentRole::kPlace || a.role == ArgumentRole::kOblique);
    if (!birthplace &&
        (a.role != ArgumentRole::kOblique ||
         !one_of(a.preposition, {"to", "from", "into", "with", "against", "for", "under", "towards", "onto"}))) {
      continue;
    }
    GraphTriple t;
    t.subject = &p.subject;
    t.object = &a;
    t.relation = p.relation + " " + a.preposition;
    out.push_back(std::move(t));
  }
  return out;
}

std::string format_carb(std::string_view sentence_text, const std::vector<Proposition>& props) {
  std::string out;
  std::unordered_set<std::string> seen;  // a set: linear in the propositions
  for (const Proposition& p : props) {
    // CaRB credits a tuple only when it fills every slot its gold tuple fills,
    // and gold tuples nearly always have two arguments.
    if (p.subject.text.empty() || p.relation_text.empty() || p.arguments.empty()) continue;
    // Without an object, the first oblique's preposition joins the relation
    // ("led to | an opening | a coal mine"), as CaRB's annotators mostly wrote it.
    std::string relation = p.relation_text;
    size_t folded = p.arguments.size();
    bool has_object = false;
    for (const Argument& a : p.arguments) has_object = has_object || a.role == ArgumentRole::kObject;
    if (!has_object) {
      for (size_t k = 0; k < p.arguments.size(); ++k) {
        if (!p.arguments[k].preposition.empty()) {
          folded = k;
          relation += " " + p.arguments[k].preposition;
          break;
        }
      }
    }
    std::string line = fmt::format("{}\t{:.3f}\t{}\t{}", sentence_text, p.confidence, relation, p.subject.text);
    std::string key = relation + "\t" + p.subject.text;
    for (size_t k = 0; k < p.arguments.size(); ++k) {
      const Argument& a = p.arguments[k];
      const std::string arg = a.preposition.empty() || k == folded ? a.text : a.preposition + " " + a.text;
      line += "\t" + arg;
      key += "\t" + arg;
    }
    if (!seen.insert(key).second) continue;
    out += line;
    out += '\n';
  }
  return out;
}

}  // namespace kg::extract
