#include "query/colon_parser.h"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "base/dates.h"
#include "query/catalog.h"
#include "graph/identity/identity.h"
#include "query/lexer.h"

namespace kg::query {
namespace {

bool is_name_part(const Token& t) {
  return t.kind == Token::Kind::kWord || t.kind == Token::Kind::kNumber || t.kind == Token::Kind::kString;
}

bool is_keyword(const Token& t, std::string_view keyword) {
  if (t.kind != Token::Kind::kWord || t.text.size() != keyword.size()) return false;
  return std::equal(t.text.begin(), t.text.end(), keyword.begin(),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Reads the tokens of one command, left to right. Every failure names the
// token where the parse stopped.
class ColonParser {
 public:
  ColonParser(std::vector<Token> tokens, std::string_view usage) : tokens_(std::move(tokens)), usage_(usage) {}

  const Token& peek() const { return tokens_[pos_]; }
  bool at_end() const { return peek().kind == Token::Kind::kEnd; }
  void skip() {
    if (!at_end()) ++pos_;
  }

  Status expected(std::string_view what) const {
    return error_at(peek().where, fmt::format("expected {}, found {} (usage: {})", what, describe(peek()), usage_));
  }
  Status expected_after(std::string_view what, std::string_view after) const {
    return error_at(peek().where, fmt::format("expected {} after '{}', found {} (usage: {})", what, after,
                                              describe(peek()), usage_));
  }

  Status finish() const {
    if (at_end()) return Status::ok();
    return error_at(peek().where, fmt::format("unexpected {} (usage: {})", describe(peek()), usage_));
  }

  // One name: a quoted string or a single bare word.
  Result<NameArg> single_name(std::string_view what) {
    if (!is_name_part(peek())) return expected(what);
    NameArg name{peek().text, peek().where.line, peek().where.column};
    skip();
    return name;
  }

  // A name that may run over several bare words ("Joe Biden"), stopping at
  // one of `stops` (keywords) or the end. A quoted string is a whole name.
  Result<NameArg> greedy_name(std::string_view what, std::initializer_list<std::string_view> stops) {
    const auto is_stop = [&](const Token& t) {
      return std::any_of(stops.begin(), stops.end(), [&](std::string_view k) { return is_keyword(t, k); });
    };
    if (!is_name_part(peek()) || is_stop(peek())) return expected(what);
    NameArg name{peek().text, peek().where.line, peek().where.column};
    if (peek().kind == Token::Kind::kString) {
      skip();
      return name;
    }
    skip();
    while ((peek().kind == Token::Kind::kWord || peek().kind == Token::Kind::kNumber) && !is_stop(peek())) {
      name.text += ' ';
      name.text += peek().text;
      skip();
    }
    return name;
  }

  // A day after `after` ("from", "to"): YYYY-MM-DD or another form
  // dates::normalize_date reads; the normalised day.
  Result<std::string> day(std::string_view after) {
    if (!is_name_part(peek())) return expected_after("a day (YYYY-MM-DD)", after);
    const std::optional<std::string> d = dates::normalize_date(peek().text);
    if (!d) {
      return error_at(peek().where, fmt::format("'{}' is not a day of the calendar (write YYYY-MM-DD after '{}')",
                                                peek().text, after));
    }
    skip();
    return *d;
  }

  // A positive integer no larger than `max`.
  Result<int> number(std::string_view after, int max) {
    if (peek().kind != Token::Kind::kNumber) return expected_after("a number", after);
    int value = 0;
    const std::string& s = peek().text;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || value < 1 || value > max) {
      return error_at(peek().where, fmt::format("'{}' must be a number from 1 to {}", after, max));
    }
    skip();
    return value;
  }

 private:
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  std::string_view usage_;
};

// Depths past this reach the whole graph of any real corpus; :export or
// :components answer that better.
constexpr int kMaxDepth = 10;

// "depth N", when next; leaves *depth alone when the keyword is absent.
Status parse_optional_depth(ColonParser& p, int* depth) {
  if (!is_keyword(p.peek(), "depth")) return Status::ok();
  p.skip();
  auto n = p.number("depth", kMaxDepth);
  if (!n) return n.status();
  *depth = *n;
  return Status::ok();
}

// :entity NAME [from DAY] [to DAY] [timeline]
Result<Command> parse_entity(ColonParser& p) {
  EntityCommand cmd;
  auto name = p.greedy_name("an entity name", {"from", "to", "timeline"});
  if (!name) return name.status();
  cmd.name = std::move(*name);
  for (std::string_view end : {"from", "to"}) {
    if (!is_keyword(p.peek(), end)) continue;
    p.skip();
    auto d = p.day(end);
    if (!d) return d.status();
    (end == "from" ? cmd.from : cmd.to) = std::move(*d);
  }
  if (is_keyword(p.peek(), "timeline")) {
    p.skip();
    cmd.timeline = true;
  }
  if (Status s = p.finish(); !s) return s;
  if (!cmd.from.empty() && !cmd.to.empty() && cmd.from > cmd.to) {
    return Status::invalid_input(fmt::format("'from {}' is after 'to {}'", cmd.from, cmd.to));
  }
  return Command{std::move(cmd)};
}

Result<Command> parse_neighbors(ColonParser& p) {
  NeighborsCommand cmd;
  auto name = p.greedy_name("an entity name", {"depth"});
  if (!name) return name.status();
  cmd.name = std::move(*name);
  if (Status s = parse_optional_depth(p, &cmd.depth); !s) return s;
  if (Status s = p.finish(); !s) return s;
  return Command{std::move(cmd)};
}

Result<Command> parse_path(ColonParser& p) {
  PathCommand cmd;
  auto from = p.single_name("the first entity name");
  if (!from) return from.status();
  cmd.from = std::move(*from);
  auto to = p.single_name("the second entity name");
  if (!to) return to.status();
  cmd.to = std::move(*to);
  if (!p.at_end()) {
    return error_at(p.peek().where, fmt::format("unexpected {}: :path takes two names; quote names with spaces, "
                                                "as in :path \"Joe Biden\" \"Vladimir Putin\"",
                                                describe(p.peek())));
  }
  return Command{std::move(cmd)};
}

Result<Command> parse_sources(ColonParser& p) {
  SourcesCommand cmd;
  auto subject = p.single_name("the subject's name");
  if (!subject) return subject.status();
  cmd.subject = std::move(*subject);
  auto relation = p.single_name("a relation");
  if (!relation) return relation.status();
  cmd.relation = relation->text;
  std::replace(cmd.relation.begin(), cmd.relation.end(), '_', ' ');
  auto object = p.single_name("the object's name");
  if (!object) return object.status();
  cmd.object = std::move(*object);
  if (!p.at_end()) {
    return error_at(p.peek().where, fmt::format("unexpected {}: :sources takes three arguments; quote those with "
                                                "spaces, as in :sources \"Joe Biden\" \"speak with\" Putin",
                                                describe(p.peek())));
  }
  return Command{std::move(cmd)};
}

Result<Command> parse_top(ColonParser& p) {
  TopCommand cmd;
  if (p.peek().kind == Token::Kind::kNumber) {
    auto n = p.number(":top", 100000);
    if (!n) return n.status();
    cmd.limit = *n;
  }
  if (is_keyword(p.peek(), "by")) {
    p.skip();
    if (is_keyword(p.peek(), "pagerank")) {
      cmd.by = TopCommand::By::kPageRank;
    } else if (is_keyword(p.peek(), "degree")) {
      cmd.by = TopCommand::By::kDegree;
    } else {
      return p.expected_after("'pagerank' or 'degree'", "by");
    }
    p.skip();
  }
  if (Status s = p.finish(); !s) return s;
  return Command{cmd};
}

Result<Command> parse_export(ColonParser& p) {
  ExportCommand cmd;
  const Token& format = p.peek();
  if (format.kind != Token::Kind::kWord) return p.expected("an export format (dot, svg, png, graphml, json, csv, nt)");
  cmd.format = lower(format.text);
  const auto formats = export_format_names();
  if (std::find(formats.begin(), formats.end(), cmd.format) == formats.end()) {
    return error_at(format.where, fmt::format("unknown export format '{}'; use one of dot, svg, png, graphml, json, csv, nt",
                                              format.text));
  }
  p.skip();
  if (!p.at_end() && !is_keyword(p.peek(), "focus")) {
    if (!is_name_part(p.peek())) return p.expected("a file name");
    cmd.file = p.peek().text;
    p.skip();
  }
  if (is_keyword(p.peek(), "focus")) {
    p.skip();
    auto name = p.greedy_name("an entity name after 'focus'", {"depth"});
    if (!name) return name.status();
    cmd.focus = std::move(*name);
    if (Status s = parse_optional_depth(p, &cmd.depth); !s) return s;
  }
  if (Status s = p.finish(); !s) return s;
  return Command{std::move(cmd)};
}

Result<Command> parse_help(ColonParser& p) {
  HelpCommand cmd;
  if (p.peek().kind == Token::Kind::kColon) p.skip();  // ":help :path" reads naturally too
  if (p.peek().kind == Token::Kind::kWord) {
    const CommandInfo* info = find_colon_command(p.peek().text);
    if (!info) return error_at(p.peek().where, fmt::format("no command named ':{}'; type :help for the list", p.peek().text));
    cmd.topic = std::string(info->name);
    p.skip();
  }
  if (Status s = p.finish(); !s) return s;
  return Command{std::move(cmd)};
}

Result<Command> parse_history(ColonParser& p) {
  HistoryCommand cmd;
  if (!p.at_end()) {
    auto name = p.greedy_name("an entity name", {});
    if (!name) return name.status();
    cmd.name = std::move(*name);
  }
  if (Status s = p.finish(); !s) return s;
  return Command{std::move(cmd)};
}

Result<Command> parse_no_arguments(ColonParser& p, Command cmd) {
  if (Status s = p.finish(); !s) return s;
  return cmd;
}

// The nearest known command to a mistyped one, for "did you mean".
std::string closest_command(std::string_view typed) {
  std::string best;
  size_t best_distance = std::numeric_limits<size_t>::max();
  const std::string typed_lower = lower(typed);
  for (const CommandInfo& c : colon_commands()) {
    const bool is_prefix = c.name.substr(0, typed.size()) == typed_lower;
    // Only distances up to 2 are suggested, and the distance is at least the
    // difference in length: a long typed word fills no table.
    const size_t length_gap = typed.size() > c.name.size() ? typed.size() - c.name.size() : c.name.size() - typed.size();
    if (!is_prefix && length_gap > 2) continue;
    const size_t d = identity::edit_distance(typed, c.name);
    if (is_prefix || d < best_distance) {
      best_distance = is_prefix ? 0 : d;
      best = c.name;
      if (is_prefix) break;
    }
  }
  return best_distance <= 2 ? best : std::string();
}

}  // namespace

Result<Command> parse_colon_command(std::string_view text, int line) {
  auto tokens = tokenize_line(text, line);
  if (!tokens) return tokens.status();
  if (tokens->front().kind != Token::Kind::kColon) {
    return error_at(tokens->front().where, "a command starts with ':' (type :help for the list)");
  }
  const Token name = (*tokens)[1];
  if (name.kind != Token::Kind::kWord) {
    return error_at(name.where, fmt::format("expected a command name after ':', found {} (type :help for the list)",
                                            describe(name)));
  }
  const CommandInfo* info = find_colon_command(name.text);
  if (!info) {
    const std::string guess = closest_command(name.text);
    if (!guess.empty()) {
      return error_at(name.where, fmt::format("unknown command ':{}'; did you mean ':{}'? (type :help for the list)",
                                              name.text, guess));
    }
    return error_at(name.where, fmt::format("unknown command ':{}' (type :help for the list)", name.text));
  }
  tokens->erase(tokens->begin(), tokens->begin() + 2);
  ColonParser p(std::move(*tokens), info->usage);
  const std::string_view n = info->name;
  if (n == "entity") return parse_entity(p);
  if (n == "neighbors") return parse_neighbors(p);
  if (n == "path") return parse_path(p);
  if (n == "sources") return parse_sources(p);
  if (n == "top") return parse_top(p);
  if (n == "components") return parse_no_arguments(p, ComponentsCommand{});
  if (n == "stats") return parse_no_arguments(p, StatsCommand{});
  if (n == "history") return parse_history(p);
  if (n == "export") return parse_export(p);
  if (n == "help") return parse_help(p);
  if (n == "quit") return parse_no_arguments(p, QuitCommand{});
  return Status::internal(fmt::format("command ':{}' is in the catalog but has no parser", n));
}

}  // namespace kg::query
