#include "query/catalog.h"

#include <algorithm>
#include <array>
#include <string>

namespace kg::query {
namespace {

constexpr std::array kCommands = {
    CommandInfo{"entity", ":entity NAME [from DAY] [to DAY] [timeline]",
                "one entity: names, type, mentions, its relations with counts and dates",
                "NAME is matched case-insensitively against canonical names and aliases.\n"
                "from/to keep the relations reported on some day of the period (YYYY-MM-DD);\n"
                "timeline orders them by the day first reported.\n"
                "Quote names with spaces when other arguments follow: :path \"Joe Biden\" Putin."},
    CommandInfo{"neighbors", ":neighbors NAME [depth N]",
                "entities within N hops (default 1), with the path's first edge",
                "Lists every entity reachable from NAME in at most N hops, following edges in\n"
                "both directions, ordered by distance then name."},
    CommandInfo{"path", ":path A B", "a shortest chain of relations between two entities",
                "Edges are followed in both directions; each step shows its relation and\n"
                "direction."},
    CommandInfo{"sources", ":sources A REL B", "the evidence sentences of one fact, with document ids",
                "REL is the relation's lemma phrase: quote it (\"speak with\") or join the words\n"
                "with underscores (speak_with)."},
    CommandInfo{"top", ":top [N] [by pagerank|degree]",
                "the N most central entities (default 10, by PageRank over the relations taken both ways)",
                "PageRank runs on the whole graph; degree counts distinct relations in and out."},
    CommandInfo{"components", ":components", "connected components, largest first",
                "Components ignore edge direction; each row shows its size and largest members."},
    CommandInfo{"stats", ":stats", "counts of documents, sentences, entities, relations and facts", ""},
    CommandInfo{"history", ":history [NAME]", "the corrections people made (kg merge, rename, retype, retract)",
                "Each edit: number, when, who, what, why, and whether it was undone. With NAME, only the\n"
                "edits that touch that entity. The edits are made with kg merge/rename/retype/retract and\n"
                "reverted with kg undo."},
    CommandInfo{"export", ":export FORMAT [FILE] [focus NAME [depth N]]",
                "write the graph as dot, svg, png, graphml, json, csv or nt",
                "Without FILE, text formats go to the screen. svg and png need graphviz's `dot`.\n"
                "focus NAME keeps only the entities within N hops (default 1) of NAME.\n"
                "csv writes FILE.nodes.csv and FILE.edges.csv (neo4j-admin import headers)."},
    CommandInfo{"help", ":help [COMMAND]", "this list, or the details of one command", ""},
    CommandInfo{"quit", ":quit", "leave the shell (also :exit, :q, Ctrl-D)", ""},
};

constexpr std::array<std::string_view, 7> kExportFormats = {"dot", "svg", "png", "graphml", "json", "csv", "nt"};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::span<const CommandInfo> colon_commands() { return kCommands; }

std::span<const std::string_view> export_format_names() { return kExportFormats; }

const CommandInfo* find_colon_command(std::string_view name) {
  std::string key = lower(name);
  if (key == "q" || key == "exit") key = "quit";
  if (key == "n" || key == "neighbours") key = "neighbors";
  if (key == "h" || key == "?") key = "help";
  for (const CommandInfo& c : kCommands) {
    if (c.name == key) return &c;
  }
  return nullptr;
}

}  // namespace kg::query
