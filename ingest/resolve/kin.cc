// Kinship read off a sentence's words: the relative, the possessor whose
// relative they are, and the kinship noun between them.
#include <cctype>

#include "base/one_of.h"
#include "base/utf8.h"
#include "ingest/resolve/resolve.h"

namespace kg::resolve {

std::vector<KinMention> kin_mentions(std::span<const nlp::Word> words) {
  std::vector<KinMention> out;
  const uint32_t n = static_cast<uint32_t>(words.size());
  for (uint32_t k = 1; k + 1 < n; ++k) {
    const std::string noun = utf8::ascii_lowercase(words[k].form);
    if (words[k].upos != nlp::UPos::NOUN || !one_of(noun, {"wife", "husband", "widow", "widower", "son", "daughter",
                                                           "father", "mother", "brother", "sister"})) {
      continue;
    }
    uint32_t relative = k + 1;
    if (words[relative].form == "," && relative + 1 < n) ++relative;
    // (A name the recognizer missed will do: "his son Tomas".)
    const bool untagged_name = words[relative].ner.empty() && words[relative].upos == nlp::UPos::PROPN &&
                               nlp::is_ascii_upper(words[relative].form[0]);
    if (!words[relative].ner.starts_with("B-PERSON") && !words[relative].ner.starts_with("U-PERSON") &&
        !untagged_name) {
      continue;
    }
    // Back over the noun's modifiers ("ex-model", "late", "younger") to the possessor.
    uint32_t m = k;
    bool former = false;
    while (m > 0 && k - m < 3 && nlp::is_ascii_lower(words[m - 1].form[0]) &&
           (words[m - 1].upos == nlp::UPos::ADJ || words[m - 1].upos == nlp::UPos::NOUN)) {
      const std::string modifier = utf8::ascii_lowercase(words[m - 1].form);
      former = former || modifier == "former" || modifier == "ex";
      --m;
    }
    if (m == 0) continue;
    const std::string before = utf8::ascii_lowercase(words[m - 1].form);
    uint32_t possessor = 0;
    if (before == "his" || before == "her") {
      // "Valery Giscard d'Estaing and his wife": the person the kin are
      // joined to is the possessor, whatever else "his" might stand for.
      // (Also past an apposition: "Dan Ashcroft, a columnist, and his sister".)
      int32_t h = words[k].deprel == "conj" ? words[k].head : -1;
      if (h >= 0 && words[static_cast<uint32_t>(h)].deprel == "appos" &&
          nlp::tag_type(words[static_cast<uint32_t>(h)]) != "PERSON") {
        h = words[static_cast<uint32_t>(h)].head;
      }
      const bool joined =
          h >= 0 && h < static_cast<int32_t>(k) && nlp::tag_type(words[static_cast<uint32_t>(h)]) == "PERSON";
      possessor = joined ? static_cast<uint32_t>(h) : m - 1;
      // (Or by the words alone, "NAME[, description,] and his ...", where the
      // parse lost the coordination.)
      if (!joined && m >= 3 && utf8::ascii_lowercase(words[m - 2].form) == "and") {
        for (uint32_t j = m - 2; j-- > 0 && m - 2 - j <= 8 && words[j].upos != nlp::UPos::VERB;) {
          if (nlp::tag_type(words[j]) == "PERSON") {
            possessor = j;
            break;
          }
        }
      }
    } else if ((before == "'s" || before == "'") && m >= 2 && words[m - 2].ner.size() > 2 &&
               nlp::tag_type(words[m - 2]) == "PERSON") {
      possessor = m - 2;
    } else {
      continue;
    }
    out.push_back({relative, possessor, (former ? "former " : "") + noun + " of"});
  }
  return out;
}

Gender surname_bearer_gender(const KinMention& kin) {
  if (one_of(kin.relation, {"wife of", "widow of", "daughter of"})) return Gender::kFemale;
  return kin.relation == "son of" ? Gender::kMale : Gender::kUnknown;
}

}  // namespace kg::resolve
