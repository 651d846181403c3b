// HTML to plain text. Gumbo (libgumbo, an HTML5 parser following the WHATWG
// algorithm) builds the tree and decodes character references; kg walks the
// tree and keeps what a reader of the page would call the article: block
// elements become paragraph breaks, the content of scripts, styles and page
// furniture (nav, aside, footer, forms, a page-level header) is skipped, and
// the title, date and canonical link are read from <title>, <meta> and <link>.
//
// Depth invariant: the input sets the depth of the tree (20,000 nested <div>
// make a tree 20,000 deep), so nothing here recurses over it. The walk keeps
// an explicit stack, and the tree is freed by an allocator that owns every
// block Gumbo asks for, instead of gumbo_destroy_output, which recurses.
#include <fmt/format.h>
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <new>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "ingest/source/formats.h"

namespace kg::source {
namespace {

// Owns every allocation Gumbo makes for one parse. Blocks Gumbo frees while
// parsing are freed at once; the rest (the output tree) goes with the pool.
class GumboPool {
 public:
  GumboPool() = default;
  GumboPool(const GumboPool&) = delete;
  GumboPool& operator=(const GumboPool&) = delete;
  ~GumboPool() {
    for (void* block : live_) std::free(block);
  }

  GumboOptions options() {
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = &GumboPool::allocate;
    options.deallocator = &GumboPool::deallocate;
    options.userdata = this;
    options.max_errors = 0;  // kg reads broken pages as browsers do; the error list would only cost memory
    return options;
  }

 private:
  // Gumbo does not check for a null block; out of memory ends in the
  // exception every other allocation in kg throws.
  static void* allocate(void* self, size_t size) {
    void* block = std::malloc(size == 0 ? 1 : size);
    if (block == nullptr) throw std::bad_alloc();
    static_cast<GumboPool*>(self)->live_.insert(block);
    return block;
  }
  static void deallocate(void* self, void* block) {
    if (block == nullptr) return;
    static_cast<GumboPool*>(self)->live_.erase(block);
    std::free(block);
  }

  std::unordered_set<void*> live_;
};

// Elements whose whole content is not article prose.
bool is_skipped_element(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM: case GUMBO_TAG_IFRAME: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON:
      return true;
    default:
      return false;
  }
}

// Elements that start and end a paragraph.
bool is_block_element(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_LI:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_PRE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR: case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string attribute(const GumboNode* element, const char* name) {
  const GumboAttribute* attr = gumbo_get_attribute(&element->v.element.attributes, name);
  return attr == nullptr ? std::string() : std::string(attr->value);
}

// A <header> outside <article> and <main> is the site's banner, not the
// article's own header (which holds its headline and byline).
bool is_page_header(const GumboNode* element) {
  for (const GumboNode* up = element->parent; up != nullptr && up->type == GUMBO_NODE_ELEMENT; up = up->parent) {
    if (up->v.element.tag == GUMBO_TAG_ARTICLE || up->v.element.tag == GUMBO_TAG_MAIN) return false;
  }
  return true;
}

// Text as a browser renders it: whitespace runs (and no-break spaces) become
// one space, none at the start of a line.
void append_text(std::string& out, std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const bool nbsp = text[i] == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
    if (nbsp || std::isspace(static_cast<unsigned char>(text[i]))) {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
      if (nbsp) ++i;
      continue;
    }
    out += text[i];
  }
}

// Walks one parsed page. Text goes to the body, or, inside <title> and the
// first <h1>, to a capture that becomes the title candidate.
class PageWalker {
 public:
  Article walk(const GumboNode* root) {
    struct Step {
      const GumboNode* node;
      bool leaving;
    };
    std::vector<Step> stack = {{root, false}};
    while (!stack.empty()) {
      const Step step = stack.back();
      stack.pop_back();
      if (step.leaving) {
        leave(step.node);
        continue;
      }
      if (!enter(step.node)) continue;
      stack.push_back({step.node, true});
      const GumboVector& children =
          step.node->type == GUMBO_NODE_DOCUMENT ? step.node->v.document.children : step.node->v.element.children;
      for (unsigned i = children.length; i-- > 0;) {
        stack.push_back({static_cast<const GumboNode*>(children.data[i]), false});
      }
    }
    if (article_.title.empty() && !first_h1_.empty()) article_.title = first_h1_;
    article_.text = tidy_paragraphs(body_);
    return std::move(article_);
  }

