// Finding and reading input files, and the checks every input passes before
// a converter sees it.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <iterator>
#include <system_error>

#include "base/utf8.h"
#include "ingest/source/formats.h"

namespace kg::source {
namespace fs = std::filesystem;
namespace {

std::string lower_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

bool is_article_extension(const fs::path& path) {
  const std::string ext = lower_extension(path);
  return std::find(std::begin(kArticleExtensions), std::end(kArticleExtensions), ext) != std::end(kArticleExtensions);
}

std::string article_extension_list() {
  std::string list;
  for (std::string_view ext : kArticleExtensions) list.append(list.empty() ? "" : " ").append(ext);
  return list;
}

// README.TXT, LICENSE.md, COPYING, NOTICE.html: the files a dataset or a
// repository ships beside its articles, which are about the articles.
bool is_licence_like(const fs::path& path) {
  std::string name = path.filename().string();
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
  for (std::string_view prefix : {"README", "LICENSE", "LICENCE", "COPYING", "NOTICE"}) {
    if (name.starts_with(prefix)) return true;
  }
  return false;
}

std::string mib(size_t bytes) { return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1 << 20)); }

Result<std::string> read_file(const std::string& name, const fs::path& path, size_t limit) {
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) return Status::io_error(fmt::format("{}: cannot read: {}", name, ec.message()));
  if (size > limit) {
    return Status::invalid_input(
        fmt::format("{}: {} is over the limit of {} per input; split it into smaller articles", name, mib(size),
                    mib(limit)));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error(fmt::format("{}: cannot open: {}", name, std::strerror(errno)));
  std::string bytes(static_cast<size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<uintmax_t>(in.gcount()) != size) {
    return Status::io_error(fmt::format("{}: short read ({} of {} bytes)", name, in.gcount(), size));
  }
  return bytes;
}

Result<std::string> read_stdin(size_t limit) {
  std::string bytes;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) {
    bytes.append(buffer, n);
    if (bytes.size() > limit) {
      return Status::invalid_input(
          fmt::format("-: standard input is over the limit of {} per input; split it into smaller articles",
                      mib(limit)));
    }
  }
  if (std::ferror(stdin)) return Status::io_error(fmt::format("-: cannot read standard input: {}", std::strerror(errno)));
  return bytes;
}

Format sniff_format(std::string_view bytes) {
  const size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return Format::kText;
  if (bytes[first] == '{') return Format::kJsonl;
  if (bytes[first] == '<') return Format::kHtml;
  if (bytes.substr(first).starts_with("---") || bytes[first] == '#') return Format::kMarkdown;
  return Format::kText;
}

// The article files under `dir` (see list_inputs), sorted so that runs are
// reproducible. Symlinked directories are not followed (no cycles).
Result<InputList> list_directory(const std::string& name, const fs::path& dir) {
  InputList list;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Status::io_error(fmt::format("{}: cannot list directory: {}", name, ec.message()));
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return Status::io_error(fmt::format("{}: cannot list directory: {}", name, ec.message()));
    const fs::path& p = it->path();
    if (p.filename().string().starts_with(".")) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    if (!is_article_extension(p)) {
      list.skipped.push_back({p.string(), "not an article extension"});
    } else if (is_licence_like(p)) {
      list.skipped.push_back({p.string(), "not an article"});
    } else {
      list.inputs.push_back(p.string());
    }
  }
  std::sort(list.inputs.begin(), list.inputs.end());
  std::sort(list.skipped.begin(), list.skipped.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  if (list.inputs.empty()) {
    return Status::invalid_input(
        fmt::format("{}: no articles in this directory (article extensions: {})", name, article_extension_list()));
  }
  return list;
}

}  // namespace

Format format_for_path(std::string_view path) {
  const std::string ext = lower_extension(fs::path(path));
  if (ext == ".md" || ext == ".markdown") return Format::kMarkdown;
  if (ext == ".html" || ext == ".htm") return Format::kHtml;
  if (ext == ".jsonl") return Format::kJsonl;
  return Format::kText;
}

