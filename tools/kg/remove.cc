// kg remove DOC...: take documents and exactly their evidence out of the
// store, one atomic write per document.
#include <fmt/format.h>

#include "graph/store/store.h"
#include "tools/kg/commands.h"

namespace kg::cli {

Subcommand add_remove_command(CLI::App& kg, const GlobalOptions& global) {
  Subcommand c;
  c.app = kg.add_subcommand("remove", "remove documents and exactly their evidence");
  auto ids = std::make_shared<std::vector<std::string>>();
  c.app->add_option("DOC", *ids, "document ids (file path or JSONL id/url, as 'kg ingest' stored them)")->required();
  c.run = [&global, ids] {
    store::OpenOptions options;
    options.mode = store::OpenOptions::Mode::kReadWrite;
    options.create_if_missing = false;
    Result<std::unique_ptr<store::Store>> st = store::Store::open(global.db, options);
    if (!st) return report(st.status());
    int exit_code = 0;
    size_t removed = 0;
    for (const std::string& id : *ids) {
      Status s = (*st)->remove_document(id);
      if (!s) {
        exit_code = std::max(exit_code, report(s));
        // A failed write leaves RocksDB refusing further writes; stop there.
        if (s.code() != Status::Code::kNotFound) break;
        continue;
      }
      ++removed;
      fmt::print("removed {}\n", id);
    }
    if (ids->size() > 1) fmt::print("{} of {} documents removed\n", removed, ids->size());
    return exit_code;
  };
  return c;
}

}  // namespace kg::cli