 private:
  // Handles the start of `node`; true when its children are to be walked.
  bool enter(const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_DOCUMENT: return true;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
        append_text(capture_ != nullptr ? *capture_ : body_, node->v.text.text);
        return false;
      case GUMBO_NODE_ELEMENT: break;
      default: return false;  // comments, CDATA, templates
    }
    const GumboTag tag = node->v.element.tag;
    if (is_skipped_element(tag) || (tag == GUMBO_TAG_HEADER && is_page_header(node))) return false;
    if (capture_ != nullptr) {  // markup inside a headline: its text is kept on one line
      if (tag == GUMBO_TAG_BR || is_block_element(tag)) append_text(*capture_, " ");
      return true;
    }
    switch (tag) {
      case GUMBO_TAG_TITLE:
        if (!article_.title.empty()) return false;
        capture_ = &article_.title;
        capture_owner_ = node;
        return true;
      case GUMBO_TAG_H1:
        if (first_h1_seen_) break;
        first_h1_seen_ = true;
        capture_ = &first_h1_;
        capture_owner_ = node;
        return true;
      case GUMBO_TAG_META: read_meta(node); return false;
      case GUMBO_TAG_LINK:
        if (lower(attribute(node, "rel")) == "canonical") article_.url = attribute(node, "href");
        return false;
      case GUMBO_TAG_BR: body_ += '\n'; return false;
      default: break;
    }
    if (is_block_element(tag)) body_ += "\n\n";
    return true;
  }

  void leave(const GumboNode* node) {
    if (node == capture_owner_) {
      trim_trailing_space(*capture_);
      capture_ = nullptr;
      capture_owner_ = nullptr;
      if (node->v.element.tag == GUMBO_TAG_H1) body_ += "\n\n";
      return;
    }
    if (capture_ == nullptr && node->type == GUMBO_NODE_ELEMENT && is_block_element(node->v.element.tag)) {
      body_ += "\n\n";
    }
  }

  void read_meta(const GumboNode* node) {
    const std::string key = lower(attribute(node, "name") + attribute(node, "property"));
    if (article_.date.empty() && (key == "date" || key == "article:published_time" || key == "dc.date")) {
      article_.date = attribute(node, "content");
    }
    if (article_.url.empty() && key == "og:url") article_.url = attribute(node, "content");
  }

  static void trim_trailing_space(std::string& s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
  }

  Article article_;
  std::string body_;
  std::string first_h1_;
  bool first_h1_seen_ = false;
  std::string* capture_ = nullptr;          // where text goes while inside <title> or the first <h1>
  const GumboNode* capture_owner_ = nullptr;  // the element whose end stops the capture
};

// Elements that never deepen the tree: void elements, and those HTML closes
// when the same kind opens again (a <p> ends the open <p>, a heading the open
// heading, an <li> the open <li>) or merges into one (<html>, <body>).
bool never_nests(std::string_view name) {
  static constexpr std::array<std::string_view, 44> kFlat = {
      "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "image", "input",
      "keygen", "link", "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd", "option",
      "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "colgroup", "rb", "rt", "rtc",
      "rp", "html", "head", "body", "h1", "h2", "h3", "h4"};
  return std::find(kFlat.begin(), kFlat.end(), name) != kFlat.end() || name == "h5" || name == "h6";
}

// Elements whose content is text up to their end tag, not markup.
bool holds_raw_text(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp" ||
         name == "iframe" || name == "noembed" || name == "noframes";
}

// HTML start tags that end SVG or MathML content (the WHATWG list, with
// <font> always counted as one, which can only raise the bound).
bool leaves_foreign_content(std::string_view name) {
  static constexpr std::array<std::string_view, 46> kBreakout = {
      "b",  "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
      "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu",
      "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup",
      "table", "tt", "u", "ul", "var", "font", "dir"};
  return std::find(kBreakout.begin(), kBreakout.end(), name) != kBreakout.end();
}

}  // namespace

