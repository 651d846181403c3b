// curation_bench: the speed figures of issue 25 on a copy of a real store.
//
//   curation_bench --db STORE [--edits 1000] [--runs 5]
//
// Copies STORE twice into a temporary folder. Into one copy it records
// `edits` edits through Store::add_edit (renames, retypes, merges and
// retractions in turn, on the most connected entities and their facts) and
// reports the median time of one add_edit (a synced write); then 20 splits
// (each the first document of a busy entity), timed apart. Then it runs the
// same read workload on both copies, each round in a freshly opened store so
// that loading the identity map with its edits is counted: every entity and
// every edge (what the graph view and the exports read), and the page reads
// (entity, aliases, edges both ways, evidence) of 200 entities. Reported:
// the median wall time of a round for each copy and the ratio.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <functional>
#include <unistd.h>
#include <unordered_map>
#include <string>
#include <vector>

#include "graph/store/store.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
using namespace kg;

// The middle of the figures (the upper one of an even count).
double middle(std::vector<double> v) {
  if (v.empty()) return 0.0;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::unique_ptr<store::Store> open_store(const std::string& dir, bool writer) {
  store::OpenOptions o;
  o.mode = writer ? store::OpenOptions::Mode::kReadWrite : store::OpenOptions::Mode::kReadOnly;
  auto st = store::Store::open(dir, o);
  if (!st) {
    fmt::print(stderr, "curation_bench: {}\n", st.status().message());
    std::exit(2);
  }
  return std::move(*st);
}

// The entities with the most edges, most first.
std::vector<store::Edge> all_edges(store::Store& st) {
  std::vector<store::Edge> out;
  (void)st.for_each_edge([&](const store::Edge& e) { out.push_back(e); });
  return out;
}

std::vector<store::EntityId> busiest(const std::vector<store::Edge>& edges, size_t n) {
  std::unordered_map<store::EntityId, size_t> degree;
  for (const store::Edge& e : edges) ++degree[e.subject], ++degree[e.object];
  std::vector<std::pair<size_t, store::EntityId>> ranked;
  for (const auto& [id, d] : degree) ranked.emplace_back(d, id);
  std::sort(ranked.rbegin(), ranked.rend());
  std::vector<store::EntityId> out;
  for (size_t i = 0; i < ranked.size() && out.size() < n; ++i) out.push_back(ranked[i].second);
  return out;
}

// Records `count` edits; returns the time of each add_edit in ms.
std::vector<double> record_edits(store::Store& st, size_t count) {
  const std::vector<store::Edge> edges = all_edges(st);
  const std::vector<store::EntityId> ids = busiest(edges, count + 2);
  std::vector<double> times;
  size_t next_edge = 0;
  for (size_t i = 0; i < count && i + 1 < ids.size(); ++i) {
    store::Edit e;
    e.who = "bench";
    std::vector<store::EntityId> on = {ids[i]};
    switch (i % 4) {
      case 0: e.kind = store::EditKind::kRename, e.name = fmt::format("Renamed {}", i); break;
      case 1: e.kind = store::EditKind::kRetype, e.type = store::EntityType::kMisc; break;
      case 2: e.kind = store::EditKind::kMerge, on.push_back(ids[i + 1]); break;
      default: {
        const store::Edge& f = edges[(next_edge++ * 7919) % edges.size()];
        auto rel = st.relation_name(f.relation);
        if (!rel || !*rel) continue;
        e.kind = store::EditKind::kRetract, e.relation = **rel;
        on = {f.subject, f.object};
      }
    }
    const auto start = Clock::now();
    auto number = st.add_edit(e, on);
    const double t = ms_since(start);
    if (number) times.push_back(t);  // refused ones (already merged, fact gone) are not edits
  }
  return times;
}

// Records up to `count` splits, each moving the first document of a busy
// entity mentioned in several; returns the time of each add_edit in ms.
std::vector<double> record_splits(store::Store& st, size_t count) {
  const std::vector<store::EntityId> ids = busiest(all_edges(st), count * 4);
  std::vector<double> times;
  for (size_t i = 0; i < ids.size() && times.size() < count; ++i) {
    auto docs = st.documents_of(ids[i]);
    if (!docs || docs->size() < 2) continue;
    auto doc = st.document(docs->front().first);
    auto entity = st.entity(ids[i]);
    if (!doc || !*doc || !entity || !*entity) continue;
    store::Edit e;
    e.who = "bench";
    e.kind = store::EditKind::kSplit;
    e.name = fmt::format("Split {}", i);
    e.type = (*entity)->type;
    e.docs = {(*doc)->id};
    const auto start = Clock::now();
    auto number = st.add_edit(e, {ids[i]});
    const double t = ms_since(start);
    if (number) times.push_back(t);
  }
  return times;
}

// One round of reads on a freshly opened store.
double read_round(const std::string& dir, const std::vector<store::EntityId>& pages) {
  const auto start = Clock::now();
  auto st = open_store(dir, false);
  size_t seen = 0;
  (void)st->for_each_entity([&](const store::Entity&) { ++seen; });
  (void)st->for_each_edge([&](const store::Edge&) { ++seen; });
  for (store::EntityId id : pages) {
    auto e = st->entity(id);
    auto aliases = st->aliases_of(id);
    auto out = st->out_edges(id);
    auto in = st->in_edges(id);
    if (out) {
      for (const store::Edge& x : *out) {
        auto ev = st->evidence(x.subject, x.relation, x.object);
        seen += ev ? ev->size() : 0;
      }
    }
    seen += (in ? in->size() : 0) + (aliases ? aliases->size() : 0) + (e && *e ? 1 : 0);
  }
  if (seen == 0) std::exit(2);
  return ms_since(start);
}

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  size_t edits = 1000;
  int runs = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--db") db = argv[i + 1];
    if (flag == "--edits") edits = std::stoul(argv[i + 1]);
    if (flag == "--runs") runs = std::stoi(argv[i + 1]);
  }
  if (db.empty() || !fs::exists(db)) {
    fmt::print("curation_bench: skipped: no store given (--db STORE)\n");
    return 0;
  }
  const fs::path tmp = fs::temp_directory_path() / fmt::format("kg-curation-bench-{}", ::getpid());
  const std::string plain = (tmp / "plain").string(), edited = (tmp / "edited").string();
  fs::create_directories(tmp);
  fs::copy(db, plain, fs::copy_options::recursive);
  fs::copy(db, edited, fs::copy_options::recursive);
  fs::remove(fs::path(plain) / "KG_LOCK");
  fs::remove(fs::path(edited) / "KG_LOCK");
  std::vector<double> commit, splits;
  {
    auto st = open_store(edited, true);
    commit = record_edits(*st, edits);
    splits = record_splits(*st, 20);
  }
  std::vector<store::EntityId> pages;
  {
    auto st = open_store(plain, false);
    pages = busiest(all_edges(*st), 200);
  }
  std::vector<double> without, with;
  for (int r = 0; r < runs; ++r) {  // interleaved, so machine load hits both alike
    without.push_back(read_round(plain, pages));
    with.push_back(read_round(edited, pages));
  }
  const double a = middle(without), b = middle(with);
  fmt::print("curation_bench: {} edits recorded, add_edit median {:.2f} ms, max {:.2f} ms\n", commit.size(),
             middle(commit), commit.empty() ? 0.0 : *std::max_element(commit.begin(), commit.end()));
  fmt::print("curation_bench: {} splits recorded after them, add_edit median {:.2f} ms, max {:.2f} ms\n", splits.size(),
             middle(splits), splits.empty() ? 0.0 : *std::max_element(splits.begin(), splits.end()));
  fmt::print("curation_bench: read round (all entities, all edges, 200 entity pages) median of {}: "
             "{:.1f} ms without edits, {:.1f} ms with them ({:+.1f}%)\n",
             runs, a, b, a > 0 ? (b / a - 1) * 100 : 0.0);
  fs::remove_all(tmp);
  return 0;
}
