// store_bench: the store and graph figures of issue 5 on a gen-kg file.
//
//   store_bench --tsv kg-1m.tsv --db DIR [--runs 5]
//
// Bulk load runs `runs` times into a fresh store (median reported). The
// query figures run in a forked child that only opens the store read-only,
// so its peak RSS is that of a query process (the REPL), not of the loader.
// Latencies are warm and in-process, results fully materialised; each figure
// is the median of `runs` rounds (fast operations are repeated inside a
// round and divided).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <functional>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "graph/algo/algo.h"
#include "graph/store/store.h"
#include "graph/view.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
using namespace kg;

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[v.size() / 2];
}

double cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// CPU time of the last timed figure (median, ms): on a busy machine the wall
// time mostly measures the other processes; the CPU time does not.
double last_cpu_ms = 0;
// Passed to line(): print last_cpu_ms as it is after the timed call (an
// argument read directly could be evaluated before time_ms runs).
constexpr double kCpuOfLast = -2;

// Median over `runs` rounds of the time of one call, in milliseconds; a
// round repeats fn `reps` times.
double time_ms(int runs, int reps, const std::function<void()>& fn) {
  std::vector<double> t, cpu;
  fn();  // warm up
  for (int r = 0; r < runs; ++r) {
    const auto start = Clock::now();
    const double c0 = cpu_seconds();
    for (int i = 0; i < reps; ++i) fn();
    t.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count() / reps);
    cpu.push_back((cpu_seconds() - c0) * 1000.0 / reps);
  }
  last_cpu_ms = median(cpu);
  return median(t);
}

uint64_t dir_bytes(const std::string& dir) {
  uint64_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) total += e.file_size();
  }
  return total;
}

void line(std::string_view what, double value, std::string_view unit, std::string_view floor, double cpu = -1) {
  if (cpu == kCpuOfLast) cpu = last_cpu_ms;
  if (cpu >= 0) {
    fmt::print("{:<48} {:>10.3f} {:<4} (cpu {:.3f}; floor {})\n", what, value, unit, cpu, floor);
  } else {
    fmt::print("{:<48} {:>10.3f} {:<4} (floor {})\n", what, value, unit, floor);
  }
  std::fflush(stdout);
}

[[noreturn]] void die(const Status& s) {
  fmt::print(stderr, "store_bench: {}\n", s.message());
  std::exit(2);
}

