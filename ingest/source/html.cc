// HTML to plain text: enough for saved news pages. Not a conforming HTML5
// parser: tags are dropped, block elements become paragraph breaks, the
// content of script/style and of page furniture (nav, aside, footer) is
// skipped, and character references are decoded.
#include <array>
#include <cctype>
#include <charconv>
#include <string>
#include <utility>

#include "ingest/source/formats.h"

namespace kg::source {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Elements whose whole content is not article prose.
bool is_skipped_element(std::string_view tag) {
  static constexpr std::array<std::string_view, 10> kSkipped = {
      "script", "style", "noscript", "template", "svg", "nav", "aside", "footer", "form", "iframe"};
  for (std::string_view s : kSkipped) {
    if (tag == s) return true;
  }
  return false;
}

// Elements that start a new paragraph.
bool is_block_element(std::string_view tag) {
  static constexpr std::array<std::string_view, 22> kBlocks = {
      "p",  "div", "section", "article", "header", "main", "blockquote", "ul", "ol", "li", "table",
      "tr", "h1",  "h2",      "h3",      "h4",     "h5",   "h6",         "pre", "figure", "figcaption", "dl"};
  for (std::string_view s : kBlocks) {
    if (tag == s) return true;
  }
  return false;
}

// Value of attribute `name` inside the tag text `tag` (between '<' and '>').
std::string attribute(std::string_view tag, std::string_view name) {
  const std::string lowered = lower(tag);
  size_t at = 0;
  while ((at = lowered.find(name, at)) != std::string::npos) {
    const bool starts_word = at > 0 && std::isspace(static_cast<unsigned char>(lowered[at - 1]));
    size_t eq = at + name.size();
    while (eq < lowered.size() && lowered[eq] == ' ') ++eq;
    if (!starts_word || eq >= lowered.size() || lowered[eq] != '=') {
      at += name.size();
      continue;
    }
    size_t v = eq + 1;
    while (v < tag.size() && tag[v] == ' ') ++v;
    if (v >= tag.size()) return "";
    if (tag[v] == '"' || tag[v] == '\'') {
      const size_t close = tag.find(tag[v], v + 1);
      return std::string(tag.substr(v + 1, close == std::string_view::npos ? std::string_view::npos : close - v - 1));
    }
    size_t end = v;
    while (end < tag.size() && !std::isspace(static_cast<unsigned char>(tag[end])) && tag[end] != '/') ++end;
    return std::string(tag.substr(v, end - v));
  }
  return "";
}

// Text with character references decoded and whitespace collapsed the way a
// browser renders it.
void append_text(std::string& out, std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
      continue;
    }
    if (c == '&') {
      const size_t semi = text.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10) {
        const std::string decoded = decode_html_entity(text.substr(i + 1, semi - i - 1));
        if (!decoded.empty()) {
          if (decoded == " ") {
            if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
          } else {
            out += decoded;
          }
          i = semi;
          continue;
        }
      }
    }
    out += c;
  }
}

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string decode_html_entity(std::string_view name) {
  if (name.starts_with("#")) {
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    const std::string_view digits = name.substr(hex ? 2 : 1);
    uint32_t cp = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) return "";
    std::string out;
    append_utf8(out, cp == 0xA0 ? U' ' : static_cast<char32_t>(cp));
    return out;
  }
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kNamed = {{
      {"amp", "&"},       {"lt", "<"},        {"gt", ">"},        {"quot", "\""},     {"apos", "'"},
      {"nbsp", " "},      {"ndash", "\u2013"}, {"mdash", "\u2014"}, {"lsquo", "\u2018"}, {"rsquo", "\u2019"},
      {"ldquo", "\u201C"}, {"rdquo", "\u201D"}, {"hellip", "\u2026"}, {"eacute", "\u00E9"}, {"euro", "\u20AC"},
      {"pound", "\u00A3"}, {"copy", "\u00A9"}, {"deg", "\u00B0"},  {"middot", "\u00B7"}, {"times", "\u00D7"},
  }};
  for (const auto& [entity, text] : kNamed) {
    if (name == entity) return std::string(text.empty() ? "" : text);
  }
  return "";
}

Article convert_html(std::string_view bytes) {
  Article article;
  std::string body;
  std::string first_h1;
  size_t pos = 0;
  while (pos < bytes.size()) {
    const size_t lt = bytes.find('<', pos);
    append_text(body, bytes.substr(pos, (lt == std::string_view::npos ? bytes.size() : lt) - pos));
    if (lt == std::string_view::npos) break;
    if (bytes.substr(lt).starts_with("<!--")) {
      const size_t close = bytes.find("-->", lt + 4);
      pos = close == std::string_view::npos ? bytes.size() : close + 3;
      continue;
    }
    const size_t gt = bytes.find('>', lt);
    if (gt == std::string_view::npos) break;  // a cut-off tag at the end carries no text
    const std::string_view tag_text = bytes.substr(lt + 1, gt - lt - 1);
    pos = gt + 1;
    const bool closing = tag_text.starts_with("/");
    size_t name_end = closing ? 1 : 0;
    while (name_end < tag_text.size() && std::isalnum(static_cast<unsigned char>(tag_text[name_end]))) ++name_end;
    const std::string tag = lower(tag_text.substr(closing ? 1 : 0, name_end - (closing ? 1 : 0)));
    if (tag.empty()) continue;  // <!DOCTYPE ...>, <?xml ...?>

    if (!closing && (is_skipped_element(tag) || tag == "title" || (tag == "h1" && first_h1.empty()))) {
      const std::string close_tag = "</" + tag;
      size_t close = pos;
      // Case-insensitive search for the closing tag.
      while (close < bytes.size()) {
        close = bytes.find("</", close);
        if (close == std::string_view::npos || lower(bytes.substr(close, close_tag.size())) == close_tag) break;
        close += 2;
      }
      if (close == std::string_view::npos) close = bytes.size();
      const std::string_view inner = bytes.substr(pos, close - pos);
      if (tag == "title" || tag == "h1") {
        std::string text;
        // Nested inline tags inside a headline are dropped, text kept.
        Article inner_article = convert_html(inner);
        append_text(text, inner_article.text);
        if (tag == "title" && article.title.empty()) article.title = text;
        if (tag == "h1") first_h1 = text.empty() ? " " : text;
      }
      const size_t gt_close = bytes.find('>', close);
      pos = gt_close == std::string_view::npos ? bytes.size() : gt_close + 1;
      if (tag == "h1") body += "\n\n";
      continue;
    }
    if (tag == "meta") {
      const std::string key = lower(attribute(tag_text, "name") + attribute(tag_text, "property"));
      if (article.date.empty() && (key == "date" || key == "article:published_time" || key == "dc.date")) {
        article.date = attribute(tag_text, "content");
      }
      if (article.url.empty() && key == "og:url") article.url = attribute(tag_text, "content");
      continue;
    }
    if (tag == "link" && lower(attribute(tag_text, "rel")) == "canonical") {
      article.url = attribute(tag_text, "href");
      continue;
    }
    if (tag == "br") {
      body += '\n';
    } else if (is_block_element(tag)) {
      body += "\n\n";
    }
  }
  if (article.title.empty() && first_h1 != " ") article.title = first_h1;
  article.text = tidy_paragraphs(body);
  return article;
}

}  // namespace kg::source
