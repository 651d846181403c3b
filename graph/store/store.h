// graph/store: kg's persistent knowledge graph, schema v2 in RocksDB.
//
// The public face of the store. Everything about keys, column families and
// encodings is private to this folder (see keys.h for the layouts).
//
// Model. A *document* (an article, or one file of pre-extracted triples) is
// the unit of writing: put_document() commits one document in one RocksDB
// WriteBatch, so after a crash each document is either fully in or fully out.
// A document contributes *evidence*: one row per (subject, relation, object,
// document, sentence). An *edge* (subject, relation, object) exists exactly
// while it has evidence; its count is the number of its evidence rows and its
// confidence the best of theirs. An *entity* exists exactly while some
// document mentions it; its aliases (normalised surface forms) go with it.
//
// Bare surnames. A document's entity joins a stored one only on identical
// canonical name and type, so an article that names only "Mr Blair" stores a
// PERSON "Blair" beside "Tony Blair". Every read below presents such a bare
// surname *folded* into the one full-name person it can mean (the only
// gender-compatible stored PERSON whose name ends in that surname; see
// surname_folds.h): it has no id of its own in what readers see, and its
// mentions, aliases, edges and evidence read as its target's. Folds are a
// function of the stored entities and aliases alone (never of ingest order),
// kept in a derived family that every write updates in the same batch, so
// adding or removing a document makes them appear or disappear and a reader
// loads them without scanning. `kg check` verifies the stored rows, which
// folding leaves as they are, and that the derived rows match them.
//
// Concurrency. One writer per store directory, many readers. A read-write
// open takes an exclusive lock (file KG_LOCK holding the writer's pid); a
// second writer gets Status::locked("store is locked by another kg process
// (pid N)"). Read-only opens never block and see the last committed
// documents (a RocksDB secondary instance while a writer runs, a plain
// read-only instance otherwise); refresh() catches up with the writer.
//
// Errors. Every call returns Status/Result: kLocked, kNotFound (no store,
// no such document), kCorruption (damaged files, schema violations, another
// schema version), kIOError (disk full, permissions). Nothing throws across
// this header.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace rocksdb {
class Env;
}

