#include "graph/store/surname_folds.h"

#include <algorithm>
#include <map>
#include <string>

#include <fmt/format.h>
#include <rocksdb/write_batch.h>

#include "base/lexicon.h"
#include "base/name_key.h"
#include "graph/store/type_folds.h"

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
  std::string surname;  // the last written word of the canonical name, normalised whole, honorifics dropped
  bool bare = false;    // that token is the whole name
  uint64_t male = 0, female = 0;  // gendered honorifics in the name itself ("Mrs Thatcher"), and its given name
};

std::optional<PersonName> person_name(const records::EntityValue& e) {
  if (e.type != EntityType::kPerson || !looks_like_a_name(e.name)) return std::nullopt;
  // The name's written words, each normalised whole: a hyphenated surname
  // is one word ("Hylton-Potts" -> "hyltonpotts"), so that "Mrs Potts" does
  // not fold into Rodney Hylton-Potts.
  std::vector<std::string> keys;
  for (std::string_view written : tokens(e.name)) {
    std::string key = names::name_key(written);
    std::erase(key, ' ');
    if (!key.empty()) keys.push_back(std::move(key));
  }
  const std::vector<std::string_view> words(keys.begin(), keys.end());
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
  // A full name's given name counts as one use of an honorific ("Michael
  // Howard" as "Mr Howard"): a bare "Mrs Howard" is someone else.
  if (!out.bare) {
    const lexicon::Gender g = lexicon::given_name_gender(*name_start);
    out.male += g == lexicon::Gender::kMale;
    out.female += g == lexicon::Gender::kFemale;
  }
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

namespace {

using FoldRows = std::map<EntityId, records::ReadsAs>;

// The fold rows of one kind ('r' or 't'), by source.
Result<FoldRows> load_fold_rows(const Store::Impl& impl, char tag) {
  FoldRows out;
  Status bad;
  Status s = impl.scan(keys::kIdentity, std::string(1, tag), [&](std::string_view k, std::string_view v) {
    EntityId source = 0;
    records::ReadsAs r;
    if (k.size() != 5 || !keys::identity_key_entity(k, &source) || !records::decode(v, &r)) {
      bad = impl.bad_record(keys::kIdentity, k);
      return false;
    }
    out.emplace(source, r);
    return true;
  });
  if (!s) return s;
  if (!bad) return bad;
  return out;
}

EntityId through(const FoldRows& folds, EntityId id) {
  const auto it = folds.find(id);
  return it == folds.end() ? id : it->second.target;
}

}  // namespace

// How surname and type folds compose. Each kind is computed on its own
// (surnames and name keys are different keys), so an entity may have both
// rows, and a fold's target may itself be folded by the other kind. Every
// stored entity reads as
//
//   T(S(T(x)))   T: its name group's target (itself when not type-folded),
//                S: its surname fold's full-name person (itself when none),
//
// that is: a name group reads as one entity, its target; when that target
// is a bare surname that folds, the whole group goes with it to the
// full-name person, and lands on that person's own group target. A member's
// own surname fold gives way to its group's (the group is one entity).
// This is one canonical entity for each, with no chain and no cycle: T is
// idempotent, and S leads from a person named by one word after honorifics
// to one named by two or more, whose name group holds no bare person, so S
// changes nothing after it (that person's name has the same words).
Result<SurnameFolds> load_surname_folds(const Store::Impl& impl) {
  Result<FoldRows> by_surname = load_fold_rows(impl, keys::kReadsAsTag);
  if (!by_surname) return by_surname.status();
  Result<FoldRows> by_type = load_fold_rows(impl, keys::kTypeFoldTag);
  if (!by_type) return by_type.status();
  std::set<EntityId> sources;
  for (const FoldRows* rows : {&*by_surname, &*by_type}) {
    for (const auto& [source, row] : *rows) sources.insert(source);
  }
  SurnameFolds folds;
  for (EntityId source : sources) {  // ascending: sources_of stays sorted
    const EntityId target = through(*by_type, through(*by_surname, through(*by_type, source)));
    if (target == source) continue;
    const auto typed = by_type->find(source);
    const records::ReadsAs& row = typed != by_type->end() ? typed->second : by_surname->at(source);
    folds.target_of[source] = target;
    folds.source_type[source] = row.kind == records::ReadsAsKind::kTypeFold ? row.source_type : EntityType::kPerson;
    folds.sources_of[target].push_back(source);
    folds.folded_mentions[target] += row.mentions;
  }
  // A group's type is shown by its target while the target stands for itself.
  for (const auto& [source, row] : *by_type) {
    if (folds.canonical(row.target) == row.target) folds.retyped[row.target] = row.group_type;
  }
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
    if (Status s = named_row(id, before, after); !s) return s;
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

Status FoldIndexChange::named_row(EntityId id, const std::optional<records::EntityValue>& before,
                                  const std::optional<records::EntityValue>& after) {
  const records::EntityValue& e = after ? *after : *before;
  if (!folds_by_type(e.type)) return Status::ok();
  const bool exists_changed = before.has_value() != after.has_value();
  if (!exists_changed && before->mentions == after->mentions) return Status::ok();  // an alias count changed
  const std::string name = names::name_key(e.name);
  rows_[keys::named_key(name, id)] =
      after ? std::optional<std::string>(records::encode(records::NamedFacts{e.type, after->mentions})) : std::nullopt;
  name_groups_.insert(name);
  // Only whether an organisation, place or other name of this key exists
  // matters to the surname folds of the same word.
  if (blocks_surnames(e.type) && exists_changed) touched_.insert(name);
  return Status::ok();
}

Result<std::map<EntityId, std::string>> FoldIndexChange::rows_under(const std::string& prefix,
                                                                    std::set<EntityId>* ever) const {
  std::map<EntityId, std::string> out;
  if (!from_scratch_) {
    Status bad;
    Status s = impl_.scan(keys::kIdentity, prefix, [&](std::string_view k, std::string_view v) {
      EntityId id = 0;
      if (k.size() != prefix.size() + 4 || !keys::identity_key_entity(k, &id)) {
        bad = impl_.bad_record(keys::kIdentity, k);
        return false;
      }
      out.emplace(id, v);
      return true;
    });
    if (!s || !bad) return s ? bad : s;
  }
  for (auto it = rows_.lower_bound(prefix); it != rows_.end() && it->first.starts_with(prefix); ++it) {
    EntityId id = 0;
    keys::identity_key_entity(it->first, &id);
    if (it->second) {
      out[id] = *it->second;
    } else {
      out.erase(id);
    }
    if (ever) ever->insert(id);
  }
  if (ever) {
    for (const auto& [id, value] : out) ever->insert(id);
  }
  return out;
}

namespace {

// The rows of one group, decoded.
template <typename Facts>
Result<std::map<EntityId, Facts>> decoded(const Store::Impl& impl, const std::map<EntityId, std::string>& rows,
                                          const std::string& prefix) {
  std::map<EntityId, Facts> out;
  for (const auto& [id, value] : rows) {
    if (!records::decode(value, &out[id])) {
      std::string key = prefix;
      keys::put_u32(key, id);
      return impl.bad_record(keys::kIdentity, key);
    }
  }
  return out;
}

}  // namespace

Status FoldIndexChange::write_folds(const std::set<EntityId>& ever, const std::map<EntityId, records::ReadsAs>& folds,
                                    std::string (*key_of)(EntityId)) {
  std::string value;
  for (EntityId id : ever) {
    const std::string key = key_of(id);
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

Status FoldIndexChange::refold(const std::string& surname) {
  // A surname that is also stored as an organisation's or a place's name
  // ("Chelsea", "Labour") may be either: not unambiguous.
  const std::string named_prefix = keys::named_prefix(surname);
  Result<std::map<EntityId, std::string>> named_rows = rows_under(named_prefix, nullptr);
  if (!named_rows) return named_rows.status();
  Result<std::map<EntityId, records::NamedFacts>> named =
      decoded<records::NamedFacts>(impl_, *named_rows, named_prefix);
  if (!named) return named.status();
  const bool blocked =
      std::any_of(named->begin(), named->end(), [](const auto& entry) { return blocks_surnames(entry.second.type); });

  std::set<EntityId> ever;  // in the group before or after this change
  const std::string person_prefix = keys::person_prefix(surname);
  Result<std::map<EntityId, std::string>> person_rows = rows_under(person_prefix, &ever);
  if (!person_rows) return person_rows.status();
  Result<std::map<EntityId, records::PersonFacts>> group =
      decoded<records::PersonFacts>(impl_, *person_rows, person_prefix);
  if (!group) return group.status();
  return write_folds(ever, blocked ? std::map<EntityId, records::ReadsAs>() : folds_of(*group), keys::reads_as_key);
}

Status FoldIndexChange::refold_types(const std::string& name_key) {
  std::set<EntityId> ever;  // in the group before or after this change
  const std::string prefix = keys::named_prefix(name_key);
  Result<std::map<EntityId, std::string>> rows = rows_under(prefix, &ever);
  if (!rows) return rows.status();
  Result<std::map<EntityId, records::NamedFacts>> group = decoded<records::NamedFacts>(impl_, *rows, prefix);
  if (!group) return group.status();
  return write_folds(ever, type_folds_of(name_key, *group), keys::type_fold_key);
}

Result<FoldIndexChange::Rows> FoldIndexChange::rows() {
  if (Status s = apply_entities(); !s) return s;
  for (const std::string& surname : touched_) {
    if (Status s = refold(surname); !s) return s;
  }
  for (const std::string& name_key : name_groups_) {
    if (Status s = refold_types(name_key); !s) return s;
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

Result<bool> identity_rows_current(const Store::Impl& impl) {
  std::string value;
  Result<bool> found = impl.get(keys::kMeta, keys::kIdentityVersionKey, &value);
  if (!found) return found.status();
  if (!*found) return false;  // version 1
  if (value.size() != 4) return impl.bad_record(keys::kMeta, keys::kIdentityVersionKey);
  return keys::get_u32(value.data()) == keys::kIdentityVersion;
}

Status fill_identity_rows_if_missing(Store::Impl& impl) {
  bool has_rows = false, has_entities = false;
  const auto any = [](bool* flag) {
    return [flag](std::string_view, std::string_view) { return !(*flag = true); };
  };
  Result<bool> current = identity_rows_current(impl);
  if (!current) return current.status();
  if (Status s = impl.scan(keys::kIdentity, "", any(&has_rows)); !s) return s;
  if (*current && has_rows) return Status::ok();
  if (Status s = impl.scan(keys::kEntities, "", any(&has_entities)); !s) return s;
  if (*current && !has_entities) return Status::ok();
  Result<FoldIndexChange::Rows> rows = compute_identity_rows(impl);
  if (!rows) return rows.status();
  rocksdb::WriteBatch batch;
  Status s = impl.scan(keys::kIdentity, "", [&](std::string_view k, std::string_view) {
    batch.Delete(impl.family(keys::kIdentity), k);  // rows of an older layout
    return true;
  });
  if (!s) return s;
  for (const auto& [key, value] : *rows) {
    if (value) batch.Put(impl.family(keys::kIdentity), key, *value);
  }
  batch.Put(impl.family(keys::kMeta), keys::kIdentityVersionKey, identity_version_value());
  // Journalled like every write, so a log lost after it is reported, not
  // read as a store without folds.
  if (Status s = impl.write(batch, "filling the identity index", /*sync=*/true); !s) return s;
  impl.folds.reset();
  return Status::ok();
}

std::string identity_version_value() {
  std::string value;
  keys::put_u32(value, keys::kIdentityVersion);
  return value;
}

}  // namespace kg::store
