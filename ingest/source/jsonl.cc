#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/utf8.h"
#include "ingest/source/formats.h"

namespace kg::source {
namespace {

// The optional string field `key` of `object`, or an error when it is there
// but is not a string.
Status optional_string(const nlohmann::json& object, const char* key, std::string* out, std::string_view where) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return Status::ok();
  if (!it->is_string()) return Status::invalid_input(fmt::format("{}: field \"{}\" must be a string", where, key));
  *out = it->get<std::string>();
  return Status::ok();
}

// A control character other than tab, newline and carriage return in a text
// field of an article: refused, naming the field (it would reach the store,
// the exports and the terminal as is).
Status refuse_control_characters(std::string_view field, std::string_view key, std::string_view where) {
  if (const auto at = utf8::first_control_character(field)) {
    return Status::invalid_input(fmt::format("{}: field \"{}\" holds control character U+{:04X} at byte {} (counting "
                                             "from 1; only tab, newline and carriage return are allowed)",
                                             where, key, static_cast<unsigned char>(field[*at]), *at + 1));
  }
  return Status::ok();
}

}  // namespace

std::string json_error_detail(std::string_view message) {
  // nlohmann's text: "[json.exception.parse_error.101] parse error at line 1,
  // column 10: syntax error while parsing value - ...".
  if (const size_t bracket = message.find("] "); bracket != std::string_view::npos) message.remove_prefix(bracket + 2);
  constexpr std::string_view kLineOne = "parse error at line 1, ";
  if (message.starts_with(kLineOne)) message.remove_prefix(kLineOne.size());
  return std::string(message);
}

namespace {

// The article on line `line_no` of `name`, or why it is not one.
Result<Document> parse_jsonl_line(std::string_view name, std::string_view line, size_t line_no,
                                  const ReadOptions& options) {
  const std::string where = fmt::format("{}:{}", name, line_no);
  if (line.size() > options.max_article_bytes) {
    return Status::invalid_input(fmt::format("{}: line of {} bytes is over the limit of {} bytes per article", where,
                                             line.size(), options.max_article_bytes));
  }
  nlohmann::json object;
  try {
    object = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {  // syntax, or a number out of range (1e999999)
    return Status::invalid_input(fmt::format("{}: malformed JSON: {}", where, json_error_detail(e.what())));
  }
  if (!object.is_object()) {
    return Status::invalid_input(fmt::format("{}: expected a JSON object with a \"text\" field", where));
  }
  const auto text = object.find("text");
  if (text == object.end() || !text->is_string()) {
    // A line of `kg extract --format jsonl` is a document record, not an article.
    const bool is_record = object.contains("kg_record");
    return Status::invalid_input(fmt::format("{}: missing string field \"text\"{}", where,
                                             is_record ? " (records from kg extract go through "
                                                         "'kg ingest --triples FILE')"
                                                       : ""));
  }
  Document doc;
  doc.source = std::string(name);
  doc.text = text->get<std::string>();
  if (const auto bad = utf8::first_invalid_byte(doc.text)) {
    return Status::invalid_input(
        fmt::format("{}: invalid UTF-8 at byte {} of \"text\" (counting from 1)", where, *bad + 1));
  }
  for (const auto& [key, field] : {std::pair{"id", &doc.id}, std::pair{"title", &doc.title},
                                   std::pair{"date", &doc.date}, std::pair{"url", &doc.url}}) {
    if (std::string_view(key) == "id" && object["id"].is_number_integer()) {
      doc.id = object["id"].dump();  // the digits as written: 18446744073709551615 stays itself
      continue;
    }
    if (Status s = optional_string(object, key, field, where); !s.is_ok()) return s;
    if (Status s = refuse_control_characters(*field, key, where); !s.is_ok()) return s;
  }
  if (Status s = refuse_control_characters(doc.text, "text", where); !s.is_ok()) return s;
  Result<std::string> date = article_date(where, doc.date);
  if (!date.is_ok()) return date.status();
  doc.date = std::move(*date);
  doc.text = tidy_paragraphs(decode_character_references(doc.text));
  if (doc.text.empty()) return Status::invalid_input(fmt::format("{}: \"text\" is empty", where));
  if (doc.id.empty()) doc.id = where;
  doc.content_hash = content_hash(doc.text);
  return doc;
}

}  // namespace

Result<std::vector<Document>> parse_jsonl(std::string_view name, std::string_view bytes, const ReadOptions& options,
                                          std::vector<Status>* bad_lines, size_t first_line) {
  std::vector<Document> documents;
  size_t line_no = first_line - 1;
  size_t pos = 0;
  size_t bad = 0;
  while (pos < bytes.size()) {
    ++line_no;
    size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view line = bytes.substr(pos, end - pos);
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    Result<Document> doc = parse_jsonl_line(name, line, line_no, options);
    if (doc.is_ok()) {
      documents.push_back(std::move(*doc));
      continue;
    }
    if (!bad_lines) return doc.status();
    bad_lines->push_back(doc.status());
    ++bad;
  }
  if (documents.empty() && bad == 0) {
    return Status::invalid_input(fmt::format("{}: no articles (every line is blank)", name));
  }
  return documents;
}

}  // namespace kg::source
