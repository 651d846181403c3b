// The writer's journal of unflushed writes (private to graph/store).
//
// DIR/KG_JOURNAL names every write batch since the last flush: the store's
// write count once the batch is in (meta "write_count", which the batch
// itself carries) and what the batch did ("storing document
// bbc/tech/001.txt"). A writer that closes flushes every family and empties
// the journal, so a non-empty journal means the last writes live only in
// RocksDB's write-ahead log. If that log is deleted, zeroed or cut, RocksDB
// opens without them and without a word; the journal still names them:
// every entry above the recovered write count is a lost write.
//
// Each batch is named twice: "N\tpending L S\twhat" before it is written
// and "N\tstored\twhat" after. So no batch can reach the store unnamed (a
// kill between the write and a line appended only afterwards would leave a
// stored document that a lost log then drops without a trace). L and S say
// where the write-ahead log stood before the write (log file number, size);
// a batch named only as pending, its write cut short, either reached that
// log (it grew, or it is gone) or did not. As the last entry just above
// the recovered write count, one that did not reach the log was never
// stored and nothing of it is lost; one that did was lost with the log.
// Lines of two fields (N and what) come from older writers, which wrote
// after the batch, and read as stored.
//
// The journal is appended without fsync, like the log itself: a killed
// process loses neither, a power cut may lose both.
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
    uint64_t sequence = 0;  // the store's write count once the batch is in
    std::string what;       // what the batch did, one line
    bool stored = true;     // false: named before its write, never confirmed
    // Of a pending entry: the write-ahead log before the write (number,
    // size), and whether the write may have reached it (reached_log()).
    uint64_t log_number = 0;
    uint64_t log_size = 0;
    bool reached_log = true;
  };

  // The entries of DIR's journal, one per batch, oldest first (none when
  // there is no journal). A torn last line (a kill during the append) is
  // ignored.
  static Result<std::vector<Entry>> read(const std::string& dir);

  // Sets reached_log of a pending last entry: false only when its log is
  // still in DIR at the size it had before the write. Call before RocksDB
  // opens DIR (a writer's open replays, flushes and deletes old logs).
  static void inspect_log(const std::string& dir, std::vector<Entry>* entries);

  // The entries whose writes are not in a store whose recovered write count
  // is `recovered`, leaving out a last entry that is only pending, next in
  // line, and never reached the log (its write was cut short before it).
  static std::vector<Entry> lost(const std::vector<Entry>& entries, uint64_t recovered);

  // Opens DIR's journal for appending (the writer only).
  static Result<std::unique_ptr<WriteJournal>> open(const std::string& dir);
  ~WriteJournal();
  WriteJournal(const WriteJournal&) = delete;
  WriteJournal& operator=(const WriteJournal&) = delete;

  // Appends the line naming batch `sequence` before it is written, with
  // the write-ahead log's number and size at that moment; control
  // characters in `what` become '?'. False when the line could not be
  // written (errno says why).
  bool append_pending(uint64_t sequence, uint64_t log_number, uint64_t log_size, std::string_view what);
  // Appends the line confirming that batch `sequence` is stored.
  bool append_stored(uint64_t sequence, std::string_view what);
  // Empties the journal: call only once every family is flushed.
  Status clear();

 private:
  WriteJournal(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  bool append_line(uint64_t sequence, std::string_view stage, std::string_view what);
  int fd_;
  std::string path_;
};

}  // namespace kg::store
