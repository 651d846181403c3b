#include "base/name_key.h"
#include "graph/store/surname_folds.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_set>

#include "base/lexicon.h"

namespace kg::store {

namespace {

// One stored PERSON entity as folding sees it.
struct Person {
  std::string surname;  // the last token of the normalised canonical name, honorifics dropped
  bool bare = false;    // that token is the whole name
  uint64_t mentions = 0;
  uint64_t male = 0, female = 0;  // uses of honorific aliases of each gender
};

enum class Sex { kUnknown, kMale, kFemale, kMixed };

// A full name: the majority of its honorific uses (a stray "Mrs Blair" in
// one article does not unmake Tony Blair's gender).
Sex majority(const Person& p) {
  if (p.male > p.female) return Sex::kMale;
  if (p.female > p.male) return Sex::kFemale;
  return Sex::kUnknown;
}

// A bare surname: any disagreement means several people share it.
Sex unanimous(const Person& p) {
  if (p.male && p.female) return Sex::kMixed;
  if (p.male) return Sex::kMale;
  if (p.female) return Sex::kFemale;
  return Sex::kUnknown;
}

bool compatible(Sex bare, Sex full) {
  return bare == Sex::kUnknown || full == Sex::kUnknown || bare == full;
}

// Words of a name, split at spaces (a normalised name has single spaces).
std::vector<std::string_view> tokens(std::string_view normalized) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < normalized.size()) {
    size_t end = normalized.find(' ', start);
    if (end == std::string_view::npos) end = normalized.size();
    if (end > start) out.push_back(normalized.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The first word of a name after its leading honorifics ("Mr", "Sir Dr").
std::vector<std::string_view>::const_iterator after_honorifics(const std::vector<std::string_view>& words) {
  return std::find_if(words.begin(), words.end(), [](std::string_view w) { return !lexicon::honorific_gender(w); });
}

// Whether the written canonical name (honorifics dropped) reads as a
// person's name: every word capitalised, but for the particles of surnames
// ("Ludwig van Beethoven"). Recognizer spans that ran into other words
// ("v Chelsea", "carmaker Nissan", "Davies ( Gloucester") are no one to fold into.
bool looks_like_a_name(std::string_view name) {
  static constexpr std::string_view kParticles[] = {"al", "bin", "da", "das", "de", "del", "der", "di",
                                                    "dos", "du", "la", "le", "van", "von"};
  const std::vector<std::string_view> all = tokens(name);
  const std::vector<std::string_view> words(after_honorifics(all), all.end());
  for (size_t i = 0; i < words.size(); ++i) {
    const auto c = static_cast<unsigned char>(words[i][0]);
    const bool capital = (c >= 'A' && c <= 'Z') || c >= 0x80;
    const bool particle = i > 0 && i + 1 < words.size() &&
                          std::find(std::begin(kParticles), std::end(kParticles), words[i]) != std::end(kParticles);
    if (!capital && !particle) return false;
  }
  return !words.empty();
}

}  // namespace

std::vector<EntityId> SurnameFolds::members(EntityId id) const {
  std::vector<EntityId> out{id};
  const auto it = sources_of.find(id);
  if (it != sources_of.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  return out;
}

Result<SurnameFolds> compute_surname_folds(const Store::Impl& impl) {
  std::unordered_map<EntityId, Person> people;
  std::unordered_set<std::string> other_names;  // canonical names of organisations, places, other names
  Status bad;
  Status s = impl.scan(keys::kEntities, "", [&](std::string_view k, std::string_view v) {
    records::EntityValue e;
    if (k.size() != 4 || !records::decode(v, &e)) {
      bad = impl.bad_record(keys::kEntities, k);
      return false;
    }
    if (e.type == EntityType::kOrg || e.type == EntityType::kLoc || e.type == EntityType::kMisc) {
      other_names.insert(names::name_key(e.name));
    }
    if (e.type != EntityType::kPerson || !looks_like_a_name(e.name)) return true;
    Person p;
    const std::string normalized = names::name_key(e.name);
    const std::vector<std::string_view> words = tokens(normalized);
    const auto name_start = after_honorifics(words);
    if (name_start == words.end()) return true;  // nothing but honorifics
    for (auto w = words.begin(); w != name_start; ++w) {
      const lexicon::Gender g = *lexicon::honorific_gender(*w);
      p.male += g == lexicon::Gender::kMale;
      p.female += g == lexicon::Gender::kFemale;
    }
    p.surname = std::string(words.back());
    p.bare = words.end() - name_start == 1;
    p.mentions = e.mentions;
    people.emplace(keys::get_u32(k.data()), std::move(p));
    return true;
  });
  if (!s) return s;
  if (!bad) return bad;

  // Honorific aliases ("mr blair"): the alias index is keyed by name, so one
  // prefix scan per gendered honorific finds them all.
  for (std::string_view honorific : lexicon::gendered_honorifics()) {
    const bool male = *lexicon::honorific_gender(honorific) == lexicon::Gender::kMale;
    const std::string prefix = std::string(honorific) + " ";
    s = impl.scan(keys::kAliases, prefix, [&](std::string_view k, std::string_view v) {
      keys::AliasKey key;
      records::AliasValue value;
      if (!keys::AliasKey::decode(k, &key) || !records::decode(v, &value)) {
        bad = impl.bad_record(keys::kAliases, k);
        return false;
      }
      const auto it = people.find(key.entity);
      if (it != people.end()) (male ? it->second.male : it->second.female) += value.count;
      return true;
    });
    if (!s) return s;
    if (!bad) return bad;
  }

  // surname -> (bare entities, full-name people), ids ascending.
  std::map<std::string_view, std::pair<std::vector<EntityId>, std::vector<EntityId>>> by_surname;
  for (const auto& [id, p] : people) (p.bare ? by_surname[p.surname].first : by_surname[p.surname].second).push_back(id);
  SurnameFolds folds;
  for (auto& [surname, group] : by_surname) {
    auto& [bares, fulls] = group;
    if (bares.empty() || fulls.empty()) continue;
    std::sort(bares.begin(), bares.end());
    // A surname that is also stored as an organisation's or a place's name
    // ("Chelsea", "Labour") may be either: not unambiguous.
    if (other_names.count(std::string(surname))) continue;
    for (EntityId bare : bares) {
      const Sex sex = unanimous(people.at(bare));
      if (sex == Sex::kMixed) continue;
      std::optional<EntityId> only;
      size_t fitting = 0;
      for (EntityId full : fulls) {
        if (compatible(sex, majority(people.at(full)))) ++fitting, only = full;
      }
      if (fitting != 1) continue;
      folds.target_of[bare] = *only;
      folds.sources_of[*only].push_back(bare);
      folds.folded_mentions[*only] += people.at(bare).mentions;
    }
  }
  return folds;
}

Result<std::shared_ptr<const SurnameFolds>> Store::Impl::surname_folds() const {
  if (!folds) {
    Result<SurnameFolds> computed = compute_surname_folds(*this);
    if (!computed) return computed.status();
    folds = std::make_shared<const SurnameFolds>(std::move(*computed));
  }
  return folds;
}

}  // namespace kg::store
