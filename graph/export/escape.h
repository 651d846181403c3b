// How a name, alias or relation phrase is written into each export format
// so that no text can break the file or change its meaning. Private to
// graph/export; each writer uses the function of its format and nothing else.
//
// Every function first repairs ill-formed UTF-8 (U+FFFD), since each format
// is read as UTF-8: stored text is checked at ingest, but a damaged store
// must still export a file its readers accept.
#pragma once

#include <string>
#include <string_view>

namespace kg::graph {

// A DOT double-quoted string, quotes included: '"' and '\' escaped, newline
// as DOT's \n, other control characters as a space. Always quoted, so a
// name such as "edge" or "strict" is never read as a DOT keyword, and a
// backslash never starts one of DOT's label escapes (\N, \G, \l...).
std::string dot_quoted(std::string_view text);

// Text for GraphML character data or attribute values, before the XML
// writer escapes <, >, &, quotes: characters XML 1.0 forbids (controls other
// than tab and newline) become U+FFFD, "\r\n" and a lone '\r' become '\n'
// (what an XML parser would turn them into anyway).
std::string xml_text(std::string_view text);

// Text escaped for an HTML-like graphviz label or XML content written by
// hand: xml_text, then Boost.PropertyTree's entity encoding (<, >, &, ", ').
std::string xml_escaped(std::string_view text);

// One RFC 4180 field, always quoted, inner quotes doubled. A cell starting
// with =, +, -, @, tab or carriage return gets a leading ' so a spreadsheet
// does not run it as a formula.
std::string csv_cell(std::string_view text);

// A Neo4j relationship type or label: [A-Z0-9_], never starting with a
// digit, never empty ("speak with" -> SPEAK_WITH, "9.4bn by" -> R_9_4BN_BY).
std::string neo4j_token(std::string_view text);

// An N-Triples string literal, quotes included: ECHAR escapes, \uXXXX for
// other control characters, UTF-8 passed through.
std::string ntriples_literal(std::string_view text);

// One IRI path segment: every byte outside RFC 3986's unreserved set
// percent-encoded (a space is %20, so "speak with" and "speak_with" stay
// two IRIs).
std::string iri_segment(std::string_view text);

}  // namespace kg::graph
