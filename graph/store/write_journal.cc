#include "graph/store/write_journal.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <unistd.h>

namespace kg::store {

namespace {

std::string journal_path(const std::string& dir) { return dir + "/" + kJournalFile; }

}  // namespace

Result<std::vector<WriteJournal::Entry>> WriteJournal::read(const std::string& dir) {
  std::vector<Entry> entries;
  std::ifstream in(journal_path(dir), std::ios::binary);
  if (!in) return entries;  // no journal: nothing was written since the last flush
  std::string line;
  // Only lines that end in '\n' count: a line cut by a kill is not an entry.
  while (std::getline(in, line) && !in.eof()) {
    const size_t tab = line.find('\t');
    Entry e;
    const char* end = line.data() + (tab == std::string::npos ? 0 : tab);
    if (tab == std::string::npos || std::from_chars(line.data(), end, e.sequence).ptr != end) {
      return Status::corruption(
          fmt::format("{}: line {} is not a journal entry; the file is damaged", journal_path(dir), entries.size() + 1));
    }
    e.what = line.substr(tab + 1);
    entries.push_back(std::move(e));
  }
  if (in.bad()) return Status::io_error(fmt::format("{}: cannot read: {}", journal_path(dir), std::strerror(errno)));
  return entries;
}

std::vector<WriteJournal::Entry> WriteJournal::lost(const std::vector<Entry>& entries, uint64_t recovered) {
  std::vector<Entry> out;
  for (const Entry& e : entries) {
    if (e.sequence > recovered) out.push_back(e);
  }
  return out;
}

Result<std::unique_ptr<WriteJournal>> WriteJournal::open(const std::string& dir) {
  const std::string path = journal_path(dir);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return Status::io_error(fmt::format("{}: cannot open the write journal: {}", path, std::strerror(errno)));
  return std::unique_ptr<WriteJournal>(new WriteJournal(fd, path));
}

WriteJournal::~WriteJournal() { ::close(fd_); }

bool WriteJournal::append(uint64_t sequence, std::string_view what) {
  std::string line = fmt::format("{}\t", sequence);
  for (char c : what) line += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c;
  line += '\n';
  // One write() of a whole line with O_APPEND: a kill leaves whole lines
  // and at most a torn last one, which read() ignores.
  return ::write(fd_, line.data(), line.size()) == static_cast<ssize_t>(line.size());
}

Status WriteJournal::clear() {
  if (::ftruncate(fd_, 0) != 0) {
    return Status::io_error(fmt::format("{}: cannot empty the write journal: {}", path_, std::strerror(errno)));
  }
  return Status::ok();
}

}  // namespace kg::store
