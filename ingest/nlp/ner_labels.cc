#include "ingest/nlp/ner_labels.h"

#include <array>

namespace kg::nlp {

namespace {

constexpr std::array<std::string_view, kBilouLabelCount> kLabelNames = {
    "",         "B-PERSON", "I-PERSON", "L-PERSON", "U-PERSON", "B-ORG",  "I-ORG",  "L-ORG",  "U-ORG",
    "B-LOC",    "I-LOC",    "L-LOC",    "U-LOC",    "B-MISC",   "I-MISC", "L-MISC", "U-MISC",
};

// Position letter of a tag prefix, normalized to BILOU; 0 when unknown.
char position_letter(char c) {
  switch (c) {
    case 'B': case 'I': case 'L': case 'U': return c;
    case 'E': return 'L';
    case 'S': return 'U';
    default: return 0;
  }
}

}  // namespace

std::string_view entity_type_name(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PERSON";
    case EntityType::kOrg: return "ORG";
    case EntityType::kLoc: return "LOC";
    case EntityType::kMisc: return "MISC";
  }
  return "MISC";
}

bool parse_entity_type(std::string_view name, EntityType* out) {
  if (name == "PERSON" || name == "PER") *out = EntityType::kPerson;
  else if (name == "ORG") *out = EntityType::kOrg;
  else if (name == "LOC" || name == "GPE") *out = EntityType::kLoc;
  else if (name == "MISC" || name == "OTH") *out = EntityType::kMisc;
  else return false;
  return true;
}

std::string_view bilou_label_name(int label) {
  return label >= 0 && label < kBilouLabelCount ? kLabelNames[label] : std::string_view();
}

bool bilou_transition_allowed(int prev, int next) {
  const bool prev_open = prev != 0 && (label_position(prev) == BilouPosition::kBegin ||
                                       label_position(prev) == BilouPosition::kInside);
  if (next == 0) return !prev_open;
  const BilouPosition pos = label_position(next);
  const bool continues = pos == BilouPosition::kInside || pos == BilouPosition::kLast;
  if (prev_open) return continues && label_type(prev) == label_type(next);
  return !continues;
}

std::vector<EntitySpan> spans_from_labels(std::span<const int> labels) {
  std::vector<EntitySpan> spans;
  bool open = false;
  EntitySpan cur;
  auto close = [&](uint32_t end) {
    if (!open) return;
    cur.end = end;
    spans.push_back(cur);
    open = false;
  };
  for (uint32_t i = 0; i < labels.size(); ++i) {
    const int label = labels[i];
    if (label <= 0 || label >= kBilouLabelCount) {
      close(i);
      continue;
    }
    const EntityType type = label_type(label);
    const BilouPosition pos = label_position(label);
    const bool continues = open && cur.type == type &&
                           (pos == BilouPosition::kInside || pos == BilouPosition::kLast);
    if (!continues) {
      close(i);
      open = true;
      cur = EntitySpan{i, i, type};
    }
    if (pos == BilouPosition::kLast || pos == BilouPosition::kUnit) close(i + 1);
  }
  close(static_cast<uint32_t>(labels.size()));
  return spans;
}

void labels_from_spans(size_t n, std::span<const EntitySpan> spans, std::vector<int>* labels) {
  labels->assign(n, 0);
  for (const EntitySpan& s : spans) {
    if (s.end <= s.begin || s.end > n) continue;
    if (s.end - s.begin == 1) {
      (*labels)[s.begin] = bilou_label(s.type, BilouPosition::kUnit);
      continue;
    }
    (*labels)[s.begin] = bilou_label(s.type, BilouPosition::kBegin);
    for (uint32_t i = s.begin + 1; i + 1 < s.end; ++i) (*labels)[i] = bilou_label(s.type, BilouPosition::kInside);
    (*labels)[s.end - 1] = bilou_label(s.type, BilouPosition::kLast);
  }
}

std::vector<EntitySpan> entity_spans(std::span<const Word> words) {
  std::vector<int> labels(words.size(), 0);
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view tag = words[i].ner;
    if (tag.size() < 3 || tag[1] != '-') continue;
    const char letter = position_letter(tag[0]);
    EntityType type;
    if (letter == 0 || !parse_entity_type(tag.substr(2), &type)) continue;
    const BilouPosition pos = letter == 'B' ? BilouPosition::kBegin
                              : letter == 'I' ? BilouPosition::kInside
                              : letter == 'L' ? BilouPosition::kLast
                                              : BilouPosition::kUnit;
    labels[i] = bilou_label(type, pos);
  }
  return spans_from_labels(labels);
}

void set_entity_tags(Document* doc, const Sentence& sentence, std::span<const EntitySpan> spans) {
  std::vector<int> labels;
  labels_from_spans(sentence.size(), spans, &labels);
  std::span<Word> words = doc->words_of(sentence);
  for (size_t i = 0; i < words.size(); ++i) words[i].ner = bilou_label_name(labels[i]);
}

bool is_name_particle(std::string_view form) {
  for (std::string_view p : {"bin", "ibn", "bint", "al",  "el",    "ad", "as", "ash", "az",  "an",  "ar", "abu", "van",
                             "von", "de",  "da",   "del", "della", "di", "du", "der", "ter", "ten", "le", "la"}) {
    if (form == p) return true;
  }
  return false;
}

}  // namespace kg::nlp
