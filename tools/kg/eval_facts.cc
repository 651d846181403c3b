// `kg eval facts`: recall of a store against gold facts written by hand.
//
// Gold: TSV with a header line and the columns
//   file  subject  relation  object  symmetric
// where `file` is the article's path relative to the corpus folder
// ("politics/011.txt"), subject and object are the entities' fullest names,
// relation is a lower-case lemma phrase ("criticise", "be chairman of") and
// symmetric is yes/no.
//
// A gold fact is recalled when the store holds, among the facts of the
// document whose id ends with `file`,
//   - a relation between two entities that the gold names denote (the
//     normalised gold name equals the entity's name or one of its aliases, or
//     one is the other's last words: "Blair" ~ "Tony Blair"),
//   - in the gold direction (the other way round where the stored phrase
//     states the canonical relation reversed, "finish second to" for "beat";
//     either, for a symmetric fact or a symmetric canonical relation),
//   - with the same canonical relation (graph/schema; the gold phrase as
//     written, else without a leading "be") or a content word in common with the gold
//     relation, and no qualifier (a "not" or "could" fact is no plain fact).
// Statements (a common-noun end) never match: the gold facts join two names.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "graph/schema/schema.h"
#include "graph/store/store.h"
#include "graph/view.h"
#include "tools/kg/commands.h"

namespace kg::cli {
namespace {

struct GoldFact {
  std::string file, subject, relation, object;
  bool symmetric = false;
  size_t line = 0;
};

struct EvalFactsOptions {
  std::string gold;
  bool json = false;
  bool errors = false;
};

std::string normalized(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) out += static_cast<char>(std::tolower(u));
    else if ((c == ' ' || c == '-') && !out.empty() && out.back() != ' ') out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Result<std::vector<GoldFact>> read_gold(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::not_found(fmt::format("{}: no such file or cannot be read", path));
  std::vector<GoldFact> gold;
  std::string line;
  for (size_t n = 1; std::getline(in, line); ++n) {
    if (n == 1 || line.empty()) continue;  // the header
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, '\t');) f.push_back(cell);
    if (f.size() != 5) {
      return Status::invalid_input(fmt::format("{}:{}: expected 5 tab-separated fields, found {}", path, n, f.size()));
    }
    gold.push_back({f[0], f[1], f[2], f[3], f[4] == "yes", n});
  }
  if (gold.empty()) return Status::invalid_input(fmt::format("{}: no gold facts", path));
  return gold;
}

// Content words of a relation phrase.
std::set<std::string> content_words(std::string_view phrase) {
  static const std::set<std::string> kFunction = {"be", "have", "to", "with", "of", "in", "for", "on", "at",
                                                  "by", "from", "the", "a", "as", "into", "about"};
  std::set<std::string> out;
  std::stringstream ss{std::string(phrase)};
  for (std::string w; ss >> w;) {
    if (!kFunction.count(w)) out.insert(w);
  }
  return out;
}

struct StoredFact {
  std::string relation;
  store::Entity subject, object;
  std::vector<std::string> subject_names, object_names;  // normalised name and aliases
};

bool denotes(const std::string& gold_name, const std::vector<std::string>& names) {
  const std::string g = normalized(gold_name);
  for (const std::string& n : names) {
    if (n.empty()) continue;
    if (n == g || g.ends_with(" " + n) || n.ends_with(" " + g)) return true;
  }
  return false;
}

// Whether the stored relation states the gold one; `*flipped` is set when it
// states it with the arguments the other way round ("finish second to" for
// the gold's "beat").
bool relation_matches(const GoldFact& gold, const StoredFact& f, bool* flipped) {
  *flipped = false;
  if (graph::is_qualified_relation(f.relation)) return false;
  const std::string_view gold_phrase =
      gold.relation.starts_with("be ") ? std::string_view(gold.relation).substr(3) : std::string_view(gold.relation);
  const auto stored = schema::canonical_relation(f.relation, f.subject.type, f.object.type);
  // (The schema lists some phrases with their "be": "be located in", "be born in".)
  auto wanted = schema::canonical_relation(gold.relation, f.subject.type, f.object.type);
  if (!wanted) wanted = schema::canonical_relation(gold_phrase, f.subject.type, f.object.type);
  if (stored && wanted && stored->kind == wanted->kind) {
    *flipped = stored->reversed != wanted->reversed;
    return true;
  }
  const std::set<std::string> a = content_words(gold.relation), b = content_words(f.relation);
  return std::any_of(a.begin(), a.end(), [&](const std::string& w) { return b.count(w) > 0; });
}

bool recalled(const GoldFact& gold, const StoredFact& f) {
  bool flipped = false;
  if (!relation_matches(gold, f, &flipped)) return false;
  const bool forward = denotes(gold.subject, f.subject_names) && denotes(gold.object, f.object_names);
  const bool backward = denotes(gold.subject, f.object_names) && denotes(gold.object, f.subject_names);
  if (flipped ? backward : forward) return true;
  const auto c = schema::canonical_relation(f.relation, f.subject.type, f.object.type);
  const bool symmetric = gold.symmetric || (c && c->kind->symmetric);
  return symmetric && (forward || backward);
}

