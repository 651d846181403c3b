// graph/export: the graph, or the neighbourhood of one entity, written in
// the formats other tools read: DOT (and SVG/PNG through graphviz's `dot`),
// GraphML, JSON (the CLI contract of DESIGN.md), CSV for neo4j-admin import,
// and N-Triples.
//
// Everything is read from the store, not from the CSR view: an export needs
// aliases and evidence, which only the store holds, and a focused export
// reads just the neighbourhood by prefix scans.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "graph/store/store.h"

namespace kg::graph {

enum class ExportFormat { kDot, kSvg, kPng, kGraphml, kJson, kCsv, kNTriples };

// "dot", "svg", "png", "graphml", "json", "csv", "nt" (also "ntriples").
std::optional<ExportFormat> parse_export_format(std::string_view name);
std::string_view export_format_name(ExportFormat format);
// True for formats that can go to standard output.
bool is_text_format(ExportFormat format);

// --- neighbourhoods by prefix scan -----------------------------------------

// One entity reached by a breadth-first walk of the store, with the edge that
// first reached it (from `parent`; forward means parent -> entity).
struct StoreReached {
  store::EntityId entity = 0;
  uint32_t depth = 0;  // 1.. hops from the start
  store::EntityId parent = 0;
  store::RelationId relation = 0;
  bool forward = true;
  uint32_t count = 0;
};

// True when `a` is the better parent edge for the same reached entity: more
// support, then the lower parent id, then the edge pointing away from the
// parent, then the lower relation id. One rule, so the store walk below and
// the view walk of the query shell show the same "via" edge.
bool better_parent(const StoreReached& a, const StoreReached& b);

// Distinct entities within `max_depth` hops of `start` (edges followed both
// ways), breadth-first, each level in ascending entity id; the start is not
// included. Reads only the visited entities' edges (prefix scans), never the
// whole store. Each entity's parent edge is the best by better_parent.
Result<std::vector<StoreReached>> store_neighbourhood(store::Store& store, store::EntityId start, uint32_t max_depth);

// --- what is exported -------------------------------------------------------

struct ExportEvidence {
  std::string doc;       // document id
  uint32_t sentence = 0; // 1-based sentence number in the document (line number for triples files)
  std::string text;      // the sentence ("" when the store keeps no text)
  // A fact a person asserted (kg assert): its edit and source; doc is "".
  uint32_t asserted_by = 0;
  std::string source = {};
};

struct ExportNode {
  store::EntityId id = 0;
  std::string name;
  store::EntityType type = store::EntityType::kMisc;
  std::vector<std::string> aliases;  // surface forms, most frequent first, canonical name excluded
  uint64_t mentions = 0;
};

struct ExportEdge {
  store::EntityId source = 0, target = 0;
  std::string relation;
  uint32_t count = 0;
  float confidence = 0.0f;
  std::vector<ExportEvidence> evidence;  // every piece, or the first max_evidence_per_edge
  size_t evidence_total = 0;             // how many the store holds (evidence.size() unless capped)
  // The earliest and latest date of the documents of all its evidence
  // (YYYY-MM-DD; "" when none is dated or evidence was not read).
  std::string first_seen = {}, last_seen = {};
};

// What a --max-nodes cap left out of a snapshot, for the message that says so.
struct LeftOut {
  size_t nodes = 0, edges = 0;
  std::vector<std::string> most_connected;  // the first few names left out, highest weighted degree first
};

// Nodes in ascending id; edges sorted by (source, relation id, target), each
// between two exported nodes.
struct GraphSnapshot {
  std::vector<ExportNode> nodes;
  std::vector<ExportEdge> edges;
  std::vector<store::EntityId> focus;  // the focus entities, as given
  LeftOut left_out;
  std::vector<store::Edit> edits;  // every person-made edit, undone ones included (JSON "edits")
};

// One edit as a JSON object on one line (the JSON export's "edits" array
// and `kg export --format edits`, one per line), and back: a line another
// store's `kg import-edits` replays. kInvalidInput says what is wrong.
std::string edit_to_json(const store::Edit& edit);
Result<store::Edit> edit_from_json(std::string_view line);
// `kg export --format edits`: one edit_to_json line each, to `out_file`
// (written whole or not at all) or, when it is empty, to `stdout_sink`.
Status write_edits(const std::vector<store::Edit>& edits, const std::string& out_file, std::ostream& stdout_sink);

// Which entities and edges an export holds. The defaults are everything:
// the data formats' default. diagram_scope() gives the diagrams' default.
struct ExportScope {
  std::optional<store::EntityId> focus;   // none (and more_focus empty): the whole graph
  std::vector<store::EntityId> more_focus;  // further focus entities (--focus given again)
  uint32_t depth = 1;                     // hops around the focus
  bool with_evidence = true;              // read evidence (JSON lists it; others skip reading it)
  size_t max_evidence_per_edge = 0;       // 0: every piece; else the first N by (doc, sentence)

