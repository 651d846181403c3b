#include "ingest/nlp/lemmatizer.h"

#include <algorithm>
#include <cstring>
#include <span>

#include "ingest/nlp/memo_owner.h"
#include "ingest/nlp/model_io.h"
#include "ingest/nlp/ner_gazetteer.h"
#include "ingest/nlp/text_chars.h"

namespace kg::nlp {

namespace {

constexpr char kSeparator = '\x1f';
constexpr size_t kKeyCapacity = 128;

// Builds "<a>\x1f<b>" in buf; empty when it does not fit.
std::string_view make_key(std::string_view a, std::string_view b, char* buf) {
  if (a.size() + b.size() + 1 > kKeyCapacity) return {};
  std::copy(a.begin(), a.end(), buf);
  buf[a.size()] = kSeparator;
  std::copy(b.begin(), b.end(), buf + a.size() + 1);
  return std::string_view(buf, a.size() + b.size() + 1);
}

std::string_view find(const StringMap<uint32_t>& map, std::string_view key, const std::vector<std::string>& strings) {
  if (key.empty()) return {};
  const auto it = map.find(key);
  return it == map.end() ? std::string_view() : std::string_view(strings[it->second]);
}

// The lemmas of recently seen (form, UPOS, XPOS) triples, one table per
// thread. News repeats its words, so most words are found here and skip the
// four to six hash lookups lemma() makes. An entry is used only when form,
// UPOS and XPOS all match and it was filled by the same lemmatizer data
// (`owner`, see memo_owner.h), so the answer is exactly lemma()'s.
class LemmaMemo {
 public:
  static constexpr size_t kMaxBytes = 22;  // longer forms and lemmas are not kept

  // Sets *lemma to the remembered lemma of the triple (valid until the next
  // remember()) and returns true, or returns false.
  bool find(uint64_t owner, std::string_view form, UPos upos, std::string_view xpos, std::string_view* lemma) const {
    const Entry& e = entries_[slot(form, upos, xpos)];
    if (e.owner != owner || e.upos != upos || e.form_len != form.size() || e.xpos_len != xpos.size() ||
        std::memcmp(e.form, form.data(), form.size()) != 0 || std::memcmp(e.xpos, xpos.data(), xpos.size()) != 0) {
      return false;
    }
    *lemma = std::string_view(e.lemma, e.lemma_len);
    return true;
  }

  void remember(uint64_t owner, std::string_view form, UPos upos, std::string_view xpos, std::string_view lemma) {
    if (form.size() > kMaxBytes || lemma.size() > kMaxBytes || xpos.size() > sizeof(Entry::xpos)) return;
    Entry& e = entries_[slot(form, upos, xpos)];
    e.owner = owner;
    e.upos = upos;
    e.form_len = static_cast<uint8_t>(form.size());
    e.lemma_len = static_cast<uint8_t>(lemma.size());
    e.xpos_len = static_cast<uint8_t>(xpos.size());
    std::memcpy(e.form, form.data(), form.size());
    std::memcpy(e.lemma, lemma.data(), lemma.size());
    std::memcpy(e.xpos, xpos.data(), xpos.size());
  }

