#include "graph/export/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>

namespace kg::graph {

PendingFile::PendingFile(std::string path)
    : path_(std::move(path)), temporary_(fmt::format("{}.kg-tmp-{}", path_, ::getpid())) {}

PendingFile::~PendingFile() {
  if (committed_) return;
  std::error_code ignored;
  std::filesystem::remove(temporary_, ignored);
}

Status PendingFile::commit() {
  // Synced before the rename: after a crash the target is the old file or the whole new one.
  const int fd = ::open(temporary_.c_str(), O_RDONLY);
  if (fd < 0) return Status::io_error(fmt::format("{}: cannot write: {}", path_, std::strerror(errno)));
  const bool synced = ::fsync(fd) == 0;
  const int sync_errno = errno;
  ::close(fd);
  if (!synced) {
    return Status::io_error(fmt::format("{}: write failed ({}); the old file is unchanged", path_, std::strerror(sync_errno)));
  }
  std::error_code ec;
  std::filesystem::rename(temporary_, path_, ec);
  if (ec) return Status::io_error(fmt::format("{}: cannot replace: {}; the old file is unchanged", path_, ec.message()));
  committed_ = true;
  return Status::ok();
}

Status write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& fill) {
  PendingFile pending(path);
  std::ofstream out(pending.temporary_path(), std::ios::binary | std::ios::trunc);
  if (!out) return Status::io_error(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
  fill(out);
  out.close();
  if (!out) return Status::io_error(fmt::format("{}: write failed (disk full?); the old file is unchanged", path));
  return pending.commit();
}

}  // namespace kg::graph
