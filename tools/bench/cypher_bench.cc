// cypher_bench: kg's side of the Cypher benchmark (tools/bench/cypher_vs_kuzu.sh).
//
//   cypher_bench --db DIR --queries FILE [--runs 5]
//
// FILE holds one query a line, `name<TAB>kg statement<TAB>Kuzu statement`
// (lines starting with '#' are comments). Every statement runs through one
// interactive Session, the path the REPL takes: a first run builds the
// graph view and warms the caches, then `runs` timed runs follow. Prints one
// line per query, `name<TAB>median ms<TAB>rows<TAB>first cell<TAB>median CPU
// ms`, so the driver can put it beside Kuzu's line and check the two agree.
// CPU time is the process's (every thread): on a machine shared with other
// work the wall time mostly measures the others.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fmt/format.h>
#include <fstream>
#include <string>
#include <vector>

#include "graph/store/store.h"
#include "query/query.h"

namespace {

using namespace kg;

struct Options {
  std::string db, queries;
  int runs = 5;
};

bool parse_args(int argc, char** argv, Options& o) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--db") o.db = argv[i + 1];
    else if (flag == "--queries") o.queries = argv[i + 1];
    else if (flag == "--runs") o.runs = std::max(1, std::atoi(argv[i + 1]));
    else return false;
  }
  return !o.db.empty() && !o.queries.empty() && argc % 2 == 1;
}

double cpu_ms() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Runs one statement; the rows and first cell of its table, or the error.
Result<std::pair<size_t, std::string>> run_once(query::Session& session, const std::string& text) {
  auto command = query::parse_command(text);
  if (!command) return command.status();
  auto result = session.execute(*command);
  if (!result) return result.status();
  if (result->tables.empty()) return std::pair<size_t, std::string>{0, ""};
  const query::Table& t = result->tables[0];
  return std::pair<size_t, std::string>{t.rows.size(),
                                        t.rows.empty() || t.rows[0].empty() ? "" : query::cell_text(t.rows[0][0])};
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!parse_args(argc, argv, o)) {
    std::fprintf(stderr, "usage: cypher_bench --db DIR --queries FILE [--runs N]\n");
    return 1;
  }
  store::OpenOptions open;
  open.mode = store::OpenOptions::Mode::kReadOnly;
  auto store = store::Store::open(o.db, open);
  if (!store) {
    std::fprintf(stderr, "cypher_bench: %s\n", store.status().message().c_str());
    return 1;
  }
  std::ifstream in(o.queries);
  if (!in) {
    std::fprintf(stderr, "cypher_bench: cannot read %s\n", o.queries.c_str());
    return 1;
  }
  query::Session session(**store, query::SessionMode::kInteractive);
  std::string line;
  int status = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    const std::string name = line.substr(0, tab);
    const std::string text = tab == std::string::npos ? "" : line.substr(tab + 1, line.find('\t', tab + 1) - tab - 1);
    auto warm = run_once(session, text);
    if (!warm) {
      fmt::print("{}\tERROR\t{}\n", name, warm.status().message());
      status = 1;
      continue;
    }
    std::vector<double> ms, cpu;
    for (int r = 0; r < o.runs; ++r) {
      const auto start = std::chrono::steady_clock::now();
      const double cpu_start = cpu_ms();
      auto again = run_once(session, text);
      cpu.push_back(cpu_ms() - cpu_start);
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      if (!again) return 2;
    }
    fmt::print("{}\t{:.3f}\t{}\t{}\t{:.3f}\n", name, median(ms), warm->first, warm->second, median(cpu));
  }
  return status;
}
