// GraphML through boost::write_graphml with dynamic_properties that read
// the snapshot through its index bundles.
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <fmt/format.h>

#include "graph/export/escape.h"
#include "graph/export/export.h"
#include "graph/export/snapshot_graph.h"

namespace kg::graph {

void write_graphml(const GraphSnapshot& snapshot, std::ostream& out) {
  const SnapshotGraph g = make_snapshot_graph(snapshot);
  using V = SnapshotGraph::vertex_descriptor;
  using E = SnapshotGraph::edge_descriptor;
  auto node = [&](V v) -> const ExportNode& { return snapshot.nodes[g[v].node]; };
  auto edge = [&](E e) -> const ExportEdge& { return snapshot.edges[g[e].edge]; };

  boost::dynamic_properties dp;
  dp.property("entity_id", boost::make_function_property_map<V>([&](V v) { return static_cast<long>(node(v).id); }));
  dp.property("name", boost::make_function_property_map<V>([&](V v) { return xml_text(node(v).name); }));
  dp.property("type", boost::make_function_property_map<V>(
                          [&](V v) { return std::string(store::entity_type_name(node(v).type)); }));
  dp.property("mentions", boost::make_function_property_map<V>([&](V v) { return static_cast<long>(node(v).mentions); }));
  // GraphML has no list type; aliases are joined with "; ".
  dp.property("aliases", boost::make_function_property_map<V>(
                             [&](V v) { return xml_text(fmt::format("{}", fmt::join(node(v).aliases, "; "))); }));
  dp.property("relation", boost::make_function_property_map<E>([&](E e) { return xml_text(edge(e).relation); }));
  dp.property("count", boost::make_function_property_map<E>([&](E e) { return static_cast<long>(edge(e).count); }));
  dp.property("confidence", boost::make_function_property_map<E>([&](E e) { return static_cast<double>(edge(e).confidence); }));
  // The first sentence stating the edge ("" when evidence was not read);
  // `count` is how many sentences state it.
  dp.property("first_sentence", boost::make_function_property_map<E>([&](E e) {
                const ExportEdge& x = edge(e);
                return x.evidence.empty() ? std::string() : xml_text(x.evidence.front().text);
              }));
  boost::write_graphml(out, g, dp, /*ordered_vertices=*/true);
}

}  // namespace kg::graph
