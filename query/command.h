// The parsed form of one colon command. Each front end (colon commands now,
// Cypher later) turns text into one of these values or into a positioned
// error; the executor never sees text.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "query/cypher/cypher.h"

namespace kg::query {

// A name the user typed, with where it starts, so "no entity named ..."
// can point at it.
struct NameArg {
  std::string text;
  int line = 1;
  int column = 1;
};

// from/to: YYYY-MM-DD, "" leaves that end of the period open.
struct EntityCommand { NameArg name; std::string from, to; bool timeline = false; };
struct NeighborsCommand { NameArg name; int depth = 1; };
struct PathCommand { NameArg from; NameArg to; };
// `relation` is the lemma phrase ("speak with"); underscores typed by the
// user (speak_with) are already turned into spaces.
struct SourcesCommand { NameArg subject; std::string relation; NameArg object; };
struct TopCommand {
  enum class By { kPageRank, kDegree };
  int limit = 10;
  By by = By::kPageRank;
};
struct ComponentsCommand {};
struct StatsCommand {};
// The person-made edits (kg history), those touching `name` when given.
struct HistoryCommand { std::optional<NameArg> name; };
// `file` empty means standard output (text formats only); with `focus`,
// only the neighbourhood of that entity within `depth` hops.
struct ExportCommand {
  std::string format;
  std::string file;
  std::optional<NameArg> focus;
  int depth = 1;
};
struct HelpCommand { std::string topic; };  // topic empty: the overview
struct QuitCommand {};
// A parsed Cypher statement (shared: commands are copied, the AST is not).
struct CypherCommand { std::shared_ptr<const cypher::Query> query; };

using Command = std::variant<EntityCommand, NeighborsCommand, PathCommand, SourcesCommand, TopCommand,
                             ComponentsCommand, StatsCommand, HistoryCommand, ExportCommand, HelpCommand, QuitCommand, CypherCommand>;

}  // namespace kg::query
