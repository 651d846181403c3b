// N-Triples (W3C RDF 1.1): one triple per line, absolute IRIs under a base
// the user chooses (--base), escaped literals.
//
// Every fact is also a reified statement (rdf:Statement with rdf:subject,
// rdf:predicate, rdf:object; plain RDF 1.1, which every store loads) that
// carries its provenance: the support count, the confidence, and one
// evidence node per source sentence with the document id, the sentence
// number and the sentence text, under the vocabulary <base>vocab/.
#include <fmt/format.h>
#include <set>

#include "graph/export/escape.h"
#include "graph/export/export.h"

namespace kg::graph {
namespace {

constexpr const char* kRdfType = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
constexpr const char* kRdfsLabel = "<http://www.w3.org/2000/01/rdf-schema#label>";
constexpr const char* kAltLabel = "<http://www.w3.org/2004/02/skos/core#altLabel>";
constexpr const char* kStatement = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement>";
constexpr const char* kRdfSubject = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject>";
constexpr const char* kRdfPredicate = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate>";
constexpr const char* kRdfObject = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#object>";
constexpr const char* kXsdInteger = "<http://www.w3.org/2001/XMLSchema#integer>";
constexpr const char* kXsdDecimal = "<http://www.w3.org/2001/XMLSchema#decimal>";

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
  std::string fact(size_t k) const { return fmt::format("<{}fact/{}>", base_, k); }
  std::string evidence(size_t k, size_t j) const { return fmt::format("<{}fact/{}/evidence/{}>", base_, k, j); }
  std::string vocab(std::string_view term) const { return fmt::format("<{}vocab/{}>", base_, term); }

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
  for (size_t k = 0; k < snapshot.edges.size(); ++k) {
    const ExportEdge& e = snapshot.edges[k];
    const std::string subject = iris.entity(e.source), predicate = iris.relation(e.relation),
                      object = iris.entity(e.target);
    out << fmt::format("{} {} {} .\n", subject, predicate, object);
    labelled.insert(e.relation);
    const std::string fact = iris.fact(k + 1);
    out << fmt::format("{} {} {} .\n", fact, kRdfType, kStatement);
    out << fmt::format("{} {} {} .\n", fact, kRdfSubject, subject);
    out << fmt::format("{} {} {} .\n", fact, kRdfPredicate, predicate);
    out << fmt::format("{} {} {} .\n", fact, kRdfObject, object);
    out << fmt::format("{} {} \"{}\"^^{} .\n", fact, iris.vocab("count"), e.count, kXsdInteger);
    out << fmt::format("{} {} \"{:.3f}\"^^{} .\n", fact, iris.vocab("confidence"), e.confidence, kXsdDecimal);
    for (size_t j = 0; j < e.evidence.size(); ++j) {
      const ExportEvidence& ev = e.evidence[j];
      const std::string node = iris.evidence(k + 1, j + 1);
      out << fmt::format("{} {} {} .\n", fact, iris.vocab("evidence"), node);
      out << fmt::format("{} {} {} .\n", node, iris.vocab("document"), ntriples_literal(ev.doc));
      out << fmt::format("{} {} \"{}\"^^{} .\n", node, iris.vocab("sentence"), ev.sentence, kXsdInteger);
      if (!ev.text.empty()) out << fmt::format("{} {} {} .\n", node, iris.vocab("text"), ntriples_literal(ev.text));
    }
  }
  for (const std::string& r : labelled) {
    out << fmt::format("{} {} {} .\n", iris.relation(r), kRdfsLabel, ntriples_literal(r));
  }
}

}  // namespace kg::graph
