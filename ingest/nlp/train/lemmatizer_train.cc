// Trains the lemmatizer: suffix rewrite rules learned from the treebank's
// word types, WordNet's exception lists, and a lookup of the treebank words
// whose lemma the rules would get wrong.
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "ingest/nlp/model_io.h"
#include "ingest/nlp/nlp.h"
#include "ingest/nlp/text_chars.h"
#include "ingest/nlp/train/trainers.h"

namespace kg::train {

namespace {

// GUM adds vocabulary, but where its lemma conventions differ from EWT's
// (people -> person) the EWT votes should win: they count this many times.
constexpr const char* kTrainFiles[] = {"ud/en_ewt-ud-train.conllu", "ud/en_gum-cc-by-train.conllu"};
constexpr int kFileWeights[] = {5, 1};
constexpr const char* kWordnetLists[][2] = {{"verb.exc", "v"}, {"noun.exc", "n"}, {"adj.exc", "a"}, {"adv.exc", "r"}};
constexpr int kMinRuleCount = 2;
constexpr char kSep = '\x1f';

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = nlp::ascii_lower(c);
  return out;
}

class StringTable {
 public:
  explicit StringTable(std::vector<std::string>* strings) : strings_(strings) {}
  uint32_t id(const std::string& s) {
    auto [it, added] = ids_.emplace(s, static_cast<uint32_t>(strings_->size()));
    if (added) strings_->push_back(s);
    return it->second;
  }

 private:
  std::vector<std::string>* strings_;
  std::map<std::string, uint32_t> ids_;
};

// The rewrite turning `form` into `lemma`: strip this many bytes, append this.
std::pair<size_t, std::string> rewrite(std::string_view form, std::string_view lemma) {
  size_t common = 0;
  while (common < form.size() && common < lemma.size() && form[common] == lemma[common]) ++common;
  return {form.size() - common, std::string(lemma.substr(common))};
}

Status read_wordnet(const TrainOptions& options, StringTable* strings, nlp::LemmatizerData* data) {
  for (const auto& [file, pos] : kWordnetLists) {
    const std::string path = fmt::format("{}/{}", options.wordnet_dir, file);
    std::ifstream in(path);
    if (!in) return Status::not_found(fmt::format("{}: cannot open WordNet exception list (package wordnet-base)", path));
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      std::string inflected, base;
      if (!(fields >> inflected >> base)) continue;
      // WordNet joins multiword entries with '_'; only single words matter here.
      if (inflected.find('_') != std::string::npos || base.find('_') != std::string::npos) continue;
      data->wordnet.emplace(inflected + kSep + pos, strings->id(base));  // the first base wins
    }
  }
  // Base forms of WordNet's verbs, for checking what the rules make of an
  // unseen verb.
  const std::string index_path = fmt::format("{}/index.verb", options.wordnet_dir);
  std::ifstream index(index_path);
  if (!index) return Status::not_found(fmt::format("{}: cannot open WordNet verb index (package wordnet-base)", index_path));
  std::string line;
  while (std::getline(index, line)) {
    if (line.empty() || line[0] == ' ') continue;  // the license header lines start with spaces
    const std::string verb = line.substr(0, line.find(' '));
    if (verb.find('_') != std::string::npos) continue;
    data->wordnet.emplace(verb + kSep + "V", strings->id(verb));
  }
  return Status::ok();
}

}  // namespace

Status train_lemmatizer(const TrainOptions& options) {
  // (form, xpos) -> upos and lemma counts.
  std::map<std::pair<std::string, std::string>, std::map<std::string, int>> lemmas;
  std::map<std::pair<std::string, std::string>, int> proper;  // (form, xpos) -> PROPN count minus others
  for (size_t f = 0; f < std::size(kTrainFiles); ++f) {
    Result<nlp::Document> doc = read_treebank(options, kTrainFiles[f]);
    if (!doc) return doc.status();
    for (const nlp::Word& w : doc->words) {
      if (w.lemma.empty() || w.xpos.empty()) continue;
      const std::pair<std::string, std::string> key(std::string(w.form), std::string(w.xpos));
      lemmas[key][std::string(w.lemma)] += kFileWeights[f];
      proper[key] += nlp::is_proper(w.upos, w.xpos) ? 1 : -1;
    }
  }
  auto best_lemma = [](const std::map<std::string, int>& counts) {
    std::string best;
    int n = -1;
    for (const auto& [l, c] : counts) {
      if (c > n) best = l, n = c;
    }
    return best;
  };

  nlp::LemmatizerData data;
  StringTable strings(&data.strings);
  if (Status st = read_wordnet(options, &strings, &data); !st) return st;

  // Rules from word types: every suffix (up to kMaxRuleSuffix, leaving at
  // least one character) that covers the stripped part votes for the rewrite.
  std::map<std::string, std::map<std::pair<size_t, std::string>, int>> rule_votes;
  for (const auto& [key, counts] : lemmas) {
    const bool is_proper = proper[key] > 0;
    const std::string lower = lowercase(key.first);
    const std::string lemma = best_lemma(counts);
    const auto rw = is_proper ? rewrite(key.first, lemma) : rewrite(lower, lemma);
    for (size_t n = 1; n <= nlp::kMaxRuleSuffix && n < lower.size(); ++n) {
      if (rw.first > n) continue;
      ++rule_votes[key.second + kSep + lower.substr(lower.size() - n)][rw];
    }
  }
  for (const auto& [key, votes] : rule_votes) {
    std::pair<size_t, std::string> best;
    int n = -1;
    for (const auto& [rw, c] : votes) {
      if (c > n) best = rw, n = c;
    }
    if (n >= kMinRuleCount && best.first < 256) {
      data.rules.emplace(key, static_cast<uint32_t>(best.first) << 24 | strings.id(best.second));
    }
  }

  // Lookups only where the rules and WordNet fall short.
  nlp::Lemmatizer fallback_only(data);
  char buf[256];
  std::map<std::pair<std::string, std::string>, std::map<std::string, int>> lower_lemmas;
  for (const auto& [key, counts] : lemmas) {
    const nlp::UPos upos = proper[key] > 0 ? nlp::UPos::PROPN : nlp::UPos::NOUN;
    const std::string lemma = best_lemma(counts);
    for (const auto& [l, c] : counts) lower_lemmas[{lowercase(key.first), key.second}][l] += c;
    if (fallback_only.fallback(key.first, upos, key.second, buf, sizeof(buf)) != lemma) {
      data.exact.emplace(key.first + kSep + key.second, strings.id(lemma));
    }
  }
  for (const auto& [key, counts] : lower_lemmas) {
    // The lowercased lookup never applies to proper nouns.
    if (key.second == "NNP" || key.second == "NNPS") continue;
    const std::string lemma = best_lemma(counts);
    if (fallback_only.fallback(key.first, nlp::UPos::NOUN, key.second, buf, sizeof(buf)) != lemma) {
      data.lower.emplace(key.first + kSep + key.second, strings.id(lemma));
    }
  }
  options.log(fmt::format("lemmatizer: {} rules, {} WordNet exceptions, {} + {} lookups", data.rules.size(),
                          data.wordnet.size(), data.exact.size(), data.lower.size()));

  nlp::ModelWriter out(nlp::kLemmatizerModelKind, nlp::kLemmatizerModelVersion);
  nlp::Lemmatizer(std::move(data)).save(out);
  return out.save(fmt::format("{}/{}", options.out_dir, nlp::kLemmatizerModelFile));
}

}  // namespace kg::train
