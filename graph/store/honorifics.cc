// Honorifics and the gender they state: the one list the resolver (gender
// cues within an article) and the store (surname folding) both read.
#include <array>

#include "graph/store/store.h"

namespace kg::store {

namespace {

struct HonorificEntry {
  std::string_view word;  // lowercase, without a final '.'
  HonorificGender gender;
};

constexpr std::array<HonorificEntry, 25> kHonorifics = {{
    {"mr", HonorificGender::kMale},         {"sir", HonorificGender::kMale},
    {"lord", HonorificGender::kMale},       {"monsieur", HonorificGender::kMale},
    {"herr", HonorificGender::kMale},       {"father", HonorificGender::kMale},
    {"brother", HonorificGender::kMale},    {"king", HonorificGender::kMale},
    {"prince", HonorificGender::kMale},     {"mrs", HonorificGender::kFemale},
    {"ms", HonorificGender::kFemale},       {"miss", HonorificGender::kFemale},
    {"dame", HonorificGender::kFemale},     {"lady", HonorificGender::kFemale},
    {"madam", HonorificGender::kFemale},    {"madame", HonorificGender::kFemale},
    {"frau", HonorificGender::kFemale},     {"sister", HonorificGender::kFemale},
    {"queen", HonorificGender::kFemale},    {"princess", HonorificGender::kFemale},
    {"dr", HonorificGender::kUnknown},      {"prof", HonorificGender::kUnknown},
    {"professor", HonorificGender::kUnknown}, {"rev", HonorificGender::kUnknown},
    {"reverend", HonorificGender::kUnknown},
}};

bool equals_lowercase(std::string_view lower, std::string_view word) {
  if (lower.size() != word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

}  // namespace

std::optional<HonorificGender> honorific_gender(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  for (const HonorificEntry& h : kHonorifics) {
    if (equals_lowercase(h.word, word)) return h.gender;
  }
  return std::nullopt;
}

std::vector<std::string_view> gendered_honorifics() {
  std::vector<std::string_view> out;
  for (const HonorificEntry& h : kHonorifics) {
    if (h.gender != HonorificGender::kUnknown) out.push_back(h.word);
  }
  return out;
}

}  // namespace kg::store
