// The interactive shell. On a terminal, libedit's native API (histedit.h)
// does line editing, history and completion; on a pipe, plain lines are
// read with no prompt, so scripted sessions print only answers and errors.
#include <histedit.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <iostream>
#include <memory>
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
  // The next prompt continues an unfinished statement.
  virtual void set_continuation(bool) {}
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

  void set_continuation(bool on) override { continuation_ = on; }

 private:
  static const char* prompt(EditLine* el) {
    void* data = nullptr;
    el_get(el, EL_CLIENTDATA, &data);
    return static_cast<TerminalSource*>(data)->continuation_ ? "...> " : "kg> ";
  }

  static unsigned char complete(EditLine* el, int) {
    void* data = nullptr;
    el_get(el, EL_CLIENTDATA, &data);
    auto* self = static_cast<TerminalSource*>(data);
    const LineInfo* li = el_line(el);
    const std::string_view before(li->buffer, static_cast<size_t>(li->cursor - li->buffer));
    const bool wants_names = before.find_first_of(" \t") != std::string_view::npos;
    static const std::vector<std::string> kNoNames;
    const Completion c =
        complete_line(before, wants_names ? self->session_.entity_names() : kNoNames, self->session_.cypher_vocabulary());
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
  bool continuation_ = false;
};

bool blank_or_comment(const std::string& line) {
  const size_t first = line.find_first_not_of(" \t\r");
  return first == std::string::npos || line[first] == '#';
}