 private:
  static constexpr size_t kSlots = 4096;  // 256 KB: fits the L2 cache
  struct Entry {
    uint64_t owner = 0;  // 0: empty
    UPos upos{};
    uint8_t form_len = 0, lemma_len = 0, xpos_len = 0;
    char xpos[8];
    char form[kMaxBytes];
    char lemma[kMaxBytes];
  };
  static size_t slot(std::string_view form, UPos upos, std::string_view xpos) {
    const uint64_t h = hash_bytes(form) ^ (hash_bytes(xpos) * 31) ^ static_cast<uint64_t>(upos);
    return (h ^ (h >> 29)) & (kSlots - 1);
  }
  Entry entries_[kSlots];
};

void put_map(ModelWriter& out, const StringMap<uint32_t>& map) {
  std::vector<std::pair<std::string, uint32_t>> items(map.begin(), map.end());
  std::sort(items.begin(), items.end());
  out.put<uint64_t>(items.size());
  for (const auto& [k, v] : items) {
    out.put_string(k);
    out.put<uint32_t>(v);
  }
}

bool get_map(ModelReader& in, StringMap<uint32_t>* map) {
  uint64_t n = 0;
  if (!in.get_count(&n, sizeof(uint32_t) + sizeof(uint32_t))) return false;  // key length, value
  map->reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    std::string k;
    uint32_t v = 0;
    if (!in.get_string(&k) || !in.get(&v)) return false;
    map->emplace(std::move(k), v);
  }
  return true;
}

// An unseen proper noun written in capitals: EWT spells the lemma of a
// name in title case ("TEHRAN" -> "Tehran") but keeps acronyms, which are
// short ("NATO", "FBI"); in the training data most all-capital NNP types
// of five or more letters are names.
constexpr size_t kMinCapitalizedName = 5;
// An unseen lowercase proper noun this short is a code or a particle
// ("dp", "al"), kept as written; longer ones are names and get a capital.
constexpr size_t kMaxLowercaseCode = 2;

// `lower` (lowercase ASCII letters first) with a capital first letter,
// written into buf, which holds at least lower.size() bytes.
std::string_view title_case_into(std::string_view lower, char* buf) {
  std::copy(lower.begin(), lower.end(), buf);
  buf[0] = ascii_upper(buf[0]);
  return std::string_view(buf, lower.size());
}

// Whether an adjective names a nation, people or faith ("German",
// "Scottish", "Jewish"), which EWT spells with a capital as a lemma even
// where the text does not ("german"). The gazetteer's demonyms also hold
// party words, which as adjectives are common ones ("a liberal view").
// `lower` is the word in lowercase.
bool is_nationality_adjective(std::string_view lower) {
  if ((Gazetteer::builtin().word_classes(lower) & kGazDemonym) == 0) return false;
  for (std::string_view party : {"western", "republican", "democratic", "democrat", "conservative", "liberal",
                                 "labour", "tory"}) {
    if (lower == party) return false;
  }
  return true;
}

// A number written with a decimal comma ("7,5", "3,40"): the digits after
// its only comma are not a group of three, so it is no thousands separator.
bool has_decimal_comma(std::string_view form) {
  const size_t comma = form.find(',');
  if (comma == std::string_view::npos || comma == 0 || form.find(',', comma + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view after = form.substr(comma + 1);
  return !after.empty() && after.size() != 3 && std::all_of(form.begin(), form.begin() + comma, is_ascii_digit) &&
         std::all_of(after.begin(), after.end(), is_ascii_digit);
}

}  // namespace

bool is_proper(UPos upos, std::string_view xpos) {
  return upos == UPos::PROPN || xpos == "NNP" || xpos == "NNPS";
}

bool is_contracted_has(std::string_view form, std::string_view next_form) {
  if (form != "'s" && form != "\xE2\x80\x99s") return false;
  char buf[16];
  const std::string_view next = lowercase_into(next_form, buf, sizeof(buf));
  return next == "been" || next == "got" || next == "gotten" || next == "had";
}

char wordnet_pos(std::string_view xpos) {
  if (xpos.starts_with("VB")) return 'v';
  if (xpos == "NNS") return 'n';
  if (xpos == "JJR" || xpos == "JJS") return 'a';
  if (xpos == "RBR" || xpos == "RBS") return 'r';
  return 0;
}

std::string_view Lemmatizer::apply_rules(std::string_view lower, std::string_view xpos, std::string_view base,
                                         char* buf, size_t cap) const {
  const auto lengths = rule_lengths_.find(xpos);
  if (lengths == rule_lengths_.end()) return {};
  char key_buf[kKeyCapacity];
  for (size_t n = std::min(kMaxRuleSuffix, lower.size() - 1); n >= 1 && lower.size() > 1; --n) {
    if ((lengths->second & (1u << n)) == 0) continue;
    const auto it = data_.rules.find(make_key(xpos, lower.substr(lower.size() - n), key_buf));
    if (it == data_.rules.end()) continue;
    const size_t strip = it->second >> 24;
    const std::string_view append = data_.strings[it->second & 0xFFFFFF];
    if (strip >= base.size() || base.size() - strip + append.size() > cap) return {};
    if (strip == 0 && append.empty()) return {};
    std::copy(base.begin(), base.end() - strip, buf);
    std::copy(append.begin(), append.end(), buf + base.size() - strip);
    return std::string_view(buf, base.size() - strip + append.size());
  }
  return {};
}

void Lemmatizer::index_rules() {
  memo_owner_ = new_memo_owner();
  rule_lengths_.clear();
  for (const auto& [key, value] : data_.rules) {
    const size_t sep = key.find(kSeparator);
    if (sep == std::string::npos) continue;
    const size_t n = key.size() - sep - 1;
    if (n > kMaxRuleSuffix) continue;  // never looked up
    rule_lengths_[key.substr(0, sep)] |= static_cast<uint8_t>(1u << n);
  }
}

bool Lemmatizer::is_wordnet_verb(std::string_view word) const {
  char key_buf[kKeyCapacity];
  return data_.wordnet.contains(make_key(word, "V", key_buf));
}

std::string_view Lemmatizer::wordnet_verb_of(std::string_view lower, std::string_view xpos, char* buf,
                                             size_t cap) const {
  // WordNet's detachment rules for verbs (Morphy), by inflection; the
  // doubled-consonant case (stopped -> stop) is tried last.
  struct Detachment {
    std::string_view suffix, replacement;
  };
  static constexpr Detachment kThirdPerson[] = {{"ies", "y"}, {"es", "e"}, {"es", ""}, {"s", ""}};
  static constexpr Detachment kPast[] = {{"ed", "e"}, {"ed", ""}, {"ied", "y"}};
  static constexpr Detachment kGerund[] = {{"ing", "e"}, {"ing", ""}, {"ying", "ie"}};
  std::span<const Detachment> rules;
  if (xpos == "VBZ") rules = kThirdPerson;
  else if (xpos == "VBD" || xpos == "VBN") rules = kPast;
  else if (xpos == "VBG") rules = kGerund;
  else return {};
  for (const Detachment& d : rules) {
    if (!lower.ends_with(d.suffix) || lower.size() <= d.suffix.size() + 1) continue;
    const size_t stem = lower.size() - d.suffix.size();
    if (stem + d.replacement.size() > cap) continue;
    std::copy(lower.begin(), lower.begin() + stem, buf);
    std::copy(d.replacement.begin(), d.replacement.end(), buf + stem);
    const std::string_view candidate(buf, stem + d.replacement.size());
    if (is_wordnet_verb(candidate)) return candidate;
    // stopped -> stopp -> stop
    if (d.replacement.empty() && stem >= 3 && lower[stem - 1] == lower[stem - 2] &&
        is_wordnet_verb(candidate.substr(0, stem - 1))) {
      return candidate.substr(0, stem - 1);
    }
  }
  return {};
}

std::string_view Lemmatizer::fallback(std::string_view form, UPos upos, std::string_view xpos, char* buf,
                                      size_t cap) const {
  char lower_buf[kKeyCapacity];
  char key_buf[kKeyCapacity];
  const std::string_view lower = lowercase_into(form, lower_buf, sizeof(lower_buf));
  if (lower.empty()) return form;
  // Addresses (e-mail, web) are their own lemma, case and all.
  if (xpos == "ADD") return form;
  // Numbers, dates and codes are their own lemma ("01-Feb-02", "4.25"),
  // except that EWT drops thousands separators (1,400 -> 1400).
  if (std::any_of(form.begin(), form.end(), is_ascii_digit)) {
    if (xpos != "CD" || form.find(',') == std::string_view::npos || form.size() > cap) return form;
    const bool decimal = has_decimal_comma(form);
    size_t n = 0;
    for (char c : form) {
      if (c != ',') buf[n++] = c;
      else if (decimal) buf[n++] = '.';
    }
    return std::string_view(buf, n);
  }
  if (const char pos = wordnet_pos(xpos); pos != 0) {
    const std::string_view hit = find(data_.wordnet, make_key(lower, std::string_view(&pos, 1), key_buf), data_.strings);
    if (!hit.empty()) return hit;
  }
  if (xpos == "JJ" && lower.size() <= cap && is_nationality_adjective(lower)) {
    return title_case_into(lower, buf);
  }
  const bool proper = is_proper(upos, xpos);
  const std::string_view base = proper ? form : lower;
  if (xpos == "NNP" && std::all_of(form.begin(), form.end(), is_ascii_alpha)) {
    if (form.size() >= kMinCapitalizedName && std::all_of(form.begin(), form.end(), is_ascii_upper) &&
        form.size() <= cap) {
      return title_case_into(lower, buf);
    }
    if (form.size() <= kMaxLowercaseCode && lower == form) return form;
  }
  if (xpos.starts_with("VB") && xpos != "VB" && xpos != "VBP" && !proper) {
    const std::string_view ruled = apply_rules(lower, xpos, lower, buf, cap);
    if (!ruled.empty() && is_wordnet_verb(ruled)) return ruled;
    if (const std::string_view v = wordnet_verb_of(lower, xpos, buf, cap); !v.empty()) return v;
    // A prefixed verb WordNet lists without its prefix ("re-focused",
    // "co-created"): the verb after the last hyphen, prefix kept.
    if (const size_t hyphen = lower.rfind('-'); hyphen != std::string_view::npos && hyphen > 0) {
      char tail_buf[kKeyCapacity];
      const std::string_view tail = lower.substr(hyphen + 1);
      std::string_view verb = apply_rules(tail, xpos, tail, tail_buf, sizeof(tail_buf));
      if (verb.empty() || !is_wordnet_verb(verb)) verb = wordnet_verb_of(tail, xpos, tail_buf, sizeof(tail_buf));
      if (!verb.empty() && hyphen + 1 + verb.size() <= cap) {
        std::copy(lower.begin(), lower.begin() + static_cast<std::ptrdiff_t>(hyphen) + 1, buf);
        std::copy(verb.begin(), verb.end(), buf + hyphen + 1);
        return std::string_view(buf, hyphen + 1 + verb.size());
      }
    }
    // Else the rule's result after all, rewritten below (the attempts above
    // overwrote buf; `base` is `lower` here).
  }
  if (const std::string_view ruled = apply_rules(lower, xpos, base, buf, cap); !ruled.empty()) return ruled;
  // A proper noun written in lowercase ("chicago") gets its capital back;
  // not a code or handle ("ipod2", "paulhastings.com").
  if (proper && lower == form && std::all_of(form.begin(), form.end(), is_ascii_lower) && form.size() <= cap) {
    return title_case_into(form, buf);
  }
  if (proper || lower == form) return form;
  if (lower.size() > cap) return form;
  std::copy(lower.begin(), lower.end(), buf);
  return std::string_view(buf, lower.size());
}

std::string_view Lemmatizer::lemma(std::string_view form, UPos upos, std::string_view xpos, char* buf,
                                   size_t cap) const {
  char key_buf[kKeyCapacity];
  std::string_view hit = find(data_.exact, make_key(form, xpos, key_buf), data_.strings);
  if (!hit.empty()) return hit;
  char lower_buf[kKeyCapacity];
  const std::string_view lower = lowercase_into(form, lower_buf, sizeof(lower_buf));
  // A proper noun keeps its case, so the lowercased lookup (meant for
  // capitalized common words: "The" -> "the") does not apply to it.
  if (!lower.empty() && lower != form && !is_proper(upos, xpos)) {
    hit = find(data_.lower, make_key(lower, xpos, key_buf), data_.strings);
    if (!hit.empty()) return hit;
  }
  return fallback(form, upos, xpos, buf, cap);
}

void Lemmatizer::lemmatize(Document* doc) const {
  thread_local LemmaMemo memo;
  char buf[kKeyCapacity];
  for (size_t i = 0; i < doc->words.size(); ++i) {
    Word& w = doc->words[i];
    std::string_view l;
    if (!memo.find(memo_owner_, w.form, w.upos, w.xpos, &l)) {
      l = lemma(w.form, w.upos, w.xpos, buf, sizeof(buf));
      memo.remember(memo_owner_, w.form, w.upos, w.xpos, l);
    }
    if (l == "be" && w.xpos == "VBZ" && i + 1 < doc->words.size() && is_contracted_has(w.form, doc->words[i + 1].form)) {
      l = "have";
    }
    w.lemma = l == w.form ? w.form : doc->intern(l);
  }
}

void Lemmatizer::save(ModelWriter& out) const {
  out.put_strings(data_.strings);
  put_map(out, data_.exact);
  put_map(out, data_.lower);
  put_map(out, data_.wordnet);
  put_map(out, data_.rules);
}

bool Lemmatizer::load(ModelReader& in) {
  LemmatizerData d;
  if (!in.get_strings(&d.strings) || !get_map(in, &d.exact) || !get_map(in, &d.lower) || !get_map(in, &d.wordnet) ||
      !get_map(in, &d.rules)) {
    return false;
  }
  for (const auto* m : {&d.exact, &d.lower, &d.wordnet}) {
    for (const auto& [k, v] : *m) {
      if (v >= d.strings.size()) return false;
    }
  }
  for (const auto& [k, v] : d.rules) {
    if ((v & 0xFFFFFF) >= d.strings.size()) return false;
  }
  data_ = std::move(d);
  index_rules();
  return true;
}

}  // namespace kg::nlp
