#include "ingest/nlp/document.h"

#include <array>

#include "base/utf8.h"

namespace kg::nlp {

namespace {
constexpr std::array<std::string_view, kUPosCount> kUPosNames = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
};
}  // namespace

std::string_view upos_name(UPos upos) { return kUPosNames[static_cast<size_t>(upos)]; }

std::string lowercase_lemma(const Word& w) { return utf8::ascii_lowercase(w.lemma.empty() ? w.form : w.lemma); }

std::string spaced_forms(std::span<const Word> words, uint32_t begin, uint32_t end) {
  std::string out;
  for (uint32_t i = begin; i < end; ++i) {
    if (i > begin && words[i - 1].end != words[i].begin) out += ' ';
    out += words[i].form;
  }
  return out;
}

bool plural_verb(std::span<const Word> words, uint32_t verb) {
  const auto plural = [](const Word& w) { return w.xpos == "VBP" || w.form == "were"; };
  if (verb >= words.size()) return false;
  if (plural(words[verb])) return true;
  for (const Word& w : words) {
    if (w.head == static_cast<int32_t>(verb) && (w.deprel.starts_with("aux") || w.deprel == "cop") && plural(w)) {
      return true;
    }
  }
  return false;
}

int32_t apposed_word(std::span<const Word> words, uint32_t head, bool named) {
  for (uint32_t i = head + 1; i < words.size() && i <= head + 3; ++i) {
    if (words[i].head == static_cast<int32_t>(head) && (words[i].deprel == "appos" || words[i].deprel == "flat") &&
        (!named || words[i].ner.size() > 2)) {
      // ("a stake in AOL Europe" parsed as an apposition: its preposition says otherwise.)
      for (uint32_t k = head + 1; k < i; ++k) {
        if (words[k].upos == UPos::ADP && words[k].head > static_cast<int32_t>(head) &&
            words[k].head <= static_cast<int32_t>(i)) {
          return -1;
        }
      }
      return static_cast<int32_t>(i);
    }
  }
  return -1;
}

uint32_t hyphenated_begin(std::span<const Word> words, uint32_t last) {
  if (last < 2 || last >= words.size() || words[last - 1].form != "-" || words[last - 2].end != words[last - 1].begin ||
      words[last - 1].end != words[last].begin) {
    return last;
  }
  return last - 2;
}

bool score_begins(std::span<const Word> words, uint32_t first) {
  return first + 2 < words.size() && words[first].upos == UPos::NUM && words[first + 2].upos == UPos::NUM &&
         hyphenated_begin(words, first + 2) == first;
}

int32_t named_word_apposed_to(std::span<const Word> words, uint32_t noun) {
  if (noun >= words.size() || words[noun].upos != UPos::NOUN || words[noun].deprel != "appos" || words[noun].head < 0 ||
      static_cast<uint32_t>(words[noun].head) >= noun) {
    return -1;
  }
  const int32_t name = words[noun].head;
  return words[static_cast<uint32_t>(name)].ner.size() > 2 ? name : -1;
}

bool parse_upos(std::string_view name, UPos* out) {
  for (size_t i = 0; i < kUPosNames.size(); ++i) {
    if (kUPosNames[i] == name) {
      *out = static_cast<UPos>(i);
      return true;
    }
  }
  return false;
}

DependencyTree::DependencyTree(std::span<const Word> words) : start_(words.size() + 1, 0) {
  const uint32_t n = static_cast<uint32_t>(words.size());
  for (uint32_t i = 0; i < n; ++i) {
    if (words[i].head < 0) {
      if (root_ < 0) root_ = static_cast<int32_t>(i);
    } else if (static_cast<uint32_t>(words[i].head) < n) {
      ++start_[words[i].head + 1];
    }
  }
  for (uint32_t i = 0; i < n; ++i) start_[i + 1] += start_[i];
  children_.resize(start_[n]);
  std::vector<uint32_t> fill(start_.begin(), start_.end() - 1);
  for (uint32_t i = 0; i < n; ++i) {
    const int32_t h = words[i].head;
    if (h >= 0 && static_cast<uint32_t>(h) < n) children_[fill[h]++] = i;
  }
}

}  // namespace kg::nlp