std::string_view trimmed(std::string_view s) {
  const size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

bool StatementEnd::add_line(std::string_view line) {
  char last = 0;  // the last character outside a string that is no blank
  for (const char c : line) {
    ++bytes_read_;
    if (quote_) {
      if (escaped_) escaped_ = false;
      else if (c == '\\') escaped_ = true;
      else if (c == quote_) quote_ = 0;
    } else if (c == '\'' || c == '"') {
      quote_ = c;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      last = c;
    }
  }
  // The newline that ended the line: an escape cannot carry over it.
  escaped_ = false;
  return !quote_ && last == ';';
}

namespace {

// The shell's own settings, changed by :mode, :timer, :output and :param.
struct ShellState {
  OutputFormat format = OutputFormat::kTable;
  bool timer = false;
  // Where results go: a file named by :output, else standard output.
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> output{nullptr, &std::fclose};
  std::string output_name;
};

// :schema: the labels and relation names of the graph with their counts,
// answered by the Cypher engine itself, and the properties each has.
Result<QueryResult> schema(Session& session) {
  QueryResult out;
  const std::pair<const char*, const char*> kParts[] = {
      {"MATCH (n) RETURN n.type AS label, count(*) AS nodes ORDER BY label", "Labels"},
      {"MATCH ()-[r]->() RETURN r.relation AS relation, count(*) AS edges, sum(r.count) AS facts "
       "ORDER BY edges DESC, relation",
       "Relations"}};
  for (const auto& [statement, title] : kParts) {
    auto command = parse_command(statement);
    if (!command) return command.status();
    auto result = session.execute(*command);
    if (!result) return result.status();
    Table table = std::move(result->tables.at(0));
    table.key = title == std::string_view("Labels") ? "labels" : "relations";
    table.title = title;
    out.tables.push_back(std::move(table));
  }
  Table properties;
  properties.key = "properties";
  properties.title = "Properties";
  properties.columns = {"of", "property"};
  for (bool rel : {false, true}) {
    for (std::string_view p : cypher::property_names(rel)) {
      properties.rows.push_back({std::string(rel ? "relationship" : "node"), std::string(p)});
    }
  }
  out.tables.push_back(std::move(properties));
  return out;
}

// The shell's own commands (:mode, :timer, :param, :schema); nullopt when
// `line` is none of them.
std::optional<Result<QueryResult>> shell_command(std::string_view line, Session& session, ShellState& state) {
  line = trimmed(line);
  if (!line.empty() && line.back() == ';') line = trimmed(line.substr(0, line.size() - 1));
  const size_t space = line.find_first_of(" \t");
  const std::string_view word = line.substr(0, space);
  const std::string_view rest = space == std::string_view::npos ? std::string_view{} : trimmed(line.substr(space));
  QueryResult done;
  if (word == ":mode") {
    auto it = output_formats().find(std::string(rest));
    if (it == output_formats().end()) {
      return Result<QueryResult>(Status::invalid_input(
          fmt::format("1:7: :mode takes table, csv, tsv, json or jsonl, not '{}'", rest)));
    }
    state.format = it->second;
    return done;
  }
  if (word == ":timer") {
    if (rest != "on" && rest != "off") {
      return Result<QueryResult>(Status::invalid_input(fmt::format("1:8: :timer takes on or off, not '{}'", rest)));
    }
    state.timer = rest == "on";
    return done;
  }
  // ":output FILE" sends results to FILE (replacing it) until ":output" alone.
  if (word == ":output") {
    if (rest.empty()) {
      state.output.reset();
      state.output_name.clear();
      return done;
    }
    std::FILE* file = std::fopen(std::string(rest).c_str(), "w");
    if (file == nullptr) {
      return Result<QueryResult>(Status::invalid_input(
          fmt::format("1:9: cannot open '{}' for writing: {}", rest, std::strerror(errno))));
    }
    state.output.reset(file);
    state.output_name = std::string(rest);
    return done;
  }
  if (word == ":param") {
    const size_t gap = rest.find_first_of(" \t=");
    if (rest.empty() || gap == std::string_view::npos) {
      return Result<QueryResult>(Status::invalid_input("1:8: :param takes a name and a value, e.g. :param who 'Tony Blair'"));
    }
    if (Status s = session.set_parameter(rest.substr(0, gap), trimmed(rest.substr(gap + 1))); !s) {
      return Result<QueryResult>(s);
    }
    return done;
  }
  if (word == ":schema") return schema(session);
  return std::nullopt;
}

}  // namespace

int run_repl(Session& session, const ReplOptions& options) {
  const bool interactive = ::isatty(STDIN_FILENO) != 0;
  std::unique_ptr<LineSource> source;
  if (interactive) {
    source = std::make_unique<TerminalSource>(session, options.history_file);
    fmt::print("kg repl: type :help for the commands, :quit or Ctrl-D to leave. Cypher statements end with ';'.\n");
  } else {
    source = std::make_unique<PipeSource>();
  }
  const bool to_terminal = ::isatty(STDOUT_FILENO) != 0;
  ShellState state;
  state.format = options.format;
  bool any_failed = false;
  int line_number = 0;
  std::string statement;  // an unfinished Cypher statement
  StatementEnd statement_end;
  int statement_line = 0;
  auto run = [&](const std::string& text, int first_line) {
    const auto started = std::chrono::steady_clock::now();
    if (options.edit) {
      if (std::optional<int> code = options.edit(text)) {
        if (*code != 0) any_failed = true;
        return false;
      }
    }
    std::optional<Result<QueryResult>> own = shell_command(text, session, state);
    Result<QueryResult> result = Result<QueryResult>(QueryResult{});
    if (own) {
      result = std::move(*own);
    } else {
      // Piped scripts get their own line numbers in errors; at the terminal
      // each statement stands alone.
      auto command = parse_command(text, interactive ? 1 : first_line);
      result = command ? session.execute(*command) : Result<QueryResult>(command.status());
    }
    if (!result) {
      any_failed = true;
      std::fflush(stdout);
      // At a terminal the line and a caret show where; a script gets one line per error.
      const std::string message = utf8::printable(result.status().message());
      fmt::print(stderr, "error: {}\n", interactive && !own ? with_caret(message, text, 1) : message);
      return false;
    }
    std::string out = format_result(*result, state.format);
    if (state.timer && !own) {
      out += fmt::format("Run Time: {:.3f} ms\n",
                         std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
    }
    std::FILE* target = state.output ? state.output.get() : stdout;
    if (to_terminal && target == stdout) out = utf8::printable(out);  // stored text may hold escape bytes
    std::fwrite(out.data(), 1, out.size(), target);
    if (std::fflush(target) != 0) {
      any_failed = true;
      fmt::print(stderr, "error: cannot write to '{}': {}\n", state.output_name, std::strerror(errno));
    }
    return result->quit;
  };
  while (auto line = source->next()) {
    ++line_number;
    if (statement.empty() && blank_or_comment(*line)) continue;
    source->remember(*line);
    if (statement.empty() && trimmed(*line).front() == ':') {
      // A colon command is one line; a ';' after it, as after a statement, is allowed.
      std::string command(trimmed(*line));
      if (command.back() == ';') command.pop_back();
      if (run(command, line_number)) break;
      continue;
    }
    if (statement.empty()) statement_line = line_number;
    statement += *line + "\n";
    if (!statement_end.add_line(*line)) {
      source->set_continuation(true);
      continue;
    }
    source->set_continuation(false);
    std::string text = std::move(statement);
    statement.clear();
    statement_end.reset();
    if (run(text, statement_line)) break;
  }
  // End of input finishes a statement left without its ';'.
  if (!trimmed(statement).empty()) run(statement, statement_line);
  return (!interactive && any_failed) ? 1 : 0;
}

}  // namespace kg::query