namespace kg::store {

// The schema this build reads and writes; stored in the meta column family
// and checked on open.
inline constexpr uint32_t kSchemaVersion = 2;

using EntityId = uint32_t;    // 1..; 0 is never used
using RelationId = uint32_t;  // 1..
using DocNo = uint32_t;       // 1..; the store's number for a document id

// ---------------------------------------------------------------------------
// What the ingest pipeline hands to the store: one document, already merged.

enum class EntityType : uint8_t { kPerson, kOrg, kLoc, kMisc, kConcept };  // kConcept: a normalised noun phrase
inline constexpr size_t kEntityTypeCount = 5;
std::string_view entity_type_name(EntityType);  // "PERSON","ORG","LOC","MISC","CONCEPT"
std::optional<EntityType> parse_entity_type(std::string_view name);  // inverse of entity_type_name

struct EntityRecord {  // one entity of one document, already merged within the document
  std::string name;    // canonical name ("Joe Biden")
  EntityType type = EntityType::kMisc;
  std::vector<std::pair<std::string, uint32_t>> aliases;  // surface forms with counts ("Mr Biden", 3)
  uint32_t mentions = 0;  // 0 is read as 1: an entity that is handed over is mentioned
};

struct FactRecord {
  uint32_t subject = 0, object = 0;  // indexes into DocumentRecord::entities
  std::string relation;              // lemma phrase: "speak with"
  uint32_t sentence = 0;             // index into DocumentRecord::sentences
  uint32_t span_begin = 0, span_end = 0;  // byte span of the evidence in the sentence
  float confidence = 1.0f;
  bool negated = false, modal = false;
  std::string attribution;  // who said it, "" when stated by the article
};

struct DocumentRecord {
  std::string id;  // file path or JSONL id/url
  std::string title, url, source;
  std::string date;  // YYYY-MM-DD, or "" when unknown (then the document reports no fact at any date)
  bool date_is_ingest_date = false;  // the article carried no date: `date` is the day it was ingested
  std::string content_hash;  // of the normalised text (the caller computes it)
  std::vector<std::string> sentences;
  std::vector<EntityRecord> entities;
  std::vector<FactRecord> facts;
};

// ---------------------------------------------------------------------------
// What the store hands back.

enum class DocumentKind : uint8_t {
  kArticle = 0,  // put_document(): sentences hold text
  kTriples = 1,  // load_triples(): one document per input file; sentence n is line n+1 of the file; no
                 // sentence rows are stored (the text is the triple itself: "subject<TAB>relation<TAB>object"),
                 // sentence_count is the file's line count, and sentence_text() gives nullopt
};

struct DocumentInfo {
  DocNo number = 0;
  std::string id, title, url, date, source, content_hash;
  uint32_t sentence_count = 0;
  uint32_t fact_count = 0;  // evidence rows of this document
  DocumentKind kind = DocumentKind::kArticle;
  bool date_is_ingest_date = false;  // as in DocumentRecord
  // Ids of near-copies of this article that were not stored (record_near_duplicates).
  std::vector<std::string> near_duplicates;
};

struct Entity {
  EntityId id = 0;
  std::string name;
  EntityType type = EntityType::kMisc;
  uint64_t mentions = 0;
};

struct Alias {
  std::string normalized;  // the lookup key: identity::normalize_name(surface)
  std::string surface;     // first surface form seen with this key
  EntityId entity = 0;
  uint64_t count = 0;
};

struct Edge {
  EntityId subject = 0;
  RelationId relation = 0;
  EntityId object = 0;
  uint32_t count = 0;        // evidence rows
  float confidence = 0.0f;   // best confidence among them
};

struct Evidence {
  EntityId subject = 0;
  RelationId relation = 0;
  EntityId object = 0;
  DocNo doc = 0;
  uint32_t sentence = 0;
  uint32_t span_begin = 0, span_end = 0;
  float confidence = 1.0f;
  bool negated = false, modal = false;
  std::string attribution;
  // A fact a person asserted (an assert edit) rather than a document: its
  // edit's number (doc and sentence are then 0) and --source.
  uint32_t asserted_by = 0;
  std::string source = {};
};

// When a fact was reported: the dates of the documents its evidence comes
// from. Derived at read time from the evidence rows and their documents, so
// it can never disagree with them (removing a document moves both ends).
struct FactDates {
  std::vector<std::string> dates;  // distinct YYYY-MM-DD, ascending; documents without a date add none
  std::string first_seen() const { return dates.empty() ? "" : dates.front(); }
  std::string last_seen() const { return dates.empty() ? "" : dates.back(); }
  // Reported on some day from `from` to `to` (inclusive; "" leaves that end open).
  bool seen_between(std::string_view from, std::string_view to) const {
    for (const std::string& d : dates) {
      if ((from.empty() || d >= from) && (to.empty() || d <= to)) return true;
    }
    return false;
  }
  // The timeline order: by the day first reported; facts without a date last.
  static bool first_reported_before(const FactDates& a, const FactDates& b) {
    if (a.dates.empty() || b.dates.empty()) return !a.dates.empty() && b.dates.empty();
    return a.dates.front() < b.dates.front();
  }
};

struct Stats {
  uint64_t documents = 0, sentences = 0, entities = 0, relations = 0, edges = 0, evidence = 0, aliases = 0;
  std::array<uint64_t, kEntityTypeCount> entities_by_type{};  // indexed by EntityType
};

enum class PutOutcome { kAdded, kReplaced, kUnchanged };

struct PutResult {
  PutOutcome outcome = PutOutcome::kAdded;
  DocNo number = 0;
  uint64_t facts = 0;  // evidence rows the document holds now
  // kUnchanged because another document id holds the same content hash
  // (the same article under two URLs): that id. Empty otherwise.
  std::string duplicate_of;
};

// Bulk load of TSV triples (load_triples).
struct BulkLoadProgress {
  std::string_view phase;  // "reading", "sorting", "writing"
  uint64_t bytes_done = 0, bytes_total = 0;
  uint64_t lines = 0;
};
using BulkLoadProgressFn = std::function<void(const BulkLoadProgress&)>;

struct BulkLoadResult {
  PutOutcome outcome = PutOutcome::kAdded;  // kUnchanged: the same file (same content) was loaded before
  DocNo number = 0;
  uint64_t lines = 0;         // triples read (= evidence rows of the document)
  uint64_t new_entities = 0;  // entities created by this load
  uint64_t new_edges = 0;     // edges created by this load
  std::string duplicate_of;   // kUnchanged because another document id holds the same content
};

// What `kg check` found: an empty problem list means every invariant holds.
struct CheckReport {
  std::vector<std::string> problems;  // one line each; capped (see truncated)
  bool truncated = false;             // more problems than were listed
  uint64_t records = 0;               // rows examined
  bool ok() const { return problems.empty(); }
};

// ---------------------------------------------------------------------------
// Curation (issue 25): corrections a person makes. Each is its own record in
// the edits family, never a rewrite of the extracted rows, and every read
// above applies the active ones over the graph, after the surname folds and
// in edit order. An edit names entities by their stored canonical name and
// type (the key the writer finds an entity again by), so it holds when the
// entity's documents are re-ingested, removed and ingested again, or joined
// by new ones; while a named entity is not stored the edit does nothing and
// `kg check` reports it.

enum class EditKind : uint8_t { kMerge = 1, kRename = 2, kRetype = 3, kRetract = 4, kSplit = 5, kAssert = 6 };
std::string_view edit_kind_name(EditKind);  // "merge", "rename", "retype", "retract", "split", "assert"


struct EntityRef {  // a stored entity by its stored (not edited) name and type
  std::string name;
  EntityType type = EntityType::kMisc;
  bool operator==(const EntityRef&) const = default;
};

struct Edit {
  uint32_t number = 0;  // 1..; given by add_edit
  EditKind kind = EditKind::kMerge;
  std::string who, when, note;  // OS user, UTC "YYYY-MM-DDTHH:MM:SSZ", --note
  // merge: {kept, absorbed}; rename, retype, split: {entity}; retract, assert: {subject, object}.
  // A split's new entity is named by {name, type} in later edits.
  std::vector<EntityRef> entities;
  std::string name;      // merge --name, rename, split: the name readers see
  EntityType type = EntityType::kMisc;  // retype, split
  // split: the mentions that move to the new entity: those of each document
  // in which the entity was called one of `aliases` (as typed; compared by
  // name key), or of each document in `docs` (document ids).
  std::vector<std::string> aliases, docs;
  // split: the id its entity reads under; assert: the id of its relation
  // when no document used the phrase. Taken from the store's counters by
  // add_edit (so ids stay dense and are never another entity's or
  // relation's), and given anew when edits move to another store.
  uint32_t made = 0;
  std::string relation;  // retract, assert: the relation phrase
  std::string source;    // assert: where the fact comes from (--source)
  std::string doc;       // retract one piece of evidence: its document id ("" = the whole fact)
  uint32_t sentence = 0;  // ... and sentence index
  bool undone = false;
  std::string undone_by, undone_when;
};

struct OpenOptions {
  enum class Mode { kReadWrite, kReadOnly };
  Mode mode = Mode::kReadOnly;
  bool create_if_missing = true;  // read-write only: create an empty store
  rocksdb::Env* env = nullptr;    // tests: a failing Env to simulate a full disk
  // Read-write only (kg check --repair): open a store whose last writes were
  // lost with a missing or damaged write-ahead log (replaying the log up to
  // its first bad record), list them in lost_writes() and give them up.
  // Without it such a store does not open: a one-line error names the loss.
  bool accept_lost_writes = false;
};


class Store {
 public:
  static Result<std::unique_ptr<Store>> open(const std::string& dir, const OpenOptions& options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& dir() const;
  bool read_only() const;
  // What the writes lost with the write-ahead log did ("storing document X"),
  // oldest first; empty unless opened with accept_lost_writes.
  const std::vector<std::string>& lost_writes() const;

  // --- writing (read-write mode only) ---------------------------------------

  // Adds the document, or replaces the facts of the document with the same
  // id when its content_hash differs (atomically, in the same WriteBatch), or
  // changes nothing when id and hash are already stored (kUnchanged).
  // Invalid records (fact index out of range, empty id or name) are refused
  // with kInvalidInput and nothing is written.
  Result<PutResult> put_document(const DocumentRecord& doc);

  // Records that the articles `others` were near-copies of the stored
  // document `doc_id` and left out in its favour (kept in its DocumentInfo,
  // each id once). kNotFound when no document has this id.
  Status record_near_duplicates(std::string_view doc_id, const std::vector<std::string>& others);

  // Removes the document and exactly its evidence, sentences and mentions;
  // edges without evidence and entities without mentions disappear.
  // kNotFound when no document has this id.
  Status remove_document(std::string_view doc_id);

  // Loads a TSV file of "subject<TAB>relation<TAB>object" lines (as written by
  // ../shared/tools/gen-kg) as ONE document of kind kTriples whose id is
  // `path` as given and whose content hash is the hash of the file bytes.
  // Line n is sentence n-1; its evidence has confidence 1, no span. Entities
  // get type MISC, unless exactly one stored entity already has the
  // normalised name (any type). Blank lines and lines starting with '#' are
  // skipped. Malformed lines: kInvalidInput "FILE:LINE: ..." and nothing is
  // written. The whole file is committed atomically (SST files ingested into
  // all column families at once). Loading the same file again is kUnchanged;
  // changed content replaces the previous load.
  Result<BulkLoadResult> load_triples(const std::string& path, const BulkLoadProgressFn& progress = {});

  // Records an edit whose entities are given as readers' ids (`ids`; they
  // become edit.entities) and returns its number; one synced write.
  // kInvalidInput when an id is unknown or the edit would change nothing
  // (a merge of an entity with itself, a retraction of a fact no one reads,
  // a split that moves no mention) or would leave an entity with none (a
  // split of every mention), or a split names an alias the entity lacks or
  // a document that does not mention it, or a name a stored entity has.
  Result<uint32_t> add_edit(Edit edit, const std::vector<EntityId>& ids);
  // Marks edit `number` undone (it stays in the history). kNotFound when
  // there is no such edit, kInvalidInput when it is undone already.
  Status undo_edit(uint32_t number, std::string_view who, std::string_view when);
  // Runs `record`, holding back the edits it adds or undoes: every read of
  // this Store sees them at once (so each edit is checked against the ones
  // before it), but they are written only when `record` returns ok, all in
  // one synced batch. A refusal, an error or a crash leaves none of them.
  Status edit_together(const std::function<Status()>& record);
  // Every edit, ascending number, undone ones included.
  Result<std::vector<Edit>> edits();
  // The entity an edit names, as readers see it now (nullopt: not stored).
  Result<std::optional<EntityId>> resolve(const EntityRef& ref);
  // The stored name and type behind a reader's id (before renames and retypes).
  Result<std::optional<EntityRef>> stored_ref(EntityId id);

  // --- reading ----------------------------------------------------------------

  // Readers only: see what the writer committed since open (no-op otherwise).
  Status refresh();

  Result<std::optional<DocumentInfo>> find_document(std::string_view doc_id);
  Result<std::optional<DocumentInfo>> document(DocNo number);
  Status for_each_document(const std::function<void(const DocumentInfo&)>& fn);
  // The text of sentence `sentence` of document `number`; nullopt when not stored (triples documents).
  Result<std::optional<std::string>> sentence_text(DocNo number, uint32_t sentence);

  // A folded bare surname's id gives the entity it is folded into.
  Result<std::optional<Entity>> entity(EntityId id);
  // Entities whose alias index holds `key` (a name key that graph/identity
  // computes: identity::normalize_name), ascending id, folds applied. Name lookup
  // for readers is identity::find_entities.
  Result<std::vector<Entity>> entities_with_alias_key(std::string_view key);
  Result<std::vector<Alias>> aliases_of(EntityId id);  // most frequent first
  // The documents that mention the entity (its folded bare surnames
  // included), ascending, with the mentions each contributed.
  Result<std::vector<std::pair<DocNo, uint32_t>>> documents_of(EntityId id);
  Status for_each_entity(const std::function<void(const Entity&)>& fn);  // ascending id
  Status for_each_alias(const std::function<void(const Alias&)>& fn);

  Result<std::optional<std::string>> relation_name(RelationId id);
  Result<std::optional<RelationId>> find_relation(std::string_view phrase);
  Status for_each_relation(const std::function<void(RelationId, std::string_view)>& fn);  // ascending id

  // Neighbourhood reads by prefix scan, without building the view: edges
  // leaving `id` sorted by (relation, object); edges entering it sorted by
  // (relation, subject). Each Edge is given subject/relation/object as stored.
  Result<std::vector<Edge>> out_edges(EntityId id);
  Result<std::vector<Edge>> in_edges(EntityId id);
  Result<std::optional<Edge>> edge(EntityId subject, RelationId relation, EntityId object);
  Status for_each_edge(const std::function<void(const Edge&)>& fn);  // sorted by (subject, relation, object)

  // The evidence of one edge, sorted by (document, sentence).
  Result<std::vector<Evidence>> evidence(EntityId subject, RelationId relation, EntityId object);

  // The dates of the documents that report the fact (see FactDates).
  Result<FactDates> fact_dates(EntityId subject, RelationId relation, EntityId object);

  // Counts kept up to date by every write (O(1)), less what bare-surname
  // folds merge (a few point reads per fold, and one scan of doc_entities
  // when there are folds).
  Result<Stats> stats();

  // Verifies every invariant of the schema by full scans: edges_out and
  // edges_in mirror each other; every edge count and confidence equals its
  // evidence; every evidence row names an existing document, sentence,
  // relation and entities; every document's sentences and mentions exist;
  // every entity's mention count equals its documents' mentions; every alias
  // names an existing entity; id counters lie above every used id; the stored
  // totals (stats) equal the rows. Also verifies block checksums.
  Result<CheckReport> check();

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg::store
