// kg stats [--json]: the store's counts (kept up to date by every write, so O(1)).
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "graph/store/store.h"
#include "tools/kg/commands.h"

namespace kg::cli {
namespace {

// --documents: every stored document with its date (and whether it is the
// ingest day, the article having none) and the near-copies left out for it.
Status print_documents(store::Store& st, bool json) {
  nlohmann::json list = nlohmann::json::array();
  std::string text;
  Status s = st.for_each_document([&](const store::DocumentInfo& d) {
    if (json) {
      list.push_back({{"id", d.id}, {"title", d.title}, {"date", d.date},
                      {"date_is_ingest_date", d.date_is_ingest_date}, {"near_duplicates", d.near_duplicates}});
      return;
    }
    text += fmt::format("{}\t{}{}\t{}", d.id, d.date.empty() ? "-" : d.date,
                        d.date_is_ingest_date ? " (ingest date)" : "", d.title);
    if (!d.near_duplicates.empty()) text += fmt::format("\tnear-copies: {}", fmt::join(d.near_duplicates, ", "));
    text += '\n';
  });
  if (!s) return s;
  if (json) {
    fmt::print("{}\n", list.dump(2));
  } else {
    write_stdout(text);
  }
  return Status::ok();
}

}  // namespace

Subcommand add_stats_command(CLI::App& kg, const GlobalOptions& global) {
  Subcommand c;
  c.app = kg.add_subcommand("stats", "counts of documents, entities, relations and facts");
  auto json = std::make_shared<bool>(false);
  c.app->add_flag("--json", *json, "print a JSON object");
  auto documents = std::make_shared<bool>(false);
  c.app->add_flag("--documents", *documents,
                  "list the documents instead, one a line: id, date (\"(ingest date)\" when the article had none), "
                  "title, and the ids of near-copies left out in its favour");
  c.run = [&global, json, documents] {
    Result<std::unique_ptr<store::Store>> st = store::Store::open(global.db, {});
    if (!st) return report(st.status());
    if (*documents) {
      Status s = print_documents(**st, *json);
      return s ? 0 : report(s);
    }
    Result<store::Stats> stats = (*st)->stats();
    if (!stats) return report(stats.status());
    const store::Stats& s = *stats;
    if (*json) {
      nlohmann::json by_type = nlohmann::json::object();
      for (size_t t = 0; t < store::kEntityTypeCount; ++t) {
        by_type[std::string(store::entity_type_name(static_cast<store::EntityType>(t)))] = s.entities_by_type[t];
      }
      nlohmann::json out = {{"documents", s.documents}, {"sentences", s.sentences},   {"entities", s.entities},
                            {"entities_by_type", by_type}, {"relations", s.relations}, {"edges", s.edges},
                            {"evidence", s.evidence},      {"aliases", s.aliases}};
      fmt::print("{}\n", out.dump(2));
      return 0;
    }
    std::string types;
    for (size_t t = 0; t < store::kEntityTypeCount; ++t) {
      types += fmt::format("{}{} {}", t ? ", " : "", store::entity_type_name(static_cast<store::EntityType>(t)),
                           s.entities_by_type[t]);
    }
    fmt::print("documents  {}\n", s.documents);
    fmt::print("sentences  {}\n", s.sentences);
    fmt::print("entities   {} ({})\n", s.entities, types);
    fmt::print("aliases    {}\n", s.aliases);
    fmt::print("relations  {}\n", s.relations);
    fmt::print("edges      {}\n", s.edges);
    fmt::print("evidence   {}\n", s.evidence);
    return 0;
  };
  return c;
}

}  // namespace kg::cli
