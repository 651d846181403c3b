// A diagram in DOT through boost::write_graphviz. The snapshot becomes a
// small adjacency_list with one edge per (source, target) pair, whose
// bundles index back into the snapshot; the property writers print the
// attributes, the graph writer the layout and the legend.
#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/pending/disjoint_sets.hpp>
#include <boost/property_map/property_map.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <cmath>
#include <fmt/format.h>
#include <map>

#include "graph/export/escape.h"
#include "graph/export/export.h"
#include "graph/export/snapshot_graph.h"

namespace kg::graph {
namespace {

struct TypeStyle {
  const char* shape;
  const char* fill;
  const char* legend;  // what the legend calls the type
};

// One look per entity type, so a diagram reads at a glance.
TypeStyle style_of(store::EntityType type) {
  switch (type) {
    case store::EntityType::kPerson: return {"ellipse", "#cfe2ff", "person (ellipse)"};
    case store::EntityType::kOrg: return {"box", "#d1e7dd", "organisation (box)"};
    case store::EntityType::kLoc: return {"house", "#fff3cd", "place (house)"};
    case store::EntityType::kMisc: return {"hexagon", "#e2d9f3", "other name (hexagon)"};
    case store::EntityType::kConcept: return {"note", "#eeeeee", "concept (note)"};
  }
  return {"ellipse", "#ffffff", "entity"};
}

constexpr size_t kRelationsPerLabel = 3;
constexpr size_t kWrapAt = 18;      // node labels longer than this break at a space
constexpr size_t kMaxLabelChars = 48;
constexpr size_t kAllLabelsUpTo = 60;  // arrows; beyond, those stated once go unlabelled
constexpr size_t kDotMaxNodes = 80, kDotMaxPiece = 15, kNeatoMaxNodes = 150;

// `text` cut to `limit` bytes at a UTF-8 boundary, with an ellipsis.
std::string shortened(const std::string& text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "\xE2\x80\xA6";
}

// A long name on two lines, broken at the space nearest its middle.
std::string wrapped(const std::string& name) {
  const std::string text = shortened(name, kMaxLabelChars);
  if (text.size() <= kWrapAt || text.find('\n') != std::string::npos) return text;
  const size_t middle = text.size() / 2;
  const size_t before = text.rfind(' ', middle), after = text.find(' ', middle);
  size_t at = before;
  if (after != std::string::npos && (before == std::string::npos || after - middle < middle - before)) at = after;
  if (at == std::string::npos) return text;
  return text.substr(0, at) + "\n" + text.substr(at + 1);
}

struct DiagramEdge {
  size_t group = 0;
};
using DiagramGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, SnapshotVertex, DiagramEdge>;

// The size of the largest connected piece (edges taken as undirected).
size_t largest_piece(const DiagramGraph& g) {
  const size_t n = boost::num_vertices(g);
  std::vector<size_t> rank(n), parent(n);
  auto rank_map = boost::make_iterator_property_map(rank.begin(), boost::identity_property_map());
  auto parent_map = boost::make_iterator_property_map(parent.begin(), boost::identity_property_map());
  boost::disjoint_sets<decltype(rank_map), decltype(parent_map)> sets(rank_map, parent_map);
  for (size_t v = 0; v < n; ++v) sets.make_set(v);
  for (auto [it, end] = boost::edges(g); it != end; ++it) sets.union_set(boost::source(*it, g), boost::target(*it, g));
  std::vector<size_t> size(n, 0);
  size_t largest = 0;
  for (size_t v = 0; v < n; ++v) largest = std::max(largest, ++size[sets.find_set(v)]);
  return largest;
}

// dot's layers read best (labels never under a node) while every piece is
// small; a hub with many neighbours would become one tall column, so larger
// pieces get a spring layout.
Layout chosen_layout(Layout asked, const DiagramGraph& g) {
  if (asked != Layout::kAuto) return asked;
  const size_t nodes = boost::num_vertices(g);
  if (nodes <= kDotMaxNodes && largest_piece(g) <= kDotMaxPiece) return Layout::kDot;
  return nodes <= kNeatoMaxNodes ? Layout::kNeato : Layout::kSfdp;
}

std::string layout_attributes(Layout layout) {
  switch (layout) {
    case Layout::kDot: return "layout=dot; rankdir=LR; ranksep=0.5; nodesep=0.25;\n";
    case Layout::kNeato: return "layout=neato; overlap=false; sep=\"+14\"; splines=true; mode=major; pack=true;\n";
    case Layout::kSfdp: return "layout=sfdp; overlap=prism; overlap_scaling=-4; splines=false; K=1.2;\n";
    case Layout::kAuto: break;
  }
  return "";
}

// The title and the legend, as an HTML-like graph label: it is drawn by
// every layout, where clusters are not.
std::string legend(const GraphSnapshot& snapshot, bool quiet_single_edges) {
  std::vector<bool> present(store::kEntityTypeCount, false);
  for (const ExportNode& n : snapshot.nodes) present[static_cast<size_t>(n.type)] = true;
  std::string title = fmt::format("{} entities, {} relations", snapshot.nodes.size(), snapshot.edges.size());
  if (!snapshot.focus.empty()) {
    std::vector<std::string> names;  // in the order given
    const auto index = node_index(snapshot);
    for (store::EntityId id : snapshot.focus) {
      if (auto it = index.find(id); it != index.end()) names.push_back(snapshot.nodes[it->second].name);
    }
    title += fmt::format(" around {}", fmt::join(names, ", "));
  }
  if (snapshot.left_out.nodes > 0) {
    title += fmt::format(" (the {} most connected; {} more left out)", snapshot.nodes.size(), snapshot.left_out.nodes);
  }
  std::string cells;
  for (size_t t = 0; t < present.size(); ++t) {
    if (!present[t]) continue;
    const TypeStyle st = style_of(static_cast<store::EntityType>(t));
    cells += fmt::format(R"(<TD BGCOLOR="{}" BORDER="1">{}</TD>)", st.fill, st.legend);
  }
  return fmt::format(
      "label=<<TABLE BORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"3\">"
      "<TR><TD ALIGN=\"LEFT\"><B>{}</B></TD></TR>"
      "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLSPACING=\"3\"><TR>{}</TR></TABLE></TD></TR>"
      "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">arrow: subject to object, labelled relation (sentences "
      "stating it); thicker: more sentences{}. Hover for the source sentence.</FONT></TD></TR>"
      "</TABLE>>; labelloc=t; labeljust=l;\n",
      xml_escaped(title), cells, quiet_single_edges ? "; grey, unlabelled: stated once" : "");
}

// The snapshot's edges grouped by (source, target), each group best
// supported first: one arrow per group.
std::vector<std::vector<size_t>> parallel_groups(const GraphSnapshot& snapshot) {
  std::map<std::pair<store::EntityId, store::EntityId>, std::vector<size_t>> by_pair;
  for (size_t i = 0; i < snapshot.edges.size(); ++i) {
    by_pair[{snapshot.edges[i].source, snapshot.edges[i].target}].push_back(i);
  }
  std::vector<std::vector<size_t>> groups;
  for (auto& [pair, group] : by_pair) {
    std::stable_sort(group.begin(), group.end(),
                     [&](size_t a, size_t b) { return snapshot.edges[a].count > snapshot.edges[b].count; });
    groups.push_back(std::move(group));
  }
  return groups;
}

// Rough width in inches of a node drawn with its (wrapped) name at 11 pt,
// for the edge lengths below.
double node_width(const ExportNode& n) {
  const std::string label = wrapped(n.name);
  const size_t newline = label.find('\n');
  const size_t widest = newline == std::string::npos ? label.size() : std::max(newline, label.size() - newline - 1);
  return 0.5 + 0.1 * static_cast<double>(widest);
}

// `quiet`: an arrow stated once, in a crowded diagram, is drawn light and
// unlabelled (its relation stays in the tooltip), so the labels that remain
// are the well-supported ones and can be read.
std::string edge_attributes(const GraphSnapshot& snapshot, const std::vector<size_t>& group, double ends_width,
                            bool quiet_single) {
  std::vector<std::string> lines;
  uint64_t total = 0;
  size_t widest = 0;
  // A crowded diagram names only each arrow's best-supported relation.
  const size_t shown = quiet_single ? 1 : kRelationsPerLabel;
  for (size_t i = 0; i < group.size(); ++i) {
    const ExportEdge& e = snapshot.edges[group[i]];
    total += e.count;
    if (i >= shown) continue;
    lines.push_back(fmt::format("{} ({})", shortened(e.relation, 28), e.count));
    widest = std::max(widest, lines.back().size());
  }
  if (group.size() > shown) lines.push_back(fmt::format("+{} more", group.size() - shown));
  const ExportEdge& best = snapshot.edges[group.front()];
  std::string tooltip = best.relation;
  if (!best.evidence.empty()) tooltip = fmt::format("{}: \"{}\" [{}]", best.relation, best.evidence.front().text, best.evidence.front().doc);
  const double width = 1.0 + std::min(3.0, std::log2(static_cast<double>(std::max<uint64_t>(total, 1))));
  // neato's preferred length, centre to centre in inches: half of each node
  // plus room for the label, so it is not drawn under a node.
  const double length = ends_width / 2 + 0.4 + 0.075 * static_cast<double>(widest);
  if (quiet_single && total == 1) {
    return fmt::format("[tooltip={}, color=\"#c3c9d0\", len={:.2f}]", dot_quoted(shortened(tooltip, 400)),
                       ends_width / 2 + 0.4);
  }
  return fmt::format("[label={}, tooltip={}, penwidth={:.1f}, len={:.2f}]",
                     dot_quoted(fmt::format("{}", fmt::join(lines, "\n"))), dot_quoted(shortened(tooltip, 400)), width,
                     length);
}

std::string node_attributes(const ExportNode& n, bool focus) {
  const TypeStyle st = style_of(n.type);
  std::string tooltip = fmt::format("{} ({}, {} mentions)", n.name, store::entity_type_name(n.type), n.mentions);
  if (!n.aliases.empty()) {
    const size_t shown = std::min<size_t>(n.aliases.size(), 5);
    tooltip += fmt::format("; also {}", fmt::join(n.aliases.begin(), n.aliases.begin() + shown, ", "));
  }
  return fmt::format("[label={}, shape={}, fillcolor={}, tooltip={}{}]", dot_quoted(wrapped(n.name)), st.shape,
                     dot_quoted(st.fill), dot_quoted(tooltip),
                     focus ? ", penwidth=3, fontname=\"Helvetica-Bold\", fontsize=14" : "");
}

}  // namespace

void write_dot(const GraphSnapshot& snapshot, std::ostream& out, const WriteOptions& options) {
  const std::vector<std::vector<size_t>> groups = parallel_groups(snapshot);
  DiagramGraph g(snapshot.nodes.size());
  const auto index = node_index(snapshot);
  for (size_t i = 0; i < snapshot.nodes.size(); ++i) g[i].node = i;
  for (size_t i = 0; i < groups.size(); ++i) {
    const ExportEdge& e = snapshot.edges[groups[i].front()];
    boost::add_edge(index.at(e.source), index.at(e.target), DiagramEdge{i}, g);
  }
  const Layout layout = chosen_layout(options.layout, g);
  const bool quiet_single_edges = groups.size() > kAllLabelsUpTo;
  auto vertex_writer = [&](std::ostream& os, DiagramGraph::vertex_descriptor v) {
    const ExportNode& n = snapshot.nodes[g[v].node];
    os << node_attributes(n, std::find(snapshot.focus.begin(), snapshot.focus.end(), n.id) != snapshot.focus.end());
  };
  auto edge_writer = [&](std::ostream& os, DiagramGraph::edge_descriptor e) {
    const ExportNode& from = snapshot.nodes[g[boost::source(e, g)].node];
    const ExportNode& to = snapshot.nodes[g[boost::target(e, g)].node];
    os << edge_attributes(snapshot, groups[g[e].group], node_width(from) + node_width(to), quiet_single_edges);
  };
  auto graph_writer = [&](std::ostream& os) {
    os << layout_attributes(layout) << "outputorder=edgesfirst; pad=0.3; fontname=\"Helvetica\";\n"
       << legend(snapshot, quiet_single_edges)
       << "node [fontname=\"Helvetica\", fontsize=11, style=filled, margin=\"0.08,0.04\"];\n"
          "edge [fontname=\"Helvetica\", fontsize=8, color=\"#5a6470\", fontcolor=\"#3a4450\", arrowsize=0.6];\n";
  };
  // Node names in the DOT text are the stable entity ids ("e42"), never a
  // name, so no DOT keyword can appear unquoted.
  auto node_id = boost::make_function_property_map<DiagramGraph::vertex_descriptor>(
      [&](DiagramGraph::vertex_descriptor v) { return fmt::format("e{}", snapshot.nodes[g[v].node].id); });
  boost::write_graphviz(out, g, vertex_writer, edge_writer, graph_writer, node_id);
}

}  // namespace kg::graph
