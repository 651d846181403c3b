// kg merge | rename | retype | retract | history | undo: corrections a
// person makes to what the extractor built (issue 25). Each edit is its own
// record in the store (Store::add_edit) that every read applies; nothing
// extracted is rewritten, so the edits outlive re-ingests and removals.
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <memory>

#include "base/name_key.h"
#include "graph/export/export.h"
#include "graph/identity/identity.h"
#include "graph/store/store.h"
#include "tools/kg/commands.h"

namespace kg::cli {
namespace {

// Who makes an edit: the OS user.
std::string os_user() {
  if (const passwd* pw = ::getpwuid(::geteuid()); pw && pw->pw_name) return pw->pw_name;
  if (const char* user = std::getenv("USER"); user && *user) return user;
  return fmt::format("uid {}", ::geteuid());
}

std::string utc_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<std::unique_ptr<store::Store>> open_for_edit(const GlobalOptions& global) {
  store::OpenOptions options;
  options.mode = store::OpenOptions::Mode::kReadWrite;
  options.create_if_missing = false;
  return store::Store::open(global.db, options);
}

// The one entity a name means: "#N", a name only one entity has, or the one
// entity named exactly so; otherwise a one-line error naming the choices.
Result<store::Entity> one_entity(store::Store& st, const std::string& name) {
  Result<std::vector<store::Entity>> found = identity::find_entities(st, name);
  if (!found) return found.status();
  if (found->empty()) {
    Result<std::vector<store::Entity>> close = identity::closest_entities(st, name, 3);
    std::string hint;
    if (close && !close->empty()) {
      hint = "; did you mean";
      for (const store::Entity& e : *close) hint += fmt::format(" '{}' (#{})", e.name, e.id);
    }
    return Status::invalid_input(fmt::format("no entity named '{}'{}", name, hint));
  }
  const std::string key = names::name_key(name);
  const auto exact = [&](const store::Entity& e) { return names::name_key(e.name) == key; };
  if (found->size() == 1 || (exact((*found)[0]) && !exact((*found)[1]))) return (*found)[0];
  std::string choices;
  for (size_t i = 0; i < found->size() && i < 5; ++i) {
    choices += fmt::format("{}#{} {} ({})", i ? ", " : "", (*found)[i].id, (*found)[i].name,
                           store::entity_type_name((*found)[i].type));
  }
  return Status::invalid_input(fmt::format("'{}' names {} entities: {}; give one as #N", name, found->size(), choices));
}

Result<store::EntityType> entity_type(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
  if (std::optional<store::EntityType> t = store::parse_entity_type(text)) return *t;
  return Status::invalid_input(
      fmt::format("unknown entity type '{}' (one of PERSON, ORG, LOC, MISC, CONCEPT)", text));
}

// Fills in what an edit takes from the entities it names (a split's type).
using CompleteEdit = std::function<Status(store::Edit&, const std::vector<store::Entity>&)>;

// Records one edit on the entities named by `names`; prints what was done.
int record(const GlobalOptions& global, store::Edit edit, const std::vector<std::string>& names,
           const CompleteEdit& complete = {}) {
  Result<std::unique_ptr<store::Store>> st = open_for_edit(global);
  if (!st) return report(st.status());
  std::vector<store::EntityId> ids;
  std::vector<store::Entity> entities;
  for (const std::string& n : names) {
    Result<store::Entity> e = one_entity(**st, n);
    if (!e) return report(e.status());
    ids.push_back(e->id);
    entities.push_back(*e);
  }
  if (complete) {
    if (Status s = complete(edit, entities); !s) return report(s);
  }
  edit.who = os_user();
  edit.when = utc_now();
  Result<uint32_t> number = (*st)->add_edit(edit, ids);
  if (!number) return report(number.status());
  Result<std::vector<store::Edit>> all = (*st)->edits();
  if (!all) return report(all.status());
  fmt::print("edit {}: {}\n", *number, identity::describe_edit(all->back()));
  return 0;
}

struct EditOptions {
  std::vector<std::string> names;
  std::string entity, text, note, doc;
  int sentence = -1;
};

CLI::App* edit_command(CLI::App& kg, const char* name, const char* help, EditOptions& o) {
  CLI::App* app = kg.add_subcommand(name, help);
  app->add_option("--note", o.note, "why (shown by kg history)");
  return app;
}

// An edit of `kind` with the note, and the name (--name, NEW) when given.
store::Edit new_edit(store::EditKind kind, const EditOptions& o) {
  store::Edit e;
  e.kind = kind;
  e.note = o.note;
  e.name = o.text;
  return e;
}

// An edit of one entity with one argument (rename A NEW, retype A TYPE).
CLI::App* one_entity_command(CLI::App& kg, const char* name, const char* help, const char* what, const char* what_help,
                             EditOptions& o) {
  CLI::App* app = edit_command(kg, name, help, o);
  app->add_option("A", o.entity, "the entity (name or #N)")->required();
  app->add_option(what, o.text, what_help)->required();
  return app;
}

}  // namespace

Subcommand add_merge_command(CLI::App& kg, const GlobalOptions& global) {
  auto o = std::make_shared<EditOptions>();
  Subcommand c;
  c.app = edit_command(kg, "merge", "read two entities as one: B's names, facts and evidence join A's", *o);
  c.app->add_option("A", o->names, "the entity kept, then the entity merged into it (name or #N)")
      ->required()
      ->expected(2);
  c.app->add_option("--name", o->text, "the name the merged entity shows");
  c.run = [&global, o] {
    return record(global, new_edit(store::EditKind::kMerge, *o), o->names);
  };
  return c;
}

Subcommand add_split_command(CLI::App& kg, const GlobalOptions& global) {
  auto o = std::make_shared<EditOptions>();
  auto aliases = std::make_shared<std::vector<std::string>>();
  auto docs = std::make_shared<std::vector<std::string>>();
  auto type = std::make_shared<std::string>();
  Subcommand c;
  c.app = edit_command(kg, "split",
                       "move the mentions an entity has under some aliases, or in some documents, with their facts, "
                       "to a new entity",
                       *o);
  c.app->add_option("A", o->entity, "the entity (name or #N)")->required();
  c.app->add_option("--alias", *aliases, "the documents that call A this move (repeatable)");
  c.app->add_option("--doc", *docs, "the mentions in this document move (repeatable)");
  c.app->add_option("--name", o->text, "the new entity's name (default: the first --alias)");
  c.app->add_option("--type", *type, "the new entity's type (default: A's)");
  c.run = [&global, o, aliases, docs, type] {
    if (aliases->empty() == docs->empty()) return report(Status::invalid_input("give --alias or --doc (not both)"));
    if (o->text.empty() && aliases->empty()) return report(Status::invalid_input("--doc needs --name for the new entity"));
    store::Edit e = new_edit(store::EditKind::kSplit, *o);
    if (e.name.empty()) e.name = aliases->front();
    e.aliases = *aliases;
    e.docs = *docs;
    std::optional<store::EntityType> given;
    if (!type->empty()) {
      Result<store::EntityType> t = entity_type(*type);
      if (!t) return report(t.status());
      given = *t;
    }
    return record(global, e, {o->entity}, [given](store::Edit& edit, const std::vector<store::Entity>& named) {
      edit.type = given.value_or(named.at(0).type);
      return Status::ok();
    });
  };
  return c;
}

Subcommand add_assert_command(CLI::App& kg, const GlobalOptions& global) {
  auto o = std::make_shared<EditOptions>();
  auto args = std::make_shared<std::vector<std::string>>();
  auto source = std::make_shared<std::string>();
  Subcommand c;
  c.app = edit_command(kg, "assert", "add a fact a person vouches for, with its source", *o);
  c.app->add_option("FACT", *args, "SUBJECT RELATION OBJECT (stored entities, by name or #N)")->required()->expected(3);
  c.app->add_option("--source", *source, "where the fact comes from (a URL, a citation); required");
  c.run = [&global, o, args, source] {
    if (names::name_key((*args)[1]).empty()) return report(Status::invalid_input("the relation is empty"));
    if (source->find_first_not_of(" \t") == std::string::npos) {
      return report(Status::invalid_input("an assertion needs --source TEXT: where the fact comes from"));
    }
    store::Edit e;
    e.kind = store::EditKind::kAssert;
    e.relation = (*args)[1];
    e.source = *source;
    e.note = o->note;
    return record(global, e, {(*args)[0], (*args)[2]});
  };
  return c;
}

Subcommand add_rename_command(CLI::App& kg, const GlobalOptions& global) {
  auto o = std::make_shared<EditOptions>();
  Subcommand c;
  c.app = one_entity_command(kg, "rename", "give an entity the name readers see", "NEW", "its new name", *o);
  c.run = [&global, o] {
    if (names::name_key(o->text).empty()) return report(Status::invalid_input("the new name is empty"));
    return record(global, new_edit(store::EditKind::kRename, *o), {o->entity});
  };
  return c;
}

Subcommand add_retype_command(CLI::App& kg, const GlobalOptions& global) {
  auto o = std::make_shared<EditOptions>();
  Subcommand c;
  c.app = one_entity_command(kg, "retype", "correct an entity's type", "TYPE", "PERSON, ORG, LOC, MISC or CONCEPT", *o);
  c.run = [&global, o] {
    Result<store::EntityType> type = entity_type(o->text);
    if (!type) return report(type.status());
    store::Edit e = new_edit(store::EditKind::kRetype, *o);
    e.name.clear();
    e.type = *type;
    return record(global, e, {o->entity});
  };
  return c;
}

Subcommand add_retract_command(CLI::App& kg, const GlobalOptions& global) {
  auto o = std::make_shared<EditOptions>();
  auto args = std::make_shared<std::vector<std::string>>();
  Subcommand c;
  c.app = edit_command(kg, "retract", "take out a wrong fact, or one piece of its evidence", *o);
  c.app->add_option("FACT", *args, "SUBJECT RELATION OBJECT (the relation phrase as stored)")
      ->required()
      ->expected(3);
  c.app->add_option("--doc", o->doc, "only the evidence from this document id...");
  c.app->add_option("--sentence", o->sentence, "... and this sentence, counted from 1 as the exports show it");
  c.run = [&global, o, args] {
    if (o->doc.empty() != (o->sentence < 0) || o->sentence == 0) {
      return report(Status::invalid_input("--doc DOC and --sentence N (1 or more) go together"));
    }
    store::Edit e;
    e.kind = store::EditKind::kRetract;
    e.relation = (*args)[1];
    e.doc = o->doc;
    e.sentence = o->sentence < 0 ? 0 : static_cast<uint32_t>(o->sentence - 1);  // stored: from 0
    e.note = o->note;
    return record(global, e, {(*args)[0], (*args)[2]});
  };
  return c;
}

namespace {

bool shares(const std::vector<store::EntityId>& a, const std::vector<store::EntityId>& b) {
  return std::any_of(a.begin(), a.end(), [&](store::EntityId id) { return std::find(b.begin(), b.end(), id) != b.end(); });
}

// The active edits after `edit` that touch what it touches, or what those
// touch in turn: undoing `edit` alone would leave them standing on it.
Result<std::vector<const store::Edit*>> dependents(store::Store& st, const std::vector<store::Edit>& all,
                                                   const store::Edit& edit) {
  Result<std::vector<store::EntityId>> reach = identity::edit_entities(st, edit);
  if (!reach) return reach.status();
  std::vector<const store::Edit*> out;
  for (const store::Edit& later : all) {
    if (later.number <= edit.number || later.undone) continue;
    Result<std::vector<store::EntityId>> ids = identity::edit_entities(st, later);
    if (!ids) return ids.status();
    if (!shares(*reach, *ids)) continue;
    out.push_back(&later);
    reach->insert(reach->end(), ids->begin(), ids->end());
  }
  return out;
}

}  // namespace

Subcommand add_history_command(CLI::App& kg, const GlobalOptions& global) {
  auto entity = std::make_shared<std::string>();
  Subcommand c;
  c.app = kg.add_subcommand("history", "list the edits: number, when, who, what, why");
  c.app->add_option("ENTITY", *entity, "only the edits that touch this entity (name or #N)");
  c.run = [&global, entity] {
    store::OpenOptions options;
    options.create_if_missing = false;
    Result<std::unique_ptr<store::Store>> st = store::Store::open(global.db, options);
    if (!st) return report(st.status());
    std::optional<store::EntityId> only;
    if (!entity->empty()) {
      Result<store::Entity> e = one_entity(**st, *entity);
      if (!e) return report(e.status());
      only = e->id;
    }
    Result<std::vector<store::Edit>> all = (*st)->edits();
    if (!all) return report(all.status());
    std::string out;
    for (const store::Edit& e : *all) {
      if (only) {
        Result<std::vector<store::EntityId>> ids = identity::edit_entities(**st, e);
        if (!ids) return report(ids.status());
        if (std::find(ids->begin(), ids->end(), *only) == ids->end()) continue;
      }
      out += fmt::format("{}\t{}\t{}\t{}", e.number, e.when, e.who, identity::describe_edit(e));
      if (!e.note.empty()) out += fmt::format("\tbecause: {}", e.note);
      if (e.undone) out += fmt::format("\t[undone by {} at {}]", e.undone_by, e.undone_when);
      out += '\n';
    }
    if (out.empty()) out = only ? "no edits touch this entity\n" : "no edits\n";
    write_stdout(out);
    return 0;
  };
  return c;
}

Subcommand add_undo_command(CLI::App& kg, const GlobalOptions& global) {
  auto number = std::make_shared<int64_t>(0);
  auto cascade = std::make_shared<bool>(false);
  Subcommand c;
  c.app = kg.add_subcommand("undo", "revert an edit (default: the latest one still in force)");
  c.app->add_option("EDIT", *number, "the edit number (kg history)");
  c.app->add_flag("--cascade", *cascade, "also undo the later edits that depend on it (listed first)");
  c.run = [&global, number, cascade] {
    Result<std::unique_ptr<store::Store>> st = open_for_edit(global);
    if (!st) return report(st.status());
    Result<std::vector<store::Edit>> all = (*st)->edits();
    if (!all) return report(all.status());
    const store::Edit* target = nullptr;
    for (const store::Edit& e : *all) {
      if (*number ? e.number == *number : !e.undone) target = &e;
    }
    if (!target) {
      return report(Status::invalid_input(*number ? fmt::format("no edit {}", *number) : "no edit to undo"));
    }
    if (target->undone) return report(Status::invalid_input(fmt::format("edit {} is already undone", target->number)));
    Result<std::vector<const store::Edit*>> later = dependents(**st, *all, *target);
    if (!later) return report(later.status());
    if (!later->empty() && !*cascade) {
      std::string which;
      for (const store::Edit* e : *later) which += fmt::format("{}{} ({})", which.empty() ? "" : ", ", e->number,
                                                                store::edit_kind_name(e->kind));
      return report(Status::invalid_input(fmt::format(
          "edit {} has later edits that depend on it: {}; undo them first, or pass --cascade", target->number, which)));
    }
    std::vector<const store::Edit*> order(later->rbegin(), later->rend());  // latest first
    order.push_back(target);
    const std::string who = os_user(), when = utc_now();
    for (const store::Edit* e : order) {
      if (Status s = (*st)->undo_edit(e->number, who, when); !s) return report(s);
      fmt::print("undid edit {}: {}\n", e->number, identity::describe_edit(*e));
    }
    return 0;
  };
  return c;
}

}  // namespace kg::cli

