// Named-entity recognizer: an averaged-perceptron BILOU labeller over the
// words and tags of a sentence, greedy left to right, restricted to
// well-formed label sequences. Types PERSON, ORG, LOC, MISC (ner_labels.h).
//
// Features: the word, its lowercase form, shape, prefixes and suffixes,
// UPOS/XPOS, the same for a window of two words each side, the two
// previous labels, gazetteer membership (ner_gazetteer.h), the position in
// the sentence, whether the sentence is a capitalized headline, and whether
// the word's lowercase form is a common word (which tells a capital at the
// start of a sentence from a name), and the labels the same form received
// earlier in the document (ner_history.h). Titles and greetings are not
// part of PERSON spans; ner_titles.h finds titles.
//
// A loaded recognizer is immutable; annotate() is thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ingest/nlp/ner_gazetteer.h"
#include "ingest/nlp/ner_history.h"
#include "ingest/nlp/ner_labels.h"
#include "ingest/nlp/nlp.h"
#include "ingest/nlp/perceptron.h"
#include "ingest/nlp/string_table.h"

namespace kg::nlp {

inline constexpr std::string_view kNerModelFile = "ner.kgm";
inline constexpr std::string_view kNerModelKind = "ner";
inline constexpr uint32_t kNerModelVersion = 2;  // 2: prediction history features

class EntityRecognizer : public AnnotationStage {
 public:
  // Precomputed hashes and flags of one word, shared by the templates.
  struct WordKeys {
    uint64_t lower = 0, exact = 0, shape = 0, upos = 0, xpos = 0;
    uint64_t prefix[3] = {}, suffix[4] = {};
    uint8_t flags = 0;  // kCapitalized | kCommonLowercase
    // Per history class (outside, then each entity type): 0 when the form
    // was never given it earlier in the document, else 1 + its share in 4
    // steps (set_history).
    uint8_t history[1 + kEntityTypeCount] = {};
  };
  struct SentenceKeys {
    std::vector<WordKeys> words;
    std::vector<GazetteerMark> marks;  // per word; the gazetteer features and tidy_spans read them
    bool headline = false;  // most words capitalized: capitals say little
  };
  static constexpr uint8_t kCapitalized = 1;
  static constexpr uint8_t kCommonLowercase = 2;  // the lowercase form is a common word

  EntityRecognizer() = default;
  // `common_lowercase`: lowercase words frequent in running text.
  EntityRecognizer(StringSet common_lowercase, AveragedPerceptron model)
      : common_lowercase_(std::move(common_lowercase)), model_(std::move(model)) {}

  static Result<EntityRecognizer> load(const std::string& path);
  Status save(const std::string& path) const;

  // Sets Word::ner of every word of every sentence; sentences are read in
  // order, each document (Sentence::new_document) with its own history.
  // Last, a person's name touching "-" and a capitalised word the document
  // gives no person takes the word in ("Kilroy-Silk").
  void annotate(Document* doc) const override;

  // The label of each word (ner_labels.h), a well-formed BILOU sequence.
  // `history`: the labels of the document's earlier sentences, or nullptr.
  void predict(std::span<const Word> words, std::vector<int>* labels,
               const PredictionHistory* history = nullptr) const;

