#include "ingest/extract/sentence_tree.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace kg::extract {

namespace {

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_punct(const nlp::Word& w) {
  if (w.upos == nlp::UPos::PUNCT) return true;
  for (char c : w.form) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return !w.form.empty() && w.form != "%" && w.form != "$";
}

bool is_closing(std::string_view f) { return f == ")" || f == "]" || f == "}" || f == "''" || f == "\"" || f == "'"; }
bool is_opening(std::string_view f) { return f == "(" || f == "[" || f == "{" || f == "``" || f == "\"" || f == "`"; }

}  // namespace

Dep dep_of_label(std::string_view label) {
  static constexpr std::pair<std::string_view, Dep> kLabels[] = {
      {"root", Dep::kRoot},   {"nsubj", Dep::kNsubj},   {"csubj", Dep::kCsubj},         {"expl", Dep::kExpl},
      {"obj", Dep::kObj},     {"iobj", Dep::kIobj},     {"obl", Dep::kObl},             {"nmod", Dep::kNmod},
      {"appos", Dep::kAppos}, {"acl", Dep::kAcl},       {"amod", Dep::kAmod},           {"nummod", Dep::kNummod},
      {"det", Dep::kDet},     {"case", Dep::kCase},     {"mark", Dep::kMark},           {"aux", Dep::kAux},
      {"cop", Dep::kCop},     {"advmod", Dep::kAdvmod}, {"advcl", Dep::kAdvcl},         {"ccomp", Dep::kCcomp},
      {"xcomp", Dep::kXcomp}, {"conj", Dep::kConj},     {"cc", Dep::kCc},               {"parataxis", Dep::kParataxis},
      {"compound", Dep::kCompound}, {"flat", Dep::kFlat}, {"fixed", Dep::kFixed},       {"punct", Dep::kPunct},
  };
  for (const auto& [name, dep] : kLabels) {
    if (name == label) return dep;
  }
  return Dep::kOther;
}

SentenceTree::SentenceTree(std::span<const nlp::Word> words, uint32_t first_word)
    : words_(words), tree_(words), first_word_(first_word) {
  lemmas_.reserve(words.size());
  for (const nlp::Word& w : words) lemmas_.push_back(lowered(w.lemma.empty() ? w.form : w.lemma));
  deps_.reserve(words.size());
  for (uint32_t i = 0; i < words.size(); ++i) deps_.push_back(dep_of_label(base_rel(i)));
}

std::string_view SentenceTree::base_rel(uint32_t i) const {
  const std::string_view r = words_[i].deprel;
  const size_t colon = r.find(':');
  return colon == std::string_view::npos ? r : r.substr(0, colon);
}

std::string SentenceTree::lower_form(uint32_t i) const { return lowered(words_[i].form); }

int32_t SentenceTree::child(uint32_t i, std::string_view rel, bool match_base) const {
  for (uint32_t c : children(i)) {
    if (this->rel(c) == rel || (match_base && base_rel(c) == rel)) return static_cast<int32_t>(c);
  }
  return -1;
}

std::vector<uint32_t> SentenceTree::children_with(uint32_t i, std::string_view base) const {
  std::vector<uint32_t> out;
  for (uint32_t c : children(i)) {
    if (base_rel(c) == base) out.push_back(c);
  }
  return out;
}

bool SentenceTree::has_feature(uint32_t i, std::string_view feature) const {
  const std::string_view feats = words_[i].feats;
  size_t start = 0;
  while (start < feats.size()) {
    size_t bar = feats.find('|', start);
    if (bar == std::string_view::npos) bar = feats.size();
    if (feats.substr(start, bar - start) == feature) return true;
    start = bar + 1;
  }
  return false;
}

bool SentenceTree::is_pronoun(uint32_t i) const { return words_[i].upos == nlp::UPos::PRON; }

bool SentenceTree::is_relative_pronoun(uint32_t i) const {
  if (has_feature(i, "PronType=Rel")) return true;
  const std::string_view x = words_[i].xpos;
  const std::string& l = lemmas_[i];
  if (x == "WDT" || x == "WP" || x == "WP$") return l == "which" || l == "who" || l == "whom" || l == "that" || l == "whose";
  // A "that" heading a core argument of a relative clause is the relative pronoun.
  return l == "that" && (base_rel(i) == "nsubj" || base_rel(i) == "obj") && head(i) >= 0 &&
         rel(static_cast<uint32_t>(head(i))) == "acl:relcl";
}

bool SentenceTree::is_nominal(uint32_t i) const {
  switch (words_[i].upos) {
    case nlp::UPos::NOUN:
    case nlp::UPos::PROPN:
    case nlp::UPos::PRON:
    case nlp::UPos::NUM:
    case nlp::UPos::SYM:
      return true;
    case nlp::UPos::ADJ:  // nominalised with a determiner: "the 25-year-old", "the injured"
      return child(i, "det") >= 0;
    default:
      return false;
  }
}

std::vector<uint32_t> SentenceTree::tidy(std::vector<uint32_t> words) const {
  std::sort(words.begin(), words.end());
  // Trim punctuation at the edges, keeping a bracket or quote whose partner is inside.
  auto partner_inside = [&](size_t at, bool opening) {
    for (size_t k = 0; k < words.size(); ++k) {
      if (k == at) continue;
      const std::string_view f = words_[words[k]].form;
      if (opening ? is_closing(f) : is_opening(f)) return true;
    }
    return false;
  };
  size_t b = 0, e = words.size();
  while (b < e && is_punct(words_[words[b]]) && !(is_opening(words_[words[b]].form) && partner_inside(b, true))) ++b;
  while (e > b && is_punct(words_[words[e - 1]]) && !(is_closing(words_[words[e - 1]].form) && partner_inside(e - 1, false))) --e;
  std::vector<uint32_t> out;
  out.reserve(e - b);
  for (size_t k = b; k < e; ++k) {
    // Two commas in a row are what is left of a cut parenthetical.
    if (!out.empty() && words_[words[k]].form == "," && words_[out.back()].form == ",") continue;
    out.push_back(words[k]);
  }
  return out;
}

std::string SentenceTree::text(std::span<const uint32_t> words) const {
  std::string out;
  for (size_t k = 0; k < words.size(); ++k) {
    const uint32_t w = words[k];
    const bool touches = k > 0 && words[k - 1] + 1 == w && words_[w - 1].end == words_[w].begin;
    if (k > 0 && !touches) out += ' ';
    out += words_[w].form;
  }
  return out;
}

}  // namespace kg::extract
