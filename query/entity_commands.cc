// :entity and :sources: one entity's record, one fact's evidence. Both read
// the store directly (aliases and evidence are not in the view).
#include <algorithm>
#include <fmt/format.h>

#include "graph/identity/identity.h"
#include "graph/schema/schema.h"
#include "graph/view.h"
#include "query/entity_resolver.h"
#include "query/executor.h"

namespace kg::query {
namespace {

// :entity shows the best supported relations first and stops here; the
// full list is :neighbors' job.
constexpr size_t kEntityRelationRows = 50;

std::string also_matches(const ResolvedEntity& r) {
  if (r.others.empty()) return "";
  std::vector<std::string> names;
  for (const store::Entity& e : r.others) names.push_back(fmt::format("{} ({})", e.name, store::entity_type_name(e.type)));
  return fmt::format("note: \"{}\" also names {}; use the full name to choose", r.entity.name, fmt::join(names, ", "));
}

void add_note(QueryResult& result, const std::string& note) {
  if (note.empty()) return;
  if (!result.message.empty()) result.message += "\n";
  result.message += note;
}

}  // namespace

Result<QueryResult> run_entity(ExecContext& ctx, const EntityCommand& cmd) {
  auto resolved = resolve_entity(ctx.store, cmd.name);
  if (!resolved) return resolved.status();
  const store::Entity& e = resolved->entity;
  auto aliases = ctx.store.aliases_of(e.id);
  if (!aliases) return aliases.status();
  auto out = ctx.store.out_edges(e.id);
  if (!out) return out.status();
  auto in = ctx.store.in_edges(e.id);
  if (!in) return in.status();

  std::vector<std::string> surfaces;
  for (const store::Alias& a : *aliases) {
    if (a.surface != e.name && std::find(surfaces.begin(), surfaces.end(), a.surface) == surfaces.end()) {
      surfaces.push_back(a.surface);
    }
  }
  QueryResult result;
  Table info{"entity", fmt::format("{} ({})", e.name, store::entity_type_name(e.type)),
             {"id", "name", "type", "mentions", "degree", "aliases"}, {}};
  info.rows.push_back({static_cast<int64_t>(e.id), e.name, std::string(store::entity_type_name(e.type)),
                       static_cast<int64_t>(e.mentions), static_cast<int64_t>(out->size() + in->size()),
                       fmt::format("{}", fmt::join(surfaces, "; "))});
  result.tables.push_back(std::move(info));

  struct Row {
    store::Edge edge;
    store::FactDates dates;
  };
  std::vector<Row> rows;
  const bool period = !cmd.from.empty() || !cmd.to.empty();
  for (const auto* edges : {&*out, &*in}) {
    for (const store::Edge& x : *edges) {
      auto dates = ctx.store.fact_dates(x.subject, x.relation, x.object);
      if (!dates) return dates.status();
      if (!period || dates->seen_between(cmd.from, cmd.to)) rows.push_back({x, std::move(*dates)});
    }
  }
  // Best supported first, or (timeline) by the day first reported, undated last.
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    return cmd.timeline ? store::FactDates::first_reported_before(a.dates, b.dates) : a.edge.count > b.edge.count;
  });
  StoreNames names(ctx.store);
  std::string title = cmd.timeline ? "Relations, by the day first reported" : "Relations, best supported first";
  if (period) {
    title += fmt::format(", reported from {} to {}", cmd.from.empty() ? "the start" : cmd.from,
                         cmd.to.empty() ? "now" : cmd.to);
  }
  Table relations{"relations",
                  title,
                  {"subject", "relation", "canonical", "object", "count", "confidence", "kind", "first_seen",
                   "last_seen"},
                  {}};
  for (size_t i = 0; i < rows.size() && i < kEntityRelationRows; ++i) {
    const store::Edge& x = rows[i].edge;
    auto subject = names.entity(x.subject);
    if (!subject) return subject.status();
    auto object = names.entity(x.object);
    if (!object) return object.status();
    auto relation = names.relation(x.relation);
    if (!relation) return relation.status();
    // docs/relations.md: a relation joins two names (plain or qualified); a
    // statement has a common-noun phrase at one end.
    std::string canonical, kind = "statement";
    if (schema::is_named(subject->type) && schema::is_named(object->type)) {
      kind = graph::is_qualified_relation(*relation) ? "qualified" : "relation";
      if (const auto c = schema::canonical_relation(*relation, subject->type, object->type); c && kind == "relation") {
        canonical = c->reversed ? fmt::format("{} (reversed)", c->kind->name) : std::string(c->kind->name);
      }
    }
    relations.rows.push_back({subject->name, *relation, canonical, object->name, static_cast<int64_t>(x.count),
                              static_cast<double>(x.confidence), kind, rows[i].dates.first_seen(),
                              rows[i].dates.last_seen()});
  }
  result.tables.push_back(std::move(relations));
  if (rows.size() > kEntityRelationRows) {
    add_note(result, fmt::format("showing the {} best supported of {} relations; :neighbors \"{}\" lists every neighbour",
                                 kEntityRelationRows, rows.size(), e.name));
  }
  add_note(result, also_matches(*resolved));
  return result;
}