  // Rules over the predicted spans: punctuation at a span's edges is cut
  // off ("National Security Council \""), so is a common lowercase word at
  // the end of a capitalized name ("State Department official") and a
  // function word at the end of any name ("Peder and I"), a span
  // ending in an organization word ("... Council", "... Inc") is an ORG
  // unless it starts with a given name, a leading greeting or title is
  // cut off, leaving a PERSON name, and a PERSON name takes in the name
  // particle before it ("bin Laden", "Muqtada al - Sadr"). `marks` are the
  // words' gazetteer marks (SentenceKeys::marks); the second form finds them.
  static void tidy_spans(std::span<const Word> words, std::span<const GazetteerMark> marks, std::vector<int>* labels);
  static void tidy_spans(std::span<const Word> words, std::vector<int>* labels);
  // The rules below run after tidy_spans at prediction time only, in this
  // order, on the sentence's spans in sentence order (predict converts the
  // labels to spans once, and back once); they keep that order.
  //
  // Training does not run these: its history features record tidy_spans'
  // output only. Running them in training too was measured worse (UNER
  // test P/O/L 69.49 against 70.13, GUM 57.47 against 58.13).
  //
  // A capitalized span loses its leading lowercase words but name particles
  // ("and Nato", "czar Richard Clarke"), a capitalized person's name stops
  // before a lowercase word inside it, a span inside a well-known
  // organization's name grows to the whole name as an ORG, an ORG of
  // several words ending in a number is a MISC ("Nord Stream 2"), a
  // person's name ending in a given name takes the proper noun after it
  // ("Vladimir | Putin"), and a gazetteer country or organization outside
  // every span becomes a LOC or ORG span.
  static void trim_and_add_places(std::span<const Word> words, std::span<const GazetteerMark> marks,
                                  std::vector<EntitySpan>* spans);
  // Capitalized words joined by "&" are one organization's name ("Holland
  // & Hart"), and a company's legal form after a comma belongs to its name
  // ("First Union Securities, Inc.").
  static void join_firm_names(std::span<const Word> words, std::vector<EntitySpan>* spans);
  // An organization's name read in pieces is one name: an organization word
  // with "of"/"for" and the capitalized words after it ("Institute | for
  // Fiscal Studies" read as a place and a MISC; "UN Office | for the
  // Coordination of Humanitarian Affairs" with the rest left out), and a proper noun the model
  // left out just before an organization ("Investec | Securities"), though
  // not a sentence's first word, a title nor a weekday ("On Tuesday Labour").
  static void join_organisation_names(std::span<const Word> words, std::span<const GazetteerMark> marks,
                                      std::vector<EntitySpan>* spans);
  // An organisation word capitalised inside a sentence ("Committee",
  // "Commission", "Office", or a firm's plural "Banks", "Managers") and the
  // capitalised words before it are one organisation's name ("House |
  // Budget Committee", "Treasury Select Committee", "Allied Irish Banks");
  // not in a headline, where every word is capitalised.
  static void join_named_bodies(std::span<const Word> words, std::span<const GazetteerMark> marks,
                                std::vector<EntitySpan>* spans);
  // What a name is, written before it, is no part of it: a plural common
  // noun opening the sentence ("Advisors | Goldman Sachs"); and a
  // capitalised word the model left out after a lower-case organisation
  // noun is that organisation's name ("leisure group Rank", "the bank
  // Barings").
  // A broadcaster's channel is one name: "BBC | Radio 4", "BBC One",
  // "Radio 5 Live", "Channel 4" (the model tags the broadcaster and leaves
  // the channel, or reads the number as a MISC of its own).
  static void join_channel_names(std::span<const Word> words, std::vector<EntitySpan>* spans);
  // A name ends before a preposition whose object is no name ("Groove
  // Networks | for $120m"); "Institute for Fiscal Studies" keeps its own.
  static void cut_prepositional_tails(std::span<const Word> words, std::vector<EntitySpan>* spans);
  // A place the gazetteer knows after "in" inside an organisation's or
  // event's name that runs on past the place is no part of it: "Consumer
  // Electronics Show | in | Las Vegas | Microsoft" is a show, a city and a
  // firm.
  static void split_at_listed_place(std::span<const Word> words, std::span<const GazetteerMark> marks,
                                    std::vector<EntitySpan>* spans);
  static void names_after_descriptors(std::span<const Word> words, std::vector<EntitySpan>* spans);
  // Last: a weekday or month alone ("saturday") and a span made only of
  // common words written in capitals ("PERFORMANCE" in a table), none of
  // them on a word list, name nothing.
  static void drop_non_names(std::span<const Word> words, const SentenceKeys& keys, std::vector<EntitySpan>* spans);

  // Training uses the same extraction as prediction. sentence_keys leaves
  // the history fields empty; set_history fills them.
  void sentence_keys(std::span<const Word> words, SentenceKeys* keys) const;
  static void set_history(std::span<const Word> words, const PredictionHistory& history, SentenceKeys* keys);
  static void features(const SentenceKeys& keys, size_t i, int prev1, int prev2, std::vector<uint64_t>* out);
  // Labels allowed after `prev` at word i of an n-word sentence.
  static void allowed_labels(int prev, size_t i, size_t n, bool allowed[kBilouLabelCount]);

  // Hypotheses kept per word when decoding; 1 is greedy decoding.
  void set_beam_width(size_t width) { beam_width_ = width == 0 ? 1 : width; }

  AveragedPerceptron& model() { return model_; }
  const AveragedPerceptron& model() const { return model_; }
  const StringSet& common_lowercase() const { return common_lowercase_; }

 private:
  StringSet common_lowercase_;
  AveragedPerceptron model_;
  size_t beam_width_ = 1;  // greedy: a wider beam measured no better (locally normalized scores)
};

}  // namespace kg::nlp
