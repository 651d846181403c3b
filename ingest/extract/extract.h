// The extraction layer: parsed sentences in, propositions out.
//
// Rules over Universal Dependencies v2 trees, one clause at a time: a
// predicate (a verb, or a nominal/adjective with a copula) with its subject,
// object and obliques; passives; copulas and appositions; xcomp chains;
// reported speech (the speaker is kept as attribution); conjuncts distributed
// over shared arguments; relative clauses; reciprocal coordination; WordNet
// nominalizations; possessives and noun modifiers. Negation and modality are
// flags, never dropped.
//
// A Proposition keeps two views of its arguments: the surface phrase (the
// full subtree, for CaRB scoring and as evidence) and a node (the entity
// mention or the head noun phrase without determiners, for the graph).
//
// KG form of obliques: "Putin blamed the tensions on the West" yields the
// relation "blame tension on" with object "West" when the object is a plain
// node and an oblique names an entity; otherwise the direct object is the
// graph object and the obliques stay further arguments ("blame" · "tensions",
// with "on the West" kept as an argument).
//
// Everything here is a pure function of its input and safe to call from many
// threads on one const Extractor.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "ingest/nlp/document.h"
#include "ingest/nlp/nlp.h"

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
  bool modal = false;         // could, would, may, might, must, should, can, shall
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
};
std::optional<GraphTriple> graph_triple(const Proposition& p);

// Noun -> verb derivations (testimony -> testify), compiled from WordNet by
// `kg train` into ingest/models/derivations.model.
class Derivations {
 public:
  static constexpr std::string_view kModelKind = "derivations";
  static constexpr uint32_t kModelVersion = 1;

  Derivations() = default;
  static Result<Derivations> load(const std::string& path);
  Status save(const std::string& path) const;

  void add(std::string noun, std::string verb) { verb_of_.emplace(std::move(noun), std::move(verb)); }
  // The verb lemma a noun lemma derives from or to, or "" when none.
  std::string_view verb_of(std::string_view noun) const;
  size_t size() const { return verb_of_.size(); }

 private:
  std::unordered_map<std::string, std::string> verb_of_;
};

// The per-sentence budget of candidate propositions. Conjoined subjects of
// a reciprocal verb pair up ("A, B and C met": A-B, A-C, B-C), so a list of
// n names gives n(n-1)/2 propositions: 3,000 comma-separated names were 4.5
// million (killed at 300 s). Past the budget a sentence's further
// propositions are dropped and counted; a news sentence makes a handful.
inline constexpr size_t kMaxSentencePropositions = 256;

// Propositions dropped for the budget, over the process's life (every
// extractor counts into one total; the summaries of kg extract and kg ingest
// report it).
uint64_t propositions_over_budget();

struct ExtractOptions {
  // Split coordinated arguments into one proposition per conjunct (the graph
  // wants this; CaRB's gold mostly keeps coordinations whole).
  bool split_conjuncts = true;
  // Emit possessive and noun-modifier relations ("Putin's adviser").
  bool noun_relations = true;
};

class Extractor {
 public:
  // Without derivations the nominalization rule is off.
  explicit Extractor(ExtractOptions options = {}, const Derivations* derivations = nullptr)
      : options_(options), derivations_(derivations) {}

  // Propositions of one parsed sentence (Word::head and deprel filled in).
  // Sentences that are news boilerplate yield nothing; dateline words are
  // never arguments.
  std::vector<Proposition> extract(const nlp::Document& doc, uint32_t sentence) const;

  // Propositions of every sentence of `doc`, skipping boilerplate paragraphs.
  std::vector<Proposition> extract_all(const nlp::Document& doc) const;

 private:
  ExtractOptions options_;
  const Derivations* derivations_;
};

// Where the shipped derivations model lives: $KG_MODELS/derivations.model,
// else KG_MODEL_DIR/derivations.model.
std::string default_derivations_path();

// CaRB's tab-separated system line(s) for the propositions of one sentence:
// "sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2...", one per line.
std::string format_carb(std::string_view sentence_text, const std::vector<Proposition>& props);

