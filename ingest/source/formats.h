// Private to ingest/source: one converter per input format. Each takes bytes
// already checked for UTF-8 and returns the article's title and body, or
// (for JSONL) many articles. Converters never touch the file system.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/source/source.h"

namespace kg::source {

// What one converter found in one input.
struct Article {
  std::string title;
  std::string date;
  std::string url;
  std::string text;
};

Article convert_plain_text(std::string_view bytes);
Article convert_markdown(std::string_view bytes);
// HTML pages whose elements nest deeper than `max_depth` are refused.
Result<Article> convert_html(std::string_view bytes, size_t max_depth);

// An upper bound on the depth of the element tree an HTML5 parser builds
// for `bytes`, found in one linear pass without building it.
size_t html_nesting_bound(std::string_view bytes);

// Collapses blank-line runs to one blank line, trims spaces at line ends and
// the whole text: the body shape every converter returns.
std::string tidy_paragraphs(std::string_view text);

// `text` with HTML character references decoded: numeric ones ("&#233;",
// "&#xE9;", ";" optional) and &amp; &lt; &gt; &quot; &apos; &nbsp;. A
// reference that names no character is left as written. Plain text and
// JSONL articles scraped from the web carry them.
std::string decode_character_references(std::string_view text);

// JSONL: one article per non-blank line. Errors say "NAME:LINE: ...". With
// `bad_lines`, a bad line is appended there and the others are read.
// `first_line` is the line number of the first line of `bytes` (a block of
// a larger file).
Result<std::vector<Document>> parse_jsonl(std::string_view name, std::string_view bytes, const ReadOptions& options,
                                          std::vector<Status>* bad_lines = nullptr, size_t first_line = 1);

}  // namespace kg::source
