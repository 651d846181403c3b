// Entity types, BILOU labels and entity spans: the vocabulary shared by the
// recognizer, its training data readers and its scorer.
//
// A label is a class id of the recognizer's model: 0 is outside, and
// 1 + 4 * type + position for the positions B(egin), I(nside), L(ast),
// U(nit-length). Word::ner holds the label's name ("B-PERSON"), "" outside.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "ingest/nlp/document.h"

namespace kg::nlp {

enum class EntityType : uint8_t { kPerson, kOrg, kLoc, kMisc };
inline constexpr int kEntityTypeCount = 4;

// "PERSON", "ORG", "LOC", "MISC".
std::string_view entity_type_name(EntityType type);
// Accepts the names above and the UNER/CoNLL ones (PER, OTH); false otherwise.
bool parse_entity_type(std::string_view name, EntityType* out);

// A typed run of words [begin, end) within one sentence.
struct EntitySpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  EntityType type = EntityType::kMisc;
  friend bool operator==(const EntitySpan&, const EntitySpan&) = default;
};

enum class BilouPosition : uint8_t { kBegin, kInside, kLast, kUnit };
inline constexpr int kBilouLabelCount = 1 + 4 * kEntityTypeCount;

inline int bilou_label(EntityType type, BilouPosition pos) {
  return 1 + 4 * static_cast<int>(type) + static_cast<int>(pos);
}
inline EntityType label_type(int label) { return static_cast<EntityType>((label - 1) / 4); }
inline BilouPosition label_position(int label) { return static_cast<BilouPosition>((label - 1) % 4); }

// "B-PERSON" ..., "" for the outside label.
std::string_view bilou_label_name(int label);

// Whether `next` may follow `prev` in a well-formed BILOU sequence; prev is
// 0 (outside) at the start of a sentence, and the last label of a sentence
// must be one that may be followed by 0.
bool bilou_transition_allowed(int prev, int next);

// Spans of a label sequence. Ill-formed runs are read leniently (a B or I
// not closed by L ends where the run of its type ends), so that output of
// any labeller, and BIO data, read as spans.
std::vector<EntitySpan> spans_from_labels(std::span<const int> labels);

// The BILOU labels of `n` words carrying `spans` (non-overlapping).
void labels_from_spans(size_t n, std::span<const EntitySpan> spans, std::vector<int>* labels);

// Spans of the words' ner tags. Accepts BILOU and BIO tags (B-, I-, L-, U-,
// E-, S- prefixes) with any type parse_entity_type knows; unknown tags are
// read as outside.
std::vector<EntitySpan> entity_spans(std::span<const Word> words);

// One word's tag read: its type ("PERSON"; "" outside), and whether the word
// opens or closes a name (a one-word name does both).
inline std::string_view tag_type(const Word& w) { return w.ner.size() > 2 ? w.ner.substr(2) : std::string_view(); }
inline bool begins_name(const Word& w) { return w.ner.starts_with('B') || w.ner.starts_with('U'); }
inline bool ends_name(const Word& w) { return w.ner.starts_with('L') || w.ner.starts_with('U'); }

// Lowercase particles of Arabic, Dutch, German and Romance names ("bin
// Laden", "al - Sadr", "van Gogh"): they belong to the name after them.
bool is_name_particle(std::string_view form);

// Sets Word::ner of the sentence's words from `spans` ("" outside).
void set_entity_tags(Document* doc, const Sentence& sentence, std::span<const EntitySpan> spans);

}  // namespace kg::nlp
