// ingest/source: turns what the user points kg at (files, directories, stdin)
// into plain-text articles, or into one clear error saying what and where.
//
// Formats: .txt (first line is the title when a blank line follows it),
// .md (front matter read here, the rest parsed by cmark as CommonMark;
// headings and inline markup stripped), .html/.htm (parsed by Gumbo as
// HTML5; scripts, styles and page furniture dropped) and .jsonl (one
// article per line: {"text": ..., "id", "title", "date", "url" optional}).
// Every article is checked before anything is returned: readable, not empty,
// not binary, valid UTF-8, under the size cap. So a caller that reads all of
// its inputs first can refuse a bad batch before touching the store.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace kg::source {

// One article as plain text plus what is known about where it came from.
struct Document {
  std::string id;            // stable name: the path, "PATH:LINE" or the JSONL "id", "stdin:<hash>"
  std::string title;         // "" when the article has none
  std::string date;          // as written in the source ("" when unknown)
  std::string url;           // "" when unknown
  std::string source;        // the file it was read from ("-" for stdin)
  std::string text;          // the body, paragraphs separated by blank lines
  std::string content_hash;  // content_hash(text)
};

enum class Format { kText, kMarkdown, kHtml, kJsonl };

struct ReadOptions {
  // Larger articles are refused: they are almost never news and would hold
  // a worker for minutes. A JSONL file may be larger; each line may not.
  size_t max_article_bytes = size_t{64} << 20;
  size_t max_jsonl_file_bytes = size_t{4} << 30;
  // HTML nested deeper is refused: parsing costs the square of the depth.
  // News pages nest a few dozen elements; browsers stop nesting at 512.
  size_t max_html_depth = 1024;
};

// Reads every article under `path`: a file, a directory (recursively, the
// files with a known extension in sorted order, hidden entries skipped) or
// "-" for standard input (format sniffed from the first bytes).
Result<std::vector<Document>> read_path(const std::string& path, const ReadOptions& options = {});

// Parses the bytes of one input whose name (for messages and ids) is `name`.
Result<std::vector<Document>> parse_bytes(std::string_view name, std::string_view bytes, Format format,
                                          const ReadOptions& options = {});

// The format for a file name, by extension; kText for unknown extensions.
Format format_for_path(std::string_view path);

// Whitespace-normalised form of `text` (runs of whitespace become one space,
// ends trimmed): the same article with different line wrapping hashes alike.
std::string normalize_whitespace(std::string_view text);

// The useful part of a JSON parser's error text for a "FILE:LINE: " prefix:
// the library's error-id tag and its "line 1" (each input line is parsed on
// its own) are dropped, the column and the reason kept.
std::string json_error_detail(std::string_view parser_message);

// Hex digest that identifies an article's content: the SHA-1 name-based UUID
// (RFC 4122 v5) of the whitespace-normalised text, 32 hex digits.
std::string content_hash(std::string_view text);

}  // namespace kg::source
