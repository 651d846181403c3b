// query/: asking the graph questions.
//
// Text goes through a front end into a Command (query/command.h), a Session
// runs it against the store and answers a QueryResult (query/result.h),
// which prints as a table, TSV or JSON. Today the only front end is the
// colon commands (":neighbors NAME depth 2"); a Cypher front end will sit
// beside it, chosen by parse_command from the first character of the line.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "graph/store/store.h"
#include "graph/view.h"
#include "query/command.h"
#include "query/result.h"

namespace kg::query {

// One line of query text -> Command. `line` numbers the positions of errors
// ("LINE:COLUMN: ..."). Text starting with ':' is a colon command; anything
// else is one Cypher statement (query/cypher/cypher.h), which may span lines.
Result<Command> parse_command(std::string_view text, int line = 1);

// `message` ("LINE:COLUMN: ...") followed by the line of `text` it names
// and a caret under the column, for a reader at a terminal; `message`
// alone when it names no position inside `text` (whose first line is
// `first_line`).
std::string with_caret(std::string_view message, std::string_view text, int first_line = 1);

// The entity a name means (canonical name or alias, case-insensitive; the
// most mentioned when several fit), for callers outside query such as
// `kg export --focus`. kNotFound names the closest entities.
Result<store::Entity> find_entity(store::Store& store, std::string_view name);

// The text of :help (overview, or one command's details when topic names it).
std::string help_text(std::string_view topic);

// What a Cypher statement names besides entities: labels and relationship
// types as a pattern writes them (speak_with, meets), for tab completion.
// Sorted.
struct CypherVocabulary {
  std::vector<std::string> labels;
  std::vector<std::string> relations;
};

// How a session reaches the graph. kOneShot answers neighbourhood commands
// (:entity, :neighbors, :sources) by prefix scans of the store and builds
// the CSR view only for whole-graph commands (:path, :top, :components);
// kInteractive builds the view on first need and answers every traversal
// from it afterwards.
enum class SessionMode { kOneShot, kInteractive };

class Session {
 public:
  Session(store::Store& store, SessionMode mode);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Runs one command. Unknown entities are kNotFound with the closest names;
  // `:export FORMAT` without a file puts the text in result.message.
  Result<QueryResult> execute(const Command& command);

  // Canonical names of every entity, for tab completion (read once, cached).
  const std::vector<std::string>& entity_names();
  // Labels and relationship types as Cypher patterns write them, for tab
  // completion (read once, cached).
  const CypherVocabulary& cypher_vocabulary();

  // Reads `store` from now on (the same directory, opened again after an
  // edit) and drops everything built from the old one, so the next command
  // sees the edit; `store` must outlive the session.
  void reopened(store::Store& store);

  // True once the CSR view has been built (it is built at most once per store).
  bool has_view() const { return view_ != nullptr; }

  // Sets $name for the Cypher statements that follow; `value` is read by
  // cypher::parse_parameter_value (a number, quoted string, list, or else
  // the text as a string). kInvalidInput when the name is not a name.
  Status set_parameter(std::string_view name, std::string_view value);
  const cypher::Parameters& parameters() const { return parameters_; }
  // The bounds a Cypher statement stops at (rows kept, bindings tried);
  // zero leaves a bound as it is.
  void set_limits(size_t max_rows, uint64_t max_bindings) {
    if (max_rows > 0) limits_.max_rows = max_rows;
    if (max_bindings > 0) limits_.max_bindings = max_bindings;
  }

 private:
  Result<const graph::View*> view();
  Result<const graph::View*> view_all();

  store::Store* store_;
  SessionMode mode_;
  std::unique_ptr<graph::View> view_;
  std::unique_ptr<graph::View> view_all_;  // ViewScope::kAll, for Cypher on concepts
  std::optional<std::vector<std::string>> entity_names_;
  std::optional<CypherVocabulary> cypher_vocabulary_;
  cypher::Parameters parameters_;
  cypher::RunOptions limits_;
};

// The interactive shell of `kg repl`. With a terminal on stdin it uses
// libedit (line editing, history in `history_file`, tab completion of
// commands and entity names); otherwise it reads plain lines without
// prompting, so commands can be piped in. Errors are printed and the loop
// goes on. Returns the exit code: 0, or 1 when input was not a terminal and
// some command failed (so scripts notice).
// Where a REPL statement ends: at a line whose last character outside a
// string is ';'. Lines are fed one by one and each is read once, with the
// quote state carried over, so a statement of many lines costs time linear
// in its length (rescanning the whole statement per line took 89 s for
// 300,000 one-letter lines).
class StatementEnd {
 public:
  // Reads one more line of the statement; true when the statement ends with it.
  bool add_line(std::string_view line);
  void reset() { *this = StatementEnd(); }
  uint64_t bytes_read() const { return bytes_read_; }  // for tests: the work done

 private:
  char quote_ = 0;         // the quote of a string left open, or 0
  bool escaped_ = false;   // a backslash inside that string was the line's last character
  uint64_t bytes_read_ = 0;
};

struct ReplOptions {
  std::string history_file;  // "" disables history
  OutputFormat format = OutputFormat::kTable;
  // Colon commands that change the store (:merge, :undo, ...), run by the
  // caller (which owns the writing code): nullopt when `line` is none of
  // them, else the exit code of running it (it printed its own output and
  // any error).
  std::function<std::optional<int>(std::string_view line)> edit;
};
int run_repl(Session& session, const ReplOptions& options);

}  // namespace kg::query