int query_phase(const std::string& db, int runs) {
  Result<std::unique_ptr<store::Store>> st = store::Store::open(db, {});
  if (!st) die(st.status());
  std::optional<graph::View> view;
  const double build = time_ms(runs, 1, [&] {
    Result<graph::View> v = graph::View::build(**st);
    if (!v) die(v.status());
    view.emplace(std::move(*v));
  });
  line("view build (store scan to CSR)", build, "ms", "<= 1500 ms", kCpuOfLast);
  const graph::View& g = *view;
  fmt::print("  view: {} vertices, {} edges\n", g.vertex_count(), g.edge_count());

  graph::Vertex hub = 0, small = 0;
  for (graph::Vertex v = 0; v < g.vertex_count(); ++v) {
    if (graph::degree(g, v) > graph::degree(g, hub)) hub = v;
  }
  for (graph::Vertex v = 0; v < g.vertex_count(); ++v) {
    if (graph::degree(g, v) == 2) {
      small = v;
      break;
    }
  }
  fmt::print("  hub: {} (degree {}); degree-2 entity: {}\n", g.vertex(hub).name, graph::degree(g, hub),
             g.vertex(small).name);

  // A "row" as the REPL prints it: neighbour name, relation, direction, count.
  struct Row {
    const std::string* name;
    const std::string* relation;
    bool outgoing;
    uint32_t count;
  };
  size_t rows = 0;
  const auto one_hop_rows = [&](graph::Vertex v) {
    std::vector<graph::Neighbor> n = graph::neighbors(g, v);
    std::vector<Row> out;
    out.reserve(n.size());
    for (const graph::Neighbor& x : n) {
      out.push_back(Row{&g.vertex(x.vertex).name, &g.relation_name(x.edge.relation), x.outgoing, x.edge.count});
    }
    rows = out.size();
  };
  line("1-hop out+in of the hub, all rows (view)", time_ms(runs, 5, [&] { one_hop_rows(hub); }), "ms", "<= 40 ms", kCpuOfLast);
  uint64_t support = 0;
  for (const graph::Neighbor& x : graph::neighbors(g, hub)) support += x.edge.count;
  fmt::print("  rows: {} distinct edges carrying {} triples (duplicates are one edge with a count)\n", rows, support);
  line("1-hop of a degree-2 entity (view)", time_ms(runs, 100000, [&] { one_hop_rows(small); }), "ms", "<= 0.05 ms", kCpuOfLast);

  // The same from the store by prefix scan (one-shot `kg entity`), names included.
  const auto store_rows = [&](graph::Vertex v) {
    const store::EntityId id = g.vertex(v).entity;
    Result<std::vector<store::Edge>> out = (*st)->out_edges(id), in = (*st)->in_edges(id);
    if (!out || !in) die(out ? in.status() : out.status());
    rows = out->size() + in->size();
  };
  line("1-hop of the hub by prefix scan (store, no view)", time_ms(runs, 1, [&] { store_rows(hub); }), "ms", "-", kCpuOfLast);
  line("1-hop of a degree-2 entity by prefix scan (store)", time_ms(runs, 2000, [&] { store_rows(small); }), "ms", "-", kCpuOfLast);

  uint64_t reached = 0;
  line("2-hop distinct count from the hub (out+in)", time_ms(runs, 3, [&] { reached = graph::k_hop_count(g, hub, 2); }),
       "ms", "<= 60 ms", kCpuOfLast);
  fmt::print("  distinct vertices within 2 hops: {} (out only: {})\n", reached,
             graph::k_hop_count(g, hub, 2, graph::Direction::kOut));

  // A pair exactly 3 hops apart (undirected), starting from the degree-2 entity.
  std::vector<graph::Reached> around = graph::k_hop(g, small, 3);
  graph::Vertex far = small;
  for (auto it = around.rbegin(); it != around.rend(); ++it) {
    if (it->depth == 3) {
      far = it->vertex;
      break;
    }
  }
  size_t hops = 0;
  line("shortest path, 3 hops apart", time_ms(runs, 20, [&] {
         auto p = graph::shortest_path(g, small, far);
         hops = p ? p->size() : 0;
       }),
       "ms", "<= 20 ms", kCpuOfLast);
  fmt::print("  path {} -> {}: {} hops\n", g.vertex(small).name, g.vertex(far).name, hops);

  std::vector<double> rank;
  line("PageRank, whole graph (20 iterations)", time_ms(runs, 1, [&] { rank = graph::pagerank(g, 20); }), "ms",
       "<= 400 ms", kCpuOfLast);
  fmt::print("  top by PageRank: {}\n", g.vertex(graph::top_vertices(rank, 1).at(0)).name);
  graph::Components c;
  line("connected components", time_ms(runs, 1, [&] { c = graph::connected_components(g); }), "ms", "-", kCpuOfLast);
  fmt::print("  components: {}\n", c.count);

  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  line("peak RSS of the query process", ru.ru_maxrss / 1024.0, "MiB", "<= 300 MiB");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string tsv, db;
  int runs = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--tsv")) tsv = argv[i + 1];
    else if (!std::strcmp(argv[i], "--db")) db = argv[i + 1];
    else if (!std::strcmp(argv[i], "--runs")) runs = std::max(1, std::atoi(argv[i + 1]));
  }
  if (tsv.empty() || db.empty()) {
    fmt::print(stderr, "usage: store_bench --tsv FILE --db DIR [--runs N]\n");
    return 1;
  }
  fmt::print("store_bench: {} ({} runs, medians)\n", tsv, runs);
  std::vector<double> load, load_cpu;
  for (int r = 0; r < runs; ++r) {
    fs::remove_all(db);
    const auto start = Clock::now();
    const double c0 = cpu_seconds();
    {
      store::OpenOptions o;
      o.mode = store::OpenOptions::Mode::kReadWrite;
      Result<std::unique_ptr<store::Store>> st = store::Store::open(db, o);
      if (!st) die(st.status());
      Result<store::BulkLoadResult> res = (*st)->load_triples(tsv);
      if (!res) die(res.status());
      if (r == 0) fmt::print("  loaded {} triples: {} entities, {} edges\n", res->lines, res->new_entities, res->new_edges);
    }
    load.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    load_cpu.push_back(cpu_seconds() - c0);
  }
  line("bulk load (open, load, close)", median(load), "s", "<= 3.6 s", median(load_cpu));
  line("on disk", dir_bytes(db) / 1e6, "MB", "<= 40 MB");

  const pid_t child = fork();
  if (child == 0) _exit(query_phase(db, runs));
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}