namespace kg::cli {

namespace {

// The same correction: what an edit does, not who made it or when.
bool same_curation(const store::Edit& a, const store::Edit& b) {
  return a.kind == b.kind && a.entities == b.entities && a.name == b.name && a.type == b.type &&
         a.aliases == b.aliases && a.docs == b.docs && a.relation == b.relation && a.source == b.source &&
         a.doc == b.doc && a.sentence == b.sentence;
}

// Why an imported edit need not be recorded ("" = it must): the store holds
// the same edit in force, or a merge's two entities read as one already.
Result<std::string> already_so(store::Store& st, const store::Edit& e, const std::vector<store::EntityId>& ids) {
  if (e.kind == store::EditKind::kMerge && ids.size() == 2 && ids[0] == ids[1]) {
    return std::string("the two entities read as one already");
  }
  Result<std::vector<store::Edit>> all = st.edits();
  if (!all) return all.status();
  for (const store::Edit& held : *all) {
    if (!held.undone && same_curation(held, e)) return fmt::format("the same as edit {}", held.number);
  }
  return std::string();
}

// Records the edits of `path` (each with its line number) in one batch: a
// line that names an entity this store lacks, or that the store refuses,
// stops the import with "FILE:LINE: why" and nothing written. `skipped`
// gets a line for each edit the store has in force already.
Status import_edits(store::Store& st, const std::string& path, const std::vector<std::pair<size_t, store::Edit>>& edits,
                    size_t& added, std::string& skipped) {
  const auto at = [&](size_t line, const Status& s) {
    if (s.code() != Status::Code::kInvalidInput) return s;
    return Status::invalid_input(fmt::format("{}:{}: {}", path, line, s.message()));
  };
  return st.edit_together([&]() -> Status {
    for (const auto& [n, e] : edits) {
      std::vector<store::EntityId> ids;
      for (const store::EntityRef& ref : e.entities) {
        Result<std::optional<store::EntityId>> id = st.resolve(ref);  // sees the file's earlier edits
        if (!id) return id.status();
        if (!*id) {
          return at(n, Status::invalid_input(fmt::format("no entity {} ({}) in this store", ref.name,
                                                         store::entity_type_name(ref.type))));
        }
        ids.push_back(**id);
      }
      Result<std::string> skip = already_so(st, e, ids);
      if (!skip) return skip.status();
      if (!skip->empty()) {
        skipped += fmt::format("{}:{}: skipped: {}\n", path, n, *skip);
        continue;
      }
      Result<uint32_t> number = st.add_edit(e, ids);
      if (!number) return at(n, number.status());
      ++added;
    }
    return Status::ok();
  });
}

}  // namespace

Subcommand add_import_edits_command(CLI::App& kg, const GlobalOptions& global) {
  auto path = std::make_shared<std::string>();
  Subcommand c;
  c.app = kg.add_subcommand("import-edits", "replay the edits of `kg export --format edits` on this store");
  c.app->add_option("FILE", *path, "one JSON edit a line")->required();
  c.run = [&global, path] {
    std::ifstream in(*path);
    if (!in) return report(Status::invalid_input(fmt::format("cannot read {}", *path)));
    Result<std::unique_ptr<store::Store>> st = open_for_edit(global);
    if (!st) return report(st.status());
    std::vector<std::pair<size_t, store::Edit>> edits;
    std::string line;
    for (size_t n = 1; std::getline(in, line); ++n) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      Result<store::Edit> e = graph::edit_from_json(line);
      if (!e) return report(Status::invalid_input(fmt::format("{}:{}: {}", *path, n, e.status().message())));
      if (!e->undone) edits.emplace_back(n, std::move(*e));
    }
    size_t added = 0;
    std::string skipped;  // shown once the import is written
    if (Status s = import_edits(**st, *path, edits, added, skipped); !s) return report(s);
    write_stdout(skipped);
    fmt::print("imported {} of {} edits\n", added, edits.size());
    return 0;
  };
  return c;
}

}  // namespace kg::cli
