#include "ingest/match_results.h"

#include <string>

#include "base/one_of.h"
#include "base/utf8.h"
#include "ingest/object_names.h"

namespace kg::ingest {

std::vector<MatchResult> match_results(std::span<const nlp::Word> words) {
  std::vector<MatchResult> out;
  const uint32_t n = static_cast<uint32_t>(words.size());
  for (uint32_t noun = 0; noun < n; ++noun) {
    if (words[noun].upos != nlp::UPos::NOUN) continue;
    const std::string lemma = utf8::ascii_lowercase(words[noun].lemma);
    const bool win = one_of(lemma, {"win", "victory", "triumph"});
    const bool defeat = one_of(lemma, {"defeat", "loss"});
    if (!win && !defeat) continue;
    int32_t side = -1, opponent = -1;
    for (uint32_t k = 0; k < n; ++k) {
      if (words[k].head != static_cast<int32_t>(noun)) continue;
      if (words[k].deprel == "nmod:poss" && k < noun && words[k].upos == nlp::UPos::PROPN) side = static_cast<int32_t>(k);
      if (words[k].deprel == "nmod" && k > noun && words[k].upos == nlp::UPos::PROPN && opponent < 0) {
        const std::string p = preposition_of(words, k);
        if (win ? one_of(p, {"over", "against"}) : one_of(p, {"to", "by", "against"})) opponent = static_cast<int32_t>(k);
      }
    }
    if (side < 0 || opponent < 0) continue;
    out.push_back({static_cast<uint32_t>(side), static_cast<uint32_t>(opponent), noun, win ? "win over" : "lose to"});
  }
  return out;
}

}  // namespace kg::ingest
