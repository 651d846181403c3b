// ingest/source: turns what the user points kg at (files, directories, stdin)
// into plain-text articles, or into one clear error saying what and where.
//
// Formats: .txt (first line is the title when a blank line follows it),
// .md (front matter read here, the rest parsed by cmark as CommonMark;
// headings and inline markup stripped), .html/.htm (parsed by Gumbo as
// HTML5; scripts, styles and page furniture dropped) and .jsonl (one
// article per line: {"text": ..., "id", "title", "date", "url" optional}).
// Every article is checked before anything is returned: readable, not empty,
// not binary, valid UTF-8 (or converted to it, see Encoding), under the size
// cap. So a caller that reads all of
// its inputs first can refuse a bad batch before touching the store.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace kg::source {

// One article as plain text plus what is known about where it came from.
struct Document {
  std::string id;            // stable name: the path, "PATH:LINE" or the JSONL "id", "stdin:<hash>"
  std::string title;         // "" when the article has none
  std::string date;          // YYYY-MM-DD (normalize_date of what the source wrote); "" when unknown
  std::string url;           // "" when unknown
  std::string source;        // the file it was read from ("-" for stdin)
  std::string text;          // the body, paragraphs separated by blank lines
  std::string content_hash;  // content_hash(text)
};

enum class Format { kText, kMarkdown, kHtml, kJsonl };

// How input bytes become UTF-8. Text that is already valid UTF-8 is read as
// it is under every choice; the others say how to read the rest: kUtf8
// refuses it, kLatin1 and kCp1252 convert it (iconv), kAuto lets libuchardet
// name the charset and converts from that.
enum class Encoding { kUtf8, kLatin1, kCp1252, kAuto };

// "utf8", "latin1", "cp1252" or "auto" (and "utf-8", "iso-8859-1",
// "windows-1252"); any other name is invalid input.
Result<Encoding> parse_encoding(std::string_view name);

// `bytes` of the input called `name` as UTF-8 (see Encoding). Errors give
// the byte counting from 1 and, for kUtf8, say which flag reads legacy text.
Result<std::string> decode_to_utf8(std::string_view name, std::string_view bytes, Encoding encoding);

struct ReadOptions {
  // Larger articles are refused: they are almost never news and would hold
  // a worker for minutes. A JSONL file may be larger; each line may not.
  size_t max_article_bytes = size_t{64} << 20;
  size_t max_jsonl_file_bytes = size_t{4} << 30;
  // HTML nested deeper is refused: parsing costs the square of the depth.
  // News pages nest a few dozen elements; browsers stop nesting at 512.
  size_t max_html_depth = 1024;
  Encoding encoding = Encoding::kUtf8;
  // read_input_groups reads a JSONL file larger than this a block of lines
  // of about this size at a time.
  size_t group_bytes = size_t{4} << 20;
};

// The extensions of article files, lowercase; matched ignoring case.
inline constexpr std::string_view kArticleExtensions[] = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"};

// A file a directory walk left out, and why ("not an article extension",
// "not an article" for README, LICENSE and the like).
struct SkippedFile {
  std::string path;
  std::string reason;
};

// What a path names: the inputs to read and the files left out.
struct InputList {
  std::vector<std::string> inputs;  // files, or "-"
  std::vector<SkippedFile> skipped;
};

// The inputs `path` names. "-" is standard input. A file is itself, when
// its extension is an article extension (else invalid input, one line). A
// directory is every regular file under it, recursively and in sorted order,
// whose extension is an article extension and whose name does not start
// with README, LICENSE, LICENCE, COPYING or NOTICE (any case); those others
// are listed in `skipped`. Hidden entries (".git", ".DS_Store") are passed
// over without a word. A directory without any article is invalid input.
Result<InputList> list_inputs(const std::string& path);

// Reads the articles of one input that list_inputs named. A bad input is an
// error; but with `bad_lines`, the bad lines of a JSONL input (each one
// article) are appended there and its good lines returned.
Result<std::vector<Document>> read_input(const std::string& input, const ReadOptions& options = {},
                                         std::vector<Status>* bad_lines = nullptr);

// read_input, handing the articles to `consume` a group at a time, so that
// memory holds one group: a JSONL file over options.group_bytes is read and
// checked a block of whole lines at a time (its encoding detected and
// converted per block), every other input is one group. Stops at the first
// error of the input or of `consume`; with `bad_lines`, as read_input.
Status read_input_groups(const std::string& input, const ReadOptions& options, std::vector<Status>* bad_lines,
                         const std::function<Status(std::vector<Document>&&)>& consume);

// Reads every article under `path` (list_inputs, then read_input of each),
// stopping at the first bad input. Standard input's format is sniffed from
// its first bytes.
Result<std::vector<Document>> read_path(const std::string& path, const ReadOptions& options = {});

// Parses the bytes of one input whose name (for messages and ids) is `name`;
// `bad_lines` as for read_input.
Result<std::vector<Document>> parse_bytes(std::string_view name, std::string_view bytes, Format format,
                                          const ReadOptions& options = {}, std::vector<Status>* bad_lines = nullptr);

// The format for a file name, by extension (any case); kText for unknown extensions.
Format format_for_path(std::string_view path);

// Whitespace-normalised form of `text` (runs of whitespace become one space,
// ends trimmed): the same article with different line wrapping hashes alike.
std::string normalize_whitespace(std::string_view text);

// The useful part of a JSON parser's error text for a "FILE:LINE: " prefix:
// the library's error-id tag and its "line 1" (each input line is parsed on
// its own) are dropped, the column and the reason kept.
std::string json_error_detail(std::string_view parser_message);

// dates::normalize_date (base/dates.h) of an article's date field, "" for "", or invalid input
// "WHERE: unreadable date ..." naming `where` (the file or "FILE:LINE").
Result<std::string> article_date(std::string_view where, std::string_view text);

// Hex digest that identifies an article's content: the SHA-1 name-based UUID
// (RFC 4122 v5) of the whitespace-normalised text, 32 hex digits.
std::string content_hash(std::string_view text);

}  // namespace kg::source