// ---------------------------------------------------------------------------
// Entry points for the CLI and the ingest pipeline.

// The extractor of `kg extract --format carb`: coordinations kept whole and
// no noun-centred relations, which is what CaRB's gold states.
ExtractOptions carb_options();

// Annotates one line holding one (tokenized) sentence as a single sentence,
// without re-splitting it, and returns its CaRB lines (the line as given in
// the first column). Empty when the pipeline has no parser.
std::string carb_lines_for_sentence(const nlp::Pipeline& pipeline, const Extractor& extractor, std::string_view line);

// One graph fact, ready for graph/store's FactRecord: arguments are entity
// mentions (with their NER type) or noun-phrase concepts (type "").
struct Fact {
  std::string subject, subject_type;
  std::string relation;  // lemma phrase
  std::string object, object_type;
  uint32_t sentence = 0;                  // index into Document::sentences
  uint32_t span_begin = 0, span_end = 0;  // bytes of the evidence within the sentence text
  float confidence = 0.5f;
  bool negated = false, modal = false;
  std::string attribution;
  Construction construction = Construction::kVerb;
};

// The graph facts of a whole parsed document (boilerplate skipped). Empty
// when the document is not parsed (Word::deprel unset).
std::vector<Fact> extract_facts(const nlp::Document& doc, const Extractor& extractor);

// The whole text -> facts path with the shipped models: the NLP pipeline
// (which must include the parser), the derivations, and an Extractor.
// Immutable once loaded; safe to share between threads.
class TextExtractor {
 public:
  // Fails (not found) when `model_dir` has no parser model, so callers can
  // keep the baseline extractor until `kg train` has run.
  static Result<TextExtractor> load(const std::string& model_dir, ExtractOptions options = {});

  // Annotates `text` with datelines ("WASHINGTON (NYTIMES) - ") blanked out
  // first: they give the place, not a clause, and they derail the parser.
  // Byte offsets are those of `text`.
  nlp::Document annotate(std::string_view text) const;
  std::vector<Fact> facts(const nlp::Document& doc) const { return extract_facts(doc, *extractor_); }
  // CaRB lines of one line holding one sentence (see carb_lines_for_sentence).
  std::string carb(std::string_view line) const { return carb_lines_for_sentence(*pipeline_, *extractor_, line); }
  const nlp::Pipeline& pipeline() const { return *pipeline_; }
  const Extractor& extractor() const { return *extractor_; }

 private:
  TextExtractor() = default;
  // Behind pointers so the Extractor's view of the derivations survives moves.
  std::shared_ptr<const nlp::Pipeline> pipeline_;
  std::shared_ptr<const Derivations> derivations_;
  std::shared_ptr<const Extractor> extractor_;
};

// ---------------------------------------------------------------------------
// News boilerplate.

enum class Boilerplate : uint8_t {
  kNone,
  kPhotoCredit,   // "PHOTO: REUTERS", and the caption paragraph it closes
  kMedia,         // "Remote video URL", "Watch the video"
  kCallToAction,  // "Join ST's Telegram channel ...", "Sign up for ...", "Follow us on ..."
  kByline,        // "By Jane Doe", "Reporting by ..."
};

// Classifies one paragraph (or line) of article text.
Boilerplate classify_boilerplate(std::string_view paragraph);

// A dateline opening an article paragraph: "WASHINGTON (NYTIMES) - ".
struct Dateline {
  std::string place;   // "Washington" as written, upper case kept: "WASHINGTON"
  std::string source;  // "NYTIMES", "" when none
  uint32_t length = 0; // bytes of the dateline including the dash and following spaces
};
std::optional<Dateline> find_dateline(std::string_view paragraph);

// One flag per sentence of `doc`: true when the sentence lies in a
// boilerplate paragraph (paragraphs are separated by blank lines in the text).
std::vector<bool> boilerplate_sentences(const nlp::Document& doc);

}  // namespace kg::extract
