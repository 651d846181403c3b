// The interactive shell. On a terminal, libedit's native API (histedit.h)
// does line editing, history and completion; on a pipe, plain lines are
// read with no prompt, so scripted sessions print only answers and errors.
#include <histedit.h>
#include <unistd.h>

#include <cstdio>
#include <fmt/format.h>
#include <iostream>
#include <optional>
#include <string>

#include "base/utf8.h"
#include "query/completion.h"
#include "query/query.h"

namespace kg::query {
namespace {

// Where one line of input comes from.
class LineSource {
 public:
  virtual ~LineSource() = default;
  virtual std::optional<std::string> next() = 0;
  virtual void remember(const std::string&) {}
};

class PipeSource : public LineSource {
 public:
  std::optional<std::string> next() override {
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    return line;
  }
};

// libedit state lives here; completion finds its session through
// EL_CLIENTDATA.
class TerminalSource : public LineSource {
 public:
  TerminalSource(Session& session, std::string history_file)
      : session_(session), history_file_(std::move(history_file)) {
    el_ = el_init("kg", stdin, stdout, stderr);
    history_ = history_init();
    HistEvent ev;
    history(history_, &ev, H_SETSIZE, 2000);
    history(history_, &ev, H_SETUNIQUE, 1);
    // A missing history file is normal on first use.
    if (!history_file_.empty()) history(history_, &ev, H_LOAD, history_file_.c_str());
    el_set(el_, EL_EDITOR, "emacs");
    el_set(el_, EL_PROMPT, &TerminalSource::prompt);
    el_set(el_, EL_HIST, history, history_);
    el_set(el_, EL_CLIENTDATA, this);
    el_set(el_, EL_ADDFN, "kg-complete", "complete a command or an entity name", &TerminalSource::complete);
    el_set(el_, EL_BIND, "^I", "kg-complete", nullptr);
    el_source(el_, nullptr);  // the user's ~/.editrc, if any
  }

  ~TerminalSource() override {
    history_end(history_);
    el_end(el_);
  }

  std::optional<std::string> next() override {
    int count = 0;
    const char* line = el_gets(el_, &count);
    if (!line || count <= 0) {
      std::fputs("\n", stdout);  // leave the prompt line on Ctrl-D
      return std::nullopt;
    }
    std::string text(line, static_cast<size_t>(count));
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
  }

  void remember(const std::string& line) override {
    HistEvent ev;
    history(history_, &ev, H_ENTER, line.c_str());
    // Saved after every line so a killed shell loses nothing.
    if (!history_file_.empty()) history(history_, &ev, H_SAVE, history_file_.c_str());
  }

 private:
  static const char* prompt(EditLine*) { return "kg> "; }

  static unsigned char complete(EditLine* el, int) {
    void* data = nullptr;
    el_get(el, EL_CLIENTDATA, &data);
    auto* self = static_cast<TerminalSource*>(data);
    const LineInfo* li = el_line(el);
    const std::string_view before(li->buffer, static_cast<size_t>(li->cursor - li->buffer));
    const bool wants_names = before.find_first_of(" \t") != std::string_view::npos;
    static const std::vector<std::string> kNoNames;
    const Completion c = complete_line(before, wants_names ? self->session_.entity_names() : kNoNames);
    if (c.candidates.empty()) return CC_REFRESH_BEEP;
    const std::string_view typed = before.substr(c.start);
    if (c.candidates.size() == 1) {
      el_deletestr(el, static_cast<int>(typed.size()));
      el_insertstr(el, (c.candidates.front() + " ").c_str());
      return CC_REFRESH;
    }
    const std::string prefix = common_prefix(c.candidates);
    if (prefix.size() > typed.size()) {
      el_deletestr(el, static_cast<int>(typed.size()));
      el_insertstr(el, prefix.c_str());
      return CC_REFRESH;
    }
    std::fputs("\n", stdout);
    for (const std::string& candidate : c.candidates) std::fprintf(stdout, "  %s\n", candidate.c_str());
    return CC_REDISPLAY;
  }

  Session& session_;
  std::string history_file_;
  EditLine* el_ = nullptr;
  History* history_ = nullptr;
};

bool blank_or_comment(const std::string& line) {
  const size_t first = line.find_first_not_of(" \t\r");
  return first == std::string::npos || line[first] == '#';
}

}  // namespace

int run_repl(Session& session, const ReplOptions& options) {
  const bool interactive = ::isatty(STDIN_FILENO) != 0;
  std::unique_ptr<LineSource> source;
  if (interactive) {
    source = std::make_unique<TerminalSource>(session, options.history_file);
    fmt::print("kg repl: type :help for the commands, :quit or Ctrl-D to leave.\n");
  } else {
    source = std::make_unique<PipeSource>();
  }
  const bool to_terminal = ::isatty(STDOUT_FILENO) != 0;
  bool any_failed = false;
  int line_number = 0;
  while (auto line = source->next()) {
    ++line_number;
    if (blank_or_comment(*line)) continue;
    source->remember(*line);
    // Piped scripts get their own line numbers in errors; at the terminal
    // each line stands alone.
    auto command = parse_command(*line, interactive ? 1 : line_number);
    Result<QueryResult> result = command ? session.execute(*command) : Result<QueryResult>(command.status());
    if (!result) {
      any_failed = true;
      std::fflush(stdout);
      fmt::print(stderr, "error: {}\n", utf8::printable(result.status().message()));
      continue;
    }
    std::string text = format_result(*result, options.format);
    if (to_terminal) text = utf8::printable(text);  // stored text may hold escape bytes
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    if (result->quit) break;
  }
  return (!interactive && any_failed) ? 1 : 0;
}

}  // namespace kg::query
