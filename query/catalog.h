// The colon commands the shell knows: one table read by the parser (to
// suggest a command for a typo), by :help and by tab completion, so the
// three never disagree. Private to query/.
#pragma once

#include <span>
#include <string_view>

namespace kg::query {

struct CommandInfo {
  std::string_view name;     // without the colon: "neighbors"
  std::string_view usage;    // ":neighbors NAME [depth N]"
  std::string_view summary;  // one line for :help
  std::string_view details;  // paragraph for ":help neighbors"
};

std::span<const CommandInfo> colon_commands();

// The entry for `name` (without colon, case-insensitive; also accepts the
// short aliases :q, :exit, :n), or nullptr.
const CommandInfo* find_colon_command(std::string_view name);

// The formats `:export`/`kg export` accept, for completion and help.
std::span<const std::string_view> export_format_names();

}  // namespace kg::query
