#include "graph/store/write_journal.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>

namespace kg::store {

namespace {

std::string journal_path(const std::string& dir) { return dir + "/" + kJournalFile; }

std::string log_path(const std::string& dir, uint64_t log_number) {
  return fmt::format("{}/{:06}.log", dir, log_number);
}

// "stored", or "pending L S" (the log's number and size before the write).
bool parse_stage(std::string_view stage, WriteJournal::Entry* e) {
  if (stage == "stored") return true;
  constexpr std::string_view kPending = "pending ";
  if (!stage.starts_with(kPending)) return false;
  e->stored = false;
  const char* p = stage.data() + kPending.size();
  const char* end = stage.data() + stage.size();
  auto [after_number, number_error] = std::from_chars(p, end, e->log_number);
  if (number_error != std::errc() || after_number == end || *after_number != ' ') return false;
  auto [after_size, size_error] = std::from_chars(after_number + 1, end, e->log_size);
  return size_error == std::errc() && after_size == end;
}

}  // namespace

Result<std::vector<WriteJournal::Entry>> WriteJournal::read(const std::string& dir) {
  std::vector<Entry> entries;
  std::ifstream in(journal_path(dir), std::ios::binary);
  if (!in) return entries;  // no journal: nothing was written since the last flush
  std::string line;
  size_t line_number = 0;
  const auto damaged = [&] {
    return Status::corruption(
        fmt::format("{}: line {} is not a journal entry; the file is damaged", journal_path(dir), line_number));
  };
  // Only lines that end in '\n' count: a line cut by a kill is not an entry.
  while (std::getline(in, line) && !in.eof()) {
    ++line_number;
    Entry e;
    const size_t tab = line.find('\t');
    const char* end = line.data() + (tab == std::string::npos ? 0 : tab);
    if (tab == std::string::npos || std::from_chars(line.data(), end, e.sequence).ptr != end) return damaged();
    std::string_view rest = std::string_view(line).substr(tab + 1);
    // `what` holds no tab (append_line() replaced it), so a second tab marks a stage.
    if (const size_t second = rest.find('\t'); second != std::string_view::npos) {
      if (!parse_stage(rest.substr(0, second), &e)) return damaged();
      rest.remove_prefix(second + 1);
    }
    e.what = rest;
    // A later line for the batch of an unconfirmed pending line replaces it:
    // its stored line, or the pending line of a retry after a failed write.
    if (!entries.empty() && !entries.back().stored && entries.back().sequence == e.sequence) {
      entries.back() = std::move(e);
      continue;
    }
    entries.push_back(std::move(e));
  }
  if (in.bad()) return Status::io_error(fmt::format("{}: cannot read: {}", journal_path(dir), std::strerror(errno)));
  return entries;
}

void WriteJournal::inspect_log(const std::string& dir, std::vector<Entry>* entries) {
  if (entries->empty() || entries->back().stored) return;
  Entry& e = entries->back();
  struct stat st {};
  e.reached_log =
      ::stat(log_path(dir, e.log_number).c_str(), &st) != 0 || static_cast<uint64_t>(st.st_size) > e.log_size;
}

std::vector<WriteJournal::Entry> WriteJournal::lost(const std::vector<Entry>& entries, uint64_t recovered) {
  std::vector<Entry> out;
  for (const Entry& e : entries) {
    if (e.sequence > recovered) out.push_back(e);
  }
  if (out.size() == 1 && !out.back().stored && !out.back().reached_log && out.back().sequence == recovered + 1) {
    out.clear();
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

bool WriteJournal::append_pending(uint64_t sequence, uint64_t log_number, uint64_t log_size, std::string_view what) {
  return append_line(sequence, fmt::format("pending {} {}", log_number, log_size), what);
}

bool WriteJournal::append_stored(uint64_t sequence, std::string_view what) {
  return append_line(sequence, "stored", what);
}

bool WriteJournal::append_line(uint64_t sequence, std::string_view stage, std::string_view what) {
  std::string line = fmt::format("{}\t{}\t", sequence, stage);
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
