// Markdown to plain text: the basics news copy uses (front matter, headings,
// emphasis, links, images, lists, quotes, code fences), not full CommonMark.
#include <cctype>
#include <string>

#include "ingest/source/formats.h"

namespace kg::source {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string unquote(std::string_view value) {
  value = trim(value);
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
    value = value.substr(1, value.size() - 2);
  }
  return std::string(value);
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); }

// Inline markup of one line: [text](url) and ![alt](src) keep their text,
// emphasis and code markers go; '_' inside a word (snake_case) stays.
std::string strip_inline(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '!' && i + 1 < line.size() && line[i + 1] == '[') continue;
    if (c == '[') {
      const size_t close = line.find("](", i);
      const size_t paren = close == std::string_view::npos ? close : line.find(')', close);
      if (paren != std::string_view::npos) {
        out += strip_inline(line.substr(i + 1, close - i - 1));
        i = paren;
        continue;
      }
    }
    if (c == '*' || c == '`' || c == '~') continue;
    if (c == '_') {
      const bool inside_word = i > 0 && i + 1 < line.size() && is_word_char(line[i - 1]) && is_word_char(line[i + 1]);
      if (!inside_word) continue;
    }
    out += c;
  }
  return out;
}

// The line without a leading list marker ("- ", "* ", "+ ", "12. ") or
// blockquote markers ("> ").
std::string_view strip_block_marker(std::string_view line) {
  while (line.starts_with(">")) line = trim(line.substr(1));
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') {
    return trim(line.substr(2));
  }
  size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  if (digits > 0 && digits + 1 < line.size() && line[digits] == '.' && line[digits + 1] == ' ') {
    return trim(line.substr(digits + 2));
  }
  return line;
}

bool is_rule(std::string_view line) {
  if (line.size() < 3) return false;
  for (char c : line) {
    if (c != line[0] && c != ' ') return false;
  }
  return line[0] == '-' || line[0] == '*' || line[0] == '_' || line[0] == '=';
}

}  // namespace

Article convert_markdown(std::string_view bytes) {
  Article article;
  std::string body;
  size_t pos = 0;
  const auto next_line = [&](std::string_view* line) {
    if (pos > bytes.size() || (pos == bytes.size() && !bytes.empty() && bytes.back() == '\n')) return false;
    size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    *line = bytes.substr(pos, end - pos);
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    pos = end + 1;
    return true;
  };

  std::string_view line;
  // YAML-style front matter: only flat "key: value" pairs are read.
  if (bytes.starts_with("---\n") || bytes.starts_with("---\r\n")) {
    next_line(&line);
    bool closed = false;
    Article meta;
    while (next_line(&line)) {
      if (trim(line) == "---") {
        closed = true;
        break;
      }
      const size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      const std::string_view key = trim(line.substr(0, colon));
      const std::string value = unquote(line.substr(colon + 1));
      if (key == "title") meta.title = value;
      else if (key == "date") meta.date = value;
      else if (key == "url" || key == "link") meta.url = value;
    }
    if (closed) {
      article = std::move(meta);
    } else {
      pos = 0;  // an unclosed "---" is a horizontal rule, not front matter
    }
  }

  bool in_fence = false;
  while (next_line(&line)) {
    const std::string_view trimmed = trim(line);
    if (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
      in_fence = !in_fence;
      body += '\n';
      continue;
    }
    if (in_fence) continue;  // code is not prose
    if (is_rule(trimmed)) {
      body += '\n';
      continue;
    }
    if (trimmed.starts_with("#")) {
      std::string_view heading = trimmed;
      while (heading.starts_with("#")) heading.remove_prefix(1);
      const std::string text = strip_inline(trim(heading));
      if (article.title.empty()) {
        article.title = text;
      } else if (text == article.title && tidy_paragraphs(body).empty()) {
        // The front matter's title repeated as the first heading.
      } else {
        body += "\n" + text + "\n\n";  // a heading is a paragraph of its own
      }
      continue;
    }
    body += strip_inline(strip_block_marker(trimmed));
    body += '\n';
  }
  article.text = tidy_paragraphs(body);
  return article;
}

}  // namespace kg::source
