#include "graph/store/store_lock.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <memory>
#include <mutex>
#include <set>
#include <vector>
#include <unistd.h>

namespace kg::store {

namespace {

constexpr const char* kLockFile = "KG_LOCK";

// Record locks belong to the process, so a second Store opened for writing
// inside the same process would be granted the lock again: remember the
// directories this process holds.
std::mutex held_mutex;
std::set<std::string> held_by_this_process;

std::string canonical(const std::string& dir) {
  std::error_code ec;
  auto p = std::filesystem::weakly_canonical(dir, ec);
  return ec ? dir : p.string();
}

}  // namespace

Result<std::unique_ptr<StoreLock>> StoreLock::acquire(const std::string& dir) {
  const std::string key = canonical(dir);
  {
    std::lock_guard<std::mutex> guard(held_mutex);
    if (held_by_this_process.count(key)) {
      return Status::locked(fmt::format("{}: store is locked by another kg process (pid {})", dir, getpid()));
    }
  }
  const std::string path = dir + "/" + kLockFile;
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::io_error(fmt::format("{}: cannot open lock file: {}", path, std::strerror(errno)));
  struct flock fl {};
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  if (fcntl(fd, F_SETLK, &fl) != 0) {
    const int err = errno;
    struct flock probe {};
    probe.l_type = F_WRLCK;
    probe.l_whence = SEEK_SET;
    const bool known = fcntl(fd, F_GETLK, &probe) == 0 && probe.l_type != F_UNLCK;
    ::close(fd);
    if (err == EACCES || err == EAGAIN) {
      return Status::locked(known ? fmt::format("{}: store is locked by another kg process (pid {})", dir, probe.l_pid)
                                  : fmt::format("{}: store is locked by another kg process", dir));
    }
    return Status::io_error(fmt::format("{}: cannot lock: {}", path, std::strerror(err)));
  }
  const std::string pid = fmt::format("{}\n", getpid());
  if (ftruncate(fd, 0) != 0 || pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
    // The pid in the file is informative only; the lock itself is held.
  }
  {
    std::lock_guard<std::mutex> guard(held_mutex);
    held_by_this_process.insert(key);
  }
  return std::unique_ptr<StoreLock>(new StoreLock(fd, key));
}

std::optional<pid_t> StoreLock::holder(const std::string& dir) {
  // Opening and closing the lock file here would drop this process's own
  // record lock, so a writer in this process is answered from memory.
  {
    std::lock_guard<std::mutex> guard(held_mutex);
    if (held_by_this_process.count(canonical(dir))) return getpid();
  }
  const std::string path = dir + "/" + kLockFile;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct flock probe {};
  probe.l_type = F_WRLCK;
  probe.l_whence = SEEK_SET;
  std::optional<pid_t> pid;
  if (fcntl(fd, F_GETLK, &probe) == 0 && probe.l_type != F_UNLCK) pid = probe.l_pid;
  ::close(fd);
  return pid;
}

StoreLock::~StoreLock() {
  {
    std::lock_guard<std::mutex> guard(held_mutex);
    held_by_this_process.erase(path_);
  }
  ::close(fd_);
}

}  // namespace kg::store
