// Markdown to plain text. cmark (libcmark, the CommonMark reference
// implementation) parses the text after kg has read the YAML-style front
// matter, which is not CommonMark.
#include <cmark.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

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

// Walks the CommonMark tree with cmark's iterator (no recursion, whatever
// the nesting) and writes the prose: paragraphs and headings become
// paragraphs, inline markup leaves its text (a link its words, an image its
// alt text), code blocks, raw HTML and rules leave nothing.
class MarkdownWalker {
 public:
  explicit MarkdownWalker(Article& article) : article_(article) {}

  std::string walk(cmark_node* document) {
    cmark_iter* iter = cmark_iter_new(document);
    for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (event == CMARK_EVENT_ENTER) {
        enter(node);
      } else {
        leave(node);
      }
    }
    cmark_iter_free(iter);
    return std::move(body_);
  }

 private:
  std::string& out() { return in_heading_ ? heading_ : body_; }

  // Leaf nodes (text, code, breaks, code blocks) only ever enter.
  void enter(cmark_node* node) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE: out() += cmark_node_get_literal(node); break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: out() += in_heading_ ? ' ' : '\n'; break;
      case CMARK_NODE_PARAGRAPH: separate_from_previous(node); break;
      case CMARK_NODE_HEADING:
        in_heading_ = true;
        heading_.clear();
        break;
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_THEMATIC_BREAK: body_ += "\n\n"; break;
      default: break;  // containers and emphasis only wrap text; raw HTML is markup
    }
  }

  void leave(cmark_node* node) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_PARAGRAPH:
        body_ += '\n';
        last_end_line_ = cmark_node_get_end_line(node);
        break;
      case CMARK_NODE_HEADING: {
        in_heading_ = false;
        const std::string text(trim(heading_));
        const bool first = !seen_heading_;
        seen_heading_ = true;
        if (article_.title.empty()) {
          article_.title = text;
        } else if (first && text == article_.title && trim(body_).empty()) {
          // The front matter's title repeated as the first heading.
        } else {
          body_ += "\n" + text + "\n\n";  // a heading is a paragraph of its own
        }
        break;
      }
      default: break;
    }
  }

  // Paragraphs (list items, quotes) written on consecutive lines stay lines
  // of one paragraph, as the writer laid them out; a blank line between
  // them is a paragraph break.
  void separate_from_previous(cmark_node* paragraph) {
    if (last_end_line_ > 0 && cmark_node_get_start_line(paragraph) > last_end_line_ + 1) body_ += '\n';
  }

  Article& article_;
  std::string body_;
  std::string heading_;
  bool in_heading_ = false;
  bool seen_heading_ = false;
  int last_end_line_ = 0;  // source line where the last paragraph ended (0: none yet)
};

}  // namespace

Article convert_markdown(std::string_view bytes) {
  Article article;
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

  const std::string_view prose = bytes.substr(std::min(pos, bytes.size()));
  cmark_node* document = cmark_parse_document(prose.data(), prose.size(), CMARK_OPT_DEFAULT);
  const std::string body = MarkdownWalker(article).walk(document);
  cmark_node_free(document);
  article.text = tidy_paragraphs(body);
  return article;
}

}  // namespace kg::source