Result<std::vector<Document>> parse_bytes(std::string_view name, std::string_view bytes, Format format,
                                          const ReadOptions& options, std::vector<Status>* bad_lines) {
  bytes = utf8::without_bom(bytes);
  if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    return Status::invalid_input(fmt::format("{}: empty {}, nothing to ingest", name, name == "-" ? "input" : "file"));
  }
  const size_t limit = format == Format::kJsonl ? options.max_jsonl_file_bytes : options.max_article_bytes;
  if (bytes.size() > limit) {
    return Status::invalid_input(fmt::format("{}: {} is over the limit of {} per input; split it into smaller articles",
                                             name, mib(bytes.size()), mib(limit)));
  }
  if (utf8::looks_binary(bytes)) {
    return Status::invalid_input(
        fmt::format("{}: binary data, not text (kg reads UTF-8 .txt, .md, .html and .jsonl)", name));
  }
  Result<std::string> decoded = decode_to_utf8(name, bytes, options.encoding);
  if (!decoded.is_ok()) return decoded.status();
  bytes = *decoded;
  if (format == Format::kJsonl) return parse_jsonl(name, bytes, options, bad_lines);

  Article article;
  switch (format) {
    case Format::kMarkdown: article = convert_markdown(bytes); break;
    case Format::kHtml: {
      Result<Article> html = convert_html(bytes, options.max_html_depth);
      if (!html.is_ok()) return Status::invalid_input(fmt::format("{}: {}", name, html.status().message()));
      article = std::move(*html);
      break;
    }
    default: article = convert_plain_text(bytes); break;
  }
  if (article.text.empty()) {
    return Status::invalid_input(fmt::format("{}: no article text (only a title or markup)", name));
  }
  Result<std::string> date = article_date(name, article.date);
  if (!date.is_ok()) return date.status();
  Document doc;
  doc.source = std::string(name);
  doc.title = std::move(article.title);
  doc.date = std::move(*date);
  doc.url = std::move(article.url);
  doc.text = std::move(article.text);
  doc.content_hash = content_hash(doc.text);
  doc.id = name == "-" ? "stdin:" + doc.content_hash.substr(0, 12) : std::string(name);
  std::vector<Document> out;
  out.push_back(std::move(doc));
  return out;
}

Result<InputList> list_inputs(const std::string& path) {
  InputList list;
  if (path == "-") {
    list.inputs.push_back(path);
    return list;
  }
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    return Status::not_found(fmt::format("{}: no such file or directory", path));
  }
  if (fs::is_directory(status)) return list_directory(path, path);
  if (!fs::is_regular_file(status)) {
    return Status::invalid_input(fmt::format("{}: not a regular file or directory", path));
  }
  if (!is_article_extension(path)) {
    return Status::invalid_input(
        fmt::format("{}: not an article extension (kg reads {})", path, article_extension_list()));
  }
  list.inputs.push_back(path);
  return list;
}

Result<std::vector<Document>> read_input(const std::string& input, const ReadOptions& options,
                                         std::vector<Status>* bad_lines) {
  if (input == "-") {
    Result<std::string> bytes = read_stdin(std::max(options.max_article_bytes, options.max_jsonl_file_bytes));
    if (!bytes.is_ok()) return bytes.status();
    return parse_bytes("-", *bytes, sniff_format(utf8::without_bom(*bytes)), options, bad_lines);
  }
  const Format format = format_for_path(input);
  const size_t limit = format == Format::kJsonl ? options.max_jsonl_file_bytes : options.max_article_bytes;
  Result<std::string> bytes = read_file(input, input, limit);
  if (!bytes.is_ok()) return bytes.status();
  return parse_bytes(input, *bytes, format, options, bad_lines);
}