// An upper bound on how deep Gumbo's tree for `bytes` gets: the number of
// start tags still open, counted per name so that a stray end tag cannot
// lower it, leaving out the elements that never nest. One pass, linear.
size_t html_nesting_bound(std::string_view bytes) {
  std::unordered_map<std::string, size_t> open;
  size_t depth = 0, deepest = 0, foreign = 0;
  size_t at = 0;
  while ((at = bytes.find('<', at)) != std::string_view::npos) {
    if (bytes.substr(at, 4) == "<!--") {
      const size_t end = bytes.find("-->", at + 4);
      if (end == std::string_view::npos) break;
      at = end + 3;
      continue;
    }
    const bool closing = bytes.substr(at + 1, 1) == "/";
    size_t name_end = at + 1 + (closing ? 1 : 0);
    const size_t name_begin = name_end;
    if (name_begin >= bytes.size() || !std::isalpha(static_cast<unsigned char>(bytes[name_begin]))) {
      ++at;  // "<" in text, "<!DOCTYPE", "<?xml": no element
      continue;
    }
    while (name_end < bytes.size() && !std::isspace(static_cast<unsigned char>(bytes[name_end])) &&
           bytes[name_end] != '/' && bytes[name_end] != '>') {
      ++name_end;
    }
    const std::string name = lower(bytes.substr(name_begin, name_end - name_begin));
    const size_t gt = bytes.find('>', name_end);
    if (gt == std::string_view::npos) break;
    at = gt + 1;
    if (closing) {
      auto it = open.find(name);
      if (it != open.end() && it->second > 0) {
        --it->second;
        --depth;
        if ((name == "svg" || name == "math") && foreign > 0) --foreign;
      }
      continue;
    }
    if (foreign > 0 && leaves_foreign_content(name)) foreign = 0;
    const bool self_closed = foreign > 0 && bytes[gt - 1] == '/';
    if (holds_raw_text(name)) {  // skip to its end tag (or the end of the page), as the tokenizer does
      const std::string end_tag = "</" + name;
      at = bytes.find("</", at);
      while (at != std::string_view::npos && lower(bytes.substr(at, end_tag.size())) != end_tag) {
        at = bytes.find("</", at + 2);
      }
      if (at == std::string_view::npos) break;
      continue;
    }
    if (self_closed || never_nests(name)) continue;
    if (name == "svg" || name == "math") ++foreign;
    ++open[name];
    deepest = std::max(deepest, ++depth);
  }
  return deepest;
}

namespace {

// Gumbo frees the <body> it has built, recursively, when a <frameset> comes
// after it; a deep body would then exhaust the stack. Frameset pages hold no
// article text, so kg reads them as empty (the caller reports "no article text").
bool has_frameset(std::string_view bytes) {
  static constexpr std::string_view kTag = "frameset";
  for (size_t at = bytes.find('<'); at != std::string_view::npos; at = bytes.find('<', at + 1)) {
    const std::string_view name = bytes.substr(at + 1, kTag.size());
    const auto same = [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; };
    if (name.size() == kTag.size() && std::equal(name.begin(), name.end(), kTag.begin(), same)) return true;
  }
  return false;
}

}  // namespace

Result<Article> convert_html(std::string_view bytes, size_t max_depth) {
  if (has_frameset(bytes)) return Article{};
  // Gumbo's tree builder looks through the stack of open elements for most
  // start tags, so its time grows with the square of the nesting (40,000
  // nested <div> took 6 s, 200,000 over 2 minutes). Browsers cap the depth
  // too; kg refuses such a page with a clear message.
  if (const size_t depth = html_nesting_bound(bytes); depth > max_depth) {
    return Status::invalid_input(
        fmt::format("HTML nested {} elements deep (kg reads pages up to {} deep)", depth, max_depth));
  }
  GumboPool pool;
  const GumboOptions options = pool.options();
  const GumboOutput* output = gumbo_parse_with_options(&options, bytes.data(), bytes.size());
  return PageWalker().walk(output->document);
}

}  // namespace kg::source
