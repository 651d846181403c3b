#include <string>

#include "ingest/source/formats.h"

namespace kg::source {
namespace {

// Lines of `text` without their line terminators ("\n" or "\r\n").
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string tidy_paragraphs(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool blank_pending = false;
  for (std::string_view line : split_lines(text)) {
    line = trim(line);
    if (line.empty()) {
      blank_pending = !out.empty();
      continue;
    }
    if (!out.empty()) out += blank_pending ? "\n\n" : "\n";
    blank_pending = false;
    out.append(line);
  }
  return out;
}

Article convert_plain_text(std::string_view bytes) {
  Article article;
  const std::string tidy = tidy_paragraphs(decode_character_references(bytes));
  // The first line is a headline when it stands alone as a paragraph, is
  // short, and does not end like a sentence; otherwise it is body text.
  const size_t end = tidy.find("\n\n");
  if (end != std::string::npos) {
    const std::string_view first = std::string_view(tidy).substr(0, end);
    const bool one_line = first.find('\n') == std::string_view::npos;
    const bool ends_like_sentence = first.back() == '.' || first.back() == '?' || first.back() == '!';
    if (one_line && first.size() <= 200 && !ends_like_sentence) {
      article.title = std::string(first);
      article.text = tidy.substr(end + 2);
      return article;
    }
  }
  article.text = tidy;
  return article;
}

}  // namespace kg::source