namespace {

// The next block of whole lines of `in`: about `size` bytes, then the rest
// of the line the cut fell in. Empty at the end of the file.
std::string next_block(std::ifstream& in, size_t size) {
  std::string block(size, '\0');
  in.read(block.data(), static_cast<std::streamsize>(size));
  block.resize(static_cast<size_t>(in.gcount()));
  if (!block.empty() && block.back() != '\n') {
    std::string rest;
    if (std::getline(in, rest)) block.append(rest).append("\n");
  }
  return block;
}

// A JSONL file too large to hold at once, a block of lines at a time; each
// block passes the checks parse_bytes gives a whole input.
Status read_jsonl_blocks(const std::string& input, const ReadOptions& options, std::vector<Status>* bad_lines,
                         const std::function<Status(std::vector<Document>&&)>& consume) {
  std::ifstream in(input, std::ios::binary);
  if (!in) return Status::io_error(fmt::format("{}: cannot open: {}", input, std::strerror(errno)));
  size_t first_line = 1;
  bool articles = false;
  const size_t bad_before = bad_lines ? bad_lines->size() : 0;
  for (std::string block = next_block(in, options.group_bytes); !block.empty();
       block = next_block(in, options.group_bytes)) {
    const size_t lines = static_cast<size_t>(std::count(block.begin(), block.end(), '\n'));
    const std::string_view bytes = first_line == 1 ? utf8::without_bom(block) : std::string_view(block);
    const std::string where = fmt::format("{} (the block of lines {}-{})", input, first_line, first_line + lines - 1);
    if (utf8::looks_binary(bytes)) {
      return Status::invalid_input(fmt::format("{}: binary data, not text (kg reads UTF-8 .txt, .md, .html and .jsonl)", where));
    }
    if (bytes.find_first_not_of(" \t\r\n\f\v") != std::string_view::npos) {
      Result<std::string> decoded = decode_to_utf8(where, bytes, options.encoding);
      if (!decoded.is_ok()) return decoded.status();
      Result<std::vector<Document>> docs = parse_jsonl(input, *decoded, options, bad_lines, first_line);
      if (!docs.is_ok()) return docs.status();
      articles = articles || !docs->empty();
      if (Status s = consume(std::move(*docs)); !s.is_ok()) return s;
    }
    first_line += lines;
  }
  if (in.bad()) return Status::io_error(fmt::format("{}: read error: {}", input, std::strerror(errno)));
  if (!articles && (!bad_lines || bad_lines->size() == bad_before)) {
    return Status::invalid_input(fmt::format("{}: no articles (every line is blank)", input));
  }
  return Status::ok();
}

}  // namespace

Status read_input_groups(const std::string& input, const ReadOptions& options, std::vector<Status>* bad_lines,
                         const std::function<Status(std::vector<Document>&&)>& consume) {
  std::error_code ec;
  const bool jsonl_file = input != "-" && format_for_path(input) == Format::kJsonl;
  const uintmax_t size = jsonl_file ? fs::file_size(input, ec) : 0;
  if (!jsonl_file || ec || size <= options.group_bytes || size > options.max_jsonl_file_bytes) {
    Result<std::vector<Document>> docs = read_input(input, options, bad_lines);  // says what is wrong, if anything
    if (!docs.is_ok()) return docs.status();
    return consume(std::move(*docs));
  }
  return read_jsonl_blocks(input, options, bad_lines, consume);
}

Result<std::vector<Document>> read_path(const std::string& path, const ReadOptions& options) {
  Result<InputList> list = list_inputs(path);
  if (!list.is_ok()) return list.status();
  std::vector<Document> all;
  for (const std::string& input : list->inputs) {
    Result<std::vector<Document>> docs = read_input(input, options);
    if (!docs.is_ok()) return docs.status();
    std::move(docs->begin(), docs->end(), std::back_inserter(all));
  }
  return all;
}

}  // namespace kg::source
