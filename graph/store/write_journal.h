// The writer's journal of unflushed writes (private to graph/store).
//
// DIR/KG_JOURNAL holds one line per committed write batch since the last
// flush: RocksDB's sequence number after the batch and what the batch did
// ("storing document bbc/tech/001.txt"). A writer that closes flushes every
// family and empties the journal, so a non-empty journal means the last
// writes live only in RocksDB's write-ahead log. If that log is deleted,
// zeroed or cut, RocksDB opens without them and without a word; the journal
// still names them: every entry above the recovered sequence number is a
// lost write. The journal is appended without fsync, like the log itself:
// a killed process loses neither, a power cut may lose both.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace kg::store {

inline constexpr const char* kJournalFile = "KG_JOURNAL";

class WriteJournal {
 public:
  struct Entry {
    uint64_t sequence = 0;  // RocksDB's last sequence number once the batch was written
    std::string what;       // what the batch did, one line
  };

  // The entries of DIR's journal (none when there is no journal). A torn
  // last line (a kill during the append) is ignored.
  static Result<std::vector<Entry>> read(const std::string& dir);

  // The entries whose writes are not in a store whose recovered last
  // sequence number is `recovered`.
  static std::vector<Entry> lost(const std::vector<Entry>& entries, uint64_t recovered);

  // Opens DIR's journal for appending (the writer only).
  static Result<std::unique_ptr<WriteJournal>> open(const std::string& dir);
  ~WriteJournal();
  WriteJournal(const WriteJournal&) = delete;
  WriteJournal& operator=(const WriteJournal&) = delete;

  // Appends one entry; control characters in `what` become '?'. False when
  // the line could not be written (errno says why).
  bool append(uint64_t sequence, std::string_view what);
  // Empties the journal: call only once every family is flushed.
  Status clear();

 private:
  WriteJournal(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_;
  std::string path_;
};

}  // namespace kg::store
