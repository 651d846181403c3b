// N-Triples (W3C RDF 1.1): one triple per line, absolute IRIs under a base
// the user chooses (--base), escaped literals.
#include <fmt/format.h>
#include <set>

#include "graph/export/escape.h"
#include "graph/export/export.h"

namespace kg::graph {
namespace {

constexpr const char* kRdfType = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
constexpr const char* kRdfsLabel = "<http://www.w3.org/2000/01/rdf-schema#label>";
constexpr const char* kAltLabel = "<http://www.w3.org/2004/02/skos/core#altLabel>";

// Builds the IRIs of one export: the base as given, then the local part
// (so "urn:x-kg:" works as well as "http://example.org/kg/").
class Iris {
 public:
  explicit Iris(std::string_view base) : base_(base) {}
  std::string entity(store::EntityId id) const { return fmt::format("<{}entity/{}>", base_, id); }
  std::string type(store::EntityType t) const { return fmt::format("<{}type/{}>", base_, store::entity_type_name(t)); }
  std::string relation(std::string_view phrase) const {
    return fmt::format("<{}relation/{}>", base_, iri_segment(phrase));
  }

 private:
  std::string base_;
};

}  // namespace

void write_ntriples(const GraphSnapshot& snapshot, std::string_view base, std::ostream& out) {
  const Iris iris(base);
  for (const ExportNode& n : snapshot.nodes) {
    const std::string s = iris.entity(n.id);
    out << fmt::format("{} {} {} .\n", s, kRdfType, iris.type(n.type));
    out << fmt::format("{} {} {} .\n", s, kRdfsLabel, ntriples_literal(n.name));
    for (const std::string& a : n.aliases) out << fmt::format("{} {} {} .\n", s, kAltLabel, ntriples_literal(a));
  }
  std::set<std::string> labelled;
  for (const ExportEdge& e : snapshot.edges) {
    out << fmt::format("{} {} {} .\n", iris.entity(e.source), iris.relation(e.relation), iris.entity(e.target));
    labelled.insert(e.relation);
  }
  for (const std::string& r : labelled) {
    out << fmt::format("{} {} {} .\n", iris.relation(r), kRdfsLabel, ntriples_literal(r));
  }
}

}  // namespace kg::graph
