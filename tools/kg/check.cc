// kg check: verify every invariant of the store; one-line verdict, and the
// problems (exit 1) when there are any. Works while an ingest runs.
// kg check --repair: opens a store whose last writes were lost with its
// write-ahead log, lists them, gives them up (the store is writable again)
// and then checks what is left.
#include <fmt/format.h>
#include <memory>

#include "graph/store/store.h"
#include "tools/kg/commands.h"

namespace kg::cli {

namespace {

// Opens for repair and says what the damage cost; the store stays open for the check.
Result<std::unique_ptr<store::Store>> open_for_repair(const std::string& db) {
  store::OpenOptions options;
  options.mode = store::OpenOptions::Mode::kReadWrite;
  options.create_if_missing = false;
  options.accept_lost_writes = true;
  Result<std::unique_ptr<store::Store>> st = store::Store::open(db, options);
  if (!st) return st;
  const std::vector<std::string>& lost = (*st)->lost_writes();
  if (lost.empty()) {
    fmt::print("kg check --repair: nothing was lost; no write of a kg process is missing from {}\n", db);
    return st;
  }
  fmt::print("kg check --repair: {} write{} lost with the write-ahead log, given up (re-ingest those documents):\n",
             lost.size(), lost.size() == 1 ? " was" : "s were");
  for (const std::string& what : lost) fmt::print("  {}\n", what);
  return st;
}

}  // namespace

Subcommand add_check_command(CLI::App& kg, const GlobalOptions& global) {
  Subcommand c;
  c.app = kg.add_subcommand("check", "verify every invariant of the store");
  auto repair = std::make_shared<bool>(false);
  c.app->add_flag("--repair", *repair,
                  "open a store whose last writes were lost (missing or damaged write-ahead log), list them, "
                  "give them up so the store can be written again, then check it");
  c.run = [&global, repair] {
    Result<std::unique_ptr<store::Store>> st =
        *repair ? open_for_repair(global.db) : store::Store::open(global.db, {});
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
