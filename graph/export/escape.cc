#include "graph/export/escape.h"

#include <boost/property_tree/detail/xml_parser_utils.hpp>
#include <cctype>
#include <fmt/format.h>

#include "base/utf8.h"
#include "graph/export/export.h"

namespace kg::graph {
namespace {

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7f; }

}  // namespace

std::string dot_quoted(std::string_view text) {
  const std::string valid = utf8::repair(text);
  std::string out = "\"";
  for (char c : valid) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (is_control(static_cast<unsigned char>(c))) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string xml_text(std::string_view text) {
  const std::string valid = utf8::repair(text);
  std::string out;
  out.reserve(valid.size());
  for (size_t i = 0; i < valid.size(); ++i) {
    const char c = valid[i];
    if (c == '\r') {
      if (i + 1 < valid.size() && valid[i + 1] == '\n') continue;
      out += '\n';
    } else if (c != '\t' && c != '\n' && static_cast<unsigned char>(c) < 0x20) {
      out += "\xEF\xBF\xBD";  // U+FFFD
    } else {
      out += c;
    }
  }
  return out;
}

std::string xml_escaped(std::string_view text) {
  return boost::property_tree::xml_parser::encode_char_entities(xml_text(text));
}

std::string csv_cell(std::string_view text) {
  const std::string valid = utf8::repair(text);
  std::string out = "\"";
  if (!valid.empty() && std::string_view("=+-@\t\r").find(valid.front()) != std::string_view::npos) out += '\'';
  for (char c : valid) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string neo4j_token(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && std::isalnum(u)) {
      out += static_cast<char>(std::toupper(u));
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (out.empty()) return "RELATED_TO";
  if (out.front() >= '0' && out.front() <= '9') out.insert(0, "R_");
  return out;
}

std::string ntriples_literal(std::string_view text) {
  const std::string valid = utf8::repair(text);
  std::string out = "\"";
  for (char c : valid) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (is_control(static_cast<unsigned char>(c))) out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
        else out += c;
    }
  }
  return out + "\"";
}

std::string iri_segment(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~';
    if (unreserved) out += c;
    else out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
  }
  return out;
}

namespace {

bool is_valid_base_iri(std::string_view iri) {
  const size_t colon = iri.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == iri.size()) return false;
  for (size_t i = 0; i < colon; ++i) {
    const char c = iri[i];
    const bool scheme_char = std::isalpha(static_cast<unsigned char>(c)) ||
                             (i > 0 && (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'));
    if (!scheme_char) return false;
  }
  for (char c : iri) {
    if (static_cast<unsigned char>(c) <= 0x20 || std::string_view("<>\"{}|^`\\").find(c) != std::string_view::npos) {
      return false;
    }
  }
  return !utf8::first_invalid_byte(iri).has_value();
}

}  // namespace

Status check_base_iri(std::string_view iri) {
  if (is_valid_base_iri(iri)) return Status::ok();
  return Status::invalid_input(fmt::format("--base '{}' is not an absolute IRI; give one such as {}", utf8::repair(iri), kDefaultBaseIri));
}

}  // namespace kg::graph
