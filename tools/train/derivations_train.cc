// Compiles WordNet's derivational links ('+' pointers from noun to verb
// senses) into ingest/models/derivations.model: testimony -> testify,
// meeting -> meet. Only nouns of events, acts, communications, cognition,
// processes and states are kept, so role nouns ("leader", "adviser") never
// turn into verbs.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tools/train/derivations_train.h"

namespace kg::train {

namespace {

// WordNet lexicographer files (lexnames(5WN)) of nouns that name an event.
bool eventive_lexfile(int lexfile) {
  switch (lexfile) {
    case 4:   // noun.act
    case 9:   // noun.cognition
    case 10:  // noun.communication
    case 11:  // noun.event
    case 22:  // noun.process
    case 26:  // noun.state
      return true;
    default:
      return false;
  }
}

struct Synset {
  int lexfile = 0;
  std::vector<std::string> words;
  struct Link {
    char pos;
    std::string offset;
    int source, target;  // 1-based word numbers, 0 = whole synset
  };
  std::vector<Link> derivations;
};

// Parses one data.* line (wndb(5WN)): offset lex_filenum ss_type w_cnt
// (word lex_id)... p_cnt (pointer_symbol offset pos source/target)... | gloss.
bool parse_synset(const std::string& line, std::string* offset, Synset* out) {
  if (line.empty() || line[0] == ' ') return false;  // licence header lines start with spaces
  std::istringstream in(line.substr(0, line.find(" | ")));
  std::string ss_type, w_cnt_hex;
  if (!(in >> *offset >> out->lexfile >> ss_type >> w_cnt_hex)) return false;
  const int w_cnt = std::stoi(w_cnt_hex, nullptr, 16);
  for (int i = 0; i < w_cnt; ++i) {
    std::string word, lex_id;
    if (!(in >> word >> lex_id)) return false;
    std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
    out->words.push_back(word);
  }
  int p_cnt = 0;
  if (!(in >> p_cnt)) return false;
  for (int i = 0; i < p_cnt; ++i) {
    std::string symbol, target, pos, st;
    if (!(in >> symbol >> target >> pos >> st) || st.size() != 4) return false;
    if (symbol == "+") {
      out->derivations.push_back(
          {pos[0], target, std::stoi(st.substr(0, 2), nullptr, 16), std::stoi(st.substr(2, 2), nullptr, 16)});
    }
  }
  return true;
}

Result<std::map<std::string, Synset>> read_synsets(const std::string& path) {
  std::ifstream lines(path);
  if (!lines) return Status::not_found(fmt::format("{}: cannot read the WordNet data file (install wordnet-base)", path));
  std::map<std::string, Synset> out;
  size_t number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    if (line.empty() || line[0] == ' ') continue;
    std::string offset;
    Synset s;
    if (!parse_synset(line, &offset, &s)) {
      return Status::invalid_input(fmt::format("{}:{}: not a WordNet data line", path, number));
    }
    out.emplace(offset, std::move(s));
  }
  return out;
}

// How many senses of each verb are tagged in WordNet's sense-tagged corpus
// (index.verb's tagsense_cnt): how common the verb is in running text.
Result<std::map<std::string, int>> read_tag_counts(const std::string& path) {
  std::ifstream lines(path);
  if (!lines)
    return Status::not_found(fmt::format("{}: cannot read the WordNet index file (install wordnet-base)", path));
  std::map<std::string, int> out;
  size_t number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    if (line.empty() || line[0] == ' ') continue;
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    std::istringstream in(line);
    std::string lemma, pos, symbol;
    int synsets = 0, pointers = 0, senses = 0, tagged = 0;
    if (!(in >> lemma >> pos >> synsets >> pointers)) {
      return Status::invalid_input(fmt::format("{}:{}: not a WordNet index line", path, number));
    }
    for (int i = 0; i < pointers; ++i) in >> symbol;
    if (!(in >> senses >> tagged))
      return Status::invalid_input(fmt::format("{}:{}: not a WordNet index line", path, number));
    out[lemma] = tagged;
  }
  return out;
}

// "criticise" and "criticize" are one verb spelled two ways.
std::string spelling_key(std::string verb) {
  for (size_t at = verb.find("ize"); at != std::string::npos; at = verb.find("ize", at + 1)) verb[at + 1] = 's';
  return verb;
}

size_t common_prefix(const std::string& a, const std::string& b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

}  // namespace

Result<extract::Derivations> compile_derivations(const std::string& wordnet_dir) {
  auto nouns = read_synsets(wordnet_dir + "/data.noun");
  if (!nouns) return nouns.status();
  auto verbs = read_synsets(wordnet_dir + "/data.verb");
  if (!verbs) return verbs.status();
  auto tagged = read_tag_counts(wordnet_dir + "/index.verb");
  if (!tagged) return tagged.status();
  auto tag_count = [&](const std::string& verb) {
    const auto it = tagged->find(verb);
    return it == tagged->end() ? 0 : it->second;
  };
  // Every candidate verb per noun; the one sharing the longest stem wins
  // (testimony: testify over attest), ties to the alphabetically first.
  std::map<std::string, std::string> best;
  std::map<std::string, std::set<std::string>> candidates;
  for (const auto& [offset, noun] : *nouns) {
    if (!eventive_lexfile(noun.lexfile)) continue;
    for (const Synset::Link& link : noun.derivations) {
      if (link.pos != 'v' || link.source < 1 || static_cast<size_t>(link.source) > noun.words.size()) continue;
      const auto v = verbs->find(link.offset);
      if (v == verbs->end() || link.target < 1 || static_cast<size_t>(link.target) > v->second.words.size()) continue;
      const std::string& n = noun.words[link.source - 1];
      const std::string& verb = v->second.words[link.target - 1];
      if (n.find('_') != std::string::npos || verb.find('_') != std::string::npos) continue;
      candidates[n].insert(verb);
      auto [it, fresh] = best.emplace(n, verb);
      if (!fresh) {
        const size_t have = common_prefix(n, it->second), cand = common_prefix(n, verb);
        if (cand > have || (cand == have && verb < it->second)) it->second = verb;
      }
    }
  }
  // A coinage no tagged text uses loses to a verb that text does use, other
  // than its own spelling variant: speech is "speak", not "speechify";
  // reference is "refer", not "reference".
  for (auto& [n, v] : best) {
    if (tag_count(v) > 0) continue;
    std::string used;
    for (const std::string& other : candidates[n]) {
      if (tag_count(other) == 0 || spelling_key(other) == spelling_key(v)) continue;
      const bool better = used.empty() || tag_count(other) > tag_count(used) ||
                          (tag_count(other) == tag_count(used) && common_prefix(n, other) > common_prefix(n, used));
      if (better) used = other;
    }
    if (!used.empty()) v = used;
  }
  extract::Derivations d;
  for (auto& [n, v] : best) d.add(n, v);
  return d;
}

Status train_derivations(const std::string& wordnet_dir, const std::string& out_dir,
                         const std::function<void(std::string_view)>& log) {
  Result<extract::Derivations> d = compile_derivations(wordnet_dir);
  if (!d) return d.status();
  const std::string path = out_dir + "/derivations.model";
  if (Status s = d->save(path); !s) return s;
  log(fmt::format("derivations: {} noun -> verb pairs from WordNet -> {}", d->size(), path));
  return Status::ok();
}

}  // namespace kg::train
