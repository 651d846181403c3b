// N-Triples (W3C RDF 1.1): one triple per line, absolute IRIs, escaped
// literals. IRIs live under the "kg:" scheme so they never collide with a
// real web address; a loader can rewrite the base if it wants http IRIs.
#include <fmt/format.h>
#include <set>

#include "graph/export/export.h"

namespace kg::graph {
namespace {

constexpr const char* kRdfType = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
constexpr const char* kRdfsLabel = "<http://www.w3.org/2000/01/rdf-schema#label>";
constexpr const char* kAltLabel = "<http://www.w3.org/2004/02/skos/core#altLabel>";

// Percent-encodes every byte outside RFC 3986's unreserved set, so the IRI
// holds no character N-Triples forbids inside <...> (space, <>"{}|^`\).
std::string iri_segment(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~';
    if (unreserved) out += c;
    else if (c == ' ') out += '_';
    else out += fmt::format("%{:02X}", u);
  }
  return out;
}

// A quoted literal: the ECHAR escapes of the grammar, UCHAR for the other
// control characters; other UTF-8 passes through as N-Triples allows.
std::string literal(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
        else out += c;
    }
  }
  return out + "\"";
}

std::string entity_iri(store::EntityId id) { return fmt::format("<kg:entity/{}>", id); }

}  // namespace

void write_ntriples(const GraphSnapshot& snapshot, std::ostream& out) {
  for (const ExportNode& n : snapshot.nodes) {
    const std::string s = entity_iri(n.id);
    out << fmt::format("{} {} <kg:type/{}> .\n", s, kRdfType, store::entity_type_name(n.type));
    out << fmt::format("{} {} {} .\n", s, kRdfsLabel, literal(n.name));
    for (const std::string& a : n.aliases) out << fmt::format("{} {} {} .\n", s, kAltLabel, literal(a));
  }
  std::set<std::string> labelled;
  for (const ExportEdge& e : snapshot.edges) {
    const std::string predicate = fmt::format("<kg:relation/{}>", iri_segment(e.relation));
    out << fmt::format("{} {} {} .\n", entity_iri(e.source), predicate, entity_iri(e.target));
    labelled.insert(e.relation);
  }
  for (const std::string& r : labelled) {
    out << fmt::format("<kg:relation/{}> {} {} .\n", iri_segment(r), kRdfsLabel, literal(r));
  }
}

}  // namespace kg::graph
