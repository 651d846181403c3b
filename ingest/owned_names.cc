#include "ingest/owned_names.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "base/lexicon.h"
#include "base/utf8.h"

namespace kg::ingest {
namespace {

// Nouns an owner calls a company, a part of one, or a person's firm by.
constexpr std::array<std::string_view, 17> kOwnershipNouns = {
    "business", "unit",  "division",  "subsidiary", "arm",    "company", "firm",      "label",   "brand",
    "chain",    "group", "operation", "venture",    "studio", "channel", "newspaper", "magazine"};

bool lower(std::string_view f) { return !f.empty() && std::islower(static_cast<unsigned char>(f[0])); }

// Whether a word, with its lemma `lemma`, is a noun of ownership.
bool ownership_noun(const nlp::Word& w, std::string_view lemma) {
  return w.upos == nlp::UPos::NOUN &&
         std::find(kOwnershipNouns.begin(), kOwnershipNouns.end(), lemma) != kOwnershipNouns.end();
}

bool possessive_pronoun(std::string_view form) {
  const std::string f = utf8::ascii_lowercase(form);
  return f == "its" || f == "his" || f == "her" || f == "their";
}

// The owner's noun phrase starting at `k` (just after the possessor): up to
// three lower-case words, the last a noun of ownership. Returns its last
// word, with the noun and whether it names a manager.
struct OwnerNoun {
  uint32_t last = 0;
  std::string noun;
  bool managed = false;
};
std::optional<OwnerNoun> owner_noun(std::span<const nlp::Word> words, uint32_t k) {
  const uint32_t n = static_cast<uint32_t>(words.size());
  bool management = false;
  for (uint32_t r = k; r < n && r < k + 3; ++r) {
    if (!lower(words[r].form) || words[r].upos == nlp::UPos::PUNCT || words[r].ner.size() > 2) return std::nullopt;
    const std::string lemma = nlp::lowercase_lemma(words[r]);
    management = management || lemma == "management";
    if (ownership_noun(words[r], lemma) &&
        (r + 1 >= n || !lower(words[r + 1].form) || words[r + 1].upos == nlp::UPos::PUNCT)) {
      return OwnerNoun{r, lemma, management};
    }
  }
  return std::nullopt;
}

// The noun of ownership that a name at `k - 1` modifies, with up to one
// lower-case word between ("Yugansk unit", "MSN internet division"), ending
// its noun phrase (no noun after it: "its Sony business model" is a model).
std::optional<OwnerNoun> noun_after_name(std::span<const nlp::Word> words, uint32_t k) {
  for (uint32_t r = k; r < words.size() && r < k + 2; ++r) {
    if (!lower(words[r].form) || words[r].ner.size() > 2) return std::nullopt;
    const std::string lemma = nlp::lowercase_lemma(words[r]);
    if (ownership_noun(words[r], lemma) && (r + 1 >= words.size() || words[r + 1].upos != nlp::UPos::NOUN)) {
      return OwnerNoun{r, lemma, false};
    }
    if (words[r].upos != nlp::UPos::NOUN && words[r].upos != nlp::UPos::ADJ) return std::nullopt;
  }
  return std::nullopt;
}

// The last word of the whole name that begins at `w`, or -1.
int32_t whole_name(std::span<const nlp::Word> words, uint32_t w) {
  if (w >= words.size() || !nlp::begins_name(words[w])) return -1;
  uint32_t last = w;
  while (!nlp::ends_name(words[last]) && last + 1 < words.size() &&
         nlp::tag_type(words[last + 1]) == nlp::tag_type(words[w]))
    ++last;
  return nlp::ends_name(words[last]) ? static_cast<int32_t>(last) : -1;
}

// Whether the phrase closes at `k`.
bool closes(std::span<const nlp::Word> words, uint32_t k) {
  if (k >= words.size()) return true;
  const std::string f = utf8::ascii_lowercase(words[k].form);
  return f == "," || f == "." || f == "which" || f == "who";
}

// The possessor ending just before `k`: a possessive pronoun, or a name's
// last word followed by "'s". Returns the possessor word and the first word
// after it.
std::optional<std::pair<uint32_t, uint32_t>> possessor_at(std::span<const nlp::Word> words, uint32_t k) {
  if (k < words.size() && possessive_pronoun(words[k].form)) return std::make_pair(k, k + 1);
  if (k + 1 < words.size() && nlp::ends_name(words[k]) && (words[k + 1].form == "'s" || words[k + 1].form == "'")) {
    return std::make_pair(k, k + 2);
  }
  return std::nullopt;
}

}  // namespace

std::vector<OwnedName> owned_names(std::span<const nlp::Word> words) {
  std::vector<OwnedName> out;
  const uint32_t n = static_cast<uint32_t>(words.size());
  for (uint32_t k = 0; k < n; ++k) {
    // The owner's noun first: "its own internet business, AOL".
    if (possessive_pronoun(words[k].form) && (k == 0 || words[k - 1].form != "of")) {
      const std::optional<OwnerNoun> noun = owner_noun(words, k + 1);
      const int32_t name =
          noun && noun->last + 2 < n && words[noun->last + 1].form == "," ? whole_name(words, noun->last + 2) : -1;
      if (name >= 0 && closes(words, static_cast<uint32_t>(name) + 1)) {
        out.push_back({k, static_cast<uint32_t>(name), noun->noun, noun->managed});
        continue;
      }
    }
    // The name between the owner and its noun: "its Yugansk unit", "Yukos's
    // Yuganskneftegas subsidiary", "Microsoft's MSN internet division" (not
    // a place or a people: "its US subsidiary", "its European business").
    if (const auto possessor = possessor_at(words, k); possessor && (k == 0 || words[k - 1].form != "of")) {
      const int32_t name = whole_name(words, possessor->second);
      if (name >= 0 && nlp::tag_type(words[possessor->second]) != "LOC" &&
          !lexicon::is_nationality_word(words[possessor->second].form)) {
        if (const std::optional<OwnerNoun> noun = noun_after_name(words, static_cast<uint32_t>(name) + 1)) {
          out.push_back({possessor->first, static_cast<uint32_t>(name), noun->noun, noun->managed});
          continue;
        }
      }
    }
    // The name first: "Global Sports Communications, Chepkemei's management
    // company, said". (A name after a comma with its own "'s" is the owner.)
    if (!nlp::begins_name(words[k])) continue;
    const int32_t name = whole_name(words, k);
    if (name < 0 || static_cast<uint32_t>(name) + 3 >= n || words[static_cast<uint32_t>(name) + 1].form != ",")
      continue;
    uint32_t owner_begin = static_cast<uint32_t>(name) + 2;
    int32_t owner_last = owner_begin;
    if (!possessive_pronoun(words[owner_begin].form)) {
      owner_last = whole_name(words, owner_begin);
      if (owner_last < 0) continue;
    }
    const auto possessor = possessor_at(words, static_cast<uint32_t>(owner_last));
    if (!possessor) continue;
    const std::optional<OwnerNoun> noun = owner_noun(words, possessor->second);
    if (!noun || !closes(words, noun->last + 1)) continue;
    out.push_back({possessor->first, static_cast<uint32_t>(name), noun->noun, noun->managed});
  }
  return out;
}

std::vector<OwnedName> possessed_names(std::span<const nlp::Word> words) {
  std::vector<OwnedName> out;
  const uint32_t n = static_cast<uint32_t>(words.size());
  for (uint32_t k = 1; k + 1 < n; ++k) {
    if (words[k].form != "'s" || !nlp::ends_name(words[k - 1])) continue;
    const int32_t name = whole_name(words, k + 1);
    if (name < 0) continue;
    const auto after = static_cast<uint32_t>(name) + 1;
    if (after < n &&
        (words[after].upos == nlp::UPos::NOUN || words[after].upos == nlp::UPos::PROPN || words[after].form == "'s")) {
      continue;
    }
    // ("Metallica's Madly in Anger with the World tour": a title the
    // recognizer cut at its first small word, before a capitalised word it
    // reads as no name and no day; not "the BBC's Louisa Lim in Beijing",
    // "the BBC's Westminster Hour on Sunday".)
    if (after + 1 < n && words[after].upos == nlp::UPos::ADP && words[after + 1].upos == nlp::UPos::PROPN &&
        words[after + 1].ner.empty() && !words[after + 1].form.empty() &&
        std::isupper(static_cast<unsigned char>(words[after + 1].form[0])) &&
        !lexicon::is_weekday(words[after + 1].form) && !lexicon::is_month(words[after + 1].form)) {
      continue;
    }
    out.push_back({k - 1, static_cast<uint32_t>(name), "", false});
  }
  return out;
}

}  // namespace kg::ingest
