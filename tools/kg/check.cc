// kg check: verify every invariant of the store; one-line verdict, and the
// problems (exit 1) when there are any. Works while an ingest runs.
#include <fmt/format.h>

#include "graph/store/store.h"
#include "tools/kg/commands.h"

namespace kg::cli {

Subcommand add_check_command(CLI::App& kg, const GlobalOptions& global) {
  Subcommand c;
  c.app = kg.add_subcommand("check", "verify every invariant of the store");
  c.run = [&global] {
    Result<std::unique_ptr<store::Store>> st = store::Store::open(global.db, {});
    if (!st) return report(st.status());
    Result<store::CheckReport> checked = (*st)->check();
    if (!checked) return report(checked.status());
    const store::CheckReport& r = *checked;
    if (r.ok()) {
      fmt::print("kg check: ok: {} records of {} verified\n", r.records, global.db);
      return 0;
    }
    fmt::print("kg check: FAILED: {}{} problems in {}\n", r.problems.size(), r.truncated ? "+" : "", global.db);
    for (const std::string& p : r.problems) fmt::print("  {}\n", p);
    if (r.truncated) fmt::print("  ... (only the first {} are listed)\n", r.problems.size());
    return 1;
  };
  return c;
}

}  // namespace kg::cli
