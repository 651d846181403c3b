// What extraction produces: propositions (a predicate with its subject and
// arguments, each argument in two views: the surface phrase and the graph
// node) and their graph form. Part of the public header ingest/extract/extract.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg::extract {

// Words [begin, end) of one sentence (indexes within the sentence).
struct WordSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
};

enum class ArgumentRole : uint8_t {
  kSubject,
  kObject,   // direct or indirect object, predicate nominal, clausal complement
  kOblique,  // prepositional phrase or other oblique
  kTime,     // oblique naming a time ("on Tuesday", "in 1941")
  kPlace,    // oblique naming a place entity ("in Washington")
};

struct Argument {
  ArgumentRole role = ArgumentRole::kObject;
  std::string text;         // surface phrase, tokens joined by single spaces (no preposition)
  std::string preposition;  // lowercased case marker(s) of an oblique ("on", "out of"); "" for core arguments
  std::string node;      // graph node: entity mention, else head noun phrase without determiners
  std::string entity_type;  // NER type of `node` ("PERSON", ...) or "" for a plain node
  std::string head_lemma;   // lemma of the head word, lowercased
  uint32_t head = 0;        // head word (sentence index)
  WordSpan span;            // smallest word range holding the phrase
  bool is_clause = false;   // a clausal complement: text, but no graph node
  bool is_pronoun = false;  // head is a personal/demonstrative pronoun
  bool is_name = false;     // head is an entity mention or a proper noun
};

enum class Construction : uint8_t {
  kVerb,             // verb with its own subject
  kPassive,          // nsubj:pass, optional obl:agent
  kCopula,           // X is Y
  kApposition,       // X, a Y
  kRelativeClause,   // predicate of an acl:relcl
  kInheritedSubject, // conjoined verb / xcomp / adverbial clause: subject taken from the governing clause
  kReciprocal,       // "A and B spoke" -> A speak with B
  kNominalization,   // "testimony to X" -> testify to X
  kPossessive,       // "Putin's adviser" -> Putin have adviser
  kNounModifier,     // "Russian companies" -> companies be Russian
};

struct Proposition {
  uint32_t sentence = 0;  // index into Document::sentences
  uint32_t predicate = 0; // word (sentence index) heading the predicate: the verb, or the noun of a noun-centred relation
  Construction construction = Construction::kVerb;
  Argument subject;
  std::string relation;       // normalised lemma phrase of the predicate ("speak", "seek to drive", "be")
  std::string relation_text;  // surface relation for CaRB ("did not say", "was suspended")
  // Non-subject arguments in sentence order: objects first-class, obliques with prepositions.
  std::vector<Argument> arguments;
  bool negated = false;
  bool modal = false;         // could, would, may, might, must, should, can, shall, will
  std::string attribution;    // who said it ("Jake Sullivan"), "" when the text states it
  float confidence = 0.5f;    // in [0, 1]
  WordSpan span;              // words covering the whole proposition
};

// The graph form of a proposition: subject · relation · object, each argument
// a node. Absent when the proposition has no nominal object.
struct GraphTriple {
  const Argument* subject = nullptr;
  const Argument* object = nullptr;
  std::string relation;  // lemma phrase, prepositions and folded objects included ("blame tension on")
  // A relation read beside the clause's own, nothing folded into it: "take
  // part in" an event named in an oblique ("ran 6.54 seconds at the Norwich
  // Union Grand Prix"), "join from" a club ("joined Arsenal from Juventus").
  bool beside_object = false;
};
std::optional<GraphTriple> graph_triple(const Proposition& p);
// The graph form and, for a clause with no object, one triple more for each
// further oblique that names an entity as a partner, source or goal ("moved
// from Colchester to London": move from · Colchester and move to · London);
// and, for any clause of a named doer, one for each event named after "at"
// or "in" (participation), and for "join" or "sign" with an object, one for
// the name after "from". Empty when graph_triple is.
std::vector<GraphTriple> graph_triples(const Proposition& p);

// Digits and dashes only, at least one character: a number or a score as one
// token or lemma ("1", "2-1").
bool is_number_or_score(std::string_view text);
// A score written as one token: digits on both sides of a dash ("2-1").
bool is_joined_score(std::string_view text);

}  // namespace kg::extract