Result<QueryResult> run_sources(ExecContext& ctx, const SourcesCommand& cmd) {
  auto subject = resolve_entity(ctx.store, cmd.subject);
  if (!subject) return subject.status();
  auto object = resolve_entity(ctx.store, cmd.object);
  if (!object) return object.status();
  const store::Entity& s = subject->entity;
  const store::Entity& o = object->entity;

  std::optional<store::Edge> edge;
  auto relation = ctx.store.find_relation(cmd.relation);
  if (!relation) return relation.status();
  if (relation->has_value()) {
    auto found = ctx.store.edge(s.id, **relation, o.id);
    if (!found) return found.status();
    edge = *found;
  } else if (const schema::RelationKind* kind = schema::find_relation_kind(cmd.relation)) {
    // A canonical name ("meets"): the best supported stored phrase that means
    // it between the two, in the direction it reads.
    StoreNames names(ctx.store);
    auto out = ctx.store.out_edges(s.id);
    if (!out) return out.status();
    for (const store::Edge& x : *out) {
      if (x.object != o.id) continue;
      auto phrase = names.relation(x.relation);
      if (!phrase) return phrase.status();
      const auto c = schema::canonical_relation(*phrase, s.type, o.type);
      if (c && c->kind == kind && !c->reversed && (!edge || x.count > edge->count)) edge = x;
    }
  }
  if (!edge) {
    // Say what does link the two, in either direction, so the user can
    // retype the fact.
    StoreNames names(ctx.store);
    std::vector<std::string> facts;
    for (const auto& [from, to] : {std::pair{s, o}, std::pair{o, s}}) {
      auto out = ctx.store.out_edges(from.id);
      if (!out) return out.status();
      for (const store::Edge& x : *out) {
        if (x.object != to.id) continue;
        auto r = names.relation(x.relation);
        if (!r) return r.status();
        facts.push_back(fmt::format("{} {} {} ({})", from.name, arrow(*r, true), to.name, x.count));
      }
    }
    const std::string fact = fmt::format("{} {} {}", s.name, arrow(cmd.relation, true), o.name);
    if (facts.empty()) {
      return Status::not_found(fmt::format("no fact {}: nothing links {} and {}", fact, s.name, o.name));
    }
    return Status::not_found(fmt::format("no fact {}; the facts between them: {}", fact, fmt::join(facts, "; ")));
  }

  auto evidence = ctx.store.evidence(s.id, edge->relation, o.id);
  if (!evidence) return evidence.status();
  QueryResult result;
  Table table{"sources",
              fmt::format("{} {} {}: {} sentence{}", s.name, arrow(cmd.relation, true), o.name, evidence->size(),
                          evidence->size() == 1 ? "" : "s"),
              {"doc", "sentence", "confidence", "text", "note"},
              {}};
  std::unordered_map<store::DocNo, std::string> doc_ids;
  for (const store::Evidence& ev : *evidence) {
    if (ev.asserted_by != 0) {  // a person's assertion: no document, its source
      table.rows.push_back({fmt::format("(edit {})", ev.asserted_by), int64_t{0}, static_cast<double>(ev.confidence),
                            std::string(), fmt::format("asserted, source: {}", ev.source)});
      continue;
    }
    if (!doc_ids.count(ev.doc)) {
      auto info = ctx.store.document(ev.doc);
      if (!info) return info.status();
      doc_ids[ev.doc] = info->has_value() ? (*info)->id : fmt::format("#{}", ev.doc);
    }
    auto text = ctx.store.sentence_text(ev.doc, ev.sentence);
    if (!text) return text.status();
    std::string shown = text->value_or("");
    // Triples files keep no text: the fact itself is the sentence.
    if (shown.empty()) shown = fmt::format("{}\t{}\t{}", s.name, cmd.relation, o.name);
    std::vector<std::string> notes;
    if (ev.negated) notes.push_back("negated");
    if (ev.modal) notes.push_back("modal");
    if (!ev.attribution.empty()) notes.push_back(fmt::format("said by {}", ev.attribution));
    table.rows.push_back({doc_ids[ev.doc], static_cast<int64_t>(ev.sentence) + 1, static_cast<double>(ev.confidence),
                          std::move(shown), fmt::format("{}", fmt::join(notes, ", "))});
  }
  result.tables.push_back(std::move(table));
  add_note(result, also_matches(*subject));
  add_note(result, also_matches(*object));
  return result;
}

Result<QueryResult> run_history(ExecContext& ctx, const HistoryCommand& cmd) {
  std::optional<store::EntityId> only;
  std::string title = "Edits";
  if (cmd.name) {
    auto resolved = resolve_entity(ctx.store, *cmd.name);
    if (!resolved) return resolved.status();
    only = resolved->entity.id;
    title = fmt::format("Edits touching {}", resolved->entity.name);
  }
  auto edits = ctx.store.edits();
  if (!edits) return edits.status();
  Table table{"history", title, {"edit", "when", "who", "what", "why", "undone"}, {}};
  for (const store::Edit& e : *edits) {
    if (only) {
      auto ids = identity::edit_entities(ctx.store, e);
      if (!ids) return ids.status();
      if (std::find(ids->begin(), ids->end(), *only) == ids->end()) continue;
    }
    table.rows.push_back({static_cast<int64_t>(e.number), e.when, e.who, identity::describe_edit(e), e.note,
                          e.undone ? fmt::format("by {} at {}", e.undone_by, e.undone_when) : std::string()});
  }
  QueryResult result;
  if (table.rows.empty()) result.message = only ? "no edits touch this entity" : "no edits";
  result.tables.push_back(std::move(table));
  return result;
}

}  // namespace kg::query
