// Choosing what an export holds, on the Boost.Graph view: filters, the
// focus neighbourhood (one multi-source breadth-first search) and the
// --max-nodes cap. Private to graph/export; the rules are ExportScope's
// (export.h).
#pragma once

#include <vector>

#include "graph/export/export.h"
#include "graph/view.h"

namespace kg::graph {

struct Selection {
  std::vector<Vertex> vertices;  // ascending, so ascending entity id
  std::vector<CsrEdge> edges;    // between kept vertices, by (source, relation id, target)
  std::vector<Vertex> focus;     // in the order given, without repeats
  LeftOut left_out;
};

// kNotFound for a focus entity the view does not hold; kInvalidInput for a
// relation phrase no edge has.
Result<Selection> select_for_export(const View& view, const ExportScope& scope);

}  // namespace kg::graph