  std::vector<store::EntityType> types;   // entities of these types only (focus entities always); empty: all
  std::vector<std::string> relations;     // edges with these relation phrases only; empty: all
  uint32_t min_count = 1;                 // edges with at least this much support (evidence sentences)
  bool drop_isolated = false;             // leave out entities with no exported edge (never a focus)
  // At most this many entities (0: no cap). Kept: the focus entities, then
  // by weighted degree, the sum of the support counts of an entity's edges
  // in the filtered neighbourhood. With a focus the diagram grows outward
  // from it, each step adding the best-connected entity adjacent to those
  // kept, so it stays one connected piece; without, the heaviest entities
  // are kept. Ties: lower entity id.
  size_t max_nodes = 0;
};

inline constexpr size_t kDiagramMaxNodes = 60;

// The diagrams' default: the entity graph (named entities, see
// schema::is_named in graph/schema/schema.h, and the edges between them), no isolated
// entities, at most kDiagramMaxNodes, no evidence beyond each edge's first
// sentence (its tooltip).
ExportScope diagram_scope();

// Reads the whole store into a Boost.Graph view (graph/view.h), selects the
// entities in one pass over it (a multi-source breadth-first search for a
// focus), then reads names, aliases and evidence of what was selected.
// kNotFound for a focus that is no entity; kInvalidInput for a relation in
// `relations` the store does not hold.
Result<GraphSnapshot> collect_snapshot(store::Store& store, const ExportScope& scope);

// --- writers ------------------------------------------------------------------

// The base of N-Triples IRIs when --base is not given. example.org is
// reserved for examples (RFC 2606), so these IRIs never name a real page.
inline constexpr std::string_view kDefaultBaseIri = "http://example.org/kg/";

// How graphviz lays out a diagram. kAuto: dot (layered, left to right) when
// the diagram has at most 80 entities and no connected piece of more than
// 15; else neato (spring model) up to 150 entities, sfdp (multiscale, for
// large networks) beyond; neato and sfdp with overlap removal.
enum class Layout { kAuto, kDot, kNeato, kSfdp };
std::optional<Layout> parse_layout(std::string_view name);

// How the writers present the snapshot (what is in it is ExportScope's).
struct WriteOptions {
  std::string base_iri = std::string(kDefaultBaseIri);  // N-Triples
  Layout layout = Layout::kAuto;                        // DOT, SVG, PNG
};

// A diagram in DOT through boost::write_graphviz: node shape and colour by
// entity type, a legend of the types drawn, focus entities outlined, the
// edges between two entities in one direction merged into one arrow
// labelled "relation (count)" per relation (the three best supported, then
// "+N more"), thicker with more support, its tooltip the first evidence
// sentence. Every ID and string quoted, so names that are DOT keywords
// (edge, node, graph, digraph, subgraph, strict) are safe.
void write_dot(const GraphSnapshot& graph, std::ostream& out, const WriteOptions& options = {});
// GraphML through boost::write_graphml (keys: name, type, mentions, aliases;
// relation, count, confidence, first_sentence). Text passes through xml_text first, so no
// name can make the XML ill-formed.
void write_graphml(const GraphSnapshot& graph, std::ostream& out);
// {"nodes":[{"id","name","type","aliases","mentions"}],
//  "edges":[{"source","target","relation","count","confidence","first_seen","last_seen",
//            "evidence":[{"doc","sentence","text"}]}]}
// first_seen/last_seen: the dates the fact was first and last reported (null when undated).
// Confidence rounded to 3 decimals. When evidence was capped, the edge also
// has "evidence_total" (how many the store holds).
void write_json(const GraphSnapshot& graph, std::ostream& out);
// N-Triples under `base` (an absolute IRI, used verbatim: end it with '/'
// or '#'):
// entities <BASE entity/ID>, types <BASE type/PERSON>, relations
// <BASE relation/SEGMENT> with the phrase percent-encoded; names as
// rdfs:label, aliases as skos:altLabel, relation phrases as rdfs:label.
void write_ntriples(const GraphSnapshot& graph, std::string_view base, std::ostream& out);
// OK when `iri` can be that base: a scheme, ':', and none of the characters
// N-Triples forbids inside <...> (controls, space, <>"{}|^`\); else
// kInvalidInput saying so.
Status check_base_iri(std::string_view iri);

// The two files neo4j-admin database import reads, DIR/nodes.csv (header
// "id:ID,name,:LABEL,type,aliases:string[],mentions:long") and DIR/edges.csv
// (":START_ID,:END_ID,:TYPE,relation,count:long,confidence:double"). DIR is
// created when missing; kInvalidInput when it exists and is not a folder.
// `written` receives the two paths.
Status write_csv(const GraphSnapshot& graph, const std::string& dir, std::vector<std::string>* written);

// Runs graphviz's `dot` to turn DOT text into `format` (kSvg or kPng) in
// `out_file`. kInvalidInput with install advice when `dot` is not on PATH;
// kIOError when it fails.
Status render_with_graphviz(const std::string& dot_text, ExportFormat format, const std::string& out_file);

// Where `dot` is on PATH, or nullopt.
std::optional<std::string> find_graphviz_dot();
// The one-line message for a missing `dot`: how to install it, and that
// --format dot still works.
std::string_view graphviz_install_advice();


// Writes `graph` as `format` to `out_file`, or to `stdout_sink` when
// out_file is empty (text formats only). `written` receives the files made.
// kInvalidInput for a base IRI that is not absolute.
Status write_export(const GraphSnapshot& graph, ExportFormat format, const std::string& out_file,
                    const WriteOptions& options, std::ostream& stdout_sink, std::vector<std::string>* written);
// The same with default WriteOptions.
Status write_export(const GraphSnapshot& graph, ExportFormat format, const std::string& out_file,
                    std::ostream& stdout_sink, std::vector<std::string>* written);

}  // namespace kg::graph
