// Export files written whole or not at all. Private to graph/export.
//
// Each file is written to a temporary file in the same folder and renamed
// over the target once complete and synced, so a failure (a full disk, a
// killed process, a graphviz error) leaves the old file as it was, never a
// truncated one; and -o naming a symlink replaces the link, not the file it
// points to.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "base/status.h"

namespace kg::graph {

// A temporary file beside `path`, removed on destruction unless commit()
// moved it into place.
class PendingFile {
 public:
  explicit PendingFile(std::string path);
  ~PendingFile();
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;

  // Where to write the content (an ofstream, or a program's -o).
  const std::string& temporary_path() const { return temporary_; }
  // Syncs the temporary file and renames it to the target path.
  Status commit();

 private:
  std::string path_, temporary_;
  bool committed_ = false;
};

// Writes `path` with what `fill` streams, through a PendingFile.
Status write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& fill);

}  // namespace kg::graph
