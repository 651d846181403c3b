// kg export --format F [-o FILE] [--focus NAME --depth N]
#include <fmt/format.h>
#include <iostream>

#include "graph/export/export.h"
#include "graph/store/store.h"
#include "query/query.h"
#include "tools/kg/commands.h"

namespace kg::cli {

Subcommand add_export_command(CLI::App& kg, const GlobalOptions& global) {
  struct Options {
    std::string format;
    std::string out;
    std::string focus;
    uint32_t depth = 1;
    std::string base{graph::kDefaultBaseIri};
    size_t max_evidence = 0;
  };
  auto options = std::make_shared<Options>();
  Subcommand c;
  c.app = kg.add_subcommand("export", "export the graph (dot, svg, png, graphml, json, csv, nt)");
  c.app->add_option("--format,-f", options->format, "dot, svg, png, graphml, json, csv or nt")->required();
  c.app->add_option("-o,--output", options->out,
                    "output file (default: standard output); for csv a folder that gets nodes.csv and edges.csv");
  auto* focus = c.app->add_option("--focus", options->focus, "export only the neighbourhood of this entity");
  c.app->add_option("--depth", options->depth, "hops around --focus (default 1)")
      ->needs(focus)
      ->check(CLI::Range(1, 10));
  c.app->add_option("--base", options->base,
                    fmt::format("nt: the IRI every exported IRI starts with (default {})", graph::kDefaultBaseIri));
  c.app->add_option("--max-evidence", options->max_evidence,
                    "json: at most N evidence sentences per edge (default: all); capped edges get \"evidence_total\"")
      ->check(CLI::Range(1, 1000000));
  c.run = [options, &global] {
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
    store::OpenOptions open;
    open.mode = store::OpenOptions::Mode::kReadOnly;
    auto store = store::Store::open(global.db, open);
    if (!store) return report(store.status());
    graph::ExportScope scope;
    scope.with_evidence = *format == graph::ExportFormat::kJson;
    scope.max_evidence_per_edge = options->max_evidence;
    if (!options->focus.empty()) {
      auto entity = query::find_entity(**store, options->focus);
      if (!entity) return report(entity.status());
      scope.focus = entity->id;
      scope.depth = options->depth;
    }
    auto snapshot = graph::collect_snapshot(**store, scope);
    if (!snapshot) return report(snapshot.status());
    std::vector<std::string> written;
    graph::WriteOptions write;
    write.base_iri = options->base;
    if (Status s = graph::write_export(*snapshot, *format, options->out, write, std::cout, &written); !s) return report(s);
    for (const std::string& path : written) {
      fmt::print(stderr, "kg: wrote {} ({} entities, {} edges)\n", path, snapshot->nodes.size(), snapshot->edges.size());
    }
    return 0;
  };
  return c;
}

}  // namespace kg::cli
