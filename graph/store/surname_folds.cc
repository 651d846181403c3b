#include "graph/store/surname_folds.h"

#include <algorithm>
#include <map>
#include <string>

#include <fmt/format.h>
#include <rocksdb/write_batch.h>

#include "base/lexicon.h"
#include "base/name_key.h"

namespace kg::store {

namespace {

enum class Sex { kUnknown, kMale, kFemale, kMixed };

// A full name: the majority of its honorific uses (a stray "Mrs Blair" in
// one article does not unmake Tony Blair's gender).
Sex majority(const records::PersonFacts& p) {
  if (p.male > p.female) return Sex::kMale;
  if (p.female > p.male) return Sex::kFemale;
  return Sex::kUnknown;
}

// A bare surname: any disagreement means several people share it.
Sex unanimous(const records::PersonFacts& p) {
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

// A PERSON entity's name as folding reads it.
struct PersonName {
  std::string surname;  // the last token of the normalised canonical name, honorifics dropped
  bool bare = false;    // that token is the whole name
  uint64_t male = 0, female = 0;  // gendered honorifics in the name itself ("Mrs Thatcher")
};

std::optional<PersonName> person_name(const records::EntityValue& e) {
  if (e.type != EntityType::kPerson || !looks_like_a_name(e.name)) return std::nullopt;
  const std::string normalized = names::name_key(e.name);
  const std::vector<std::string_view> words = tokens(normalized);
  const auto name_start = after_honorifics(words);
  if (name_start == words.end()) return std::nullopt;  // nothing but honorifics
  PersonName out;
  for (auto w = words.begin(); w != name_start; ++w) {
    const lexicon::Gender g = *lexicon::honorific_gender(*w);
    out.male += g == lexicon::Gender::kMale;
    out.female += g == lexicon::Gender::kFemale;
  }
  out.surname = std::string(words.back());
  out.bare = words.end() - name_start == 1;
  return out;
}

// Organisations, places and other names block a surname they spell.
bool blocks_surnames(EntityType type) {
  return type == EntityType::kOrg || type == EntityType::kLoc || type == EntityType::kMisc;
}

// The gender an alias states by its first word ("mr blair" -> male), when
// that word is one of the gendered person honorifics.
lexicon::Gender alias_gender(std::string_view normalized) {
  const std::string_view first = normalized.substr(0, normalized.find(' '));
  if (first.size() == normalized.size()) return lexicon::Gender::kUnknown;
  for (std::string_view h : lexicon::gendered_honorifics()) {
    if (h == first) return *lexicon::honorific_gender(h);
  }
  return lexicon::Gender::kUnknown;
}

// The folds among the PERSON entities of one surname (`group`, by id).
std::map<EntityId, records::ReadsAs> folds_of(const std::map<EntityId, records::PersonFacts>& group) {
  std::vector<EntityId> bares, fulls;  // ascending: the map's order
  for (const auto& [id, p] : group) (p.bare ? bares : fulls).push_back(id);
  std::map<EntityId, records::ReadsAs> out;
  if (bares.empty() || fulls.empty()) return out;
  for (EntityId bare : bares) {
    const Sex sex = unanimous(group.at(bare));
    if (sex == Sex::kMixed) continue;
    std::optional<EntityId> only;
    size_t fitting = 0;
    for (EntityId full : fulls) {
      if (compatible(sex, majority(group.at(full)))) ++fitting, only = full;
    }
    if (fitting == 1) out[bare] = records::ReadsAs{*only, records::ReadsAsKind::kSurnameFold, group.at(bare).mentions};
  }
  return out;
}

}  // namespace

std::vector<EntityId> SurnameFolds::members(EntityId id) const {
  std::vector<EntityId> out{id};
  const auto it = sources_of.find(id);
  if (it != sources_of.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  return out;
}

std::vector<EntityId> SurnameFolds::stored_members(EntityId id) const {
  std::vector<EntityId> out;
  for (EntityId m : members(id)) {
    if (const auto it = split_entities.find(m); it != split_entities.end()) {
      out.insert(out.end(), it->second.sources.begin(), it->second.sources.end());
    } else {
      out.push_back(m);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Result<SurnameFolds> load_surname_folds(const Store::Impl& impl) {
  SurnameFolds folds;
  Status bad;
  Status s = impl.scan(keys::kIdentity, std::string(1, keys::kReadsAsTag), [&](std::string_view k, std::string_view v) {
    EntityId source = 0;
    records::ReadsAs r;
    if (k.size() != 5 || !keys::identity_key_entity(k, &source) || !records::decode(v, &r)) {
      bad = impl.bad_record(keys::kIdentity, k);
      return false;
    }
    folds.target_of[source] = r.target;
    folds.source_type[source] = EntityType::kPerson;
    folds.sources_of[r.target].push_back(source);  // key order: ascending
    folds.folded_mentions[r.target] += r.mentions;
    return true;
  });
  if (!s) return s;
  if (!bad) return bad;
  return folds;
}

Result<std::shared_ptr<const SurnameFolds>> Store::Impl::surname_folds() const {
  if (!folds) {
    Result<SurnameFolds> loaded = load_surname_folds(*this);
    if (!loaded) return loaded.status();
    if (Status s = apply_edits(*this, &*loaded); !s) return s;
    folds = std::make_shared<const SurnameFolds>(std::move(*loaded));
  }
  return folds;
}

FoldIndexChange::FoldIndexChange(const Store::Impl& impl, bool from_scratch)
    : impl_(impl), from_scratch_(from_scratch) {}

void FoldIndexChange::entity(EntityId id, const std::optional<records::EntityValue>& before,
                             const std::optional<records::EntityValue>& after) {
  auto [it, inserted] = entities_.try_emplace(id, before, after);
  if (!inserted) it->second.second = after;  // the first before, the last after
}

void FoldIndexChange::alias(std::string_view normalized, EntityId id, int64_t delta) {
  const lexicon::Gender g = alias_gender(normalized);
  if (g == lexicon::Gender::kMale) gender_deltas_[id].first += delta;
  if (g == lexicon::Gender::kFemale) gender_deltas_[id].second += delta;
}

Status FoldIndexChange::apply_entities() {
  // An alias count can change while the entity row does not (a document
  // replaced by one with the same mentions): read the row it belongs to.
  for (const auto& [id, deltas] : gender_deltas_) {
    if (entities_.count(id)) continue;
    std::string value;
    Result<bool> found = impl_.get(keys::kEntities, keys::id_key(id), &value);
    if (!found) return found.status();
    records::EntityValue e;
    if (!*found || !records::decode(value, &e)) return impl_.bad_record(keys::kEntities, keys::id_key(id));
    entities_.emplace(id, std::pair(e, e));
  }
  std::string value;
  for (const auto& [id, change] : entities_) {
    const auto& [before, after] = change;
    if (!before && !after) continue;  // created and gone in one change
    const records::EntityValue& e = after ? *after : *before;
    if (blocks_surnames(e.type) && before.has_value() != after.has_value()) {
      const std::string name = names::name_key(e.name);
      rows_[keys::other_name_key(name, id)] = after ? std::optional<std::string>("") : std::nullopt;
      touched_.insert(name);
    }
    const std::optional<PersonName> person = person_name(e);
    if (!person) continue;
    touched_.insert(person->surname);
    const std::string key = keys::person_key(person->surname, id);
    if (!after) {
      rows_[key] = std::nullopt;
      continue;
    }
    records::PersonFacts facts{person->bare, person->male, person->female, 0};
    if (before && !from_scratch_) {
      Result<bool> found = impl_.get(keys::kIdentity, key, &value);
      if (!found) return found.status();
      if (*found && !records::decode(value, &facts)) return impl_.bad_record(keys::kIdentity, key);
    }
    const auto deltas = gender_deltas_.find(id);
    if (deltas != gender_deltas_.end()) {
      const int64_t male = static_cast<int64_t>(facts.male) + deltas->second.first;
      const int64_t female = static_cast<int64_t>(facts.female) + deltas->second.second;
      if (male < 0 || female < 0) {
        return Status::corruption(fmt::format(
            "{}: the store is damaged: entity {} has fewer honorific alias uses than its documents name; run 'kg check'",
            impl_.dir, id));
      }
      facts.male = static_cast<uint64_t>(male);
      facts.female = static_cast<uint64_t>(female);
    }
    facts.mentions = after->mentions;
    rows_[key] = records::encode(facts);
  }
  return Status::ok();
}

Status FoldIndexChange::refold(const std::string& surname) {
  // The rows of this surname as they will be: the stored ones under the ones this change writes.
  const auto overlay = [&](const std::string& prefix, const std::function<void(EntityId, const std::optional<std::string>&)>& fn) {
    for (auto it = rows_.lower_bound(prefix); it != rows_.end() && it->first.starts_with(prefix); ++it) {
      EntityId id = 0;
      keys::identity_key_entity(it->first, &id);
      fn(id, it->second);
    }
  };
  const auto stored = [&](const std::string& prefix, const std::function<bool(EntityId, std::string_view)>& fn) {
    if (from_scratch_) return Status::ok();
    Status bad;
    Status s = impl_.scan(keys::kIdentity, prefix, [&](std::string_view k, std::string_view v) {
      EntityId id = 0;
      if (k.size() != prefix.size() + 4 || !keys::identity_key_entity(k, &id) || !fn(id, v)) {
        bad = impl_.bad_record(keys::kIdentity, k);
        return false;
      }
      return true;
    });
    return s ? bad : s;
  };

  std::set<EntityId> others;
  const std::string other_prefix = keys::other_name_prefix(surname);
  if (Status s = stored(other_prefix, [&](EntityId id, std::string_view) { return others.insert(id), true; }); !s) return s;
  overlay(other_prefix, [&](EntityId id, const std::optional<std::string>& v) {
    if (v) {
      others.insert(id);
    } else {
      others.erase(id);
    }
  });
  const bool blocked = !others.empty();

  std::map<EntityId, records::PersonFacts> group;
  std::set<EntityId> ever;  // in the group before or after this change
  const std::string person_prefix = keys::person_prefix(surname);
  Status s = stored(person_prefix, [&](EntityId id, std::string_view v) {
    ever.insert(id);
    return records::decode(v, &group[id]);
  });
  if (!s) return s;
  Status bad;
  overlay(person_prefix, [&](EntityId id, const std::optional<std::string>& v) {
    ever.insert(id);
    if (!v) {
      group.erase(id);
    } else if (!records::decode(*v, &group[id])) {
      bad = Status::internal(fmt::format("identity row of entity {} does not decode", id));
    }
  });
  if (!bad) return bad;

  // A surname that is also stored as an organisation's or a place's name
  // ("Chelsea", "Labour") may be either: not unambiguous.
  const std::map<EntityId, records::ReadsAs> folds = blocked ? std::map<EntityId, records::ReadsAs>() : folds_of(group);
  std::string value;
  for (EntityId id : ever) {
    const std::string key = keys::reads_as_key(id);
    std::optional<records::ReadsAs> was;
    if (!from_scratch_) {
      Result<bool> found = impl_.get(keys::kIdentity, key, &value);
      if (!found) return found.status();
      if (*found && !records::decode(value, &was.emplace())) return impl_.bad_record(keys::kIdentity, key);
    }
    const auto now = folds.find(id);
    if (now == folds.end()) {
      if (was) rows_[key] = std::nullopt;
    } else if (!was || !(*was == now->second)) {
      rows_[key] = records::encode(now->second);
    }
  }
  return Status::ok();
}

Result<FoldIndexChange::Rows> FoldIndexChange::rows() {
  if (Status s = apply_entities(); !s) return s;
  for (const std::string& surname : touched_) {
    if (Status s = refold(surname); !s) return s;
  }
  return rows_;
}

Result<FoldIndexChange::Rows> compute_identity_rows(const Store::Impl& impl) {
  FoldIndexChange change(impl, /*from_scratch=*/true);
  Status bad;
  Status s = impl.scan(keys::kEntities, "", [&](std::string_view k, std::string_view v) {
    records::EntityValue e;
    if (k.size() != 4 || !records::decode(v, &e)) {
      bad = impl.bad_record(keys::kEntities, k);
      return false;
    }
    change.entity(keys::get_u32(k.data()), std::nullopt, std::move(e));
    return true;
  });
  if (!s) return s;
  if (!bad) return bad;
  // Honorific aliases ("mr blair"): the alias index is keyed by name, so one
  // prefix scan per gendered honorific finds them all.
  for (std::string_view honorific : lexicon::gendered_honorifics()) {
    s = impl.scan(keys::kAliases, std::string(honorific) + " ", [&](std::string_view k, std::string_view v) {
      keys::AliasKey key;
      records::AliasValue value;
      if (!keys::AliasKey::decode(k, &key) || !records::decode(v, &value)) {
        bad = impl.bad_record(keys::kAliases, k);
        return false;
      }
      change.alias(key.normalized, key.entity, static_cast<int64_t>(value.count));
      return true;
    });
    if (!s) return s;
    if (!bad) return bad;
  }
  return change.rows();
}

Status fill_identity_rows_if_missing(Store::Impl& impl) {
  bool has_rows = false, has_entities = false;
  const auto any = [](bool* flag) {
    return [flag](std::string_view, std::string_view) { return !(*flag = true); };
  };
  if (Status s = impl.scan(keys::kIdentity, "", any(&has_rows)); !s) return s;
  if (has_rows) return Status::ok();
  if (Status s = impl.scan(keys::kEntities, "", any(&has_entities)); !s) return s;
  if (!has_entities) return Status::ok();
  Result<FoldIndexChange::Rows> rows = compute_identity_rows(impl);
  if (!rows) return rows.status();
  rocksdb::WriteBatch batch;
  for (const auto& [key, value] : *rows) {
    if (value) batch.Put(impl.family(keys::kIdentity), key, *value);
  }
  // Journalled like every write, so a log lost after it is reported, not
  // read as a store without folds.
  if (Status s = impl.write(batch, "filling the identity index", /*sync=*/true); !s) return s;
  impl.folds.reset();
  return Status::ok();
}

}  // namespace kg::store
