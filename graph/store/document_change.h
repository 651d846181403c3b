// One document's change to the store, collected and then committed as one
// RocksDB WriteBatch (private to graph/store).
//
// Counts (edge support, entity mentions, alias uses) are kept by
// read-modify-write, not by a merge operator: the store has a single writer
// (StoreLock), the writer must read anyway to resolve entities and to know
// when a count reaches zero (the edge, entity or alias then disappears, and
// an edge's best confidence must be recomputed from its remaining evidence),
// and plain values let `kg check` compare every count with its evidence
// directly. Deltas are summed per key first, so each key is read once and
// written once per document, however many facts touch it.
#pragma once

#include <map>
#include <rocksdb/write_batch.h>
#include <set>
#include <string>
#include <utility>

#include "graph/store/store_impl.h"
#include "graph/store/surname_folds.h"

namespace kg::store {

class DocumentChange {
 public:
  explicit DocumentChange(Store::Impl& impl);

  // Takes out everything the stored document holds (evidence, sentences,
  // mentions, its docs and doc_hash rows). `keep_id` keeps the doc_ids row
  // and the document count (a replacement follows).
  Status remove(const DocumentInfo& info, bool keep_id);

  // Adds the document under number `number`. The record must be valid
  // (validate_document).
  Status add(const DocumentRecord& doc, DocNo number, bool new_document, uint64_t* facts);

  // Resolves the summed deltas against the stored values and writes
  // everything, with the new meta counters, in one WriteBatch.
  Status commit(std::string_view doing);

  // The next document number (the caller takes it before add()).
  DocNo take_doc_number() { return next_.doc++; }

 private:
  struct EdgeDelta {
    int64_t count = 0;
    float best_added = 0.0f;
    bool lost_evidence = false;  // best confidence must be recomputed from what remains
  };
  struct EntityDelta {
    int64_t mentions = 0;
    bool created = false;
    records::EntityValue created_value;
  };
  struct AliasDelta {
    int64_t count = 0;
    std::string surface;
  };

  Result<EntityId> resolve_entity(const EntityRecord& record, const std::string& normalized);
  Result<RelationId> resolve_relation(const std::string& phrase);
  Status commit_edges();
  Status commit_entities();
  Status commit_aliases();

  Store::Impl& impl_;
  rocksdb::WriteBatch batch_;
  records::NextIds next_;
  Stats totals_;
  std::map<keys::EdgeKey, EdgeDelta> edges_;
  std::set<keys::EvidenceKey> evidence_removed_;
  std::map<keys::EvidenceKey, records::EvidenceValue> evidence_added_;
  std::map<EntityId, EntityDelta> entities_;
  std::map<std::pair<std::string, EntityId>, AliasDelta> aliases_;
  std::map<std::pair<std::string, EntityType>, EntityId> created_entities_;
  std::map<std::string, RelationId> created_relations_;
  FoldIndexChange folds_;  // the identity rows the entity and alias changes imply
};

// kInvalidInput naming the document and the first problem, or ok.
Status validate_document(const DocumentRecord& doc);

}  // namespace kg::store