// The named-entity facts of every document whose id ends with one of the gold files.
Result<std::map<std::string, std::vector<StoredFact>>> facts_by_file(store::Store& st, const std::vector<GoldFact>& gold) {
  std::map<store::DocNo, std::string> file_of;
  std::set<std::string> files;
  for (const GoldFact& g : gold) files.insert(g.file);
  Status s = st.for_each_document([&](const store::DocumentInfo& d) {
    for (const std::string& f : files) {
      if (d.id == f || d.id.ends_with("/" + f)) file_of[d.number] = f;
    }
  });
  if (!s) return s;
  std::map<store::EntityId, std::vector<std::string>> names;
  auto names_of = [&](const store::Entity& e) -> Result<std::vector<std::string>> {
    auto it = names.find(e.id);
    if (it != names.end()) return it->second;
    std::vector<std::string> out{normalized(e.name)};
    auto aliases = st.aliases_of(e.id);
    if (!aliases) return aliases.status();
    for (const store::Alias& a : *aliases) out.push_back(normalized(a.surface));
    names.emplace(e.id, out);
    return out;
  };
  std::vector<store::Edge> edges;
  s = st.for_each_edge([&](const store::Edge& e) { edges.push_back(e); });
  if (!s) return s;
  std::map<std::string, std::vector<StoredFact>> out;
  for (const store::Edge& e : edges) {
    auto subject = st.entity(e.subject);
    auto object = st.entity(e.object);
    if (!subject) return subject.status();
    if (!object) return object.status();
    if (!*subject || !*object || !schema::is_named((*subject)->type) || !schema::is_named((*object)->type)) continue;
    auto evidence = st.evidence(e.subject, e.relation, e.object);
    if (!evidence) return evidence.status();
    auto relation = st.relation_name(e.relation);
    if (!relation) return relation.status();
    std::set<std::string> in_files;
    for (const store::Evidence& ev : *evidence) {
      if (auto it = file_of.find(ev.doc); it != file_of.end()) in_files.insert(it->second);
    }
    for (const std::string& f : in_files) {
      auto sn = names_of(**subject);
      if (!sn) return sn.status();
      auto on = names_of(**object);
      if (!on) return on.status();
      out[f].push_back({relation->value_or(""), **subject, **object, *sn, *on});
    }
  }
  return out;
}

int run_eval_facts(const GlobalOptions& global, const EvalFactsOptions& options) {
  Result<std::vector<GoldFact>> gold = read_gold(options.gold);
  if (!gold) return report(gold.status());
  store::OpenOptions open;
  open.mode = store::OpenOptions::Mode::kReadOnly;
  auto st = store::Store::open(global.db, open);
  if (!st) return report(st.status());
  auto facts = facts_by_file(**st, *gold);
  if (!facts) return report(facts.status());
  size_t hits = 0;
  std::map<std::string, std::pair<size_t, size_t>> per_file;  // recalled, total
  std::vector<const GoldFact*> missed;
  for (const GoldFact& g : *gold) {
    const std::vector<StoredFact>& candidates = (*facts)[g.file];
    const bool hit = std::any_of(candidates.begin(), candidates.end(), [&](const StoredFact& f) { return recalled(g, f); });
    hits += hit;
    ++per_file[g.file].second;
    per_file[g.file].first += hit;
    if (!hit) missed.push_back(&g);
  }
  const double recall = static_cast<double>(hits) / static_cast<double>(gold->size());
  if (options.json) {
    nlohmann::json j{{"gold", gold->size()}, {"recalled", hits}, {"recall", recall}};
    for (const auto& [file, counts] : per_file) j["files"][file] = {{"recalled", counts.first}, {"gold", counts.second}};
    fmt::print("{}\n", j.dump());
  } else {
    fmt::print("recall {:.3f} ({} of {} gold facts in {} articles)\n", recall, hits, gold->size(), per_file.size());
    for (const auto& [file, counts] : per_file) fmt::print("  {:<24} {:>3} / {}\n", file, counts.first, counts.second);
  }
  if (options.errors) {
    for (const GoldFact* g : missed) {
      fmt::print(stderr, "missed {}:{}: {} · {} · {}\n", options.gold, g->line, g->subject, g->relation, g->object);
    }
  }
  return 0;
}

}  // namespace

Subcommand add_eval_facts_command(CLI::App& eval, const GlobalOptions& global) {
  auto options = std::make_shared<EvalFactsOptions>();
  Subcommand c;
  c.app = eval.add_subcommand("facts", "recall of the store (--db) against hand-written gold facts (TSV)");
  c.app->add_option("--gold", options->gold, "gold facts: file, subject, relation, object, symmetric")->required();
  c.app->add_flag("--json", options->json, "print the scores as JSON");
  c.app->add_flag("--errors", options->errors, "list the gold facts the store misses on stderr");
  c.run = [&global, options] { return run_eval_facts(global, *options); };
  return c;
}

}  // namespace kg::cli
