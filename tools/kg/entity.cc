// kg entity NAME [--json]: one entity with its names, relations and articles, read by
// prefix scans of the alias and edge indexes (the graph view is not built).
// Its facts are shown in three groups (docs/relations.md): relations with
// other named entities, with their canonical name where the schema has one;
// qualified relations (negated, modal, conditional, reported); statements
// (a common-noun phrase or value).
#include <algorithm>
#include <fmt/format.h>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "graph/identity/identity.h"
#include "graph/schema/schema.h"
#include "graph/store/store.h"
#include "graph/view.h"
#include "base/dates.h"
#include "tools/kg/commands.h"

namespace kg::cli {
namespace {

enum class FactKind { kRelation, kQualified, kStatement };

std::string_view fact_kind_name(FactKind k) {
  switch (k) {
    case FactKind::kRelation: return "relation";
    case FactKind::kQualified: return "qualified";
    case FactKind::kStatement: return "statement";
  }
  return "relation";
}

// One edge as shown: the relation phrase and the entity at the other end.
struct ShownEdge {
  std::string relation;
  std::string canonical;  // schema name ("meets"), "" for an open relation or a statement
  bool reversed = false;  // the canonical relation reads object-first ("be beaten by" -> beats)
  FactKind kind = FactKind::kRelation;
  std::string other;
  uint32_t count = 0;
  float confidence = 0;
  store::FactDates dates;
  bool outgoing = true;
};

// Which facts a page shows and how: --from/--to keep the facts reported on
// some day of the period; --timeline lists them by the day first reported.
struct EntityPageOptions {
  bool json = false;
  bool timeline = false;
  std::string from, to;  // YYYY-MM-DD once checked; "" leaves that end open
};

Result<std::vector<ShownEdge>> show_edges(store::Store& st, const store::Entity& self,
                                          const std::vector<store::Edge>& edges, bool outgoing,
                                          const EntityPageOptions& page) {
  std::vector<ShownEdge> shown;
  for (const store::Edge& e : edges) {
    Result<store::FactDates> dates = st.fact_dates(e.subject, e.relation, e.object);
    if (!dates.is_ok()) return dates.status();
    if ((!page.from.empty() || !page.to.empty()) && !dates->seen_between(page.from, page.to)) continue;
    Result<std::optional<std::string>> rel = st.relation_name(e.relation);
    if (!rel.is_ok()) return rel.status();
    Result<std::optional<store::Entity>> other = st.entity(outgoing ? e.object : e.subject);
    if (!other.is_ok()) return other.status();
    ShownEdge x;
    x.relation = rel->value_or("?");
    x.other = *other ? (*other)->name : "?";
    x.count = e.count;
    x.confidence = e.confidence;
    x.dates = std::move(*dates);
    x.outgoing = outgoing;
    const store::EntityType other_type = *other ? (*other)->type : store::EntityType::kConcept;
    if (!schema::is_named(self.type) || !schema::is_named(other_type)) {
      x.kind = FactKind::kStatement;
    } else if (graph::is_qualified_relation(x.relation)) {
      x.kind = FactKind::kQualified;
    } else if (const auto c = schema::canonical_relation(x.relation, outgoing ? self.type : other_type,
                                                         outgoing ? other_type : self.type)) {
      x.canonical = std::string(c->kind->name);
      x.reversed = c->reversed;
    }
    shown.push_back(std::move(x));
  }
  // Strongest first, then alphabetical, so the output is stable.
  std::sort(shown.begin(), shown.end(), [](const ShownEdge& a, const ShownEdge& b) {
    if (a.count != b.count) return a.count > b.count;
    if (a.relation != b.relation) return a.relation < b.relation;
    return a.other < b.other;
  });
  return shown;
}

// One fact of the JSON page; `other_key` names the entity at the other end.
nlohmann::json edge_json(const ShownEdge& s, const char* other_key) {
  nlohmann::json j = {{"relation", s.relation}, {other_key, s.other}, {"count", s.count},
                      {"confidence", s.confidence}, {"kind", fact_kind_name(s.kind)},
                      {"first_seen", s.dates.first_seen()}, {"last_seen", s.dates.last_seen()}};
  j["canonical"] = s.canonical.empty() ? nlohmann::json() : nlohmann::json(s.canonical);
  if (s.reversed) j["canonical_reversed"] = true;
  return j;
}

// The facts by the day they were first reported, then as the page orders
// them; facts of undated documents only come last, without a date.
std::string timeline_text(const std::vector<ShownEdge>& out_shown, const std::vector<ShownEdge>& in_shown) {
  std::vector<const ShownEdge*> facts;
  for (const auto* edges : {&out_shown, &in_shown}) {
    for (const ShownEdge& s : *edges) facts.push_back(&s);
  }
  std::stable_sort(facts.begin(), facts.end(), [](const ShownEdge* a, const ShownEdge* b) {
    return store::FactDates::first_reported_before(a->dates, b->dates);
  });
  std::string text = "timeline (first reported, last reported):\n";
  for (const ShownEdge* s : facts) {
    const std::string first = s->dates.first_seen(), last = s->dates.last_seen();
    const std::string when = first.empty() ? "undated" : first == last ? first : fmt::format("{}..{}", first, last);
    text += fmt::format("  {:<22} {} {}  {}  ({})\n", when, s->outgoing ? "->" : "<-", s->relation, s->other, s->count);
  }
  return text;
}

int run_entity(const std::string& db, const std::string& name, const EntityPageOptions& page) {
  const bool json = page.json;
  Result<std::unique_ptr<store::Store>> opened = store::Store::open(db, {});
  if (!opened.is_ok()) return report(opened.status());
  store::Store& st = **opened;
  Result<std::vector<store::Entity>> found = identity::find_entities(st, name);
  if (!found.is_ok()) return report(found.status());
  if (found->empty()) {
    Result<std::vector<store::Entity>> similar = identity::closest_entities(st, name, 5);
    if (!similar.is_ok()) return report(similar.status());
    std::string hint;
    for (const store::Entity& s : *similar) {
      hint += fmt::format("{}\"{}\"", hint.empty() ? "; did you mean " : ", ", s.name);
    }
    return report(Status::not_found(fmt::format("no entity named \"{}\" in {}{}", name, db, hint)));
  }
  const store::Entity& e = found->front();
  Result<std::vector<store::Alias>> aliases = st.aliases_of(e.id);
  if (!aliases.is_ok()) return report(aliases.status());
  Result<std::vector<store::Edge>> out_edges = st.out_edges(e.id);
  if (!out_edges.is_ok()) return report(out_edges.status());
  Result<std::vector<store::Edge>> in_edges = st.in_edges(e.id);
  if (!in_edges.is_ok()) return report(in_edges.status());
  Result<std::vector<ShownEdge>> out_shown = show_edges(st, e, *out_edges, true, page);
  if (!out_shown.is_ok()) return report(out_shown.status());
  Result<std::vector<ShownEdge>> in_shown = show_edges(st, e, *in_edges, false, page);
  if (!in_shown.is_ok()) return report(in_shown.status());
  const size_t degree = out_edges->size() + in_edges->size();
  // The articles that mention it, in the order they were first stored.
  Result<std::vector<std::pair<store::DocNo, uint32_t>>> mentioned_in = st.documents_of(e.id);
  if (!mentioned_in.is_ok()) return report(mentioned_in.status());
  std::vector<std::pair<store::DocumentInfo, uint32_t>> articles;
  for (const auto& [number, mentions] : *mentioned_in) {
    Result<std::optional<store::DocumentInfo>> info = st.document(number);
    if (!info.is_ok()) return report(info.status());
    if (*info) articles.emplace_back(std::move(**info), mentions);
  }

  if (json) {
    nlohmann::json out = {{"id", e.id},
                          {"name", e.name},
                          {"type", std::string(store::entity_type_name(e.type))},
                          {"mentions", e.mentions},
                          {"degree", degree},
                          {"aliases", nlohmann::json::array()},
                          {"out", nlohmann::json::array()},
                          {"in", nlohmann::json::array()},
                          {"articles", nlohmann::json::array()},
                          {"others_with_this_name", nlohmann::json::array()}};
    for (const store::Alias& a : *aliases) out["aliases"].push_back({{"name", a.surface}, {"count", a.count}});
    for (const ShownEdge& s : *out_shown) out["out"].push_back(edge_json(s, "object"));
    for (const ShownEdge& s : *in_shown) out["in"].push_back(edge_json(s, "subject"));
    for (const auto& [info, mentions] : articles) {
      out["articles"].push_back({{"id", info.id}, {"title", info.title}, {"mentions", mentions}});
    }
    for (size_t i = 1; i < found->size(); ++i) {
      out["others_with_this_name"].push_back(
          {{"id", (*found)[i].id}, {"name", (*found)[i].name},
           {"type", std::string(store::entity_type_name((*found)[i].type))}});
    }
    fmt::print("{}\n", out.dump(2));
    return 0;
  }

  // One text, written at once: on a terminal, stored names lose their control characters.
  std::string text;
  const auto out = std::back_inserter(text);
  fmt::format_to(out, "{} ({}, {} mentions)\n", e.name, store::entity_type_name(e.type), e.mentions);
  std::string names;
  for (const store::Alias& a : *aliases) names += fmt::format("{}{} ({})", names.empty() ? "" : ", ", a.surface, a.count);
  fmt::format_to(out, "aliases: {}\n", names.empty() ? "-" : names);
  fmt::format_to(out, "degree:  {} ({} out, {} in)\n", degree, out_edges->size(), in_edges->size());
  // A few articles by name; the count says how many there are in all.
  constexpr size_t kArticlesShown = 5;
  std::string listed;
  for (size_t i = 0; i < articles.size() && i < kArticlesShown; ++i) {
    listed += fmt::format("{}{}", listed.empty() ? "" : ", ", articles[i].first.id);
  }
  if (articles.size() > kArticlesShown) listed += fmt::format(", ... {}", articles.back().first.id);
  fmt::format_to(out, "articles: {}{}{}\n", articles.size(), listed.empty() ? "" : ": ", listed);
  if (!page.from.empty() || !page.to.empty()) {
    fmt::format_to(out, "facts reported from {} to {}\n", page.from.empty() ? "the start" : page.from,
                   page.to.empty() ? "now" : page.to);
  }
  if (page.timeline) text += timeline_text(*out_shown, *in_shown);
  // Each group lists outgoing facts, then incoming ones; one column width for all.
  size_t width = 0;
  auto label = [](const ShownEdge& s) {
    if (s.canonical.empty()) return s.relation;
    return fmt::format("{} [{}{}]", s.relation, s.canonical, s.reversed ? ", reversed" : "");
  };
  for (const auto* edges : {&*out_shown, &*in_shown}) {
    for (const ShownEdge& s : *edges) width = std::max(width, label(s).size());
  }
  for (const FactKind kind : {FactKind::kRelation, FactKind::kQualified, FactKind::kStatement}) {
    if (page.timeline) break;
    std::string lines;
    for (const auto& [edges, arrow] : {std::pair{&*out_shown, "->"}, std::pair{&*in_shown, "<-"}}) {
      for (const ShownEdge& s : *edges) {
        if (s.kind == kind) lines += fmt::format("  {} {:<{}}  {}  ({})\n", arrow, label(s), width, s.other, s.count);
      }
    }
    if (lines.empty()) continue;
    const char* heading = kind == FactKind::kRelation    ? "relations"
                          : kind == FactKind::kQualified ? "qualified (negated, modal, conditional, reported)"
                                                         : "statements";
    fmt::format_to(out, "{}:\n{}", heading, lines);
  }
  if (found->size() > 1) {
    std::string others;
    for (size_t i = 1; i < found->size(); ++i) {
      others += fmt::format("{}{} ({})", others.empty() ? "" : ", ", (*found)[i].name,
                            store::entity_type_name((*found)[i].type));
    }
    fmt::format_to(out, "also named \"{}\": {}\n", name, others);
  }
  write_stdout(text);
  return 0;
}

}  // namespace

Subcommand add_entity_command(CLI::App& kg, const GlobalOptions& global) {
  auto name = std::make_shared<std::string>();
  auto page = std::make_shared<EntityPageOptions>();
  Subcommand c;
  c.app = kg.add_subcommand("entity", "show one entity: names, type, relations");
  c.app->add_option("NAME", *name, "a name or alias of the entity (case and punctuation do not matter)")->required();
  c.app->add_flag("--json", page->json, "print a JSON object (each fact with first_seen and last_seen)");
  c.app->add_option("--from", page->from, "only facts reported on or after this day (YYYY-MM-DD)");
  c.app->add_option("--to", page->to, "only facts reported on or before this day (YYYY-MM-DD)");
  c.app->add_flag("--timeline", page->timeline,
                  "list the facts by the day their articles first reported them, with first and last day");
  c.run = [&global, name, page] {
    for (auto [flag, date] : {std::pair{"--from", &page->from}, std::pair{"--to", &page->to}}) {
      if (date->empty()) continue;
      const std::optional<std::string> day = dates::normalize_date(*date);
      if (!day) {
        return report(
            Status::invalid_input(fmt::format("{} {}: not a day of the calendar (write YYYY-MM-DD)", flag, *date)));
      }
      *date = *day;
    }
    if (!page->from.empty() && !page->to.empty() && page->from > page->to) {
      return report(Status::invalid_input(fmt::format("--from {} is after --to {}", page->from, page->to)));
    }
    return run_entity(global.db, *name, *page);
  };
  return c;
}

}  // namespace kg::cli
