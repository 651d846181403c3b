// kg export --format F [-o FILE] [--focus NAME]... [--depth N] [filters]
//
// Diagrams (dot, svg, png) draw the entity graph by default: named
// entities and the edges between them, at most --max-nodes of them; --all
// draws everything. Data formats (json, csv, nt, graphml) hold everything
// unless a filter is given.
#include <fmt/format.h>
#include <iostream>

#include "graph/export/export.h"
#include "graph/store/store.h"
#include "query/query.h"
#include "tools/kg/commands.h"

namespace kg::cli {
namespace {

struct Options {
  std::string format;
  std::string out;
  std::vector<std::string> focus;
  uint32_t depth = 1;
  std::vector<std::string> types;
  std::vector<std::string> relations;
  uint32_t min_count = 1;
  std::optional<size_t> max_nodes;
  std::string layout = "auto";
  bool all = false;
  std::string base{graph::kDefaultBaseIri};
  size_t max_evidence = 0;
};

bool is_diagram(graph::ExportFormat f) {
  return f == graph::ExportFormat::kDot || f == graph::ExportFormat::kSvg || f == graph::ExportFormat::kPng;
}

// The scope the options ask for, before the focus names are looked up.
Result<graph::ExportScope> scope_of(const Options& o, graph::ExportFormat format) {
  // Every format shows the entity graph unless --all (docs/relations.md):
  // diagrams also drop isolated entities and cap the node count; data
  // formats keep every named entity.
  graph::ExportScope scope;
  if (is_diagram(format) && !o.all) scope = graph::diagram_scope();
  if (!is_diagram(format) && !o.all) scope.types = graph::diagram_scope().types;
  if (format == graph::ExportFormat::kJson) scope.max_evidence_per_edge = o.max_evidence;
  // GraphML and diagrams show each edge's first sentence only.
  if (format == graph::ExportFormat::kGraphml || is_diagram(format)) scope.max_evidence_per_edge = 1;
  scope.with_evidence = format != graph::ExportFormat::kCsv && format != graph::ExportFormat::kNTriples;
  if (!o.types.empty()) {
    scope.types.clear();
    for (const std::string& name : o.types) {
      const auto type = store::parse_entity_type(name);
      if (!type) return Status::invalid_input(fmt::format("--types: unknown type '{}'; use PERSON, ORG, LOC, MISC or CONCEPT", name));
      scope.types.push_back(*type);
    }
  }
  scope.relations = o.relations;
  scope.min_count = o.min_count;
  scope.depth = o.depth;
  if (o.max_nodes) scope.max_nodes = *o.max_nodes;
  return scope;
}

// One line on standard error saying what --max-nodes left out and how to see it.
void report_left_out(const graph::GraphSnapshot& snapshot, size_t max_nodes) {
  const graph::LeftOut& left = snapshot.left_out;
  if (left.nodes == 0) return;
  fmt::print(stderr,
             "kg: kept {} entities by --max-nodes {} (focus first, then the highest summed edge support); left out {} "
             "entities and {} edges, the most connected: {}; raise --max-nodes or narrow with --focus/--types\n",
             snapshot.nodes.size(), max_nodes, left.nodes, left.edges, fmt::join(left.most_connected, ", "));
}

// `kg export --format edits`: every edit, one JSON line each, for `kg import-edits`.
int export_edits(const GlobalOptions& global, const std::string& out_file) {
  store::OpenOptions open;
  auto store = store::Store::open(global.db, open);
  if (!store) return report(store.status());
  Result<std::vector<store::Edit>> edits = (*store)->edits();
  if (!edits) return report(edits.status());
  if (Status s = graph::write_edits(*edits, out_file, std::cout); !s) return report(s);
  if (!out_file.empty()) fmt::print(stderr, "kg: wrote {} ({} edits)\n", out_file, edits->size());
  return 0;
}

}  // namespace

Subcommand add_export_command(CLI::App& kg, const GlobalOptions& global) {
  auto options = std::make_shared<Options>();
  Subcommand c;
  c.app = kg.add_subcommand("export", "export the graph (dot, svg, png, graphml, json, csv, nt)");
  c.app->add_option("--format,-f", options->format, "dot, svg, png, graphml, json, csv, nt, or edits (the person-made edits, one JSON object a line)")
      ->required();
  c.app->add_option("-o,--output", options->out,
                    "output file (default: standard output); for csv a folder that gets nodes.csv and edges.csv");
  auto* focus = c.app->add_option("--focus", options->focus, "only the neighbourhood of this entity (repeatable)");
  c.app->add_option("--depth", options->depth, "hops around --focus (default 1)")->needs(focus)->check(CLI::Range(1, 10));
  c.app->add_option("--types", options->types, "only entities of these types: PERSON,ORG,LOC,MISC,CONCEPT")
      ->delimiter(',');
  c.app->add_option("--relations", options->relations, "only edges with these relation phrases (comma-separated)")
      ->delimiter(',');
  c.app->add_option("--min-count", options->min_count, "only edges stated by at least N sentences (default 1)")
      ->check(CLI::Range(1u, 1000000u));
  c.app->add_option("--max-nodes", options->max_nodes,
                    fmt::format("at most N entities, the focus and then the best connected (diagrams: default {}; "
                                "0: no cap)", graph::kDiagramMaxNodes));
  c.app->add_option("--layout", options->layout, "diagrams: auto, dot, neato or sfdp (auto: by size)")
      ->check(CLI::IsMember({"auto", "dot", "neato", "sfdp"}));
  c.app->add_flag("--all", options->all,
                  "everything: statements (CONCEPT ends) and qualified relations too; diagrams also keep isolated entities, "
                  "with no cap");
  c.app->add_option("--base", options->base,
                    fmt::format("nt: the IRI every exported IRI starts with (default {})", graph::kDefaultBaseIri));
  c.app->add_option("--max-evidence", options->max_evidence,
                    "json: at most N evidence sentences per edge (default: all); capped edges get \"evidence_total\"")
      ->check(CLI::Range(1, 1000000));
  c.run = [options, &global] {
    if (options->format == "edits") return export_edits(global, options->out);
    const auto format = graph::parse_export_format(options->format);
    if (!format) {
      return report(Status::invalid_input(
          fmt::format("unknown export format '{}'; use one of dot, svg, png, graphml, json, csv, nt", options->format)));
    }
    if (*format == graph::ExportFormat::kNTriples) {
      if (Status s = graph::check_base_iri(options->base); !s) return report(s);
    }
    // Check for graphviz before reading the store: the advice is the answer.
    if ((*format == graph::ExportFormat::kSvg || *format == graph::ExportFormat::kPng) && !graph::find_graphviz_dot()) {
      return report(Status::invalid_input(std::string(graph::graphviz_install_advice())));
    }
    auto scope = scope_of(*options, *format);
    if (!scope) return report(scope.status());
    store::OpenOptions open;
    open.mode = store::OpenOptions::Mode::kReadOnly;
    auto store = store::Store::open(global.db, open);
    if (!store) return report(store.status());
    for (const std::string& name : options->focus) {
      auto entity = query::find_entity(**store, name);
      if (!entity) return report(entity.status());
      scope->more_focus.push_back(entity->id);
    }
    auto snapshot = graph::collect_snapshot(**store, *scope);
    if (!snapshot) return report(snapshot.status());
    report_left_out(*snapshot, scope->max_nodes);
    graph::WriteOptions write;
    write.base_iri = options->base;
    write.layout = *graph::parse_layout(options->layout);
    std::vector<std::string> written;
    if (Status s = graph::write_export(*snapshot, *format, options->out, write, std::cout, &written); !s) return report(s);
    for (const std::string& path : written) {
      fmt::print(stderr, "kg: wrote {} ({} entities, {} edges)\n", path, snapshot->nodes.size(), snapshot->edges.size());
    }
    return 0;
  };
  return c;
}

}  // namespace kg::cli
